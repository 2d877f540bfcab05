using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Counts of the levels of one variable whose levels exclude each other (severity, sex, smoking status, NYHA class, …) in running text.
internal static partial class StatisticExtractor
{
    /// <summary>Those who did not give their sex, a level of it: "2 did not report their gender", "5 n'ont pas précisé leur sexe".</summary>
    const string SexNotStated = @"(?:did\s+not|chose\s+not\s+to|declined\s+to)\s+(?:report|state|give|disclose|specify)\s+(?:their\s+)?(?:gender|sex)|n'ont\s+pas\s+(?:précisé|indiqué|déclaré|renseigné|donné)\s+leur\s+(?:sexe|genre)";
    static readonly Regex SexNotStatedLevel = new("^(?:" + SexNotStated + ")", OptI);
    /// <summary>The levels of variables whose levels exclude each other, by variable: a patient is in one of them at most.</summary>
    static readonly (string Variable, string Levels)[] ExclusiveLevels =
    {
        ("sex", @"women|men|females?|males?|femmes|hommes|boys|girls|garçons|filles|non-?binary|non-?binaires?|(?:gave|reported|declared|indiquaient|déclaraient|ont déclaré|ont indiqué)\s+(?:an)?other\s+gender|(?:gave|reported|declared|indiquaient|déclaraient|ont déclaré|ont indiqué)\s+un\s+autre\s+genre|" + SexNotStated),
        // Where each patient was at the study's end: completed it, withdrew or was lost (not "completed the questionnaire", of which a patient may complete several).
        ("disposition", @"completed (?:the )?(?:study|trial|follow-up|protocol)|withdrew|(?:were )?lost to follow-up|(?:ont )?terminé l'étude|(?:sont )?sortis de l'étude|(?:ont )?retiré leur consentement|(?:ont été |été )?perdus de vue"),
        ("smoking status", @"current smokers?|former smokers?|ex-smokers?|never smokers?|non-smokers?|never smoked|(?:had )?(?:quit|stopped) smoking|(?:n'avaient |n'ont |n'a )?jamais fumé|arrêté de fumer|fumeurs actifs|fumeurs actuels|anciens fumeurs|ex-fumeurs|non-fumeurs|jamais fumeurs"),
        ("NYHA class", @"(?:NYHA\s+)?class\s+(?:I|II|III|IV)|(?:classe\s+)?NYHA\s+(?:I|II|III|IV)|classe\s+(?:I|II|III|IV)"),
        ("ECOG performance status", @"ECOG\s+(?:PS\s+)?[0-4]"),
        ("vital status", @"alive|dead|deceased|vivants?|décédée?s?"),
        ("response", @"complete response|partial response|stable disease|progressive disease|no response|réponse complète|réponse partielle|maladie stable|maladie progressive|absence de réponse"),
        ("course", @"improved|unchanged|worsened|amélioré(?:e|s|es)?|inchangé(?:e|s|es)?|aggravé(?:e|s|es)?"),
        ("severity", @"none|no|absent|absente?s?|mild|moderate|severe|nulle|légère|faible|modérée|moyenne|sévère|élevée|forte|non renseignée?s?|missing|unknown|inconnue?s?"),
        // One classification of the patient (Kellgren-Lawrence grade, GOLD stage, Child-Pugh class, stade, stade KDIGO 2): not the grades of adverse events, of which a patient may have several.
        // The name before the level is capitalised whatever the case of the rest ("et stade 3" is the conjunction, not a name).
        ("grade", @"(?:(?-i:[A-Z])[\w-]*\s+)?grade\s+(?:[0-5]|I|II|III|IV|V)(?!\s+(?:adverse|events?|AEs?|toxicit|side|effets|événements|évènements|toxicité))"),
        ("stage", @"(?:(?-i:[A-Z])[\w-]*\s+)?(?:stage|stade)\s+(?:(?-i:[A-Z]{2,}[\w-]*)\s+)?(?:[0-4]|I|II|III|IV)(?![\w-])"),
        ("class", @"(?:(?-i:[A-Z])[\w-]*\s+)?(?:class|classe)\s+(?:[A-D]|[1-4])(?![\w-])"),
        // A numbered category or level of one classification (Rutherford category 0–6, Lung-RADS category 4A/4B/4X, a
        // hypoglycaemia of level 1–3): one per patient at a time, not of events (a patient may have several).
        ("category", @"(?:(?-i:[A-Z])[\w-]*\s+)?(?:category|catégorie|level|niveau)\s+(?:[0-9][A-Z]?|I{1,3}|IV|V)(?![\w-])"),
        // Classifications of one patient by their disease: the type of an aphasia, the motor subtype of a delirium.
        ("aphasia type", @"non-?fluent aphasia|fluent aphasia|global aphasia|aphasie non[- ]?fluente|aphasie fluente|aphasie globale"),
        // How many times a patient had something, or how many doses: "48 fell once, 27 twice and 21 three times or more",
        // "49 ont reçu une seule dose, 20 deux doses et 2 trois doses" (not "three times daily": a dosing frequency).
        ("number of times", @"(?:once|twice|(?:three|four|five|six) times(?: or more)?|more than (?:once|twice)|(?:une (?:seule )?|deux |trois |quatre |cinq )fois(?: ou plus)?|plus de (?:une|deux|trois) fois)(?!\s*(?:a|per|par)\s+(?:day|daily|week|jour|semaine)|\s+(?:daily|weekly|quotidien))"),
        ("number of doses", @"(?:a single|one|two|three|four|une (?:seule )?|deux|trois|quatre)\s*doses?(?: or more| ou plus)?(?!\s*(?:a|per|par)\s+(?:day|daily|week|jour|semaine)|\s+(?:daily|weekly|quotidien))"),
        ("delirium subtype", @"hypoactive?s?|hyperactive?s?|hypoactifs?|hyperactifs?|mixed|mixtes?"),
    };
    /// <summary>
    /// How many of something each patient had, as a distribution: none, one, two (or more) — "49 required no antiemetic, 19
    /// one dose and 8 two or more", "73 sont restés sans poussée, 4 ont eu une poussée et 1 deux poussées". A patient has
    /// one number of them, so the levels exclude each other; counted only when the list names none, one and more than one
    /// (<see cref="IsCountDistribution"/>). Matched on its own pass: its "no …" would take the severity's "no".
    /// </summary>
    static readonly (string Variable, string Levels) NumberHad = ("number had",
        @"no\s+[\p{L}-]{3,}|none|sans\s+[\p{L}-]{3,}|aucune?\s+[\p{L}-]{3,}|(?:one|a single|une?\s+seule?|une?)\s+[\p{L}-]{3,}|(?:at least|au moins)\s+(?:two|deux|2)(?:\s+[\p{L}-]{3,})?|(?:two|three|four|deux|trois|quatre)(?:\s+(?:or more|ou plus))?(?:\s+(?!or\b|ou\b|and\b|et\b)[\p{L}-]{3,})?(?:\s+(?:or more|ou plus))?");
    static bool IsCountDistribution(IReadOnlyList<CategoryCount> list) =>
        list.Any(c => Regex.IsMatch(c.Level, @"^(?:no|none|sans|aucune?)\b")) && list.Any(c => Regex.IsMatch(c.Level, @"^(?:one|a single|une?)\b"))
        && list.Any(c => Regex.IsMatch(c.Level, @"^(?:two|three|four|deux|trois|quatre|at least|au moins)\b"));
    /// <summary>A count as a number (its thousands set apart by a space or a comma: "7 215", "11,902", never the last three digits of one) or in words.</summary>
    static readonly string CountWord = @"(?!(?<=\d[ ,])\d{3}(?!\d))(?<k>" + WholeCount + "|" + CountWords.Pattern + ")";
    /// <summary>"5 patients had mild", "6 une activité moyenne", "44 women", "12 had no … activity", "48 fell once", "49 ont reçu une seule dose", "298 avaient une perte légère" (a French noun before its adjective), "97 patients sous télésurveillance étaient en classe NYHA II" (their people qualified, then their verb): a count, then its level within a few words. Not the denominator of another count ("172 of 9,114 current smokers"), nor the set a statistic is of ("… in the 2,903 female athletes").</summary>
    static readonly Regex CountThenLevel = new(@"(?<![\w.,])(?<!\d\s+(?:of|out of|sur|des|parmi|among)\s+(?:(?:the|les)\s+)?)(?<!\b(?:in|for|chez|pour)\s+(?:the|les|ces)\s+)" + CountWord + @"(?![.,]\d)\s+(?:(?:of|out of|parmi|sur)\s+(?:the|les)\s+\d[\d,]*\s+(?:[\p{L}-]+\s+){0,2}?(?=(?:patients?|participants?|subjects?|sujets?|malades)\s))?(?:(?:patients?|participants?|subjects?|sujets?|malades)\s+(?:(?:(?!(?:of|out|sur|des|parmi|among|and|et|or|ou)\b)[\p{L}'-]+\s+){1,3}?(?=(?:were|étaient|had|avaient|présentaient)\s))?)?(?:(?:(?:sont|ont\s+été)\s+[a-zà-ÿ]{3,}(?:és|ées|is|us)|had|with|were|avaient|(?:ont\s+)?(?:reçu|eu|présenté)|ont|présentaient|étaient|avec|sont|are|received|[a-z]{3,}ed|fell|took)\s+)?(?:(?:in|en)\s+)?(?:(?:an?|(?:une?|des)(?:\s+[\p{L}-]{3,})?)\s+)?(?:(?:activité|activity|disease|forme|form|atteinte|réactions?|reactions?)\s+(?:(?:du|de la|de l'|of)\s*[\w-]+\s+)?)?(?<lev>LEVELS)\b", OptI);
    /// <summary>"mild in 5 patients", "faible chez 8": a level, then its count.</summary>
    static readonly Regex LevelThenCount = new(@"\b(?<lev>LEVELS)\s+(?:\([^()]{1,30}\)\s+)?(?:in|chez|for|pour)\s+" + CountWord + @"(?![.,]\d)(?!\s*%)", OptI);
    /// <summary>CountThenLevel and LevelThenCount with the levels of every variable, each variable's as group v0, v1, ….</summary>
    static readonly Regex[] LevelPatterns = new[] { CountThenLevel, LevelThenCount }.Select(r => new Regex(r.ToString().Replace("LEVELS",
        string.Join("|", ExclusiveLevels.Select((v, i) => $"(?<v{i.ToString(CultureInfo.InvariantCulture)}>{v.Levels})"))), OptI)).ToArray();
    static readonly Regex NumberHadPattern = new(CountThenLevel.ToString().Replace("LEVELS", NumberHad.Levels), OptI);
    /// <summary>"Eleven of the 14 patients (79%)", "Onze des 14 patients (79 %)": a count written as a word, of a denominator.</summary>
    static readonly Regex CountWordOfThenPercent = new(@"(?<![\w.,])" + CountWord + @"\s+(?:" + PeopleWords + @"\s+)?(?:of|out of|des|sur|among|parmi)\s+(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")\s*(?:[\wéè]+\s*){0,2}[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]", OptI);
    static readonly Regex CountBeforeBracket = new(@"(?<![\w.,])(?<n>" + WholeCount + @")\s+(?:[A-Za-zÀ-ÿ'-]+\s+){0,2}?(?:" + PeopleWords + @"|students|étudiants|élèves|pupils|workers|employees|salariés|nurses|infirmières|infirmiers|residents|résidents)(?:\s+[A-Za-zÀ-ÿ'-]+){0,2}\s*\([^()]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    /// <summary>People named otherwise than by their sex: "of the 412 workers" is a total, "of the 98 women" may be one level's count.</summary>
    const string NotBySex = @"(?!(?:women|men|femmes|hommes|boys|girls|garçons|filles)\b)";
    static readonly Regex TotalInSentence = new(@"(?:(?:of|among|parmi|sur|de)\s+(?:the|les|ces)\s+|(?:cohort|cohorte|sample|échantillon|group|groupe)\s+(?:of|de)\s+|\b(?:enrolled|included|recruited|randomi[sz]ed|studied|a inclus|ont inclus|avons inclus|inclu(?:ait|s))\s+)(?<n>" + WholeCount + @")\s+(?:[\wéè'-]+\s+)?(?:" + StudyPeople + "|" + NotBySex + PeopleWords + @")|\b(?:enrolled|included|recruited|studied|analy[sz]ed|a inclus|ont inclus|avons inclus|inclu(?:ait|s)|analysé)\s+(?<n>" + WholeCount + @")\s+(?:stays|séjours|admissions|episodes|épisodes|hospitali[sz]ations|cases|cas)\b|(?<![\w])[nN]\s*=\s*(?<n>" + WholeCount + @")|\b(?:of|among|parmi|sur)\s+(?:the|les|ces)\s+(?<n>" + WholeCount + @")\s+(?:(?:[\p{L}-]+\s+)?(?:given|receiving|treated|assigned|allocated|randomi[sz]ed|traités|opérés|recevant)\b|(?:controls|completers|témoins)\b)", OptI);

    // The total stated in the counts' sentence: of the people it names, an n, or the stays, episodes or cases a registry
    // included ("Le registre a inclus 12 408 séjours : stade KDIGO 1 pour 7 215, …"), the units its counts are then of.
    /// <summary>Counts of two or more levels of one exclusive variable in a sentence, with the totals they may be of.</summary>
    static IEnumerable<CategoryCounts> Categories(PaperText text, int[] sentences, StudyNs studyNs, bool french, CheckOptions options)
    {
        var flow = text.Flow;
        // One pass of each pattern over the text for every variable at once; the group that matched names the variable.
        var variables = ExclusiveLevels.Append(NumberHad).ToArray();
        var byVariable = variables.Select(_ => new List<CategoryCount>()).ToArray();
        foreach (var regex in LevelPatterns)
            foreach (Match m in regex.Matches(flow))
            {
                int v = Enumerable.Range(0, ExclusiveLevels.Length).First(i => m.Groups["v" + i.ToString(CultureInfo.InvariantCulture)].Success);
                var k = m.Groups["k"].Value;
                int count = ParseCount(k) ?? 0;
                if (!byVariable[v].Any(x => x.Start < m.Index + m.Length && x.End > m.Index))
                    byVariable[v].Add(new CategoryCount(count, m.Groups["lev"].Value.ToLowerInvariant(), m.Index, m.Index + m.Length));
            }
        foreach (Match m in NumberHadPattern.Matches(flow))
            byVariable[^1].Add(new CategoryCount(ParseCount(m.Groups["k"].Value) ?? 0, m.Groups["lev"].Value.ToLowerInvariant(), m.Index, m.Index + m.Length));
        for (int vi = 0; vi < variables.Length; vi++)
        {
            var (variable, items) = (variables[vi].Variable, byVariable[vi]);
            foreach (var (list, c0, c1) in items.GroupBy(x => SentenceIndex(sentences, x.Start)).SelectMany(g => Clauses(flow, g.OrderBy(x => x.Start).ToList())))
            {
                if (list.Count < 2 || list.Select(x => x.Level).Distinct().Count() < list.Count) continue;
                if (variable == NumberHad.Variable && !IsCountDistribution(list)) continue;
                int s0 = SentenceStart(sentences, list[0].Start), s1 = SentenceEnd(sentences, flow, list[0].Start);
                var (studyN, studyNSource) = studyNs.At(list[0].Start);
                var sentence = flow[s0..s1];
                // Severities, grades, responses and courses of events (adverse events, episodes, lesions): a patient may have several.
                // Unless the sentence says each patient is counted once ("Classified by their most severe reaction", "Counting each patient once").
                if (variable is "severity" or "grade" or "response" or "course" or "category" && EventWords.IsMatch(sentence) && !CountedOncePhrase.IsMatch(sentence)) continue;
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
                // The total is sought in the clause of the counts: a sentence may give two groups' ("Of the 35 given iron,
                // 24 had no …; of the 33 given placebo, 22 had no …").
                int from = Math.Max(s0, c0), to = Math.Min(s1, c1);
                if (total is null)
                foreach (Match t in TotalInSentence.Matches(flow[from..to]))
                {
                    int at = from + t.Groups["n"].Index;
                    // Not a count of the list, but the set its first count is of ("96 of the 190 varenicline participants had no …, 63 …").
                    if (list.Any(x => at >= x.Start && at < x.End) && !Regex.IsMatch(flow[list[0].Start..at], @"^\S+\s+(?:of|out of|parmi|sur)\s+(?:the|les)\s+$", OptI)) continue;
                    // A total after the categories is theirs only in their clause ("44 women and 28 men (n = 72)", not "…; the control group (n = 15)").
                    if (at > list[^1].End && (ClauseBreak.IsMatch(flow[list[^1].End..at]) || Regex.IsMatch(flow[list[^1].End..(from + t.Index)], @"\d"))) continue;
                    total = ParseWhole(t.Groups["n"].Value);
                    break;
                }
                // The group named right after the last count is the list's: "…, and moderate in 16 and severe in 10 in the
                // vehicle group" after "randomized to tozacitinib (n = 48) or vehicle (n = 24)", though the sentence names both.
                if (total is null && ArmRightAfter.Match(flow, list[^1].End) is { Success: true } after
                    && ArmByPrintedName(flow, after.Index, after.Index + after.Length, s0, studyNs) is { } named)
                {
                    total = named.N;
                    bracketTotal = $"of {ArmNSource} '{named.Name}' ('{named.Source}')";
                    totalSource = $"{ArmNSource} '{named.Name}' ('{named.Source}')";
                }
                // The one arm the counts' clause names, whose n the paper states where the arms are allocated: "moderate in 16 and
                // severe in 10 in the vehicle group" after "randomized to tozacitinib (n = 48) or vehicle (n = 24)".
                // The clause ends at a ";" after the last count ("…, moderate in 15 and severe in 6; after B the numbers were …").
                int semiBefore = flow.LastIndexOf(';', list[0].Start, list[0].Start - from), semiAfter = flow.IndexOf(';', list[^1].End, to - list[^1].End);
                int armFrom = semiBefore >= 0 ? semiBefore + 1 : from, armTo = semiAfter >= 0 ? semiAfter : to;
                if (total is null && ArmOfClause(flow, armFrom, armTo, list[0].Start, studyNs) is { } arm)
                {
                    total = arm.N;
                    bracketTotal = $"of {ArmNSource} '{arm.Name}' ('{arm.Source.Trim()}')";
                    totalSource = $"{ArmNSource} '{arm.Name}' ('{arm.Source.Trim()}')";
                }
                var others = new List<(int, string)>();
                if (total is null)
                {
                    // An n stated earlier in the paragraph ("86 % des patients (n = 12) sont encore traités"), else the study's.
                    int paragraph = ParagraphStart(flow, s0);
                    foreach (Match t in NEquals.Matches(flow[paragraph..s0]))
                        others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value}' earlier in the paragraph"));
                    foreach (Match t in NPeople.Matches(flow[paragraph..s0]))
                        others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value}' earlier in the paragraph"));
                    others.AddRange(SubjectPeople(flow, sentences, paragraph, s0));
                    if (studyN is { } sn) others.Add((sn, $"the study's n ({studyNSource})"));
                    // The n of the group the clause names, as the paragraph gives it as a denominator ("4 of 40 given B").
                    // Only when the counts add up to it: a denominator may be of a part of the group.
                    if (GroupDenominator(flow, studyNs, armFrom, armTo, list[0].Start) is { } group && group.N == list.Sum(c => c.Count)) others.Insert(0, group);
                    // Any count of people in the sentence may be the total ("Of 300 screened, 160 were women and 140 men").
                    // Not the last of a list of counts ("respectivement chez 9, 11, 10 et 18 patients du groupe oral", "in 4, 7 and 12
                    // patients"): that is one group's count, not a total.
                    foreach (Match t in PeopleCount.Matches(sentence).Concat(OfCount.Matches(sentence)))
                        if (!list.Any(x => s0 + t.Index < x.End && s0 + t.Index + t.Length > x.Start) && !ListOfCountsEnd.IsMatch(sentence[..t.Groups["n"].Index]))
                            others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value.Trim()}' in the sentence"));
                }
                int start = list[0].Start, end = list[^1].End;
                var line = text.LineAt(start);
                var ctx = new StatisticContext(start, end, flow[start..end], sentence.Trim(), variable, true, total ?? studyN,
                    total is not null ? totalSource : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated", null)
                    { Page = line.Page, Line = line.Line };
                var counts = new CategoryCounts(ctx, variable, list, total, others);
                yield return bracketTotal is null ? counts : counts with { TotalSource = bracketTotal };
                // The same levels of another group by reference, after a ";": "…, moderate in 15 and severe in 6; after B the
                // numbers were 9, 18 and 14". Only when this list counts its whole group (its sum its group's n).
                bool whole = total == counts.Sum || (total is null && others.Any(o => o.Item1 == counts.Sum));
                if (whole && semiAfter >= 0 && OtherGroupCounts(text, sentences, studyNs, semiAfter + 1, s1, list, variable) is { } other)
                    yield return other;
            }
        }
    }

    /// <summary>Where the paragraph holding a position starts. A blank line followed by a lower-case word is a page break
    /// inside a sentence, not a new paragraph.</summary>
    static int ParagraphStart(string flow, int s0)
    {
        int paragraph = s0;
        do paragraph = Math.Max(0, flow.LastIndexOf('\n', Math.Max(0, paragraph - 2)) + 1);
        while (paragraph > 0 && flow[paragraph..s0].TrimStart() is { Length: > 0 } rest && char.IsLower(rest[0]) && s0 - paragraph < 1500);
        return paragraph;
    }

    /// <summary>People a sentence is about, counted at its start (after a lead-in phrase and its comma): "Of 1,046 adults
    /// switched …", "Parmi les 612 patients, …", "Les 152 patients
    /// (108 hommes, 44 femmes) avaient …", "Entre 2016 et 2023, 23 patients ont débuté …", "We reviewed 146 consecutive
    /// patients". Not a share of them ("19 patients (82,6 %) avaient …": a subgroup).</summary>
    static readonly Regex SubjectPeopleCount = new(@"^\s*(?:(?:[^,.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)){1,60},\s+)?(?:(?:the|les|ces|these|all|tous les|we|nous)\s+(?:(?:have\s+|avons\s+)?[\p{L}-]+\s+)?|(?:of|among|out of|parmi|sur|des)\s+(?:(?:the|all|all the|les|ces)\s+)?)?(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b(?!\s*\(\s*" + Num + @"\s*%)", OptI);

    static readonly Regex AnaphoricLead = new(@"\G\s*(?:(?:of|among|in|out of|parmi|chez|sur|de|d'entre)\s+(?:them|these|those|whom|eux|elles|ceux-ci|celles-ci|ces derniers|ces dernières)\b|(?:they|these|ils|elles|ceux-ci|celles-ci)\s)", OptI);

    /// <summary>The people the sentences of a paragraph before a position are about (<see cref="SubjectPeopleCount"/>), as
    /// totals a list of their levels may be of.</summary>
    static IEnumerable<(int, string)> SubjectPeople(string flow, int[] sentences, int paragraph, int before)
    {
        // A sentence about people an earlier one named by a pronoun ("Parmi eux, 52 …", "Among them, …", "Ils étaient …")
        // is about the people of the sentence just before it.
        int own = SentenceStart(sentences, before);
        if (AnaphoricLead.IsMatch(flow, own))
            paragraph = Math.Max(paragraph, own > 0 ? SentenceStart(sentences, own - 1) : 0);
        foreach (int s in sentences.Where(x => x >= paragraph && x < before).Prepend(paragraph).Distinct())
            if (SubjectPeopleCount.Match(flow, s, Math.Min(before, SentenceEnd(sentences, flow, s)) - s) is { Success: true } m)
                yield return (ParseWhole(m.Groups["n"].Value), $"'{m.Value.Trim()}', the people of a sentence earlier in the paragraph");
    }

    /// <summary>
    /// The counts of one sentence split into clauses, each with where its clause begins and ends: at a ";" between two
    /// counts, or where a level comes back ("absent in 58, mild in 27 … of the 92 given A, and absent in 41, mild in 33
    /// … of the 90 given B": each group's levels once).
    /// </summary>
    static IEnumerable<(List<CategoryCount> List, int Start, int End)> Clauses(string flow, List<CategoryCount> counts)
    {
        var runs = new List<List<CategoryCount>> { new() };
        var breaks = new List<int>();
        foreach (var c in counts)
        {
            var run = runs[^1];
            int semicolon = run.Count > 0 ? flow.IndexOf(';', run[^1].End, c.Start - run[^1].End) : -1;
            // Not before those who did not give their sex ("174 femmes et 141 hommes ; 5 n'ont pas précisé leur sexe").
            if (run.Count > 0 && ((semicolon >= 0 && !SexNotStatedLevel.IsMatch(c.Level)) || run.Any(x => x.Level == c.Level)))
            {
                breaks.Add(semicolon >= 0 ? semicolon : c.Start);
                runs.Add(new());
            }
            runs[^1].Add(c);
        }
        for (int i = 0; i < runs.Count; i++)
            yield return (runs[i], i == 0 ? 0 : breaks[i - 1], i == runs.Count - 1 ? flow.Length : breaks[i]);
    }

    /// <summary>Words saying each person is counted in one category only: "Counting each patient once", "by their most
    /// severe reaction", "En comptant chaque enfant une fois", "selon la plus grave".</summary>
    static readonly Regex CountedOncePhrase = new(@"\bcounting each [\p{L}-]+ once\b|\ben comptant chaque [\p{L}-]+ une (?:seule )?fois\b|\bby (?:their|the|its|his|her) (?:most (?:severe|serious)|worst)\b|\bselon (?:le|la|leur|son|sa) (?:plus (?:grave|sévère)|pire)\b", OptI);
    static readonly Regex BracketedCount = new(@"(?<lev>(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)\s*\(\s*(?<k>\d{1,5})\s*\)", Opt);
    static readonly Regex LevelLead = new(@"^(?:(?:or|and|ou|et|had|have|avaient|ont|an?|une?|des)\s+)+", OptI);
    static readonly Regex CountedOnceTotal = new(@"(?<![\w.,])(?<n>" + WholeCount + @")\s+(?:[\p{L}'’-]+\s+){0,3}?(?:" + PeopleWords + @"|events|événements|évènements)\b", OptI);

    /// <summary>
    /// Categories a sentence says count each person once, each with its count in brackets after its name, against the
    /// people (or events) its clause counts before them: "Counting each patient once, the 11 patients reporting an adverse
    /// event had pain during the session (6), bruising (4) or paresthesia (3)", "En comptant chaque enfant une fois, les
    /// 17 enfants … avaient une forme légère (8), modérée (6) ou sévère (5)". Each clause (up to ";") on its own.
    /// </summary>
    static IEnumerable<CategoryCounts> CountedOnce(PaperText text, int[] sentences)
    {
        var flow = text.Flow;
        foreach (Match phrase in CountedOncePhrase.Matches(flow))
        {
            int s0 = SentenceStart(sentences, phrase.Index), s1 = SentenceEnd(sentences, flow, phrase.Index);
            var sentence = flow[s0..s1];
            for (int c0 = phrase.Index + phrase.Length; c0 < s1;)
            {
                int c1 = flow.IndexOf(';', c0, s1 - c0) is var semi and >= 0 ? semi : s1;
                var list = BracketedCount.Matches(flow, c0).TakeWhile(m => m.Index + m.Length <= c1)
                    .Select(m => new CategoryCount(int.Parse(m.Groups["k"].Value, CultureInfo.InvariantCulture), LevelLead.Replace(m.Groups["lev"].Value.Trim(), "").ToLowerInvariant(), m.Index, m.Index + m.Length)).ToList();
                if (list.Count >= 2 && list.Select(x => x.Level).Distinct().Count() == list.Count
                    && CountedOnceTotal.Match(flow[c0..list[0].Start]) is { Success: true } t)
                {
                    int total = ParseWhole(t.Groups["n"].Value);
                    // The statement runs from the people counted to the last category.
                    int start = c0 + t.Index, end = list[^1].End;
                    var line = text.LineAt(start);
                    var ctx = new StatisticContext(start, end, flow[start..end], sentence.Trim(), "categories counted once", true, total, "the total stated in the sentence", null)
                        { Page = line.Page, Line = line.Line };
                    yield return new CategoryCounts(ctx, "categories, each counted once", list, total, Array.Empty<(int, string)>())
                        { TotalSource = $"of '{t.Value.Trim()}'" };
                }
                c0 = c1 + 1;
            }
        }
    }

    /// <summary>
    /// Events counted by their type against the events they are: "Les 27 événements du groupe VNI étaient 15 réadmissions
    /// pour exacerbation, 7 pour insuffisance cardiaque et 5 décès", "The 19 complications comprised 6 fistulas, 8
    /// haemorrhages …", "Of the 37 recurrences, 21 were atrial fibrillation, 12 atypical flutter and 7 atrial
    /// tachycardia", "se répartissaient en". An event is of one type (a person may have several events: never people).
    /// </summary>
    static readonly Regex EventsByType = new(@"\b(?:(?:the|les|ces|these)\s+|(?:of|among)\s+the\s+|(?:sur|parmi)\s+les\s+)(?<n>\d{1,5})\s+(?:[\p{L}-]+\s+){0,2}?(?<unit>(?:adverse\s+)?events|(?:é|è)vénements(?:\s+indésirables)?|évènements(?:\s+indésirables)?|récidives|recurrences|relapses|rechutes|complications|deaths|readmissions|réadmissions|réhospitalisations|hospitali[sz]ations|infections|episodes|épisodes|fractures)\b(?<q>[^.;:\d()]{0,60}?)(?:\s+(?:were|comprised|consisted of|étaient|comprenaient|se répartissaient en|se répartissent en)\s+|\s*,\s*(?=\d{1,5}\s+(?:were|étaient)\s))(?<list>\d{1,5}\s+[^.;\d()]+?(?:(?:,\s*|\s+(?:and|et)\s+)\d{1,5}\s+[^.;\d()]+?)+)(?=\s*[.;]|\s*$)", OptI);
    static readonly Regex EventTypeItem = new(@"(?<k>\d{1,5})\s+(?<lev>[^,\d]+?)(?=\s*,\s*\d|\s+(?:and|et)\s+\d|$)", OptI);
    /// <summary>A verb in a type's words: "25 occurred in the first month" counts another variable, not a type.</summary>
    static readonly Regex VerbInType = new(@"\b(?:was|were|had|has|have|occurred|happened|led|required|étai(?:en)?t|était|ont|sont|avaient|a|ont eu|sont survenu(?:e?s)?|survenu(?:e?s)?|\p{L}+ed)\b", OptI);

    static IEnumerable<CategoryCounts> EventsCountedByType(PaperText text, int[] sentences)
    {
        var flow = text.Flow;
        foreach (Match m in EventsByType.Matches(flow))
        {
            var list = m.Groups["list"];
            var items = EventTypeItem.Matches(list.Value).ToList();
            if (items.Count < 2) continue;
            var levels = items.Select((x, i) => i == 0 ? Regex.Replace(x.Groups["lev"].Value, @"^(?:were|étaient)\s+", "", RegexOptions.IgnoreCase) : x.Groups["lev"].Value).ToList();
            if (levels.Any(l => VerbInType.IsMatch(l)) || levels.Distinct(StringComparer.OrdinalIgnoreCase).Count() < levels.Count) continue;
            var categories = items.Select((x, i) => new CategoryCount(int.Parse(x.Groups["k"].Value, CultureInfo.InvariantCulture), levels[i].Trim().ToLowerInvariant(),
                list.Index + x.Index, list.Index + x.Index + x.Length)).ToList();
            int total = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            int start = m.Index, end = list.Index + list.Length;
            int s0 = SentenceStart(sentences, start), s1 = SentenceEnd(sentences, flow, start);
            var line = text.LineAt(start);
            var ctx = new StatisticContext(start, end, flow[start..end], flow[s0..s1].Trim(), m.Groups["unit"].Value, true, total, "the total stated in the sentence", null)
                { Page = line.Page, Line = line.Line };
            yield return new CategoryCounts(ctx, $"type of the {m.Groups["unit"].Value.ToLowerInvariant()}", categories, total, Array.Empty<(int, string)>())
                { TotalSource = $"of '{flow[(m.Groups["n"].Index)..(m.Groups["unit"].Index + m.Groups["unit"].Length)]}'" };
        }
    }

    static readonly Regex EventWords = new(@"\b(?:adverse|events?|AEs?|reactions?|side[- ]effects?|toxicit(?:y|ies)|episodes?|lesions?|infections?|bleed(?:s|ing)|flares?|exacerbations?|effets indésirables|événements?|évènements?|réactions?|épisodes?|lésions?|toxicités?|poussées?|saignements?)\b", OptI);
    /// <summary>The text before the last number of a list of counts: "9, 11, 10 et ", "4, 7 and ", "12 or ".</summary>
    static readonly Regex ListOfCountsEnd = new(@"(?<![\w.,])\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|et|or|ou)\s+$|(?<![\w.,])\d+\s*,\s*\d+\s*,\s+$", OptI);
    static readonly Regex OfCount = new(@"\b(?:of|among|out of|parmi|sur)\s+(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)", OptI);
}

