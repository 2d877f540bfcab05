using System.Globalization;
using RweStats.Data;
using RweStats.Descriptives;
using RweStats.Estimands;
using RweStats.Estimation;

namespace RweStats.Workflow;

/// <summary>Mean at one visit against another: the paper's "45 % reduction of steroid dose" (negative = reduction).</summary>
public sealed record PercentChange(string Outcome, string From, string To, double MeanFrom, double MeanTo, int NFrom, int NTo)
{
    /// <summary>100 × (mean at To − mean at From) / mean at From.</summary>
    public double Percent => 100 * (MeanTo - MeanFrom) / MeanFrom;
}

/// <summary>Everything computed for one outcome. <see cref="Error"/> is set (and the rest empty) when it failed.</summary>
public sealed record OutcomeAnalysis(
    OutcomeSpec Outcome,
    IReadOnlyList<DescriptiveStatistics> Descriptives,
    IReadOnlyList<ClassCounts> Classes,
    IReadOnlyList<PercentChange> PercentChanges,
    MixedModelResult? Fit,
    /// <summary>Per subject, the raw (untransformed) value at each visit: what figures plot.</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ValuesBySubject,
    string? Error)
{
    /// <summary>The rows the model used (kept rows, with the transformed outcome column), for figures drawn from the data.</summary>
    public Data.DataTable? ModelTable { get; init; }

    /// <summary>The fitted model behind <see cref="Fit"/>: ask it for other df or error methods without refitting.</summary>
    public MixedModel? Model { get; init; }

    /// <summary>The note column's remark for each (subject, visit) that has one (rows kept for this outcome).</summary>
    public IReadOnlyDictionary<(string Subject, string Visit), string> Notes { get; init; } = new Dictionary<(string, string), string>();
}

/// <summary>An estimand analysis of the spec: the imputed and pooled analysis, its tipping-point grid, or the error that stopped it.</summary>
public sealed record EstimandOutcome(
    EstimandSettings Settings, EstimandAnalysis? Analysis, IReadOnlyList<PooledEstimate> Results, TippingPointAnalysis? TippingPoint, string? Error);

/// <summary>What <see cref="StudyAnalysis.Run"/> computed.</summary>
/// <param name="Spec">The analysis spec run.</param>
/// <param name="Outcomes">Each outcome's results (or its error), in the spec's order.</param>
/// <param name="Warnings">Data problems worth telling that did not stop the analysis.</param>
public sealed record StudyResult(AnalysisSpec Spec, IReadOnlyList<OutcomeAnalysis> Outcomes, IReadOnlyList<string> Warnings)
{
    /// <summary>The spec's estimand analyses, in its order.</summary>
    public IReadOnlyList<EstimandOutcome> Estimands { get; init; } = Array.Empty<EstimandOutcome>();

    /// <summary>True when no outcome and no estimand analysis failed.</summary>
    public bool AllSucceeded => Outcomes.All(o => o.Error is null) && Estimands.All(e => e.Error is null);
}

