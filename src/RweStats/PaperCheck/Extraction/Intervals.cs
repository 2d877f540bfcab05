using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Estimates with their confidence intervals (named, bare limits, the p opening the bracket) or their standard errors, and whether an estimate is a ratio.
internal static partial class StatisticExtractor
{
    // The estimate may carry its unit and what it compares ("0.9 points more with the supplement (95% CI …)", "−0.3 mm Hg
    // (95% CI …)", "1,2 jour après le programme (IC à 95 % …)", "−1,3 point à 12 mois (IC …)", "−0.4 points between the groups (95% CI …)", "2.1 points in favour of
    // minimally invasive surgery (95% confidence interval …)", "1,8 point en faveur du programme (IC …)"): group "said", read only for an estimate with a decimal
    // or a sign, never a count ("34 patients with diabetes (95% CI …)").
    static readonly Regex Interval = new(@"(?<est>" + Num + @")\s*%?\s*(?:(?<pp>percentage points?|points de pourcentage)|(?<per>(?:per|par)\s+[a-zA-Zé-]+)|[a-zA-Zµ/]+(?:\s+Hg)?(?<said>(?:\s+(?:more|higher|greater|de plus|(?<fewer>less|fewer|lower|smaller|shorter|de moins)))?(?:\s+(?:between|entre)\s+(?:the\s+|les\s+)?(?:two\s+|deux\s+)?(?:groups|arms|groupes|bras))?(?:\s+(?:with|after|on|avec|après|sous)\s+(?:(?:the|le|la|les)\s+|l')?[\p{L}][\p{L}\d-]*|\s+(?:in favou?r of|en faveur d(?:e|u|es|e la|e l'))\s*(?:(?:the|le|la|les)\s+|l')?(?:[\p{L}][\p{L}\d-]*\s+){0,2}[\p{L}][\p{L}\d-]*)?(?:\s+(?:at|à)\s+(?:\d{1,3}\s+(?:weeks|months|days|years|semaines|mois|jours|ans)|(?:week|month|day|semaine)\s+\d{1,3}|[JMSWD]\d{1,3}))?))?\s*[\(\[,;]\s*(?:(?<rname>a?HR|a?OR|RR|IRR|sHR)\s*[;,:]\s*)?(?:(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence interval(?:\s*\[CI\])?|intervalle de confiance(?:\s*\[IC\])?)|(?:CI|IC)\s*(?:à\s*)?(?<lvl>\d{2})(?:\s*%|(?=\s*[:,\[(]?\s*-?\d)))\s*[:,=]?\s*\[?\s*(?<lo>" + Num + @")\s*%?" + Sep + "(?<hi>" + Num + ")", Opt);