// Counts that part a group clause by clause, whatever the variable: "Of the 196 patients assigned to withdrawal, 151
// remained off prednisone at month 12, 29 resumed prednisone and 16 lost their graft or died", "Des 203 patients opérés,
// 168 sont sortis le jour même, 31 le lendemain et 4 plus tard", "Le score d'Apfel était de 2 chez 58 patients, de 3
// chez 71 et de 4 chez 23 sous dexaméthasone".
internal static partial class StatisticExtractor
{
    /// <summary>A group and its n at a clause's head, then a comma and the first count: "Of the 196 patients assigned to
    /// withdrawal, 151 …", "Of the 2,387 5-year-olds with caries, 1,214 …", "of the 92 in the conventional program, 39 …", "Des 27 échecs sous oxygénothérapie standard, 19 …",
    /// "Parmi les 7 214 patients sous inhalateur unique, 4 318 …".</summary>
    /// A sentence may open on the group without an article when its people are named, then a comma: "Of 12,604 patients,
    /// 6,318 …" (not "Of 655 adults screened, 618 were randomised, …", whose first count is the total of those after).
    static readonly Regex GroupHead = new(@"(?:\b(?:of|among|out of)\s+(?:the|these|those|all(?:\s+the)?)\s+|(?<![\p{L}'’])(?-i:Of|Among|Out of)\s+(?=" + WholeCount + @"\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\s*,)|(?<![\p{L}'’])(?:des|parmi\s+(?:les|ces)|sur\s+(?:les|ces))\s+)(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)(?<who>(?:\s+(?:[^\s\d,;:.()][^\s,;:()]*|\d{1,2}-\p{L}[^\s,;:()]*|\d{1,3}\s+(?:days?|weeks?|months?|years?|hours?|jours|semaines|mois|ans|heures)\b|\d+(?:[.,]\d+)?\s*(?:mm|cm|mg|µg|mcg|g|kg|mL|ml|Gy|UI|IU|%)(?![\p{L}\d]))){0,12}?)\s*,\s+$", OptI);
    /// <summary>A group named with its n in a bracket at a clause's head: "Among patients given rituximab (n = 120), 80 …",
    /// "Chez les patients opérés (n = 64), 50 …".</summary>
    static readonly Regex BracketNHead = new(@"\b(?:of|among|in|parmi|chez|dans|sur)\s+[^,;()\d]{1,60}\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)\s*,\s+$", OptI);
    /// <summary>A group's head at a segment's start, words of the clause following it: "Of the 95 patients with a biopsy, the class was".</summary>
    static readonly Regex GroupHeadBefore = new(@"^\s*(?:[^,;\d]{0,40},\s+)?" + GroupHead.ToString().Replace(@"\s*,\s+$", @"\s*,\s+(?=[^,;\d]{0,60}$)"), OptI);
    const string LevelsForm = "levels of one variable";
    /// <summary>One clause of a list, led by its count (a bracket may follow it): "151 remained off prednisone at month 12",
    /// "6 an early treatment failure", "31 le lendemain"; it ends where ", 29", ", and 16", " et 4" opens the next.</summary>
    static readonly Regex CountLedClause = new(@"\G(?<rest>" + RestLead + @")?(?<k>" + WholeCount + @")(?![.,]?\d)(?!\s*(?:%|‰|/|[-–—]\s*\d))(?:\s*\([^()]*\))?\s+(?<lev>(?:(?!\s*,\s+(?:(?:and|et)\s+)?(?:" + RestLead + @")?\d|\s+(?:and|et)\s+(?:" + RestLead + @")?\d|:\s)[^;|\t\n])+?)(?:\s*,\s+(?:(?:and|et)\s+)?(?=(?:" + RestLead + @")?\d)|\s+(?:and|et)\s+(?=(?:" + RestLead + @")?\d)|\s*$)", OptI);
    /// <summary>A count, then "and" and another group's count of the same set: "712 patients with A (56.3%) and 441 with B".</summary>
    /// A lookahead at every count: matches overlap.
    static readonly Regex CountAndOtherGroups = new(@"(?<![\d.,])(?=(?<h>" + WholeCount + @")(?![.,]?\d)(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?\b(?:and|et)\s+(?<k>" + WholeCount + @")(?![.,]?\d)(?!\s*%)(?<after>[^.;()\d]{0,60}))", OptI);

