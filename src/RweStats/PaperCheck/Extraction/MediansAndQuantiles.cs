using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Medians with their quartiles, IQR or range, named one by one or known by their limits alone.
internal static partial class StatisticExtractor
{
    // Up to five words between the median and its bracket, none a conjunction that opens another statistic nor the word
    // median that names the next one ("7 jours en médiane (…) et de 8,3 jours en médiane (…)"), nor a bracket with numbers
    // (another median's quartiles: "2 jours en médiane (Q1-Q3 : 1-3) après A et de 3 jours (…)"): "a median of
    // 6.7 salbutamol inhalations on the ward (IQR 4–10)", "a median of 41 days after the first infusion (IQR 45–90)", "a median of 36 hours after the start of the infusion
    // (IQR 40–58)" (up to seven words).
    static readonly Regex Median = new(@"\b(?:median|médiane?)\b\s*(?:(?:[\w'-]+|\([^)\d]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|est de|à|at|is)?\s*" + NotADenominator + @"(?<med>" + Num + @")\s*" + RatedOnAScale + @"(?:(?!(?:and|or|et|ou|vs|versus|than|que|median|médiane)\b)[a-zA-Zµ/%À-ÿ'-]+(?![a-zA-Zµ/%À-ÿ'-])\s*|" + PeriodCountedOver + @"){0,10}[\(\[,;]\s*(?:(?:IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|espace interquartile|Q1\s*-\s*Q3|Q1\s*[,;–]\s*Q3|quartiles|25th-75th percentiles|P25-P75)(?:\s*[\[(]\s*(?:IQR|EIQ)\s*[\])])?\s*[:=,]?\s*(?<q1>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<q3>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?(?:\s*[;,]\s*(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?)?\s*[\)\]]?|(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]?)", OptI);
    /// <summary>"median = 24, Q1 = 22, Q3 = 27", "médiane 24 (Q1 : 22 ; Q3 : 27)": quartiles named one by one.</summary>
    static readonly Regex MedianNamedQuartiles = new(@"\b(?:median|médiane)\s*(?:[=:]|was|is|of|était|est de|de)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[,;(\[]\s*(?:Q1|first quartile|premier quartile)\s*[=:]?\s*(?<q1>" + Num + @")\s*[,;]\s*(?:and\s+|et\s+)?(?:Q3|third quartile|troisième quartile)\s*[=:]?\s*(?<q3>" + Num + @")\s*[\)\]]?", OptI);
    /// <summary>
    /// Up to five words naming what a median counts or measures between it and its bracket ("11.3 up-dosing visits (IQR
    /// 10–13)", "2,2 passages antérieurs aux urgences (Q1-Q3 : 1-4)", "2.8 follow-up CT scans", "3,2 jours en arrêt de
    /// travail (Q1-Q3 : 0-9)"), none a verb: "45
    /// patients had (IQR …)" is no median's unit.
    /// </summary>
    const string MedianUnitWords = @"(?:(?!(?:" + Auxiliary + @")(?![\p{L}'-]))[\p{L}µ/%][\p{L}µ/%'-]*(?![\p{L}µ/%'-])\s*|" + PeriodCountedOver + @"){0,8}";
    /// <summary>A number after "sur", "out of", "of the last" is the denominator of the count before it ("une médiane de 6 saisons sur les 10 dernières (Q1-Q3 : 2-9)"), no median.
    /// A number closing a range ("on a 0–10 scale", "on a scale of 0 to 10") is the scale's bound, no median either.</summary>
    const string NotADenominator = @"(?<!\b(?:last|past|previous|preceding|au\s+cours\s+des|pendant\s+les|lors\s+des|dans\s+les)\s+)(?<!\b(?:sur(?:\s+(?:les|ces))?|out\s+of(?:\s+the)?|of\s+the\s+(?:last|past|previous)|of\s+(?:these|those))\s+)(?<!\d\s+(?:of|des|sur|out\s+of)(?:\s+(?:the|les|ces))?\s+)(?<!\d\s*[–—-]\s*)(?<!\b(?:scale|échelle)\s+(?:(?:of|from|de|allant\s+de)\s+)?\d+\s+(?:to|à)\s+)";
    /// <summary>"a median of 18 of the 24 weekly messages (IQR 11–22)", "6 des 10 séances": the median is the count before "of", the number after it the denominator it counts from. A count out of a whole number is itself whole.</summary>
    /// <summary>The scale a median is rated on, between it and its bracket: "3 on a 0–10 scale (IQR 2–5)", "3 sur une échelle de 0 à 10 (EIQ 2-5)".</summary>
    const string RatedOnAScale = @"(?:(?:on|sur)\s+(?:a|an|the|une|l')\s*(?:\d+\s*[–—-]\s*\d+(?:[- ]point)?\s+(?:scale|échelle)|(?:scale|échelle)\s+(?:(?:of|from|de|allant\s+de)\s+)?\d+\s*(?:to|à|–|—|-)\s*\d+)\s*,?\s*)?";
    const string CountOfDenominator = @"(?:(?:of|out\s+of|des|sur)\s+(?:(?:the|les|ces)\s+)?(?<den>\d+)\s+)?";
    /// <summary>Up to seven words between "en médiane" and its bracket ("16 jours en médiane après la randomisation dans le groupe A (Q1-Q3 : …)"), none a conjunction that opens another statistic nor
    /// the word median of the next: "9 jours en médiane après la sortie (Q1-Q3 : 12-30)", "3 jours en médiane après la
    /// chirurgie (Q1-Q3 : 4-6)".</summary>
    const string WordsAfterMedian = @"(?:(?!(?:and|or|et|ou|vs|versus|than|que|median|médiane)\b)[a-zA-Zµ/%À-ÿ'-]+(?![a-zA-Zµ/%À-ÿ'-])\s*|" + PeriodCountedOver + @"){0,10}";
    /// <summary>
    /// The length of the period a count was taken over, among the words between a median and its bracket: "4.3
    /// symptom-free days in the last 2 weeks (IQR 2–7)", "3,2 jours sans douleur au cours des 4 dernières semaines (Q1-Q3 :
    /// 1-6)". Its number follows "last", "past" or comes before "derniers": the period's, never the median's.
    /// </summary>
    const string PeriodCountedOver = @"(?<=\b(?:last|past|previous|preceding)\s+)\d{1,3}\s+(?=(?:days?|nights?|weeks?|months?|years?)\b)|(?<=\b(?:des|les)\s+)\d{1,3}\s+(?=(?:derniers|dernières|précédents|précédentes)\b)";
    /// <summary>"2 (IQR 1–3)", "and of 7 (IQR 8–10)", "9 (Q1-Q3 : 6,71-12)", "11 (EIQ 9 à 14)": a value with its interquartile range is a median, whether the word is near or not;
    /// the range may follow the quartiles in the same bracket ("6 jours en médiane (Q1-Q3 : 4-9 ; extrêmes 2-31)", "6 days (IQR 4–9; range 2–31)").</summary>
    static readonly Regex MedianByIqr = new(@"(?<![\w.,])" + NotADenominator + @"(?<med>" + Num + @")" + IqrBracketAhead + @"\s*" + CountOfDenominator + MedianUnitWords + @"(?:(?:en|in)\s+(?:médiane|median)\s*" + WordsAfterMedian + @")?[\(\[]\s*(?:IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|espace interquartile|Q1\s*[-–]\s*Q3|Q1\s*[,;]\s*Q3|P25\s*[-–]\s*P75|25th[-–]75th percentiles?)(?:\s*[\[(]\s*(?:IQR|EIQ)\s*[\])])?\s*[:=,]?\s*(?<q1>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<q3>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?(?:\s*[;,]\s*(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?)?\s*[\)\]]", Opt);
    /// <summary>A quick look ahead for the bracket that names quartiles (no statistic before it fails later than here), so that a
    /// number with no such bracket after it is passed over at once.</summary>
    const string IqrBracketAhead = @"(?=[^()\[\]]{0,160}[\(\[]\s*(?:IQR|EIQ|IIQ|interquartile|intervalle|écart|espace|Q1|P25|25th))";
    /// <summary>"and of 2 (range, 0.5–7)", "et de 3 (extrêmes 1-9)": a value with its range, a median when its sentence names a median before it and no mean after that,
    /// or when the word stands between the value and its range ("12 jours en médiane (extrêmes 3-64)").</summary>
    static readonly Regex MedianByRange = new(@"(?<![\w.,])" + NotADenominator + @"(?<med>" + Num + @")\s*" + MedianUnitWords + @"(?:(?:en|in)\s+(?:médiane|median)\s*" + WordsAfterMedian + @")?[\(\[]\s*(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]", OptI);
    /// <summary>A second median right after one printed with its quartiles or range, its limits bare: "from a median of 2 (IQR 1 to 3) to 2 (0.75 to 2.25)", "6 (EIQ 4-8) et 5 (3-7)", "2 (IQR 2–3) at baseline and 2 (1–2) at 12 weeks", the first's arm between them ("7 [IQR 6–8] with the drug and 7 [8–9] with vehicle", "2 [IQR 0–4] after radiofrequency and of 3.2 [1–5] after sham", "6 (EIQ 4-8) sous X et 5 (3-7) sous placebo"). Its limits are of the same kind.</summary>
    static readonly Regex NextMedianBareLimits = new(@"\G(?:\s*,?\s*(?:at|à|after|après)\s+(?:baseline|inclusion|l'inclusion|[MJWD]\d{1,3}|(?:week|semaine|month|mois|day|jour)\s+\d{1,3}|\d{1,3}\s+(?:weeks?|months?|semaines|mois|days?|jours|years?|ans)))?"
        + @"(?:\s*,?\s*(?:with|on|under|after|in\s+the|sous|avec|après|dans\s+le\s+groupe|du\s+groupe)\s+(?:(?!(?:and|et|to|vs|versus|contre|then|puis)\b)[\p{L}-]+\s*){1,3}?)?\s*,?\s*(?:to|à|and|et|vs\.?|versus|contre|then|puis)\s+(?:(?:a|an|une|of|de|d'|median|médiane|the|la|le)\s+){0,3}(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?[\(\[]\s*(?<a>" + Num + @")" + Sep + "(?<b>" + Num + @")\s*[\)\]]", OptI);
    /// <summary>A named median with bare limits, its unit in one word, accented or not ("une médiane de 22 séances [19 ; 24]"), and the period it is given per ("La fréquence médiane des crises était de 3 par mois [1 ; 7]").</summary>
    static readonly Regex MedianBareLimits = new(@"\b(?:median|médiane?)\b\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|est de|à|at|is)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%À-ÿ'-]+\s*)?" + PerTimeUnit + @"[\(\[]\s*(?<a>" + Num + @")\s*(?:to|à|–|—|-|;)\s*(?<b>" + Num + @")\s*[\)\]]", OptI);
    /// <summary>The period a median is given per, between its unit and its limits ("3 crises par mois [1 ; 7]", "3 per month [1–7]").</summary>
    const string PerTimeUnit = @"(?:(?:per|par|a|an)\s+(?:day|week|month|year|jour|semaine|mois|an)\s*)?";
    /// <summary>
    /// The same median in another group, right after a named one with bare limits, said by a pronoun with its bare limits
    /// too: "la durée médiane était de 9,3 jours [7 ; 12] ; chez les 41 patients ayant un abcès, elle était de 21 jours
    /// [14 ; 18]", "… 9 days [7–12]; in the 41 with an abscess, it was 21 days [14–18]". No number between (another
    /// statistic's), and the pronoun's clause gives it no measure of its own.
    /// </summary>
    static readonly Regex PronounMedianBareLimits = new(@"\G\s*[;,]\s*(?:(?:and|et|whereas|alors\s+que)\s+)?(?:(?:in|among|for|chez|parmi|dans|pour)\s+[^;:.=±%()\[\]\d]{0,20}(?:\d+\s+)?[^;:.=±%()\[\]\d]{0,60}?,\s*)?(?:it|il|elle)\s+(?:was|is|était|est)\s+(?:de\s+)?(?<med>" + Num + @")\s*(?:[\p{L}µ/%]+\s*)?\[\s*(?<a>" + Num + @")\s*(?:to|à|–|—|-|;)\s*(?<b>" + Num + @")\s*\]", OptI);
    /// <summary>A median with no quartiles, of an integer-valued measure: "a median of 3 sessions", "the median number of
    /// cycles before a first response was 4.8 in the 12 responders", "le nombre médian de cycles avant la réponse était de
    /// 4,8" (up to eight words, none a number, between the word median and its verb).</summary>
    static readonly Regex MedianAlone = new(@"\b(?:median|médiane?)\s+(?:[\p{L}'’-]+\s+){0,8}?(?:of|de|was|était|est de|[:=])\s*(?<med>" + Num + @")(?![\d.,]*\d)(?=\s+[\p{L}œ])(?![^.;\n]{0,40}?[\(\[±])", OptI);
    static readonly Regex MedianWord = new(@"\b(?:median|médiane?)\b", OptI);
    /// <summary>"median (IQR) 6 (4-8)", "The median [IQR] PHQ-9 score was 12 [8–15]": the header form in running text.</summary>
    static readonly Regex MedianHeader = new(@"\b(?:median|médiane)\s*[\(\[]\s*(?:IQR|Q1\s*[-–]\s*Q3|EIQ|IIQ)\s*[\)\]]\s*(?:[\w'-]+\s+){0,4}?(?:(?:was|were|is|of|était|étaient|est de|de)\s+)?[:=]?\s*(?<med>" + Num + @")\s*[\(\[]\s*(?<q1>" + Num + ")" + Sep + "(?<q3>" + Num + @")\s*[\)\]]", OptI);

