using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

/// <summary>What the reader declares about the paper: measures to treat as integer-valued (beside those named as scores, points, scales or counts), and the study's n when the text does not state it.</summary>
public sealed record CheckOptions(IReadOnlyList<string> IntegerMeasures, int? StudyN = null)
{
    /// <summary>No integer-valued measures named, the study n from the text.</summary>
    public static readonly CheckOptions Default = new(Array.Empty<string>());
}

/// <summary>The statistics found in a paper, its language and its study n.</summary>
public sealed record Extraction(IReadOnlyList<ReportedStatistic> Statistics, string Language, int? StudyN, string StudyNSource);

/// <summary>
/// Finds the statistics a paper reports, in English or French running text and in simple text tables: p-values
/// with t/F/χ²/z/r and their df, estimates with confidence intervals, means with SD/SE, medians with quartiles or
/// range, percentages with counts, and within-patient comparisons of two visits (two means ± SD and a p-value in
/// one sentence that speaks of visits). Each carries the n that applies (an "n = " of its own sentence, else the
/// study's n) and whether its measure is integer-valued (named a score, points, scale or count, or declared).
/// </summary>
internal static class StatisticExtractor
{
    const RegexOptions Opt = RegexOptions.CultureInvariant;
    const RegexOptions OptI = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>A printed number: optional minus, digits with one decimal separator (or a leading separator: ".036").</summary>
    const string Num = @"-?(?:\d+(?:[.,]\d+)?|[.,]\d+)";
    const string Sep = @"\s*(?:to|à|–|—|-|;|,)\s*";

    static readonly Regex PValue = new(@"(?<![A-Za-z])[pP]\s*(?:-?\s*value\s*)?(?<rel><=|>=|=|<|>|≤|≥)\s*(?<pv>(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*(?:[×x\*]\s*10\s*\^?\s*-\s*\d+|[eE]-?\d+))?)", Opt);

    /// <summary>
    /// "t(28) = 2.20", "F(2, 45) = 3.1", "χ2(2, N = 80) = 6.1", "z = 2.1", and a t or F with its df run on as a
    /// subscript set inline: "t28 = 2.20", "t 28 = 2.20", "F2,45 = 3.1".
    /// </summary>
    static readonly Regex Test = new(@"(?<![\w])(?<test>t|F|z|Z|r|χ\s?2|χ²|[cC]hi\s?2|[cC]hi²|[cC]hi-square|X2)(?:\s*\((?<df>[^()=]{1,25}?(?:N\s*=\s*\d+)?)\)|(?<=[tF])\s?(?<df>\d{1,4}(?:\s?[,;]\s?\d{1,4})?))?\s*=\s*(?<val>" + Num + ")", Opt);

    static readonly Regex Interval = new(@"(?<est>" + Num + @")\s*%?\s*(?:[a-zA-Zµ/]+\s*)?[\(\[,;]\s*(?:(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence interval|intervalle de confiance)|(?:CI|IC)\s*(?:à\s*)?(?<lvl>\d{2})(?:\s*%|(?=\s*[:,\[(]?\s*-?\d)))\s*[:,=]?\s*\[?\s*(?<lo>" + Num + @")\s*%?" + Sep + "(?<hi>" + Num + ")", Opt);

    /// <summary>
    /// A named estimate with its limits in brackets and no level: "OR 1.8 [1.1–2.9]", "HR 0.72 (0.55; 0.94)", "mean
    /// difference -1.2 (-2.3 to -0.1)". The name is required: a bare "6 (4-8)" may be a median with its quartiles or range,
    /// and so may a "median difference 5 (3–7)".
    /// </summary>
    static readonly Regex BareInterval = new(@"\b(?<!(?i:median|médiane?)\s)(?<name>a?OR|a?HR|sHR|RR|IRR|MD|(?i:odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|risque relatif|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))\s*(?:[=:,]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[]\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]", Opt);
    /// <summary>"β = 0.12 (SE 0.05), p = 0.02", "coefficient 0.12, SE = 0.05; p = 0.02", "différence 1,2 (ES 0,5)": a named estimate with its standard error.</summary>
    static readonly Regex EstimateSe = new(@"(?<![\w])(?<name>β|beta|[Bb]|(?i:coefficient|coef\.|estimate|estimation|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))\s*(?:[=:]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[,;]?\s*(?:SE|ES|s\.e\.|(?i:standard error|erreur standard))\s*[=:]?\s*(?<se>" + Num + @")\s*[\)\]]?", Opt);
    /// <summary>A confidence level stated anywhere in the paper: "95 % CI", "IC à 95 %", "IC95", "intervalle de confiance à 90 %".</summary>
    static readonly Regex StatedLevel = new(@"(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence|de confiance)|(?:CI|IC|confidence interval|intervalle de confiance)\s*(?:à\s*|of\s*)?(?<lvl>\d{2})\s*%?", OptI);
    static readonly Regex RatioName = new(@"\b(OR|HR|RR|IRR|aOR|aHR|odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|risque relatif|rapport des risques|ratio)\b", Opt);

    const string SdLabel = @"(?<lab>SD|ET|DS|s\.d\.|SEM|SE|ESM|ES|écart[- ]type|standard deviation|standard error|erreur standard)";
    static readonly Regex MeanPlusMinus = new(@"(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?(?:±|\+/-|\+-)\s*(?<s>" + Num + ")", Opt);
    static readonly Regex MeanParenSd = new(@"(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}\(\s*" + SdLabel + @"\s*[=:]?\s*(?<s>" + Num + @")\s*[a-zA-Zµ/%]*\s*\)", Opt);
    static readonly Regex MeanCommaSd = new(@"\b(?:mean|moyenne|M)\s*(?:[\w-]+\s+){0,3}?(?:=|:|de|of|was|était|à|at)?\s*(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[,;]\s*" + SdLabel + @"\s*[=:]?\s*(?<s>" + Num + ")", Opt);
    /// <summary>"mean (SD), was 18.55 (4.20)", "moyenne (ET) : 18,55 (4,20)": the header form in running text.</summary>
    static readonly Regex MeanHeader = new(@"\b(?:mean|moyenne)\s*\(\s*" + SdLabel + @"\s*\)\s*[,:=]?\s*(?:(?:was|were|is|of|était|étaient|est|de)\s+){0,2}(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[\(\[]\s*(?<s>" + Num + @")\s*[\)\]]", OptI);
    static readonly Regex MeanAlone = new(@"\b(?:mean|moyenne|average)\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|is|est)\s*(?<m>" + Num + @")(?![\d.,]*\s*(?:±|\())", OptI);

