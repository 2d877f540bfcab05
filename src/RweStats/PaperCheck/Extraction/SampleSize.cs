using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Which n applies to a statistic: an n of its sentence, a group counted there, the study's n of its section (and what stops it applying).
internal static partial class StatisticExtractor
{
    /// <summary>A pronoun for a group of people: they, ils, elles.</summary>
    static readonly Regex Pronoun = new(@"\b(?:they|ils|elles)\b", OptI);
    /// <summary>A count of people opening a sentence: "Twelve patients", "23 patients", "Douze patientes".</summary>
    static readonly Regex OtherGroupCount = new(@"\b(?:and|et|or|ou|versus|vs|than|que)\s+(?:the\s+|les\s+)?\d|(?<![\d.,])\d+\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b", OptI);
    static readonly Regex GroupOpening = new(@"\G(?:[^,.;:\d]{0,60},)?\s*(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\p{L}-]+\s+)?" + PeopleWords + @"\b", OptI);
    static readonly Regex NEquals = new(@"(?<![\w])[nN]\s*=\s*(?<n>" + WholeCount + ")", Opt);
    /// <summary>"in the 14 patients", "among the 120 participants", "chez les 14 patients", "the 31 included patients", "in each arm of 31 patients": the n of a sentence (a bare "for 3 patients", "pour 3 patients" is a count).</summary>
    static readonly Regex NPeople = new(@"\b(?:(?:in|among|of|chez|parmi)\s+(?:the|les|all|ces|tous les)|the|les|these|ces|all|tous les|des|aux|(?:arms?|groups?|groupes?|bras|cohorts?|cohortes?|samples?|échantillons?)\s+(?:of|de))\s+(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéè][\wéè'-]*\s+(?:(?!(?:of|de|des|du|and|et|or|ou|with|avec|in|dans|per|par|months?|weeks?|days?|years?|mois|semaines?|jours?|ans|groups?|groupes?|arms?|bras)\b)[\wéè][\wéè'-]*\s+)?)?" + PeopleWords
        // A group's n with no people word: "among the 52 in the usual-care group", "chez les 31 du groupe témoin"; or
        // defined by the relative clause or the "with" after it: "the 22 who fell without injury", "les 26 qui prenaient
        // du zolpidem", "the 24 with gout attacks", "les 24 ayant une hypominéralisation".
        + @"|\b(?:the|les|those|ceux)\s+(?<n>" + WholeCount + @")\s+(?=(?:who|whose|qui|dont|with|avec|ayant)\b)"
        + @"|\b(?:the|les)\s+(?<n>" + WholeCount + @")\s+(?:in\s+the|du|dans\s+le)\s+(?:[\w'-]+\s+){0,2}?(?:groups?|arms?|groupes?|bras|cohorts?|cohortes?)\b", OptI);
    /// <summary>A group of units or people named in a noun of its own, defined by the relative clause or the "with" after
    /// it ("in the 61 eyes that started with a BCVA of 70 letters", "in the 84 practice staff who completed …", "les 17
    /// yeux ayant une hémorragie", "in the 13 practices with a pharmacist on site"), or the subject of its sentence ("The
    /// 24 intervention schools delivered …", "Les 18 fumeuses avaient …"); never a time or a unit of measure.</summary>
    static readonly Regex GroupOwnNoun = new(@"\b(?:the|les|these|ces)\s+(?<n>" + WholeCount + @")\s+(?:" + NotAGroupNoun + @"[\p{L}][\p{L}-]*\s+){1,2}?(?=(?:who|whose|that|with|without|qui|dont|ayant|avec|sans)\b)"
        + @"|(?<=^|[.!?]\s+)(?:The|Les|These|Ces)\s+(?<n>" + WholeCount + @")\s+(?:" + NotAGroupNoun + @"[\p{L}][\p{L}-]*\s+){1,2}?(?=(?:had|have|were|was|delivered|received|reported|scored|avaient|avait|ont|étaient|présentaient|recevaient)\b)", OptI);
    /// <summary>A word that never names a group counted: a time or a unit of measure (the words a thing counted is never
    /// qualified by), a night, a dose, an item, a preposition.</summary>
    const string NotAGroupNoun = @"(?!(?:" + TimeUnitWords + "|" + MeasureUnitWords + @"|nights?|nuits?|points?|items?|questions?|sessions?|séances?|cycles?|doses?|visits?|visites?|times|fois|per|par|of|de|des|du|and|et|or|ou|in|dans|at|à)\b)";
    /// <summary>The words a study's n counts (not "women", "men": those count a category of it).</summary>
    const string StudyPeople = @"(?:patients?|participants?|subjects?|sujets?|malades|enfants|children|individuals|individus|respondents|répondants|adults|adultes|volunteers|volontaires|persons|people|personnes|infants|newborns|neonates|nourrissons|nouveau-nés|adolescents|students|étudiants)";
    static readonly Regex StudyNPhrase = new(@"(?<![\w,.])(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:" + StudyPeople + @"\s+(?:[\wéè'-]+\s+){0,6}?(?:were|ont été|have been|was|a été|étaient)\s+(?:\w+\s+)?(?:included|enrolled|treated|randomi[sz]ed|analy[sz]ed|studied|allocated|assigned|examined|inclus|incluses|traités|traitées|randomisés|randomisées|analysés|étudiés|répartis|réparties|examinés|examinées|opérés|opérées)|(?:were|ont été)\s+(?:randomi[sz]ed|enrolled|included|inclus|randomisés)(?!\s+(?:to|à|in|dans|into)\b)|" + StudyPeople + @"\s+(?:took part|participated|ont participé|ont pris part)\b(?!\s+(?:in|à|au|aux)\s+(?:the\s+|l'|la\s+|le\s+|les\s+)?(?:[\wéè'-]+\s+){0,2}?(?:interviews?|focus|groups?|sub-?stud(?:y|ies)|entretiens|groupes|sous-études?)\b)|(?:[\wéè'-]+\s+)?(?:who\s+|qui\s+)?(?:returned\s+(?:a\s+|the\s+)?(?:complete(?:d)?\s+|valid\s+)?(?:questionnaires?|surveys?)(?=\s*[(,.;])|(?:responded|ont répondu)(?=\s*\((?:a\s+)?(?:response rate|participation rate|taux de (?:réponse|participation))|\s+(?:to|à|au)\s+(?:the\s+|l'|la\s+|le\s+)?(?:survey|questionnaire|enquête|invitation|sondage)\b)))", OptI);
    static readonly Regex StudyNIncluded = new(@"\b(?:included|enrolled|recruited|reviewed|studied|randomly\s+(?:assigned|allocated)|analy[sz]ed|examined|avons analysé|avons examiné|inclu(?:ait|s)?|a inclus|ont inclus|avons inclus|avons revu|avons étudié|randomi[sz]ed|comprenait|(?:registry|cohort|database|sample|registre|cohorte|base|échantillon)\s+(?:held|comprised|contained|comptait|regroupait))\s+(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéè'-]+\s+)?" + StudyPeople, OptI);
    /// <summary>A table's "Patients (n) 14" row. A running-text "the n = 12 patients had …" is the n of its sentence, not the study's.</summary>
    /// <summary>"Participants (N = 146; 81 women …)" opening a sentence (a capital N: the whole sample, as APA style prints it), "164 underwent randomization", "Participants were 96 undergraduates", "Les 47 patients inclus", "The 120 patients enrolled", "les 58 patients de la cohorte".</summary>
    static readonly Regex StudyNOther = new(@"(?<=^|[.!?]\s+|\n\s*)(?:Participants|Patients|Subjects|Respondents|Sujets)\s*\(\s*N\s*=\s*(?<n>" + WholeCount + @")\s*[;,)]|(?<![\w])(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:" + StudyPeople + @"\s+)?underwent\s+randomi[sz]ation|\b(?:Participants|Patients|Subjects|Respondents)\s+were\s+(?<n>" + WholeCount + @")\s(?!years|yr|ans|months|mois|%|per\s?cent|kg|cm)|\b(?:The|Les)\s+(?<n>" + WholeCount + @")\s+" + StudyPeople + @"\s+(?:included|enrolled|randomi[sz]ed|inclus|incluses|randomisés|randomisées)\b(?!\s+(?:in|dans)\s+(?:the|les?|la)\s+\w+\s+(?:group|arm|groupe|bras))|\b(?:[Tt]he|[Ll]es)\s+(?<n>" + WholeCount + @")\s+" + StudyPeople + @"\s+(?:of the|in the|de la|de l'|du)\s*(?:cohort|cohorte|study|étude|registry|registre)\b", Opt);
    /// <summary>A survey's respondents out of those invited: "The survey was completed by 2,846 of 6,112 invited nurses", "le questionnaire a été rempli par 412 des 1 020 médecins sollicités".</summary>
    static readonly Regex StudyNSurvey = new(@"\b(?:completed|returned|answered|rempli|complété|retourné)\s+(?:by|par)\s+(?<n>" + WholeCount + @")\s+(?:of|out of|des|sur)\s+(?:the\s+|les\s+)?" + WholeCount + @"\b", OptI);
    static readonly Regex StudyNTable = new(@"(?:Patients|Participants|Subjects|Sujets)\s*\(n\)\s*(?<n>\d+)", Opt);
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
        // The instrument it was scored on, named in full: "scored 11.38 (SD 4.21) on the Edinburgh Postnatal Depression Scale".
        if (Regex.IsMatch(following, @"^\s*(?:on|sur)\s+(?:the|a|an|l'|la|le|une?)\s", OptI)) following = flow[end..Math.Max(end, Math.Min(s1, end + 80))];
        // "PHQ-9" is a name, "12" a number; so is the range of the scale the statistic is on ("3.74 (SD 1.02) on a 1 to 5
        // scale in whole points", "on a 1 to 5 face scale", "sur une échelle verbale de 0 à 10"), which names the measure
        // and is no other statistic.
        var scanned = ScaleRangeAfter.Replace(following, m => new string(' ', m.Length));
        if (Regex.Match(scanned, @"(?<![A-Za-z-])\d") is { Success: true } number) following = following[..number.Index];
        if (!NamesInteger(window, options) && NamesInteger(following, options)) window += following;
        // A count named as the sentence's subject, further back than the window: "The number of days off work after
        // discharge had a median of 4", "Le nombre de chutes au cours de l'année avait une médiane de 1", with no other
        // statistic between.
        // The last one named before it: "… ; le nombre médian d'antiépileptiques antérieurs essayés était de 5,3".
        if (!NamesInteger(window, options) && NumberOfSubject.Matches(before).LastOrDefault() is { Success: true } subjectCount
            && !Regex.IsMatch(before[subjectCount.Index..], @"[=±%()\[\]]|\d[.,]\d")) window = subjectCount.Value + " " + window;
        measure ??= Acronym.Matches(following).Select(m => m.Value).FirstOrDefault(a => !NotMeasures.Contains(a) && !Regex.IsMatch(a, @"^[MJWSD]\d+$"));
        var afterNumber = flow[end..Math.Min(flow.Length, end + 12)];
        // The things counted as the sentence's subject, the statistic given right after "had a median of" or a colon:
        // "Nights with itch-related sleep loss had a median of 4", "Missed doses in the last week: median 2", "Les
        // doses oubliées avaient une médiane de 2"; never a time ("Visits had a median of 23.4 minutes").
        bool countedSubject = CountedSubject.Match(before) is { Success: true } cs && CountUnit.IsMatch(cs.Groups["subject"].Value)
                              && !TimeUnitAfter.IsMatch(AfterFirstNumber(quote)) && !TimeUnitAfter.IsMatch(afterNumber);
        bool declared = options.IntegerMeasures.Any(d => window.Contains(d, StringComparison.OrdinalIgnoreCase))
                        || options.StatedWholePoints?.IsMatch(window) == true
                        || WholeTimeUnits.Matches(flow[s0..start]).Any(u => Regex.IsMatch(QuoteUnit(quote) + afterNumber, @"^\s*" + u.Groups["u"].Value + @"\b", OptI))
                        || DaysCounted.Match(before) is { Success: true } dc && Regex.IsMatch(QuoteUnit(quote) + flow[end..Math.Min(flow.Length, end + 40)],
                               @"^\s*(?:\([^)]*\)\s*)?(?:days|nights|jours|nuits)\b(?!\s*(?:\([^)]*\)\s*)?(?:per|par|a|an|each|every|chaque)\b)" + (dc.Groups["on"].Success ? @"(?:\s*\([^)]*\))?\s+(?:in|during|over|within)\s+(?:the|their|a|its|each)\b" : ""), OptI);
        // A count named by its words but given over a period ("alarms numbered a median of 7.3 (IQR 4–11) a week") is a
        // rate: a count over weeks averaged per week need not be whole.
        bool integer = (declared || CountUnit.IsMatch(flow[end..Math.Min(flow.Length, end + 40)]) || CountUnit.IsMatch(AfterFirstNumber(quote)) || ((NamesInteger(window, options) || countedSubject) && !ContinuousUnit.IsMatch(afterNumber) && !ContinuousUnit.IsMatch(QuoteUnit(quote)) && !NotIntegerScore.IsMatch(window) && !PerPeriod.IsMatch(afterNumber) && !PerPeriod.IsMatch(AfterFirstNumber(quote))))
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
                   && !Regex.IsMatch(flow[(at + m.Length)..Math.Min(flow.Length, at + m.Length + 12)], @"^\s*(?:sur|of|out of|/)\s*\d", RegexOptions.IgnoreCase)
                   // Nor one a percentage follows in its bracket ("(n = 13, 19.7%)"): the count of that percentage.
                   && !Regex.IsMatch(flow[(at + m.Length)..Math.Min(flow.Length, at + m.Length + 14)], @"^\s*[,;]\s*\d+(?:[.,]\d+)?\s*%")
                   // Nor, for a percentage of one arm, a test's total in its bracket ("χ²(1, N = 121)"): both arms'.
                   && !(ownCount is not null && Regex.IsMatch(flow[Math.Max(s0, at - 12)..at], @"(?:χ²|χ2|X2|chi2|F|t)\s*\(\s*\d+\s*[,;]\s*$"));
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
        // A group named right after it, in its clause with no number between: "… in the 110 foam patients, and 2.47 (SD
        // 0.87) among the 15 patients who had a second-line retreatment" (the group before is the other clause's).
        var groupAfter = chosen is null ? NPeople.Matches(sentence).FirstOrDefault(m => s0 + m.Index >= end && s0 + m.Index - end <= 40
            && !Regex.IsMatch(flow[end..(s0 + m.Index)], @"\d") && !ClauseBreak.IsMatch(flow[end..(s0 + m.Index)])) : null;
        if (groupAfter is not null && NPeople.Matches(before).LastOrDefault() is { } earlierGroup && ClauseBreak.IsMatch(flow[(s0 + earlierGroup.Index)..start]))
        {
            n = ParseWhole(groupAfter.Groups["n"].Value);
            source = $"'{groupAfter.Value}' in the same sentence";
        }
        // The nearest group named before it: "among the 55 patients …; among the 52 in the usual-care group, … from 309 ± 99".
        else if (chosen is null && NPeople.Matches(before).LastOrDefault() is { } subject && !GroupOfAnotherClause(flow, s0 + subject.Index + subject.Length, start, end, s1))
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
        // A group named in a noun of its own earlier in the statistic's clause, with no other statistic between: "In
        // the 61 eyes that started with a BCVA of 70 letters or better, the BCVA went from …", "Les 18 fumeuses avaient
        // une EVA de …" (never across a clause break: "…, et les 13 yeux passés au faricimab …" is another group's).
        else if (chosen is null && GroupOwnNoun.Matches(before).LastOrDefault() is { } ownNoun && !ClauseBreak.IsMatch(before[ownNoun.Index..])
                 && !StatisticPrinted.IsMatch(before[(ownNoun.Index + ownNoun.Length)..]))
        {
            n = ParseWhole(ownNoun.Groups["n"].Value);
            source = $"'{ownNoun.Value.Trim()}' in the same sentence";
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
        if (n is null && !ambiguous && NPeople.Matches(sentence).FirstOrDefault(m => s0 + m.Index < end ? !GroupOfAnotherClause(flow, s0 + m.Index + m.Length, start, end, s1)
                : !Regex.IsMatch(sentence[..m.Index], @"(?<![\d.,])\d+\s*$") && !ClauseBreak.IsMatch(flow[end..(s0 + m.Index)])) is { } people)
        {
            n = ParseWhole(people.Groups["n"].Value);
            source = $"'{people.Value}' in the same sentence";
        }
        // A pronoun opening the statistic's clause, with no number between it and the statistic, is the group counted at
        // the opening of its sentence or of the sentence before: "Twelve patients had their injections spaced …; they
        // received a mean of 5.46 (SD 1.02) further injections", "Douze patients ont interrompu le traitement : … ; ils
        // avaient assisté à 4,25 (DS 0,38) séances en moyenne".
        if (n is null && !ambiguous && Pronoun.Matches(before).LastOrDefault() is { } pronoun && !Regex.IsMatch(before[pronoun.Index..], @"\d")
            && !ClauseBreak.IsMatch(before[pronoun.Index..]))
        {
            bool sameSentence = Regex.IsMatch(before[..pronoun.Index], @"[;:]");
            int si = SentenceIndex(sentences, start);
            int g0 = sameSentence ? s0 : si > 0 ? sentences[si - 1] : -1;
            if (g0 >= 0 && (sameSentence || !Regex.IsMatch(before[..pronoun.Index], @"\d"))
                && GroupOpening.Match(flow, g0) is { Success: true } group && (sameSentence || group.Index < s0))
            {
                // The group's own clause names no other group ("12 in the drug group and 10 with placebo had …; they").
                var rest = flow[(group.Index + group.Length)..(s0 + pronoun.Index)];
                int cut = rest.IndexOfAny(new[] { ';', ':' });
                if (!OtherGroupCount.IsMatch(cut >= 0 ? rest[..cut] : rest))
                {
                    n = ParseWhole(group.Groups["n"].Value);
                    source = $"'{group.Value.Trim()}', whom '{pronoun.Value}' refers to";
                }
            }
        }
        // An arm named in the statistic's own clause whose n is stated under its name where the arms were allocated
        // ("112 were assigned to EVLA and 110 to UGFS" … "fell from 5.34 ± 2.11 to 1.87 ± 1.62 after EVLA"), in the
        // same section: only when the clause names one arm.
        if (n is null && !ambiguous && studyNs.Arms.Count > 0)
        {
            int c0 = start, c1 = end;
            // The value it changed from is the same statistic's ("TASSK scores in the programme group rose from 11.8 (SD
            // 3.9) to 19.6 (SD 3.4)", "le score est passé de 36,2 ± 8,4 à 27,5 ± 9,1"): the clause goes on before it.
            int reach = Math.Max(s0, start - 60);
            if (FromValueBefore.Match(flow[reach..start]) is { Success: true } fromValue) c0 = reach + fromValue.Index;
            while (c0 > s0 && c0 > start - 90 && flow[c0 - 1] is not ';' and not '.')
            {
                // A digit a name holds ("Sous EMDR, la PCL-5 passait de …", "SF-36", "PHQ-9") is no other statistic's number.
                if (char.IsDigit(flow[c0 - 1]))
                {
                    int token = c0 - 1;
                    while (token > s0 && (char.IsLetterOrDigit(flow[token - 1]) || flow[token - 1] == '-')) token--;
                    if (!char.IsLetter(flow[token])) break;
                    c0 = token;
                    continue;
                }
                // A bracket describing the measure ("pain (0 to 10, whole points) fell from …") is passed whole; not one holding
                // a statistic or its p ("… sous dexaméthasone (p < 0,001) et de 6,12 ± 2,91 …": the arm named is the clause before's).
                if (flow[c0 - 1] == ')' && flow.LastIndexOf('(', c0 - 1, Math.Min(c0 - 1 - s0, 40)) is var open and >= 0 && !Regex.IsMatch(flow[(open + 1)..(c0 - 1)], @"[=<>≤≥±]"))
                {
                    c0 = open;
                    continue;
                }
                c0--;
            }
            while (c1 < s1 && c1 < end + 60 && flow[c1] is not ';' and not '.' and not ',')
            {
                // A time point after the statistic ("at week 24", "à J2", "à 15 minutes") is no other number: the arm may follow it.
                // Nor is a digit that a letter holds ("à H24", "M12", "FGF21"): part of a visit's code or a name.
                if (char.IsDigit(flow[c1]) && c1 > 0 && char.IsLetter(flow[c1 - 1]))
                {
                    while (c1 < s1 && char.IsLetterOrDigit(flow[c1])) c1++;
                    continue;
                }
                // An arm's name that is a number and its unit, after the word group or arm ("dans le groupe 15 fractions")
                // or before it ("in the 4-week group").
                if (char.IsDigit(flow[c1]) && (ArmWordBefore.IsMatch(flow[Math.Max(s0, c1 - 12)..c1]) || NumberedArmAt.IsMatch(flow, c1)))
                {
                    while (c1 < s1 && char.IsDigit(flow[c1])) c1++;
                    continue;
                }
                if (char.IsDigit(flow[c1]))
                {
                    if (TimePointAt.Match(flow, c1) is not { Success: true } time || !(time.Groups["unit"].Success || VisitWordBefore.IsMatch(flow[Math.Max(s0, c1 - 12)..c1]))) break;
                    c1 += time.Length;
                    continue;
                }
                c1++;
            }
            List<(int At, string Name, int N, string Source)> Named(string words) => ArmsNamed(words, start, studyNs);
            // The arm named with the statistic or after it; the words before it only when none is ("In the EVLA group, the
            // score was …"): those may be the previous statistic's ("4.92 with dupilumab and 21.08 ± 5.14 with placebo").
            var named = Named(flow[start..OwnClauseEnd(flow, end, c1)]);
            // When its own words name a group that is no arm known, not past the word that joins it to another group's
            // statement ("9 du groupe immobilisation (15,0 %) contre 3 du groupe mobilisation (4,9 %)": that arm is the
            // other clause's; "une otalgie après l'injection a été rapportée par 17 patients du groupe combiné" keeps its own).
            if (named.Count == 0)
            {
                int from = c0;
                if (OwnGroupNamed.IsMatch(flow[start..c1]) && OtherGroupJoin.Matches(flow[c0..start]).LastOrDefault() is { } join) from = c0 + join.Index + join.Length;
                named = Named(flow[from..OwnClauseEnd(flow, end, c1)]);
            }
            // "with the 0.4 mm piston (n = 13, 19.7%)": an arm told from the other by its dose or size, named right before it.
            if (named.Count == 0 && DosedArmBefore.Match(flow[Math.Max(s0, start - 60)..start]) is { Success: true } dosed)
                named = studyNs.ArmsCalled(DoseKey(dosed), start).GroupBy(a => ArmKey(a.Name)).Select(g => g.Last()).ToList();
            if (named.Select(a => a.N).Distinct().Count() == 1)
            {
                n = named[0].N;
                source = $"{ArmNSource} '{named[0].Name}' ('{named[0].Source.Trim()}')";
            }
        }
        // A pair of counts with their percentages, one for each arm of a two-arm trial, in the order the arms were
        // stated ("nausea in 78 (18.9%) and 11 (5.3%) participants", "occurred in 412 patients (8.8%) and 398 patients
        // (7.5%), respectively", "chez 12 résidents (4,9 %) et 27 résidents (24,8 %) respectivement"): the first is of
        // the first arm, the second of the second, where the section states exactly two arms with their n.
        if (n is null && !ambiguous && studyNs.Arms.Count > 0 && PairedShares.Matches(sentence).FirstOrDefault(m => s0 + m.Groups["k1"].Index == start || s0 + m.Groups["k2"].Index == start) is { } pair
            && TwoArms(studyNs, start) is { } two)
        {
            var arm = s0 + pair.Groups["k1"].Index == start ? two.First : two.Second;
            n = arm.N;
            source = $"{ArmNSource} {(arm == two.First ? "first" : "second")} ('{arm.Source.Trim()}'), its count and percentage being the {(arm == two.First ? "first" : "second")} of a pair";
        }
        // A line of its own above it naming a group with its n ("Placebo group (n = 74)", "Patients traités par
        // ocrelizumab (n = 214)"), with no heading between: the group its section speaks of, unless the sentence speaks
        // of a subgroup the line does not name ("in women") or counts other units.
        if (n is null && !ambiguous && studyNs.HeadingNs.LastOrDefault(h => h.At <= start) is { Source: not null } headingN
            && !(studyNs.Headings ?? []).Any(h => h > headingN.At && h <= start))
        {
            var clause = flow[s0..Math.Max(end, Math.Min(s1, end + 40))];
            bool otherSubgroup = Subgroup.Match(clause) is { Success: true } sub
                && !Regex.Matches(sub.Value, @"\p{L}{4,}").Any(w => !Regex.IsMatch(w.Value, @"^(?:among|within|parmi|dans|pour|chez|each|both|chaque)$", OptI)
                                                                   && headingN.Name.Contains(w.Value, StringComparison.OrdinalIgnoreCase));
            if (!otherSubgroup && !OtherUnits.IsMatch(sentence) && !PeopleCount.Matches(sentence).Any(m => ParseWhole(m.Groups["n"].Value) > headingN.N))
            {
                n = headingN.N;
                source = $"the line above it ({headingN.Source})";
            }
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

    /// <summary>What follows a statistic's first number in its quote: "a median of 0.7 delayed doses (IQR 0–2)" counts doses.</summary>
    static string AfterFirstNumber(string quote) => Regex.Match(quote, Num + @"(?<rest>.*)$", RegexOptions.Singleline).Groups["rest"].Value;
    static readonly Regex ScaleRangeAfter = new(@"(?<=^\s*(?:on|sur)\s+(?:a|an|the|une|la|l')\s+(?:(?:échelle|scale)(?:\s+[\p{L}-]+){0,2}?\s+(?:de\s+|from\s+)?)?)\d+\s*(?:to|à|–|-)\s*\d+(?=(?:-point)?(?:\s+(?!(?:in|en|with|avec|for|pour|dans|chez|among)\b)[\p{L}-]+){0,2}?\s+(?:scale|points?|échelle)\b|\s*(?:[,.;)]|$|\s+(?:in|en|with|avec|for|pour|dans|chez|among)\b))", OptI);
    /// <summary>A subgroup a statistic is of ("in the placebo group", "among women", "those who relapsed", "chez les répondeurs").</summary>
    static readonly Regex Subgroup = new(@"\b(?:(?:in|among|for|within|chez|parmi|dans|pour)\s+(?:the\s+|les?\s+|la\s+|l'|each\s+|both\s+|chaque\s+)?(?:[\w'-]+\s+){0,3}?(?:groups?|arms?|subgroups?|strat(?:um|a)|groupes?|bras|sous-groupes?|strates?|women|men|boys|girls|femmes|hommes|garçons|filles|responders|non-responders|répondeurs|non-répondeurs|survivors|survivants|smokers|fumeurs)\b|\b(?:those|ceux|celles)\s+(?:who|whose|with|qui|dont|ayant|avec)\b|\b(?:patients|participants|subjects|children|enfants)\s+(?:who|whose|qui|dont|ayant)\b|\b(?:placebo|controls?|témoins?)\b)", OptI);
    /// <summary>A count of units other than patients: eyes, lesions, visits, samples, procedures, events.</summary>
    static readonly Regex OtherUnits = new(@"(?<![\d.,])\d[\d\u00A0\u202F ,]*\s+(?:[\w'-]+\s+)?(?:" + OtherUnitWords + @")\b", OptI);
    /// <summary>A count of people in a sentence ("Of 250 screened", "1 240 participants").</summary>
    static readonly Regex PeopleCount = new(@"(?<![\d.,])(?<n>" + WholeCount + @")\s+(?:[\w'-]+\s+)?(?:" + PeopleWords + @"|screened|eligible|assessed|invited|contacted|dépistés|éligibles|sollicités)\b", OptI);

    /// <summary>
    /// Every statement of a study's n ("Fourteen patients were treated", "we enrolled 48 adults", "62 were randomised",
    /// "Cent vingt patients ont été répartis", "Patients (n) 14"), in the order of the text: a paper may report several
    /// studies, each under its own heading.
    /// </summary>
    static readonly Regex YearBefore = new(@"\b(?:through|to|from|until|between|since|in|and|en|à|et|depuis|jusqu'en)\s+$|\d{4}\s*[-–]\s*$", OptI);

    static StudyNs FindStudyNs(PaperText text)
    {
        var flow = text.Flow;
        var all = new List<(int At, int N, string Source)>();
        foreach (var regex in new[] { StudyNPhrase, StudyNIncluded, StudyNOther, StudyNTable, StudyNSurvey })
            foreach (Match m in regex.Matches(flow))
            {
                if (all.Any(a => a.At == m.Index)) continue;
                int? n = ParseCount(m.Groups["n"].Value);
                // "12 patients were randomised to the drug and 11 to placebo": an arm's n, not the study's.
                if (ArmSplit.IsMatch(flow, m.Index + m.Length)) continue;
                // "reported from 2015 through 2022 were included": a year closing a period, not a count.
                if (n is >= 1900 and <= 2099 && YearBefore.IsMatch(flow[Math.Max(0, m.Groups["n"].Index - 16)..m.Groups["n"].Index])) continue;
                if (n is > 0) all.Add((m.Index, n.Value, $"'{m.Value.Trim()}'"));
            }
        // "Parmi les 231 patients ayant débuté l'ocrelizumab, 214 avaient au moins 12 mois de suivi et ont été analysés",
        // "Of the 250 patients referred, 212 were included": the count included out of a set of people just named is the
        // study's n (its people are the set's).
        foreach (Match m in PopulationStatement.Matches(flow))
        {
            if (all.Any(a => a.At == m.Index) || !InclusionVerb.IsMatch(m.Value) || ParseCount(m.Groups["n"].Value) is not { } included || included <= 0
                || PeopleSetBefore.Match(flow[Math.Max(0, m.Index - 200)..m.Index]) is not { Success: true } set
                || ParseCount(set.Groups["n"].Value) is not { } total || included > total) continue;
            all.Add((m.Index, included, $"'{m.Value.Trim()}'"));
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
        return new StudyNs(all.Take(1).ToList(), sections, headings) { Openings = openings, OtherPopulations = others, Inclusions = restated, Allocations = allocations, HeadingNs = GroupHeadings(text) };
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
                    if (block.Length <= 200 && HeadingLine.IsMatch(block) && !block.EndsWith(':') && !SectionOfOnePaper.IsMatch(block))
                    {
                        at.Add(text.FlowStartOfLine(i));
                        continue;
                    }
                }
            }
            if (line.Length < 3 || line.Length > 90 || line.Length > 0.75 * longest || !char.IsUpper(line[0]) || !HeadingLine.IsMatch(line) || line.EndsWith(':') || SectionOfOnePaper.IsMatch(line)) continue;
            var next = lines.Skip(i + 1).Select(l => l.Text.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            // After a paragraph's end (not after a table row, whose next label is no heading), before a paragraph's start.
            // A PDF keeps no blank line: after a table's last row (cells a tab apart) a line is a heading when running text, not a row, follows it.
            bool afterTable = lines[i - (i > 0 ? 1 : 0)].Text.Contains('\t') && !line.Contains('\t') && !next.Contains('\t') && next.Length > 0.6 * longest;
            if ((previous.Length > 0 && !previous.EndsWith('.') && !afterTable) || next.Length == 0 || !char.IsUpper(next[0])) continue;
            at.Add(text.FlowStartOfLine(i));
        }
        return at;
    }
    /// <summary>A line of its own naming a group and its n: "Placebo group (n = 74)", "Drug arm (N = 70)", "Groupe
    /// placebo (n = 74)", "Children with asthma, n = 41".</summary>
    static readonly Regex GroupHeadingLine = new(@"^(?<name>[\p{Lu}][^.;!?()\[\]=%±|\t\d]{2,80}?)\s*(?:\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)|,\s*[nN]\s*=\s*(?<n>" + WholeCount + @"))\s*$", Opt);

    /// <summary>
    /// The lines of their own (a blank line before and after, as a heading has) naming a group with its n: the group the
    /// text below them speaks of.
    /// </summary>
    static List<(int At, string Name, int N, string Source)> GroupHeadings(PaperText text)
    {
        var lines = text.Lines;
        var found = new List<(int At, string Name, int N, string Source)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Text.Trim();
            if (line.Length > 90 || GroupHeadingLine.Match(line) is not { Success: true } m) continue;
            bool blankBefore = i == 0 || lines[i - 1].Text.Trim().Length == 0;
            bool blankAfter = i + 1 >= lines.Count || lines[i + 1].Text.Trim().Length == 0;
            if (!blankBefore || !blankAfter || ParseCount(m.Groups["n"].Value) is not { } n || n <= 0) continue;
            found.Add((text.FlowStartOfLine(i), m.Groups["name"].Value.Trim(), n, $"'{line}'"));
        }
        return found;
    }

