using System.Globalization;
using RweStats.Data;

namespace RweStats.Model;

/// <summary>A class (categorical) variable: its levels in their natural order and the reference level.</summary>
public sealed record ClassVariable(string Name, IReadOnlyList<string> Levels, string Reference)
{
    /// <summary>Levels in design-column order: the reference last, so that SAS's sweep aliases it (SAS ref= behaviour).</summary>
    public IReadOnlyList<string> CodingOrder => Levels.Where(l => l != Reference).Append(Reference).ToList();
    /// <summary>The index of a level in <see cref="Levels"/>, or −1.</summary>
    public int IndexOf(string level) { for (int i = 0; i < Levels.Count; i++) if (Levels[i] == level) return i; return -1; }
}

/// <summary>
/// The data as the model sees them: the rows used (outcome and every model variable present), the class
/// variables with their levels, covariate values, and the subjects with their visit positions. Built once
/// from a <see cref="DataTable"/> and a <see cref="MixedModelSpec"/>; every data problem is reported here
/// with file, line and column.
/// </summary>
public sealed class ModelFrame
{
    /// <summary>The same frame with one more note (how the data reached the fit, say).</summary>
    public ModelFrame WithNote(string note) => new()
    {
        Source = Source, Formula = Formula, ObservationsRead = ObservationsRead, Rows = Rows, Response = Response,
        ClassVariables = ClassVariables, ClassCodes = ClassCodes, Covariates = Covariates, Time = Time, Baseline = Baseline,
        SubjectLabels = SubjectLabels, SubjectStart = SubjectStart, VisitPosition = VisitPosition, TimeValues = TimeValues,
        Group = Group, SubjectGroup = SubjectGroup, ResponseLabel = ResponseLabel, VisitOrdering = VisitOrdering,
        Notes = Notes.Append(note).ToList(), SubjectsRead = SubjectsRead, Summary = Summary,
    };

    /// <summary>Where the rows came from (a file name or a database relation), for messages.</summary>
    public required string Source { get; init; }
    /// <summary>The parsed model formula.</summary>
    public required Formula Formula { get; init; }
    /// <summary>Rows read from the data (SAS "Number of Observations Read").</summary>
    public required int ObservationsRead { get; init; }
    /// <summary>Indices (into the table) of the rows used, sorted by subject then visit position.</summary>
    public required int[] Rows { get; init; }
    /// <summary>The response value of each used row.</summary>
    public required double[] Response { get; init; }
    /// <summary>The formula's class variables and the time variable, by name.</summary>
    public required IReadOnlyDictionary<string, ClassVariable> ClassVariables { get; init; }
    /// <summary>Per class variable, the level index (into Levels) of each used row.</summary>
    public required IReadOnlyDictionary<string, int[]> ClassCodes { get; init; }
    /// <summary>Per covariate, its value on each used row.</summary>
    public required IReadOnlyDictionary<string, double[]> Covariates { get; init; }
    /// <summary>The repeated (visit) variable, its levels in visit order.</summary>
    public required ClassVariable Time { get; init; }
    /// <summary>The baseline visit (the reference of visit contrasts).</summary>
    public required string Baseline { get; init; }
    /// <summary>Subject labels in order of first appearance; SubjectStart[s]..SubjectStart[s+1] are its rows.</summary>
    public required string[] SubjectLabels { get; init; }
    /// <summary>Start of each subject's rows in <see cref="Rows"/>, with one more entry at the end (the row count).</summary>
    public required int[] SubjectStart { get; init; }
    /// <summary>Visit position (index into Time.Levels) of each used row.</summary>
    public required int[] VisitPosition { get; init; }
    /// <summary>Actual time of each used row (spatial structures), or null.</summary>
    public double[]? TimeValues { get; init; }
    /// <summary>The GROUP= variable of the covariance, or null.</summary>
    public ClassVariable? Group { get; init; }
    /// <summary>Group level index of each subject (0 when there is no group).</summary>
    public required int[] SubjectGroup { get; init; }
    /// <summary>The response column's label in the data (a SAS variable label), or null when the source gives none.</summary>
    public string? ResponseLabel { get; init; }
    /// <summary>How the order of <see cref="Time"/>'s levels was chosen (<see cref="VisitOrder"/>).</summary>
    public required VisitOrdering VisitOrdering { get; init; }
    /// <summary>Things about the data the fit's reader should know (a visit order that may be a guess, numbers that look like codes).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// Subjects as SAS counts them ("Dimensions: Subjects"): distinct subjects among the rows whose class
    /// variables and covariates are present, even when the outcome is missing. BIC uses this count.
    /// </summary>
    public required int SubjectsRead { get; init; }
    /// <summary>Rows used in the fit (SAS "Number of Observations Used").</summary>
    public int ObservationsUsed => Summary?.Observations ?? Rows.Length;

