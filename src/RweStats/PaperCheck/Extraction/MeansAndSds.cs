using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Means with their SD or SE (±, bracketed, APA, the header form), the convention a paper states for ±, and proportions of binary variables (DEBIT).
internal static partial class StatisticExtractor
{
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

    static readonly Regex MeanWord = new(@"\b(?:mean|moyenne|average|moyen)\b", OptI);
    /// <summary>A 0/1 variable: named a proportion or binary, or coded so ("coded 1 for women and 0 otherwise", "coded 1 for yes", "codé 1 si oui",
    /// "codé 1 s'il était proposé", "coded 1 or 0", "codée 1 (oui) ou 0 (non)", "coded 1, otherwise 0", "codé 1, sinon 0", "recorded as 1 for yes", "scored 1 if present", "notée 1 pour oui", "(1 = yes, 0 = no)", "coded 1 beyond 90
    /// days and 0 otherwise", "codée 1 si suivie au moins 5 jours sur 7": a number out of another is no third code).</summary>
    static readonly Regex BinaryWords = new(@"\b(?:proportion|binary|binaire|yes/no|oui/non|0/1|dummy[- ]coded)\b|\b(?:cod(?:ed|ée?s?)|recorded|scored|enregistrée?s?|notée?s?)\s+(?:as\s+|en\s+)?[01]\s*(?:\s(?:for|if|when|pour|si|quand)\b|\ss'(?:il|elle)s?\b|=)(?![^.;()]{0,60}\b(?<!\b(?:sur|out of|of)\s)[2-9]\b(?![.,]?\d*\s*(?:mmol|µmol|mg|g/|g\b|kg|mL|L\b|%|mm|cm|UI|IU|ng|pg|µg|h\b|min\b|hours?|heures?|days?|jours?|weeks?|semaines?|months?|mois|years?|ans\b)))|\b(?:cod(?:ed|ée?s?)|recorded|scored|enregistrée?s?|notée?s?)\s+(?:as\s+|en\s+)?(?:0\s*(?:\([^()]{1,25}\)\s*)?(?:or|ou|/|and|et)\s*1|1\s*(?:\([^()]{1,25}\)\s*)?(?:or|ou|/|and|et)\s*0)\b(?!\s*(?:\([^()]{1,25}\)\s*)?(?:,\s*|or\s+|ou\s+)?2\b)|\(\s*0\s*=\s*[\wéè' -]{1,20}[,;]\s*1\s*=\s*[\wéè' -]{1,20}\)|\(\s*1\s*=\s*(?:yes|oui|present|présente?)\s*[,;]\s*0\s*=\s*(?:no|non|absent|absente)\s*\)|\b(?:cod(?:ed|ée?s?)|recorded|scored|enregistrée?s?|notée?s?)\s+(?:as\s+|en\s+)?1\s*[,;]?\s*(?:otherwise|else|sinon|autrement)\s+0\b|\b(?:cod(?:ed|ée?s?)|recorded|scored|enregistrée?s?|notée?s?)\s+(?:as\s+|en\s+)?1\b[^.;()]{1,60}?\b(?:and|et)\s+0\s+(?:otherwise|else|if not|for no|sinon|autrement|dans le cas contraire|pour non)\b", OptI);
    /// <summary>A proportion of something counted in time, doses, visits or body area is a per-patient share, not the mean of a 0/1 variable.</summary>
    static readonly Regex ContinuousShare = new(@"\b(?:proportion|proportions)\s+(?:of|de|d'|du|des)\s*(?:the\s+|la\s+|le\s+|l')?(?:[\w'-]+\s+){0,2}?(?:time|days?|nights?|hours?|weeks?|visits?|doses?|sessions?|items?|questions?|answers?|body|surface|area|volume|weight|tissue|samples?|cells?|reads?|temps|jours?|nuits?|heures?|semaines?|visites?|séances?|réponses?|surface|poids|cellules?)\b|\bper (?:patient|participant|subject)\b|\bpar (?:patient|sujet)\b", OptI);
    static bool IsBinary(string before) => BinaryWords.IsMatch(before) && !ContinuousShare.IsMatch(before);
    /// <summary>"la proportion de ceux qui recevaient un ISRS à dose maximale était de 0,63": a proportion named further back, with no number between it and the value
    /// but a time point ("the proportion of patients who had returned to driving by 12 months was 0.58", "à 24 mois") or
    /// the threshold of its coding ("La cétose, codée 1 si la β-hydroxybutyratémie atteignait 2 mmol/L, avait une moyenne
    /// de 0,78") or of its definition ("la proportion de parents déclarant au moins 5 séances par semaine était de 0,54").</summary>
    static bool ProportionSubject(string before)
    {
        if (BinaryWords.Matches(before).LastOrDefault() is not { } w || !IsBinary(before[w.Index..])) return false;
        var rest = before[w.Index..];
        if (Regex.IsMatch(rest, @"^(?:cod|recorded|scored|enregistr|not)", RegexOptions.IgnoreCase) && rest.IndexOf(',') is var comma and > 0) rest = rest[comma..];
        return !Regex.IsMatch(rest, @"(?<![\d.,]|\b(?:at least|au moins|more than|plus de|fewer than|less than|moins de)\s|[≥≤<>]\s?)\d(?![\d.,]*\s*(?:months?|mois|weeks?|semaines?|days?|jours?|years?|ans|hours?|heures?)\b)", RegexOptions.IgnoreCase);
    }