    /// <summary>The heading of a section of one paper ("Results", "Méthodes", "Statistical analysis", "Key points", "Safety",
    /// "Résultats détaillés"), or a table's caption set as a line of its own ("Table 1 Patient characteristics"): the same study goes on under it.</summary>
    static readonly Regex SectionOfOnePaper = new(@"^\s*(?:\d+\.?\s*)?(?:Results|Methods?|Materials and methods|Patients and methods|Participants|Procedure|Measures|Statistical analys[ie]s|Discussion|Conclusions?|Introduction|Background|Abstract|Summary|Résultats|Méthodes?|Matériels? et méthodes|Patients et méthodes|Analyse statistique|Conclusions?|Résumé|Key points|Objectives?|Objectifs?|Contexte|Context|Efficacy|Efficacité|Safety|Tolérance|Adverse events|Effets indésirables|Événements indésirables|Secondary (?:outcomes|end ?points)|Critères secondaires|Detailed results|Results in detail|Résultats détaillés)\s*$|^\s*(?:Table|Tableau|Figure|Fig\.?)\s*[\dIVX]+\b", OptI);
    static readonly Regex PopulationStatement = new(@"(?<![\w,.])(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéèàç'’.-]+\s+){1,10}?(?:were|have been|ont été|a été)\s+(?:\w+\s+)?(?:included|enrolled|recruited|analy[sz]ed|studied|referred|reviewed|inclus|incluses|analysés|analysées|étudiés|étudiées|adressés|adressées|recrutés|recrutées)\b", OptI);
    /// <summary>An allocation to two arms with each arm's n: "randomly assigned to dupilumab (n = 122) or placebo (n = 120)",
    /// "randomisés dans le groupe A (n = 46) ou B (n = 45)", in one paragraph; not when a third arm's n follows.</summary>
    static readonly Regex ArmsAllocated = new(@"\b(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed|allocated|randomisé(?:e?s)?|tirés au sort|tirées au sort|répartis|réparties)\b[^.;()\n]{0,150}?\(\s*[nN]\s*=\s*(?<a>\d+)\s*\)[^.;()\n]{0,100}?\b(?:or|and|ou|et)\b[^.;()\n]{0,100}?\(\s*[nN]\s*=\s*(?<b>\d+)\s*\)(?![^.;()\n]{0,100}\(\s*[nN]\s*=)", OptI);
    static readonly Regex HeadingLine = new(@"^[^.;!?()\[\]=%±|\t]+$", Opt);
    static readonly Regex ArmSplit = new(@"\G\s+(?:to|à|au|dans)\b[^.]{0,120}?\b(?:and|et|or|ou)\s+\d+\s+(?:[\wé]+\s+)?(?:to|à|au|dans)\b", OptI);
    static readonly Regex InclusionVerb = new(@"^'(?:Participants|Patients|Subjects|Respondents|Sujets)\s*\(\s*N\s*=|\b(?:underwent randomi[sz]ation|(?:of the|in the|de la|de l'|du)\s*(?:cohort|cohorte|study|étude|registry|registre)\b|(?:Participants|Patients|Subjects|Respondents) were \d+|(?:completed|returned|answered|rempli|complété|retourné) (?:by|par)|included|enrolled|analy[sz]ed|analysée?s|recruited|randomi[sz]ed|allocated|assigned|treated|took part|participated|ont participé|ont pris part|responded|ont répondu|returned|held|comprised|contained|comptait|regroupait|inclus|incluses|randomisés|randomisées|répartis|réparties|traités|traitées|a inclus|ont inclus|avons inclus)\b", OptI);
    /// <summary>A set of people named just before a count, in the same sentence: "Of the 250 patients referred, ", "Parmi les 231 patients ayant débuté l'ocrelizumab entre 2019 et 2022, ".</summary>
    static readonly Regex PeopleSetBefore = new(@"\b(?:Of|Among|Parmi|Sur)\s+(?:the\s+|les\s+)?(?<n>" + WholeCount + @")\s+(?:[\wéè'-]+\s+)?" + StudyPeople + @"\b[^.;:]*,\s*$", OptI);
    static readonly Regex SubsetPhrase = new(@"\b(?:of these|of them|of whom|among them|among these|parmi eux|parmi elles|parmi ceux|dont)\b[^.]*$", OptI);