    /// <summary>The statement closing a sentence that its values with bare limits are medians with quartiles: ", median (IQR).", "(médiane [Q1 ; Q3]).", "(median [IQR])".</summary>
    static readonly Regex MedianDeclaredAfter = new(@"(?:,\s*|\(\s*)(?:median|médiane)\s*[\(\[]\s*(?:IQR|EIQ|IIQ|Q1\s*[;,–-]\s*Q3|P25\s*[;,–-]\s*P75)\s*[\)\]]\s*\)?(?=\s*(?:[.;]|$))", OptI);
    /// <summary>A value and its bare limits in brackets, with a one-word unit between ("36 (24–58)", "2 [1 ; 3]", "9 jours [5-16]"); not the end of a range or a list ("0–10 (…)", "3, 4 (…)").</summary>
    static readonly Regex ValueWithBareLimits = new(@"(?<![\w.,–-]|[\d.,]\s*[–-]\s*)(?<med>" + Num + @")\s*(?:[\p{L}µ/%]+\s*)?[\(\[]\s*(?<a>" + Num + @")" + Sep + @"(?<b>" + Num + @")\s*[\)\]]", Opt);

    /// <summary>
    /// A median whose own printed numbers show the data are whole: its quartiles, range or bare limits (two or more) are
    /// printed whole while the median has a tenth that is no half ("3.2 days (IQR 1–6)", "a median of 2.8 weeks after the
    /// injections (IQR 2–4)", "8,7 semaines (Q1-Q3 : 5-12)", "1.7 doses per week (IQR 0–3)"), or the median and every
    /// limit are whole but for a maximum with a fraction ("49 jours (extrêmes 14-121,5)"). Mixed precision within one
    /// bracket: the limits printed whole say the values were, and a median of whole numbers is whole or a half, a maximum one
    /// of the values. Only for a measure recorded in a whole unit: a time in days to years or nights (minutes and
    /// hours are mostly measured, not counted) or things counted (a plural noun; not per period, a rate); never a physical or laboratory quantity (kg, mmHg, mg/L: <see cref="MeasureUnitWords"/>).
    /// A median printed whole or as a half with whole limits says nothing of the data's precision; a median whose limits
    /// carry decimals is of real-valued data. The assumption is stated in the finding.
    /// </summary>
    /// <param name="unit">The unit a table row's label gives its cells ("Days from injury to surgery", "Age, years"), or
    /// the row's other cells printing the same measure whole; else the one printed after the median.</param>
    static MedianWithQuartiles CountedInWholeUnits(MedianWithQuartiles m, string? unit = null, string? evidence = null)
    {
        if (m.Context.IntegerValued || m.Median is not { } median) return m;
        var limits = new[] { m.Q1, m.Q3, m.Min, m.Max, m.BareLimits?.Low, m.BareLimits?.High }.Where(l => l is not null).Select(l => l!).ToList();
        if (limits.Count < 2) return m;
        bool medianNoHalf = median.Decimals > 0 && (median.Value * 2) % 1 != 0 && limits.All(l => l.Decimals == 0);
        // A maximum with a fraction, everything else whole (the minimum may be a half day, "range 0.5–14"; a maximum printed
        // so beside whole values is no value of the data).
        bool maxWithFraction = median.Decimals == 0 && m.Max is { Decimals: > 0 } max && max.Value % 1 != 0
                               && limits.Where(l => !ReferenceEquals(l, max)).All(l => l.Decimals == 0);
        if (!medianNoHalf && !maxWithFraction) return m;
        if (unit is null && UnitAfterMedian(m.Context.Quote, median) is { } after && WholeUnitAfterMedian.Match(after) is { Success: true } printed)
            unit = printed.Groups["u"].Value;
        if (unit is null) return m;
        evidence ??= medianNoHalf ? "its limits are printed whole" : "its median and other limits are printed whole";
        return m with
        {
            Context = m.Context with { IntegerValued = true, Measure = m.Context.Measure ?? $"{unit} (its limits printed whole)" },
            WholeAssumption = $"the measure is taken as recorded in whole {unit}: {evidence}",
        };
    }

