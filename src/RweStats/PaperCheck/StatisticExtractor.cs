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

    /// <summary>The scales the paper says it scored in whole points ("une EVA de 0 à 10 en points entiers"): integer-valued as a declared measure is, a visual analogue one included.</summary>
    internal Regex? StatedWholePoints { get; init; }
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
internal static partial class StatisticExtractor
{
    public static Extraction Extract(PaperText text, CheckOptions options)
    {
        var flow = text.Flow;
        bool french = IsFrench(flow);
        var sentences = SentenceStarts(flow);
        options = options with { PaperScores = PaperScorePattern(flow), StatedWholePoints = StatedWholePointsPattern(flow) };
        var studyNs = (options.StudyN is { } given ? new StudyNs(new[] { (0, given, "given by the reader") }) : FindStudyNs(text)) with { Arms = ArmNs(text, SentenceStarts(text.Flow)) };
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
        var cells = TextTables.Cells(text).ToList();
        foreach (var cell in cells)
            if (TableStatistic(text, cell, cells, french, sentences, studyNs, options) is { } stat)
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
            var (df1, df2) = Df(test, m.Groups["df"].Success ? m.Groups["df"].Value : null, gap, flow[p.End..Math.Min(flow.Length, p.End + 40)], french);
            // A correlation with no n of its own after one with its n in the same sentence is of the same patients:
            // "(r = 0.48; p = 0.017; n = 24), but not with age (r = −0.09; p = 0.03)".
            if (test == "r" && df1 is null && found.OfType<TestStatistic>().LastOrDefault() is { Test: "r", Df1: { } previousDf } previous
                && SentenceIndex(sentences, previous.Context.Start) == SentenceIndex(sentences, m.Index))
                df1 = previousDf;
            if (IsSpearman(m.Groups["test"].Value) && !(df1?.Value >= SpearmanMinDf)) continue;
            int start = Math.Min(m.Index, p.Start), end = pFirst ? valueEnd + gap.Length : p.End;
            usedP.Add(p);
            taken.Add((start, end));
            var statContext = Context(text, start, end, french, sentences, studyNs, options);
            // "In the 67 patients who completed treatment, the fall in pain correlated with … (r = 0.31, p = 0.01)": the people
            // the sentence opens on are all the correlation can be of (fewer, with missing values, only raise its p).
            if (test == "r" && df1 is null && SentenceOpensOnPeople.Match(flow[SentenceStart(sentences, m.Index)..m.Index]) is { Success: true } opener)
                statContext = statContext with { NAtMost = ParseWhole(opener.Groups["n"].Value) };
            found.Add(new TestStatistic(statContext, test, df1, df2, value, p) { DfMayBeCorrected = sphericity && test == "F" });
        }

        foreach (Match m in Interval.Matches(flow))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var lo = PrintedNumber.Parse(m.Groups["lo"].Value, french);
            var hi = PrintedNumber.Parse(m.Groups["hi"].Value, french);
            if (est is null || lo is null || hi is null) continue;
            if (m.Groups["said"].Length > 0 && !Regex.IsMatch(m.Groups["est"].Value, @"^[-−–+]|[.,]\d")) continue;
            est = SignedByDirection(est, lo, hi, m.Groups["fewer"].Success, french);
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
            var ratio = RatioNamedBefore(flow, sentences, from, est, lo, hi);
            var name = m.Groups["rname"].Success ? m.Groups["rname"].Value : ratio?.Value;
            // "OR = 0,96 par an (IC …)": a ratio per unit; a rate per year with its interval tests no zero difference.
            if (m.Groups["per"].Success && name is null) { if (p is not null) usedP.Remove(p); continue; }
            var dfMatch = Regex.Match(flow[(m.Index + m.Length)..Math.Min(flow.Length, m.Index + m.Length + 40)], @"^[^.]{0,25}?\b(?:df|ddl)\s*=\s*(?<df>\d+(?:[.,]\d+)?)");
            var df = dfMatch.Success ? PrintedNumber.Parse(dfMatch.Groups["df"].Value, french) : null;
            taken.Add((from, end));
            found.Add(new EstimateWithInterval(Context(text, from, end, french, sentences, studyNs, options), name, name is not null,
                est, level, lo, hi, p, df) { OtherTestNamed = OtherTestIn(flow, sentences, from, end), DifferenceOfPercentages = m.Groups["pp"].Success });
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

