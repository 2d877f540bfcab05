using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

/// <summary>What the reader declares about the paper: measures to treat as integer-valued (beside those named as scores, points, scales or counts), and the study's n when the text does not state it.</summary>
public sealed record CheckOptions(IReadOnlyList<string> IntegerMeasures, int? StudyN = null)
{
    /// <summary>No integer-valued measures named, the study n from the text.</summary>
    public static readonly CheckOptions Default = new(Array.Empty<string>());

    /// <summary>The names the paper itself states as scored in whole points ("the Epworth Sleepiness Scale (ESS, 0–24 points)"): integer-valued wherever they are named, as a score is.</summary>
    internal Regex? PaperScores { get; init; }
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
    /// <summary>A count as printed, with a space between its thousands ("1 287", French and SI style) or without.</summary>
    internal const string WholeCount = @"(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![.,]?\d)|\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d+)";

    /// <summary>The value of a <see cref="WholeCount"/>.</summary>
    internal static int ParseWhole(string printed) => int.Parse(Regex.Replace(printed, @"[\s,]", ""), NumberStyles.None, CultureInfo.InvariantCulture);
    const string Sep = @"\s*(?:to|à|–|—|-|;|,)\s*";

    /// <summary>"p = .036", "P&lt;.001", "p-value = 0.03", and in words: "a p-value of 0.03", "p value was 0.03", "p-value of less than 0.001", "une valeur de p de 0,03".</summary>
    static readonly Regex PValue = new(@"(?<![A-Za-z])(?:[pP]\s*(?:-?\s*value\s*)?(?<rel><=|>=|=|<|>|≤|≥)|(?:[pP][- ]?value|valeur (?:de )?p|p-valeur)\s+(?:(?:was|is|of|de|était|égale à|equal to)\s+){1,2}(?<lt>(?:less than|lower than|below|under|inférieure? à)\s+)?)\s*(?<pv>10\s*\^?\s*-\s*\d+(?![.,]?\d)|(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*(?:[×x\*]\s*10\s*\^?\s*-\s*\d+|[eE]-?\d+))?)", Opt);

    /// <summary>
    /// "t(28) = 2.20", "t[28] = 2.20", "F(2, 45) = 3.1", Kruskal–Wallis "H(2) = 7.1" (its χ² approximation), "χ2(2, N = 80) = 6.1", "z = 2.1", and a t or F with its df run on as a
    /// subscript set inline: "t28 = 2.20", "t 28 = 2.20", "F2,45 = 3.1".
    /// </summary>
    static readonly Regex Test = new(@"(?<![\w])(?<test>t|F|z|Z|r|H(?=\s*\()|χ\s?2|χ²|[cC]hi\s?2|[cC]hi²|[cC]hi-square|X2)(?:(?<=t)\s+de\s+(?:Welch|Student)|\s+for\s+(?:linear\s+)?trend|\s+(?:de|pour)\s+(?:la\s+)?tendance(?:\s+linéaire)?|\s+(?:du|of\s+the)\s+(?:test\s+(?:du\s+)?)?log-?rank(?:\s+test)?)?(?:\s*\((?<df>[^()=]{1,25}?(?:[nN]\s*=\s*\d+(?:[, ]\d{3})*)?)\)|\s*\[(?<df>[^\[\]=]{1,25}?(?:[nN]\s*=\s*\d+(?:[, ]\d{3})*)?)\]|(?<=[tF])\s?(?<df>\d{1,4}(?:\s?[,;]\s?\d{1,4})?))?\s*=\s*(?<val>" + Num + ")", Opt);

    static readonly Regex Interval = new(@"(?<est>" + Num + @")\s*%?\s*(?:percentage points?|points de pourcentage|(?<per>(?:per|par)\s+[a-zA-Zé-]+)|[a-zA-Zµ/]+)?\s*[\(\[,;]\s*(?:(?<rname>a?HR|a?OR|RR|IRR|sHR)\s*[;,:]\s*)?(?:(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence interval(?:\s*\[CI\])?|intervalle de confiance(?:\s*\[IC\])?)|(?:CI|IC)\s*(?:à\s*)?(?<lvl>\d{2})(?:\s*%|(?=\s*[:,\[(]?\s*-?\d)))\s*[:,=]?\s*\[?\s*(?<lo>" + Num + @")\s*%?" + Sep + "(?<hi>" + Num + ")", Opt);

    /// <summary>
    /// A named estimate with its limits in brackets and no level: "OR 1.8 [1.1–2.9]", "HR 0.72 (0.55; 0.94)", "mean
    /// difference -1.2 (-2.3 to -0.1)". The name is required: a bare "6 (4-8)" may be a median with its quartiles or range,
    /// and so may a "median difference 5 (3–7)".
    /// </summary>
    static readonly Regex BareInterval = new(@"\b(?<!(?i:median|médiane?)\s)(?<name>a?OR|a?HR|sHR|RR|IRR|MD|(?i:odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|risque relatif|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))\s*(?:[=:,]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[]\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]", Opt);
    /// <summary>"β = 0.12 (SE 0.05), p = 0.02", "coefficient 0.12, SE = 0.05; p = 0.02", "différence 1,2 (ES 0,5)": a named estimate with its standard error.</summary>
    static readonly Regex EstimateSe = new(@"(?<![\w])(?<name>β|beta|[Bb]|(?i:coefficient|coef\.|estimate|estimation|(?:mean |adjusted )?difference|différence(?: moyenne| ajustée)?))(?:\s+(?:for|of|de|du|pour)\s+(?:[\w'-]+\s+){1,3}?(?=was|of|is|était|est|de|=|:))?\s*(?:[=:]\s*|(?:(?:was|of|is|était|est|de)\s+){1,2})?(?<est>" + Num + @")\s*[\(\[,;]?\s*(?:SE|ES|s\.e\.|(?i:standard error|erreur standard))\s*[=:]?\s*(?<se>" + Num + @")\s*[\)\]]?", Opt);
    /// <summary>A confidence level stated anywhere in the paper: "95 % CI", "IC à 95 %", "IC95", "intervalle de confiance à 90 %".</summary>
    static readonly Regex StatedLevel = new(@"(?<lvl>\d{2}(?:[.,]\d+)?)\s*%\s*(?:CI|IC|CrI|confidence|de confiance)|(?:CI|IC|confidence interval|intervalle de confiance)\s*(?:à\s*|of\s*)?(?<lvl>\d{2})\s*%?", OptI);
    static readonly Regex DifferenceName = new(@"\b(?:differences?|différences?|changes?|variations?|slopes?|pentes?|coefficients?|β|beta|gains?|increases?|decreases?|augmentation|diminution|baisse|hausse|reductions?|réduction|MD|SMD|mean|moyenne|median|médiane)\b", OptI);
    static readonly Regex TimeBeforeInterval = new(@"\b(?:at|à|after|après|week|weeks|semaine|month|months|mois|day|jour|visit|visite|J|M|W)\s*$", OptI);
    /// <summary>The estimate printed before a bracket that opens with its p: "2.1 points (p = 0.03; 95% CI …".</summary>
    static readonly Regex EstimateBeforeP = new(@"(?<![\w/]|\d[.,])(?<est>" + Num + @")\s*%?\s*(?:[a-zA-Zµ/]+\s*){0,2}[\(\[]\s*$", Opt);
    static readonly Regex RatioName = new(@"\b(OR|HR|RR|IRR|aOR|aHR|odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|rapport des cotes|risque relatif|rapport des risques|rapport de risques|rapport des taux|rapport de taux|ratio)\b", Opt);

    const string SdLabel = @"(?<lab>SD|ET|DS|s\.d\.|SEM|SE|ESM|ES|écart[- ]type|standard deviation|standard error|erreur standard)";
    static readonly Regex MeanPlusMinus = new(@"(?<![\w/]|\d[.,])(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?(?:±|\+/-|\+-)\s*(?<s>" + Num + ")", Opt);
    /// <summary>"5.3 (SD 1.2)", "27.4 kg/m2 (SD 4.1)": never the "2" of a unit.</summary>
    static readonly Regex MeanParenSd = new(@"(?<![\w/]|\d[.,])(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%][\wµ/%²³]*\s*){0,2}\(\s*" + SdLabel + @"\s*[=:,]?\s*(?<s>" + Num + @")\s*[a-zA-Zµ/%]*\s*\)", Opt);
    static readonly Regex MeanCommaSd = new(@"\b(?:mean|moyenne|M)\s*(?:[\w-]+\s+){0,3}?(?:=|:|de|of|was|était|à|at)?\s*(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[,;]\s*" + SdLabel + @"\s*[=:]?\s*(?<s>" + Num + ")", Opt);
    /// <summary>"mean (SD), was 18.55 (4.20)", "moyenne (ET) : 18,55 (4,20)": the header form in running text.</summary>
    static readonly Regex MeanHeader = new(@"\b(?:mean|moyenne)\s*[\(\[]\s*" + SdLabel + @"\s*[\)\]]\s*[,:=]?\s*(?:[\w'-]+\s+){0,4}?(?:(?:was|were|is|of|était|étaient|est|de)\s+){0,2}(?<m>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[\(\[]\s*(?<s>" + Num + @")\s*[\)\]]", OptI);
    /// <summary>"61.9 ± 0.7 (mean ± SE)", "8,2 ± 1,1 (moyenne ± ET)": the spread named after the value.</summary>
    static readonly Regex MeanSpreadLabelAfter = new(@"\G\s*(?:[a-zA-Zµ/%]+\s*)?\(\s*(?:mean|moyenne|M)\s*(?:±|\+/-)\s*" + SdLabel + @"\s*\)", OptI);
    static readonly Regex MeanAlone = new(@"\b(?:mean|moyenne|average)\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|is|est)\s*(?<m>" + Num + @")(?![\d.,]*\s*(?:±|\())", OptI);

    static readonly Regex Median = new(@"\b(?:median|médiane?)\b\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|est de|à|at|is)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[\(\[,;]\s*(?:(?:IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|espace interquartile|Q1\s*-\s*Q3|Q1\s*[,;–]\s*Q3|quartiles|25th-75th percentiles|P25-P75)(?:\s*[\[(]\s*(?:IQR|EIQ)\s*[\])])?\s*[:=,]?\s*(?<q1>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<q3>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]?|(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]?)", OptI);
    /// <summary>"median = 24, Q1 = 22, Q3 = 27", "médiane 24 (Q1 : 22 ; Q3 : 27)": quartiles named one by one.</summary>
    static readonly Regex MedianNamedQuartiles = new(@"\b(?:median|médiane)\s*(?:[=:]|was|is|of|était|est de|de)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}[,;(\[]\s*(?:Q1|first quartile|premier quartile)\s*[=:]?\s*(?<q1>" + Num + @")\s*[,;]\s*(?:and\s+|et\s+)?(?:Q3|third quartile|troisième quartile)\s*[=:]?\s*(?<q3>" + Num + @")\s*[\)\]]?", OptI);
    /// <summary>"2 (IQR 1–3)", "and of 7 (IQR 8–10)", "9 (Q1-Q3 : 6,71-12)", "11 (EIQ 9 à 14)": a value with its interquartile range is a median, whether the word is near or not.</summary>
    static readonly Regex MedianByIqr = new(@"(?<![\w.,])(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}(?:(?:en|in)\s+(?:médiane|median)\s*)?[\(\[]\s*(?:IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|espace interquartile|Q1\s*[-–]\s*Q3|Q1\s*[,;]\s*Q3|P25\s*[-–]\s*P75|25th[-–]75th percentiles?)(?:\s*[\[(]\s*(?:IQR|EIQ)\s*[\])])?\s*[:=,]?\s*(?<q1>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<q3>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]", Opt);
    /// <summary>"and of 2 (range, 0.5–7)", "et de 3 (extrêmes 1-9)": a value with its range, a median when its sentence names a median before it and no mean after that.</summary>
    static readonly Regex MedianByRange = new(@"(?<![\w.,])(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*){0,2}(?:(?:en|in)\s+(?:médiane|median)\s*)?[\(\[]\s*(?:range|min-max|min–max|minimum-maximum|extrêmes|étendue)\s*[:=,]?\s*(?<min>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?" + Sep + "(?<max>" + Num + @")(?:\s*[a-zA-Zµ/%]+)?\s*[\)\]]", OptI);
    /// <summary>A second median right after one printed with its quartiles or range, its limits bare: "from a median of 2 (IQR 1 to 3) to 2 (0.75 to 2.25)", "6 (EIQ 4-8) et 5 (3-7)", "2 (IQR 2–3) at baseline and 2 (1–2) at 12 weeks". Its limits are of the same kind.</summary>
    static readonly Regex NextMedianBareLimits = new(@"\G(?:\s*,?\s*(?:at|à|after|après)\s+(?:baseline|inclusion|l'inclusion|[MJWD]\d{1,3}|(?:week|semaine|month|mois|day|jour)\s+\d{1,3}|\d{1,3}\s+(?:weeks?|months?|semaines|mois|days?|jours|years?|ans)))?\s*,?\s*(?:to|à|and|et|vs\.?|versus|contre|then|puis)\s+(?:(?:a|an|une|of|de|d'|median|médiane|the|la|le)\s+){0,3}(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?[\(\[]\s*(?<a>" + Num + @")" + Sep + "(?<b>" + Num + @")\s*[\)\]]", OptI);
    static readonly Regex MedianBareLimits = new(@"\b(?:median|médiane?)\b\s*(?:(?:[\w'-]+|\([^)]{0,20}\))\s+){0,5}?(?:=|:|de|of|was|était|est de|à|at|is)?\s*(?<med>" + Num + @")\s*(?:[a-zA-Zµ/%]+\s*)?[\(\[]\s*(?<a>" + Num + @")\s*(?:to|à|–|—|-|;)\s*(?<b>" + Num + @")\s*[\)\]]", OptI);
    static readonly Regex MeanWord = new(@"\b(?:mean|moyenne|average|moyen)\b", OptI);
    static readonly Regex MedianAlone = new(@"\b(?:median|médiane)\s+(?:of|de|was|était|est de|[:=])\s*(?<med>" + Num + @")(?![\d.,]*\d)(?=\s+[\p{L}œ])(?![^.;\n]{0,40}?[\(\[±])", OptI);
    static readonly Regex MedianWord = new(@"\b(?:median|médiane?)\b", OptI);
    /// <summary>"median (IQR) 6 (4-8)", "The median [IQR] PHQ-9 score was 12 [8–15]": the header form in running text.</summary>
    static readonly Regex MedianHeader = new(@"\b(?:median|médiane)\s*[\(\[]\s*(?:IQR|Q1\s*[-–]\s*Q3|EIQ|IIQ)\s*[\)\]]\s*(?:[\w'-]+\s+){0,4}?(?:(?:was|were|is|of|était|étaient|est de|de)\s+)?[:=]?\s*(?<med>" + Num + @")\s*[\(\[]\s*(?<q1>" + Num + ")" + Sep + "(?<q3>" + Num + @")\s*[\)\]]", OptI);