    /// <summary>
    /// The count of another group's set, printed after "and" beside the count of the set a list parts, earlier in the
    /// paper's section: the list parts the 712 responders with A; "712 patients with A (56.3%) and 441 with B" gives B's 441 when
    /// the segment referring back names B ("…; with B these numbers were …"). Only when one count is found.
    /// </summary>
    static (int N, string Source)? ParallelCount(string flow, int from, int to, int setN, string reference)
    {
        if (GroupBeforeNumbers.Match(reference) is not { Success: true } g) return null;
        var name = Regex.Replace(g.Groups["name"].Value, @"\b(?:groupe?s?|arms?|bras|le|la|les|the)\b", "", OptI).Trim().TrimEnd(',', '.').Trim();
        var last = Regex.Match(name, @"[\p{L}][\p{L}'’-]{3,}$").Value;
        if (last.Length == 0) return null;
        var found = CountAndOtherGroups.Matches(flow[from..to]).Where(m => ParseWhole(m.Groups["h"].Value) == setN
                && Regex.IsMatch(m.Groups["after"].Value, @"(?<![\p{L}-])" + Regex.Escape(last) + @"(?![\p{L}-])", OptI))
            .Select(m => (N: ParseWhole(m.Groups["k"].Value), Source: $"of the group '{name}' ('{flow[(from + m.Groups["h"].Index)..(from + m.Groups["after"].Index + m.Groups["after"].Length)].Trim()}', beside the {setN} of the list before)")).Distinct().ToList();
        return found.Select(f => f.N).Distinct().Count() == 1 ? found[0] : null;
    }

