using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Within-patient comparisons of two visits (two means ± SD and a p) and the visit a statistic is at.
internal static partial class StatisticExtractor
{
    static readonly Regex VisitPhrase = new(@"\b(?:(?<code>[MJWSD]\d{1,3})\b|(?:à|a|at|after|après|au bout de)\s+(?<k>\d+|un|one)\s+(?<unit>mois|months?|ans?|years?|semaines?|weeks?|jours?|days?)\b|(?:week|semaine|month|mois|visit|visite)\s+(?<k2>\d+)|(?<base>baseline|inclusion|l'initiation|initiation|day 0|J0))", OptI);
    static readonly Regex WithinWords = new(@"\b(?:from|de|between|entre|baseline|initiation|inclusion|M0|J0|before|after|avant|après|months?|mois|weeks?|semaines?|visits?|visites?|par rapport|compared with baseline|paired|apparié)\b", OptI);
    /// <summary>A measure recorded in a number of people: "recorded before and after treatment in 86 patients", "assessed at both visits in all 86 women", "mesurée à l'inclusion et à 6 mois chez 86 patients".</summary>
    /// <remarks>A questionnaire completed or returned by them too ("was completed at diagnosis and at 2 years by 1,904
    /// patients", "rempli à l'inclusion et à 6 mois par 212 patientes"): the people who answer it, never staff who rate.</remarks>
    static readonly Regex MeasuredInPeople = new(@"\b(?:recorded|measured|assessed|available|obtained|collected|completed|rated|scored|evaluated|enregistrée?s?|mesurée?s?|recueillie?s?|évaluée?s?|disponibles?|relevée?s?|obtenue?s?|renseignée?s?)\b[^.;:()±=%]{0,80}?\b(?:in|for|from|on|chez|pour|sur)\s+(?:all\s+(?:the\s+)?|the\s+|les\s+|tous\s+les\s+|toutes\s+les\s+|l'ensemble\s+des\s+)?(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéè'-]+\s+)?" + PeopleWords + @"\b"
        + @"|\b(?:completed|returned|answered|filled(?:\s+in|\s+out)?|remplie?s?|complétée?s?|renseignée?s?|retournée?s?)\b[^.;:()±=%]{0,80}?\b(?:by|par)\s+(?:all\s+(?:the\s+)?|the\s+|les\s+|tous\s+les\s+|toutes\s+les\s+)?(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéè'-]+\s+)?" + Respondents + @"\b", OptI);
    /// <summary>Those who answer a questionnaire about themselves (not the staff who rate them).</summary>
    const string Respondents = @"(?:patients?|patientes?|participants?|participantes?|subjects?|sujets|women|men|femmes|hommes|children|enfants|adolescents|adolescentes|respondents|répondants|parents|mothers|mères|caregivers|aidants)";
    /// <summary>
    /// A group of people the comparison is in, by its n: "in the 35 athletes of the eccentric group", "among the 84
    /// practice staff who completed the questionnaire", "chez les 35 sportifs du groupe excentrique" ("chez" speaks of
    /// people whatever the noun). Not a time ("in the 2 weeks"), and in English the people are named as such or by a
    /// relative clause ("in the 3 centres" is no group of people).
    /// </summary>
    static readonly Regex PeopleGroupN = new(@"\b(?:(?:in|among|for)\s+(?:the|these|those|all(?:\s+the)?)\s+(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:(?:[\p{L}'-]+\s+){0,3}?" + PeopleWords + @"\b|(?:[\p{L}'-]+\s+){1,3}?(?:who|whose)\b)"
        + @"|^(?i:among)\s+(?:the|these|those|all(?:\s+the)?)\s+(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?!(?:" + TimeUnitWords + @"|nights?|times|points?|centres?|centers?|sites?|hospitals?|practices|groups?|arms?|cohorts?|countries|regions?|studies|trials)\b)\p{L}[\p{L}'-]*\s*$"
        + @"|\b(?:chez|parmi)\s+(?:les|ces|tous\s+les|toutes\s+les)\s+(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?!(?:" + TimeUnitWords + @"|nuits?|fois|points?|centres?|services?|hôpitaux|groupes?|bras)\b)\p{L}[\p{L}'-]*)", OptI);
    /// <summary>Numbers that are no group's n between a sentence's opening group and a comparison: a scale's range "(0–50,
    /// whole points)", an earlier comparison's means ± SD and its p "(p = 0.11)".</summary>
    static readonly Regex NotAnN = new(@"\(\s*(?:[A-Z][\w-]*\s*[,;]?\s*)?[-−]?\d+\s*(?:–|-|to|à)\s*[-−+]?\d+[^()\d]*\)|\(\s*[pP]\s*[<=>≤≥][^()]*\)|[-−]?\d+(?:[.,]\d+)?\s*±\s*\d+(?:[.,]\d+)?", Opt);
    /// <summary>A sentence opening on the group it speaks of, then a comma: "In the 84 practice staff who completed the
    /// questionnaire at baseline and 6 months, …", "Chez les 36 sportifs revus à 12 semaines, …".</summary>
    static readonly Regex OpeningPeopleGroup = new(@"^\s*(?:" + @"(?<g>" + @"(?:In|Among|For|Chez|Parmi)\b[^.;:,()±=%]{0,120}?)" + @"),", Opt);
    static readonly Regex GroupWords = new(@"\b(?:placebo|groups?|groupes?|arms?|bras|controls?|témoins?|versus|treated patients and)\b", OptI);
    static readonly Regex BetweenGroupsP = new(@"\b(?:vs\.?|versus|compared (?:with|to)|relative to|contre|comparée? (?:au|à|aux))\s+(?:the\s+|le\s+|la\s+|les\s+)?(?:placebo|control|usual care|comparator|other|témoin|contrôle|groupe|bras)|\bbetween (?:the )?(?:groups|arms)\b|\bentre (?:les )?(?:groupes|bras)\b|\binteraction\b", OptI);
    static readonly Regex PairedTest = new(@"\bpaired\b|\bappariée?s?\b|\bpour (?:séries|échantillons) appariée?s\b", OptI);
    static readonly Regex BareWilcoxonWithItsStatistic = new(@"\GWilcoxon(?:\s+(?:rank[- ]sum\s+)?test)?\s*[,:]?\s*[zZWUT]\s*=\s*-?\d", Opt);
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
            return RankTest.Matches(section).Any(m => !GroupComparison(from + m.Index, from, to) && !BareWilcoxonWithItsStatistic.IsMatch(flow, from + m.Index) && !OfMediansWithItsP(from + m.Index, from, to)) && !Regex.IsMatch(section, @"\bpaired[- ](?:samples? )?(?:t|Student)|\btests? t apparié|\bStudent apparié|\bt-tests? for paired", OptI);
        }
        // A bare "Wilcoxon" printed with its own statistic ("spiral drawing improved, Wilcoxon z = 2.18, p = .029",
        // "Wilcoxon W = 812") is the test of that one result, rank-sum or signed-rank: not how the paper compares visits.
        // A rank test named with its p in the bracket of a result on medians ("4 (IQR 2–9) at the first session and 2
        // (IQR 0–4) at week 4 (Wilcoxon signed-rank test, p < .001)") is that result's test: a sentence with no mean ± SD.
        bool OfMediansWithItsP(int at, int sectionStart, int sectionEnd)
        {
            if (!Regex.IsMatch(flow[at..Math.Min(sectionEnd, at + 60)], @"^[^()]*?[,;:]\s*[pP]\s*[<=>≤≥]")) return false;
            var sentence = flow[Math.Max(sectionStart, SentenceStart(sentences, at))..Math.Min(sectionEnd, SentenceEnd(sentences, flow, at))];
            return Regex.IsMatch(sentence, @"\b(?:IQR|EIQ|Q1\s*[-–]\s*Q3|interquartile|medians?|médianes?)\b", OptI) && !Regex.IsMatch(sentence, @"±|\((?:SD|DS|ET)\b|\bmeans?\b|\bmoyennes?\b", OptI);
        }
        // A bare "Wilcoxon" in a sentence that compares groups ("edema improved more with finerenone (Wilcoxon z = 2.51)",
        // "women in the exercise group missed fewer days of class, Wilcoxon z = 2.71",
        // "the mRS was lower after thrombectomy", "favoured motor control exercise") is the rank-sum test of two groups:
        // it says nothing of how the paper compared visits within patients.
        bool GroupComparison(int at, int sectionStart, int sectionEnd)
        {
            if (!Regex.IsMatch(flow[at..Math.Min(sectionEnd, at + 10)], @"^Wilcoxon\b(?![- ]signed|\s+(?:signed|des rangs signés|apparié))", OptI)) return false;
            var sentence = flow[Math.Max(sectionStart, SentenceStart(sentences, at))..Math.Min(sectionEnd, SentenceEnd(sentences, flow, at))];
            return Regex.IsMatch(sentence, @"\b(?:more|less|fewer|lower|higher|greater|smaller|larger|shorter|longer|better|worse|differed|favou?red|than|between|versus|vs\.?|compared|plus|moins|entre|par rapport|favorisait|meilleure?s?|différai(?:en)?t)\b", OptI)
                   && !Regex.IsMatch(sentence, @"\b(?:signed|paired|within|from\s+[-−]?\d|rangs signés|apparié|de\s+[-−]?\d[\d,.]*\s*(?:±|\()[^.]*\bà\s+[-−]?\d)", OptI);
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
            bool own = false;
            // An n in the bracket of the comparison's own p is its n: "… to 158.3 ± 35.2 with the drug (n = 118; P < .001)",
            // "(P < .001; n = 76)", "(P < .001; all 214 eyes)", "(p < 0,001 ; 86 patientes)", whatever other n the sentence holds.
            if ((Regex.Match(flow[p.End..Math.Min(flow.Length, p.End + 30)], @"^\s*[;,]\s*(?:[nN]\s*=\s*(?<n>" + WholeCount + @")|(?:all\s+(?:the\s+)?|tous\s+les\s+|toutes\s+les\s+)?(?<n>" + WholeCount + @")\s+(?:[\p{L}'-]+\s+)?(?:" + PeopleWords + @"|eyes|yeux))\s*\)") is { Success: true } nAfter ? nAfter
                 : Regex.Match(flow[Math.Max(0, p.Start - 30)..p.Start], @"\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*[;,]\s*$")) is { Success: true } ownN
                && (own = true))
                ctx = ctx with { N = ParseWhole(ownN.Groups["n"].Value), NSource = $"'{ownN.Value.Trim('(', ')', ';', ',', ' ')}' with its p", NAtMost = null };
            // The group the second visit's mean is of, with its n in brackets before the p, no other number between ("… to
            // 67.9 (SD 9.1) in the programme group (n = 55), p < .001", "… à 5,1 ± 2,0 dans le groupe B (n = 40) ; p = …").
            if (!own && p.Start > b.Context.End && Regex.Match(flow[b.Context.End..p.Start], @"^[^\d;]*\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)[\s,;:]*(?:\(\s*)?$") is { Success: true } bracket
                && !ClauseBreak.IsMatch(flow[b.Context.End..(b.Context.End + bracket.Groups["n"].Index)]))
            {
                ctx = ctx with { N = ParseWhole(bracket.Groups["n"].Value), NSource = $"'n = {bracket.Groups["n"].Value}' after the second visit's mean", NAtMost = null };
                own = true;
            }
            // An arm named after the second visit's mean ("to 1.87 ± 1.62 after EVLA") is the comparison's.
            if (ctx.N is null && b.Context.N is { } armN && b.Context.NSource.StartsWith(ArmNSource, StringComparison.Ordinal))
                ctx = ctx with { N = armN, NSource = b.Context.NSource, NAtMost = null };
            // A group named after the second visit's mean, before the p, in its clause ("… à 3,1 ± 1,9 à J2 chez les 86
            // patients du groupe IV évalués (p = 0,44)", "to 4.2 ± 2.2 in the 61 patients assessed (P = .29)"), is the comparison's,
            // rather than a group the sentence named in an earlier clause ("… in the 84 methotrexate completers (P < .001) and
            // from 5.0 ± 2.7 to 4.6 ± 2.8 in the 21 placebo completers (P = .63)").
            if (!own && p.Start > b.Context.End && (NPeople.Match(flow[b.Context.End..p.Start]) is { Success: true } people ? people : PeopleGroupN.Match(flow[b.Context.End..p.Start])) is { Success: true } after
                && !ClauseBreak.IsMatch(flow[b.Context.End..(b.Context.End + after.Index)]))
                ctx = ctx with { N = ParseWhole(after.Groups["n"].Value), NSource = $"'{after.Value}' after the second visit's mean", NAtMost = null };
            // The group the sentence opens on, with no other number before the first visit's mean but a time, and no
            // group named between ("In the 84 practice staff who completed the questionnaire at baseline and 6 months, the
            // score went from …"): the comparison's n, for each comparison of the sentence.
            if (ctx.N is null && SentenceStart(sentences, a.Context.Start) is var open && OpeningPeopleGroup.Match(flow[open..a.Context.Start]) is { Success: true } opening
                && PeopleGroupN.Match(opening.Groups["g"].Value) is { Success: true, Index: 0 } group
                && !Regex.IsMatch(NotAnN.Replace(TimePoint.Replace(flow[(open + opening.Index + group.Length)..a.Context.Start], " "), " "), @"\d")
                && !GroupWords.IsMatch(flow[(open + opening.Length)..a.Context.Start]))
                ctx = ctx with { N = ParseWhole(group.Groups["n"].Value), NSource = $"'{group.Value.Trim()}' opening the sentence", NAtMost = null };
            // The people its sentence says the measure was recorded in, with no other number between but a time ("The index
            // was recorded before and after treatment in 86 patients: it fell from …", "La douleur a été mesurée à l'inclusion
            // et à 6 mois chez 86 patients ; elle est passée de …"): the comparison's n.
            if (ctx.N is null && MeasuredInPeople.Matches(flow[SentenceStart(sentences, a.Context.Start)..a.Context.Start]).LastOrDefault() is { } measured
                && !Regex.IsMatch(TimePoint.Replace(flow[(SentenceStart(sentences, a.Context.Start) + measured.Index + measured.Length)..a.Context.Start], " "), @"\d"))
                ctx = ctx with { N = ParseWhole(measured.Groups["n"].Value), NSource = $"'{measured.Value.Trim()}' in the same sentence", NAtMost = null };
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
}