    const string PeopleWords = @"(?:patients?|participants?|subjects?|sujets?|femmes|hommes|women|men|cas|cases|malades|enfants|children|individuals|individus|respondents|répondants|personnes|people|persons|completers|responders|répondeurs|volunteers|volontaires|adults|adultes|infants|newborns|neonates|nourrissons|nouveau-nés|boys|girls|garçons|filles|mothers|mères|physicians|médecins|nurses|infirmiers|infirmières|students|étudiants|residents|résidents|remitters|non-remitters|non-responders|non-répondeurs|survivors|survivants)";
    static readonly Regex PercentThenCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|among)\s*(?:[\wéèàçïî'-]+\s+){0,4}?)?\(\s*(?:[nN]\s*=\s*)?(?<k>\d+)\s*(?:(?:sur|/|of|out of)\s*(?<N>\d+))?\s*(?:[\wéè]+\s*)?\)", Opt);
    /// <summary>"31.2 % had renal involvement (12 patients)", "47,0 % avaient une atteinte rénale (n = 15)": a count named as such a few words after its percentage.</summary>
    static readonly Regex PercentWordsThenCount = new(@"(?<pct>" + Num + @")\s*%\s+(?:[A-Za-zÀ-ÿ'-]+\s+){1,8}?\(\s*(?:[nN]\s*=\s*(?<k>\d+)|(?<k>\d+)\s+" + PeopleWords + @")\s*\)", Opt);
    /// <summary>"12.5 %, 4 patients", "61,2 % des participants, soit 29 personnes", "48% of the patients, i.e. 12 people": a count named after its percentage.</summary>
    static readonly Regex PercentCommaCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|of all)\s*" + PeopleWords + @"\s*)?[,;]\s*(?:(?:soit|i\.\s?e\.|that is|or|namely|c'est-à-dire)\s*,?\s*)?(?<k>\d+)\s+" + PeopleWords, Opt);
    /// <summary>"12/14 (86 %)", "12 of 14 patients (86%)", "18 of 80 children in the tubes group (22.5%)" (up to six words
    /// naming the group, none a conjunction that opens another), "27 patients sur 60, soit 45 %", "39 patients out of 41, i.e. 95%": a count of a denominator, then its percentage.</summary>
    /// <summary>What a number before a bracketed percentage is not a count of: a threshold ("≥ 65 (40 %)"), a grade or stage ("grade 3/4 neutropenia (12 %)"), an age, a visit ("M6 (45 %)").</summary>
    const string NotACount = @"(?<![\w.,])(?<![<>≤≥]\s?)(?<!\b(?i:aged?|grades?|stages?|types?|class|classes|levels?|weeks?|months?|days?|visits?|years?|semaines?|mois|jours?|visites?|ans|âgée?s?|classe|stade|CTCAE|NYHA|ECOG|Gleason)\s)";
    /// <summary>"18 runners of 22", "18 coureurs sur 22": a count of things named in a plural noun of its own (not a unit, a time or a dose), then its denominator.</summary>
    const string CountedNoun = @"(?!(?i:weeks|months|days|years|hours|minutes|doses|cycles|times|points|sessions|visits|semaines|mois|jours|ans|années|heures|fois|séances|visites)\b)[A-Za-zÀ-ÿ][\wÀ-ÿ'-]*[sx]";
    /// <summary>A word that opens another group's statement: a percentage after it is not the count's before it.</summary>
    const string OtherGroupWord = @"(?:vs|versus|contre|compared|than|and|et|or|ou|but|mais|whereas|while|alors)\b";
    static readonly Regex CountOfThenPercent = new(NotACount + @"(?<k>" + WholeCount + @")\s*(?:(?:" + PeopleWords + "|" + CountedNoun + @")\s*" + PeopleQualifier + @"?)?(?:/|sur|of|out of|des|among|parmi)\s*(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")\s*(?:(?!" + OtherGroupWord + @")[\wéè]+\s*){0,2}(?:(?!" + OtherGroupWord + @")\d*-?[A-Za-zÀ-ÿ][\wÀ-ÿ'-]*\s*){0,4}(?:[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]|[,;]\s*(?:soit|i\.\s?e\.|that is|or|c'est-à-dire)\s*,?\s*(?<pct>" + Num + @")\s*%)", Opt);
    // A number after "of", "sur", "/" that follows a count is its denominator ("18 runners of 22 (81.8%)"), never a count.
    /// <summary>
    /// What the people counted did, after their count, in a past participle or a past tense with at most one word
    /// after it: "12 sont décédés (7,2 %)", "71 ont été vus (74,0 %)", "97 attended colposcopy (83.2%)".
    /// </summary>
    const string CountVerb = @"(?:(?:have been|had been|were|was|sont|ont été|ont|étaient|avaient été)\s+)?[a-zà-ÿ]{3,}(?:ed|és|ées|us|ues|is|ies)(?:\s+[a-zà-ÿ][\wà-ÿ'-]*)?\s*";
    /// <summary>A one-word qualifier of the people counted: "17 patients sous lithium", "14 children with tubes".</summary>
    const string PeopleQualifier = @"(?:(?:with|without|on|under|receiving|sous|avec|sans|recevant)\s+[\wÀ-ÿ'-]+\s*)";
    static readonly Regex CountThenPercent = new(NotACount + @"(?<!\d\s*(?:[A-Za-zÀ-ÿ'-]+\s+){0,3}(?:/|sur|of|out of)\s*(?:(?:the|les)\s+)?)(?:[nN]\s*=\s*)?(?<k>" + WholeCount + @")(?![.,]\d)\s*(?:(?:were|étaient)\s+(?:des\s+)?(?=" + PeopleWords + @"))?(?:(?:[A-Za-zÀ-ÿ][\wÀ-ÿ']*-[\wÀ-ÿ'-]+\s+)?" + PeopleWords + @"\s*(?:(?:du|des)\s+(?:groupe|bras)\s+[\wÀ-ÿ'-]+\s*|(?:of|in) the\s+[\wÀ-ÿ'-]+\s+(?:group|arm)\s*|" + PeopleQualifier + @")?|" + CountVerb + @"|(?:in the\s+[\wÀ-ÿ'-]+\s+(?:group|arm)|dans le (?:groupe|bras)\s+[\wÀ-ÿ'-]+)\s*)?(?:[\(\[]|,\s+)\s*(?<pct>" + Num + @")\s*%\s*[\)\]]?", Opt);
    /// <summary>"51 (7·5%) of 738 patients", "12 (30 %) des 40 patients": a count and its percentage, then the denominator (The Lancet's style).</summary>
    static readonly Regex CountPercentOf = new(NotACount + @"(?<k>" + WholeCount + @")\s*[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]\s*(?:of|out of|sur|des)\s+(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")(?![.,]?\d)(?!\s*(?:mg|g\b|kg|mL|ml|L\b|%|years|ans|mois|months|days|jours))", Opt);
    /// <summary>"118 and 109 patients were still treated (93.7% and 85.5%, respectively)", "chez 12 et 15 patients (30,0 % et 37,5 % respectivement)": two counts of people, then their percentages in the same order (never "at 12 and 24 weeks", "between 2 and 5").</summary>
    static readonly Regex RespectiveCounts = new(@"(?<![\w.,])(?<!\b(?i:between|entre|from|de|aged|âgés de)\s)(?<k1>" + WholeCount + @")\s+(?:and|et)\s+(?<k2>" + WholeCount + @")\s+(?:[\wéè-]+\s+)?" + PeopleWords + @"\b[^.;()%\d]{0,80}?\(\s*(?<p1>" + Num + @")\s*%\s*(?:and|et)\s+(?<p2>" + Num + @")\s*%\s*,?\s*(?:respectively|respectivement)\s*\)", Opt);
    static readonly Regex PercentOfPeople = new(@"(?<pct>" + Num + @")\s*%\s*(?:des|de|d'|of|of the|of all)\s*" + PeopleWords, Opt);

    static readonly Regex PercentOfNamedGroup = new(@"\G\s*%\s+(?:of\s+(?:the|those)|among(?:\s+the)?|des|du|de\s+la|de\s+l'|parmi\s+les)\s*(?!(?:" + StudyPeople + @"|total|all|tous|ensemble|cases|cas)\b)[\wéèàç'-]+", OptI);
    static readonly Regex SubsetJustNamed = new(@"\b(?:among|of|parmi|sur)\s+(?:(?:these|those|the|ces|les)\s+)?(?<n>" + WholeCount + @")\s+[\wéèàç'-]+(?:\s+[\wéèàç'-]+)?\s*,\s*$", OptI);
    static readonly Regex NEquals = new(@"(?<![\w])[nN]\s*=\s*(?<n>" + WholeCount + ")", Opt);
    /// <summary>"in the 14 patients", "among the 120 participants", "chez les 14 patients", "the 31 included patients", "in each arm of 31 patients": the n of a sentence (a bare "for 3 patients", "pour 3 patients" is a count).</summary>
    static readonly Regex NPeople = new(@"\b(?:(?:in|among|of|chez|parmi)\s+(?:the|les|all|ces|tous les)|the|les|these|ces|all|tous les|des|aux|(?:arms?|groups?|groupes?|bras|cohorts?|cohortes?|samples?|échantillons?)\s+(?:of|de))\s+(?<n>" + WholeCount + @")\s+(?:[\wéè][\wéè'-]*\s+)?" + PeopleWords
        // A group's n with no people word: "among the 52 in the usual-care group", "chez les 31 du groupe témoin".
        + @"|\b(?:the|les)\s+(?<n>" + WholeCount + @")\s+(?:in\s+the|du|dans\s+le)\s+(?:[\w'-]+\s+){0,2}?(?:groups?|arms?|groupes?|bras|cohorts?|cohortes?)\b", OptI);
    /// <summary>Words naming an integer-valued measure: scores, scales, counts ("number of", "nombre", "compte"), counted events (episodes, exacerbations, relapses, seizures), and a class, grade or stage that a median or mean is of.</summary>
    /// <summary>A mean printed with a unit that counts whole things: "8.62 ± 2.91 medications", "48.38 letters (SD 12.40)",
    /// "8.62 ± 2.91 medications a day" (a regimen's count); events counted over a period, "3,31 crises (ET 1,49)", but not
    /// as a rate ("14,52 crises par semaine": a count over weeks averaged per week).</summary>
    // Discrete things a patient has a whole number of: the unit printed after the value names a count ("21 sessions",
    // "9,42 séances (ET 2,61)", "1,8 consultation"), not a duration or a dose.
    static readonly Regex CountUnit = new(@"^\s*(?:letters|lettres|medications|medicines|drugs|médicaments|tablets|comprimés|pills)\b|^\s*(?:sessions?|séances?|consultations?|visits?|visites?|man(?:œ|oe)uvres?|cycles?|cures?|courses)\b(?!\s*(?:per|par|a|an)\b|\s*/)|^\s*(?:seizures|crises|episodes|épisodes|attacks)\b(?!\s*(?:per|par|a|an)\b|\s*/|\s+(?:annual|annuel|monthly|mensuel|weekly|hebdomadaire|daily|quotidien))", OptI);
    static readonly Regex IntegerWords = new(@"\b(scores?|points?|scales?|échelles?|counts?|nombre|number of|courses of|compte|décompte|items?|questionnaire|episodes|épisodes|exacerbations|relapses|poussées|seizures|awakenings|réveils|flares|falls|chutes|(?:painful|swollen|tender) joints|articulations (?:douloureuses|gonflées)|ETDRS letters|letters read|lettres ETDRS)\b|" + IntegerInstrument + "|" + OrdinalMeasure, OptI);
    /// <summary>
    /// Instruments whose total is a sum of whole item scores, named without the word "score": psychiatric rating scales
    /// (PANSS, MADRS, HAM-D, HAM-A, YMRS, BPRS, PHQ-9, GAD-7, HADS, BDI, EPDS, CGI), cognitive tests (MMSE, MoCA), stroke
    /// scales (NIHSS, modified Rankin) and the SLEDAI. Not the EDSS (half steps), nor composite indices with decimals (DAS28, HAQ);
    /// nor an instrument named as a threshold or a band ("MMSE ≥ 24", "mRS 0–2"): that names a subgroup, not the measure.
    /// </summary>
    const string IntegerInstrument = @"\b(?:PANSS|MADRS|HAM-?D(?:-?17)?|HDRS|HAM-?A|HARS|YMRS|BPRS|PHQ-?9|GAD-?7|HADS(?:-[AD])?|BDI(?:-II)?|EPDS|CGI-[SI]|MMSE|MoCA|NIHSS|mRS|modified Rankin|Rankin|SLEDAI(?:-2K)?|DLQI|POEM|SOFA|APACHE(?:\s?II)?|SAPS(?:\s?II)?|IGS\s?II|Glasgow|GCS|Apgar|Bishop|Charlson|IPSS|AUDIT(?:-C)?|Fagerstr[öo]m|FTND|Epworth|ESS|ISI|HIT-6|MIDAS)\b(?!\s*(?:[<>≤≥]|\d+\s*(?:[-–]|to)\s*\d))";
    /// <summary>A class, grade or stage as the measure a median or mean is of ("the NYHA class had a median of 2", "médiane de la classe NYHA"), not as a subgroup ("in stage III patients, the mean age").</summary>
    const string OrdinalMeasure = @"\b(?:median|médiane|mean|moyenne)\s+(?:(?:de la|du|of the|the)\s+)?(?:[\w-]+\s+)?(?:class|classe|grade|stage|stade)\b|\b(?:class|classe|grade|stage|stade)\s+(?:[\w-]+\s+)?(?:had|has|avait|a|was|était)\s+(?:(?:a|an|une)\s+)?(?:median|médiane|mean|moyenne)\b";
    static readonly Regex ContinuousUnit = new(@"^\s*(?:mg|g/|g\b|kg|mL|ml|L\b|mmol|µmol|UI|IU|U/|years|ans|année|cm|mm|ng|pg|µg|%|°|h\b|min\b|jours|days|weeks|semaines|months|mois)", Opt);
    static readonly Regex Acronym = new(@"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b", Opt);
    static readonly HashSet<string> NotMeasures = new() { "IC", "CI", "SD", "ET", "DS", "SE", "ES", "SEM", "IQR", "EIQ", "Q1", "Q3", "Q1-Q3", "M0", "M6", "M12", "J0", "OR", "HR", "RR", "UI", "IU", "LES", "AINS", "NS", "ANOVA", "N" };
    static readonly Regex VisitPhrase = new(@"\b(?:(?<code>[MJWSD]\d{1,3})\b|(?:à|a|at|after|après|au bout de)\s+(?<k>\d+|un|one)\s+(?<unit>mois|months?|ans?|years?|semaines?|weeks?|jours?|days?)\b|(?:week|semaine|month|mois|visit|visite)\s+(?<k2>\d+)|(?<base>baseline|inclusion|l'initiation|initiation|day 0|J0))", OptI);
    static readonly Regex WithinWords = new(@"\b(?:from|de|between|entre|baseline|initiation|inclusion|M0|J0|before|after|avant|après|months?|mois|weeks?|semaines?|visits?|visites?|par rapport|compared with baseline|paired|apparié)\b", OptI);
    static readonly Regex GroupWords = new(@"\b(?:placebo|groups?|groupes?|arms?|bras|controls?|témoins?|versus|treated patients and)\b", OptI);
    /// <summary>A 0/1 variable: named a proportion or binary, or coded so ("coded 1 for women and 0 otherwise", "coded 1 for yes", "codé 1 si oui").</summary>
    static readonly Regex BinaryWords = new(@"\b(?:proportion|binary|binaire|yes/no|oui/non|0/1|dummy[- ]coded)\b|\bcod(?:ed|ée?s?)\s+(?:as\s+|en\s+)?[01]\s*(?:\s(?:for|if|when|pour|si|quand)\b|=)(?![^.;()]{0,60}\b[2-9]\b(?![.,]?\d*\s*(?:mmol|µmol|mg|g/|g\b|kg|mL|L\b|%|mm|cm|UI|IU|ng|pg|µg|h\b|min\b|hours?|heures?|days?|jours?|weeks?|semaines?|months?|mois|years?|ans\b)))|\bcod(?:ed|ée?s?)\s+(?:as\s+|en\s+)?0\s*(?:or|ou|/|and|et)\s*1\b(?!\s*(?:,\s*|or\s+|ou\s+)?2\b)|\(\s*0\s*=\s*[\wéè' -]{1,20}[,;]\s*1\s*=\s*[\wéè' -]{1,20}\)", OptI);
    /// <summary>A proportion of something counted in time, doses, visits or body area is a per-patient share, not the mean of a 0/1 variable.</summary>
    static readonly Regex ContinuousShare = new(@"\b(?:proportion|proportions)\s+(?:of|de|d'|du|des)\s*(?:the\s+|la\s+|le\s+|l')?(?:[\w'-]+\s+){0,2}?(?:time|days?|nights?|hours?|weeks?|visits?|doses?|sessions?|items?|questions?|answers?|body|surface|area|volume|weight|tissue|samples?|cells?|reads?|temps|jours?|nuits?|heures?|semaines?|visites?|séances?|réponses?|surface|poids|cellules?)\b|\bper (?:patient|participant|subject)\b|\bpar (?:patient|sujet)\b", OptI);
    static bool IsBinary(string before) => BinaryWords.IsMatch(before) && !ContinuousShare.IsMatch(before);
    /// <summary>"la proportion de ceux qui recevaient un ISRS à dose maximale était de 0,63": a proportion named further back, with no number between it and the value
    /// but a time point ("the proportion of patients who had returned to driving by 12 months was 0.58", "à 24 mois") or
    /// the threshold of its coding ("La cétose, codée 1 si la β-hydroxybutyratémie atteignait 2 mmol/L, avait une moyenne
    /// de 0,78").</summary>
    static bool ProportionSubject(string before)
    {
        if (BinaryWords.Matches(before).LastOrDefault() is not { } w || !IsBinary(before[w.Index..])) return false;
        var rest = before[w.Index..];
        if (rest.StartsWith("cod", StringComparison.OrdinalIgnoreCase) && rest.IndexOf(',') is var comma and > 0) rest = rest[comma..];
        return !Regex.IsMatch(rest, @"\d(?![\d.,]*\s*(?:months?|mois|weeks?|semaines?|days?|jours?|years?|ans|hours?|heures?)\b)");
    }

    static readonly Regex SeWords = new(@"\b(?:SEM|SE|ESM|standard error|erreur standard)\b", Opt);

    static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["onze"] = 11, ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["trente"] = 30,
        ["quarante"] = 40, ["cinquante"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["soixante"] = 60, ["hundred"] = 100, ["cent"] = 100,
    };
    /// <summary>A count written in words, one word or several: "Fourteen", "twenty-eight", "Cent vingt", "quatre-vingt-dix", "soixante et onze", "one hundred and twenty".</summary>
    static readonly string NumberWordsPattern = "(?:" + NumberWordAlternatives + @")(?:(?:[\s-]+|\s+et\s+(?=un\b|onze\b)|(?<=hundred)\s+and\s+)(?:" + NumberWordAlternatives + @"|un|one|cents|thousand|mille))*";
    static string NumberWordAlternatives => "quatre-vingts?|" + string.Join("|", NumberWords.Keys.OrderByDescending(k => k.Length));
    /// <summary>The words a study's n counts (not "women", "men": those count a category of it).</summary>
    const string StudyPeople = @"(?:patients?|participants?|subjects?|sujets?|malades|enfants|children|individuals|individus|respondents|répondants|adults|adultes|volunteers|volontaires|persons|people|personnes|infants|newborns|neonates|nourrissons|nouveau-nés|adolescents|students|étudiants)";
    static readonly Regex StudyNPhrase = new(@"(?<![\w])(?<n>\d+|" + NumberWordsPattern + @")\s+(?:" + StudyPeople + @"\s+(?:[\wéè'-]+\s+){0,6}?(?:were|ont été|have been|was|a été|étaient)\s+(?:\w+\s+)?(?:included|enrolled|treated|randomi[sz]ed|analy[sz]ed|studied|allocated|assigned|inclus|incluses|traités|traitées|randomisés|randomisées|analysés|étudiés|répartis|réparties)|(?:were|ont été)\s+(?:randomi[sz]ed|enrolled|included|inclus|randomisés)(?!\s+(?:to|à|in|dans|into)\b))", OptI);
    static readonly Regex StudyNIncluded = new(@"\b(?:included|enrolled|recruited|reviewed|studied|inclu(?:ait|s)?|a inclus|ont inclus|avons inclus|avons revu|avons étudié|randomi[sz]ed|comprenait)\s+(?<n>\d+|" + NumberWordsPattern + @")\s+(?:[\wéè'-]+\s+)?" + StudyPeople, OptI);
    /// <summary>A table's "Patients (n) 14" row. A running-text "the n = 12 patients had …" is the n of its sentence, not the study's.</summary>
    /// <summary>"Participants (N = 146; 81 women …)" opening a sentence (a capital N: the whole sample, as APA style prints it), "164 underwent randomization", "Participants were 96 undergraduates", "Les 47 patients inclus", "The 120 patients enrolled", "les 58 patients de la cohorte".</summary>
    static readonly Regex StudyNOther = new(@"(?<=^|[.!?]\s+|\n\s*)(?:Participants|Patients|Subjects|Respondents|Sujets)\s*\(\s*N\s*=\s*(?<n>" + WholeCount + @")\s*[;,)]|(?<![\w])(?<n>" + WholeCount + "|" + NumberWordsPattern + @")\s+(?:" + StudyPeople + @"\s+)?underwent\s+randomi[sz]ation|\b(?:Participants|Patients|Subjects|Respondents)\s+were\s+(?<n>" + WholeCount + @")\s(?!years|yr|ans|months|mois|%|per\s?cent|kg|cm)|\b(?:The|Les)\s+(?<n>" + WholeCount + @")\s+" + StudyPeople + @"\s+(?:included|enrolled|randomi[sz]ed|inclus|incluses|randomisés|randomisées)\b(?!\s+(?:in|dans)\s+(?:the|les?|la)\s+\w+\s+(?:group|arm|groupe|bras))|\b(?:[Tt]he|[Ll]es)\s+(?<n>" + WholeCount + @")\s+" + StudyPeople + @"\s+(?:of the|in the|de la|de l'|du)\s*(?:cohort|cohorte|study|étude|registry|registre)\b", Opt);
    static readonly Regex StudyNTable = new(@"(?:Patients|Participants|Subjects|Sujets)\s*\(n\)\s*(?<n>\d+)", Opt);
    /// <summary>A full stop before a capital, or a blank line not followed by a lower-case word (that one is a page break inside a sentence).</summary>
    static readonly Regex SentenceBreak = new(@"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|\n(?!\s*[a-zà-ÿ])", Opt);

    public static Extraction Extract(PaperText text, CheckOptions options)
    {
        var flow = text.Flow;
        bool french = IsFrench(flow);
        var sentences = SentenceStarts(flow);
        options = options with { PaperScores = PaperScorePattern(flow) };
        var studyNs = options.StudyN is { } given ? new StudyNs(new[] { (0, given, "given by the reader") }) : FindStudyNs(text);
        var (studyN, studyNSource) = studyNs.First;

        var taken = new List<(int Start, int End)>();
        bool Free(int s, int e) => !taken.Any(t => s < t.End && e > t.Start);
        var found = new List<ReportedStatistic>();
        var inTables = new HashSet<ReportedStatistic>(ReferenceEqualityComparer.Instance);
        var pValues = PValue.Matches(flow).Select(m => P(m, french)).Where(p => p is not null).Select(p => p!)
            .Concat(NotSignificant.Matches(flow).Select(m => new ReportedP(">", PrintedNumber.Parse("0.05", false)!, m.Index, m.Index + m.Length)
                { Qualifier = OtherLevel.Match(flow) is { Success: true } level ? new PQualifier("corrected", level.Value) : null }))
            .OrderBy(p => p.Start).Select(p => p.Qualifier is null ? p with { Qualifier = QualifierOf(flow, p) } : p).ToList();
        var usedP = new HashSet<ReportedP>();
        var spreadConvention = SpreadConvention(flow);
        // A paper that corrects repeated-measures F tests for sphericity may print the uncorrected df with the corrected p.
        bool sphericity = Sphericity.IsMatch(flow);

        // Cells of text tables first: their row label and column header say what they are and the n they are of.
        var tableCounts = new List<(TableCell Cell, Percentage Stat)>();
        var tableMeans = new List<(TableCell Cell, MeanWithSpread Stat)>();
        foreach (var cell in TextTables.Cells(text))
            if (TableStatistic(text, cell, french, sentences, studyNs, options) is { } stat)
            {
                taken.Add((cell.Start, cell.End));
                found.Add(stat);
                inTables.Add(stat);
                if (stat is Percentage { Count: not null } count) tableCounts.Add((cell, count));
                if (stat is MeanWithSpread { Spread: not null } mean) tableMeans.Add((cell, mean));
            }
        found.AddRange(TableCategories(text, tableCounts));
        var tableWithin = TableWithinPatient(text, tableMeans, french, sentences).ToList();

        // Test statistics with their p (a statistic without a p has nothing to be checked against).
        // A p printed first ("p = 0.03 (t = 2.3, df = 28)") is the statistic's when it opens the bracket the statistic is in.
        foreach (Match m in Test.Matches(flow))
        {
            var value = PrintedNumber.Parse(m.Groups["val"].Value, french);
            if (value is null) continue;
            int valueEnd = m.Index + m.Length;
            // A p in the next clause that refers back to the statistic: "t(94) = 1.12; this difference was significant, p < .001".
            var after = PAfter(pValues, flow, valueEnd, 30) ?? PInReferringClause(pValues, flow, valueEnd);
            var first = PBefore(pValues, usedP, flow, m.Index);
            if (after is not null && usedP.Contains(after)) after = null;
            bool pFirst = first is not null && (after is null || flow[valueEnd..after.Start].Contains(')'));
            var p = pFirst ? first : after;
            if (p is null) continue;
            var test = NormaliseTest(m.Groups["test"].Value);
            var gap = pFirst ? DfAfter.Match(flow, valueEnd, Math.Min(30, flow.Length - valueEnd)).Value : flow[valueEnd..p.Start];
            var (df1, df2) = Df(test, m.Groups["df"].Success ? m.Groups["df"].Value : null, gap, flow[p.End..Math.Min(flow.Length, p.End + 20)], french);
            // A correlation with no n of its own after one with its n in the same sentence is of the same patients:
            // "(r = 0.48; p = 0.017; n = 24), but not with age (r = −0.09; p = 0.03)".
            if (test == "r" && df1 is null && found.OfType<TestStatistic>().LastOrDefault() is { Test: "r", Df1: { } previousDf } previous
                && SentenceIndex(sentences, previous.Context.Start) == SentenceIndex(sentences, m.Index))
                df1 = previousDf;
            int start = Math.Min(m.Index, p.Start), end = pFirst ? valueEnd + gap.Length : p.End;
            usedP.Add(p);
            taken.Add((start, end));
            found.Add(new TestStatistic(Context(text, start, end, french, sentences, studyNs, options), test, df1, df2, value, p) { DfMayBeCorrected = sphericity && test == "F" });
        }

        foreach (Match m in Interval.Matches(flow))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var lo = PrintedNumber.Parse(m.Groups["lo"].Value, french);
            var hi = PrintedNumber.Parse(m.Groups["hi"].Value, french);
            if (est is null || lo is null || hi is null) continue;
            double level = double.Parse(m.Groups["lvl"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            // A time before the interval ("at 12 weeks (95% CI …)") is not its estimate.
            if (TimeBeforeInterval.IsMatch(flow[Math.Max(0, m.Index - 12)..m.Index])) continue;
            // "fell from 45 % to 30 % (95% CI 8 to 22)": the number before the interval is the second of two values
            // compared, and the interval is of their difference, whose estimate is not printed.
            if (SecondOfTwo.IsMatch(flow[Math.Max(SentenceStart(sentences, m.Index), m.Index - 60)..m.Index])) continue;
            ReportedP? p;
            int from = m.Index;
            // "2.1 points (p = 0.03; 95% CI 0.2 to 4.0)": the number after "p =" is the p, the estimate is before it.
            var pBefore = pValues.FirstOrDefault(x => x.Start <= m.Groups["est"].Index && x.End >= m.Groups["est"].Index + m.Groups["est"].Length);
            if (pBefore is not null)
            {
                if (usedP.Contains(pBefore) || EstimateBeforeP.Match(flow[Math.Max(0, pBefore.Start - 60)..pBefore.Start]) is not { Success: true } e) continue;
                est = PrintedNumber.Parse(e.Groups["est"].Value, french);
                if (est is null) continue;
                p = pBefore;
                from = Math.Max(0, pBefore.Start - 60) + e.Groups["est"].Index;
            }
            else p = PAfter(pValues, flow, m.Index + m.Length, 40, overTest: true);
            int end = Math.Max(p?.End ?? 0, m.Index + m.Length);
            if (p is not null) usedP.Add(p);
            // The estimate is a ratio when the last estimate its sentence names before it is one ("the hazard ratio for a
            // first recurrence with robotic therapy was 0.61 (95% CI …)", "…; celui des hospitalisations de 1,12 (IC …)").
            // Beyond a few words, only with no other number between, or through "celui", "that of", "that for" (a ratio's limits are positive).
            var before = flow[Math.Max(SentenceStart(sentences, from), from - 250)..from];
            var ratio = RatioName.Matches(before).LastOrDefault();
            if (ratio is not null && (DifferenceName.Matches(before).LastOrDefault()?.Index ?? -1) > ratio.Index) ratio = null;
            if (ratio is not null && before.Length - ratio.Index > 50)
            {
                var between = before[(ratio.Index + ratio.Length)..];
                bool refers = Conjunction.Matches(between).LastOrDefault() is { } c && Regex.IsMatch(between[(c.Index + c.Length)..], @"^\s*(?:celui|celle|ceux|celles|(?:that|those|the one) (?:of|for|in|with))\b", OptI);
                bool positive = est.Value > 0 && lo.Value > 0 && hi.Value > 0;
                if (!positive || (Regex.IsMatch(between, @"\d") && !refers)) ratio = null;
            }
            var name = m.Groups["rname"].Success ? m.Groups["rname"].Value : ratio?.Value;
            // "OR = 0,96 par an (IC …)": a ratio per unit; a rate per year with its interval tests no zero difference.
            if (m.Groups["per"].Success && name is null) { if (p is not null) usedP.Remove(p); continue; }
            var dfMatch = Regex.Match(flow[(m.Index + m.Length)..Math.Min(flow.Length, m.Index + m.Length + 40)], @"^[^.]{0,25}?\b(?:df|ddl)\s*=\s*(?<df>\d+(?:[.,]\d+)?)");
            var df = dfMatch.Success ? PrintedNumber.Parse(dfMatch.Groups["df"].Value, french) : null;
            taken.Add((from, end));
            found.Add(new EstimateWithInterval(Context(text, from, end, french, sentences, studyNs, options), name, name is not null,
                est, level, lo, hi, p, df) { OtherTestNamed = OtherTestIn(flow, sentences, from, end) });
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
            found.Add(new EstimateWithStandardError(Context(text, from, p.End, french, sentences, studyNs, options), m.Groups["name"].Value, est, se, p));
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
            found.Add(new EstimateWithInterval(Context(text, from, end, french, sentences, studyNs, options), name, ratio,
                est, paperLevel, lo, hi, p, null) { OtherTestNamed = OtherTestIn(flow, sentences, from, end), LevelSource = paperLevel is null ? (levels.Count == 0 ? "no level stated in the paper" : $"the paper states several levels ({string.Join(", ", levels)} %)") : "the one level the paper states" });
        }

        foreach (var regex in new[] { MedianHeader, MedianNamedQuartiles, Median, MedianByIqr, MedianByRange })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                PrintedNumber? G(string g) => m.Groups[g].Success ? PrintedNumber.Parse(m.Groups[g].Value, french) : null;
                int start = m.Groups["med"].Index;
                if (regex == MedianByIqr)
                {
                    // "mean 5.3 (IQR …)" is a mean: the quartiles do not make it a median.
                    var before = flow[SentenceStart(sentences, start)..start];
                    if (MeanWord.Matches(before).LastOrDefault() is { } mean && (MedianWord.Matches(before).LastOrDefault()?.Index ?? -1) < mean.Index) continue;
                }
                if (regex == MedianByRange)
                {
                    // A range alone may be of a mean or of anything: a median only when the sentence names one before it and no mean after that.
                    var before = flow[SentenceStart(sentences, start)..start];
                    int median = MedianWord.Matches(before).LastOrDefault()?.Index ?? -1;
                    if (median < 0 || (MeanWord.Matches(before).LastOrDefault()?.Index ?? -1) > median) continue;
                }
                taken.Add((m.Index, m.Index + m.Length));
                found.Add(new MedianWithQuartiles(Context(text, start, m.Index + m.Length, french, sentences, studyNs, options),
                    G("med"), G("q1"), G("q3"), G("min"), G("max")));
                if (NextMedianBareLimits.Match(flow, m.Index + m.Length) is { Success: true } next && Free(next.Groups["med"].Index, next.Index + next.Length)
                    && !flow[(m.Index + m.Length)..next.Index].Contains('\n'))
                {
                    int at = next.Groups["med"].Index;
                    var (a, b) = (PrintedNumber.Parse(next.Groups["a"].Value, french), PrintedNumber.Parse(next.Groups["b"].Value, french));
                    bool range = m.Groups["min"].Success;
                    taken.Add((at, next.Index + next.Length));
                    var second = new MedianWithQuartiles(Context(text, at, next.Index + next.Length, french, sentences, studyNs, options),
                        PrintedNumber.Parse(next.Groups["med"].Value, french), range ? null : a, range ? null : b, range ? a : null, range ? b : null);
                    found.Add(second);
                    // "from a median of 2 (IQR 1 to 3) to 1 (0 to 2) episodes per night": the words after the second name both.
                    if (second.Context.IntegerValued && found[^2] is MedianWithQuartiles { Context.IntegerValued: false } first)
                        found[^2] = first with { Context = first.Context with { IntegerValued = true, Measure = first.Context.Measure ?? second.Context.Measure } };
                }
            }

        // A named median with bare limits ("le SOFA médian à J3 était de 7,2 [5-10]"): its limits' kind is not said, so
        // only what holds for quartiles, a range and an interval alike is checked (the median inside them, and whole or
        // half for integer data).
        foreach (Match m in MedianBareLimits.Matches(flow))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var (med, a, b) = (PrintedNumber.Parse(m.Groups["med"].Value, french), PrintedNumber.Parse(m.Groups["a"].Value, french), PrintedNumber.Parse(m.Groups["b"].Value, french));
            if (med is null || a is null || b is null) continue;
            int start = m.Groups["med"].Index;
            var before = flow[SentenceStart(sentences, start)..start];
            if ((MeanWord.Matches(before).LastOrDefault()?.Index ?? -1) > (MedianWord.Matches(before).LastOrDefault()?.Index ?? -1)) continue;
            taken.Add((m.Index, m.Index + m.Length));
            found.Add(new MedianWithQuartiles(Context(text, start, m.Index + m.Length, french, sentences, studyNs, options), med, null, null, null, null) { BareLimits = (a, b) });
        }

        // A median printed alone, of a count the words after it name ("attended a median of 4.2 sessions", "une médiane
        // de 1,8 consultation"): a median of whole numbers is whole or a half whatever the n, so only an integer-valued
        // measure makes it checkable; any other lone median is left out.
        foreach (Match m in MedianAlone.Matches(flow))
        {
            if (!Free(m.Index, m.Index + m.Length) || PrintedNumber.Parse(m.Groups["med"].Value, french) is not { } med) continue;
            int start = m.Groups["med"].Index;
            var context = Context(text, start, m.Index + m.Length, french, sentences, studyNs, options);
            if (!context.IntegerValued) continue;
            taken.Add((m.Index, m.Index + m.Length));
            found.Add(new MedianWithQuartiles(context, med, null, null, null, null));
        }

        foreach (var regex in new[] { MeanHeader, MeanCommaSd, MeanParenSd, MeanPlusMinus })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                var mean = PrintedNumber.Parse(m.Groups["m"].Value, french);
                var sd = PrintedNumber.Parse(m.Groups["s"].Value, french);
                if (mean is null || sd is null) continue;
                int start = m.Groups["m"].Index;
                var label = MeanSpreadLabelAfter.Match(flow, m.Index + m.Length);
                bool named = m.Groups["lab"].Success || label.Success;
                bool se = m.Groups["lab"].Success
                    ? SeWords.IsMatch(m.Groups["lab"].Value)
                    : label.Success ? SeWords.IsMatch(label.Groups["lab"].Value)
                    : SeWords.IsMatch(flow[Math.Max(SentenceStart(sentences, start), start - 80)..start]) && !Regex.IsMatch(flow[Math.Max(SentenceStart(sentences, start), start - 80)..start], @"\b(SD|ET|DS)\b");
                // A "±" the sentence does not name follows the paper's stated convention ("values are mean ± SEM").
                if (!named && !se && spreadConvention == "SE") se = true;
                if (!named && !se && spreadConvention == "both")
                {
                    var unnamed = Context(text, start, m.Index + m.Length, french, sentences, studyNs, options);
                    found.Add(new MeanWithSpread(unnamed, mean, null, false, false)); // its mean alone: the paper states both mean ± SD and mean ± SE, and this ± names neither
                    taken.Add((m.Index, m.Index + m.Length));
                    continue;
                }
                taken.Add((m.Index, m.Index + m.Length));
                var ctx = Context(text, start, m.Index + m.Length, french, sentences, studyNs, options);
                found.Add(new MeanWithSpread(ctx, mean, sd, se, IsBinary(flow[Math.Max(0, start - 60)..start]) || ProportionSubject(flow[Math.Max(SentenceStart(sentences, start), start - 160)..start])));
            }
        foreach (Match m in MeanAlone.Matches(flow))
        {
            var g = m.Groups["m"];
            if (!Free(g.Index, g.Index + g.Length)) continue;
            var mean = PrintedNumber.Parse(g.Value, french);
            if (mean is null) continue;
            taken.Add((g.Index, g.Index + g.Length));
            found.Add(new MeanWithSpread(Context(text, g.Index, g.Index + g.Length, french, sentences, studyNs, options), mean, null, false, false));
        }

        foreach (Match m in RespectiveCounts.Matches(flow))
            foreach (var (k, p) in new[] { (m.Groups["k1"], m.Groups["p1"]), (m.Groups["k2"], m.Groups["p2"]) })
            {
                int end = flow.IndexOf('%', p.Index + p.Length) + 1;
                if (!Free(p.Index, end) || PrintedNumber.Parse(p.Value, french) is not { Value: >= 0 and <= 100 } pct) continue;
                taken.Add((p.Index, end));
                var own = (Math.Max(0, k.Index - 8), k.Index + k.Length);
                found.Add(new Percentage(Context(text, p.Index, end, french, sentences, studyNs, options, own), pct, ParseWhole(k.Value), null));
            }
        foreach (var regex in new[] { PercentThenCount, CountPercentOf, CountOfThenPercent, CountWordOfThenPercent, PercentCommaCount, CountThenPercent, PercentWordsThenCount, PercentOfPeople })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                var pct = PrintedNumber.Parse(m.Groups["pct"].Value, french);
                if (pct is null || pct.Value > 100 || pct.Value < 0) continue;
                // "95 % CI", "IC à 95 %", "alpha ... 5 %" are levels, not shares of patients.
                var after = flow[(m.Groups["pct"].Index + m.Groups["pct"].Length)..Math.Min(flow.Length, m.Index + m.Length + 20)];
                var before = flow[Math.Max(0, m.Index - 25)..m.Index];
                if (Regex.IsMatch(after, @"^\s*%\s*(?:CI|IC|confidence|de confiance)") || Regex.IsMatch(before, @"(?:IC|CI|alpha|α|seuil|risque|level)\s*(?:à|of|de)?\s*$", OptI)) continue;
                // "45 % in the drug group (n = 40)": the n of the group named between is the denominator, not the count.
                if (regex == PercentWordsThenCount && GroupWords.IsMatch(flow[(m.Groups["pct"].Index + m.Groups["pct"].Length)..m.Groups["k"].Index])) continue;
                int? k = m.Groups["k"].Success ? int.TryParse(m.Groups["k"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var kv) ? kv : ParseCount(m.Groups["k"].Value) : null;
                int? denominator = m.Groups["N"].Success ? ParseWhole(m.Groups["N"].Value) : null;
                taken.Add((m.Index, m.Index + m.Length));
                var own = m.Groups["k"].Success ? (Math.Max(0, m.Groups["k"].Index - 8), m.Groups["k"].Index + m.Groups["k"].Length) : ((int, int)?)null;
                var context = Context(text, m.Index, m.Index + m.Length, french, sentences, studyNs, options, own);
                // "17 residents (15.6% of fallers)", "(15,6 % des chuteurs)": the share is of a group the percentage names,
                // whose n is not stated here.
                if (denominator is null && PercentOfNamedGroup.Match(flow, m.Groups["pct"].Index + m.Groups["pct"].Length) is { Success: true } group)
                    context = context with { N = null, NSource = $"the percentage is of a group it names ('{group.Value.Trim()}') whose n is not stated", NAtMost = null };
                found.Add(new Percentage(context, pct, k, denominator));
            }

        found.AddRange(Categories(text, sentences, studyNs, french, options));
        found = InheritMeasure(flow, found, inTables, sentences, options);
        var within = WithinPatient(text, found, pValues.Where(p => !usedP.Contains(p)).ToList(), sentences).Concat(tableWithin).ToList();
        found.AddRange(within);
        foreach (var p in pValues.Where(p => !usedP.Contains(p) && !within.Any(w => w.P == p)))
            found.Add(new LonePValue(Context(text, p.Start, p.End, french, sentences, studyNs, options), p));
        return new Extraction(found.OrderBy(s => s.Context.Start).ToList(), french ? "fr" : "en", studyN, studyNSource);
    }

    static readonly Regex CellPercent = new(@"^(?<k>\d+)(?:\s*/\s*(?<N>\d+))?\s*[\(\[]\s*(?<pct>" + Num + @")\s*%?\s*[\)\]]$", Opt);
    static readonly Regex CellMean = new(@"^(?<m>" + Num + @")\s*(?:\(\s*(?<s>" + Num + @")\s*\)|\[\s*(?<s>" + Num + @")\s*\]|(?:±|\+/-)\s*(?<s>" + Num + "))$", Opt);
    static readonly Regex CellQuantiles = new(@"^(?<med>" + Num + @")\s*[\(\[]\s*(?<a>" + Num + @")" + Sep + "(?<b>" + Num + @")\s*[\)\]]$", Opt);
    static readonly Regex CountDescriptor = new(@"\b(?:[nN]|[nN]o\.|effectif|nombre)\s*\(\s*%\s*\)|\(\s*%\s*\)", Opt);
    static readonly Regex MeanDescriptor = new(@"\b(?:mean|moyenne|M)\s*(?:\(\s*|±\s*|\[\s*)(?:SD|ET|DS|SE|SEM|ES|ESM|s\.d\.|écart[- ]type|standard deviation|standard error|erreur standard)", OptI);
    static readonly Regex MedianDescriptor = new(@"\b(?:median|médiane)\s*(?:\(\s*|\[\s*)(?<what>IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|Q1\s*[-–;,]\s*Q3|P25\s*[-–;,]\s*P75|quartiles|range|min\s*[-–;,]\s*max|extrêmes|étendue)", OptI);
    static readonly Regex LabelUnit = new(@"\b(?:mg|kg|g/[dl]L|mmol|µmol|years|ans|années|cm|mm|days|jours|weeks|semaines|months|mois|ml|mL|UI|IU)\b", Opt);

    /// <summary>
    /// A table cell as the statistic its row label or header says it is: "n (%)" a count with its percentage (the
    /// column's n the most patients it can be of), "mean (SD)" or "m ± s" a mean with its SD, "median (IQR)" a median
    /// with its quartiles (or range). A cell whose kind neither says is left to the running-text patterns.
    /// </summary>
    static ReportedStatistic? TableStatistic(PaperText text, TableCell cell, bool french, int[] sentences, StudyNs studyNs, CheckOptions options)
    {
        var (studyN, studyNSource) = studyNs.At(cell.Start);
        var label = cell.RowLabel;
        // The row label's own descriptor wins over the header's ("n (%) or mean (SD)" headers name both).
        bool Says(Regex r) => r.IsMatch(label) || (!CountDescriptor.IsMatch(label) && !MeanDescriptor.IsMatch(label) && !MedianDescriptor.IsMatch(label) && r.IsMatch(cell.Descriptor));
        string measure = Regex.Replace(label, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|(?:mean|moyenne|median|médiane)\b.*)$", "", OptI).Trim().TrimEnd(',');
        // A table by visit ("Baseline", "Week 24", "S12" down its rows): the measure is named by the column's header, or by the caption ("Table 3. MADRS total score by visit").
        var caption = Caption(text.Flow, cell.Start);
        var measureWords = label;
        if (IsVisitLabel(label))
        {
            // A caption naming one measure speaks for a column that names the same ("HAD-anxiété" under "Score HAD par
            // visite") or for a change-from-baseline column; never for another measure ("BMI" under "Scores by visit"), nor
            // when it names several ("Scores and BMI by visit").
            var header = cell.Header ?? "";
            // The caption's own sentence (the caption runs to the cell: the header and the rows above come after it).
            var captionWords = Regex.Replace(caption, @"^\s*(?:Table|Tableau)\s+\d+[.:]\s*", "");
            captionWords = captionWords[..(Regex.Match(captionWords, @"\n|\.(?=\s|$)") is { Success: true } stop ? stop.Index : Math.Min(captionWords.Length, 160))];
            bool sameMeasure = Regex.Matches(header, @"[A-Za-zÀ-ÿ][\w]{2,}").Any(w => !GenericHeaderWord.IsMatch(w.Value)
                && Regex.IsMatch(captionWords, @"\b" + Regex.Escape(w.Value) + @"\b", RegexOptions.IgnoreCase));
            bool change = Regex.IsMatch(header, @"\b(?:change|variation|évolution|différence)\b", OptI);
            bool oneMeasure = !Regex.IsMatch(Regex.Replace(captionWords, @"\([^)]*\)", ""), @"\b(?:and|et)\b|,", Opt); // not the "(moyenne ± ET)" it may end with
            measureWords = header + (oneMeasure && (sameMeasure || change) ? " | " + caption : "");
            if (measure.Length == 0 || IsVisitLabel(measure)) measure = Regex.Replace(cell.Header ?? "", @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|(?:mean|moyenne|median|médiane)\b.*)$", "", OptI).Trim().TrimEnd(',');
        }
        bool declared = options.IntegerMeasures.Any(d => measureWords.Contains(d, StringComparison.OrdinalIgnoreCase));
        bool integer = (declared || (NamesInteger(measureWords, options) && !LabelUnit.IsMatch(measureWords) && !NotIntegerScore.IsMatch(measureWords)))
                       && !ModelBased.IsMatch(label) && !ModelBased.IsMatch(AdjustedComparisonColumn.Replace(cell.Descriptor, "")) && !ModelBased.IsMatch(measureWords);
        // The row's n (a column headed "n"), else the n in its column's header, else the n its table's caption states, else the study's.
        var captionN = cell.ColumnN is null && cell.RowN is null ? CaptionN(caption) : null;
        int? n = cell.RowN ?? cell.ColumnN ?? captionN?.N ?? studyN;
        string source = cell.RowN is { } rowN ? $"the row's n ('{label}', n = {rowN})" : cell.ColumnN is not null ? $"the column's n ('{cell.Header}')" : captionN is { } c ? c.Source : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated";
        var line = text.LineAt(cell.Start);
        var ctx = new StatisticContext(cell.Start, cell.End, cell.Text, $"{label}: {cell.Text}{(cell.Header is null ? "" : $" ({cell.Header})")}",
            measure.Length == 0 ? null : measure, integer, n, source, null) { Page = line.Page, Line = line.Line };
        if (CellPercent.Match(cell.Text) is { Success: true } pm && (Says(CountDescriptor) || cell.Text.Contains('%')))
        {
            var pct = PrintedNumber.Parse(pm.Groups["pct"].Value, french);
            if (pct is null || pct.Value > 100) return null;
            return new Percentage(ctx, pct, int.Parse(pm.Groups["k"].Value, CultureInfo.InvariantCulture),
                pm.Groups["N"].Success ? ParseWhole(pm.Groups["N"].Value) : null);
        }
        // A column of estimates with their intervals ("OR (95% CI)", "Difference [95% CI]", "HR (IC à 95 %)"), with the row's p.
        if ((IntervalHeader.IsMatch(cell.Header ?? "") || (IntervalHeader.IsMatch(label) && !MedianDescriptor.IsMatch(label)))
            && CellInterval.Match(cell.Text) is { Success: true } im)
            return TableInterval(text, cell, ctx, im, caption, french);
        if (Says(MedianDescriptor) && CellQuantiles.Match(cell.Text) is { Success: true } qm)
        {
            var what = MedianDescriptor.Match(MedianDescriptor.IsMatch(label) ? label : cell.Descriptor).Groups["what"].Value;
            bool range = Regex.IsMatch(what, "^(?:range|min|extrêmes|étendue)", OptI);
            var (med, a, b) = (PrintedNumber.Parse(qm.Groups["med"].Value, french), PrintedNumber.Parse(qm.Groups["a"].Value, french), PrintedNumber.Parse(qm.Groups["b"].Value, french));
            return range ? new MedianWithQuartiles(ctx, med, null, null, a, b) : new MedianWithQuartiles(ctx, med, a, b, null, null);
        }
        if ((Says(MeanDescriptor) || cell.Text.Contains('±')) && CellMean.Match(cell.Text) is { Success: true } mm)
        {
            var (mean, sd) = (PrintedNumber.Parse(mm.Groups["m"].Value, french), PrintedNumber.Parse(mm.Groups["s"].Value, french));
            if (mean is null || sd is null) return null;
            bool se = Regex.IsMatch(MeanDescriptor.IsMatch(label) ? label : cell.Descriptor, @"\b(?:SE|SEM|ES|ESM|standard error|erreur standard)\b");
            return new MeanWithSpread(ctx, mean, sd, se, IsBinary(label));
        }
        return null;
    }

    static readonly Regex GenericHeaderWord = new(@"^(?:mean|means|moyenne|median|médiane|score|scores|total|totale|change|from|baseline|visit|visite|SD|ET|DS|SE|IQR|the|des|par|and|et)$", OptI);
    static readonly Regex IntervalHeader = new(@"\b(?:CI|IC|CrI|confidence interval|intervalle de confiance)\b", Opt);
    /// <summary>An estimate with its limits in brackets, "2.14 (1.19–3.85)", or from the next column, "2.14   1.19–3.85".</summary>
    static readonly Regex ComparisonHeader = new(@"\b(?:a?OR|a?HR|sHR|RR|IRR|MD|SMD|ETD|β|(?i:ratios?|rapport|risque relatif|differences?|différences?|beta|coefficients?|effects?|effets?))\b", Opt);
    static readonly Regex CellInterval = new(@"^(?<est>" + Num + @")\s*(?:[\(\[]\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]|\s[\(\[]?\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]?)$", Opt);

    /// <summary>A row label that is a visit ("Baseline", "Week 24", "M6", "S12", "Inclusion"): the row holds the measure its column or caption names.</summary>
    static bool IsVisitLabel(string label) => VisitPhrase.Match(label.Trim()) is { Success: true } v && v.Index == 0 && v.Length == label.Trim().Length;

    /// <summary>
    /// An interval cell: its level from the column's header ("95% CI") or row label, a ratio when they name one, and the
    /// row's p cell. A test the table's caption, header or footnote names (Fisher's exact, log-rank) need not give the interval's p.
    /// </summary>
    static EstimateWithInterval? TableInterval(PaperText text, TableCell cell, StatisticContext ctx, Match m, string caption, bool french)
    {
        var (est, lo, hi) = (PrintedNumber.Parse(m.Groups["est"].Value, french), PrintedNumber.Parse(m.Groups["lo"].Value, french), PrintedNumber.Parse(m.Groups["hi"].Value, french));
        if (est is null || lo is null || hi is null) return null;
        var named = (cell.Header ?? "") + " | " + cell.RowLabel;
        var level = StatedLevel.Match(named) is { Success: true } l ? double.Parse(l.Groups["lvl"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : (double?)null;
        var ratio = RatioName.Match(named);
        var name = ratio.Success ? ratio.Value : DifferenceName.Match(named) is { Success: true } d ? d.Value.ToLowerInvariant() : null;
        ReportedP? p = null;
        // The row's p compares the columns: it is the interval's only when the column holds the comparison (a ratio, a
        // difference, a coefficient), never a group's own estimate ("Drug (n = 48), mean (95% CI)").
        bool comparison = ComparisonHeader.IsMatch(cell.Header ?? cell.RowLabel) && cell.ColumnN is null;
        if (cell.RowP is { } rp && comparison)
        {
            var pm = Regex.Match(rp.Text, @"^(?:[pP]\s*)?(?<rel>[<>≤≥=])?\s*(?<pv>[\d.,]+)$");
            if (pm.Success && PrintedNumber.Parse(pm.Groups["pv"].Value, french) is { Value: <= 1 } pv)
                p = new ReportedP(pm.Groups["rel"].Success ? pm.Groups["rel"].Value : "=", pv, rp.Start, rp.End);
            else if (Regex.IsMatch(rp.Text, @"^(?:NS|n\.s\.)$"))
                p = new ReportedP(">", PrintedNumber.Parse("0.05", false)!, rp.Start, rp.End);
        }
        // The table's caption, its rows below this one and its footnotes: the short lines after it, up to the first long one (running text).
        var below = text.Flow[cell.End..Math.Min(text.Flow.Length, cell.End + 1500)].Split('\n').TakeWhile(l => l.Length <= 300);
        return new EstimateWithInterval(ctx, name, ratio.Success, est, level, lo, hi, p, null)
        {
            OtherTestNamed = OtherTestNamedIn(caption + " " + cell.Descriptor + " " + string.Join(" ", below)),
            LevelSource = level is null ? "no level in the column's header" : "the column's header",
        };
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
        ("sex", @"women|men|females?|males?|femmes|hommes|boys|girls|garçons|filles|non-?binary|non-?binaires?"),
        // Where each patient was at the study's end: completed it, withdrew or was lost (not "completed the questionnaire", of which a patient may complete several).
        ("disposition", @"completed (?:the )?(?:study|trial|follow-up|protocol)|withdrew|(?:were )?lost to follow-up|(?:ont )?terminé l'étude|(?:sont )?sortis de l'étude|(?:ont )?retiré leur consentement|(?:ont été |été )?perdus de vue"),
        ("smoking status", @"current smokers?|former smokers?|ex-smokers?|never smokers?|non-smokers?|never smoked|(?:had )?(?:quit|stopped) smoking|(?:n'avaient |n'ont |n'a )?jamais fumé|arrêté de fumer|fumeurs actifs|fumeurs actuels|anciens fumeurs|ex-fumeurs|non-fumeurs|jamais fumeurs"),
        ("NYHA class", @"(?:NYHA\s+)?class\s+(?:I|II|III|IV)|(?:classe\s+)?NYHA\s+(?:I|II|III|IV)|classe\s+(?:I|II|III|IV)"),
        ("ECOG performance status", @"ECOG\s+(?:PS\s+)?[0-4]"),
        ("vital status", @"alive|dead|deceased|vivants?|décédée?s?"),
        ("response", @"complete response|partial response|stable disease|progressive disease|no response|réponse complète|réponse partielle|maladie stable|maladie progressive|absence de réponse"),
        ("course", @"improved|unchanged|worsened|amélioré(?:e|s|es)?|inchangé(?:e|s|es)?|aggravé(?:e|s|es)?"),
        ("severity", @"none|no|mild|moderate|severe|nulle|légère|faible|modérée|moyenne|sévère|élevée|forte|non renseignée?s?|missing|unknown|inconnue?s?"),
        // One classification of the patient (Kellgren-Lawrence grade, GOLD stage, Child-Pugh class, stade): not the grades of adverse events, of which a patient may have several.
        ("grade", @"(?:[A-Z][\w-]*\s+)?grade\s+(?:[0-5]|I|II|III|IV|V)(?!\s+(?:adverse|events?|AEs?|toxicit|side|effets|événements|évènements|toxicité))"),
        ("stage", @"(?:[A-Z][\w-]*\s+)?(?:stage|stade)\s+(?:[0-4]|I|II|III|IV)(?![\w-])"),
        ("class", @"(?:[A-Z][\w-]*\s+)?(?:class|classe)\s+(?:[A-D]|[1-4])(?![\w-])"),
    };
    static readonly string CountWord = @"(?<k>\d+|" + NumberWordsPattern + ")";
    /// <summary>"5 patients had mild", "6 une activité moyenne", "44 women", "12 had no … activity": a count, then its level within a few words.</summary>
    static readonly Regex CountThenLevel = new(@"(?<![\w.,])" + CountWord + @"(?![.,]\d)\s+(?:(?:patients?|participants?|subjects?|sujets?|malades)\s+)?(?:(?:had|with|were|avaient|ont|présentaient|étaient|avec|sont|are)\s+)?(?:(?:in|en)\s+)?(?:(?:an?|une?|des)\s+)?(?:(?:activité|activity|disease|forme|form|atteinte)\s+(?:(?:du|de la|de l'|of)\s*[\w-]+\s+)?)?(?<lev>LEVELS)\b", OptI);
    /// <summary>"mild in 5 patients", "faible chez 8": a level, then its count.</summary>
    static readonly Regex LevelThenCount = new(@"\b(?<lev>LEVELS)\s+(?:in|chez|for|pour)\s+" + CountWord + @"(?![.,]\d)(?!\s*%)", OptI);
    /// <summary>CountThenLevel and LevelThenCount with the levels of every variable, each variable's as group v0, v1, ….</summary>
    static readonly Regex[] LevelPatterns = new[] { CountThenLevel, LevelThenCount }.Select(r => new Regex(r.ToString().Replace("LEVELS",
        string.Join("|", ExclusiveLevels.Select((v, i) => $"(?<v{i.ToString(CultureInfo.InvariantCulture)}>{v.Levels})"))), OptI)).ToArray();
    /// <summary>"Eleven of the 14 patients (79%)", "Onze des 14 patients (79 %)": a count written as a word, of a denominator.</summary>
    static readonly Regex CountWordOfThenPercent = new(@"(?<![\w.,])" + CountWord + @"\s+(?:" + PeopleWords + @"\s+)?(?:of|out of|des|sur|among|parmi)\s+(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")\s*(?:[\wéè]+\s*){0,2}[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]", OptI);
    static readonly Regex CountBeforeBracket = new(@"(?<![\w.,])(?<n>" + WholeCount + @")\s+(?:[A-Za-zÀ-ÿ'-]+\s+){0,2}?(?:" + PeopleWords + @"|students|étudiants|élèves|pupils|workers|employees|salariés|nurses|infirmières|infirmiers|residents|résidents)(?:\s+[A-Za-zÀ-ÿ'-]+){0,2}\s*\([^()]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    static readonly Regex TotalInSentence = new(@"(?:(?:of|among|parmi|sur|de)\s+(?:the|les|ces)\s+|(?:cohort|cohorte|sample|échantillon|group|groupe)\s+(?:of|de)\s+|\b(?:enrolled|included|recruited|randomi[sz]ed|studied|a inclus|ont inclus|avons inclus|inclu(?:ait|s))\s+)(?<n>" + WholeCount + @")\s+(?:[\wéè'-]+\s+)?" + StudyPeople + @"|(?<![\w])[nN]\s*=\s*(?<n>" + WholeCount + @")", OptI);

    /// <summary>Counts of two or more levels of one exclusive variable in a sentence, with the totals they may be of.</summary>
    static IEnumerable<CategoryCounts> Categories(PaperText text, int[] sentences, StudyNs studyNs, bool french, CheckOptions options)
    {
        var flow = text.Flow;
        // One pass of each pattern over the text for every variable at once; the group that matched names the variable.
        var byVariable = ExclusiveLevels.Select(_ => new List<CategoryCount>()).ToArray();
        foreach (var regex in LevelPatterns)
            foreach (Match m in regex.Matches(flow))
            {
                int v = Enumerable.Range(0, ExclusiveLevels.Length).First(i => m.Groups["v" + i.ToString(CultureInfo.InvariantCulture)].Success);
                var k = m.Groups["k"].Value;
                int count = ParseCount(k) ?? 0;
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
                var (studyN, studyNSource) = studyNs.At(list[0].Start);
                var sentence = flow[s0..s1];
                // Severities, grades, responses and courses of events (adverse events, episodes, lesions): a patient may have several.
                if (variable is "severity" or "grade" or "response" or "course" && EventWords.IsMatch(sentence)) continue;
                int? total = null;
                string totalSource = "the total stated in the sentence";
                string? bracketTotal = null;
                // "96 undergraduates (71 women, 24 men, 1 nonbinary)", "Les 47 patients inclus (36 femmes et 11 hommes)":
                // the count the bracket describes is the total, before any group's "n =" later in the sentence.
                if (CountBeforeBracket.Match(flow[s0..list[0].Start]) is { Success: true } cb)
                {
                    total = ParseWhole(cb.Groups["n"].Value);
                    bracketTotal = $"of '{cb.Value.TrimEnd('(', ' ')}'";
                    totalSource = $"the count the bracket describes ({bracketTotal[3..]})";
                }
                if (total is null)
                foreach (Match t in TotalInSentence.Matches(sentence))
                {
                    int at = s0 + t.Groups["n"].Index;
                    if (list.Any(x => at >= x.Start && at < x.End)) continue;
                    // A total after the categories is theirs only in their clause ("44 women and 28 men (n = 72)", not "…; the control group (n = 15)").
                    if (at > list[^1].End && (ClauseBreak.IsMatch(flow[list[^1].End..at]) || Regex.IsMatch(flow[list[^1].End..(s0 + t.Index)], @"\d"))) continue;
                    total = ParseWhole(t.Groups["n"].Value);
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
                        others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value}' earlier in the paragraph"));
                    foreach (Match t in NPeople.Matches(flow[paragraph..s0]))
                        others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value}' earlier in the paragraph"));
                    if (studyN is { } sn) others.Add((sn, $"the study's n ({studyNSource})"));
                    // Any count of people in the sentence may be the total ("Of 300 screened, 160 were women and 140 men").
                    foreach (Match t in PeopleCount.Matches(sentence).Concat(OfCount.Matches(sentence)))
                        if (!list.Any(x => s0 + t.Index < x.End && s0 + t.Index + t.Length > x.Start))
                            others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value.Trim()}' in the sentence"));
                }
                int start = list[0].Start, end = list[^1].End;
                var line = text.LineAt(start);
                var ctx = new StatisticContext(start, end, flow[start..end], sentence.Trim(), variable, true, total ?? studyN,
                    total is not null ? totalSource : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated", null)
                    { Page = line.Page, Line = line.Line };
                var counts = new CategoryCounts(ctx, variable, list, total, others);
                yield return bracketTotal is null ? counts : counts with { TotalSource = bracketTotal };
            }
        }
    }

    static readonly Regex EventWords = new(@"\b(?:adverse|events?|AEs?|reactions?|side[- ]effects?|toxicit(?:y|ies)|episodes?|lesions?|infections?|bleed(?:s|ing)|flares?|exacerbations?|effets indésirables|événements?|évènements?|réactions?|épisodes?|lésions?|toxicités?|poussées?|saignements?)\b", OptI);
    static readonly Regex OfCount = new(@"\b(?:of|among|out of|parmi|sur)\s+(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)", OptI);

    static readonly Regex Conjunction = new(@"\band\b|\bet\b|\bto\b|\bà\b|;|,|\bvs\.?|\bversus\b|\bcontre\b|\bwhereas\b|\bwhile\b|\balors que\b|\btandis que\b|\bthen\b|\bpuis\b", OptI);
    /// <summary>What may stand between a conjunction and a statistic that measures what the one before it measured: articles, prepositions, the statistic's name, a visit ("; à trois mois, une médiane de 9,5"), or "that of", "celle des …".</summary>
    static readonly Regex SameMeasureTail = new(@"^\s*(?:(?:that|those) of\b.*|(?:celle|celui|celles|ceux)\b.*|(?:(?:of|de|d'|du|des|the|a|an|une?|la|le|les|at|à|after|après|in|dans|chez|to|was|were|is|était|étaient|est|median|médiane|mean|moyenne|averaged|average|end|fin|follow-up|suivi|baseline|inclusion|visit|visite|months?|mois|weeks?|semaines?|days?|jours?|years?|ans?|[MJWSD]\d{1,3}|\d+|one|un|" + string.Join("|", NumberWords.Keys) + @")(?![\w-])\s*[,:]?\s*)*)$", OptI);

    /// <summary>
    /// A mean or median that names no measure of its own but follows one of the same kind in its sentence, joined to it
    /// by "and", ";", "versus", "celle des" with nothing between but a visit or the statistic's name, measures the same
    /// thing: it is integer-valued (or a proportion) when that one is. "The count of monthly migraine days averaged 8.50
    /// (SD 2.39) with the drug (n = 44) and 8.63 (SD 2.51) with placebo (n = 42)"; "… and the body weight 80.1 (SD 9)"
    /// names a measure of its own and inherits nothing.
    /// </summary>
    static List<ReportedStatistic> InheritMeasure(string flow, List<ReportedStatistic> found, HashSet<ReportedStatistic> inTables, int[] sentences, CheckOptions options)
    {
        var ordered = found.OrderBy(s => s.Context.Start).ToList();
        static ReportedStatistic WithContext(ReportedStatistic s, StatisticContext c, bool binary) => s switch
        {
            MeanWithSpread mean => mean with { Context = c, Binary = mean.Binary || binary },
            MedianWithQuartiles median => median with { Context = c },
            _ => s,
        };
        for (int i = 1; i < ordered.Count; i++)
        {
            var current = ordered[i];
            if (inTables.Contains(current) || current is not (MeanWithSpread or MedianWithQuartiles)) continue;
            int sentence = SentenceIndex(sentences, current.Context.Start);
            bool SameSentence(ReportedStatistic s) => !inTables.Contains(s) && SentenceIndex(sentences, s.Context.Start) == sentence && s.Context.End <= current.Context.Start;
            if (current.Context.IntegerValued)
            {
                // Named integer-valued only by words before an earlier mean or median of its sentence ("… for the swollen
                // joint count (n = 25) and 71.23 (SD 9.40) for body weight"): those words are that one's, and this one
                // measures the same only if it is joined to it.
                var earlier = ordered.Take(i).LastOrDefault(s => s is MeanWithSpread or MedianWithQuartiles && SameSentence(s));
                if (earlier is null || earlier.Context.End < current.Context.Start - 60) continue;
                // Its own words: from the last conjunction before it (the earlier one's words may follow that one: "6.40 (SD 2.10) for the joint count and …").
                int ownFrom = earlier.Context.End + (Conjunction.Matches(flow[earlier.Context.End..current.Context.Start]).LastOrDefault() is { } cj ? cj.Index + cj.Length : 0);
                var own = flow[ownFrom..Math.Min(SentenceEnd(sentences, flow, current.Context.Start), current.Context.End + 40)];
                if (NamesInteger(own, options) || options.IntegerMeasures.Any(d => own.Contains(d, StringComparison.OrdinalIgnoreCase))) continue;
                if (!earlier.Context.IntegerValued || !Joined(flow, earlier, current))
                    ordered[i] = WithContext(current, current.Context with { IntegerValued = false }, false);
                continue;
            }
            if (current is MeanWithSpread { Binary: true }) continue;
            var previous = ordered.Take(i).LastOrDefault(s => s.Kind == current.Kind && SameSentence(s));
            if (previous is null || !(previous.Context.IntegerValued || previous is MeanWithSpread { Binary: true }) || !Joined(flow, previous, current)) continue;
            var context = current.Context with { IntegerValued = previous.Context.IntegerValued, Measure = current.Context.Measure ?? previous.Context.Measure };
            ordered[i] = WithContext(current, context, previous is MeanWithSpread { Binary: true });
        }
        return ordered;
    }

    /// <summary>A statistic joined to the one before it as a second value of the same measure (see <see cref="InheritMeasure"/>), with no unit or "for …" of its own after it.</summary>
    static bool Joined(string flow, ReportedStatistic previous, ReportedStatistic current)
    {
        var between = flow[previous.Context.End..current.Context.Start];
        var conjunction = Conjunction.Matches(between).LastOrDefault();
        if (conjunction is null || !SameMeasureTail.IsMatch(between[(conjunction.Index + conjunction.Length)..])) return false;
        var afterNumber = flow[current.Context.End..Math.Min(flow.Length, current.Context.End + 20)];
        if (ContinuousUnit.IsMatch(afterNumber) || ContinuousUnit.IsMatch(QuoteUnit(current.Context.Quote))) return false;
        // "… and 71.2 (SD 9.4) for body weight" names its own measure after it.
        return !Regex.IsMatch(afterNumber, @"^\s*(?:for|pour)\s", OptI);
    }

    static readonly Regex BetweenGroupsP = new(@"\b(?:vs\.?|versus|compared (?:with|to)|relative to|contre|comparée? (?:au|à|aux))\s+(?:the\s+|le\s+|la\s+|les\s+)?(?:placebo|control|usual care|comparator|other|témoin|contrôle|groupe|bras)|\bbetween (?:the )?(?:groups|arms)\b|\bentre (?:les )?(?:groupes|bras)\b|\binteraction\b", OptI);
    /// <summary>A table column headed by a visit: "Baseline", "12 weeks", "M6 (n = 19)", "Pre-treatment", "À l'inclusion".</summary>
    static readonly Regex VisitHeader = new(@"^\s*(?:at\s+|à\s+)?(?:baseline|inclusion|l'inclusion|pre|post|before|after|avant|après|pré|[MJWDVT]\d{1,3}|(?:week|semaine|month|mois|day|jour|visit|visite)\s*\d{1,3}|\d{1,3}\s*(?:weeks?|months?|semaines|mois|days?|jours|years?|ans?))\b", OptI);
    /// <summary>A p cell at the end of a table row: "&lt;0.001", "0.64", "0,002".</summary>
    static readonly Regex TableP = new(@"\G\s+(?<rel>[<>≤≥])?\s*(?<pv>0?[.,]\d+|1(?:[.,]0+)?)(?![\d.,])", Opt);
    static readonly Regex TableCaption = new(@"\b(?:Table|Tableau)\s+\d+[.:]", Opt);

    /// <summary>
    /// A table row with the means ± SD of one measure under two visit columns and a p at its end (a pre/post table): a
    /// within-patient comparison. Its n is the columns' n, else the n the table's caption states ("Table 3. … in the 18
    /// completers"); the caption says the test ("P values from paired t tests", "test t apparié").
    /// </summary>
    static IEnumerable<WithinPatientComparison> TableWithinPatient(PaperText text, List<(TableCell Cell, MeanWithSpread Stat)> means, bool french, int[] sentences)
    {
        var flow = text.Flow;
        bool threeVisits = Regex.IsMatch(flow, @"\b(?:M12|12 months|12 mois|1 an|three visits|trois visites)\b", OptI);
        foreach (var row in means.GroupBy(c => text.LineAt(c.Cell.Start)))
        {
            var pair = row.OrderBy(c => c.Cell.Column).ToList();
            if (pair.Count != 2 || !VisitHeader.IsMatch(pair[0].Cell.Header ?? "") || !VisitHeader.IsMatch(pair[1].Cell.Header ?? "")) continue;
            // The p ends the row's line.
            if (TableP.Match(flow, pair[1].Cell.End) is not { Success: true } pm || !ReferenceEquals(text.LineAt(pm.Index + pm.Length - 1), row.Key)
                || !row.Key.Text.TrimEnd().EndsWith(pm.Groups["pv"].Value, StringComparison.Ordinal)) continue;
            var value = PrintedNumber.Parse(pm.Groups["pv"].Value, french);
            if (value is null) continue;
            var p = new ReportedP(pm.Groups["rel"].Success ? pm.Groups["rel"].Value : "=", value, pm.Groups["pv"].Index, pm.Index + pm.Length);
            var caption = Caption(flow, pair[0].Cell.Start);
            int? n = pair[0].Cell.ColumnN is { } n0 && n0 == pair[1].Cell.ColumnN ? n0 : null;
            string source = n is null ? "" : $"the columns' n ('{pair[0].Cell.Header}')";
            if (n is null && CaptionN(caption) is { } stated) (n, source) = stated;
            var first = pair[0].Stat;
            var ctx = AtLaterVisitCell(first.Context, pair[1].Stat.Context, p, flow) with { N = n, NSource = n is null ? "no n stated for the table's columns or in its caption" : source };
            var test = RankTest.IsMatch(caption) ? "rank" : PairedTest.IsMatch(caption) ? "paired t" : null;
            yield return new WithinPatientComparison(ctx, first, pair[1].Stat, p, threeVisits ? 3 : 2) { NamedTest = test };
        }
    }

    /// <summary>
    /// A table row's within-patient comparison quotes both visit columns and its p, but stands at the later visit's cell:
    /// the earlier cell is a statistic of its own with its own checks (a GRIM on the baseline mean), as in any table.
    /// </summary>
    static StatisticContext AtLaterVisitCell(StatisticContext earlier, StatisticContext later, ReportedP p, string flow) =>
        earlier with { Start = later.Start, End = p.End, Quote = flow[earlier.Start..p.End], Page = later.Page, Line = later.Line };

    /// <summary>The caption of the table a cell is in ("Table 2. …", "Tableau 2. …", up to 800 characters before it), or "".</summary>
    static string Caption(string flow, int cellStart)
    {
        int from = Math.Max(0, cellStart - 800);
        return TableCaption.Matches(flow[from..cellStart]).LastOrDefault() is { } c ? flow[(from + c.Index)..cellStart] : "";
    }

    /// <summary>The n a table's caption states ("Table 3. … in the 18 completers", "Évolution des 16 patients"), with where it was read.</summary>
    static (int? N, string Source)? CaptionN(string caption) =>
        (NEquals.Match(caption) is { Success: true } ne ? (ne.Groups["n"].Value, ne.Value) : NPeople.Match(caption) is { Success: true } np ? (np.Groups["n"].Value, np.Value) : default)
            is ({ } printed, { } words) ? (ParseWhole(printed), $"'{words}' in the table's caption") : null;

    static readonly Regex PairedTest = new(@"\bpaired\b|\bappariée?s?\b|\bpour (?:séries|échantillons) appariée?s\b", OptI);
    static readonly Regex RankTest = new(@"\b(?:Wilcoxon|signed[- ]rank|rangs signés|sign test|test des signes|Friedman|non-?parametric|non paramétrique)\b", OptI);
    /// <summary>"from 13.6 ± 5.9 … to 17.0 ± 6.2", "est passé de 61,4 ± 12,3 à 52,8 ± 14,1": one measure followed from one value to the other.</summary>
    static readonly Regex FromBefore = new(@"\b(?:from|de)\s+(?:(?:an?|une?|the|la|le|mean|moyenne|average|of|de)\s+){0,3}$", OptI);
    static readonly Regex ToBetween = new(@"^[^;]{0,60}?\b(?:to|à)\s+(?:(?:an?|une?|the|la|le|mean|moyenne|average|of|de)\s+){0,3}$", OptI);

    /// <summary>
    /// Two means ± SD and an unused p-value in one sentence that speaks of visits: a within-patient comparison. Not when
    /// the sentence speaks of groups, unless it says the comparison is within patients ("paired", or "from … to …"
    /// joining the two means) and no group is named between the two means (those are two groups' means).
    /// </summary>
    static IEnumerable<WithinPatientComparison> WithinPatient(PaperText text, List<ReportedStatistic> found, List<ReportedP> freeP, int[] sentences)
    {
        var flow = text.Flow;
        bool threeVisits = Regex.IsMatch(flow, @"\b(?:M12|12 months|12 mois|1 an|three visits|trois visites)\b", OptI);
        // A paper whose methods name only a rank test for paired comparisons ("Wilcoxon signed-rank test") reports its p;
        // in a paper reporting several studies under their own headings, only that study's section says so.
        var headings = Headings(text);
        bool RankPaper(int at)
        {
            int from = headings.LastOrDefault(h => h <= at), to = headings.FirstOrDefault(h => h > at, flow.Length);
            var section = flow[from..to];
            return RankTest.IsMatch(section) && !Regex.IsMatch(section, @"\bpaired[- ](?:samples? )?(?:t|Student)|\btests? t apparié|\bStudent apparié|\bt-tests? for paired", OptI);
        }
        var means = found.OfType<MeanWithSpread>().Where(m => m.Spread is not null).GroupBy(m => SentenceIndex(sentences, m.Context.Start));
        bool FromTo(MeanWithSpread a, MeanWithSpread b, int s0) => FromBefore.IsMatch(flow[Math.Max(s0, a.Context.Start - 40)..a.Context.Start])
                                                                   && ToBetween.IsMatch(flow[a.Context.End..b.Context.Start]);
        WithinPatientComparison? Comparison(MeanWithSpread a, MeanWithSpread b, ReportedP p, string clause, bool fromTo)
        {
            bool paired = PairedTest.IsMatch(clause);
            bool groupsBetween = GroupWords.IsMatch(flow[a.Context.End..b.Context.Start]);
            // "…, p = 0.01 vs placebo": the p compares the change with another group's, not the two visits.
            if (BetweenGroupsP.IsMatch(flow[b.Context.End..Math.Min(SentenceEnd(sentences, flow, p.Start), p.End + 40)])) return null;
            if (groupsBetween || (GroupWords.IsMatch(clause) && !paired && !fromTo)) return null;
            var ctx = a.Context with { End = p.End, Quote = flow[a.Context.Start..p.End] };
            // An n in the bracket of the comparison's own p is its n: "… to 158.3 ± 35.2 with the drug (n = 118; P < .001)",
            // "(P < .001; n = 76)", whatever other n the sentence holds.
            if ((Regex.Match(flow[p.End..Math.Min(flow.Length, p.End + 30)], @"^\s*[;,]\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)") is { Success: true } nAfter ? nAfter
                 : Regex.Match(flow[Math.Max(0, p.Start - 30)..p.Start], @"\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*[;,]\s*$")) is { Success: true } ownN)
                ctx = ctx with { N = ParseWhole(ownN.Groups["n"].Value), NSource = $"'{ownN.Value.Trim('(', ')', ';', ',', ' ')}' with its p", NAtMost = null };
            var test = RankTest.IsMatch(clause) || (!paired && RankPaper(a.Context.Start)) ? "rank" : paired ? "paired t" : null;
            return new WithinPatientComparison(ctx, a, b, p, threeVisits ? 3 : 2) { NamedTest = test };
        }
        foreach (var g in means)
        {
            var ordered = g.OrderBy(m => m.Context.Start).ToList();
            var sentence = ordered[0].Context.Sentence;
            if (ordered.Count < 2 || !WithinWords.IsMatch(sentence)) continue;
            int s0 = SentenceStart(sentences, ordered[0].Context.Start);
            if (ordered.Count == 2)
            {
                var p = freeP.FirstOrDefault(x => SentenceIndex(sentences, x.Start) == g.Key && x.Start > ordered[1].Context.Start);
                if (p is not null && Comparison(ordered[0], ordered[1], p, sentence, FromTo(ordered[0], ordered[1], s0)) is { } w) yield return w;
                continue;
            }
            // Several measures followed in one sentence ("le mRSS est passé de … à … (p = 0,002), et la DLCO de … à …
            // (test t apparié, p = 0,47)"): each pair joined by from … to …, with the p before the next pair, the test its clause names.
            int clauseFrom = s0;
            for (int i = 0; i + 1 < ordered.Count; i++)
            {
                var (a, b) = (ordered[i], ordered[i + 1]);
                if (!FromTo(a, b, s0)) continue;
                int next = i + 2 < ordered.Count ? ordered[i + 2].Context.Start : int.MaxValue;
                var p = freeP.FirstOrDefault(x => SentenceIndex(sentences, x.Start) == g.Key && x.Start > b.Context.Start && x.Start < next);
                if (p is null) continue;
                var clause = flow[Math.Max(clauseFrom, a.Context.Start - 60)..p.End];
                clauseFrom = p.End;
                if (Comparison(a, b, p, clause, true) is { } w) yield return w;
                i++;
            }
        }
    }

    /// <param name="ownCount">The span of a percentage's own count ("(n = 15)"), never the n it is of.</param>
    static StatisticContext Context(PaperText text, int start, int end, bool french, int[] sentences, StudyNs studyNs, CheckOptions options,
                                    (int Start, int End)? ownCount = null)
    {
        var flow = text.Flow;
        var (studyN, studyNSource) = studyNs.At(start);
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
        var following = flow[end..Math.Max(end, Math.Min(s1, end + 40))]; // a statistic may run past the end of the sentence it starts in
        if (Regex.Match(following, @"(?<![A-Za-z-])\d") is { Success: true } number) following = following[..number.Index]; // "PHQ-9" is a name, "12" a number
        if (!NamesInteger(window, options) && NamesInteger(following, options)) window += following;
        // A count named as the sentence's subject, further back than the window: "The number of days off work after
        // discharge had a median of 4", "Le nombre de chutes au cours de l'année avait une médiane de 1", with no other
        // statistic between.
        if (!NamesInteger(window, options) && NumberOfSubject.Match(before) is { Success: true } subjectCount
            && !Regex.IsMatch(before[subjectCount.Index..], @"[=±%()\[\]]|\d[.,]\d")) window = subjectCount.Value + " " + window;
        measure ??= Acronym.Matches(following).Select(m => m.Value).FirstOrDefault(a => !NotMeasures.Contains(a) && !Regex.IsMatch(a, @"^[MJWSD]\d+$"));
        var afterNumber = flow[end..Math.Min(flow.Length, end + 12)];
        bool declared = options.IntegerMeasures.Any(d => window.Contains(d, StringComparison.OrdinalIgnoreCase))
                        || WholeTimeUnits.Matches(flow[s0..start]).Any(u => Regex.IsMatch(QuoteUnit(quote) + afterNumber, @"^\s*" + u.Groups["u"].Value + @"\b", OptI));
        bool integer = (declared || CountUnit.IsMatch(flow[end..Math.Min(flow.Length, end + 40)]) || CountUnit.IsMatch(QuoteUnit(quote)) || (NamesInteger(window, options) && !ContinuousUnit.IsMatch(afterNumber) && !ContinuousUnit.IsMatch(QuoteUnit(quote)) && !NotIntegerScore.IsMatch(window)))
                       && !ModelBased.IsMatch(before);

        int? n = null; string source = studyNSource;
        // The sentence's "n = ": the first one after the statistic with no other number between (the group it was
        // measured in: "7.9 ± 3.4 in the usual-care arm (n = 31)"), else the nearest before it, else the first after.
        var candidates = NEquals.Matches(sentence).Where(m =>
        {
            int at = s0 + m.Index;
            if (ownCount is { } own && at >= own.Start && at < own.End) return false;
            // An "n = " right after a percentage is its count, not the sample it was computed on; so is one with its
            // own denominator ("une alopécie n = 41 sur 81").
            return !Regex.IsMatch(flow[Math.Max(s0, at - 80)..at], @"%[^%()\d]{0,70}\(\s*$|%\s*\(?\s*$")
                   && !Regex.IsMatch(flow[(at + m.Length)..Math.Min(flow.Length, at + m.Length + 12)], @"^\s*(?:sur|of|out of|/)\s*\d", RegexOptions.IgnoreCase);
        }).ToList();
        // An "n =" after a clause break (", and those who …", "; ", ", whereas") counts the next clause's group.
        // Also its own: an n in the bracket that gives the statistic's p ("… to 22.17 ± 9.34 with the drug (P < .001; n = 76)").
        var adjacent = candidates.FirstOrDefault(m => s0 + m.Index >= end && (!Regex.IsMatch(flow[end..(s0 + m.Index)], @"\d") && !ClauseBreak.IsMatch(flow[end..(s0 + m.Index)])
            || OwnPThenN.Match(flow[end..(s0 + m.Index)]) is { Success: true } ownP && !ClauseBreak.IsMatch(ownP.Groups["words"].Value)));
        var chosen = adjacent ?? candidates.LastOrDefault(m => s0 + m.Index < start);
        // An n stated in the statistic's own clause ("Dans le groupe programme (n = 44), le score … est passé de … ;
        // dans le groupe liste d'attente (n = 45), de …") when every other n of the sentence is in another clause.
        bool InOwnClause(Match m) => s0 + m.Index < start ? !ClauseBreak.IsMatch(flow[(s0 + m.Index)..start]) : s0 + m.Index < end || !ClauseBreak.IsMatch(flow[end..(s0 + m.Index)]);
        bool clauseOwn = chosen is not null && chosen != adjacent && InOwnClause(chosen) && candidates.All(m => m == chosen || !InOwnClause(m));
        // The nearest group named before it: "among the 55 patients …; among the 52 in the usual-care group, … from 309 ± 99".
        if (chosen is null && NPeople.Matches(before).LastOrDefault() is { } subject)
        {
            n = ParseWhole(subject.Groups["n"].Value);
            source = $"'{subject.Value}' in the same sentence";
        }
        // "Among these 247 prescribers, 96 (38.9%)", "Parmi ces 247 prescripteurs, 96 (38,9 %)", "Of 412 patients, 318
        // were men (77.2%)": the set just named is the denominator.
        else if (chosen is null && SubsetJustNamed.Match(before) is { Success: true } subset)
        {
            n = ParseWhole(subset.Groups["n"].Value);
            source = $"'{subset.Value.Trim().TrimEnd(',')}' just before it";
        }
        else chosen ??= candidates.FirstOrDefault();
        int? atMost = null;
        // Several n in the sentence ("in the drug (n = 20) and placebo (n = 22) groups, … respectively", or a table
        // set as running text): only the one printed right after the statistic is certainly its own.
        var distinct = candidates.Select(m => ParseWhole(m.Groups["n"].Value)).Distinct().ToList();
        bool ambiguous = chosen is not null && distinct.Count >= 2 && ((chosen != adjacent && !clauseOwn) || Respectively.IsMatch(sentence));
        if (ambiguous)
        {
            atMost = distinct.Max();
            source = $"several n in the sentence ({string.Join(", ", candidates.Select(m => $"'{m.Value}'").Distinct())}), none of them certainly its own";
            chosen = null;
        }
        if (chosen is not null)
        {
            n = ParseWhole(chosen.Groups["n"].Value);
            source = $"'{chosen.Value}' in the same sentence";
        }
        // A group after the statistic that is the denominator of another count is that count's ("in 52 children (35.6%)
        // at baseline and in 94 of the 131 children (78.1%) at 12 months"): not this statistic's n.
        // Nor a group named after another clause's statistic ("21.08 ± 5.14 with placebo, and 22.83 (SD 4.40) in the 27
        // children"): the group after a clause break is that clause's.
        if (n is null && !ambiguous && NPeople.Matches(sentence).FirstOrDefault(m => s0 + m.Index < end
                || !Regex.IsMatch(sentence[..m.Index], @"\d\s*$") && !ClauseBreak.IsMatch(flow[end..(s0 + m.Index)])) is { } people)
        {
            n = ParseWhole(people.Groups["n"].Value);
            source = $"'{people.Value}' in the same sentence";
        }
        if (n is null && !ambiguous && studyN is not null)
        {
            // The study's n applies only to a sentence about the study's patients: not to a subgroup's statistic, nor to
            // a sentence counting other units (eyes, lesions, visits) or more people than the study has (those screened).
            var clause = flow[s0..Math.Max(end, Math.Min(s1, end + 40))];
            if (Subgroup.Match(clause) is { Success: true } sub)
            {
                source = $"the sentence speaks of a subgroup ('{sub.Value.Trim()}') whose n it does not state";
                atMost = studyN;
            }
            else if (OtherUnits.Match(sentence) is { Success: true } units) source = $"the sentence counts units other than the study's patients ('{units.Value.Trim()}')";
            else if (PeopleCount.Matches(sentence).FirstOrDefault(m => ParseWhole(m.Groups["n"].Value) > studyN) is { } larger)
                source = $"the sentence counts more people than the study's n ('{larger.Value.Trim()}')";
            else { n = studyN; source = $"the study's n ({studyNSource})"; }
        }

        // The visit: the nearest visit phrase before the statistic in its paragraph (up to 600 characters back); for a
        // p-value the nearest follow-up visit, since "compared with baseline" names the comparator, not the visit.
        int paragraph = Math.Max(Math.Max(0, start - 600), flow.LastIndexOf('\n', Math.Max(0, start - 1)) + 1);
        var phrases = VisitPhrase.Matches(flow[paragraph..start]).ToList();
        bool pValue = Regex.IsMatch(quote, @"^[pP]\s*[=<>≤≥]");
        var visitMatch = (pValue ? phrases.LastOrDefault(m => !m.Groups["base"].Success && VisitLabel(m) != "M0") : null)
                         ?? phrases.LastOrDefault() ?? VisitPhrase.Matches(sentence).FirstOrDefault();
        string? visit = visitMatch is null ? null : VisitLabel(visitMatch);
        var line = text.LineAt(start);
        return new StatisticContext(start, end, quote, sentence.Trim(), measure, integer, n, n is null ? (studyN is null && !ambiguous ? "no n stated" : source) : source, visit)
        {
            NAtMost = atMost,
            Page = line.Page, Line = line.Line,
        };
    }

    /// <summary>Words saying a mean is a model's estimate or a weighted one (adjusted, least-squares, marginal, imputed): not a total of integers over n.</summary>
    /// <summary>Words that name a measure as scored in whole points (or by the paper's own statement of a score's range).</summary>
    static bool NamesInteger(string words, CheckOptions options) =>
        IntegerWords.IsMatch(words) || options.PaperScores?.IsMatch(words) == true;

    /// <summary>A range stated in whole points ("(0–24 points)", "ranges from 0 to 12 points", "va de 0 à 35 points", "items scored 0 to 3", "in whole points").</summary>
    static readonly Regex PointsRange = new(@"\(\s*(?:[A-Z][\w-]*\s*,\s*)?\d+\s*(?:to|à|–|-)\s*\d+\s*points?\s*\)|\b(?:from|de)\s+\d+\s*(?:to|à|–|-)\s*\d+\s+points?\b|\b(?:scored|coté|cotés|cotée|cotées)\s+(?:from\s+|de\s+)?\d+\s*(?:to|à|–|-)\s*\d+\b|\bin whole points\b|\ben points entiers\b", OptI);
    const string ScoreName = @"[A-ZÀ-Ý][\wÀ-ÿ]*(?:-[\wÀ-ÿ]+)*";
    /// <summary>The name of a score in its own words: "score IPSS", "test de Fagerström", "indice CAO"; "Mayo score", "IBDQ total score"; "Epworth Sleepiness Scale (ESS".</summary>
    static readonly Regex[] ScoreNaming =
    [
        new(@"\b(?:score|scale|test|échelle|indice|index|questionnaire)\s+(?:de\s+|d'|du\s+)?(?<w>" + ScoreName + ")", Opt),
        // A word before "score" is the score's name when it stands alone ("the Bishop score"), not the last word of a longer name ("Epworth Sleepiness Scale").
        new(@"(?<![\wÀ-ÿ-])(?<!(?!(?:The|Le|La|Les|Each|Its|Their|Son|Sa|Leur)\s)[A-ZÀ-Ý][\wÀ-ÿ-]*\s)(?<w>" + ScoreName + @")\s+(?:(?:total|totale|global|globale)\s+)?(?i:score|scale|subscale|sous-score)\b", Opt),
        new(@"(?:Scale|Score|Questionnaire|Inventory|Échelle)(?:-[IVX]+)?\s*\(\s*(?<w>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*[,;)]", Opt),
    ];
    /// <summary>"Pain was rated on a 0–10 numeric rating scale", "La douleur était cotée sur une échelle numérique": the measure rated on a scale (never a visual analogue one).</summary>
    static readonly Regex RatedOnScale = new(@"(?<w>" + ScoreName + @")\s+(?:was|were|is|are|était|étaient|est|sont|a été|ont été)\s+(?:rated|scored|graded|cotée?s?|évaluée?s?)\s+(?:on|sur)\s+(?:a|an|une?|the|la|l')\s+[^.;]{0,50}?\b(?:rating scale|scale|échelle)", Opt);
    /// <summary>A score that counts: "the CAO index counts", "L'indice CAO compte".</summary>
    static readonly Regex CountingIndex = new(@"(?<w>[A-Z]{2,}[A-Za-z0-9-]*)\s+(?:(?:index|score)\s+)?(?:counts|compte|dénombre)\b", Opt);
    static readonly HashSet<string> NotScoreNames = new(StringComparer.OrdinalIgnoreCase) { "The", "A", "An", "Le", "La", "Les", "L", "Un", "Une", "Each", "Its", "This", "Their", "Total", "Son", "Sa", "Ses", "Leur", "Ce", "Cette", "Score", "Scale", "Échelle", "Test", "Mean", "Median", "Moyenne", "Médiane", "Higher", "Lower", "Our", "Notre" };

    /// <summary>
    /// The measures a paper states as scored in whole points, wherever it states it: a score, scale or test whose range
    /// it gives in points ("The total Mayo score ranges from 0 to 12 points", "the Epworth Sleepiness Scale (ESS, 0–24
    /// points)", "Le test de Fagerström va de 0 à 10 points"), a measure rated on a rating scale ("Pain was rated on a
    /// 0–10 numeric rating scale in whole points") and a score that counts ("L'indice CAO compte … les dents cariées").
    /// Named so there, the measure is integer-valued where the paper names it again without the word score ("a
    /// baseline ESS of 11.64"), unless it is an index with decimals (NotIntegerScore) or a unit follows its value.
    /// </summary>
    static Regex? PaperScorePattern(string flow) => PaperScoreNames(flow) is { Count: > 0 } names
        ? new Regex(@"(?<![\w-])(?:" + string.Join("|", names.Select(name => "(?i:" + Regex.Escape(name[..1]) + ")" + Regex.Escape(name[1..]))) + @")(?![\w])", Opt)
        : null;

    static IReadOnlyList<string> PaperScoreNames(string flow)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (name.Length >= 2 && !NotScoreNames.Contains(name) && !NotMeasures.Contains(name) && !NotIntegerScore.IsMatch(name) && !names.Contains(name)) names.Add(name);
        }
        int clauseFrom = 0;
        foreach (Match range in PointsRange.Matches(flow))
        {
            // The clause that states this range: back to the sentence's or clause's start, or to the range before it.
            int from = Math.Max(Math.Max(clauseFrom, range.Index - 160), flow.LastIndexOfAny(new[] { '.', ';', '\n' }, Math.Max(0, range.Index - 1)) + 1);
            clauseFrom = range.Index + range.Length;
            var clause = flow[from..clauseFrom];
            if (NotIntegerScore.IsMatch(clause) || ContinuousShare.IsMatch(clause)) continue;
            foreach (var naming in ScoreNaming)
                foreach (Match m in naming.Matches(clause)) Add(m.Groups["w"].Value);
        }
        foreach (Match m in RatedOnScale.Matches(flow))
            if (!NotIntegerScore.IsMatch(m.Value)) Add(m.Groups["w"].Value);
        foreach (Match m in CountingIndex.Matches(flow)) Add(m.Groups["w"].Value);
        return names;
    }

    /// <summary>Another column's header naming an adjusted comparison ("Adjusted OR (95% CI)", "Différence ajustée"): it says the comparison is a model's, not the groups' own cells.</summary>
    static readonly Regex AdjustedComparisonColumn = new(@"\b(?:adjusted|ajustée?)\s+(?:a?OR|a?HR|RR|IRR|odds ratios?|hazard ratios?|risk ratios?|rate ratios?|rapports? de cotes|differences?|différences?)\b[^|]*?(?=\s{2,}|\||$)|\b(?:a?OR|a?HR|RR|rapports? de cotes|différences?|differences?)\s+(?:adjusted|ajustée?)\b[^|]*?(?=\s{2,}|\||$)", OptI);
    static readonly Regex ModelBased = new(@"\b(?:adjusted|adjustment|adjusting|least[- ]squares|LS|estimated|model[- ]based|marginal|predicted|weighted|imputed|imputation|ajustée?s?|ajustement|estimée?s?|pondérée?s?|imputée?s?|moindres carrés)\b", OptI);
    /// <summary>
    /// Scores that are not whole numbers though named so: standardised or averaged over items (z- and T-scores, a mean
    /// item score), indices with decimals (DAS28, HAQ, EDSS, BASDAI, SF-36, EQ-5D, a visual analogue scale), differences
    /// between means, and blood cell counts (in 10⁹/L).
    /// </summary>
    static readonly Regex NotIntegerScore = new(@"\b(?:(?:per|par)\s+(?:(?:patient|person|personne)[- ])?(?:years?|ans?|années?|months?|mois|weeks?|semaines?|days?|jours?)|z[- ]?scores?|T[- ]?scores?|propensity|standardi[sz]ed|normali[sz]ed|per item|item means?|mean item|averaged (?:over|across)|moyenne des items|par item|utility|utilité|DAS28|DAS|SDAI|CDAI|HAQ(?:-DI)?|EDSS|BASDAI|BASFI|ASDAS|SF-?36|SF-?12|PCS|MCS|EQ-?5D|VAS|EVA|visual analog(?:ue)?|analogique|PASI|SCORAD|EASI|ADAS(?:-Cog)?|KCCQ|SGRQ|KOOS|HOOS|IKDC|(?:Quick)?DASH|Lequesne|PDQ-?39|ACQ|AQLQ|FSS|BPI|RAPID-?3|FIQR?|MSIS(?:-29)?|CDR(?:-SB)?|QLQ(?:-C30)?|PROMIS|transformed|rescaled|differences?|différences?|(?:cell|blood|neutrophil|lymphocyte|leu[ck]ocyte|platelet|CD4|CD8|eosinophil|reticulocyte|sperm|white[- ]cell|red[- ]cell)\s+counts?|numérations?)\b", OptI);
    /// <summary>A subgroup a statistic is of ("in the placebo group", "among women", "those who relapsed", "chez les répondeurs").</summary>
    static readonly Regex Subgroup = new(@"\b(?:(?:in|among|for|within|chez|parmi|dans|pour)\s+(?:the\s+|les?\s+|la\s+|l'|each\s+|both\s+|chaque\s+)?(?:[\w'-]+\s+){0,3}?(?:groups?|arms?|subgroups?|strat(?:um|a)|groupes?|bras|sous-groupes?|strates?|women|men|boys|girls|femmes|hommes|garçons|filles|responders|non-responders|répondeurs|non-répondeurs|survivors|survivants|smokers|fumeurs)\b|\b(?:those|ceux|celles)\s+(?:who|whose|with|qui|dont|ayant|avec)\b|\b(?:patients|participants|subjects|children|enfants)\s+(?:who|whose|qui|dont|ayant)\b|\b(?:placebo|controls?|témoins?)\b)", OptI);
    /// <summary>A count of units other than patients: eyes, lesions, visits, samples, procedures, events.</summary>
    static readonly Regex OtherUnits = new(@"(?<![\d.,])\d[\d\u00A0\u202F ,]*\s+(?:[\w'-]+\s+)?(?:eyes|knees|hips|teeth|lesions|visits|samples|specimens|procedures|operations|admissions|hospitali[sz]ations|episodes|cycles|prescriptions|records|measurements|tumou?rs|nodules|joints|events|consultations|séjours|yeux|genoux|hanches|dents|lésions|visites|échantillons|prélèvements|interventions|hospitalisations|épisodes|ordonnances|dossiers|mesures|tumeurs|articulations|événements|évènements)\b", OptI);
    /// <summary>A count of people in a sentence ("Of 250 screened", "1 240 participants").</summary>
    static readonly Regex PeopleCount = new(@"(?<![\d.,])(?<n>" + WholeCount + @")\s+(?:[\w'-]+\s+)?(?:" + PeopleWords + @"|screened|eligible|assessed|invited|contacted|dépistés|éligibles|sollicités)\b", OptI);

    /// <summary>
    /// A duration the sentence states as counted in whole units ("Counted in whole weeks, the median …", "age in completed
    /// years", "en semaines révolues", "en jours entiers"): a statistic printed in that unit is of integers.
    /// </summary>
    static readonly Regex WholeTimeUnits = new(@"\b(?:whole|completed?)\s+(?<u>days|weeks|months|years)\b|\b(?<u>jours|semaines|mois|années|ans)\s+(?:entiers|entières|révolus|révolues|complets|complètes)\b", OptI);

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

    /// <summary>
    /// Every statement of a study's n ("Fourteen patients were treated", "we enrolled 48 adults", "62 were randomised",
    /// "Cent vingt patients ont été répartis", "Patients (n) 14"), in the order of the text: a paper may report several
    /// studies, each under its own heading.
    /// </summary>
    static StudyNs FindStudyNs(PaperText text)
    {
        var flow = text.Flow;
        var all = new List<(int At, int N, string Source)>();
        foreach (var regex in new[] { StudyNPhrase, StudyNIncluded, StudyNOther, StudyNTable })
            foreach (Match m in regex.Matches(flow))
            {
                if (all.Any(a => a.At == m.Index)) continue;
                int? n = ParseCount(m.Groups["n"].Value);
                // "12 patients were randomised to the drug and 11 to placebo": an arm's n, not the study's.
                if (ArmSplit.IsMatch(flow, m.Index + m.Length)) continue;
                if (n is > 0) all.Add((m.Index, n.Value, $"'{m.Value.Trim()}'"));
            }
        // "were randomly assigned to dupilumab (n = 122) or placebo (n = 120)": the study's n is the sum of its two
        // arms, when no other arm follows and no n stated before the allocation disagrees with the sum.
        var allocations = new List<(int At, int N, string Source)>();
        foreach (Match m in ArmsAllocated.Matches(flow))
        {
            int sum = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            int sentence = Math.Max(flow.LastIndexOf(". ", m.Index, StringComparison.Ordinal), flow.LastIndexOf('\n', Math.Max(0, m.Index - 1)));
            if (all.Any(a => a.At > sentence && a.At <= m.Index)) continue;
            allocations.Add((m.Index, sum, $"'{m.Value.Trim()}' ({m.Groups["a"].Value} + {m.Groups["b"].Value})"));
            all.Add(allocations[^1]);
        }
        all = all.OrderBy(a => a.At).ToList();
        var headings = Headings(text);
        // A later section's own study: its first statement of inclusion, unless it counts a subset ("of these, 5 were included").
        var sections = new List<(int At, int N, string Source)>();
        foreach (var a in all.Skip(1))
        {
            int section = headings.LastOrDefault(h => h <= a.At);
            if (section == 0 || sections.Any(x => headings.LastOrDefault(h => h <= x.At) == section)) continue;
            var before = flow[Math.Max(section, a.At - 80)..a.At];
            if (!InclusionVerb.IsMatch(a.Source) || SubsetPhrase.IsMatch(before)) continue;
            sections.Add(a);
        }
        // A section stating its own population in units or words the study's n does not read ("Two hundred and
        // sixty-four episodes were analysed": another study, whose n of people is not known; "Eighty-six patients were
        // referred": another study of 86 people).
        var openings = new List<(int At, int N, string Source)>();
        foreach (Match m in PopulationStatement.Matches(flow))
        {
            int section = headings.LastOrDefault(h => h <= m.Index);
            if (section == 0 || all.Any(a => headings.LastOrDefault(h => h <= a.At) == section) || openings.Any(o => headings.LastOrDefault(h => h <= o.At) == section)) continue;
            if (ParseCount(m.Groups["n"].Value) is not { } n || SubsetPhrase.IsMatch(flow[Math.Max(section, m.Index - 80)..m.Index])) continue;
            // Its n is a number of people only when people are what it counts (else 0: not known).
            bool people = Regex.IsMatch(flow.AsSpan(m.Groups["n"].Index + m.Groups["n"].Length), @"^\s+" + StudyPeople + @"\b", OptI);
            openings.Add((m.Index, people ? n : 0, $"'{m.Value.Trim()}'"));
        }
        // "198 and 187 patients were still treated (93.4% and 88.2%)": a count given with its percentage is a share of
        // the study, not another population.
        bool IsShare(int at) => Regex.IsMatch(flow[at..Math.Min(flow.Length, at + 200)], @"^[^%]*?%") && !Regex.IsMatch(Regex.Match(flow[at..Math.Min(flow.Length, at + 200)], @"^[^%]*?%").Value, @"[.!?]\s");
        // Every later statement of another population, not a subset of the first: past one, the first n is no longer
        // certainly the n that applies (a text without headings may report several studies).
        var others = all.Count == 0 ? [] : all.Skip(1).Select(a => (a.At, N: (int?)a.N))
            .Concat(PopulationStatement.Matches(flow).Select(m => (At: m.Index, N: ParseCount(m.Groups["n"].Value))))
            .Where(o => o.At > all[0].At && o.N is > 0 && o.N != all[0].N && !SubsetPhrase.IsMatch(flow[Math.Max(0, o.At - 80)..o.At]) && !IsShare(o.At))
            .Select(o => o.At).OrderBy(a => a).ToList();
        var restated = all.Skip(1).Where(a => InclusionVerb.IsMatch(a.Source) && !SubsetPhrase.IsMatch(flow[Math.Max(0, a.At - 80)..a.At]) && !IsShare(a.At)).ToList();
        return new StudyNs(all.Take(1).ToList(), sections, headings) { Openings = openings, OtherPopulations = others, Inclusions = restated, Allocations = allocations };
    }

    /// <summary>
    /// Where the headings of a text begin in its flow: short lines starting with a capital, with no sentence punctuation
    /// or figures' brackets, after the end of a paragraph (a blank line, a full stop) and before a line starting with a
    /// capital, and shorter than three quarters of the longest line (a justified line of running text is full).
    /// </summary>
    static List<int> Headings(PaperText text)
    {
        var lines = text.Lines;
        int longest = lines.Count == 0 ? 0 : lines.Max(l => l.Text.TrimEnd().Length);
        var at = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Text.Trim();
            // A page break after a paragraph's full stop is the space between paragraphs, as a blank line is (a PDF
            // paper's title at the top of a page).
            var previous = i == 0 || lines[i - 1].Page != lines[i].Page && lines[i - 1].Text.TrimEnd().EndsWith('.') ? "" : lines[i - 1].Text.Trim();
            // A block of one to three lines between blank lines, with no sentence punctuation: a heading however long its
            // line is against a narrow column ("Kétamine intraveineuse dans la dépression résistante", hyphenated over two
            // lines), and a paper's title of up to 200 characters (running text ends its paragraph with a full stop).
            if (previous.Length == 0 && line.Length >= 3 && char.IsUpper(line[0]))
            {
                int count = 1;
                while (count <= 3 && i + count < lines.Count && lines[i + count].Text.Trim().Length > 0) count++;
                if (count <= 3)
                {
                    var block = line;
                    for (int k = 1; k < count; k++)
                        block = Regex.Replace(block, @"[‐-]$", "") + (Regex.IsMatch(block, @"[‐-]$") ? "" : " ") + lines[i + k].Text.Trim();
                    if (block.Length <= 200 && HeadingLine.IsMatch(block) && !block.EndsWith(':'))
                    {
                        at.Add(text.FlowStartOfLine(i));
                        continue;
                    }
                }
            }
            if (line.Length < 3 || line.Length > 90 || line.Length > 0.75 * longest || !char.IsUpper(line[0]) || !HeadingLine.IsMatch(line) || line.EndsWith(':')) continue;
            var next = lines.Skip(i + 1).Select(l => l.Text.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            // After a paragraph's end (not after a table row, whose next label is no heading), before a paragraph's start.
            // A PDF keeps no blank line: after a table's last row (cells a tab apart) a line is a heading when running text, not a row, follows it.
            bool afterTable = lines[i - (i > 0 ? 1 : 0)].Text.Contains('\t') && !line.Contains('\t') && !next.Contains('\t') && next.Length > 0.6 * longest;
            if ((previous.Length > 0 && !previous.EndsWith('.') && !afterTable) || next.Length == 0 || !char.IsUpper(next[0])) continue;
            at.Add(text.FlowStartOfLine(i));
        }
        return at;
    }
    static readonly Regex PopulationStatement = new(@"(?<![\w,.])(?<n>" + WholeCount + "|" + NumberWordsPattern + @")\s+(?:[\wéèàç'’.-]+\s+){1,10}?(?:were|have been|ont été|a été)\s+(?:\w+\s+)?(?:included|enrolled|recruited|analy[sz]ed|studied|referred|reviewed|inclus|incluses|analysés|analysées|étudiés|étudiées|adressés|adressées|recrutés|recrutées)\b", OptI);
    /// <summary>An allocation to two arms with each arm's n: "randomly assigned to dupilumab (n = 122) or placebo (n = 120)",
    /// "randomisés dans le groupe A (n = 46) ou B (n = 45)", in one paragraph; not when a third arm's n follows.</summary>
    static readonly Regex ArmsAllocated = new(@"\b(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed|allocated|randomisé(?:e?s)?|tirés au sort|tirées au sort|répartis|réparties)\b[^.;()\n]{0,150}?\(\s*[nN]\s*=\s*(?<a>\d+)\s*\)[^.;()\n]{0,100}?\b(?:or|and|ou|et)\b[^.;()\n]{0,100}?\(\s*[nN]\s*=\s*(?<b>\d+)\s*\)(?![^.;()\n]{0,100}\(\s*[nN]\s*=)", OptI);
    static readonly Regex HeadingLine = new(@"^[^.;!?()\[\]=%±|\t]+$", Opt);
    static readonly Regex ArmSplit = new(@"\G\s+(?:to|à|au|dans)\b[^.]{0,120}?\b(?:and|et|or|ou)\s+\d+\s+(?:[\wé]+\s+)?(?:to|à|au|dans)\b", OptI);
    static readonly Regex InclusionVerb = new(@"^'(?:Participants|Patients|Subjects|Respondents|Sujets)\s*\(\s*N\s*=|\b(?:underwent randomi[sz]ation|(?:of the|in the|de la|de l'|du)\s*(?:cohort|cohorte|study|étude|registry|registre)\b|(?:Participants|Patients|Subjects|Respondents) were \d+|included|enrolled|recruited|randomi[sz]ed|allocated|assigned|treated|inclus|incluses|randomisés|randomisées|répartis|réparties|traités|traitées|a inclus|ont inclus|avons inclus)\b", OptI);
    static readonly Regex SubsetPhrase = new(@"\b(?:of these|of them|of whom|among them|among these|parmi eux|parmi elles|parmi ceux|dont)\b[^.]*$", OptI);

    /// <summary>
    /// The study n's of a text by position: the one that applies at a point is the last stated before it (the study of
    /// that section), else the first of the text.
    /// </summary>
    sealed record StudyNs(IReadOnlyList<(int At, int N, string Source)> Statements, IReadOnlyList<(int At, int N, string Source)>? Sections = null, IReadOnlyList<int>? Headings = null)
    {
        /// <summary>Where a section states a population of its own that is not a study's n of people.</summary>
        public IReadOnlyList<(int At, int N, string Source)> Openings { get; init; } = [];
        /// <summary>Where a population other than the first study's is stated (its n differs and it is no subset named as such).</summary>
        public IReadOnlyList<int> OtherPopulations { get; init; } = [];
        /// <summary>The later statements of a study's inclusion ("Two hundred and six patients were randomised").</summary>
        public IReadOnlyList<(int At, int N, string Source)> Inclusions { get; init; } = [];
        /// <summary>The first study's n, unless another population is stated between it and the position: then the last
        /// inclusion stated before the position when none is stated after it, else none.</summary>
        (int?, string) FirstUnlessAnother(int position)
        {
            if (!OtherPopulations.Any(a => a <= position)) return First;
            var last = Inclusions.LastOrDefault(a => a.At <= position);
            return last.Source is not null && !OtherPopulations.Any(a => a > last.At && a <= position) ? (last.N, last.Source)
                : (null, "another population is stated between the study's n and this point");
        }
        public (int?, string) First => Statements.Count == 0 ? (null, "no study n stated") : (Statements[0].N, Statements[0].Source);

        /// <summary>
        /// The n of the study whose section holds the position (a heading opens a section), else the text's first when it
        /// may be the same study: stated before the position (the methods before the results) or in its section, and the
        /// text reporting no other study. The n of another section's study never applies: a paper reporting several
        /// studies, or a study stated only under a later heading, leaves a section without its own n with none.
        /// </summary>
        /// <summary>The study n's read as the sum of two arms' n: they apply in their own section only (a paper of
        /// several studies may state one study's arms and another's population in words the reader does not know).</summary>
        public IReadOnlyList<(int At, int N, string Source)> Allocations { get; init; } = [];

        public (int?, string) At(int position)
        {
            var (n, source) = AtAnySection(position);
            if (n is not null && Headings is { Count: > 0 } && Allocations.FirstOrDefault(a => a.Source == source) is { Source: not null } allocation
                && Headings.LastOrDefault(h => h <= allocation.At) != Headings.LastOrDefault(h => h <= position))
                return (null, $"the study's n stated by its arms ({allocation.Source}) is another section's");
            return (n, source);
        }

        (int?, string) AtAnySection(int position)
        {
            // A study's n stated only further on may be another study's: a text without headings (a PDF keeps none)
            // may report several, and one stated after a statistic in its own section is no surer.
            if (Statements.Count > 0 && Statements[0].At > position) return (null, "no study n stated before this point");
            if (Headings is null || Headings.Count == 0 || Statements.Count == 0) return FirstUnlessAnother(position);
            int section = Headings.LastOrDefault(h => h <= position);
            if (Sections is { Count: > 0 })
            {
                var own = Sections.FirstOrDefault(x => Headings.LastOrDefault(h => h <= x.At) == section);
                if (section > 0 && own != default) return (own.N, own.Source);
            }
            var first = Statements[0];
            bool sameSection = Headings.LastOrDefault(h => h <= first.At) == section;
            if (sameSection) return FirstUnlessAnother(position);
            if (section > 0 && Openings.FirstOrDefault(o => Headings.LastOrDefault(h => h <= o.At) == section && o.N != first.N) is { Source: not null } opening)
                return opening.N > 0 ? (opening.N, opening.Source)
                    : (null, $"this section states its own population ({opening.Source}), not a number of people");
            if (Sections is { Count: > 0 }) return (null, "no study n stated in this section (the text reports several studies)");
            return first.At <= position ? FirstUnlessAnother(position) : (null, "no study n stated before this point (the first is under a later heading)");
        }
    }

    /// <summary>A count in digits or in words ("14", "Fourteen", "Cent vingt", "quatre-vingt-dix", "one hundred and twenty").</summary>
    static int? ParseCount(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        if (Regex.IsMatch(text, @"^\d{1,3}(?:[\s,]\d{3})+$")) return ParseWhole(text);
        int total = 0, current = 0;
        foreach (var word in Regex.Split(Regex.Replace(text.ToLowerInvariant(), @"quatre[- ]vingts?", "quatrevingt"), @"[\s-]+"))
        {
            if (word.Length == 0 || word is "et" or "and" or "one" or "un") { if (word is "one" or "un") current += 1; continue; }
            if (word is "hundred" or "cent" or "cents") current = Math.Max(current, 1) * 100;
            else if (word is "thousand" or "mille") { total += Math.Max(current, 1) * 1000; current = 0; }
            else if (word is "quatrevingt") current += 80;
            else if (NumberWords.TryGetValue(word, out var w)) current += w;
            else return null;
        }
        return total + current;
    }

    static ReportedP? P(Match m, bool french)
    {
        // "p < 10-3", "p < 10^-4": a bare power of ten.
        var printed = Regex.IsMatch(m.Groups["pv"].Value, @"^10\s*\^?\s*-") ? "1×10" + Regex.Replace(m.Groups["pv"].Value[2..], @"[\s^]", "") : m.Groups["pv"].Value;
        var v = PrintedNumber.Parse(printed, french);
        if (v is null || v.Value > 1) return null;
        return new ReportedP(m.Groups["rel"].Success ? m.Groups["rel"].Value : m.Groups["lt"].Success ? "<" : "=", v, m.Index, m.Index + m.Length);
    }

    static readonly Regex CorrectedWords = new(@"\b(?:adjusted|corrected|correction|Bonferroni|Holm|Hochberg|Šidák|Sidak|FDR|false discovery|Benjamini|Tukey|Dunnett|Scheff[eé]|multiplicity|multiple comparisons?|ajustée?s?|corrigée?s?|comparaisons multiples)\b", OptI);
    static readonly Regex OtherTestWords = new(@"\b(?:exact|Fisher|permutation|bootstrap|Monte[- ]Carlo|log-?rank|Mantel|Cochran|Wilcoxon|Mann[- ]Whitney|Kruskal|Friedman|McNemar|likelihood[- ]ratio|LRT|score test|Gehan|Breslow|Peto|Tarone|rapport de vraisemblance|exacte?|signed[- ]rank|rangs signés)\b", OptI);
    static readonly Regex OtherHypothesisWords = new(@"\b(?:interactions?|trend|heterogeneity|non-?inferiority|equivalence|superiority|margin|tendance|hétérogénéité|non-?infériorité|équivalence|supériorité|marge)\b", OptI);
    static readonly Regex OneSidedWords = new(@"\b(?:one-sided|one-tailed|unilateral|unilatérale?)\b", OptI);
    /// <summary>"Values are mean ± SD", "data were expressed as means ± SEM", "les résultats sont exprimés en moyenne ± ET": a paper's statement of what its "±" holds (not a label after one value).</summary>
    const string StatedSpread = @"\b(?:are|were|is|as|expressed|presented|given|shown|reported|sont|exprimée?s?|présentée?s?|donnée?s?|indiquée?s?|en|sous (?:la )?forme d[e']|comme)\s+(?:(?:the|la|les|des|de)\s+)?(?:mean|moyenne)s?\s*(?:±|\+/-)\s*";
    static readonly Regex StatedSd = new(StatedSpread + @"(?:SD|ET|DS|s\.d\.|standard deviation|écart[- ]type)", OptI);
    static readonly Regex StatedSe = new(StatedSpread + @"(?:SEM|SE|ESM|ES|s\.e\.m?\.?|standard error|erreur[- ]standard)", OptI);

    /// <summary>What a paper says its "±" holds: "SD", "SE" (stated once, "values are mean ± SEM"), "both" (a reader cannot tell an unnamed one), or "SD" by default.</summary>
    static string SpreadConvention(string flow) => (StatedSd.IsMatch(flow), StatedSe.IsMatch(flow)) switch
    {
        (true, true) => "both",
        (false, true) => "SE",
        _ => "SD",
    };

    /// <summary>A chi-square test named without a value of its own ("chi-square test"; not "χ² = 1.95, p = 0.16", whose p is its own).</summary>
    static readonly Regex ChiSquareTest = new(@"(?:\b(?:chi-?squared?|chi2|khi-?deux|khi2)\b|χ\s?2|χ²)(?!\s*(?:\([^()]{0,20}\)|\[[^\[\]]{0,20}\])?\s*=)", OptI);
    static readonly Regex MarginWords = new(@"\b(?:non-?inferiority|equivalence|margin|non-?infériorité|équivalence|marge)\b", OptI);

    /// <summary>A test the sentence names up to an interval's end whose p need not be the interval's (log-rank, Fisher's exact, a non-inferiority margin), as printed.</summary>
    static string? OtherTestIn(string flow, int[] sentences, int from, int end) => OtherTestNamedIn(flow[SentenceStart(sentences, from)..end]);

    static string? OtherTestNamedIn(string sentence)
    {
        return OtherTestWords.Match(sentence) is { Success: true } m ? $"'{m.Value}'" : MarginWords.Match(sentence) is { Success: true } h ? $"'{h.Value}'"
            : ChiSquareTest.Match(sentence) is { Success: true } c ? $"'{c.Value}' (a Pearson test's p, not the interval's Wald p)" : null;
    }

    /// <summary>A paper's significance level other than 5 %, or a correction for multiple comparisons: its "NS" need not mean p &gt; 0.05.</summary>
    static readonly Regex OtherLevel = new(@"\b(?:Bonferroni|Holm|Hochberg|Šidák|Sidak|false discovery|Benjamini|multiple comparisons|comparaisons multiples)\b|(?:α|alpha|significance level|significance threshold|seuil de significativité|risque alpha|niveau de signification)\s*(?:of|de|was|était|=|:|at|à)?\s*(?:0[.,](?!05\b)\d+|(?!5\s*%)\d+(?:[.,]\d+)?\s*%)", OptI);
    static readonly Regex Sphericity = new(@"\b(?:Greenhouse|Huynh|sphericity|sphéricité)\b", OptI);

    /// <summary>
    /// What the words printed with a p say of it: those just before it, back to the last number or '=' ("χ2 = 3.2,
    /// Fisher's exact p = 0.04", "Bonferroni-corrected p"), and those after it to the end of its clause ("p = 0.03
    /// (Bonferroni-corrected)", "p = 0.01, log-rank test"). Words before the statistic ("Mann–Whitney U test, z = 2.1,
    /// p = 0.04") are the statistic's own test, not the p's.
    /// </summary>
    static PQualifier? QualifierOf(string flow, ReportedP p)
    {
        int from = Math.Max(0, p.Start - 40);
        var pre = flow[from..p.Start];
        int cut = Math.Max(pre.LastIndexOfAny("0123456789=.".ToCharArray()), pre.LastIndexOf('\n'));
        pre = pre[(cut + 1)..];
        var post = flow[p.End..Math.Min(flow.Length, p.End + 40)];
        int stop = post.IndexOfAny(";.\n".ToCharArray());
        if (stop >= 0) post = post[..stop];
        // The words after a bracket the p closes, or after a clause break, are no longer about it.
        int close = post.IndexOf(')'), open = post.IndexOf('(');
        if (close >= 0 && (open < 0 || close < open)) post = post[..close];
        if (ClauseBreak.Match(post) is { Success: true } clause) post = post[..clause.Index];
        if (Regex.Match(post, @"\d") is { Success: true } digit) post = post[..digit.Index];
        var words = pre + " " + post;
        foreach (var (kind, regex) in new[] { ("corrected", CorrectedWords), ("another test", OtherTestWords), ("another hypothesis", OtherHypothesisWords), ("one-sided", OneSidedWords) })
            if (regex.Match(words) is { Success: true } m) return new PQualifier(kind, m.Value);
        return null;
    }

    static readonly Regex DfAfter = new(@"\G\s*[,;]\s*(?:(?:df|ddl)\s*=\s*\d+(?:[.,]\d+)?|[nN]\s*=\s*" + WholeCount + @")|\G\s*[\(\[]\s*(?:(?:df|ddl)\s*[=:]?\s*)?\d+(?:\s*[,;]\s*\d+)?(?:\s*(?:df|ddl))?\s*[\)\]]", Opt);
    /// <summary>
    /// The df printed after a statistic's value: "df = 28", "ddl = 28", "df 1, 38", "(1 df)", ", 2 df,", "2 degrees of
    /// freedom", and an F's bracket right after its value: "F = 3.95 (1, 38)".
    /// </summary>
    static readonly Regex DfInGap = new(@"\b(?:df|ddl)\s*[=:]?\s*(?<d1>\d+(?:[.,]\d+)?)(?:\s*[,;]\s*(?<d2>\d+(?:[.,]\d+)?)(?!\s*%))?|(?<![\w.,])(?<d1>\d+)\s*(?:df|ddl|degrees? of freedom|degrés de liberté)\b|^\s*[\(\[]\s*(?<d1>\d+)\s*[,;]\s*(?<d2>\d+)\s*[\)\]]", Opt);
    /// <summary>A correlation's n printed after its p, in the same clause: "r = 0.12; p &lt; 0.001; n = 120".</summary>
    /// <summary>"NS", "n.s." printed for a p: above the 5 % level (the level a paper states otherwise is not read).</summary>
    static readonly Regex NumberOfSubject = new(@"\b(?:(?:(?:mean|average|median)\s+)?number of|nombre\s+(?:(?:moyen|médian)\s+)?d(?:e\s|')|count of|courses of)", OptI);
    static readonly Regex SecondOfTwo = new(@"(?:\b(?:from|de|between|entre)\s+-?\d[\d.,]*\s*(?:[%\w/µ]+\s*)?(?:\s*(?:at|à)\s+[\w' ]{1,20}?)?\s*(?:to|à|and|et)|\b(?:vs\.?|versus|contre|compared with|comparé à)\s*)\s*$", OptI);
    static readonly Regex Respectively = new(@"\b(?:respectively|respectivement)\b", OptI);
    /// <summary>The words after a statistic up to an n in the bracket of its own p: "with the drug (P &lt; .001; ".</summary>
    static readonly Regex OwnPThenN = new(@"^(?<words>[^\d()]{0,40})\(\s*[pP]\s*[<>=≤≥]\s*(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*[;,]\s*$", Opt);
    /// <summary>Where a clause ends: a semicolon, a comma before a conjunction, or a conjunction opening another group of
    /// its own ("… (P &lt; .001) and in the usual-care arm (n = 85) from …", "et chez les 31 du groupe témoin").</summary>
    static readonly Regex ClauseBreak = new(@";|,\s*(?:and|but|whereas|while|et|mais|alors que|tandis que)\b|\b(?:and|et)\s+(?:in|among|dans|chez|parmi)\s+(?:the|les?|la|l')\s*\w", OptI);
    static readonly Regex NotSignificant = new(@"(?<=[,;(]\s*)(?:NS|N\.S\.|n\.s\.)(?![\w])", Opt);
    static readonly Regex NAfterP = new(@"^\s*[,;]\s*[nN]\s*=\s*(?<n>" + WholeCount + ")", Opt);
    static readonly Regex OpensStatistic = new(@"^\s*[,;:]?\s*[\(\[]?\s*(?:[A-Za-zÀ-ÿ'-]+\s+){0,3}$", Opt);

    static readonly Regex ReferringClause = new(@"^\s*[;,]\s*(?:and\s+|but\s+|et\s+|mais\s+)?(?:this|that|which|it|the (?:difference|effect|association|change|gain|correlation)|ce(?:tte|t)?|ceci|qui|la différence|l'effet|l'association|le gain)\b[^\d;.()]{0,50}$", OptI);

    /// <summary>The p of the clause after a statistic when that clause refers back to it ("; this difference was significant, p &lt; .001"), with no number between.</summary>
    static ReportedP? PInReferringClause(List<ReportedP> pValues, string flow, int from)
    {
        var p = pValues.FirstOrDefault(x => x.Start >= from && x.Start - from <= 70);
        return p is not null && ReferringClause.IsMatch(flow[from..p.Start]) ? p : null;
    }

    /// <summary>The p printed just before a statistic ("p = 0.03 (t = 2.3, df = 28)", "p = 0.03, t(28) = 2.3"), unclaimed, with only a bracket or a few words between.</summary>
    static ReportedP? PBefore(List<ReportedP> pValues, HashSet<ReportedP> used, string flow, int statisticStart)
    {
        var p = pValues.LastOrDefault(x => x.End <= statisticStart && statisticStart - x.End <= 25);
        if (p is null || used.Contains(p)) return null;
        var gap = flow[p.End..statisticStart];
        return !gap.Contains('\n') && OpensStatistic.IsMatch(gap) ? p : null;
    }

    /// <summary>The p-value printed right after a statistic (within a few characters, with no other number in between but a df).</summary>
    /// <param name="overTest">An interval's p may follow the test that gave it: "(95% CI −3.1 to 0.4; t(40) = −1.62, p = 0.11)".</param>
    static ReportedP? PAfter(List<ReportedP> pValues, string flow, int from, int within, bool overTest = false)
    {
        var p = pValues.FirstOrDefault(x => x.Start >= from && x.Start - from <= within);
        if (p is null) return null;
        var gap = flow[from..p.Start];
        if (overTest) gap = Test.Replace(gap, "");
        if (gap.Contains('\n') || Regex.IsMatch(NEquals.Replace(DfInGap.Replace(gap, ""), ""), @"\d")) return null;
        return p;
    }

    static string NormaliseTest(string t) => t switch
    {
        "t" => "t", "F" => "F", "z" or "Z" => "z", "r" => "r", _ => "chi2",
    };

    /// <summary>
    /// The df of a test: "(28)", "[28]", "(2, 45)", "(2 ; 45)", "(1, N = 90)", or after the value: "df = 1", "(1 df)",
    /// "(df 1, 38)", an F's "(1, 38)"; a correlation's n (df n − 2) before its p or right after it ("; p &lt; 0.001; n = 120").
    /// </summary>
    static (PrintedNumber?, PrintedNumber?) Df(string test, string? inParens, string gap, string afterP, bool french)
    {
        var text = inParens is null ? null : Regex.Replace(inParens, @"[,;]?\s*[nN]\s*=\s*" + WholeCount, "").Replace("ddl", "").Replace("df", "").Replace("=", "").Trim();
        if (string.IsNullOrEmpty(text))
        {
            var m = DfInGap.Match(gap);
            if (m.Success && (test != "F" || m.Groups["d2"].Success))
                return (PrintedNumber.Parse(m.Groups["d1"].Value, french), test == "F" ? PrintedNumber.Parse(m.Groups["d2"].Value, french) : null);
            if (m.Success && test == "F") return (null, null);
            // A correlation's df is n - 2: "r = .30 (n = 50), p = .034", "r = .30, p = .034, n = 50".
            // The n may be written with a thousands separator ("n = 1 104", "n = 1,104").
            var n = NEquals.Match(gap);
            if (!n.Success) n = NAfterP.Match(afterP);
            return test == "r" && n.Success ? (PrintedNumber.Parse((ParseWhole(n.Groups["n"].Value) - 2).ToString(CultureInfo.InvariantCulture), false), null) : (null, null);
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