    /// <summary>A table's or a figure's caption, a heading within a paper's section.</summary>
    static readonly Regex CaptionAt = new(@"\G\s*(?:Table|Tableau|Figure|Fig\.?)\s*[\dIVX]+\b", OptI);
    /// <summary>People counted, then their copula right before the levels: "the 3,012 intervention children measured were ".</summary>
    static readonly Regex PeopleSubjectOfLevels = new(@"\b(?:the|les|ces)\s+(?<n>" + WholeCount + @")\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b[^.;,\d]{0,40}?\s(?:were|was|étaient|était)\s+$", OptI);
    /// <summary>A level, its count of a group's n, then the comma before the next count: "in place in 59 of the 63 eyes with A, ".</summary>
    static readonly Regex LevelInCountOfGroup = new(@"(?<![\p{L}'’-])(?<lev>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2})\s+(?:in|chez)\s+(?<k>" + WholeCount + @")\s+(?<head>(?:(?:of|out of)\s+the|des|sur)\s+(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)[^,;:.()\d]{0,80}?),\s+$", OptI);
    /// <summary>The members left once the others are counted, which make the list exhaustive: "and the remaining 35 …",
    /// "the other 12 …", "et les 12 autres …", "les 8 restants".</summary>
    const string RestLead = @"(?:the\s+(?:remaining|other)\s+|les\s+(?=" + WholeCount + @"\s+(?:autres|restante?s)\b))";
    /// <summary>Counts only, two or more, the last after "and"/"et": "39, 71 and 31", "chez 17, 13, 4 et 12 enfants"; not
    /// followed by a unit or a percentage.</summary>
    static readonly Regex BareCounts = new(@"(?<![\d.,])(?<k>" + WholeCount + @")(?:\s*,\s+(?<k>" + WholeCount + @"))*\s*,?\s+(?:and|et)\s+(?<k>" + WholeCount + @")(?![.,]?\d)(?!\s*%)(?!\s+(?:years?|ans|months?|mois|weeks?|semaines|days?|jours|hours?|heures|mg|kg|points?)\b)", OptI);
    /// <summary>What says a bare list counts another group: its group or arm named, or the words "corresponding",
    /// "respectively", "the figures were".</summary>
    static readonly Regex OtherGroupSignal = new(@"\b(?:groups?|arms?|groupes?|bras|cohorts?|cohortes?|corresponding|correspondants?|respectively|respectivement|figures|numbers|nombres|counts|chiffres|effectifs)\b", OptI);
    /// <summary>A level of sex: "were men", "women", "femmes".</summary>
    static readonly Regex SexLevel = new(@"\b(?:men|women|males?|females?|boys|girls|hommes|femmes|garçons|filles)\b", OptI);
    /// <summary>The most frequent of things a patient may have several of: "the most common diagnoses were …", "les
    /// causes les plus fréquentes étaient …".</summary>
    static readonly Regex MostCommon = new(@"\b(?:most (?:common|frequent)|commonest|leading|main|principal(?:e|es|aux)?|plus (?:fréquent|courant)e?s?)\b", OptI);
    /// <summary>Stages one after the other, not alternatives: who started and who completed ("180 started treatment and
    /// 160 completed it": the second are among the first).</summary>
    static readonly Regex StartStage = new(@"\b(?:started|began|initiated|commenced|ont commencé|ont débuté|ont initié)\b", OptI);
    static readonly Regex EndStage = new(@"\b(?:complet\w*|finished|terminé\w*|achevé\w*)\b", OptI);
    /// <summary>The steps of a trial's flow of participants (CONSORT: assessed for eligibility, enrolled, allocated,
    /// analysed), each a subset of the one before: "1,532 were screened, and 410 … were randomized" are no partition.</summary>
    static readonly Regex FlowStage = new(@"\b(?:screened|assessed|eligible|approached|invited|contacted|consented|enrolled|recruited|randomi[sz]ed|allocated|included|analy[sz]ed|followed up|dépisté\w*|évalué\w*|éligibles?|sollicité\w*|contacté\w*|invité\w*|inclus|incluse?s|recruté\w*|randomisé\w*|analysé\w*|suivi\w*)\b", OptI);
    /// <summary>Where a clause may open with its count: the segment's start, after ", " or ": ".</summary>
    static readonly Regex ClauseStart = new(@"(?:^\s*|[,:]\s+|" + PartOfPeople + @")(?=\d)", Opt);
    /// <summary>A part of each of the people counted, named before them, their verb after them: "the wrist flexors of 4
    /// patients given B had …", "the scans of 30 children showed …", "les genoux de 12 patients étaient …": the clause's
    /// subject is those people, so its count leads the list.</summary>
    const string PartOfPeople = @"\b(?i:the|les|la|le)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?\s+(?i:of|de|des)\s+(?=" + WholeCount + @"\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b[^,;:.\d]{0,60}?\s(?i:had|were|was|showed|scored|reached|avaient|étaient|présentaient|montraient|atteignaient)\s)";
    /// <summary>The inclusion that makes a clause's count the total of the clauses after it: "239 patients ont été inclus, 121
    /// avant et 118 après".</summary>
    static readonly Regex IncludedClause = new(@"^(?:[\p{L}'’-]+\s+){0,6}?(?:underwent randomi[sz]ation|tirés au sort|enrolled|included|recruited|randomi[sz]ed|allocated|assigned|inclus|incluse?s|recrutée?s|randomisée?s|répartie?s)\b", OptI);
    /// <summary>What a count measures rather than counts people with: "12 months", "40% or more", "3 times".</summary>
    static readonly Regex UnitAfterCount = new(@"^(?:years?|ans|months?|mois|weeks?|semaines?|days?|jours?|hours?|heures?|h|min(?:utes)?|mg|g|kg|µg|ml|l|mm|cm|m|points?|times|fois|°|x|×|vs|versus|(?:of|out of|sur|des|parmi|among)\s+(?:the\s+|les\s+)?\d|(?:to|à|or|ou|in|chez|dans)\s+\d)(?![\p{L}'’])", OptI);
    /// <summary>A total, then a colon and its parts: "18 436 élèves éligibles : 9 214 dans les collèges du programme et 9 222 …",
    /// "412 patients: 201 …".</summary>
    /// Not a number of a range or of a choice ("a stage 2 or 3 ingrown toenail: 104 …", "grade 1 to 2 …:"), nor a stage,
    /// grade or type ("Type 2 diabetes:"), nor the agent of a passive, who are others ("2 148 patients inclus par 186 médecins :").
    static readonly Regex ColonHead = new(@"(?<![\d.,])(?<!\d\s*(?:or|and|to|ou|et|à|[-–])\s*)(?<!\b(?:by|par)\s+)(?<!\b(?:stages?|grades?|types?|class(?:es)?|stades?|levels?|niveaux?)\s+)(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)\s+(?!" + UnitAfterCount.ToString()[1..] + @")[^\d,;:.()]{1,60}?\s*:\s+$", OptI);
    /// <summary>A last clause that gives the list's total: "538 in toothbrushing schools and 521 in varnish schools, 1,059 in all".</summary>
    static readonly Regex InAll = new(@"^(?:in all|in total|overall|altogether|au total|en tout|in both (?:groups|arms)|dans les deux (?:groupes|bras))$", OptI);
    /// <summary>A verb leading a clause's words ("remained", "were readmitted", "ont été transférés", "l'avaient arrêté"): a
    /// clause without one shares the verb of the clause before ("6 an early treatment failure", "31 le lendemain").</summary>
    static readonly Regex LeadingVerbEn = new(@"^(?:[\p{L}'’]+\s+){0,2}?(?:was|were|is|are|had|has|have|did|do|does|could|would|got|went|left|took|fell|lost|kept|made|gave|came|ran|underwent|withdrew|\p{L}{2,}ed)\b", OptI);
    static readonly Regex LeadingVerbFr = new(@"^(?:[\p{L}'’]+\s+){0,2}?(?:n'|l'|en\s+|se\s+|s'|y\s+)?(?:ont|sont|avaient|étaient|a|est|avait|était|\p{L}{3,}aient|\p{L}{3,}ait)\b", OptI);
    /// <summary>A clause that says its members had something: with a symptom or condition, members may be in several clauses.</summary>
    static readonly Regex HadVerb = new(@"\b(?:had|have|has|reported|developed|experienced|presented|complained|avaient|présentaient|rapportaient|ont (?:eu|présenté|développé|rapporté|signalé))\b", OptI);
    /// <summary>A group's head saying its members are counted in another list too: "of whom", "dont", "also".</summary>
    static readonly Regex HeadOverlapWords = new(@"\b(?:also|both|of whom|among whom|of which|aussi|également|dont|parmi lesquel(?:le)?s)\b", OptI);
    /// <summary>Where each member of a group ended up or how they fared: an outcome of which each has one (completed,
    /// withdrew, died, discharged, an adequate response or a failure).</summary>
    static readonly Regex DispositionWords = new(@"\b(?:complet\w*|withdr[ae]w\w*|lost|died|deaths?|dead|alive|discontinu\w*|stopped|remained|continued|resumed|returned|discharged|transferred|readmitted|moved|switched|managed|treated|recovered|cured|respon\w+|failures?|remission|relapsed|started|declined|refused|released|admitted|referred|terminé\w*|arrêt\w*|poursuiv\w*|perdus?|décéd\w*|décès|vivants?|sorti\w*|transféré\w*|réadmis\w*|restés?|repris|traité\w*|pris en charge|guéri\w*|réponse|échecs?|rémission|rechute)\b", OptI);
    /// <summary>The members left over, or the opposite of another clause's: "16 had not returned", "185 elsewhere", "4 plus
    /// tard", "80 pour une autre raison", "the remaining 12".</summary>
    static readonly Regex ResidualWords = new(@"\b(?:others?|another|remaining|rest|elsewhere|later|unknown|not|never|no longer|neither|autres?|ailleurs|plus tard|restants?|inconnu\w*|pas|jamais|aucun\w*|ni)\b", OptI);
    /// <summary>Words saying a member may be in several clauses, or that a clause counts a subgroup of another: "also",
    /// "both", "of whom", "including", "dont", "également"; not "at least" a percentage, a band's threshold ("by at least 50%").</summary>
    static readonly Regex OverlapWords = new(@"\b(?:daily|weekly|a day|a week|par jour|par semaine|quotidien\w*|hebdomadaire\w*|each|per|chacun|chaque|also|both|as well|in addition|including|of whom|among whom|of which|at least(?!\s+\d+(?:[.,]\d+)?\s*%)|more than one|aussi|également|à la fois|dont|notamment|parmi lesquels|parmi lesquelles|au moins(?!\s+\d+(?:[.,]\d+)?\s*%)|plusieurs)\b", OptI);
    /// <summary>What a patient may have several of: symptoms, conditions, findings (a clause sharing "had" with them).</summary>
    static readonly Regex ConditionWords = new(@"\b(?:fever|rash|cough|headaches?|nausea|vomiting|diarrh\w*|fatigue|pain|dizziness|pruritus|itch\w*|insomnia|anxiety|depression|hypertension|diabetes|obesity|dyspn\w*|symptoms?|comorbid\w*|fièvre|éruption|toux|céphalées?|nausées?|vomissements?|douleurs?|vertiges?|prurit|insomnie|anxiété|dépression|diabète|obésité|asthénie|symptômes?|comorbidités?)\b", OptI);
    /// <summary>A time point in a clause: "à S24", "at week 12", "the week-4 visit", "at 6 months", "M12". Clauses at different times count
    /// the same members again ("35 ont été revus à S12 et 31 à S24"), no partition.</summary>
    static readonly Regex TimePoint = new(@"\b(?:(?:at|by|after|à|après|au bout de)\s+)?(?:(?:week|month|day|year|visit|semaine|mois|jour|visite)(?:\s+|-)\d+|\d+\s+(?:weeks?|months?|days?|years?|semaines|mois|jours|ans)\b|[SMJWD]\d{1,3}\b)", Opt);
    /// <summary>Who left a study or a treatment: "lost to follow-up", "who withdrew", "ayant arrêté le capteur", "perdus de vue".</summary>
    static readonly Regex ExitWords = new(@"\b(?:lost to follow-up|withdr[ae]w\w*|discontinu\w*|dropped out|stopped|who (?:left|quit)|perdu(?:e?s)? de vue|ayant (?:arrêté|interrompu|abandonné|quitté)|qui (?:ont|avaient) (?:arrêté|interrompu|abandonné|quitté)|sortie?s de l'étude)\b", OptI);
    /// <summary>Times as the levels of one event, each member's once ("discharged by day 5, 21 on day 6 or 7 and 12 later",
    /// "on day 1 in 22, day 2 in 29 and day 3 or later in 17"): the last open-ended.</summary>
    static readonly Regex LaterLevel = new(@"\b(?:later|or later|thereafter|or more|plus tard|ou plus|ultérieurement|au-delà)\s*$", OptI);
    static bool AtDifferentTimes(IEnumerable<string> levels) => !LaterLevel.IsMatch(levels.Last()) &&
        levels.Select(l => TimePoint.Match(l)).Where(m => m.Success).Select(m => Regex.Replace(m.Value.ToLowerInvariant(), @"^\D+\s+(?=\d)|\D+$", "")).Distinct().Count() >= 2;
    /// <summary>A group's head whose members are events: "Of the 41 infections after …", "Des 27 événements".</summary>
    static readonly Regex EventsHead = new(GroupHead.ToString().Replace(@"\s*,\s+$", "").Replace("(?<who>", @"(?=(?:\s+[^\s,;:.()]+){0,3}?\s+(?:infections?|events?|événements?|évènements?|complications?|episodes?|épisodes?|lesions?|lésions?|bleeds?|fractures?|failures?|échecs?|recurrences?|récidives?|deaths?|décès|readmissions?|réadmissions?|arrêts?)\b)(?<who>"), OptI);
    static readonly Regex NoneWord = new(@"\b(?:no|none|never|sans|aucune?|jamais)\b", OptI);
    /// <summary>The last level of how many each had: "at least two", "au moins deux".</summary>
    static readonly Regex AtLeastTwo = new(@"\b(?:at least (?:two|2)|au moins (?:deux|2))\b", OptI);
    /// <summary>Words of overlap a partition's levels use too: "also" (a step added to the one before: "61 were managed with
    /// diet alone, 31 also received metformin"), and "both" where other levels say "only"/"alone" or is the last of three,
    /// the level of those in the two before ("38 had an MCP joint treated, 24 a PIP joint and 8 both"): a partition when
    /// the list adds up exactly to its group's n.</summary>
    static Regex NotOverlapInPartition(IReadOnlyList<string> levels) =>
        levels.Any(l => AloneWords.IsMatch(l)) || (levels.Count == 3 && BothAlone.IsMatch(levels[^1])) ? AlsoOrBoth : AlsoWords;
    static readonly Regex BothAlone = new(@"^(?:(?:had|have|avaient|ont|étaient|were)\s+)?(?:both|les deux)$", OptI);
    static readonly Regex AloneWords = new(@"\b(?:only|alone|seule?s?|uniquement)\b", OptI);
    static readonly Regex AlsoWords = new(@"\b(?:also|aussi|également)\b", OptI);
    static readonly Regex AlsoOrBoth = new(@"\b(?:also|aussi|également|both|à la fois|les deux)\b", OptI);
    /// <summary>A bracket that closes a clause's words, describing its level in words: " (score 0 or 1)"; not a share
    /// "(56.5%)" nor an n.</summary>
    static readonly Regex ClosingGloss = new(@"^\s*\(\s*(?![nN]\s*=)\p{L}[^()]*\)\s*$", Opt);
    /// <summary>The people a clause counts, named by their sex before its verb: "women in the A group had …", "femmes
    /// du groupe A avaient …": all of them are women, the level is after the verb.</summary>
    static readonly Regex PeopleBeforeVerb = new(@"^(?:women|men|femmes|hommes|girls|boys|filles|garçons|males|females)\b(?:\s+[^\s,;]+){0,6}?\s+(?:had|have|were|was|avaient|étaient|ont|sont|\p{L}{2,}ed|\p{L}{3,}aient)\b", OptI);
    static readonly Regex OneWord = new(@"\b(?:one|a single|once|une?(?:\s+seule?)?|une fois)\b", OptI);
    static readonly Regex MoreWord = new(@"\b(?:two|three|four|twice|deux|trois|quatre|at least|au moins|or more|ou plus)\b", OptI);
    static readonly Regex NumberWordLead = new(@"^(?:one|a single|two|three|four|five|une?\s+seule?|deux|trois|quatre|cinq)\b", OptI);
    /// <summary>A level then its count, as a list's item: "left-sided in 68", "de 2 chez 58 patients", "l'adalimumab chez 41
    /// patients", "III in 21"; the people's word may follow the count.</summary>
    static readonly Regex InCount = new(@"\s(?:in|chez|(?<!(?:multipliée?s?|divisée?s?)\s)par)\s+(?<k>" + WholeCount + @")(?![.,]?\d)(?!\s*(?:%|‰|/|[-–—]\s*\d))(?:\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b(?:\s+(?:of|in)\s+the\s+[\p{L}-]+\s+(?:group|arm)\b|\s+(?:du|des)\s+(?:groupe|bras)\s+[\p{L}-]+(?:\s+(?!(?:et|ou|de|à)\b)[\p{L}-]+){0,2}(?=\s*[,;.]|\s+et\b)|\s+(?:of|in)\s+the\s+[\p{L}-]+(?:\s+[\p{L}-]+){1,2}?\s+(?:group|arm)\b|" + GroupAfterPeople + @")?)?(?:\s*\([^()]*\))?", OptI);
    /// <summary>The group of the people counted, named after them up to the item's comma: "given botulinum toxin", "treated
    /// with phenol", "after surgery", "sous spiramycine", "traités par laser".</summary>
    const string GroupAfterPeople = @"\s+(?:given|after|treated\s+(?:with|by)|receiving|taking|on|under|sous|après|traitée?s?\s+par|recevant)\s+(?:the\s+|an?\s+|l['’]|le\s+|la\s+)?[\p{L}][\p{L}\d.-]*(?:\s+(?!(?:and|or|et|ou|in|chez)\b)[\p{L}\d][\p{L}\d.-]*){0,2}(?=\s*[,;.])";
    /// <summary>The first level of a list, tried in turn: after "was"/"était", after the clause's comma or colon, its last three words.</summary>
    static readonly Regex[] FirstLevel = new[] { @"(?:\b(?:was|were|était|étaient|a été|ont été)|s['’]agissait)\s+", @"[,:]\s*", @"(?<![\p{L}'’-])" }
        .Select(lead => new Regex(lead + @"(?<lev>" + NumberLevel + "|" + ValueBand + @"|[IVX]{1,4}(?:\s*[-–]\s*[IVX]{1,4})?|" + CodeLevel + @"|[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2})(?:\s*\([^()]{1,60}\))?\s*$", OptI)).ToArray();
    /// <summary>A level that is a band of a measured value, with its unit: "de 11 à 20 dB", "above 20 dB", "supérieur à 20 dB",
    /// "10 mmHg or less", "of 2 cm or more"; of a time or a change too, with its preposition: "en moins de 5 minutes", "entre 5
    /// et 10 minutes", "after more than 10 minutes", "by 25% to 49%", "within 15 to 28 days".</summary>
    const string ValueBand = @"(?:(?:de|of|from|within|in|after|before|by|en|après|avant|dans|entre|between)\s+|d')?(?:(?:above|below|over|under|more than|less than|fewer than|at least|supérieure?s?|inférieure?s?|plus de|moins de|au moins)\s+(?:à\s+)?)?\d+(?:[.,]\d+)?(?:\s*%?\s*(?:à|to|-|–|and|et)\s*\d+(?:[.,]\d+)?)?\s*(?:%|[\p{L}]{1,8}(?:/[\p{L}]{1,4})?)(?:\s+(?:ou|or)\s+(?:moins|plus|more|less))?";
    /// <summary>A level that is a value or a band of values of a scale: "de 0 ou 1", "2 or 3", "1–2", "de 4 ou plus", "6 or more".</summary>
    const string NumberLevel = @"(?:de\s+|d'|of\s+)?\d{1,2}(?:\s*[-–]\s*\d{1,2}|\s+(?:ou|or|à|to)\s+\d{1,2})?(?:\s+(?:or more|or less|or above|ou plus|ou moins|et plus))?";
    /// <summary>A level named by a code, capitals then a number: a nerve root or vertebra ("C5", "L4", "S1").</summary>
    const string CodeLevel = @"(?-i:[A-Z]{1,3}\d{1,2})";
    /// <summary>The copula that makes the levels after it the values of the sentence's subject: "The site was left-sided in
    /// 68, …", "Le score d'Apfel était de 2 chez 58 …", "L'anti-TNF reçu était l'adalimumab chez 41 …".</summary>
    /// <summary>A condition as the subject of the first clause, its verb after it: "la douleur avait disparu … chez 19, était
    /// légère chez 32 …", "pain had resolved in 19, was mild in 32 …": the levels are its states, not conditions.</summary>
    static readonly Regex ConditionAsSubject = new(ConditionWords + @"(?=\s+(?:[\p{L}'’-]+\s+)?(?:was|were|is|are|had|has|remained|became|\p{L}{3,}ed|était|étaient|est|sont|avait|avaient|a|ont|restait|restaient|devenait|demeurait)\b)", OptI);
    /// <summary>A condition named with its severity, the levels of the one variable: "no pain … mild pain in 16 and moderate
    /// pain in 7", "une douleur légère chez 16".</summary>
    static readonly Regex ConditionBySeverity = new(@"\b(?:no|mild|moderate|severe|slight|intense|aucune?|légère?s?|modérée?s?|sévères?|intenses?|faibles?)\s+(?:[\p{L}-]+\s+)?" + ConditionWords + @"|" + ConditionWords + @"\s+(?:légère?s?|modérée?s?|sévères?|intenses?|faibles?|mild|moderate|severe)\b", OptI);
    static readonly Regex CopulaBefore = new(@"(?:\b(?:was|were|était|étaient|a été|ont été)|s['’]agissait)\s+(?:(?:de|d'|l'|le|la|les|du|des|an?|the)\s*)?$", OptI);
    /// <summary>A copula whose subject is what each member had, one each: "il s'agissait de …", "it was …".</summary>
    static readonly Regex ImpersonalCopula = new(@"(?:\bil\s+s['’]agissait|\bit\s+was)\s+(?:(?:de|d'|an?|the)\s*)?$", OptI);
    /// <summary>A level that is a band of a value, whole: "by 25% to 49%", "en moins de 5 minutes".</summary>
    static readonly Regex ValueBandLevel = new("^" + ValueBand + "$", OptI);
    static readonly Regex Article = new(@"^(?:the|an?|le|la|les|l'|l’|une?|des|du|de la)\b", OptI);
    /// <summary>Levels that are the values of one scale: a number, a roman numeral, a letter, or a type or a named scale's value with one ("type A", "G1–G2", "GOLD 3", "NYHA III").</summary>
    static readonly Regex ScaleValue = new(@"^(?:(?:de|d'|type|grade|stade|stage|class|classe|(?-i:[A-Z][A-Z0-9]+)(?=\s))\s*)?(?:\d{1,2}|[IVX]{1,4}|[A-E])(?:\s*[-–]\s*(?:\d{1,2}|[IVX]{1,4})|\s+(?:ou|or|à|to)\s+\d{1,2})?(?:\s+(?:or more|or less|or above|ou plus|ou moins|et plus))?$", OptI);