    /// <summary>
    /// The study n's of a text by position: the one that applies at a point is the last stated before it (the study of
    /// that section), else the first of the text.
    /// </summary>
    /// <summary>
    /// An arm's n stated under its name where the arms are allocated: "randomly assigned to flexible ureteroscopy (n = 102)
    /// or shock-wave lithotripsy (n = 99)", "(BA; n = 66)", "112 were assigned to EVLA and 110 to UGFS", "Soixante-deux
    /// patients ont été affectés à l'infiltration et 61 à l'attelle", "112 résidents ont reçu l'ivermectine et 109 la
    /// perméthrine". The arm is named later by its last word ("after ureteroscopy", "in the lithotripsy group").
    /// </summary>
    static readonly Regex AllocationVerb = new(@"\b(?:randomly\s+(?:assigned|allocated)|assigned|allocated|randomi[sz]ed|received|were given|randomisé(?:e?s)?|répartie?s|affecté(?:e?s)?|tirés au sort|ont reçu|recevaient)\b", OptI);
    static readonly Regex ArmInBracket = new(@"(?<name>(?<![\p{L}\d.,-])(?:\d+\s+(?=[\p{L}]))?[\p{L}][\p{L}\d'’-]*)(?:\s+" + ArmDose + @")?\s*\(\s*(?:(?:(?:groupe|bras)\s+)?(?<abbr>[A-Z][\w-]*)(?:\s+(?:group|arm))?\s*[;,]\s*)?(?:[nN]\s*=\s*(?<n>" + WholeCount + @")|(?<n>" + WholeCount + @")\s+" + PeopleWords + @")\s*\)", Opt);
    /// <summary>The dose an arm's name may carry before its n: "atropine 0.01% (n = 153)", "erenumab 140 mg (n = 118)".</summary>
    const string ArmDose = @"\d+(?:[.,]\d+)?\s*(?:%|mg|µg|mcg|g|mL|UI|IU)(?:/(?:kg|j|d|day|jour))?";
    const string ArmPhrase = @"(?:the\s+|l'|la\s+|le\s+|les\s+)?(?:[\p{L}][\p{L}\d-]*\s+){0,3}?(?<NAME>[\p{L}][\p{L}\d-]*)(?:\s+[\d.,]+\s*(?:mg|µg|g|mL)\b)?(?:\s+(?:group|arm|groupe|bras))?";
    static readonly Regex ArmsByCount = new(@"(?<![\w.,])(?<a>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\p{L}]+\s+)?(?:(?:were|ont été)\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|affecté(?:e?s)?|répartie?s|randomisé(?:e?s)?)\s+(?:to|à|au|dans)\s+" + ArmPhrase.Replace("NAME", "g1") + @"\s*,?\s+(?:and|et)\s+(?<b>" + WholeCount + @")\s+(?:to|à|au|dans)\s+" + ArmPhrase.Replace("NAME", "g2")
        + @"|(?:received|ont reçu)\s+" + ArmPhrase.Replace("NAME", "g1") + @"\s*,?\s+(?:and|et)\s+(?<b>" + WholeCount + @")\s+" + ArmPhrase.Replace("NAME", "g2") + @")(?=\s*[.;,)]|\s+(?:and|et|with|avec|in|dans)\b)", OptI);
    static readonly Regex ArmHeader = new(@"\(\s*[nN]\s*=\s*\d[\d ,]*\)\s*(?:\t|\s{2,}|\|)\s*(?:\d+\s+)?[\p{L}]", Opt);
    /// <summary>Words an arm's cell may end on that name no arm: "Total (n = 222)", "Overall", "All patients"; nor does the
    /// word group itself ("a group programme with a parallel parent group (n = 58)": every arm is a group).</summary>
    static readonly HashSet<string> NotArmNames = new(StringComparer.OrdinalIgnoreCase) { "total", "overall", "all", "patients", "ensemble", "tous", "mg", "daily", "group", "groups", "groupe", "groupes", "arm", "arms", "bras" };
    /// <summary>An arm's name as a statistic's clause names it: "supervisée" and "supervisé", "Conseils" and "conseils" are one arm;
    /// so are "ultrasound-guided" and "ultrasound", "écho-guidée" and "écho": a procedure's guide names its arm; and a French
    /// adjective's two genders, "stimulation active" and "groupe actif"; and a name with its elided article, "liste
    /// d'attente (n = 62)" and "le groupe en attente".</summary>
    static string ArmKey(string name) => Regex.Replace(ArmGuide.Replace(Regex.Replace(name.ToLowerInvariant(), @"^(?:(\d+)[-\s]+|[dl]['’](?=\p{L}))", "$1 ").TrimStart(), ""), @"(?<=\p{L}{2})ifs?$", "ive").TrimEnd('s', 'e');
    static readonly Regex ArmGuide = new(@"-(?:guided|assisted|based|led|delivered|directed|guidée?s?|assistée?s?)$", Opt);
    static readonly Regex ArmFirstWord = new(@"^\s*(?:(?:to|or|and|à|ou|et|entre|between|the|a|an|la|le|les|l'|une?|des|du|de|receive)\s+|l'|d')*(?<name>[\p{L}][\p{L}-]*)", OptI);
    /// <summary>The arms' n after the allocation's verb: "We randomized 166 children aged 6 to 12 years: 84 to methylphenidate and 82 to placebo", "239 patients were randomized (118 to erenumab 140 mg and 121 to placebo)".</summary>
    static readonly Regex ArmsAfterVerb = new(@"\b(?:randomi[sz]ed|randomi[sz]ation|assigned|allocated|randomisé(?:e?s)?|répartie?s)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?[:(,]\s*(?<a>" + WholeCount + @")\s+(?:to|à|au|dans)\s+" + ArmPhrase.Replace("NAME", "g1") + @"\s*,?\s+(?:and|et)\s+(?<b>" + WholeCount + @")\s+(?:to|à|au|dans)\s+" + ArmPhrase.Replace("NAME", "g2") + @"(?=\s*[.;,)])", OptI);
    static readonly Regex ArmWithN = new(@"\b(?:in|of)\s+the\s+(?<name>[\p{L}][\p{L}-]*)\s+(?:group|arm)\s*\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)|\b(?:dans|du|de)\s+(?:le\s+)?(?:groupe|bras)\s+(?<name>[\p{L}][\p{L}-]*)\s*\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)", OptI);
    /// <summary>A statistic's clause naming an arm: "after EVLA", "with placebo", "given SDF", "in the tubes group", "dans le groupe conseils", "avec l'ivermectine"; and the names coordinated after it ("with surgery or casting": both).</summary>
    // An arm named by a number and its unit, under the word group or arm only ("du groupe 4 semaines", "in the 6-week
    // group"): "after 4 weeks" is a time, not an arm. First, so that "in the" is not taken for a name.
    static readonly Regex ArmReference = new(@"\b(?:du|dans le|au) (?:groupe|bras)\s+(?<name>\d+\s+[\p{L}]+)|\bin the\s+(?<name>\d+[-\s][\p{L}]+)\s+(?:group|arm)\b|\b(?:after|with|on|receiving|taking|given|using|undergoing|(?<=\b(?:treated|managed)\s)by|(?<=\b(?:allocated|assigned|randomi[sz]ed)\s)to|(?<=\bwho\s)(?:received|took|underwent)|(?<=\b(?:ayant|ont|avaient)\s)reçu|au groupe|au bras|recevant|utilisant|under|in|in the|du groupe|dans le groupe|du bras|dans le bras|avec|sous|après|par|group|arm)\s+(?:the\s+|an?\s+|l'|la\s+|le\s+|les\s+|une?\s+)?(?<name>[\p{L}][\p{L}\d-]*)(?:\s+(?!(?:or|and|ou|et|nor|in|on|at|with|after|under|dans|avec|sous|après|par|à)\b)(?<name>[\p{L}][\p{L}\d-]*))?(?:\s*(?:,|or|and|ou|et|nor)\s+(?:the\s+|l'|la\s+|le\s+|les\s+|une?\s+)?(?<name>[\p{L}][\p{L}\d-]*))*", OptI);