    /// <summary>
    /// A named estimate with its limits in brackets and no level: "OR 1.8 [1.1–2.9]", "HR 0.72 (0.55; 0.94)", "mean
    /// difference -1.2 (-2.3 to -0.1)". The name is required: a bare "6 (4-8)" may be a median with its quartiles or range,
    /// and so may a "median difference 5 (3–7)".
    /// </summary>
    static readonly Regex BareInterval = new(@"\b(?<!(?i:median|médiane?)\s)(?<name>a?OR|a?HR|sHR|RR|IRR|MD|(?i:odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|risque relatif|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))\s*(?:[=:,]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[]\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]", Opt);
    /// <summary>"β = 0.12 (SE 0.05), p = 0.02", "coefficient 0.12, SE = 0.05; p = 0.02", "différence 1,2 (ES 0,5)": a named estimate with its standard error.</summary>
    static readonly Regex EstimateSe = new(@"(?<![\w])(?<name>β|beta|[Bb]|(?i:coefficient|coef\.|estimate|estimation|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))(?:\s+(?:for|of|de|du|pour)\s+(?:[\w'-]+\s+){1,3}?(?=was|of|is|était|est|de|=|:))?\s*(?:[=:]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[,;]?\s*(?:SE|ES|s\.e\.|(?i:standard error|erreur standard))\s*[=:]?\s*(?<se>" + Num + @")\s*[\)\]]?", Opt);
    /// <summary>
    /// An amount of change or an effect with no name of its own, its SE and its p in one bracket or right after it: "fell by
    /// 1.23 (SE 0.41; P = .44)", "each unit of platelets one of 0.052 (SE 0.038; P = .004)", "estimated difference, 2.4 beats
    /// per minute [SE 0.6]; P &lt; 0.001", "diminuait de 0,42 jour par année calendaire (erreur standard 0,11 ; p &lt; 0,001)".
    /// </summary>
    static readonly Regex ChangeWithSe = new(@"\b(?:by|of|de|d'|difference|différence|coefficient|effect|effet)\s*[,:=]?\s*(?:(?:a further|an|a|encore|en moyenne)\s+)?(?<est>" + Num + @")\s*(?:[\p{L}µ/'][\p{L}µ/'-]*\s*){0,5}?[\(\[]\s*(?:SE|ES|s\.e\.|(?i:standard error|erreur standard))\s*[=:,]?\s*(?<se>" + Num + @")\s*(?:[;,]|[\)\]]\s*[;,])\s*(?=[pP]\s*[<=>≤≥])", Opt);
    static readonly Regex MeanNotChange = new(@"\b(?:mean|moyenne|average|median|médiane)\b(?![^.;]*\b(?:differ|chang|variation|slope|pente|coefficient|effect|effet))", OptI);
    /// <summary>A confidence level stated anywhere in the paper: "95 % CI", "IC à 95 %", "IC95", "intervalle de confiance à 90 %".</summary>
    static readonly Regex StatedLevel = new(@"(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence|de confiance)|(?:CI|IC|confidence interval|intervalle de confiance)\s*(?:à\s*|of\s*)?(?<lvl>\d{2})\s*%?", OptI);
    static readonly Regex DifferenceName = new(@"\b(?:differences?|différences?|changes?|variations?|slopes?|pentes?|coefficients?|β|beta|gains?|increases?|decreases?|augmentation|diminution|baisse|hausse|reductions?|réduction|MD|SMD|mean|moyenne|median|médiane)\b", OptI);
    static readonly Regex TimeBeforeInterval = new(@"\b(?:at|à|after|après|week|weeks|semaine|month|months|mois|day|jour|visit|visite|J|M|W)\s*$", OptI);
    /// <summary>The estimate printed before a bracket that opens with its p: "2.1 points (p = 0.03; 95% CI …".</summary>
    static readonly Regex EstimateBeforeP = new(@"(?<![\w/]|\d[.,])(?<est>" + Num + @")\s*%?\s*(?:[a-zA-Zµ/]+\s*){0,2}[\(\[]\s*$", Opt);
    static readonly Regex RatioName = new(@"\b(OR|HR|RR|IRR|aOR|aHR|odds ratio|(?<!log[- ]?)[Oo]dds|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|rapport des cotes|risque relatif|rapport des risques|rapport de risques|rapport des taux|rapport de taux|ratio)\b", Opt);

    /// <summary>
    /// "8.4 points lower after PRP (95% CI −14.4 to −2.4)": a difference printed unsigned with the word saying its
    /// direction is negative when its interval says so (the unsigned value outside it, its negative inside).
    /// </summary>
    static PrintedNumber SignedByDirection(PrintedNumber est, PrintedNumber lo, PrintedNumber hi, bool fewer, bool french)
    {
        bool inside(double x) => x >= lo.Low && x <= hi.High;
        return fewer && est.Value > 0 && !Regex.IsMatch(est.Text, @"^[-−–+]") && !inside(est.Value) && inside(-est.Value)
            ? PrintedNumber.Parse("-" + est.Text, french) ?? est
            : est;
    }

    /// <summary>
    /// An estimate with decimals and its bare limits, then its p: "0.44 (0.13–1.49; p = 0.003)", "0.48 (0.19 to 1.21), P =
    /// 0.009", "1.08, 0.86 to 1.36; P = 0.01" (limits after a comma only with "to" or "à", as the BMJ prints them).
    /// </summary>
    static readonly Regex BareRatioInterval = new(@"(?<![\w.,]|[.,]\d)(?<est>\d*[.,]\d+)\s*(?:[\(\[]\s*(?<lo>" + Num + @")" + Sep + @"(?<hi>" + Num + @")\s*(?:;|,|[\)\]]\s*[,;]?)|,\s*(?<lo>" + Num + @")\s+(?:to|à)\s+(?<hi>" + Num + @")\s*[;,])\s*(?=[pP]\s*[<=>≤≥])", Opt);