    static readonly Regex Median = new(@"\b(?:median|médiane?)\b\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|est de|à|at|is)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[\(\[,;]\s*(?:(?:IQR|EIQ|IIQ|interquartile range|intervalle interquartile|Q1\s*-\s*Q3|Q1\s*[,;–]\s*Q3|quartiles|25th-75th percentiles|P25-P75)\s*[:=,]?\s*(?<q1>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<q3>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]?|(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]?)", OptI);
    /// <summary>"median = 24, Q1 = 22, Q3 = 27", "médiane 24 (Q1 : 22 ; Q3 : 27)": quartiles named one by one.</summary>
    static readonly Regex MedianNamedQuartiles = new(@"\b(?:median|médiane)\s*(?:[=:]|was|is|of|était|est de|de)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[,;(\[]\s*(?:Q1|first quartile|premier quartile)\s*[=:]?\s*(?<q1>" + Num + @")\s*[,;]\s*(?:and\s+|et\s+)?(?:Q3|third quartile|troisième quartile)\s*[=:]?\s*(?<q3>" + Num + @")\s*[\)\]]?", OptI);
    static readonly Regex MedianHeader = new(@"\b(?:median|médiane)\s*\(\s*(?:IQR|Q1\s*-\s*Q3|EIQ|IIQ)\s*\)\s*[:=]?\s*(?<med>" + Num + @")\s*[\(\[]\s*(?<q1>" + Num + ")" + Sep + "(?<q3>" + Num + @")\s*[\)\]]", OptI);