    /// <summary>
    /// Set when the frame was summarised where the data live (a database computed the pattern sums, see
    /// <see cref="Estimation.PatternSums"/>): the frame then has the levels and counts but no rows.
    /// </summary>
    public FrameSummary? Summary { get; init; }

    /// <summary>More levels than this is almost surely a wrong column (an identifier, a date) rather than a factor.</summary>
    public const int MaxClassLevels = 1000;
    /// <summary>Subjects with at least one used row.</summary>
    public int SubjectCount => Summary?.Subjects ?? SubjectLabels.Length;

    /// <summary>Builds the frame from a table and a specification: selects the used rows, codes class variables, orders visits.</summary>
    public static ModelFrame Build(DataTable table, MixedModelSpec spec, bool needTimeValues)
    {
        spec.Validate();
        var formula = Model.Formula.Parse(spec.Formula);
        string src = table.Source;
        table.RequireColumn(spec.Subject, "{Subject}");
        table.RequireColumn(spec.Time, "{Time}");
        int responseColumn = table.RequireColumn(formula.Response, "the formula's response");
        foreach (var v in formula.RhsVariables)
            table.RequireColumn(v, $"a term of the formula \"{spec.Formula}\"");
        foreach (var c in spec.ClassVariables) table.RequireColumn(c, "{ClassVariables}");
        foreach (var r in spec.References.Keys)
            if (r != spec.Time && !formula.RhsVariables.Contains(r))
                throw RweStatsInputException.About(ModelSetting.References, $"{{References}} {r}=...: '{r}' is not a variable of the formula \"{spec.Formula}\"");
        int timeValueColumn = -1;
        if (needTimeValues)
        {
            if (spec.TimeValue is null)
                throw RweStatsInputException.About(ModelSetting.TimeValue, $"{{Covariance}} {spec.Covariance} needs {{TimeValue}} COL, a numeric column with the actual time of each visit (e.g. months)");
            timeValueColumn = table.RequireColumn(spec.TimeValue, "{TimeValue}");
        }
        // --time-value also orders the visits (VisitOrder); for that alone its missing cells do not drop rows.
        int orderValueColumn = spec.TimeValue is null ? -1 : table.RequireColumn(spec.TimeValue, "{TimeValue}");
        string?[]? groupCol = spec.Group is null ? null : table.Column(spec.Group, "{Group}");

        // Which variables are class variables: the time variable, declared ones, and any non-numeric one.
        var classNames = new HashSet<string>(spec.ClassVariables) { spec.Time };
        var covariateNames = new List<string>();
        foreach (var v in formula.RhsVariables)
        {
            if (v == spec.Subject)
                throw RweStatsInputException.About(ModelSetting.RandomIntercept, $"formula \"{spec.Formula}\": the subject column '{v}' cannot be a fixed effect; subjects enter through the covariance ({{RandomIntercept}})");
            if (classNames.Contains(v)) continue;
            if (table.IsNumeric(v)) covariateNames.Add(v); else classNames.Add(v);
        }
        if (formula.RhsVariables.Contains(formula.Response) || formula.Response == spec.Time || formula.Response == spec.Subject)
            throw new RweStatsInputException($"formula \"{spec.Formula}\": the response '{formula.Response}' also appears as a model variable");

        // Everything below works on integer codes of the columns (one pass each), not on their texts.
        var subjectEnc = table.Encode(spec.Subject, "{Subject}");
        var timeEnc = table.Encode(spec.Time, "{Time}");
        int nRows = table.RowCount, nSubjectCodes = subjectEnc.Levels.Length, nTimeCodes = timeEnc.Levels.Length;

        // Duplicated subject x visit over all rows, before anything is dropped.
        // A flat table of first rows when subjects × visits is moderate (the usual case), a dictionary otherwise.
        long cells = (long)nSubjectCodes * nTimeCodes;
        int[]? firstRow = cells <= 20_000_000 ? new int[cells] : null;
        var seen = firstRow is null ? new Dictionary<long, int>() : null;
        for (int i = 0; i < nRows; i++)
        {
            int sc = subjectEnc.Codes[i], vc = timeEnc.Codes[i];
            if (sc < 0 || vc < 0) continue;
            long key = (long)sc * nTimeCodes + vc;
            int previous;
            if (firstRow is not null)
            {
                previous = firstRow[key] - 1;
                if (previous < 0) { firstRow[key] = i + 1; continue; }
            }
            else if (seen!.TryAdd(key, i)) continue;
            else previous = seen[key];
            throw RweStatsInputException.AtCell(table, i, spec.Time,
                $"subject '{subjectEnc.Levels[sc]}' has visit '{timeEnc.Levels[vc]}' twice (first at {table.RowWord} {table.LineNumbers[previous]}); keep one row per subject and visit");
        }
        if (spec.TimeOrder is { } order)
        {
            VisitOrder.RefuseRepeatedVisit(order);
            var unknown = Enumerable.Range(0, nTimeCodes).Where(c => !order.Contains(timeEnc.Levels[c])).ToHashSet();
            if (unknown.Count > 0)
            {
                int i = Array.FindIndex(timeEnc.Codes, c => unknown.Contains(c));
                string visit = timeEnc.Levels[timeEnc.Codes[i]];
                // A label of the order that no row has is most likely the one mistyped: the only one, or the closest.
                var unmatched = order.Where(label => Array.IndexOf(timeEnc.Levels, label) < 0).ToList();
                string? typed = unknown.Count == 1 && unmatched.Count == 1 ? unmatched[0] : Data.ClosestName.Find(visit, unmatched);
                throw RweStatsInputException.AtCell(table, i, spec.Time, typed is not null
                    ? $"visit '{visit}' is not in {{TimeOrder}} {string.Join(",", order)}; the order lists '{typed}', which no row has: did you mean '{visit}'?"
                    : $"visit '{visit}' is not in {{TimeOrder}} {string.Join(",", order)}; add it to the order or correct the value");
            }
        }

        // Rows used: subject, visit, response and every model variable present (SAS and nlme drop the others).
        // SAS's subject count takes rows whose model variables are present even when the outcome is missing.
        var modelColumns = formula.RhsVariables.Select(v => table.RequireColumn(v, "model variable")).ToList();
        if (timeValueColumn >= 0) modelColumns.Add(timeValueColumn);
        if (spec.Group is not null) modelColumns.Add(table.RequireColumn(spec.Group, "{Group}"));
        var incomplete = new bool[nRows];
        foreach (var mc in modelColumns) table.MarkMissing(mc, incomplete);
        var noOutcome = new bool[nRows];
        table.MarkMissing(responseColumn, noOutcome);
        var usedList = new List<int>(nRows);
        var subjectRead = new bool[nSubjectCodes];
        for (int i = 0; i < nRows; i++)
        {
            if (subjectEnc.Codes[i] < 0 || timeEnc.Codes[i] < 0 || incomplete[i]) continue;
            subjectRead[subjectEnc.Codes[i]] = true;
            if (!noOutcome[i]) usedList.Add(i);
        }
        var used = usedList.ToArray(); // file order; sorted by subject and visit below
        int subjectsReadCount = subjectRead.Count(b => b);
        // The outcome of every row used must be a number; checked in file order, so the error names the first bad cell.
        int badOutcome = table.FirstNonNumber(responseColumn, used);
        if (badOutcome >= 0)
            throw table.NotANumber(responseColumn, badOutcome, canBeClass: false, prefix: "outcome value ");
        if (used.Length == 0)
            throw new RweStatsInputException($"{src}: no row has '{formula.Response}' and every model variable present; nothing to fit");

        // The visit order (VisitOrder: given, by time value, or natural; never the order of the rows).
        var frameNotes = new List<string>(table.Notes);
        foreach (var v in formula.RhsVariables)
            if (classNames.Contains(v) && !spec.ClassVariables.Contains(v) && v != spec.Time && table.MixedClassNote(v) is { } mixed) frameNotes.Add(mixed);
        // One pass over integer codes (no per-row string hashing): which visits have rows, and their times.
        var visitUsed = new bool[nTimeCodes];
        foreach (var i in used) visitUsed[timeEnc.Codes[i]] = true;
        var presentVisits = new HashSet<string>();
        for (int c = 0; c < nTimeCodes; c++) if (visitUsed[c]) presentVisits.Add(timeEnc.Levels[c]);
        Dictionary<string, List<double>>? visitTimes = null;
        if (orderValueColumn >= 0)
        {
            var byCode = new List<double>?[nTimeCodes];
            foreach (var i in used)
            {
                if (table.IsMissing(orderValueColumn, i)) continue;
                double t = table.ParseNumber(spec.TimeValue!, i); // a cell that is not a number: error with its line
                (byCode[timeEnc.Codes[i]] ??= new List<double>()).Add(t);
            }
            visitTimes = new Dictionary<string, List<double>>();
            for (int c = 0; c < nTimeCodes; c++) if (byCode[c] is { } list) visitTimes[timeEnc.Levels[c]] = list;
        }
        var visitOrdering = presentVisits.Count > MaxClassLevels ? null : VisitOrder.Choose(presentVisits, spec.TimeOrder, visitTimes, spec.TimeValue);
        if (visitOrdering is not null)
        {
            if (visitOrdering.Rule == VisitOrderRule.Given && visitTimes is not null &&
                VisitOrder.DisagreementWithTimeValues(visitOrdering.Levels, visitTimes, spec.TimeValue!) is { } disagreement)
                frameNotes.Add(disagreement);
            if (VisitOrder.NaturalOrderCaveat(visitOrdering, spec.Time) is { } caveat) frameNotes.Add(caveat);
        }
        if (spec.TimeOrder is { } given && given.Where(label => !presentVisits.Contains(label)).ToList() is { Count: > 0 } empty)
            frameNotes.Add($"the given visit order lists {string.Join(", ", empty.Select(l => $"'{l}'"))}, with no observation used " +
                           $"(no row, or the outcome or a model variable missing in every row): {(empty.Count == 1 ? "that visit is" : "those visits are")} not in the model; check the label if it is a typo");

        // Class variables and their levels (from the rows used), with a code → level-index map each.
        var classVars = new Dictionary<string, ClassVariable>();
        var encodings = new Dictionary<string, (EncodedColumn enc, int[] levelOf)>();
        foreach (var name in classNames.Where(n => n == spec.Time || formula.RhsVariables.Contains(n)))
        {
            var enc = name == spec.Time ? timeEnc : table.Encode(name, "class variable");
            var usedCode = new bool[enc.Levels.Length];
            var firstUse = new List<int>();
            foreach (var i in used)
                if (!usedCode[enc.Codes[i]]) { usedCode[enc.Codes[i]] = true; firstUse.Add(enc.Codes[i]); }
            IReadOnlyList<string> levels;
            if (name == spec.Time)
                levels = visitOrdering?.Levels ?? firstUse.Select(c => enc.Levels[c]).ToList(); // null: too many levels, refused below
            else levels = SortLevels(firstUse.Select(c => enc.Levels[c]));
            classVars[name] = ClassVariableOf(src, spec, name, levels);
            var position = levels.Select((l, k) => (l, k)).ToDictionary(x => x.l, x => x.k);
            encodings[name] = (enc, enc.Levels.Select(l => position.TryGetValue(l, out var k) ? k : -1).ToArray());
        }
        var time = classVars[spec.Time];
        if (time.Levels.Count < 2)
            throw new RweStatsInputException($"{src}: '{spec.Time}' has a single visit ('{time.Levels[0]}') among the rows used; a longitudinal model needs at least two visits");
        string baseline = VisitOrder.Baseline(spec.Baseline, time.Levels, spec.Time);

        // Order used rows by subject (first appearance) then visit position.
        var subjectRank = new int[nSubjectCodes];
        Array.Fill(subjectRank, -1);
        int subjectCount = 0;
        foreach (var i in used)
            if (subjectRank[subjectEnc.Codes[i]] < 0) subjectRank[subjectEnc.Codes[i]] = subjectCount++;
        var timeLevelOf = encodings[spec.Time].levelOf;
        var rows = used;
        long SortKey(int row) => (long)subjectRank[subjectEnc.Codes[row]] * (time.Levels.Count + 1) + timeLevelOf[timeEnc.Codes[row]];
        // Registry extracts usually come sorted by subject and visit already: then there is nothing to sort.
        bool sorted = true;
        for (int k = 1; k < rows.Length && sorted; k++) sorted = SortKey(rows[k - 1]) <= SortKey(rows[k]);
        if (!sorted)
        {
            var sortKeys = new long[rows.Length];
            for (int k = 0; k < rows.Length; k++) sortKeys[k] = SortKey(rows[k]);
            Array.Sort(sortKeys, rows);
        }
        if (subjectCount < 2)
            throw new RweStatsInputException($"{src}: only one subject ('{subjectEnc.Levels[subjectEnc.Codes[rows[0]]]}') has usable data; a mixed model needs several subjects");

        var y = new double[rows.Length];
        table.TryNumbers(responseColumn, rows, y); // all numbers: checked above
        if (y.All(v => v == y[0]))
            throw new RweStatsInputException($"{src}: outcome '{formula.Response}' is constant ({y[0].ToString(CultureInfo.InvariantCulture)}) in every row used; there is no variation to model");

        var codes = new Dictionary<string, int[]>();
        foreach (var (name, (enc, levelOf)) in encodings)
        {
            var c = new int[rows.Length];
            for (int k = 0; k < rows.Length; k++) c[k] = levelOf[enc.Codes[rows[k]]];
            codes[name] = c;
        }
        var covariates = new Dictionary<string, double[]>();
        foreach (var name in covariateNames)
        {
            int j = table.RequireColumn(name, "covariate");
            var values = new double[rows.Length];
            int bad = table.TryNumbers(j, rows, values);
            if (bad >= 0) throw table.NotANumber(j, rows[bad]);
            covariates[name] = values;
        }

        var labels = new List<string>();
        var starts = new List<int>();
        for (int k = 0; k < rows.Length; k++)
            if (k == 0 || subjectEnc.Codes[rows[k]] != subjectEnc.Codes[rows[k - 1]]) { labels.Add(subjectEnc.Levels[subjectEnc.Codes[rows[k]]]); starts.Add(k); }
        starts.Add(rows.Length);
        foreach (var name in covariateNames)
            if (CodeLikeCovariates.Note(name, covariates[name], labels.Count) is { } codeNote) frameNotes.Add(codeNote);

        double[]? times = null;
        if (timeValueColumn >= 0)
            times = rows.Select(i => table.ParseNumber(spec.TimeValue!, i)).ToArray();

        ClassVariable? group = null;
        var subjectGroup = new int[labels.Count];
        if (groupCol is not null)
        {
            var levels = SortLevels(rows.Select(i => groupCol[i]!).Distinct());
            group = new ClassVariable(spec.Group!, levels, levels[0]);
            for (int s = 0; s < labels.Count; s++)
            {
                var first = groupCol[rows[starts[s]]]!;
                for (int k = starts[s]; k < starts[s + 1]; k++)
                    if (groupCol[rows[k]] != first)
                        throw RweStatsInputException.AtCell(table, rows[k], spec.Group,
                            $"subject '{labels[s]}' changes group ('{first}' then '{groupCol[rows[k]]}'); {{Group}} must be constant within a subject");
                subjectGroup[s] = levels.ToList().IndexOf(first);
            }
        }

        return new ModelFrame
        {
            Source = src, Formula = formula, SubjectsRead = subjectsReadCount, ObservationsRead = table.RowCount, Rows = rows, Response = y,
            ResponseLabel = table.ColumnLabel(formula.Response),
            ClassVariables = classVars, ClassCodes = codes, Covariates = covariates, Time = time, Baseline = baseline,
            SubjectLabels = labels.ToArray(), SubjectStart = starts.ToArray(), VisitPosition = codes[spec.Time],
            TimeValues = times, Group = group, SubjectGroup = subjectGroup,
            VisitOrdering = visitOrdering!, Notes = frameNotes,
        };
    }