/// <summary>
/// Runs an analysis spec: per outcome, reads its data (long or wide), keeps its rows, summarises it per visit,
/// counts its classes, and fits the model. One outcome failing does not stop the others; its error is kept.
/// </summary>
public static class StudyAnalysis
{
    /// <summary>Runs every outcome of the spec; <paramref name="progress"/> receives a line per step, <paramref name="fitProgress"/>
    /// each iteration of the outcomes' fits (<see cref="Model.MixedModelSpec.Progress"/>).</summary>
    public static StudyResult Run(AnalysisSpec spec, Action<string>? progress = null, IProgress<Estimation.FitProgress>? fitProgress = null)
    {
        // The outcomes read from rows are analysed side by side (each fit runs on one thread; the machine's cores share
        // them), started in the spec's order; their progress lines, warnings and results are taken in that order, so the
        // output is the same whatever finishes first. A pushed-down outcome (a database or a large file scanned for its
        // sums) runs on its own when its turn comes.
        var tables = new Dictionary<string, DataTable>();
        var started = new Task<OutcomeAnalysis>?[spec.Outcomes.Count];
        var ownWarnings = new List<string>[spec.Outcomes.Count];
        var failedToLoad = new RweStatsInputException?[spec.Outcomes.Count];
        for (int i = 0; i < spec.Outcomes.Count; i++)
        {
            var outcome = spec.Outcomes[i];
            if (outcome.Data.PushDown) continue;
            DataTable table;
            try { table = LoadOutcomeTable(spec, outcome, tables); }
            catch (RweStatsInputException e) { failedToLoad[i] = e; continue; }
            var own = ownWarnings[i] = new List<string>();
            started[i] = Task.Run(() => AnalyseOutcome(spec, outcome, table, own, fitProgress: fitProgress));
        }

        var warnings = new List<string>();
        var results = new List<OutcomeAnalysis>();
        for (int i = 0; i < spec.Outcomes.Count; i++)
        {
            var outcome = spec.Outcomes[i];
            progress?.Invoke($"[{i + 1}/{spec.Outcomes.Count}] {outcome.Name}: ");
            try
            {
                if (failedToLoad[i] is { } loadError) throw loadError;
                OutcomeAnalysis analysis;
                if (started[i] is { } task)
                {
                    // Its warnings count whether it succeeded or not (as when the outcomes ran one after another).
                    try { analysis = task.GetAwaiter().GetResult(); }
                    finally { warnings.AddRange(ownWarnings[i]); }
                }
                else analysis = AnalyseFromSums(spec, outcome, warnings, fitProgress);
                results.Add(analysis);
                var f = analysis.Fit!;
                progress?.Invoke($"{f.ObservationsUsed} observations, {f.SubjectsWithData} subjects, {f.CovarianceSasType}{(f.Spec.RandomIntercept ? " + random intercept" : "")}, {(f.Convergence.Converged ? "converged" : "NOT converged")}\n");
            }
            catch (RweStatsInputException e)
            {
                var message = e.MessageNaming(AnalysisSpecReader.KeyOf);
                progress?.Invoke("failed (the reason is reported once, as an error)\n");
                results.Add(new OutcomeAnalysis(outcome, Array.Empty<DescriptiveStatistics>(), Array.Empty<ClassCounts>(), Array.Empty<PercentChange>(),
                    null, new Dictionary<string, IReadOnlyDictionary<string, double>>(), message));
            }
        }
        var estimands = spec.Estimands.Select(e => RunEstimand(spec, e, results, progress)).ToList();
        return new StudyResult(spec, results, warnings.Distinct().ToList()) { Estimands = estimands };
    }

    /// <summary>
    /// An estimand analysis: the outcome's missing values imputed by reference-based imputation (its model fitted to the
    /// data before the intercurrent events), every completed data set analysed and pooled, and the tipping-point grid.
    /// </summary>
    static EstimandOutcome RunEstimand(AnalysisSpec spec, EstimandSettings settings, IReadOnlyList<OutcomeAnalysis> outcomes, Action<string>? progress)
    {
        progress?.Invoke($"estimand {settings.Name}: ");
        EstimandOutcome Failed(string message)
        {
            progress?.Invoke("failed (the reason is reported once, as an error)\n");
            return new EstimandOutcome(settings, null, Array.Empty<PooledEstimate>(), null, message);
        }
        var outcome = outcomes.Single(o => o.Outcome.Name == settings.Outcome);
        if (outcome.ModelTable is not { } table) return Failed($"its outcome '{settings.Outcome}' was not analysed");
        try
        {
            var events = settings.EventsFile is { } file
                ? IntercurrentEvents.Read(TableReader.Read(new TableSource(file)), spec.Columns.Subject, spec.Columns.Visit)
                : Array.Empty<IntercurrentEvent>();
            var imputation = settings.Imputation with { Events = events };
            bool referenceBased = events.Any(e => (e.Strategy ?? imputation.DefaultStrategy) != ImputationStrategy.MissingAtRandom);
            if (referenceBased && imputation.References.Count == 0 && imputation.DefaultReference is null)
                throw new RweStatsInputException("a reference-based strategy needs the reference arm: give \"reference\": \"LEVEL\" (or {\"ARM\": \"LEVEL\"} per arm)");
            var analysis = ReferenceBasedImputation.Run(table, imputation);
            var results = analysis.Pool();
            var tipping = settings.TippingPoint is { } t ? analysis.TippingPoint(t.Arm, t.Visit ?? analysis.Data.Visits[^1], t.Shifts) : null;
            progress?.Invoke($"{imputation.Method.Name()}, {analysis.SampleCount} analysed data sets, {analysis.Data.SubjectCount} subjects\n");
            return new EstimandOutcome(settings, analysis, results, tipping, null);
        }
        catch (RweStatsInputException e)
        {
            return Failed($"estimand '{settings.Name}': {e.MessageNaming(AnalysisSpecReader.KeyOf)}");
        }
    }