    /// <summary>What the quote prints after the median's value: "weeks after the injections (IQR 2–4)" in "a median of 2.8 weeks after the injections (IQR 2–4)".</summary>
    static string? UnitAfterMedian(string quote, PrintedNumber median)
    {
        var at = Regex.Match(quote, @"(?<![\d.,])" + Regex.Escape(median.Text) + @"(?![\d]|[.,]\d)");
        return at.Success ? quote[(at.Index + at.Length)..] : null;
    }

    // One word may say which days were counted ("2.3 school days", "3.2 sick days", "4.1 hospital days"), none a
    // preposition or a unit: "2.3 per days" or "2.3 mg days" counts no days. A time in days to years or nights, or
    // things counted in a plural ("2.8 follow-up scans", "3,4 changements de pansement"), not per period: a unit recorded whole.
    static readonly Regex WholeUnitAfterMedian = new(@"^\s*(?:(?:full|whole|completed?|entiers|révolus)\s+|(?!(?:" + QualifierStopWords + "|" + MeasureUnitWords + "|" + TimeUnitWords + @")\b)\p{L}[\p{L}-]+\s+)?(?<u>days|jours|nights|nuits|weeks|semaines|months|mois|years|ans|années)\b|^\s*(?:(?:full|whole|completed?|entiers|révolus)\s+|(?!(?:" + QualifierStopWords + "|" + MeasureUnitWords + "|" + TimeUnitWords + @")\b)\p{L}[\p{L}-]+\s+)?(?<u>day|jour|night|nuit|week|semaine|month|year|an|année)(?=\s*(?:en\s+médiane|in\s+median)?\s*[\(\[])|^\s*" + PluralQualifier + "(?<u>" + CountedPlural + ")" + NotARate, OptI);
}