        foreach (Match m in ChangeWithSe.Matches(flow))
        {
            int from = m.Groups["est"].Index;
            if (!Free(from, m.Index + m.Length) || MeanNotChange.IsMatch(flow[Math.Max(SentenceStart(sentences, from), from - 40)..from])) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var se = PrintedNumber.Parse(m.Groups["se"].Value, french);
            var p = PAfter(pValues, flow, m.Index + m.Length, 5);
            if (est is null || se is null || p is null || usedP.Contains(p)) continue;
            // "(SE 0.6; P = .03 vs placebo)": the p compares with another group, not the amount with zero.
            if (BetweenGroupsP.IsMatch(flow[p.End..Math.Min(flow.Length, p.End + 30)].Split(')', ']')[0])) continue;
            usedP.Add(p);
            taken.Add((from, p.End));
            found.Add(new EstimateWithStandardError(Context(text, from, p.End, french, sentences, studyNs, options), "estimate", est, se, p));
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

        // A ratio whose name comes before it in its sentence, printed with its bare limits and its p: "the odds ratio for
        // cellulitis was 0.44 (0.13–1.49; p = 0.003)", "…, and for a first exacerbation 0.71 (0.39–1.29; p = 0.026)",
        // "adjusted odds ratio 1.08, 0.86 to 1.36; P = 0.01". Only with a p, as a median's quartiles would have none.
        foreach (Match m in BareRatioInterval.Matches(flow))
        {
            int from = m.Groups["est"].Index;
            if (!Free(from, m.Index + m.Length) || m.Groups["est"].Value.StartsWith('-')) continue;
            var est = PrintedNumber.Parse(m.Groups["est"].Value, french);
            var lo = PrintedNumber.Parse(m.Groups["lo"].Value, french);
            var hi = PrintedNumber.Parse(m.Groups["hi"].Value, french);
            if (est is null || lo is null || hi is null || !(0 < lo.Value && lo.Value < hi.Value)) continue;
            if (SecondOfTwo.IsMatch(flow[Math.Max(SentenceStart(sentences, from), from - 60)..from])) continue;
            var p = PAfter(pValues, flow, m.Index + m.Length, 3);
            if (p is null || usedP.Contains(p) || RatioNamedBefore(flow, sentences, from, est, lo, hi) is not { } ratio) continue;
            usedP.Add(p);
            taken.Add((from, p.End));
            found.Add(new EstimateWithInterval(Context(text, from, p.End, french, sentences, studyNs, options), ratio.Value, true,
                est, paperLevel, lo, hi, p, null) { OtherTestNamed = OtherTestIn(flow, sentences, from, p.End), LevelSource = paperLevel is null ? (levels.Count == 0 ? "no level stated in the paper" : $"the paper states several levels ({string.Join(", ", levels)} %)") : "the one level the paper states" });
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
                    // "d'âge moyen 61,4 ans (DS 11,2), diabétiques depuis 9 ans en médiane (Q1-Q3 : 5-15)": the word after the value names it.
                    if (MeanWord.Matches(before).LastOrDefault() is { } mean && (MedianWord.Matches(before).LastOrDefault()?.Index ?? -1) < mean.Index
                        && !MedianWord.IsMatch(flow[(start + m.Groups["med"].Length)..m.Groups["q1"].Index])) continue;
                }
                // "12 jours en médiane (extrêmes 3-64)": the word between the value and its range names it.
                if (regex == MedianByRange && !MedianWord.IsMatch(flow[(start + m.Groups["med"].Length)..m.Groups["min"].Index]))
                {
                    // A range alone may be of a mean or of anything: a median only when the sentence names one before it and no mean after that.
                    var before = flow[SentenceStart(sentences, start)..start];
                    int median = MedianWord.Matches(before).LastOrDefault()?.Index ?? -1;
                    if (median < 0 || (MeanWord.Matches(before).LastOrDefault()?.Index ?? -1) > median) continue;
                }
                taken.Add((m.Index, m.Index + m.Length));
                var context = Context(text, start, m.Index + m.Length, french, sentences, studyNs, options);
                // "a median of 18 of the 24 weekly messages": a count out of a whole number of things is whole.
                if (m.Groups["den"].Success && !context.IntegerValued)
                    context = context with { IntegerValued = true, Measure = context.Measure ?? $"a count out of {m.Groups["den"].Value}" };
                found.Add(new MedianWithQuartiles(context, G("med"), G("q1"), G("q3"), G("min"), G("max")));
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
            // "; chez les 41 patients ayant un abcès rénal, elle était de 21 jours [14 ; 18]": the same median in another group, by its pronoun.
            if (PronounMedianBareLimits.Match(flow, m.Index + m.Length) is { Success: true } next && Free(next.Groups["med"].Index, next.Index + next.Length)
                && PrintedNumber.Parse(next.Groups["med"].Value, french) is { } med2 && PrintedNumber.Parse(next.Groups["a"].Value, french) is { } a2
                && PrintedNumber.Parse(next.Groups["b"].Value, french) is { } b2)
            {
                int at = next.Groups["med"].Index;
                taken.Add((at, next.Index + next.Length));
                found.Add(new MedianWithQuartiles(Context(text, at, next.Index + next.Length, french, sentences, studyNs, options), med2, null, null, null, null) { BareLimits = (a2, b2) });
            }
        }