    /// <summary>A list of counts that parts one group, found in the text, with what makes its parts exclusive, if anything.</summary>
    sealed record ClauseList(List<CategoryCount> Items, int SegmentStart, int SegmentEnd, bool Exclusive, string Form)
    {
        /// <summary>A total the list's clauses state ("239 patients ont été inclus"), with where the statement starts (-1: at the list).</summary>
        public (int N, int At, string Source)? Head { get; init; }
        /// <summary>A clause counts the members left ("the remaining 35"): the counts must make up the total.</summary>
        public bool Exhaustive { get; init; }
        /// <summary>No word or form says a member may be in two of its clauses (no "also", "of whom", events, symptoms
        /// shared by "had", doses, stages, times): the list may part its group, which the same list of another group
        /// adding up to its n shows.</summary>
        public bool Plain { get; init; }
        /// <summary>A bare list of counts giving another group's numbers for the levels of the list before it ("these
        /// numbers were 41, 21 and 11"): its group's head may come before the words that refer back ("parmi les 31 échecs
        /// du groupe B, ces nombres étaient de 17 et 16").</summary>
        public bool ByReference { get; init; }
    }

    /// <summary>
    /// Lists of counts, two or more, each in a clause of its own in one segment of a sentence (up to a ";"), whatever the
    /// variable: led by their counts after a group's head ("Of the 196 patients …, 151 remained …, 29 resumed … and 16
    /// lost …"), or each after its level ("left-sided in 68, extensive in 49"). Their total is the group's head, else the
    /// one arm their segment names, else the totals that may apply; their sum above it is inconsistent only when the
    /// clauses exclude each other by their form: a verb the clauses share (the later ones omit it: "281 had an adequate
    /// response, 6 an early treatment failure"), an outcome each member has one of (completed, withdrew, died,
    /// discharged), a clause of the members left over ("16 had not returned", "80 pour une autre raison"), or levels set
    /// after "was"/"était" or on one scale ("III in 21, IV in 52"). Never where a clause says members may be counted
    /// twice ("also", "of whom", "each", "dont"), the shared verb is "had" a symptom or condition ("30 had fever, 20
    /// rash"), the clauses count events ("grade 3 adverse events", unless the patients with none are counted too), are at
    /// different times ("35 revus à S12 et 31 à S24"), give a dose's frequency ("twice daily"), or how many each had
    /// without naming none, one and more ("41 required no antiemetic and 43 two doses"). Clauses that may overlap are
    /// reported only when they add up to their total.
    /// </summary>
    static IEnumerable<CategoryCounts> ClauseCounts(PaperText text, int[] sentences, StudyNs studyNs, bool french)
    {
        var flow = text.Flow;
        var lists = new List<ClauseList>();
        for (int si = 0; si < sentences.Length; si++)
        {
            int s0 = sentences[si], s1 = si + 1 < sentences.Length ? sentences[si + 1] : flow.Length;
            var inSentence = new List<ClauseList>();
            for (int g0 = s0; g0 < s1;)
            {
                int g1 = flow.IndexOf(';', g0, s1 - g0) is var semi and >= 0 ? semi : s1;
                inSentence.AddRange(CountLedLists(flow, s0, g0, g1, french));
                inSentence.AddRange(LevelInCountLists(flow, g0, g1));
                inSentence.AddRange(BracketedCountLists(flow, g0, g1));
                // A bare list of counts after a list, as many as its levels: the same levels in another group ("in the
                // placebo group the corresponding numbers were 39, 71 and 31", "dans le groupe suivi habituel, 198, 247 et 171").
                // Or a group named at the segment's head, then its counts alone: "…; after B, 52, 31 and 21".
                if (!inSentence.Any(l => l.SegmentStart == g0) && inSentence.LastOrDefault() is { } before
                    && BareCounts.Matches(flow[g0..g1]).FirstOrDefault(m => m.Groups["k"].Captures.Count == before.Items.Count) is { } bare
                    && (OtherGroupSignal.IsMatch(flow[g0..g1]) || (GroupLeadThenCounts.Match(flow[g0..g1]) is { Success: true } lead && lead.Length == bare.Index
                        && Regex.IsMatch(flow[(g0 + bare.Index + bare.Length)..g1], @"^\s*[.)]?\s*$"))))
                    inSentence.Add(before with
                    {
                        Items = bare.Groups["k"].Captures.Select((c, i) => new CategoryCount(ParseWhole(c.Value), before.Items[i].Level, g0 + c.Index, g0 + c.Index + c.Length)).ToList(),
                        SegmentStart = g0, SegmentEnd = g1, Head = null, ByReference = true,
                    });
                g0 = g1 + 1;
            }
            // A list with the levels of an exclusive one in the sentence is exclusive too ("…; sous placebo, de 2 chez 55 patients, de 3 chez 74 …").
            // So is one whose levels each hold the last word of the exclusive one's ("constant in 29 … and intermittent in 19; in
            // the B group, 27 had constant pain and 22 intermittent pain").
            foreach (var l in inSentence)
                lists.Add(l.Exclusive || !inSentence.Any(o => o.Exclusive && (o.Items.Select(x => x.Level).SequenceEqual(l.Items.Select(x => x.Level)) || SameLevelsWorded(o.Items, l.Items))) ? l
                    : l with { Exclusive = true, Plain = true });
        }
        var resolved = new List<(ClauseList L, int? Total, string Source, int Start, int End, List<(int, string)> Others, int S0, string Sentence)>();
        // Lists whose total is a denominator the paper gives with their group's name ("14 of 58 after B"): a group's n only
        // when the list before them parts its own group exactly.
        var byDenominator = new HashSet<ClauseList>();
        foreach (var l in lists)
        {
            var list = l.Items;
            int s0 = SentenceStart(sentences, list[0].Start), s1 = SentenceEnd(sentences, flow, list[0].Start);
            var sentence = flow[s0..s1];
            int? total = null;
            string source = "";
            var others = new List<(int, string)>();
            int start = list[0].Start, end = list[^1].End;
            if (l.Head is { } stated)
            {
                (total, source) = (stated.N, $"of '{stated.Source}'");
                // The statement runs from the clause or people stating the total ("239 patients ont été inclus, 121 …",
                // "Les 5 enfants perdus de vue … l'ont été pour déménagement (2), …").
                if (stated.At >= 0) start = stated.At;
            }
            else if ((GroupHead.Match(flow[l.SegmentStart..list[0].Start]) is { Success: true } of ? of
                     : ColonHead.Match(flow[l.SegmentStart..list[0].Start]) is { Success: true } colon ? colon
                     : BracketNHead.Match(flow[l.SegmentStart..list[0].Start]) is { Success: true } bracketN ? bracketN
                     // Levels after their variable may follow the group's head: "Of the 95 patients with a biopsy, the class was III in 21, …".
                     : l.Form == LevelsForm || l.ByReference ? GroupHeadBefore.Match(flow[l.SegmentStart..list[0].Start]) : Match.Empty) is { Success: true } head)
            {
                total = ParseWhole(head.Groups["n"].Value);
                source = $"of '{head.Value.TrimEnd(',', ' ')}'";
                // The statement runs from the group's head: "Parmi ces 10 femmes transfusées, 6 …".
                start = l.SegmentStart + head.Index;
            }
            // Exclusive levels, then the people they part right after the last count: "breastfeeding was exclusive in 133,
            // mixed in 62 and absent in 21 of the 214 infants given dextrose", "absent chez 21 des 214 nourrissons".
            else if (l.Exclusive && TrailingTotal.Match(flow, end) is { Success: true } trailing)
            {
                total = ParseWhole(trailing.Groups["n"].Value);
                source = $"of '{trailing.Value.Trim()}'";
            }
            // The people counted as the subject of the levels, before the arm they are of: "the 3,012 intervention children
            // measured were underweight in 87, …", "les 3 012 enfants mesurés étaient …".
            else if (l.Form == LevelsForm && PeopleSubjectOfLevels.Match(flow[l.SegmentStart..list[0].Start]) is { Success: true } subject)
            {
                total = ParseWhole(subject.Groups["n"].Value);
                source = $"of '{subject.Value.Trim()}'";
            }
            // The other group's count of the set the list before parts, printed beside that set's count earlier in the paper's section:
            // "response in 712 patients with A and 441 with B. … Of the 712 responders with A, …; with B these numbers were …".
            else if (l.ByReference && resolved.LastOrDefault(o => o.S0 == s0 && o.L.SegmentStart < l.SegmentStart).Total is { } setN
                     && ParallelCount(flow, studyNs.Headings?.LastOrDefault(h => h <= s0 && !CaptionAt.IsMatch(flow, h)) ?? 0, s0, setN, flow[l.SegmentStart..list[0].Start]) is { } parallel)
                (total, source) = parallel;
            // An arm's n stated in the list's own sentence is one of its counts ("assigned to A (n = 312) or B (n = 309)").
            else if (ArmOfClause(flow, l.SegmentStart, l.SegmentEnd, list[0].Start, studyNs) is { } arm && arm.At < s0)
            {
                total = arm.N;
                source = $"of {ArmNSource} '{arm.Name}' ('{arm.Source.Trim()}')";
            }
            else if (ArmByPrintedName(flow, l.SegmentStart, l.SegmentEnd, s0, studyNs) is { } printed)
            {
                total = printed.N;
                source = $"of {ArmNSource} '{printed.Name}' ('{printed.Source}')";
            }
            // The denominator the paragraph gives with the group's name: "…; after B, 52, 31 and 21" and "19 of 102 after B".
            // The comparator of a two-arm trial named by its role ("in the placebo group", "dans le groupe contrôle") where no
            // arm bears that name, in a sentence naming the other arm: the arm not named.
            else if (ComparatorArm(flow, sentences, l.SegmentStart, list[0].Start, s0, studyNs) is { } comparator)
                (total, source) = comparator;
            // The denominator the paper gives with the name of the group the list's head or first item names ("none in 25
            // patients treated with B, …", "…; after B, 52, 31 and 21" and "19 of 102 after B").
            else if (GroupDenominator(flow, studyNs, l.SegmentStart, l.ByReference || list.Count < 2 ? list[0].Start : list[1].Start, list[0].Start) is { } group)
            {
                (total, source) = (group.N, "of " + group.Source);
                byDenominator.Add(l);
            }
            else
            {
                var (studyN, studyNSource) = studyNs.At(list[0].Start);
                // The arms of an allocation ("randomly assigned to A (n = 112) or B (n = 110)") make the study's n: only a total
                // stated with them is theirs.
                if (studyN is { } sn && !(l.Form == LevelsForm && ArmsAllocated.IsMatch(flow[l.SegmentStart..l.SegmentEnd]))) others.Add((sn, $"the study's n ({studyNSource})"));
                // The people of the paragraph's sentences up to the list's segment ("Les 152 patients (…) avaient … . Ils
                // étaient en classe NYHA II (n = 61), III (n = 74) ou IV (n = 19)").
                if (l.Exclusive) others.AddRange(SubjectPeople(flow, sentences, ParagraphStart(flow, s0), l.SegmentStart));
                // A total in the list's own segment: another segment's "(n = 41)" is another list's count.
                foreach (Match t in TotalInSentence.Matches(flow[l.SegmentStart..l.SegmentEnd]))
                    if (!list.Any(x => l.SegmentStart + t.Groups["n"].Index >= x.Start && l.SegmentStart + t.Groups["n"].Index < x.End))
                        others.Add((ParseWhole(t.Groups["n"].Value), $"'{t.Value.Trim()}' in the sentence"));
            }
            resolved.Add((l, total, source, start, end, others, s0, sentence));
        }
        foreach (var (l, total, source, start, end, others, s0, sentence) in resolved)
        {
            var list = l.Items;
            int sum = list.Sum(x => x.Count);
            if (total is null && others.Count == 0) continue;
            // The same levels of another group in the sentence, adding up exactly to that group's n, show that no member
            // is in two of them: "of the 98 given A, 41 …, 38 … and 19 …; in the placebo group, the numbers were 12, 27 and
            // 59" (98 of 96). Parallel lists: as many counts, a level in common (a bare list takes the levels before it).
            // A sum below the total stays a missing value: one group may have lost members the other did not.
            var partition = total is null || sum <= total || !l.Plain ? default
                : resolved.FirstOrDefault(o => o.L != l && o.S0 == s0 && o.L.SegmentStart != l.SegmentStart && o.L.Plain && o.Total is { } n
                    && o.L.Items.Count == list.Count && o.L.Items.Sum(x => x.Count) == n
                    && (o.L.Items.Any(x => list.Any(y => y.Level == x.Level)) || SameLevelsWorded(o.L.Items, list)));
            // Clauses that may overlap say something only when they add up to their total.
            if (!l.Exclusive && partition.L is null && sum != total && !others.Any(o => o.Item1 == sum)) continue;
            bool unsure = byDenominator.Contains(l) && sum > total && partition.L is null;
            var line = text.LineAt(start);
            var ctx = new StatisticContext(start, end, flow[start..end], sentence.Trim(), "clauses of one group", true, total,
                total is not null ? source : "no n stated", null) { Page = line.Page, Line = line.Line };
            var counts = new CategoryCounts(ctx, l.Form, list, total, others) { MayOverlap = (!l.Exclusive && partition.L is null) || unsure, Exhaustive = l.Exhaustive && !byDenominator.Contains(l) };
            if (partition.L is not null)
                counts = counts with { ExclusiveShown = $"the same levels of another group add up exactly to its n of {partition.Total} {partition.Source} ('{flow[partition.Start..partition.End]}'): no member is in two of them" };
            yield return total is null ? counts : counts with { TotalSource = source };
        }
    }