    /// <summary>
    /// A class variable from its levels among the rows used (in order): refused with too many levels; the reference is
    /// --ref's level, else the baseline for the time variable, else the first level.
    /// </summary>
    internal static ClassVariable ClassVariableOf(string src, MixedModelSpec spec, string name, IReadOnlyList<string> levels)
    {
        if (levels.Count > MaxClassLevels)
            throw new RweStatsInputException(
                $"{src}: class variable '{name}' has {levels.Count} levels (more than {MaxClassLevels}); " +
                (name == spec.Time ? "a repeated-measures model needs a visit column with few levels — is {Time} the right column?" : "is it a numeric covariate read as text, or an identifier?"));
        string reference;
        if (spec.References.TryGetValue(name, out var r))
        {
            if (!levels.Contains(r))
                throw RweStatsInputException.About(ModelSetting.References, $"{{References}} {name}={r}: '{r}' is not a level of '{name}' in the rows used; levels are {string.Join(", ", levels)}");
            reference = r;
        }
        else if (name == spec.Time) reference = spec.Baseline is not null && levels.Contains(spec.Baseline) ? spec.Baseline : VisitOrder.DefaultBaseline(levels);
        else reference = levels[0];
        return new ClassVariable(name, levels, reference);
    }

    /// <summary>Numeric-looking levels sort by value (1, 2, 10), others by ordinal string order.</summary>
    internal static IReadOnlyList<string> SortLevels(IEnumerable<string> levels)
    {
        var list = levels.ToList();
        if (list.All(l => NumberParsing.TryParse(l, out _)))
            return list.OrderBy(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList();
        return list.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// What a summarised frame knows in place of its rows: the observations and subjects used, the outcome's mean and
/// variance (for messages), and the covariate means (where LS means are evaluated).
/// </summary>
public sealed record FrameSummary(int Observations, int Subjects, double ResponseMean, double ResponseVariance,
                                  IReadOnlyDictionary<string, double> CovariateMeans);