        // Values with bare limits in a sentence that ends by saying what they are ("the MIDAS score was 36 (24–58) and 38
        // (25–61), median (IQR)", "était de 2 [1 ; 3] … et de 0 [0 ; 1] pendant le suivi (médiane [Q1 ; Q3])"): medians
        // with their quartiles, as a table's header says of its cells.
        foreach (Match d in MedianDeclaredAfter.Matches(flow))
        {
            int s0 = Math.Max(SentenceStart(sentences, d.Index), d.Index - 400);
            foreach (Match m in ValueWithBareLimits.Matches(flow[s0..d.Index]))
            {
                int start = s0 + m.Groups["med"].Index, end = s0 + m.Index + m.Length;
                // A mean, a p or a percentage between the value and the statement may be what it is of.
                if (!Free(start, end) || Regex.IsMatch(flow[end..d.Index], @"±|\b(?:mean|moyenne|(?-i:SD|ET|DS))\b|%|[pP]\s*[<=>]", OptI)) continue;
                var (med, a, b) = (PrintedNumber.Parse(m.Groups["med"].Value, french), PrintedNumber.Parse(m.Groups["a"].Value, french), PrintedNumber.Parse(m.Groups["b"].Value, french));
                if (med is null || a is null || b is null) continue;
                taken.Add((start, end));
                found.Add(new MedianWithQuartiles(Context(text, start, end, french, sentences, studyNs, options), med, a, b, null, null));
            }
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
        foreach (var regex in new[] { PercentThenCount, PercentThenNInBracket, CountOfNThenPercentInBracket, CountPercentOf, CountOfThenPercent, CountWordOfThenPercent, PercentCommaCount, CountThenPercent, PercentWordsThenCount, CountInWordsThenPercent, CountHadThenPercent, PercentOfPeople })
            foreach (Match m in regex.Matches(flow))
            {
                if (!Free(m.Index, m.Index + m.Length)) continue;
                var pct = PrintedNumber.Parse(m.Groups["pct"].Value, french);
                if (pct is null || pct.Value > 100 || pct.Value < 0) continue;
                // "95 % CI", "IC à 95 %", "alpha ... 5 %" are levels, not shares of patients.
                var after = flow[(m.Groups["pct"].Index + m.Groups["pct"].Length)..Math.Min(flow.Length, m.Index + m.Length + 20)];
                var before = flow[Math.Max(0, m.Index - 25)..m.Index];
                if (Regex.IsMatch(after, @"^\s*%\s*(?:CI|IC|confidence|de confiance)") || Regex.IsMatch(before, @"(?:IC|CI|alpha|α|seuil|risque|level)\s*(?:à|of|de)?\s*$", OptI)) continue;
                // "une saturation inférieure à 92 % (n = 72)", "an oxygen saturation below 92% (n = 72)": a bound a
                // percentage is compared with is a threshold, not a share of patients.
                if (PercentBound.IsMatch(flow[Math.Max(0, m.Groups["pct"].Index - 40)..m.Groups["pct"].Index])) continue;
                // "tacrolimus 0.1% ointment (n=36)", "une pommade à 0,1 % (n = 36)": a drug's concentration in its formulation.
                if (FormulationAfterPercent.IsMatch(flow[(m.Groups["pct"].Index + m.Groups["pct"].Length)..Math.Min(flow.Length, m.Groups["pct"].Index + m.Groups["pct"].Length + 60)])
                    || FormulationBeforePercent.IsMatch(flow[Math.Max(0, m.Groups["pct"].Index - 40)..m.Groups["pct"].Index])) continue;
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
                if (denominator is null && k is not null && context.N is null
                    && PeopleOpenedInParagraph(flow, m.Groups["k"].Index + m.Groups["k"].Length, m.Index) is { } opened && opened.N >= k)
                    context = context with { NAtMost = opened.N, NSource = $"'{opened.Source}', the people a sentence earlier in the paragraph opened on" };
                found.Add(new Percentage(context, pct, k, denominator));
            }

        found.AddRange(Categories(text, sentences, studyNs, french, options));
        found.AddRange(CountedOnce(text, sentences));
        // Clauses of one group, where no variable's levels were found on their counts; where they were without a total,
        // the group's head or arm gives them one.
        foreach (var c in ClauseCounts(text, sentences, studyNs, french).ToList())
        {
            // Known where a list already found shares a count with them (not where their spans merely overlap: "Les 74
            // patients (46 femmes et 28 hommes) avaient un stade de Hurley II (n = 41) ou III (n = 33)" holds two lists).
            var known = found.OfType<CategoryCounts>().Where(f => f.Categories.Any(a => c.Categories.Any(b => a.Start < b.End && a.End > b.Start))).ToList();
            if (known.Count == 0) found.Add(c);
            else if (c.SentenceTotal is not null && known.All(f => f.SentenceTotal is null && c.Categories[0].Start <= f.Categories[0].Start && c.Categories[^1].End >= f.Categories[^1].End))
            {
                found.RemoveAll(f => known.Contains(f));
                found.Add(c with { MayOverlap = false });
            }
            // The longer list on the same counts, of the same total: a level the variable's words do not name, after theirs
            // ("268 completed follow-up, 14 withdrew and 13 never had their second eye operated", "absent in 38, mild in 54 and
            // tense in 61"). Before them, only where a group's head gives the total: without one, "retrouvée chez 487 patients,
            // sévère chez 203 et modérée chez 284" starts with their total.
            else if (known.All(f => c.Categories.Count > f.Categories.Count && f.Categories.All(a => c.Categories.Any(b => a.Start < b.End && a.End > b.Start))
                                    && (c.SentenceTotal is not null || c.Categories[0].Start < f.Categories[0].End && c.Categories[0].End > f.Categories[0].Start)
                                    && (f.SentenceTotal is null || f.SentenceTotal == c.SentenceTotal)) && (c.SentenceTotal is not null || !c.MayOverlap))
            {
                found.RemoveAll(f => known.Contains(f));
                found.Add(c);
            }
        }
        found.AddRange(EventsCountedByType(text, sentences).Where(e => !found.Any(f => f is CategoryCounts && f.Context.Start < e.Context.End && f.Context.End > e.Context.Start)));
        found = InheritMeasure(flow, found, inTables, sentences, options).Select(s => s switch
        {
            MedianWithQuartiles median => CountedInWholeUnits(median),
            MeanWithSpread mean when !inTables.Contains(mean) => CountedOverOnePeriod(flow, mean),
            _ => s,
        }).ToList();
        found = BinaryLikeTheOneBefore(flow, found, inTables, sentences);
        var within = WithinPatient(text, found, pValues.Where(p => !usedP.Contains(p)).ToList(), sentences).Concat(tableWithin).ToList();
        found.AddRange(within);
        foreach (var p in pValues.Where(p => !usedP.Contains(p) && !within.Any(w => w.P == p)))
            found.Add(new LonePValue(Context(text, p.Start, p.End, french, sentences, studyNs, options), p));
        return new Extraction(found.OrderBy(s => s.Context.Start).ToList(), french ? "fr" : "en", studyN, studyNSource);
    }
}