    /// <summary>The value a statistic changed from, just before it: "from 11.8 (SD 3.9) to ", "de 48 ± 31 à ".</summary>
    static readonly Regex FromValueBefore = new(@"\b(?:from|de)\s+\d[\d.,]*\s*(?:(?:±|\+/-)\s*\d[\d.,]*|\(\s*(?:SD|DS|ET|SE)?\s*\d[\d.,]*\s*\))?\s*(?:[\p{L}/%]+\s*)?(?:to|à)\s+$", OptI);
    static readonly Regex OwnGroupNamed = new(@"\b(?:du|dans le|de la|des)\s+(?:groupe|bras)\s+\p{L}|\bin the\s+[\p{L}-]+\s+(?:group|arm)\b", OptI);
    static readonly Regex OtherGroupJoin = new(@"\b(?:contre|versus|vs\.?|and|et|or|ou|whereas|while|alors que|tandis que|compared with|comparé)\b|[;,]", OptI);
    internal const string ArmNSource = "the arm named";
    static readonly Regex ArmWords = new(@"(?<![\p{L}\d'’-])[\p{L}][\p{L}-]{3,}(?![\p{L}\d'’-])", Opt);
    static readonly HashSet<string> ArmStopWords = new(StringComparer.OrdinalIgnoreCase) { "with", "plus", "then", "followed", "each", "given", "daily", "twice", "once", "weekly", "dose", "doses", "group", "groupe", "avec", "puis", "associé", "associée", "dans", "pour", "from", "into", "during", "pendant", "usual", "standard", "habituelle", "care" };
    static readonly Regex TimePointAt = new(@"\G\d+(?:\s*(?<unit>minutes?|min|hours?|heures?|h|days?|jours?|weeks?|semaines?|months?|mois)\b)?", OptI);
    static readonly Regex ArmWordBefore = new(@"\b(?:groupe|bras|group|arm)\s+$", OptI);
    /// <summary>An arm named by a number and its unit before the word group or arm: "4-week group", "6 month arm" (never "17 du groupe": a count).</summary>
    static readonly Regex NumberedArmAt = new(@"\G\d+[-\s](?!(?:du|des|de|of|in|the|and|et|or|ou|patients?|participants?)\b)[\p{L}]+\s+(?:group|arm)\b", OptI);
    static readonly Regex VisitWordBefore = new(@"(?:\b(?:[Ww]eek|[Dd]ay|[Mm]onth|[Ss]emaine|[Jj]our|[Mm]ois|[Vv]isit|[Vv]isite)\s+|\b[JDMSW])$", Opt);