    /// <summary>A segment that names a group, then gives its counts alone: "after B, 52, 31 and 21", "in the B group, 48, 17
    /// and 9", "of the 3,274 treated with B, 2,487, 402, 311 and 104", "sous B, 12, 9 et 4" (the group's words end at the
    /// comma before the first count).</summary>
    static readonly Regex GroupLeadThenCounts = new(@"^\s*(?:(?:and|et|while|whereas|alors que|tandis que)\s+)?(?:in|after|with|under|on|among|for|given|of|sous|après|avec|chez|dans|pour|parmi|par|des|sur)\s[^;:]{1,80}?,\s+(?=\d)", OptI);
    /// <summary>The group a segment names before "the numbers were": "after saline the numbers were", "with B these numbers were",
    /// "sous B, ces nombres étaient".</summary>
    static readonly Regex GroupBeforeNumbers = new(@"^\s*(?:(?:and|et|while|whereas|alors que|tandis que)\s+)?(?:in|after|with|under|on|among|given|for|sous|après|avec|chez|dans|pour|parmi|par)\s+(?:the\s+|l['’]|le\s+|la\s+|les\s+|an?\s+)?(?<name>[\p{L}\d][\p{L}\d.,'’‐-]*(?:\s+(?!(?:the|these|ces|les|group|arm|groupe|bras)\b)[\p{L}\d][\p{L}\d.,'’‐-]*){0,3}?)(?:\s+(?:group|arm|groupe|bras))?\s*,?\s+(?:the|these|ces|les)\s+(?:corresponding\s+)?(?:numbers|figures|counts|nombres|chiffres|effectifs)\b", OptI);