    /// <summary>
    /// The ratio an estimate is, when the last estimate its sentence names before it is one ("the hazard ratio for a first
    /// recurrence with robotic therapy was 0.61 (95% CI …)", "…; celui des hospitalisations de 1,12 (IC …)"). Beyond a few
    /// words, only with no other number between, or through "celui", "that of", "that for", "and for" ("the rate ratio for
    /// treated bleeds was 0.64 (…), and for joint bleeds 0.58 (…)"; a ratio's limits are positive).
    /// </summary>
    static Match? RatioNamedBefore(string flow, int[] sentences, int from, PrintedNumber est, PrintedNumber lo, PrintedNumber hi)
    {
        var before = flow[Math.Max(SentenceStart(sentences, from), from - 250)..from];
        var ratio = RatioName.Matches(before).LastOrDefault();
        // "the odds ratio for a reduction of 50% or more in the score was 3.95 (1.55 to 10.11)", "the odds ratio for gap
        // closure with the 0.6 mm piston, adjusted for surgeon, was 2.12, 95% CI [0.84, 5.35]": words or numbers between
        // the name and its value, but limits symmetric around the estimate on the log scale and not on the linear one, as
        // only a ratio's Wald interval is (exp(log estimate ± z·SE)); a median's or a rate's would be named between.
        if (ratio is not null && RatioBySymmetry(est, lo, hi) && !OtherEstimateName.IsMatch(before[(ratio.Index + ratio.Length)..])) return ratio;
        if (ratio is not null && (DifferenceName.Matches(before).LastOrDefault()?.Index ?? -1) > ratio.Index) return null;
        if (ratio is not null && before.Length - ratio.Index > 50)
        {
            var between = before[(ratio.Index + ratio.Length)..];
            // "… et de 1,27 (IC …)", "… and 1.27 (95% CI …)": the estimate right after the conjunction is the ratio's second value.
            bool refers = Conjunction.Matches(between).LastOrDefault() is { } c && Regex.IsMatch(between[(c.Index + c.Length)..], @"^\s*(?:(?:celui|celle|ceux|celles|(?:that|those|the one) (?:of|for|in|with)|for|pour)\b|(?:de|d'|of)?\s*$)", OptI);
            bool positive = est.Value > 0 && lo.Value > 0 && hi.Value > 0;
            // "the odds ratio for any drug at 2 years was 0.46 (…)": the time it is read at is no other estimate.
            if (!positive || (Regex.IsMatch(TimePoint.Replace(between, " "), @"\d") && !refers)) return null;
        }
        return ratio;
    }

    /// <summary>Limits positive and symmetric around the estimate on the log scale within their printed rounding, and not on the linear scale.</summary>
    static bool RatioBySymmetry(PrintedNumber est, PrintedNumber lo, PrintedNumber hi)
    {
        if (est.Low <= 0 || lo.Low <= 0 || !(lo.Value < est.Value && est.Value < hi.Value)) return false;
        bool symmetric(Func<double, double> f) => Checks.PValueCheck.Overlaps(f(est.Low), f(est.High), (f(lo.Low) + f(hi.Low)) / 2, (f(lo.High) + f(hi.High)) / 2);
        return symmetric(Math.Log) && !symmetric(x => x);
    }

    /// <summary>An estimate of another kind named between a ratio's name and a value: that value is not the ratio's.</summary>
    static readonly Regex OtherEstimateName = new(@"\b(?:medians?|médianes?|means?|moyennes?|average|incidences?|prevalences?|prévalences?|proportions?|rates?(?!\s+ratio)|taux|risks?(?!\s+ratio)|risques?(?!\s+relatif)|differences?|différences?|[Oo]dds|ratios?|rapports?)\b", OptI);

    static readonly Regex SecondOfTwo = new(@"(?:\b(?:from|de|between|entre)\s+-?\d[\d.,]*\s*(?:[%\w/µ]+\s*)?(?:\s*(?:at|à)\s+[\w' ]{1,20}?)?\s*(?:to|à|and|et)|\b(?:vs\.?|versus|contre|compared with|comparé à)\s*)\s*$", OptI);
}