    /// <summary>What a measure's own words may not name for it to be taken as another 0/1 variable: a score, a count, a level, a unit.</summary>
    static readonly Regex NotBinaryWords = new(@"\b(?:scores?|points?|scales?|échelle|index|indices?|indice|counts?|numbers?|nombre|rates?|taux|ratios?|levels?|niveau|concentrations?|duration|durée|length|longueur|size|taille|weight|poids|mg|kg|mmol|g/l|ml|cm|mm)\b", RegexOptions.IgnoreCase);
    static readonly Regex ClauseJoin = new(@"(?:;|,?\s+(?:and|et)\b)\s*(?<words>[^;]*?)\s*$", RegexOptions.IgnoreCase);

    /// <summary>
    /// "Adherence, coded 1 for at least two sessions a week and 0 otherwise, was 0.57 (SD 0.50), and use of a personal
    /// alarm was 0.22 (SD 0.35)", "…, codé 1 pour oui et 0 pour non, valait 0,62 (DS 0,49) dans le groupe A, et la prise
    /// au cours d'un repas 0,71 (DS 0,32)": a mean joined to a 0/1 variable's by "and", "et" or ";" in its sentence, said
    /// with the same verb or with the verb left out, between 0 and 1 with no unit and no number of its own (but a time),
    /// and not named a score, count or level, is another 0/1 variable's (a list of yes/no items) or the same one's in another group.
    /// </summary>
    static List<ReportedStatistic> BinaryLikeTheOneBefore(string flow, List<ReportedStatistic> found, HashSet<ReportedStatistic> inTables, int[] sentences)
    {
        var means = found.OfType<MeanWithSpread>().Where(m => !inTables.Contains(m)).OrderBy(m => m.Context.Start).ToList();
        var verbOf = new Dictionary<MeanWithSpread, string>(ReferenceEqualityComparer.Instance);
        string LastWord(int at) => Regex.Match(flow[Math.Max(SentenceStart(sentences, at), at - 40)..at], @"([\p{L}']+)\s*$") is { Success: true } w ? w.Groups[1].Value.ToLowerInvariant() : "";
        var replaced = new Dictionary<ReportedStatistic, ReportedStatistic>(ReferenceEqualityComparer.Instance);
        if (means.Count > 0 && means[0].Binary) verbOf[means[0]] = LastWord(means[0].Context.Start);
        for (int i = 1; i < means.Count; i++)
        {
            var (prev, m) = (means[i - 1], means[i]);
            // A 0/1 mean with its verb left out ("was 0.26 (SD 0.44) after A and 0.32 (SD 0.47) after B") has the verb of the one before.
            if (prev.Binary && !verbOf.ContainsKey(prev))
                verbOf[prev] = i >= 2 && means[i - 2].Binary && verbOf.TryGetValue(means[i - 2], out var earlier) && SentenceIndex(sentences, means[i - 2].Context.Start) == SentenceIndex(sentences, prev.Context.Start)
                               && ClauseJoin.Match(flow[means[i - 2].Context.End..prev.Context.Start]) is { Success: true } j && Regex.IsMatch(j.Groups["words"].Value, @"^(?:|de|of|at|à)$", RegexOptions.IgnoreCase)
                    ? earlier : LastWord(prev.Context.Start);
            if (m.Binary || !prev.Binary || m.Spread is not { } sd || m.Context.IntegerValued || SentenceIndex(sentences, prev.Context.Start) != SentenceIndex(sentences, m.Context.Start)) continue;
            if (m.Mean.Value is < 0 or > 1 || sd.Value > 1 || m.Mean.Decimals < 2) continue;
            if (!Regex.IsMatch(flow[(m.Context.Start + m.Mean.Text.Length)..], @"^\s*(?:\(|±)")) continue;
            if (ClauseJoin.Match(flow[prev.Context.End..m.Context.Start]) is not { Success: true } join) continue;
            var words = join.Groups["words"].Value;
            if (NotBinaryWords.IsMatch(words) || Regex.IsMatch(words, @"\d(?![\d.,]*\s*(?:months?|mois|weeks?|semaines?|days?|jours?|years?|ans|hours?|heures?)\b)")) continue;
            bool sameVerb = words.Length == 0 || Regex.IsMatch(words, @"^(?:de|of|at|à)$", RegexOptions.IgnoreCase) || LastWord(m.Context.Start) == verbOf[prev];
            bool verbLeftOut = Regex.IsMatch(words, @"^(?:la|le|les|l'|the)\b", RegexOptions.IgnoreCase)
                               && !Regex.IsMatch(words, @"\b(?:was|were|is|are|had|has|averaged|était|étaient|est|sont|avait|avaient|valait|a été)\b", RegexOptions.IgnoreCase);
            if (!sameVerb && !verbLeftOut) continue;
            var binary = m with { Binary = true };
            verbOf[binary] = verbOf[prev];
            means[i] = binary;
            replaced[m] = binary;
        }
        return replaced.Count == 0 ? found : found.Select(s => replaced.TryGetValue(s, out var r) ? r : s).ToList();
    }