    const string PeopleWords = @"(?:patients?|participants?|subjects?|sujets?|femmes|hommes|women|men|cas|cases|malades|enfants|children|individuals|individus|respondents|répondants|personnes|people|persons|completers|responders|répondeurs|volunteers|volontaires|adults|adultes)";
    static readonly Regex PercentThenCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|among)\s*(?:[\wéèàçïî'-]+\s+){0,4}?)?\(\s*(?:[nN]\s*=\s*)?(?<k>\d+)\s*(?:(?:sur|/|of|out of)\s*(?<N>\d+))?\s*(?:[\wéè]+\s*)?\)", Opt);
    /// <summary>"31.2 % had renal involvement (12 patients)", "47,0 % avaient une atteinte rénale (n = 15)": a count named as such a few words after its percentage.</summary>
    static readonly Regex PercentWordsThenCount = new(@"(?<pct>" + Num + @")\s*%\s+(?:[A-Za-zÀ-ÿ'-]+\s+){1,8}?\(\s*(?:[nN]\s*=\s*(?<k>\d+)|(?<k>\d+)\s+" + PeopleWords + @")\s*\)", Opt);
    /// <summary>"12.5 %, 4 patients", "61,2 % des participants, soit 29 personnes", "48% of the patients, i.e. 12 people": a count named after its percentage.</summary>
    static readonly Regex PercentCommaCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|of all)\s*" + PeopleWords + @"\s*)?[,;]\s*(?:(?:soit|i\.\s?e\.|that is|or|namely|c'est-à-dire)\s*,?\s*)?(?<k>\d+)\s+" + PeopleWords, Opt);
    /// <summary>"12/14 (86 %)", "12 of 14 patients (86%)", "27 patients sur 60, soit 45 %", "39 patients out of 41, i.e. 95%": a count of a denominator, then its percentage.</summary>
    static readonly Regex CountOfThenPercent = new(@"(?<![\d.,])(?<k>\d+)\s*(?:" + PeopleWords + @"\s*)?(?:/|sur|of|out of|des|among|parmi)\s*(?:(?:the|les)\s+)?(?<N>\d+)\s*(?:[\wéè]+\s*){0,2}(?:[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]|[,;]\s*(?:soit|i\.\s?e\.|that is|or|c'est-à-dire)\s*,?\s*(?<pct>" + Num + @")\s*%)", Opt);
    static readonly Regex CountThenPercent = new(@"(?<![\d.,])(?:[nN]\s*=\s*)?(?<k>\d+)(?![.,]\d)\s*(?:" + PeopleWords + @"\s*)?(?:[\(\[]|,\s+)\s*(?<pct>" + Num + @")\s*%\s*[\)\]]?", Opt);
    static readonly Regex PercentOfPeople = new(@"(?<pct>" + Num + @")\s*%\s*(?:des|de|d'|of|of the|of all)\s*" + PeopleWords, Opt);

    static readonly Regex NEquals = new(@"(?<![\w])[nN]\s*=\s*(?<n>\d+)", Opt);
    /// <summary>"in the 14 patients", "among the 120 participants", "chez les 14 patients", "the 31 included patients": the n of a sentence (a bare "for 3 patients", "pour 3 patients" is a count).</summary>
    static readonly Regex NPeople = new(@"\b(?:(?:in|among|of|chez|parmi)\s+(?:the|les|all|ces|tous les)|the|les|these|ces|all|tous les|des|aux)\s+(?<n>\d+)\s+(?:[\wéè]+\s+)?" + PeopleWords, OptI);
    static readonly Regex IntegerWords = new(@"\b(scores?|points?|scales?|échelles?|counts?|nombre|number of|items?|questionnaire)\b", OptI);
    static readonly Regex ContinuousUnit = new(@"^\s*(?:mg|g/|g\b|kg|mL|ml|L\b|mmol|µmol|UI|IU|U/|years|ans|année|cm|mm|ng|pg|µg|%|°|h\b|min\b|jours|days|weeks|semaines|months|mois)", Opt);
    static readonly Regex Acronym = new(@"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b", Opt);
    static readonly HashSet<string> NotMeasures = new() { "IC", "CI", "SD", "ET", "DS", "SE", "ES", "SEM", "IQR", "EIQ", "Q1", "Q3", "Q1-Q3", "M0", "M6", "M12", "J0", "OR", "HR", "RR", "UI", "IU", "LES", "AINS", "NS", "ANOVA", "N" };
    static readonly Regex VisitPhrase = new(@"\b(?:(?<code>[MJWSD]\d{1,3})\b|(?:à|a|at|after|après|au bout de)\s+(?<k>\d+|un|one)\s+(?<unit>mois|months?|ans?|years?|semaines?|weeks?|jours?|days?)\b|(?:week|semaine|month|mois|visit|visite)\s+(?<k2>\d+)|(?<base>baseline|inclusion|l'initiation|initiation|day 0|J0))", OptI);
    static readonly Regex WithinWords = new(@"\b(?:from|de|between|entre|baseline|initiation|inclusion|M0|J0|before|after|avant|après|months?|mois|weeks?|semaines?|visits?|visites?|par rapport|compared with baseline|paired|apparié)\b", OptI);
    static readonly Regex GroupWords = new(@"\b(?:placebo|groups?|groupes?|arms?|bras|controls?|témoins?|versus|treated patients and)\b", OptI);
    static readonly Regex BinaryWords = new(@"\b(?:proportion|binary|binaire|yes/no|oui/non|0/1)\b", OptI);
    static readonly Regex SeWords = new(@"\b(?:SEM|SE|ESM|standard error|erreur standard)\b", Opt);

    static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["onze"] = 11, ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["trente"] = 30,
        ["quarante"] = 40, ["cinquante"] = 50,
    };
    /// <summary>The words a study's n counts (not "women", "men": those count a category of it).</summary>
    const string StudyPeople = @"(?:patients?|participants?|subjects?|sujets?|malades|enfants|children|individuals|individus|respondents|répondants)";
    static readonly Regex StudyNPhrase = new(@"(?<![\w])(?<n>\d+|" + string.Join("|", NumberWords.Keys) + @")\s+" + StudyPeople + @"\s+(?:[\wéè'-]+\s+){0,3}?(?:were|ont été|have been|was|a été|étaient)\s+(?:\w+\s+)?(?:included|enrolled|treated|randomi[sz]ed|analy[sz]ed|studied|inclus|incluses|traités|traitées|randomisés|analysés|étudiés)", OptI);
    static readonly Regex StudyNIncluded = new(@"\b(?:included|enrolled|inclu(?:ait|s)?|a inclus|ont inclus|randomi[sz]ed|comprenait)\s+(?<n>\d+)\s+" + StudyPeople, OptI);
    /// <summary>A table's "Patients (n) 14" row. A running-text "the n = 12 patients had …" is the n of its sentence, not the study's.</summary>
    static readonly Regex StudyNTable = new(@"(?:Patients|Participants|Subjects|Sujets)\s*\(n\)\s*(?<n>\d+)", Opt);
    /// <summary>A full stop before a capital, or a blank line not followed by a lower-case word (that one is a page break inside a sentence).</summary>
    static readonly Regex SentenceBreak = new(@"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|\n(?!\s*[a-zà-ÿ])", Opt);

    public static Extraction Extract(PaperText text, CheckOptions options)
    {
        var flow = text.Flow;
        bool french = IsFrench(flow);
        var sentences = SentenceStarts(flow);
        var (studyN, studyNSource) = options.StudyN is { } given ? (given, "given by the reader") : FindStudyN(flow);

        var taken = new List<(int Start, int End)>();
        bool Free(int s, int e) => !taken.Any(t => s < t.End && e > t.Start);
        var found = new List<ReportedStatistic>();
        var pValues = PValue.Matches(flow).Select(m => P(m, french)).Where(p => p is not null).Select(p => p!).ToList();
        var usedP = new HashSet<ReportedP>();

        // Cells of text tables first: their row label and column header say what they are and the n they are of.
        var tableCounts = new List<(TableCell Cell, Percentage Stat)>();
        foreach (var cell in TextTables.Cells(text))
            if (TableStatistic(text, cell, french, sentences, studyN, studyNSource, options) is { } stat)
            {
                taken.Add((cell.Start, cell.End));
                found.Add(stat);
                if (stat is Percentage { Count: not null } count) tableCounts.Add((cell, count));
            }
        found.AddRange(TableCategories(text, tableCounts));

        // Test statistics with their p (a statistic without a p has nothing to be checked against).
        // A p printed first ("p = 0.03 (t = 2.3, df = 28)") is the statistic's when it opens the bracket the statistic is in.
        foreach (Match m in Test.Matches(flow))
        {
            var value = PrintedNumber.Parse(m.Groups["val"].Value, french);
            if (value is null) continue;
            int valueEnd = m.Index + m.Length;
            var after = PAfter(pValues, flow, valueEnd, 30);
            var first = PBefore(pValues, usedP, flow, m.Index);
            if (after is not null && usedP.Contains(after)) after = null;
            bool pFirst = first is not null && (after is null || flow[valueEnd..after.Start].Contains(')'));
            var p = pFirst ? first : after;
            if (p is null) continue;
            var test = NormaliseTest(m.Groups["test"].Value);
            var gap = pFirst ? DfAfter.Match(flow, valueEnd, Math.Min(30, flow.Length - valueEnd)).Value : flow[valueEnd..p.Start];
            var (df1, df2) = Df(test, m.Groups["df"].Success ? m.Groups["df"].Value : null, gap, french);
            int start = Math.Min(m.Index, p.Start), end = pFirst ? valueEnd + gap.Length : p.End;
            usedP.Add(p);
            taken.Add((start, end));
            found.Add(new TestStatistic(Context(text, start, end, french, sentences, studyN, studyNSource, options), test, df1, df2, value, p));
        }

        foreach (Match m in Interval.Matches(flow))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var lo = PrintedNumber.Parse(m.Groups["lo"].Value, french);
            var hi = PrintedNumber.Parse(m.Groups["hi"].Value, french);
            if (est is null || lo is null || hi is null) continue;
            double level = double.Parse(m.Groups["lvl"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            var p = PAfter(pValues, flow, m.Index + m.Length, 40);
            int end = p?.End ?? m.Index + m.Length;
            if (p is not null) usedP.Add(p);
            var before = flow[Math.Max(0, m.Index - 50)..m.Index];
            var name = RatioName.Matches(before).LastOrDefault()?.Value;
            var dfMatch = Regex.Match(flow[(m.Index + m.Length)..Math.Min(flow.Length, m.Index + m.Length + 40)], @"^[^.]{0,25}?\b(?:df|ddl)\s*=\s*(?<df>\d+(?:[.,]\d+)?)");
            var df = dfMatch.Success ? PrintedNumber.Parse(dfMatch.Groups["df"].Value, french) : null;
            taken.Add((m.Index, end));
            found.Add(new EstimateWithInterval(Context(text, m.Index, end, french, sentences, studyN, studyNSource, options), name, name is not null,
                est, level, lo, hi, p, df));
        }

        foreach (Match m in EstimateSe.Matches(flow))
        {
            int from = m.Groups["est"].Index;
            if (!Free(from, m.Index + m.Length)) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var se = PrintedNumber.Parse(m.Groups["se"].Value, french);
            var p = PAfter(pValues, flow, m.Index + m.Length, 30);
            if (est is null || se is null || p is null || usedP.Contains(p)) continue;
            usedP.Add(p);
            taken.Add((from, p.End));
            found.Add(new EstimateWithStandardError(Context(text, from, p.End, french, sentences, studyN, studyNSource, options), m.Groups["name"].Value, est, se, p));
        }

        // Named estimates with bracketed limits and no level printed: the paper's one stated level, if it states only one.
        var levels = StatedLevel.Matches(flow).Select(l => l.Groups["lvl"].Value.Replace(',', '.')).Distinct().ToList();
        double? paperLevel = levels.Count == 1 ? double.Parse(levels[0], CultureInfo.InvariantCulture) : null;
        foreach (Match m in BareInterval.Matches(flow))
        {
            int from = m.Groups["est"].Index;
            if (!Free(from, m.Index + m.Length)) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var lo = PrintedNumber.Parse(m.Groups["lo"].Value, french);
            var hi = PrintedNumber.Parse(m.Groups["hi"].Value, french);
            if (est is null || lo is null || hi is null) continue;
            var p = PAfter(pValues, flow, m.Index + m.Length, 40);
            if (p is not null && usedP.Contains(p)) p = null;
            int end = p?.End ?? m.Index + m.Length;
            if (p is not null) usedP.Add(p);
            var name = m.Groups["name"].Value;
            bool ratio = RatioName.IsMatch(name);
            taken.Add((from, end));
            found.Add(new EstimateWithInterval(Context(text, from, end, french, sentences, studyN, studyNSource, options), name, ratio,
                est, paperLevel, lo, hi, p, null) { LevelSource = paperLevel is null ? (levels.Count == 0 ? "no level stated in the paper" : $"the paper states several levels ({string.Join(", ", levels)} %)") : "the one level the paper states" });
        }

        foreach (var regex in new[] { MedianHeader, MedianNamedQuartiles, Median })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                PrintedNumber? G(string g) => m.Groups[g].Success ? PrintedNumber.Parse(m.Groups[g].Value, french) : null;
                int start = m.Groups["med"].Index;
                taken.Add((m.Index, m.Index + m.Length));
                found.Add(new MedianWithQuartiles(Context(text, start, m.Index + m.Length, french, sentences, studyN, studyNSource, options),
                    G("med"), G("q1"), G("q3"), G("min"), G("max")));
            }

        foreach (var regex in new[] { MeanHeader, MeanCommaSd, MeanParenSd, MeanPlusMinus })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                var mean = PrintedNumber.Parse(m.Groups["m"].Value, french);
                var sd = PrintedNumber.Parse(m.Groups["s"].Value, french);
                if (mean is null || sd is null) continue;
                int start = m.Groups["m"].Index;
                bool se = m.Groups["lab"].Success
                    ? SeWords.IsMatch(m.Groups["lab"].Value)
                    : SeWords.IsMatch(flow[Math.Max(SentenceStart(sentences, start), start - 80)..start]) && !Regex.IsMatch(flow[Math.Max(SentenceStart(sentences, start), start - 80)..start], @"\b(SD|ET|DS)\b");
                taken.Add((m.Index, m.Index + m.Length));
                var ctx = Context(text, start, m.Index + m.Length, french, sentences, studyN, studyNSource, options);
                found.Add(new MeanWithSpread(ctx, mean, sd, se, BinaryWords.IsMatch(flow[Math.Max(0, start - 60)..start])));
            }
        foreach (Match m in MeanAlone.Matches(flow))
        {
            var g = m.Groups["m"];
            if (!Free(g.Index, g.Index + g.Length)) continue;
            var mean = PrintedNumber.Parse(g.Value, french);
            if (mean is null) continue;
            taken.Add((g.Index, g.Index + g.Length));
            found.Add(new MeanWithSpread(Context(text, g.Index, g.Index + g.Length, french, sentences, studyN, studyNSource, options), mean, null, false, false));
        }

        foreach (var regex in new[] { PercentThenCount, CountOfThenPercent, CountWordOfThenPercent, PercentCommaCount, CountThenPercent, PercentWordsThenCount, PercentOfPeople })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                var pct = PrintedNumber.Parse(m.Groups["pct"].Value, french);
                if (pct is null || pct.Value > 100 || pct.Value < 0) continue;
                // "95 % CI", "IC à 95 %", "alpha ... 5 %" are levels, not shares of patients.
                var after = flow[(m.Groups["pct"].Index + m.Groups["pct"].Length)..Math.Min(flow.Length, m.Index + m.Length + 20)];
                var before = flow[Math.Max(0, m.Index - 25)..m.Index];
                if (Regex.IsMatch(after, @"^\s*%\s*(?:CI|IC|confidence|de confiance)") || Regex.IsMatch(before, @"(?:IC|CI|alpha|α|seuil|risque|level)\s*(?:à|of|de)?\s*$", OptI)) continue;
                int? k = m.Groups["k"].Success ? int.TryParse(m.Groups["k"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var kv) ? kv : NumberWords[m.Groups["k"].Value] : null;
                int? denominator = m.Groups["N"].Success ? int.Parse(m.Groups["N"].Value, CultureInfo.InvariantCulture) : null;
                taken.Add((m.Index, m.Index + m.Length));
                var own = m.Groups["k"].Success ? (Math.Max(0, m.Groups["k"].Index - 8), m.Groups["k"].Index + m.Groups["k"].Length) : ((int, int)?)null;
                found.Add(new Percentage(Context(text, m.Index, m.Index + m.Length, french, sentences, studyN, studyNSource, options, own), pct, k, denominator));
            }

        found.AddRange(Categories(text, sentences, studyN, studyNSource, french, options));
        var within = WithinPatient(text, found, pValues.Where(p => !usedP.Contains(p)).ToList(), sentences).ToList();
        found.AddRange(within);
        foreach (var p in pValues.Where(p => !usedP.Contains(p) && !within.Any(w => w.P == p)))
            found.Add(new LonePValue(Context(text, p.Start, p.End, french, sentences, studyN, studyNSource, options), p));
        return new Extraction(found.OrderBy(s => s.Context.Start).ToList(), french ? "fr" : "en", studyN, studyNSource);
    }

    static readonly Regex CellPercent = new(@"^(?<k>\d+)\s*[\(\[]\s*(?<pct>" + Num + @")\s*%?\s*[\)\]]$", Opt);
    static readonly Regex CellMean = new(@"^(?<m>" + Num + @")\s*(?:\(\s*(?<s>" + Num + @")\s*\)|\[\s*(?<s>" + Num + @")\s*\]|(?:±|\+/-)\s*(?<s>" + Num + "))$", Opt);
    static readonly Regex CellQuantiles = new(@"^(?<med>" + Num + @")\s*[\(\[]\s*(?<a>" + Num + @")" + Sep + "(?<b>" + Num + @")\s*[\)\]]$", Opt);
    static readonly Regex CountDescriptor = new(@"\b(?:[nN]|[nN]o\.|effectif|nombre)\s*\(\s*%\s*\)|\(\s*%\s*\)", Opt);
    static readonly Regex MeanDescriptor = new(@"\b(?:mean|moyenne|M)\s*(?:\(\s*|±\s*|\[\s*)(?:SD|ET|DS|SE|SEM|ES|ESM|s\.d\.)", OptI);
    static readonly Regex MedianDescriptor = new(@"\b(?:median|médiane)\s*(?:\(\s*|\[\s*)(?<what>IQR|EIQ|IIQ|Q1\s*[-–;,]\s*Q3|P25\s*[-–;,]\s*P75|quartiles|range|min\s*[-–;,]\s*max|extrêmes|étendue)", OptI);
    static readonly Regex LabelUnit = new(@"\b(?:mg|kg|g/[dl]L|mmol|µmol|years|ans|années|cm|mm|days|jours|weeks|semaines|months|mois|ml|mL|UI|IU)\b", Opt);

    /// <summary>
    /// A table cell as the statistic its row label or header says it is: "n (%)" a count with its percentage (the
    /// column's n the most patients it can be of), "mean (SD)" or "m ± s" a mean with its SD, "median (IQR)" a median
    /// with its quartiles (or range). A cell whose kind neither says is left to the running-text patterns.
    /// </summary>
    static ReportedStatistic? TableStatistic(PaperText text, TableCell cell, bool french, int[] sentences, int? studyN, string studyNSource, CheckOptions options)
    {
        var label = cell.RowLabel;
        // The row label's own descriptor wins over the header's ("n (%) or mean (SD)" headers name both).
        bool Says(Regex r) => r.IsMatch(label) || (!CountDescriptor.IsMatch(label) && !MeanDescriptor.IsMatch(label) && !MedianDescriptor.IsMatch(label) && r.IsMatch(cell.Descriptor));
        string measure = Regex.Replace(label, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|(?:mean|moyenne|median|médiane)\b.*)$", "", OptI).Trim().TrimEnd(',');
        bool declared = options.IntegerMeasures.Any(d => label.Contains(d, StringComparison.OrdinalIgnoreCase));
        bool integer = declared || (IntegerWords.IsMatch(label) && !LabelUnit.IsMatch(label));
        int? n = cell.ColumnN ?? studyN;
        string source = cell.ColumnN is not null ? $"the column's n ('{cell.Header}')" : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated";
        var line = text.LineAt(cell.Start);
        var ctx = new StatisticContext(cell.Start, cell.End, cell.Text, $"{label}: {cell.Text}{(cell.Header is null ? "" : $" ({cell.Header})")}",
            measure.Length == 0 ? null : measure, integer, n, source, null) { Page = line.Page, Line = line.Line };
        if (CellPercent.Match(cell.Text) is { Success: true } pm && (Says(CountDescriptor) || cell.Text.Contains('%')))
        {
            var pct = PrintedNumber.Parse(pm.Groups["pct"].Value, french);
            if (pct is null || pct.Value > 100) return null;
            return new Percentage(ctx, pct, int.Parse(pm.Groups["k"].Value, CultureInfo.InvariantCulture), null);
        }
        if (Says(MedianDescriptor) && CellQuantiles.Match(cell.Text) is { Success: true } qm)
        {
            var what = MedianDescriptor.Match(MedianDescriptor.IsMatch(label) ? label : cell.Descriptor).Groups["what"].Value;
            bool range = Regex.IsMatch(what, "range|min|extrêmes|étendue", OptI);
            var (med, a, b) = (PrintedNumber.Parse(qm.Groups["med"].Value, french), PrintedNumber.Parse(qm.Groups["a"].Value, french), PrintedNumber.Parse(qm.Groups["b"].Value, french));
            return range ? new MedianWithQuartiles(ctx, med, null, null, a, b) : new MedianWithQuartiles(ctx, med, a, b, null, null);
        }
        if ((Says(MeanDescriptor) || cell.Text.Contains('±')) && CellMean.Match(cell.Text) is { Success: true } mm)
        {
            var (mean, sd) = (PrintedNumber.Parse(mm.Groups["m"].Value, french), PrintedNumber.Parse(mm.Groups["s"].Value, french));
            if (mean is null || sd is null) return null;
            bool se = Regex.IsMatch(MeanDescriptor.IsMatch(label) ? label : cell.Descriptor, @"\b(?:SE|SEM|ES|ESM)\b");
            return new MeanWithSpread(ctx, mean, sd, se, BinaryWords.IsMatch(label));
        }
        return null;
    }

    /// <summary>
    /// A group of table rows named as a variable whose levels exclude each other (a patient has one sex, one NYHA class,
    /// one smoking status). Race and ethnicity are not among them: many forms let a patient tick several.
    /// </summary>
    static readonly Regex ExclusiveGroup = new(@"\b(?:sex|gender|sexe|genre|smoking|smokers?|tabac|tabagisme|NYHA|ECOG|stage|stade|severity|sévérité|disease activity|activité|marital|situation familiale|status|statut|BMI|IMC|age groups?|age class|tranches? d'âge|classes? d'âge|education|niveau d'études)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// Count cells of consecutive table rows in one column that are levels of one exclusive variable — rows under a
    /// label naming such a variable ("Sex, n (%)", "NYHA class"), or rows that are themselves its levels ("Women",
    /// "Men") — against the column's n: no patient is counted in two levels.
    /// </summary>
    static IEnumerable<CategoryCounts> TableCategories(PaperText text, List<(TableCell Cell, Percentage Stat)> counts)
    {
        var runs = new List<List<(TableCell Cell, Percentage Stat)>>();
        foreach (var c in counts.OrderBy(c => c.Cell.Column).ThenBy(c => c.Cell.Row))
        {
            var last = runs.Count > 0 ? runs[^1][^1].Cell : null;
            if (last is not null && last.Column == c.Cell.Column && c.Cell.Row - last.Row == 1 && last.Group == c.Cell.Group && last.ColumnN == c.Cell.ColumnN)
                runs[^1].Add(c);
            else runs.Add(new() { c });
        }
        static string Level(TableCell c) => Regex.Replace(c.RowLabel, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|\(\s*%\s*\))\s*$", "").Trim().ToLowerInvariant();
        static int KnownVariable(string level) => Array.FindIndex(ExclusiveLevels, v => Regex.IsMatch(level, "^(?:" + v.Levels + ")$", OptI));
        foreach (var whole in runs.Where(r => r.Count >= 2 && r[0].Cell.ColumnN is not null))
        {
            int n = whole[0].Cell.ColumnN!.Value;
            // Under a label naming an exclusive variable, its rows; elsewhere, stretches of rows that are the levels of one known variable.
            var segments = new List<(List<(TableCell Cell, Percentage Stat)> Rows, string Variable, bool LevelsKnown)>();
            if (whole[0].Cell.Group is { } g && ExclusiveGroup.IsMatch(g))
            {
                int v0 = KnownVariable(Level(whole[0].Cell));
                bool known = v0 >= 0 && whole.All(r => KnownVariable(Level(r.Cell)) == v0);
                segments.Add((whole, Regex.Replace(g, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|\(\s*%\s*\))\s*$", "").Trim(), known));
            }
            else
                for (int i = 0, j; i < whole.Count; i = j)
                {
                    int v = KnownVariable(Level(whole[i].Cell));
                    for (j = i + 1; v >= 0 && j < whole.Count && KnownVariable(Level(whole[j].Cell)) == v; j++) { }
                    if (v >= 0 && j - i >= 2) segments.Add((whole.GetRange(i, j - i), ExclusiveLevels[v].Variable, true));
                }
            foreach (var (segment, variable, levelsKnown) in segments)
            {
                var run = segment;
                // Rows under a group label whose words are not known levels may end with a row of another variable
                // ("Diabetes" under "Sex" with no label of its own): past the total, only the rows up to it are added.
                if (!levelsKnown && run.Sum(r => r.Stat.Count!.Value) > n)
                {
                    int k = run.Count - 1;
                    while (k >= 2 && run.Take(k).Sum(r => r.Stat.Count!.Value) > n) k--;
                    if (run.Take(k).Sum(r => r.Stat.Count!.Value) <= n) run = run.GetRange(0, k);
                }
                var levels = run.Select(r => Level(r.Cell)).ToList();
                if (run.Count < 2 || levels.Distinct().Count() < levels.Count) continue;
                var first = run[0].Cell;
                var categories = run.Select((r, k) => new CategoryCount(r.Stat.Count!.Value, levels[k], r.Cell.Start, r.Cell.End)).ToList();
                var line = text.LineAt(first.Start);
                string quote = string.Join(" + ", run.Select(r => r.Cell.Text));
                var ctx = new StatisticContext(first.Start, first.End, quote, $"{variable}: {string.Join("; ", run.Select(r => $"{r.Cell.RowLabel} {r.Cell.Text}"))} ({first.Header})",
                    variable, true, n, $"the column's n ('{first.Header}')", null) { Page = line.Page, Line = line.Line };
                yield return new CategoryCounts(ctx, variable, categories, n, Array.Empty<(int, string)>()) { TotalSource = $"of the column ('{first.Header}')" };
            }
        }
    }

    /// <summary>The levels of variables whose levels exclude each other, by variable: a patient is in one of them at most.</summary>
    static readonly (string Variable, string Levels)[] ExclusiveLevels =
    {
        ("sex", @"women|men|females?|males?|femmes|hommes"),
        ("smoking status", @"current smokers?|former smokers?|ex-smokers?|never smokers?|non-smokers?|fumeurs actifs|fumeurs actuels|anciens fumeurs|ex-fumeurs|non-fumeurs|jamais fumeurs"),
        ("NYHA class", @"(?:NYHA\s+)?class\s+(?:I|II|III|IV)|(?:classe\s+)?NYHA\s+(?:I|II|III|IV)|classe\s+(?:I|II|III|IV)"),
        ("ECOG performance status", @"ECOG\s+(?:PS\s+)?[0-4]"),
        ("vital status", @"alive|dead|deceased|vivants?|décédée?s?"),
        ("response", @"complete response|partial response|stable disease|progressive disease|no response|réponse complète|réponse partielle|maladie stable|maladie progressive|absence de réponse"),
        ("course", @"improved|unchanged|worsened|amélioré(?:e|s|es)?|inchangé(?:e|s|es)?|aggravé(?:e|s|es)?"),
        ("severity", @"none|no|mild|moderate|severe|nulle|légère|faible|modérée|moyenne|sévère|élevée|forte|non renseignée?s?|missing|unknown|inconnue?s?"),
    };
    static readonly string CountWord = @"(?<k>\d+|" + string.Join("|", NumberWords.Keys) + ")";
    /// <summary>"5 patients had mild", "6 une activité moyenne", "44 women", "12 had no … activity": a count, then its level within a few words.</summary>
    static readonly Regex CountThenLevel = new(@"(?<![\w.,])" + CountWord + @"(?![.,]\d)\s+(?:(?:patients?|participants?|subjects?|sujets?|malades)\s+)?(?:(?:had|with|were|avaient|ont|présentaient|étaient|avec|sont|are)\s+)?(?:(?:in|en)\s+)?(?:(?:an?|une?|des)\s+)?(?:(?:activité|activity|disease|forme|form|atteinte)\s+(?:(?:du|de la|de l'|of)\s*[\w-]+\s+)?)?(?<lev>LEVELS)\b", OptI);
    /// <summary>"mild in 5 patients", "faible chez 8": a level, then its count.</summary>
    static readonly Regex LevelThenCount = new(@"\b(?<lev>LEVELS)\s+(?:in|chez|for|pour)\s+" + CountWord + @"(?![.,]\d)(?!\s*%)", OptI);
    /// <summary>CountThenLevel and LevelThenCount with the levels of every variable, each variable's as group v0, v1, ….</summary>
    static readonly Regex[] LevelPatterns = new[] { CountThenLevel, LevelThenCount }.Select(r => new Regex(r.ToString().Replace("LEVELS",
        string.Join("|", ExclusiveLevels.Select((v, i) => $"(?<v{i.ToString(CultureInfo.InvariantCulture)}>{v.Levels})"))), OptI)).ToArray();
    /// <summary>"Eleven of the 14 patients (79%)", "Onze des 14 patients (79 %)": a count written as a word, of a denominator.</summary>
    static readonly Regex CountWordOfThenPercent = new(@"(?<![\w.,])" + CountWord + @"\s+(?:" + PeopleWords + @"\s+)?(?:of|out of|des|sur|among|parmi)\s+(?:(?:the|les)\s+)?(?<N>\d+)\s*(?:[\wéè]+\s*){0,2}[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]", OptI);
    static readonly Regex TotalInSentence = new(@"(?:(?:of|among|parmi|sur|de)\s+(?:the|les|ces)\s+|(?:cohort|cohorte|sample|échantillon|group|groupe)\s+(?:of|de)\s+)(?<n>\d+)\s+" + StudyPeople + @"|(?<![\w])[nN]\s*=\s*(?<n>\d+)", OptI);

    /// <summary>Counts of two or more levels of one exclusive variable in a sentence, with the totals they may be of.</summary>
    static IEnumerable<CategoryCounts> Categories(PaperText text, int[] sentences, int? studyN, string studyNSource, bool french, CheckOptions options)
    {
        var flow = text.Flow;
        // One pass of each pattern over the text for every variable at once; the group that matched names the variable.
        var byVariable = ExclusiveLevels.Select(_ => new List<CategoryCount>()).ToArray();
        foreach (var regex in LevelPatterns)
            foreach (Match m in regex.Matches(flow))
            {
                int v = Enumerable.Range(0, ExclusiveLevels.Length).First(i => m.Groups["v" + i.ToString(CultureInfo.InvariantCulture)].Success);
                var k = m.Groups["k"].Value;
                int count = int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var kv) ? kv : NumberWords[k];
                if (!byVariable[v].Any(x => x.Start < m.Index + m.Length && x.End > m.Index))
                    byVariable[v].Add(new CategoryCount(count, m.Groups["lev"].Value.ToLowerInvariant(), m.Index, m.Index + m.Length));
            }
        for (int vi = 0; vi < ExclusiveLevels.Length; vi++)
        {
            var (variable, items) = (ExclusiveLevels[vi].Variable, byVariable[vi]);
            foreach (var group in items.GroupBy(x => SentenceIndex(sentences, x.Start)))
            {
                var list = group.OrderBy(x => x.Start).ToList();
                if (list.Count < 2 || list.Select(x => x.Level).Distinct().Count() < list.Count) continue;
                int s0 = SentenceStart(sentences, list[0].Start), s1 = SentenceEnd(sentences, flow, list[0].Start);
                var sentence = flow[s0..s1];
                int? total = null;
                foreach (Match t in TotalInSentence.Matches(sentence))
                {
                    int at = s0 + t.Groups["n"].Index;
                    if (list.Any(x => at >= x.Start && at < x.End)) continue;
                    total = int.Parse(t.Groups["n"].Value, CultureInfo.InvariantCulture);
                    break;
                }
                var others = new List<(int, string)>();
                if (total is null)
                {
                    // An n stated earlier in the paragraph ("86 % des patients (n = 12) sont encore traités"), else the study's.
                    // A blank line followed by a lower-case word is a page break inside a sentence, not a new paragraph.
                    int paragraph = s0;
                    do paragraph = Math.Max(0, flow.LastIndexOf('\n', Math.Max(0, paragraph - 2)) + 1);
                    while (paragraph > 0 && flow[paragraph..s0].TrimStart() is { Length: > 0 } rest && char.IsLower(rest[0]) && s0 - paragraph < 1500);
                    foreach (Match t in NEquals.Matches(flow[paragraph..s0]))
                        others.Add((int.Parse(t.Groups["n"].Value, CultureInfo.InvariantCulture), $"'{t.Value}' earlier in the paragraph"));
                    foreach (Match t in NPeople.Matches(flow[paragraph..s0]))
                        others.Add((int.Parse(t.Groups["n"].Value, CultureInfo.InvariantCulture), $"'{t.Value}' earlier in the paragraph"));
                    if (studyN is { } sn) others.Add((sn, $"the study's n ({studyNSource})"));
                }
                int start = list[0].Start, end = list[^1].End;
                var line = text.LineAt(start);
                var ctx = new StatisticContext(start, end, flow[start..end], sentence.Trim(), variable, true, total ?? studyN,
                    total is not null ? "the total stated in the sentence" : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated", null)
                    { Page = line.Page, Line = line.Line };
                yield return new CategoryCounts(ctx, variable, list, total, others);
            }
        }
    }

    /// <summary>Two means ± SD and an unused p-value in one sentence that speaks of visits (not of groups): a within-patient comparison.</summary>
    static IEnumerable<WithinPatientComparison> WithinPatient(PaperText text, List<ReportedStatistic> found, List<ReportedP> freeP, int[] sentences)
    {
        bool threeVisits = Regex.IsMatch(text.Flow, @"\b(?:M12|12 months|12 mois|1 an|three visits|trois visites)\b", OptI);
        var means = found.OfType<MeanWithSpread>().Where(m => m.Spread is not null).GroupBy(m => SentenceIndex(sentences, m.Context.Start));
        foreach (var g in means)
        {
            var pair = g.OrderBy(m => m.Context.Start).ToList();
            if (pair.Count != 2) continue;
            var sentence = pair[0].Context.Sentence;
            var p = freeP.FirstOrDefault(x => SentenceIndex(sentences, x.Start) == g.Key && x.Start > pair[1].Context.Start);
            if (p is null || !WithinWords.IsMatch(sentence) || GroupWords.IsMatch(sentence)) continue;
            int visits = threeVisits ? 3 : 2;
            var ctx = pair[0].Context with { End = p.End, Quote = text.Flow[pair[0].Context.Start..p.End] };
            yield return new WithinPatientComparison(ctx, pair[0], pair[1], p, visits);
        }
    }

    /// <param name="ownCount">The span of a percentage's own count ("(n = 15)"), never the n it is of.</param>
    static StatisticContext Context(PaperText text, int start, int end, bool french, int[] sentences, int? studyN, string studyNSource, CheckOptions options,
                                    (int Start, int End)? ownCount = null)
    {
        var flow = text.Flow;
        int s0 = SentenceStart(sentences, start), s1 = SentenceEnd(sentences, flow, start);
        var sentence = flow[s0..s1];
        var quote = flow[start..end];
        var before = flow[s0..start];

        string? measure = options.IntegerMeasures.Where(d => sentence.Contains(d, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => before.LastIndexOf(d, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        measure ??= Acronym.Matches(before).Select(m => m.Value).LastOrDefault(a => !NotMeasures.Contains(a) && !Regex.IsMatch(a, @"^[MJWSD]\d+$"));
        var window = flow[Math.Max(s0, start - 60)..end];
        // The measure may be named after the statistic ("a mean of 18.5 (SD 4.2) for the HAM-D score"): the rest of
        // the sentence up to 40 characters, when no other number comes first (that would be another statistic's).
        var following = flow[end..Math.Min(s1, end + 40)];
        if (Regex.Match(following, @"(?<![A-Za-z-])\d") is { Success: true } number) following = following[..number.Index]; // "PHQ-9" is a name, "12" a number
        if (!IntegerWords.IsMatch(window) && IntegerWords.IsMatch(following)) window += following;
        measure ??= Acronym.Matches(following).Select(m => m.Value).FirstOrDefault(a => !NotMeasures.Contains(a) && !Regex.IsMatch(a, @"^[MJWSD]\d+$"));
        var afterNumber = flow[end..Math.Min(flow.Length, end + 12)];
        bool declared = options.IntegerMeasures.Any(d => window.Contains(d, StringComparison.OrdinalIgnoreCase));
        bool integer = declared || (IntegerWords.IsMatch(window) && !ContinuousUnit.IsMatch(afterNumber) && !ContinuousUnit.IsMatch(QuoteUnit(quote)));

        int? n = null; string source = studyNSource;
        foreach (Match m in NEquals.Matches(sentence))
        {
            int at = s0 + m.Index;
            if (ownCount is { } own && at >= own.Start && at < own.End) continue;
            // An "n = " right after a percentage is its count, not the sample it was computed on.
            if (Regex.IsMatch(flow[Math.Max(s0, at - 80)..at], @"%[^%()\d]{0,70}\(\s*$|%\s*\(?\s*$")) continue;
            n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            source = $"'{m.Value}' in the same sentence";
            break;
        }
        if (n is null && NPeople.Match(sentence) is { Success: true } people)
        {
            n = int.Parse(people.Groups["n"].Value, CultureInfo.InvariantCulture);
            source = $"'{people.Value}' in the same sentence";
        }
        n ??= studyN;
        if (n == studyN && studyN is not null && source == studyNSource) source = $"the study's n ({studyNSource})";

        // The visit: the nearest visit phrase before the statistic in its paragraph (up to 600 characters back); for a
        // p-value the nearest follow-up visit, since "compared with baseline" names the comparator, not the visit.
        int paragraph = Math.Max(Math.Max(0, start - 600), flow.LastIndexOf('\n', Math.Max(0, start - 1)) + 1);
        var phrases = VisitPhrase.Matches(flow[paragraph..start]).ToList();
        bool pValue = Regex.IsMatch(quote, @"^[pP]\s*[=<>≤≥]");
        var visitMatch = (pValue ? phrases.LastOrDefault(m => !m.Groups["base"].Success && VisitLabel(m) != "M0") : null)
                         ?? phrases.LastOrDefault() ?? VisitPhrase.Matches(sentence).FirstOrDefault();
        string? visit = visitMatch is null ? null : VisitLabel(visitMatch);
        var line = text.LineAt(start);
        return new StatisticContext(start, end, quote, sentence.Trim(), measure, integer, n, n is null ? "no n stated" : source, visit)
        {
            Page = line.Page, Line = line.Line,
        };
    }

    static string QuoteUnit(string quote) => Regex.Match(quote, @"^" + Num + @"(?<rest>.*)$").Groups["rest"].Value;

    static string VisitLabel(Match m)
    {
        if (m.Groups["code"].Success) return m.Groups["code"].Value.ToUpperInvariant();
        if (m.Groups["base"].Success) return "baseline";
        var kText = m.Groups["k"].Success ? m.Groups["k"].Value : m.Groups["k2"].Value;
        int k = int.TryParse(kText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 1;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.ToLowerInvariant() : m.Value.ToLowerInvariant();
        if (unit.StartsWith("an") || unit.StartsWith("year")) return $"M{12 * k}";
        if (unit.StartsWith("mois") || unit.StartsWith("month")) return $"M{k}";
        if (unit.StartsWith("sem") || unit.StartsWith("week")) return $"W{k}";
        if (unit.StartsWith("jour") || unit.StartsWith("day")) return $"D{k}";
        return $"visit {k}";
    }

    static (int?, string) FindStudyN(string flow)
    {
        foreach (var regex in new[] { StudyNPhrase, StudyNIncluded, StudyNTable })
        {
            var m = regex.Match(flow);
            if (!m.Success) continue;
            var t = m.Groups["n"].Value;
            int n = int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : NumberWords[t];
            return (n, $"'{m.Value.Trim()}'");
        }
        return (null, "no study n stated");
    }

    static ReportedP? P(Match m, bool french)
    {
        var v = PrintedNumber.Parse(m.Groups["pv"].Value, french);
        if (v is null || v.Value > 1) return null;
        return new ReportedP(m.Groups["rel"].Value, v, m.Index, m.Index + m.Length);
    }

    static readonly Regex DfAfter = new(@"\G\s*[,;]\s*(?:(?:df|ddl)\s*=\s*\d+(?:[.,]\d+)?|[nN]\s*=\s*\d+)", Opt);
    static readonly Regex OpensStatistic = new(@"^\s*[,;:]?\s*[\(\[]?\s*(?:[A-Za-zÀ-ÿ'-]+\s+){0,3}$", Opt);

    /// <summary>The p printed just before a statistic ("p = 0.03 (t = 2.3, df = 28)", "p = 0.03, t(28) = 2.3"), unclaimed, with only a bracket or a few words between.</summary>
    static ReportedP? PBefore(List<ReportedP> pValues, HashSet<ReportedP> used, string flow, int statisticStart)
    {
        var p = pValues.LastOrDefault(x => x.End <= statisticStart && statisticStart - x.End <= 25);
        if (p is null || used.Contains(p)) return null;
        var gap = flow[p.End..statisticStart];
        return !gap.Contains('\n') && OpensStatistic.IsMatch(gap) ? p : null;
    }

    /// <summary>The p-value printed right after a statistic (within a few characters, with no other number in between but a df).</summary>
    static ReportedP? PAfter(List<ReportedP> pValues, string flow, int from, int within)
    {
        var p = pValues.FirstOrDefault(x => x.Start >= from && x.Start - from <= within);
        if (p is null) return null;
        var gap = flow[from..p.Start];
        if (gap.Contains('\n') || Regex.IsMatch(Regex.Replace(gap, @"(?:df|ddl)\s*=\s*\d+(?:[.,]\d+)?|(?<![\w])[nN]\s*=\s*\d+", ""), @"\d")) return null;
        return p;
    }

    static string NormaliseTest(string t) => t switch
    {
        "t" => "t", "F" => "F", "z" or "Z" => "z", "r" => "r", _ => "chi2",
    };

    /// <summary>The df of a test: "(28)", "(2, 45)", "(2 ; 45)", "(1, N = 90)", or "df = 1" after the value.</summary>
    static (PrintedNumber?, PrintedNumber?) Df(string test, string? inParens, string gap, bool french)
    {
        var text = inParens is null ? null : Regex.Replace(inParens, @"[,;]?\s*N\s*=\s*\d+", "").Replace("ddl", "").Replace("df", "").Replace("=", "").Trim();
        if (string.IsNullOrEmpty(text))
        {
            var m = Regex.Match(gap, @"(?:df|ddl)\s*=\s*(?<df>\d+(?:[.,]\d+)?)");
            if (m.Success) return (PrintedNumber.Parse(m.Groups["df"].Value, french), null);
            // A correlation's df is n - 2: "r = .30 (n = 50), p = .034".
            var n = Regex.Match(gap, @"(?<![\w])[nN]\s*=\s*(?<n>\d+)");
            return test == "r" && n.Success ? (PrintedNumber.Parse((int.Parse(n.Groups["n"].Value, CultureInfo.InvariantCulture) - 2).ToString(CultureInfo.InvariantCulture), false), null) : (null, null);
        }
        if (test == "F")
        {
            var parts = text.Contains(';') ? text.Split(';') : text.Split(',');
            if (parts.Length == 2) return (PrintedNumber.Parse(parts[0], false), PrintedNumber.Parse(parts[1], false));
            return (null, null);
        }
        var first = text.Split(new[] { ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd(',');
        return (PrintedNumber.Parse(first, french), null);
    }

    public static bool IsFrench(string flow)
    {
        int fr = Regex.Matches(flow, @"\b(?:les|des|est|une|et|du|été|avec|pour|dans)\b").Count;
        int en = Regex.Matches(flow, @"\b(?:the|and|of|was|were|with|for|in|is)\b").Count;
        return fr > en;
    }

    static int[] SentenceStarts(string flow) => new[] { 0 }.Concat(SentenceBreak.Matches(flow).Select(m => m.Index + m.Length)).ToArray();
    static int SentenceIndex(int[] starts, int at) { int i = Array.BinarySearch(starts, at); return i >= 0 ? i : ~i - 1; }
    static int SentenceStart(int[] starts, int at) => starts[Math.Max(0, SentenceIndex(starts, at))];
    static int SentenceEnd(int[] starts, string flow, int at) { int i = SentenceIndex(starts, at); return i + 1 < starts.Length ? starts[i + 1] : flow.Length; }
}