    static IReadOnlyList<(int At, string Name, int N, string Source)> ArmNs(PaperText text, int[] sentences)
    {
        var flow = text.Flow;
        var arms = new List<(int At, string Name, int N, string Source)>();
        // A table's header naming its columns' arms with their n ("Characteristic  EVLA (n = 112)  UGFS (n = 110)",
        // "| Marche supervisée (n = 78) | Conseils (n = 76) |"): cells apart by a tab, two spaces or more, or '|'.
        int searchFrom = 0;
        foreach (var line in text.Lines)
        {
            if (!ArmHeader.IsMatch(line.Text)) continue;
            var cells = ArmInBracket.Matches(line.Text);
            if (cells.Count < 2) continue;
            var printed = PaperText.Normalise(line.Text).Trim();
            int at = flow.IndexOf(printed[..Math.Min(printed.Length, 40)], searchFrom, StringComparison.Ordinal);
            if (at < 0) continue;
            searchFrom = at;
            foreach (Match m in cells) arms.Add((at, m.Groups["name"].Value, ParseWhole(m.Groups["n"].Value), m.Value));
            foreach (Match m in cells) if (DosedArmName(line.Text, m) is { } dosedName) arms.Add((at, dosedName, ParseWhole(m.Groups["n"].Value), m.Value));
        }
        // An arm's n printed with its name in the text: "In the tubes group (n = 86), …", "Dans le groupe fractionné (n = 22), …".
        foreach (Match m in ArmWithN.Matches(flow))
            arms.Add((m.Index, m.Groups["name"].Value, ParseWhole(m.Groups["n"].Value), m.Value));
        foreach (Match m in ArmsByCount.Matches(flow).Concat(ArmsAfterVerb.Matches(flow)))
            if (ParseCount(m.Groups["a"].Value) is { } a && ParseCount(m.Groups["b"].Value) is { } b)
            {
                arms.Add((m.Index, m.Groups["g1"].Value, a, m.Value));
                arms.Add((m.Index, m.Groups["g2"].Value, b, m.Value));
            }
        for (int i = 0; i < sentences.Length; i++)
        {
            int s0 = sentences[i], s1 = i + 1 < sentences.Length ? sentences[i + 1] : flow.Length;
            var sentence = flow[s0..s1];
            if (!AllocationVerb.IsMatch(sentence)) continue;
            var brackets = ArmInBracket.Matches(sentence);
            if (brackets.Count < 2) continue;
            int from = AllocationVerb.Match(sentence) is { } verb ? verb.Index + verb.Length : 0;
            foreach (Match m in brackets)
            {
                int n = ParseWhole(m.Groups["n"].Value);
                // Placed at the sentence's start: the arms of one allocation are told apart by their n.
                arms.Add((s0, m.Groups["name"].Value, n, m.Value));
                if (DosedArmName(sentence, m) is { } dosedName) arms.Add((s0, dosedName, n, m.Value));
                if (m.Groups["abbr"].Success) arms.Add((s0, m.Groups["abbr"].Value, n, m.Value));
                // The arm's first word too: "to acetazolamide 62.5 mg twice daily (n = 98)" is named "with acetazolamide".
                if (m.Index > from && ArmFirstWord.Match(sentence[from..m.Index]) is { Success: true } first)
                    arms.Add((s0, first.Groups["name"].Value, n, m.Value));
                // And the words just before its bracket: "or supervised aerobic exercise (n = 31)" is named "in the aerobic group".
                if (m.Index > from)
                    foreach (var word in ArmWords.Matches(sentence[from..m.Groups["name"].Index]).TakeLast(4))
                        if (!ArmStopWords.Contains(word.Value)) arms.Add((s0, word.Value, n, m.Value));
                from = m.Index + m.Length;
            }
        }
        // A name two arms share ("… 200 mg (n = 251)" and "… 100 mg (n = 249)") names neither; nor does the same name
        // with two n (a paper of several studies), unless stated in different sections (see Context).
        return arms.Where(a => a.Name.Length >= 3 && !NotArmNames.Contains(a.Name)
                               && !arms.Any(o => o.At == a.At && o.N != a.N && ArmKey(o.Name) == ArmKey(a.Name))).ToList();
    }