    /// <summary>
    /// An outcome of a "data.push_down" source: its model fitted from the pattern sums computed where the rows are —
    /// streamed subject by subject, DuckDB scanning the file(s) or the PostgreSQL server — by the <see cref="CohortSource"/>
    /// of "fit --push-down" (equal to the fit on the rows). The rows are never read, so a model that needs them is refused
    /// and the descriptive statistics are not computed.
    /// </summary>
    static OutcomeAnalysis AnalyseFromSums(AnalysisSpec spec, OutcomeSpec outcome, List<string> warnings, IProgress<Estimation.FitProgress>? fitProgress)
    {
        var modelSpec = spec.ModelFor(outcome, outcome.Column) with { Progress = fitProgress };
        // A spec can ask only for a df method or a covariance structure that needs the rows: named by their spec keys.
        if (PatternSums.RowsNeeded(modelSpec) is { } needs)
            throw new RweStatsInputException($"outcome '{outcome.Name}': the model needs the rows ({RweStatsInputException.NameSettings(needs, AnalysisSpecReader.KeyOf)}), which \"data.push_down\" never reads; drop \"push_down\" or change the model");
        var model = SourceOf(outcome.Data, RowsPolicy.SumsWhereTheDataAre).Models(modelSpec)(modelSpec);
        warnings.Add($"outcome '{outcome.Name}': fitted from the sums pushed down to {(outcome.Data.Database is null ? "DuckDB" : "the database")} (\"data.push_down\"); descriptive statistics need the rows and are not computed");
        return new OutcomeAnalysis(outcome, Array.Empty<DescriptiveStatistics>(), Array.Empty<ClassCounts>(), Array.Empty<PercentChange>(),
            model.Result(modelSpec), new Dictionary<string, IReadOnlyDictionary<string, double>>(), null) { Model = model };
    }

    /// <summary>The spec's data source as the library opens it: a file or a PostgreSQL table or query.</summary>
    public static CohortSource SourceOf(DataSource src, RowsPolicy policy) =>
        src.Database is { } address
            ? CohortSource.Database(Data.Sql.PostgresSource.Open(address, src.Query).Where(src.Where is { } w ? RowCondition.Parse(w, "data.where") : null), policy)
            : CohortSource.File(src.Table, policy);

    /// <summary>Commands that recompute from the rows (verify, replicate) refuse a pushed-down source in one line.</summary>
    public static void RefusePushDown(AnalysisSpec spec, string command)
    {
        if (spec.Outcomes.FirstOrDefault(o => o.Data.PushDown) is { } o)
            throw new RweStatsInputException($"{spec.Path}: outcome '{o.Name}': {command} needs the rows (descriptive statistics, data handlings), which \"data.push_down\" never reads; drop \"push_down\"");
    }

    /// <summary>The long table an outcome reads (converted from wide and validated once per file; cached).</summary>
    public static DataTable LoadOutcomeTable(AnalysisSpec spec, OutcomeSpec outcome, Dictionary<string, DataTable> cache)
    {
        var src = outcome.Data;
        string key = string.Join("|", src.File, src.Format, src.FileFormat, src.Member, src.Query, src.Where);
        if (cache.TryGetValue(key, out var t)) return t;
        // Descriptive statistics, classes and figures need the rows, whatever the size of the source.
        var raw = SourceOf(src, RowsPolicy.Rows).ReadAll();
        if (src.Format == "wide")
        {
            var outcomes = spec.Outcomes.Where(o => o.Data.File == src.File).Select(o => o.Column).Distinct().ToList();
            raw = WideToLong.Convert(raw, spec.Columns.Subject, spec.Columns.Visit, spec.VisitOrder, outcomes, src.WidePattern!);
        }
        Validate(spec, raw);
        cache[key] = raw;
        return raw;
    }

    /// <summary>Checks a study file once: roles present, visits known, one row per subject and visit.</summary>
    static void Validate(AnalysisSpec spec, DataTable table)
    {
        var subject = table.Column(spec.Columns.Subject, "columns.subject");
        var visit = table.Column(spec.Columns.Visit, "columns.visit");
        if (spec.Columns.TimeValue is { } tv) table.Column(tv, "columns.time_value");
        var seen = new Dictionary<(string, string), int>();
        for (int i = 0; i < table.RowCount; i++)
        {
            if (subject[i] is null)
                throw RweStatsInputException.AtCell(table, i, spec.Columns.Subject, "the subject is missing; every row needs one");
            if (visit[i] is null)
                throw RweStatsInputException.AtCell(table, i, spec.Columns.Visit, "the visit is missing; every row needs one");
            if (!spec.VisitOrder.Contains(visit[i]!))
                throw RweStatsInputException.AtCell(table, i, spec.Columns.Visit,
                    $"visit '{visit[i]}' is not in the declared visit order ({string.Join(", ", spec.VisitOrder)}); add it to \"visits.order\" or correct it");
            if (!seen.TryAdd((subject[i]!, visit[i]!), table.LineNumbers[i]))
                throw RweStatsInputException.AtCell(table, i, spec.Columns.Visit,
                    $"subject '{subject[i]}' has visit '{visit[i]}' twice (first at {table.RowWord} {seen[(subject[i]!, visit[i]!)]}); keep one row per subject and visit");
        }
    }