    /// <summary>
    /// The counts of another group for the levels of a list, by reference in the segment after it: its group named at the
    /// segment's head and its counts alone, as many as the list's ("…; after B the numbers were 9, 18 and 14", "…; in the B
    /// group, 48, 17 and 9", "…; dans le groupe B, ces nombres étaient de 8, 16, 18 et 11"). Their total: the group's head
    /// ("of the 3,274 treated with B,"), else the n of the group named (<see cref="GroupN"/>). Null when the segment holds
    /// anything after the counts, or the group's n is not known.
    /// </summary>
    static CategoryCounts? OtherGroupCounts(PaperText text, int[] sentences, StudyNs studyNs, int g0, int s1, IReadOnlyList<CategoryCount> levels, string variable)
    {
        var flow = text.Flow;
        int g1 = flow.IndexOf(';', g0, s1 - g0) is var semi and >= 0 ? semi : s1;
        var segment = flow[g0..g1];
        var lead = GroupLeadThenCounts.Match(segment);
        if (!lead.Success && !OtherGroupSignal.IsMatch(segment)) return null;
        var bare = BareCounts.Matches(segment).FirstOrDefault(m => m.Groups["k"].Captures.Count == levels.Count);
        // The counts end the segment: nothing follows them that could make them other counts.
        if (bare is null || !Regex.IsMatch(segment[(bare.Index + bare.Length)..], @"^\s*[.)]?\s*$")) return null;
        if (!(lead.Success && lead.Length == bare.Index) && !GroupBeforeNumbers.IsMatch(segment[..bare.Index])) return null;
        var items = bare.Groups["k"].Captures.Select((c, i) => new CategoryCount(ParseWhole(c.Value), levels[i].Level, g0 + c.Index, g0 + c.Index + c.Length)).ToList();
        if (GroupN(flow, sentences, studyNs, g0, g0 + bare.Index, items[0].Start) is not { } n) return null;
        int start = items[0].Start, end = items[^1].End;
        int s0 = SentenceStart(sentences, start);
        var line = text.LineAt(start);
        var ctx = new StatisticContext(start, end, flow[start..end], flow[s0..SentenceEnd(sentences, flow, start)].Trim(), variable, true, n.N, n.Source, null)
            { Page = line.Page, Line = line.Line };
        return new CategoryCounts(ctx, variable, items, n.N, Array.Empty<(int, string)>()) { TotalSource = n.Source };
    }

    static readonly Regex ComparatorLead = new(@"^\s*(?:(?:in|of)\s+the\s+(?<role>placebo|sham|control|usual[- ]care)\s+(?:group|arm)|(?:dans\s+le|du)\s+(?:groupe|bras)\s+(?<role>placebo|contrôle|témoin|simulation|soins\s+habituels))\s*,?\s*$", OptI);

    /// <summary>
    /// The n of a two-arm trial's comparator, named by its role at a list's head ("in the placebo group, 28 …") where no arm
    /// of the allocation bears that name: the arm other than the one the rest of the sentence names ("… in 31 participants
    /// of the block group …; in the placebo group, 28 …").
    /// </summary>
    static (int N, string Source)? ComparatorArm(string flow, int[] sentences, int from, int to, int s0, StudyNs studyNs)
    {
        if (ComparatorLead.Match(flow[from..to]) is not { Success: true } lead || TwoArms(studyNs, s0) is not { } two) return null;
        var role = lead.Groups["role"].Value;
        if (studyNs.ArmsCalled(role, s0).Any()) return null;
        // Two arms allocated, no third: the statement of the arms gives two n's only.
        var allocation = studyNs.Arms.Where(a => a.Source == two.First.Source && a.At < s0).Select(a => a.At).DefaultIfEmpty(-1).Max();
        if (allocation < 0 || Regex.Matches(flow[allocation..SentenceEnd(sentences, flow, allocation)], @"\(\s*[nN]\s*=").Count != 2) return null;
        // The other arm named in the sentence, outside this segment.
        // The named arm told from the other by its n (two arms of one n give the comparator that n either way).
        int? namedN = ArmOfClause(flow, s0, from, from, studyNs) is { } arm && arm.At < s0 ? arm.N
            : ArmByPrintedName(flow, s0, from, s0, studyNs) is { } printed ? printed.N : null;
        if (namedN is null) return null;
        var other = namedN == two.First.N ? two.Second : namedN == two.Second.N ? two.First : default;
        return other.Source is null ? null : (other.N, $"of the {role} arm, the other of the two arms ('{other.Source.Trim()}')");
    }

    /// <summary>Two lists of the same levels in other words: as many, each level of the second holding the last word of the
    /// first's, and no two of the first's with one last word.</summary>
    static bool SameLevelsWorded(IReadOnlyList<CategoryCount> exclusive, IReadOnlyList<CategoryCount> other)
    {
        if (exclusive.Count != other.Count || exclusive.Count < 2) return false;
        var last = exclusive.Select(x => Regex.Match(x.Level, @"[\p{L}-]{3,}(?=[^\p{L}]*$)").Value).ToList();
        return last.All(w => w.Length > 0) && last.Distinct().Count() == last.Count
               && other.Select((x, i) => Regex.IsMatch(x.Level, @"(?<![\p{L}-])" + Regex.Escape(last[i]) + @"(?![\p{L}-])")).All(b => b);
    }

    /// <summary>The group named right after a list's last count: " patients in the vehicle group", " dans le groupe véhicule".</summary>
    static readonly Regex ArmRightAfter = new(@"\G(?:\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b)?\s+(?:(?:in|of)\s+the\s+[^,;.()\d]{1,40}?\s+(?:group|arm)\b|(?:dans|du)\s+(?:le\s+)?(?:groupe|bras)\s+[^,;.()\d]{1,40}?(?=\s*[,;.()]|\s*$))", OptI);
    /// <summary>The people a list parts, named right after its last count: " of the 214 infants given dextrose", " des 214 nourrissons".</summary>
    static readonly Regex TrailingTotal = new(@"\G\s+(?:of|among|out of|sur|parmi|des)\s+(?:(?:the|les|ces)\s+)?(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)\s+(?:[\p{L}'’-]+\s+){0,2}?" + PeopleWords + @"\b", OptI);

    /// <summary>The denominator of people a list's first count is of, then its level: "of the 150 patients given A had no
    /// complication", "des 40 patients sous A avaient …".</summary>
    static readonly Regex OfPeopleFirst = new(@"^(?:of|out of|des|sur)\s+(?:the\s+|les\s+)?(?<n>" + WholeCount + @")(?![.,]?\d)\s+(?=(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b)(?<lev>.+)$", OptI);
    /// <summary>The count-led clauses of a segment: a run of two or more, each count at a clause's start.</summary>
    static IEnumerable<ClauseList> CountLedLists(string flow, int s0, int g0, int g1, bool french)
    {
        var segment = flow[g0..g1];
        var leadingVerb = french ? LeadingVerbFr : LeadingVerbEn;
        int past = 0;
        foreach (Match first in ClauseStart.Matches(segment))
        {
            int at = first.Index + first.Length;
            // Not again inside a run already read (a run broken at its second count is no list).
            if (at < past) continue;
            var items = new List<(int K, string Lev, int Start, int End, bool Gapped)>();
            bool rest = false;
            (int N, int At, string Source)? ofHead = null;
            for (var m = CountLedClause.Match(segment, at); m.Success && m.Length > 0; m = CountLedClause.Match(segment, m.Index + m.Length))
            {
                var lev = m.Groups["lev"].Value;
                int cut = lev.IndexOf(" (", StringComparison.Ordinal);
                // A bracket closing the clause's words describes its level ("41 had minimal symptoms (score 0 or 1), 38 …"):
                // the list goes on after it. Any other ends the list.
                bool glossed = cut > 0 && ClosingGloss.IsMatch(lev[cut..]);
                if (cut > 0) lev = lev[..cut];
                if (glossed) cut = -1;
                lev = lev.TrimEnd().TrimEnd('.');
                int levAt = m.Groups["lev"].Index;
                // The first count of a denominator of people, the later ones of it too: "97 of the 150 patients given A had
                // no complication, 34 a minor one and 19 a major one".
                if (items.Count == 0 && OfPeopleFirst.Match(lev) is { Success: true } ofPeople)
                {
                    ofHead = (ParseWhole(ofPeople.Groups["n"].Value), g0 + m.Index, flow[(g0 + m.Index)..(g0 + levAt + ofPeople.Groups["lev"].Index)].Trim());
                    levAt += ofPeople.Groups["lev"].Index;
                    lev = ofPeople.Groups["lev"].Value;
                }
                if (UnitAfterCount.IsMatch(lev) || !Regex.IsMatch(lev, @"\p{L}")) break;
                int start = g0 + m.Index, end = levAt + g0 + lev.Length;
                // "the remaining 35 had …": the rest, which ends the list and makes it exhaustive.
                if (m.Groups["rest"].Success) { if (items.Count == 0) break; rest = true; lev = Regex.Replace(lev, @"^(?:autres|restante?s)\s+", "", OptI); }
                items.Add((ParseWhole(m.Groups["k"].Value), lev.Trim(), start, end, items.Count > 0 && !leadingVerb.IsMatch(lev)));
                past = m.Index + m.Length;
                if (cut > 0) break;
            }
            // The first count a total whose parts follow: "239 patients ont été inclus, 121 avant et 118 après".
            (int N, int At, string Source)? stated = null;
            if (items.Count >= 3 && IncludedClause.IsMatch(items[0].Lev) && !GroupHead.IsMatch(flow[g0..items[0].Start]))
            {
                stated = (items[0].K, items[0].Start, flow[items[0].Start..items[0].End]);
                items.RemoveAt(0);
            }
            else if (items.Count >= 3 && InAll.IsMatch(items[^1].Lev))
            {
                stated = (items[^1].K, items[0].Start, flow[items[^1].Start..items[^1].End]);
                items.RemoveAt(items.Count - 1);
            }
            else if (ofHead is not null && items.Count >= 2) stated = ofHead;
            // The first level given with its count of the group's n, the others led by their counts: "the graft was in place in
            // 59 of the 63 eyes with A, 3 had a recurrence and 1 …", "guéris chez 27 des 41 patients sous A, 9 avaient …".
            else if (items.Count >= 1 && stated is null && LevelInCountOfGroup.Match(flow[g0..items[0].Start]) is { Success: true } levelFirst)
            {
                int k0 = g0 + levelFirst.Groups["k"].Index;
                items.Insert(0, (ParseWhole(levelFirst.Groups["k"].Value), levelFirst.Groups["lev"].Value, g0 + levelFirst.Groups["lev"].Index, k0 + levelFirst.Groups["k"].Length, false));
                stated = (ParseWhole(levelFirst.Groups["n"].Value), g0 + levelFirst.Groups["lev"].Index, levelFirst.Groups["head"].Value.Trim());
            }
            if (items.Count < 2) continue;
            // Only the run a group's head, an arm or the segment's start leads: not the counts of "47 of 196 and 44 of 190".
            if (items.Select(x => x.Lev.ToLowerInvariant()).Distinct().Count() < items.Count) continue;
            var levels = items.Select(x => x.Lev).ToList();
            var all = string.Join(" | ", levels);
            // How many each had, none, one and at least two: "at least" is then the last level, not an overlap.
            bool distribution = levels.Any(l => NoEventLevel.IsMatch(l)) && levels.Any(l => OneWord.IsMatch(l)) && levels.Skip(1).Any(l => AtLeastTwo.IsMatch(l));
            bool overlap = OverlapWords.IsMatch(distribution ? AtLeastTwo.Replace(all, "") : all) || HeadOverlapWords.IsMatch(flow[g0..items[0].Start]);
            bool hadCondition = HadVerb.IsMatch(levels[0]) && ConditionWords.IsMatch(all);
            bool gapped = items.Any(x => x.Gapped);
            // Outcomes: two different ones at least ("completed … withdrew"), not one verb twice ("58 completed the baseline
            // questionnaire and 50 completed the final one").
            bool outcome = levels.Select(l => DispositionWords.Match(l)).Where(m => m.Success).Select(m => m.Value.ToLowerInvariant()).Distinct().Count() >= 2;
            // Events a patient may have several of ("30 had grade 3 adverse events and 25 grade 4"), unless the list counts
            // the patients with none too: then each is classified once ("24 had no adverse event, 8 a mild event …").
            // Not where the group's head names the events themselves ("Of the 41 infections …, 24 were superficial, 12 deep
            // …"): an event is of one type.
            bool events = EventWords.IsMatch(all) && !levels.Any(l => NoEventLevel.IsMatch(l)) && !EventsHead.IsMatch(flow[s0..items[0].Start]);
            // How many each had, "43 two doses": exclusive as a distribution only, naming one and more ("203 prenaient un
            // antihypertenseur, 251 deux et 158 trois ou plus"), not a value alone ("41 required no antiemetic and 43 two doses").
            bool countOf = levels.Skip(1).Any(l => NumberWordLead.IsMatch(l)) && !(levels.Any(l => OneWord.IsMatch(l)) && levels.Any(l => MoreWord.IsMatch(l)));
            bool residual = levels.Skip(1).Any(l => ResidualWords.IsMatch(l));
            bool stages = levels.Any(l => StartStage.IsMatch(l)) && levels.Any(l => EndStage.IsMatch(l))
                || levels.Select(l => FlowStage.Match(l)).Where(m => m.Success).Select(m => m.Value.ToLowerInvariant()).Distinct().Count() >= 2;
            // Sex beside other characteristics ("30 were men, 25 smokers and 10 diabetic"): variables of their own.
            // Not the people counted, named before their verb ("52 women in the A group had no swelling, 16 had …").
            int sexLevels = levels.Count(l => SexLevel.IsMatch(l) && !PeopleBeforeVerb.IsMatch(l));
            bool mixed = sexLevels > 0 && sexLevels < levels.Count;
            overlap |= mixed;
            // The members of a group who left the study or a treatment, counted by their reason ("Des 12 adolescents perdus de
            // vue, 5 avaient déménagé, 4 ont refusé le suivi et 3 étaient injoignables"): one reason each, an event among them
            // ("5 avaient une réaction cutanée") a reason like the others.
            bool exits = GroupHead.Match(flow[g0..items[0].Start]) is { Success: true } head && ExitWords.IsMatch(head.Groups["who"].Value);
            events &= !exits;
            bool exclusive = !overlap && !hadCondition && !events && !countOf && !stages && !AtDifferentTimes(levels) && (gapped || outcome || residual || rest || exits);
            // A symptom or condition in one clause only is no list of conditions ("41 had minimal symptoms, 38 had improved …").
            bool conditions = HadVerb.IsMatch(levels[0]) && levels.Count(l => ConditionWords.IsMatch(l)) >= 2;
            // Overlap words that a partition uses too: a step added to the one before ("31 also received metformin"), and
            // both where the others are alone ("2 had a vertebral fracture only, …, 2 had both").
            string PlainText(string t) => NotOverlapInPartition(levels).Replace(distribution ? AtLeastTwo.Replace(t, "") : t, "");
            bool plainOverlap = OverlapWords.IsMatch(PlainText(all)) || HeadOverlapWords.IsMatch(PlainText(flow[g0..items[0].Start])) || mixed;
            yield return new ClauseList(items.Select(x => new CategoryCount(x.K, x.Lev.ToLowerInvariant(), x.Start, x.End)).ToList(), g0, g1, exclusive, "clauses of one group")
                { Head = stated, Exhaustive = rest && exclusive, Plain = !plainOverlap && !conditions && !events && !countOf && !stages && !AtDifferentTimes(levels) };
            break;
        }
    }