    /// <summary>Two counts, each with its percentage, joined by "and": "78 (18.9%) and 11 (5.3%)", "412 patients (8.8%) and 398 patients (7.5%)", "12 résidents (4,9 %) et 27 résidents (24,8 %)".</summary>
    static readonly Regex PairedShares = new(@"(?<![\w.,])(?<k1>" + WholeCount + @")\s+(?:" + PeopleWords + @"\s+)?\(\s*" + Num + @"\s*%\s*\)\s*(?:and|et)\s+(?:in\s+|chez\s+)?(?<k2>" + WholeCount + @")\s+(?:" + PeopleWords + @"\s+)?\(\s*" + Num + @"\s*%\s*\)", OptI);

    /// <summary>The two arms of the last allocation or table header stated before a position in its section, in the
    /// order stated, when it states exactly two.</summary>
    static ((int N, string Source) First, (int N, string Source) Second)? TwoArms(StudyNs studyNs, int position)
    {
        int? section = studyNs.SectionOf(position);
        var inSection = studyNs.Arms.Where(a => a.At < position && studyNs.SectionOf(a.At) == section).ToList();
        if (inSection.Count == 0) return null;
        int at = inSection.Max(a => a.At);
        var arms = inSection.Where(a => a.At == at).Select(a => (a.N, a.Source)).Distinct().ToList();
        return arms.Count == 2 ? (arms[0], arms[1]) : null;
    }

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
        /// <summary>The arms' n stated under their names (<see cref="ArmNs"/>).</summary>
        public IReadOnlyList<(int At, string Name, int N, string Source)> Arms { get; init; } = [];
        /// <summary>The paper's section a position is in: the last heading at or before it (null when the text has none).</summary>
        public int? SectionOf(int position) => Headings?.LastOrDefault(h => h <= position);
        /// <summary>The arms a word names (<see cref="ArmKey"/>) whose n was stated before a position, in its section.</summary>
        public IEnumerable<(int At, string Name, int N, string Source)> ArmsCalled(string word, int before)
        {
            int? section = SectionOf(before);
            string key = ArmKey(word);
            return Arms.Where(a => a.At < before && ArmKey(a.Name) == key && SectionOf(a.At) == section);
        }
        /// <summary>Lines of their own naming a group with its n ("Placebo group (n = 74)"): the n of the text below them.</summary>
        public IReadOnlyList<(int At, string Name, int N, string Source)> HeadingNs { get; init; } = [];

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
            // The first n stated under a later heading than the text's first: the sections before it report a study of
            // their own (whose n the reader did not find), so the text reports several and this one's n applies in its own section only.
            if (Headings.Count(h => h <= first.At) >= 2 && section > Headings.LastOrDefault(h => h <= first.At))
                return (null, "no study n stated in this section (the text reports several studies)");
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
            else if (CountWords.Values.TryGetValue(word, out var w)) current += w;
            else return null;
        }
        return total + current;
    }

    /// <summary>A correlation's n printed after its p, in the same clause: "r = 0.12; p &lt; 0.001; n = 120".</summary>
    /// <summary>"NS", "n.s." printed for a p: above the 5 % level (the level a paper states otherwise is not read).</summary>
    static readonly Regex CountedSubject = new(@"^\s*(?:(?:the|les|la|le|l')\s*)?(?<subject>[^.;:=±%()\[\]\d]{3,100}?)\s*(?:\b(?:had|numbered|averaged|avaient|avait)\s+(?:(?:a|an|une)\s+)?|\b(?:were|étaient)\s+(?:(?:a|an|une?|en|de)\s+)?(?=(?:median|mean|médiane|moyenne)\b)|:\s*)(?:(?:median|mean|médiane|moyenne)\s*(?:of|de)?\s*)?$", OptI);
    static readonly Regex TimeUnitAfter = new(@"^\s*(?:seconds?|secondes?|s\b|minutes?|min\b|hours?|heures?|h\b|days?|jours?|weeks?|semaines?|months?|mois|years?|ans|années)", OptI);
    static readonly Regex PerPeriod = new(@"^\s*(?:a|an|per|par)\s+(?:day|week|month|year|jour|semaine|mois|an)\b", OptI);
    static readonly Regex NumberOfSubject = new(@"\b(?:(?:(?:mean|average|median)\s+)?number of|nombre\s+(?:(?:moyen|médian)\s+)?d(?:e\s|')|count of|courses of)", OptI);
    static readonly Regex Respectively = new(@"\b(?:respectively|respectivement)\b", OptI);
    /// <summary>The words after a statistic up to an n in the bracket of its own p: "with the drug (P &lt; .001; ".</summary>
    static readonly Regex OwnPThenN = new(@"^(?<words>[^\d()]{0,40})\(\s*[pP]\s*[<>=≤≥]\s*(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*[;,]\s*$", Opt);
    /// <summary>Where a clause ends: a semicolon, a comma before a conjunction, or a conjunction opening another group of
    /// its own ("… (P &lt; .001) and in the usual-care arm (n = 85) from …", "et chez les 31 du groupe témoin").</summary>
    static readonly Regex ClauseBreak = new(@";|,\s*(?:and|but|whereas|while|et|mais|alors que|tandis que)\b|\b(?:and|et)\s+(?:in|among|dans|chez|parmi)\s+(?:the|les?|la|l')\s*\w", OptI);
    /// <summary>A correlation's n right after its p: "; n = 120", or in the bracket that follows it, "p = 0.56 (n = 469)", "p = 0,56 [n = 469]".</summary>
    /// <summary>Days counted, not a time elapsed: the days on which something happened within a period ("needed their
    /// reliever on a mean of 6.45 days (SD 4.11) during the peak season", "took analgesics on 2.87 (SD 0.93) days in the
    /// first week"; not "discharged on a median of 4 days after surgery") and the days missed ("missed 3.40 (SD 1.22) days of school",
    /// "ont manqué 3,40 (ET 1,22) jours d'école"), each a whole day.</summary>
    static readonly Regex DaysCounted = new(@"\b(?:(?<on>on)|missed|manqué|manquaient|manquait)\s+(?:(?:a|an|une?)\s+(?:mean|median|average|moyenne|médiane)\s+(?:of|de)\s+|(?:en\s+)?(?:moyenne|médiane)\s+)?$", OptI);
    static readonly Regex NAfterP = new(@"^\s*(?:[,;]|[(\[])\s*[nN]\s*=\s*(?<n>" + WholeCount + ")", Opt);

    /// <summary>The units a sentence may count other than the study's patients (several to a patient).</summary>
    internal const string OtherUnitWords = "eyes|knees|hips|teeth|lesions|visits|samples|specimens|procedures|operations|admissions|hospitali[sz]ations|episodes|cycles|prescriptions|records|measurements|tumou?rs|nodules|joints|events|consultations|séjours|yeux|genoux|hanches|dents|lésions|visites|échantillons|prélèvements|interventions|hospitalisations|épisodes|ordonnances|dossiers|mesures|tumeurs|articulations|événements|évènements";

    /// <summary>A statistic printed in a stretch of text (a ±, a percentage, an equals sign or a decimal): a group
    /// named before it is that statistic's, not a later one's.</summary>
    static readonly Regex StatisticPrinted = new(@"[±%=]|\d[.,]\d", RegexOptions.CultureInvariant);

    /// <summary>
    /// A group counted before a statistic is another clause's when a clause break and that clause's own statistic stand
    /// between them and the statistic's clause names a group of its own after it: "Les 9 femmes sous X avaient consulté
    /// 2,44 (DS 0,26) fois, et la prise de Y … était de 0,55 (DS 0,50) dans le groupe Z", "the 12 smokers reported 3.1
    /// (SD 1.2) cigarettes, and the share … was 0.40 (SD 0.49) in the placebo group".
    /// </summary>
    static bool GroupOfAnotherClause(string flow, int groupEnd, int start, int end, int s1)
    {
        if (groupEnd > start) return false;
        var between = flow[groupEnd..start];
        if (ClauseBreak.Matches(between).LastOrDefault() is not { } cut || !StatisticPrinted.IsMatch(between[..cut.Index])) return false;
        var after = flow[end..Math.Max(end, Math.Min(s1, end + 40))];
        if (ClauseBreak.Match(after) is { Success: true } next) after = after[..next.Index];
        return OwnGroupNamed.IsMatch(after);
    }

    /// <summary>A sentence that opens on the people it is about, closed by a comma: "In the 67 patients who completed
    /// treatment, …", "Among the 120 participants, …", "Chez les 67 patients ayant terminé le traitement, …", "Over all 90
    /// women, …", "Sur l'ensemble des 90 patientes, …".</summary>
    static readonly Regex SentenceOpensOnPeople = new(@"^\s*(?:In|Among|Chez|Parmi|Over|Across|Of|For|Sur|Pour|Dans)\s+(?:all\s+(?:the\s+)?|the\s+|these\s+|les\s+|ces\s+|tous\s+les\s+|toutes\s+les\s+|l'ensemble\s+des\s+)?(?<n>" + WholeCount + "|" + CountWords.Pattern + @")\s+(?:[\wéè'-]+\s+)?" + PeopleWords + @"\b[^.;:()\d]*,", Opt);

    /// <summary>An arm named as the adjective of the people counted: "9 plate patients", "21 tai chi participants", "12 placebo
    /// recipients" (the word right before the people's noun).</summary>
    static readonly Regex ArmBeforePeople = new(@"(?<![\p{L}\d'’-])(?<name>[\p{L}][\p{L}\d-]*)\s+" + PeopleWords + @"\b", OptI);

    /// <summary>An arm named by the adverb of how the people were treated: "cases treated systemically" (the "Systemic"
    /// arm), "treated surgically" ("Surgical"), "traités chirurgicalement" ("chirurgical"): the adverb's adjective.</summary>
    static readonly Regex ArmAdverb = new(@"\b(?:treated|managed|operated|given|randomi[sz]ed|allocated|traitée?s|prise?s en charge|opérée?s|randomisée?s)\s+(?<w>\p{L}{4,}(?:ly|ement))\b", OptI);
    static IEnumerable<string> ArmAdverbs(string words) => ArmAdverb.Matches(words).Select(m => m.Groups["w"].Value)
        .SelectMany(w => w.EndsWith("ement", StringComparison.OrdinalIgnoreCase) ? new[] { w[..^5], w[..^4] } : new[] { w[..^2], w[..^4] });

    /// <summary>Arms of one device or drug told apart by a size or dose: "a 0.6 mm piston (n = 61) or a 0.4 mm piston (n =
    /// 60)", "5 mg tablets (n = 40)", "un piston de 0,4 mm (n = 60)", and a statistic's clause naming one of them ("with
    /// the 0.4 mm piston", "avec le piston de 0,4 mm").</summary>
    const string DoseUnit = @"(?<unit>mm|cm|mg|µg|mcg|g|ml|mL|%|French|Fr|G)";
    const string DosedArm = @"(?:(?<![\d.,])(?<num>\d+(?:[.,]\d+)?)\s*" + DoseUnit + @"\s+(?<word>[\p{L}][\p{L}-]*)|(?<word>[\p{L}][\p{L}-]*)\s+(?:de|à|of)\s+(?<num>\d+(?:[.,]\d+)?)\s*" + DoseUnit + @"\b)";
    static readonly Regex DosedArmBefore = new(DosedArm + @"[\s(]*(?:[nN]\s*=\s*)?$", Opt);
    static readonly Regex DosedArmAtEnd = new(DosedArm + @"\s*$", Opt);
    /// <summary>The dose and name an arm's bracket follows, as one name ("0.4 mm piston").</summary>
    static string? DosedArmName(string text, Match bracket) =>
        DosedArmAtEnd.Match(text[..(bracket.Index + bracket.Value.LastIndexOf('('))]) is { Success: true } d ? DoseKey(d) : null;
    static string DoseKey(Match dosed) => $"{dosed.Groups["num"].Value.Replace(',', '.')} {dosed.Groups["unit"].Value} {dosed.Groups["word"].Value}";

    /// <summary>
    /// The arms whose n the paper stated before a position, in the position's section, that words name: "with B", "in the B
    /// group", "du groupe B", "sous B", "given B" (<see cref="ArmReference"/>), "9 B patients" (<see cref="ArmBeforePeople"/>),
    /// "treated surgically" (<see cref="ArmAdverbs"/>); each arm once, its last statement. Every lookup of the group a
    /// statistic's or a list's clause names goes through it.
    /// </summary>
    static List<(int At, string Name, int N, string Source)> ArmsNamed(string words, int before, StudyNs studyNs)
    {
        return ArmReference.Matches(words).SelectMany(r => r.Groups["name"].Captures.Select(c => c.Value)).Concat(ArmBeforePeople.Matches(words).Select(m => m.Groups["name"].Value)).Concat(ArmAdverbs(words))
            .SelectMany(word => studyNs.ArmsCalled(word, before))
            .GroupBy(a => ArmKey(a.Name)).Select(g => g.Last()).ToList();
    }

    // The n of the group a clause names, however the paper stated it: an arm of the allocation (ArmsNamed), the name printed
    // with its n (a table's header), or a denominator given with the name.

    /// <summary>The arm a clause names, when it names one arm only and the paper stated its n before, in the same section.</summary>
    static (int At, string Name, int N, string Source)? ArmOfClause(string flow, int from, int to, int start, StudyNs studyNs)
    {
        if (studyNs.Arms.Count == 0) return null;
        var named = ArmsNamed(flow[from..to], start, studyNs);
        // Two words of one arm's name ("given botulinum toxin" after "randomised to botulinum toxin (n = 40)") name one arm.
        return named.Count >= 1 && named.Select(a => (a.At, a.N, a.Source)).Distinct().Count() == 1 ? named[0] : null;
    }

    /// <summary>
    /// The n of the group a segment's words name before its counts: its head with an n ("of the 3,274 treated with B"), an
    /// arm whose n the paper stated before (an allocation, a table's header: <see cref="ArmOfClause"/>, <see
    /// cref="ArmByPrintedName"/>), or the denominator the paragraph gives with the group's name ("12 of 40 given B", "19 of
    /// 102 after B", "9 sur 44 du groupe B"), when every one it gives is the same.
    /// </summary>
    static (int N, string Source)? GroupN(string flow, int[] sentences, StudyNs studyNs, int from, int to, int at)
    {
        if (GroupHeadBefore.Match(flow[from..to]) is { Success: true } head)
            return (ParseWhole(head.Groups["n"].Value), $"of '{head.Value.Trim().TrimEnd(',')}'");
        int s0 = SentenceStart(sentences, at);
        if (ArmOfClause(flow, from, to, at, studyNs) is { } arm && arm.At < s0)
            return (arm.N, $"of {ArmNSource} '{arm.Name}' ('{arm.Source.Trim()}')");
        if (ArmByPrintedName(flow, from, to, s0, studyNs) is { } printed)
            return (printed.N, $"of {ArmNSource} '{printed.Name}' ('{printed.Source}')");
        return GroupDenominator(flow, studyNs, from, to, at) is { } d ? (d.N, "of " + d.Source) : null;
    }

    /// <summary>Words naming a group in a clause: "given botulinum toxin", "after wedge excision", "in the B group", "du groupe
    /// B", "sous B", "treated with B"; the name runs to a comma, a bracket, a number or a clause's end, four words at most.</summary>
    static readonly Regex GroupNameInClause = new(@"\b(?:" + GroupLeadWords + @"|au\s+groupe)\s+(?:the\s+|an?\s+|l['’]|le\s+|la\s+|les\s+)?(?<name>[\p{L}][\p{L}\d.'’‐-]*(?:\s+(?!(?:the|these|ces|les|numbers|nombres|were|étaient|was|était|and|et|or|ou|had|avaient|in|chez)\b)[\p{L}\d][\p{L}\d.'’‐-]*){0,3})", OptI);
    /// <summary>The words that lead a group's name in a clause and in a denominator given with it: "given B", "after B",
    /// "treated with B", "in the B group", "du groupe B", "sous B".</summary>
    const string GroupLeadWords = @"given|after|with|receiving|taking|using|wearing|utilisant|portant|treated\s+(?:with|by)|on|under|in\s+the|of\s+the|du\s+groupe|dans\s+le\s+groupe|du\s+bras|sous|après|avec|traitée?s?\s+par|recevant";
    static readonly Regex GroupWordEnd = new(@"\s+(?:group|arm|groupe|bras)$", OptI);

    /// <summary>
    /// The n of the group a clause names, as the clause's paper gives it as a denominator with the group's name ("12 of
    /// 40 given B", "19 of 102 after B", "9 sur 44 du groupe B"): the name's words, or its first ones, in every such
    /// denominator of the paper, all of one n. Null when the clause names no group, two, or the paper gives none.
    /// </summary>
    static (int N, string Source)? GroupDenominator(string flow, StudyNs studyNs, int from, int to, int at)
    {
        // The paper's section the clause is in (a paper of its own under its heading), before or after the clause.
        int p0 = studyNs.Headings?.LastOrDefault(h => h <= at) ?? 0;
        int p1 = studyNs.Headings?.FirstOrDefault(h => h > at) is int next and > 0 ? next : flow.Length;
        var paragraph = flow[p0..p1];
        var found = new List<(int N, string Source)>();
        foreach (Match g in GroupNameInClause.Matches(flow[from..to]))
        {
            var words = Regex.Split(GroupWordEnd.Replace(g.Groups["name"].Value.Trim().TrimEnd('.', ','), ""), @"[\s‐-]+").Where(w => w.Length > 0).ToList();
            // The whole name, else its first words ("after wedge excision of the nail" and "19 of 102 after wedge excision").
            for (int k = words.Count; k >= 1; k--)
            {
                if (string.Join(" ", words.Take(k)).Length < 3) break;
                string printedName = string.Join(@"[\s‐-]+", words.Take(k).Select(Regex.Escape));
                var denominators = new Regex(DenominatorOfGroup.Replace("NAME", printedName), OptI).Matches(paragraph).ToList();
                if (denominators.Count == 0) continue;
                found.AddRange(denominators.Select(d => (ParseWhole(d.Groups["n"].Value), $"the group '{string.Join(" ", words.Take(k))}' ('{d.Value.Trim()}')")));
                break;
            }
        }
        return found.Count > 0 && found.Select(f => f.N).Distinct().Count() == 1 ? found[0] : null;
    }
    /// <summary>A count of a group's n with the group's name: "12 of 40 given NAME", "19 of 102 after NAME", "4 of 72 patients
    /// treated with NAME", "9 sur 44 du groupe NAME", "19 patients sur 51 sous NAME". Not "64 of the 118 caesarean deliveries
    /// after NAME", "97 of the 157 in the NAME group": a set named before ("the"), or other than people, is a part of the group.</summary>
    const string DenominatorOfGroup = @"(?<![\w.,])" + WholeCount + @"\s+(?:[\p{L}-]+\s+){0,2}?(?:of|out of|sur)\s+(?<n>" + WholeCount + @")(?![.,]?\d)\s+(?:(?:[\p{L}-]+\s+)?" + PeopleWords + @"\s+)?(?:" + GroupLeadWords + @")\s+(?:the\s+|an?\s+|l['’]|le\s+|la\s+|les\s+)?NAME(?![\p{L}\d-])|" + DenominatorNamedPeople;
    /// <summary>A count of a group's n with the group's name before its people: "43 of 148 intervention participants", "17 of
    /// 155 controls", "12 sur 40 patients NAME" is not this form (French names after the people, above).</summary>
    const string DenominatorNamedPeople = @"(?<![\w.,])" + WholeCount + @"\s+(?:of|out of)\s+(?<n>" + WholeCount + @")(?![.,]?\d)\s+NAME(?:\s+" + PeopleWords + @"\b|(?<=(?i:control|témoin))s\b)";

    /// <summary>The group a clause names before its counts: "in the placebo group, …", "of the active group", "dans le
    /// groupe clobétasol seul", "sous oxybate de sodium, …", "after open surgery, …".</summary>
    static readonly Regex GroupNamedBefore = new(@"\b(?:in|of|from)\s+the\s+(?<name>[\p{L}][\p{L}‐-]*(?:\s+[\p{L}][\p{L}‐-]*){0,2}?)\s+(?:group|arm)\b|\b(?:du|dans\s+le|au)\s+(?:groupe|bras)\s+(?<name>[\p{L}][\p{L}'’‐-]*(?:\s+[\p{L}][\p{L}'’‐-]*){0,2}?)(?=\s*[,;:(.]|\s*$|\s+(?:ces|les)\b)|(?:^\s*|[,;]\s*)(?:in|after|with|under|on|sous|après|avec)\s+(?:the\s+|l['’]|le\s+|la\s+|les\s+)?(?<name>[\p{L}][\p{L}'’‐-]*(?:\s+[\p{L}][\p{L}'’‐-]*){0,3}?)(?:\s+(?:group|arm))?\s*,", OptI);

    /// <summary>
    /// The n of the group a clause names, where the paper printed that name with its n before (a table's header
    /// "Oxybate de sodium (n = 64)", "Dissection alone (n = 78)"): the words of the name, a hyphen as a space, then
    /// "(n = …)", else with one or two words more before it ("Contraception continue (n = 80)"); or a word of the name that names an arm whose n was stated before in the section ("of the active group"
    /// after "randomized to active stimulation (n = 64) or sham stimulation (n = 62)"). Only when all give one n.
    /// </summary>
    static readonly Regex GroupWord = new(@"\b(?:groups?|arms?|groupes?|bras)\b", OptI);
    static (int N, string Name, string Source)? ArmByPrintedName(string flow, int from, int to, int before, StudyNs studyNs)
    {
        // A span naming two groups ("96 dans le groupe association et 94 dans le groupe tamsulosine seule") names no one group.
        if (GroupWord.Matches(flow, from).TakeWhile(m => m.Index < to).Count() > 1) return null;
        var found = new List<(int N, string Name, string Source)>();
        foreach (Match g in GroupNamedBefore.Matches(flow[from..to]))
        {
            var name = g.Groups["name"].Value.Trim();
            if (name.Length < 3) continue;
            var words = Regex.Split(name, @"[\s‐-]+").Where(w => w.Length > 0).Select(Regex.Escape);
            string printedName = @"(?<![\p{L}\d'’-])" + string.Join(@"[\s‐-]+", words);
            const string PrintedN = @"\s*\(\s*[nN]\s*=\s*(?<n>" + WholeCount + @")\s*\)";
            List<(int, string, string)> PrintedAt(string pattern) => new Regex(pattern, OptI).Matches(flow[..before]).Select(m => (ParseWhole(m.Groups["n"].Value), name, m.Value)).ToList();
            var atName = PrintedAt(printedName + PrintedN);
            // The name's first words printed with one or two more ("in the contraception group" and "Contraception continue (n = 80)").
            if (atName.Count == 0) atName = PrintedAt(printedName + @"(?:\s+[\p{L}][\p{L}'’‐-]*){1,2}" + PrintedN);
            // The whole name printed with its n names the arm; its words may name others ("Méthotrexate + clobétasol" beside "Clobétasol seul").
            found.AddRange(atName);
            if (atName.Count == 0)
            foreach (var word in Regex.Split(name, @"[\s‐-]+").Where(w => w.Length >= 3))
                found.AddRange(studyNs.ArmsCalled(word, before).Select(a => (a.N, name, a.Source.Trim())));
        }
        return found.Count > 0 && found.Select(f => f.N).Distinct().Count() == 1 ? found[0] : null;
    }
    /// <summary>A word after a statistic that opens another group's statement of the same thing: "… with the drug (n = 9,
    /// 14.1%) and with placebo (n = 2, 3.2%)", "more frequent with X (n = 8, 14.8%) than with placebo", "… contre 3 sous
    /// Y": the arm named after it is that statement's, not the statistic's.</summary>
    static readonly Regex OtherStatementAfter = new(@"\b(?:(?:and|et|or|ou|but|mais)\s+(?=(?:with|after|under|on|in|among|avec|sous|après|dans|chez|parmi)\b)|than|que|versus|vs\.?|contre|compared\s+with|comparé[es]*\s+(?:à|au|aux|avec)|whereas|while|alors\s+que|tandis\s+que)\b", OptI);

    /// <summary>Where the clause a statistic closes ends, for the arm it names after it: before another group's statement (<see cref="OtherStatementAfter"/>).</summary>
    static int OwnClauseEnd(string flow, int end, int c1) =>
        end < c1 && OtherStatementAfter.Match(flow, end, c1 - end) is { Success: true } other ? other.Index : c1;
}