    /// <summary>Descriptives, classes, changes and the fit of one outcome on its table; throws on an input error.</summary>
    public static OutcomeAnalysis AnalyseOutcome(AnalysisSpec spec, OutcomeSpec outcome, DataTable table, List<string> warnings, bool fit = true,
                                                 IProgress<Estimation.FitProgress>? fitProgress = null)
    {
        // A label in the data (SAS variable label) titles the tables and figures when the spec gives none.
        if (!outcome.LabelFromSpec && table.ColumnLabel(outcome.Column) is { } fileLabel) outcome = outcome with { Label = fileLabel };
        var subjectCol = table.Column(spec.Columns.Subject, "columns.subject");
        var visitCol = table.Column(spec.Columns.Visit, "columns.visit");
        var valueCol = table.Column(outcome.Column, $"the column of outcome '{outcome.Name}'");
        var rows = KeptRows(outcome, table);

        // Raw values, checked numeric, by subject and visit.
        var values = new Dictionary<string, Dictionary<string, double>>();
        var notes = new Dictionary<(string, string), string>();
        // The note column is optional per file (a synthetic file has none).
        var noteCol = spec.Columns.Note is { } nc && table.ColumnIndex(nc) >= 0 ? table.Column(nc, "columns.note") : null;
        var (raw, transformed) = ResponseValues(outcome, table, valueCol, rows);
        foreach (var i in rows)
        {
            double v = raw[i];
            if (noteCol?[i] is { } note) notes[(subjectCol[i]!, visitCol[i]!)] = note;
            if (!values.TryGetValue(subjectCol[i]!, out var bySubject)) values[subjectCol[i]!] = bySubject = new();
            bySubject[visitCol[i]!] = v;
        }
        foreach (var (s, byVisit) in values)
            if (!byVisit.TryGetValue(spec.Baseline, out var b) || double.IsNaN(b))
                warnings.Add($"{table.Source}: outcome '{outcome.Name}': subject '{s}' has no baseline ({spec.Baseline}) value; the model still uses its other visits");

        double At(string s, string visit) => values[s].TryGetValue(visit, out var v) ? v : double.NaN;
        var subjects = values.Keys.ToList();
        var descriptives = spec.VisitOrder.Select(visit => DescriptiveStatistics.Compute(outcome.Name, visit,
            subjects.Select(s => At(s, visit)).ToList(), spec.Descriptives.QuantileType, spec.Descriptives.ExtraQuantiles)).ToList();
        var classes = outcome.Classes.Count == 0 ? new List<ClassCounts>() : spec.VisitOrder.Select(visit =>
            ClassCounts.Compute(outcome.Name, visit, subjects.Select(s => At(s, visit)).ToList(), outcome.Classes)).ToList();
        var changes = outcome.PercentChanges.Select(c =>
        {
            var from = descriptives.Single(d => d.Visit == c.From);
            var to = descriptives.Single(d => d.Visit == c.To);
            return new PercentChange(outcome.Name, c.From, c.To, from.Mean, to.Mean, from.N, to.N);
        }).ToList();

        var notesByKey = (IReadOnlyDictionary<(string, string), string>)notes;
        var valuesBySubject = values.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)kv.Value);
        if (!fit) return new OutcomeAnalysis(outcome, descriptives, classes, changes, null, valuesBySubject, null) { Notes = notesByKey };

        var modelTable = ModelTable(outcome, table, rows, transformed);
        var (model, result) = Fit(spec, outcome, modelTable, fitProgress);
        return new OutcomeAnalysis(outcome, descriptives, classes, changes, result, valuesBySubject, null) { Notes = notesByKey, ModelTable = modelTable, Model = model };
    }

    /// <summary>The rows an outcome keeps (its "rows" filter, else every row); throws when the filter keeps none.</summary>
    static int[] KeptRows(OutcomeSpec outcome, DataTable table)
    {
        IEnumerable<int> rowSet = Enumerable.Range(0, table.RowCount);
        if (outcome.Rows is { } filter)
        {
            var fc = table.Column(filter.Column, $"outcomes[{outcome.Name}].rows.column");
            rowSet = rowSet.Where(i => fc[i] is { } v && filter.Values.Contains(v));
        }
        var rows = rowSet.ToArray();
        if (rows.Length == 0) throw new RweStatsInputException($"outcome '{outcome.Name}': no row is kept by its \"rows\" filter");
        return rows;
    }

    /// <summary>
    /// The rows an outcome's model sees: the kept rows, with the (transformed) outcome in its own column; throws on a
    /// value that is not a number or cannot be transformed, as <see cref="AnalyseOutcome"/> does. What the models of one
    /// outcome and table share (the specification search fits many models to it).
    /// </summary>
    public static DataTable ModelTable(OutcomeSpec outcome, DataTable table)
    {
        var valueCol = table.Column(outcome.Column, $"the column of outcome '{outcome.Name}'");
        var rows = KeptRows(outcome, table);
        return ModelTable(outcome, table, rows, ResponseValues(outcome, table, valueCol, rows).Transformed);
    }

    /// <summary>The outcome's value on each kept row, checked numeric (NaN where missing), and as the model sees it
    /// (transformed, as text; null where missing); throws at the first kept row whose value is not a number or cannot be
    /// transformed.</summary>
    static (double[] Raw, string?[] Transformed) ResponseValues(OutcomeSpec outcome, DataTable table, string?[] valueCol, int[] rows)
    {
        var raw = new double[table.RowCount];
        var transformed = new string?[table.RowCount];
        foreach (var i in rows)
        {
            raw[i] = double.NaN;
            if (valueCol[i] is not { } cell) continue;
            if (!NumberParsing.TryParse(cell, out raw[i]))
                throw table.NotANumber(table.ColumnIndex(outcome.Column), i, canBeClass: false);
            transformed[i] = Transform(outcome, raw[i], table, i).ToString("R", CultureInfo.InvariantCulture);
        }
        return (raw, transformed);
    }

    static DataTable ModelTable(OutcomeSpec outcome, DataTable table, int[] rows, string?[] transformed)
    {
        string response = outcome.ResponseColumn;
        var names = table.ColumnNames.Where(n => n != response).Append(response).ToList();
        var columns = names.Select(n => n == response
            ? rows.Select(i => transformed[i]).ToArray()
            : rows.Select(i => table.Columns[table.ColumnIndex(n)][i]).ToArray()).ToArray();
        return table.Derive(names, columns, rows.Select(i => table.LineNumbers[i]).ToArray());
    }

    /// <summary>The outcome's model fitted to its model table (<see cref="ModelTable(OutcomeSpec, DataTable)"/>), and its tables under the spec's settings.</summary>
    public static (MixedModel Model, MixedModelResult Result) Fit(AnalysisSpec spec, OutcomeSpec outcome, DataTable modelTable,
                                                                 IProgress<Estimation.FitProgress>? fitProgress = null)
    {
        var modelSpec = spec.ModelFor(outcome, outcome.ResponseColumn) with { Progress = fitProgress };
        var model = Fit(modelSpec, modelTable);
        return (model, model.Result(modelSpec));
    }

    /// <summary>The outcome's model fitted to its model table, without its tables: what asks the fitted model for a few
    /// numbers under several inference settings (the specification search) computes only those.</summary>
    /// <param name="sharedStarts">Contained-structure searches shared with the other structures fitted to the same table (<see cref="RweStats.Model.MixedModelSpec.SharedStarts"/>).</param>
    public static MixedModel FitModel(AnalysisSpec spec, OutcomeSpec outcome, DataTable modelTable, OptimumSearch.StartCache? sharedStarts = null) =>
        Fit(spec.ModelFor(outcome, outcome.ResponseColumn) with { SharedStarts = sharedStarts }, modelTable);

    static MixedModel Fit(RweStats.Model.MixedModelSpec modelSpec, DataTable modelTable) =>
        CohortSource.Rows(modelTable, "descriptive statistics, classes and figures need them").Models(modelSpec)(modelSpec);

    static double Transform(OutcomeSpec outcome, double v, DataTable table, int row)
    {
        if (outcome.Transform == "none") return v;
        if (!(v > 0))
            throw RweStatsInputException.AtCell(table, row, outcome.Column,
                $"value {v.ToString(CultureInfo.InvariantCulture)} cannot be log-transformed (outcome '{outcome.Name}' has \"transform\": \"{outcome.Transform}\"); values must be positive");
        return outcome.Transform == "log" ? Math.Log(v) : Math.Log10(v);
    }
}