    static readonly Regex SeWords = new(@"\b(?:SEM|SE|ESM|standard error|erreur standard)\b", Opt);

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

    /// <summary>
    /// A mean of things counted over one stated period ("3.64 (SD 0.11) dressing changes a week", "4.83 (SD 1.35)
    /// carbohydrate announcements a day", "3,44 (ET 1,38) selles par semaine", "ran 2.65 (SD 1.23) times a week"): each
    /// one's count over that period is whole, so the mean is a whole total over n. Taken so only for a plural noun of
    /// things counted (or "times", "fois") right before "a", "per", "par", "each" and one day or week, and the finding
    /// says so: never per month or year (a frequency normalised to a month, "3.31 seizures per month", is a rate of
    /// counts over a longer diary), per a number ("per 100 patients"), a person-time ("per patient-year") or a measured unit.
    /// </summary>
    static MeanWithSpread CountedOverOnePeriod(string flow, MeanWithSpread m)
    {
        if (m.Context.IntegerValued || m.Binary || m.SpreadIsStandardError) return m;
        var after = flow[m.Context.End..Math.Min(flow.Length, m.Context.End + 80)];
        var unit = AfterFirstNumber(m.Context.Quote);
        // Days on which a thing happened, counted: "used oxygen on 5.43 (SD 2.18) days", "on a mean of 6.45 days (SD 4.11)",
        // "1,92 (ET 0,83) jours de fièvre", "2.1 (SD 0.9) days with symptoms": a count of days, whole for each one.
        var before = flow[Math.Max(0, m.Context.Start - 40)..m.Context.Start];
        if ((DaysOnWhich.IsMatch(before) && DaysUnit.IsMatch(after.Length > 0 && DaysUnit.IsMatch(after) ? after : unit))
            || DaysOfAnEvent.IsMatch(after) || DaysOfAnEvent.IsMatch(unit))
            return m with
            {
                Context = m.Context with { IntegerValued = true, Measure = m.Context.Measure ?? "days counted" },
                WholeAssumption = "the days on which it happened are counted whole",
            };
        var match = CountPerPeriod.Match(after) is { Success: true } a ? a : CountPerPeriod.Match(unit);
        // The things counted as a count is named (<see cref="CountUnit"/>), the period taken off.
        if (!match.Success || !(CountUnit.IsMatch(match.Groups["things"].Value) || Regex.IsMatch(match.Groups["things"].Value, @"^\s*(?:times|fois)\s*$", OptI))) return m;
        var (things, period) = (match.Groups["things"].Value.Trim(), match.Groups["p"].Value);
        return m with
        {
            Context = m.Context with { IntegerValued = true, Measure = m.Context.Measure ?? $"{things} per {period}" },
            WholeAssumption = $"each one's count of {things} over one {period} is taken as whole",
        };
    }
    static readonly Regex CountPerPeriod = new(@"^\s*(?:\([^()]*\)\s*)?(?<things>(?:[\p{L}'-]+\s+){0,3}?[\p{L}'-]+)\s+(?:a|an|per|par|each|every|chaque)\s+(?<p>day|week|jour|semaine)\b(?![\p{L}-])", OptI);
    static readonly Regex DaysOnWhich = new(@"\bon\s+(?:a\s+mean\s+of\s+|an\s+average\s+of\s+|average\s+)?$", OptI);
    /// <summary>Days, not a time elapsed after or before an event ("discharged on 2.87 days after surgery").</summary>
    static readonly Regex DaysUnit = new(@"^\s*(?:\([^()]*\)\s*)?days\b(?!\s*(?:\([^()]*\)\s*)?(?:after|before|from|since|post|following|later|earlier|prior|until|to)\b)", OptI);
    static readonly Regex DaysOfAnEvent = new(@"^\s*(?:\([^()]*\)\s*)?(?:days\s+(?:with|of)\s+(?!(?:age|life|treatment|therapy|follow-up|the|a|an|each|every)\b)\p{L}|jours\s+(?:de|d'|avec)\s*(?!(?:vie|traitement|suivi|la|le|les|l'|chaque)\b)\p{L})", OptI);
}