    /// <summary>The level-then-count items of a segment: "left-sided in 68, extensive in 49 and pancolitis in 23".</summary>
    static IEnumerable<ClauseList> LevelInCountLists(string flow, int g0, int g1)
    {
        var segment = flow[g0..g1];
        var anchors = InCount.Matches(segment).ToList();
        var run = new List<(int K, string Lev, int Start, int End)>();
        int runFirstLevelStart = 0;
        (int N, int At, string Source)? runHead = null;
        void Flush(List<ClauseList> into)
        {
            if (run.Count >= 2 && run.Select(x => x.Lev.ToLowerInvariant()).Distinct().Count() == run.Count)
            {
                var levels = run.Select(x => x.Lev).ToList();
                var before = segment[..runFirstLevelStart];
                // A condition as the subject whose values the levels are ("Pain was constant in 29 and intermittent in 19") is
                // one variable; conditions as the levels ("The symptoms were fever in 20 and rash in 10") are several.
                // Events classified by their severity, the patients with none counted too ("reactions were absent in 49, mild in
                // 14 and moderate in 3"): each patient is in one level.
                // Nor when the levels are bands of a value measured ("episodes per hour had fallen by at least 50% in 30, by 25% to
                // 49% in 14 …"), or what each member's one event was ("Parmi les 119 enfants ayant une infection, il s'agissait d'une
                // dermohypodermite chez 64, …").
                bool bands = levels.All(l => ValueBandLevel.IsMatch(l)) || ImpersonalCopula.IsMatch(before);
                bool overlap = OverlapWords.IsMatch(string.Join(" | ", levels)) || (EventWords.IsMatch(before) && !NoEventLevel.IsMatch(levels[0]) && !bands)
                               || ConditionWords.IsMatch(ConditionBySeverity.Replace(ConditionAsSubject.Replace((CopulaBefore.IsMatch(before) ? "" : before) + levels[0], "") + " | " + string.Join(" | ", levels.Skip(1)), "")) || MostCommon.IsMatch(before)
                               || AtDifferentTimes(levels);
                // After "was"/"était", the levels are the subject's values when they are alike: all with an article or
                // none ("l'adalimumab chez 41, l'étanercept chez 30"), not a value then other subjects ("positif chez 61
                // et les anticorps anti-CCP chez 66": two variables).
                bool alike = levels.Select(l => Article.IsMatch(l)).Distinct().Count() == 1;
                bool exclusive = !overlap && ((CopulaBefore.IsMatch(before) && alike) || levels.All(l => ScaleValue.IsMatch(l)));
                into.Add(new ClauseList(run.Select(x => new CategoryCount(x.K, x.Lev.ToLowerInvariant(), g0 + x.Start, g0 + x.End)).ToList(), g0, g1, exclusive, LevelsForm) { Plain = !overlap, Head = runHead });
            }
            run.Clear();
            runHead = null;
        }
        var found = new List<ClauseList>();
        int prevEnd = 0;
        foreach (var a in anchors)
        {
            // The level: the words before "in"/"chez", back to the previous item's end (after its join) or, for the first, a few words.
            string gap = segment[prevEnd..a.Index];
            if (run.Count > 0 && Regex.Match(gap, @"^\s*(?:,\s*(?:(?:and|et)\s+)?|(?:and|et)\s+)(?<lev>[^,;:()\d]{1,40}?|(?:[^,;:()\d]{1,40}?\s)?" + NumberLevel + @"|[IVX]{1,4}(?:\s*[-–]\s*[IVX]{1,4})?|" + CodeLevel + "|" + ValueBand + @")(?:\s*\([^()]{1,60}\))?\s*$", OptI) is { Success: true } next)
            {
                run.Add((ParseWhole(a.Groups["k"].Value), next.Groups["lev"].Value.Trim(), prevEnd + next.Groups["lev"].Index, a.Index + a.Length));
            }
            else
            {
                Flush(found);
                // The first level: after "was"/"était", else after the clause's comma or colon, else its last three words.
                var lead = FirstLevel.Select(r => r.Match(gap)).FirstOrDefault(m => m.Success) ?? Match.Empty;
                if (lead.Success && lead.Groups["lev"].Length > 0)
                {
                    runFirstLevelStart = prevEnd + lead.Groups["lev"].Index;
                    run.Add((ParseWhole(a.Groups["k"].Value), lead.Groups["lev"].Value.Trim(), runFirstLevelStart, a.Index + a.Length));
                    // The first count given of its group's n: "absent in 49 of the 66 patients with the plaster, mild in 14 …".
                    if (OfTotalAfter.Match(segment, a.Index + a.Length) is { Success: true } of)
                    {
                        runHead = (ParseWhole(of.Groups["n"].Value), -1, of.Value.Trim());
                        prevEnd = a.Index + a.Length + of.Length;
                        continue;
                    }
                }
            }
            prevEnd = a.Index + a.Length;
        }
        Flush(found);
        return found;
    }

    /// <summary>The group the first count of a list is of, its n and its people, up to the item's end: "(in 71) of the 96 children
    /// treated with A", "(chez 49) des 66 patients sous A".</summary>
    static readonly Regex OfTotalAfter = new(@"\G\s+(?:(?:of|out of)\s+the|des|sur)\s+(?<n>" + WholeCount + @")(?![.,]?\d)(?!\s*%)(?:\s+[^,;:.()\d\s][^,;:()\d]{0,80}?)?(?=\s*[,;]|\s+(?:and|et)\s)", OptI);
    /// <summary>A level saying the event is absent: the patients with none are counted too ("absent", "clear of lesions", "n'avaient pas récidivé").</summary>
    static readonly Regex NoEventLevel = new(@"\b(?:no|none|never|sans|aucune?|jamais|absent|absente?s?|nulle?s?|(?:clear|free) (?:of|from)|without|exempte?s? de|indemnes?|(?:had|did|have|has|were|was) not|n['’]\p{L}+ pas)\b", OptI);
    /// <summary>A level, then its count alone in a bracket: "de cause cardiovasculaire (4)", "day shifts (1,402)", "Hurley II
    /// (n = 41)"; the level's words after the join of the one before.</summary>
    static readonly Regex BracketedItem = new(@"(?<![\p{L}'’-])(?<lev>[^,;:()\d|\t\n](?:(?!\s{2})[^,;:()|\t\n]){0,60}?)\s*\(\s*(?:[nN]\s*=\s*)?(?<k>" + WholeCount + @")\s*\)", Opt);
    static readonly Regex ItemJoinWords = new(@"^\s*(?:,\s*(?:(?:and|et|or|ou)\s+)?|(?:and|et|or|ou)\s+)$", OptI);
    static readonly Regex LeadingJoinSpace = new(@"^\s*(?:(?:and|et|or|ou)\s+)?", OptI);
    static readonly Regex LeadingJoin = new(@"^(?:(?:and|et|or|ou)\s+)+", OptI);
    /// <summary>Each member counted in one category, said so: "each counted once", "chacun compté une fois".</summary>
    static readonly Regex EachCountedOnce = new(@"\beach counted once\b|\bcounted once each\b|\bchacune? comptée? une (?:seule )?fois\b|" + CountedOncePhrase, OptI);
    /// <summary>The people a list of bracketed counts parts, named before it in its segment: "Les 21 patients mis en dialyse",
    /// "Sept patients sont décédés", "arrêté chez 16 patients", "reported by 12 participants"; or the exits they had, one
    /// reason each: "Les 38 arrêts étaient dus à …", "The 21 withdrawals were for …".</summary>
    static readonly Regex PeopleBefore = new(@"(?<![\w.,])(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\p{L}-]+\s+){0,2}?(?:" + PeopleWords + @"|parents|arrêts|interruptions|abandons|discontinuations|withdrawals|dropouts|deaths|décès)\b", OptI);

    /// <summary>
    /// Counts in brackets after their levels, two or more: "Sept patients sont décédés : de cause cardiovasculaire (4),
    /// infectieuse (2) ou d'un arrêt de la dialyse (1)", "they worked day shifts (1,402), night shifts (911) or rotating
    /// shifts (611)". Their total: a group's head or the people named before them in the segment. Exclusive when the
    /// list offers alternatives ("… or …", "… ou …"), says each is counted once, names values of one scale, or how many
    /// each had (none, one, two or more).
    /// </summary>
    static IEnumerable<ClauseList> BracketedCountLists(string flow, int g0, int g1)
    {
        var segment = flow[g0..g1];
        var items = BracketedItem.Matches(segment).ToList();
        for (int i = 0; i < items.Count;)
        {
            int j = i + 1;
            // The join of two items: the text between them and the "or"/"et" opening the next one's words.
            while (j < items.Count && ItemJoinWords.IsMatch(segment[(items[j - 1].Index + items[j - 1].Length)..items[j].Index] + LeadingJoinSpace.Match(items[j].Groups["lev"].Value).Value)) j++;
            // Joins are outside the level: the level of an item after the first starts right after the join.
            var run = items.Skip(i).Take(j - i).ToList();
            i = j;
            if (run.Count < 2) continue;
            // The people the list parts, named before its first count and outside any bracket ("Les 74 patients (46 femmes
            // et 28 hommes) avaient …": 74); the first level starts after them ("Les 81 patients … ont terminé le traitement (n = 65)").
            var upToFirst = segment[..run[0].Groups["k"].Index];
            var people = PeopleBefore.Matches(upToFirst).LastOrDefault(p => upToFirst[..p.Index].Count(c => c == '(') == upToFirst[..p.Index].Count(c => c == ')'));
            int first = people is not null && people.Index + people.Length > run[0].Groups["lev"].Index ? people.Index + people.Length : run[0].Groups["lev"].Index;
            var levels = run.Select((m, k) => LeadingJoin.Replace((k == 0 ? segment[first..(m.Groups["lev"].Index + m.Groups["lev"].Length)] : m.Groups["lev"].Value).Trim(), "")).ToList();
            if (levels.Select(l => l.ToLowerInvariant()).Distinct().Count() < levels.Count) continue;
            string lastJoin = segment[(run[^2].Index + run[^2].Length)..run[^1].Index] + run[^1].Groups["lev"].Value;
            bool alternatives = Regex.IsMatch(lastJoin, @"^\s*,?\s*(?:or|ou)\b", OptI);
            var before = segment[..first];
            bool once = EachCountedOnce.IsMatch(segment);
            // Events as the list's subject ("Adverse events were nausea (5), …", "the 11 patients reporting an adverse event
            // had pain (6), …"): a patient may have several. Not an event among the later levels ("stopped in 16 patients,
            // for lack of efficacy (8), an adverse event (6) or …").
            bool overlap = OverlapWords.IsMatch(string.Join(" | ", levels)) || (!once && EventWords.IsMatch(before + levels[0]));
            bool distribution = levels.Any(l => NoneWord.IsMatch(l)) && levels.Any(l => OneWord.IsMatch(l)) && levels.Any(l => MoreWord.IsMatch(l));
            bool exclusive = !overlap && (alternatives || once || distribution || levels.Skip(1).All(l => ScaleValue.IsMatch(l)));
            // The people before the list are its total unless a group's head is (found by the caller).
            (int N, int At, string Source)? head = people is null || GroupHead.IsMatch(before) ? null
                : (ParseWhole(people.Groups["n"].Value), g0 + people.Index, people.Value);
            var categories = run.Select((m, k) => new CategoryCount(ParseWhole(m.Groups["k"].Value), levels[k].ToLowerInvariant(), g0 + (k == 0 ? first : m.Index), g0 + m.Index + m.Length)).ToList();
            yield return new ClauseList(categories, g0, g1, exclusive, "levels of one variable") { Head = head, Plain = !overlap };
        }
    }
}
