using RweStats.Data.Sql;
using RweStats.Data.Streaming;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Data;

/// <summary>How a cohort source gives a fit its data.</summary>
public enum RowsPolicy
{
    /// <summary>Pattern sums where the source computes them (a database; a large file in subject order, streamed), else the rows.</summary>
    Automatic,
    /// <summary>Pattern sums computed while the file(s) are read (streamed or by DuckDB); the rows only when the model needs them.</summary>
    SumsWhereTheDataAre,
    /// <summary>The rows, read into memory, whatever the source.</summary>
    Rows,
}

/// <summary>
/// The one way from a data source to a fit: a file (CSV, SAS transport, Parquet, DuckDB, a glob or a query, with a row
/// filter; <see cref="TableSource"/>), a PostgreSQL database (a table, a query or an OMOP cohort), or rows already in
/// memory (a <see cref="DataTable"/> or a Microsoft.Data.Analysis <see cref="Microsoft.Data.Analysis.DataFrame"/>). It
/// decides whether the fit gets pattern sums (streamed subject by subject, or computed by DuckDB or the server: fits
/// independent of the number of subjects) or the rows (what empirical standard errors, BLUPs, residuals, spatial
/// structures and between-within df need, <see cref="PatternSums.RowsNeeded"/>), says so through <c>log</c> as it
/// happens, and records the path taken and why in the result's notes ("Data: …", naming settings as "{Blups}"). The command line, the
/// analysis spec's commands and a C# program get the same behaviour from it.
/// </summary>
public sealed class CohortSource
{
    /// <summary>
    /// A CSV file at least this large (a Parquet file of as many rows, 2²⁰) is fitted from pattern sums streamed subject
    /// by subject when its rows come in subject order and the model needs no rows (measured on 10⁶ subjects × 10 visits,
    /// 282 MB of CSV, whole command: 7.5 s and 1.6 GB read into memory, 2.6 s and 0.25 GB streamed); smaller files, and
    /// files in another order, are read into memory. The numbers are the same up to the order of summation (1e-9
    /// relative, tested).
    /// </summary>
    public const long StreamAboveBytes = 64L << 20;

    /// <summary>Where the data are, for notes and messages.</summary>
    public string Label { get; }

    /// <summary>Whether the fit always gets the rows (a file read into memory, rows in memory, or a database with <see cref="RowsPolicy.Rows"/>).</summary>
    public bool RowsOnly { get; }

    /// <summary>The visit order the source gives (an OMOP cohort's windows), used when the spec has none.</summary>
    public IReadOnlyList<string>? VisitOrder { get; }

    readonly Func<MixedModelSpec, (DataTable table, MixedModelSpec spec)> readRows;
    readonly Func<DataTable> readAll;
    /// <summary>The sums with how they were computed and why (<c>path</c>), or null with the reason the rows are read instead.</summary>
    readonly SumsOf? computeSums;
    /// <summary>Why this source gives the rows when it gives only rows (<see cref="RowsOnly"/>).</summary>
    readonly string rowsWhy;

    delegate PatternSums? SumsOf(MixedModelSpec spec, out string path);

    CohortSource(string label, bool rowsOnly, IReadOnlyList<string>? visitOrder, string rowsWhy,
                 Func<MixedModelSpec, (DataTable, MixedModelSpec)> readRows, Func<DataTable> readAll, SumsOf? computeSums)
    {
        Label = label; RowsOnly = rowsOnly; VisitOrder = visitOrder; this.rowsWhy = rowsWhy;
        this.readRows = readRows; this.readAll = readAll; this.computeSums = computeSums;
    }

    /// <summary>A file (or glob, or DuckDB query) with its format, member and row filter.</summary>
    /// <param name="streamAboveBytes">With <see cref="RowsPolicy.Automatic"/>, files this large or larger are streamed when they can be.</param>
    public static CohortSource File(TableSource source, RowsPolicy policy = RowsPolicy.Automatic, long streamAboveBytes = StreamAboveBytes)
    {
        // The pattern sums are computed while the file(s) are read, streamed subject by subject or by DuckDB: nothing of
        // the rows is held in memory.
        if (policy == RowsPolicy.SumsWhereTheDataAre)
            return new CohortSource(source.Path, false, null, "", s => (TableReader.Read(source), s), () => TableReader.Read(source),
                (MixedModelSpec s, out string path) =>
                {
                    var sums = TableReader.PatternSums(source, s, out path);
                    path += ", as asked (sums computed where the data are)";
                    return sums;
                });
        // Read once, whatever the number of models fitted to it (sensitivity: one per outcome).
        var rows = new Lazy<DataTable>(() => TableReader.Read(source));
        string format = TableReader.FormatOf(source);
        if (policy == RowsPolicy.Rows)
            return new CohortSource(source.Path, true, null, "the rows asked for", s => (rows.Value, s), () => rows.Value, null);
        // One reason for every file read whole, so that the same rows from two sources give the same notes.
        if (!StreamedPatternSums.Reads(source, format) || !StreamedPatternSums.IsLarge(source, format, streamAboveBytes))
            return new CohortSource(source.Path, true, null,
                $"a file is streamed instead when it is one CSV file of {StreamedPatternSums.SizeText("csv", streamAboveBytes)} or more, or one Parquet file of " +
                $"{StreamedPatternSums.SizeText("parquet", streamAboveBytes)} or more, without a query or row filter, in subject order",
                s => (rows.Value, s), () => rows.Value, null);
        string streamed = $"a {format} file of {StreamedPatternSums.SizeText(format, streamAboveBytes)} or more, in subject order, and a model that needs no rows";
        return new CohortSource(source.Path, false, null, "", s => (rows.Value, s), () => rows.Value,
            (MixedModelSpec s, out string path) =>
            {
                var sums = StreamedPatternSums.TryComputeInsteadOfRows(source, s, format, out var declined);
                path = declined ?? $"streamed subject by subject ({streamed})";
                return sums;
            });
    }

    /// <summary>A PostgreSQL table or query: the server computes the pattern sums unless the rows are asked for or needed.</summary>
    public static CohortSource Database(PostgresSource database, RowsPolicy policy = RowsPolicy.Automatic, IReadOnlyList<string>? visitOrder = null) =>
        new(database.Label, policy == RowsPolicy.Rows, visitOrder,
            "the rows asked for", database.ReadRows, database.ReadTable, (MixedModelSpec s, out string path) =>
            {
                path = "computed by the PostgreSQL server (one aggregate query; the rows stay in the database)";
                return database.PatternSums(s);
            });

    /// <summary>
    /// An OMOP CDM cohort in a PostgreSQL database (<see cref="OmopCohort"/>): its windows give the visit order;
    /// <paramref name="log"/> hears about units the cohort's measurements do not share; <paramref name="filter"/> keeps rows of the cohort's table.
    /// </summary>
    public static CohortSource Omop(string address, string cohortPath, RowsPolicy policy = RowsPolicy.Automatic, Action<string>? log = null,
                                    RowCondition? filter = null)
    {
        var cohort = OmopCohort.Read(cohortPath);
        string query = cohort.Query(SqlDialect.PostgreSql);
        var database = PostgresSource.Open(address, query).Where(filter);
        foreach (var problem in database.Use(c => cohort.UnitProblems(c, SqlDialect.PostgreSql)))
            log?.Invoke($"{cohortPath}: {problem}");
        // The windows are in time order in the spec: that is the visit order (unless the spec gives one).
        return Database(database, policy, cohort.Visits.Select(v => v.Name).ToList());
    }

    /// <summary>Rows already in memory (<paramref name="why"/>: why the rows, for the notes; default: they are what is given).</summary>
    public static CohortSource Rows(DataTable table, string? why = null) =>
        new(table.Source, true, null, why ?? "rows given in memory", s => (table, s), () => table, null);

    /// <summary>A Microsoft.Data.Analysis data frame (<see cref="DataFrameTable.ToDataTable"/>), named <paramref name="label"/> in messages.</summary>
    public static CohortSource Frame(Microsoft.Data.Analysis.DataFrame frame, string label = "DataFrame") =>
        Rows(frame.ToDataTable(label), "a data frame in memory");

    /// <summary>The spec with the visit order the source gives when the spec has none.</summary>
    public MixedModelSpec Prepare(MixedModelSpec spec) => spec with { TimeOrder = spec.TimeOrder ?? VisitOrder };

    /// <summary>Every row and column of the source (after its row filter), whatever the model: what descriptive statistics and figures read.</summary>
    public DataTable ReadAll() => readAll();

    /// <summary>
    /// Why the spec (with the candidate structures of an automatic selection) cannot be fitted from sums alone, or null:
    /// a text naming settings ("{Blups}"; <see cref="RweStatsInputException.NameSettings"/>).
    /// </summary>
    public static string? RowsNeeded(MixedModelSpec spec, IReadOnlyList<CovarianceCandidate>? candidates) =>
        PatternSums.RowsNeeded(spec) ??
        (candidates is not null && candidates.Any(c => PatternSums.RowsNeeded(spec with { Covariance = c.Covariance }) is not null)
            ? "spatial candidates of {Covariance} auto" : null);

    /// <summary>
    /// The fit: from the sums, or from the rows when the source gives only rows or the model needs them (said through
    /// <paramref name="log"/>, a text naming settings). With <paramref name="candidates"/>, the covariance structure is
    /// selected among them by <paramref name="criterion"/> either way. A note of the result says which and why.
    /// </summary>
    public MixedModelResult Fit(MixedModelSpec spec, IReadOnlyList<CovarianceCandidate>? candidates = null,
        SelectionCriterion criterion = SelectionCriterion.Aic, Action<string>? log = null)
    {
        spec = Prepare(spec);
        var models = Models(spec, candidates, log);
        return candidates is not null
            ? CovarianceSelection.SelectAndFit(models, spec, candidates, criterion).selected
            : models(spec).Result(spec);
    }

    /// <summary>
    /// How to fit the models of one spec's data (the candidates of a selection share it): on the rows, read once, or on
    /// the sums, computed once; the rows are read, said through <paramref name="log"/>, when the model needs them. Every
    /// model's results carry the note of the path taken (<see cref="DataPathNote"/>).
    /// </summary>
    public Func<MixedModelSpec, MixedModel> Models(MixedModelSpec spec, IReadOnlyList<CovarianceCandidate>? candidates = null, Action<string>? log = null)
    {
        spec = Prepare(spec);
        if (RowsOnly) return FromRows(spec, rowsWhy);
        if (RowsNeeded(spec, candidates) is { } needs)
        {
            log?.Invoke($"{needs} need(s) the rows: reading the model's columns from {Label}");
            return FromRows(spec, needs + " need(s) them");
        }
        // A large file that cannot be streamed (not in subject order, say): read into memory as any file.
        if (computeSums!(spec, out var path) is not { } sums) return FromRows(spec, $"not streamed: {path}");
        sums = sums.WithNote(DataPathNote($"fitted from pattern sums {path}; no row held in memory"));
        return s => MixedModelFitter.FitModel(sums, Prepare(s));
    }

    /// <summary>The note that says how the data reached the fit: "Data: …" (where from is the fit's source).</summary>
    static string DataPathNote(string path) => $"Data: {path}.";

    Func<MixedModelSpec, MixedModel> FromRows(MixedModelSpec spec, string why)
    {
        var (table, _) = readRows(spec);
        table = table.WithNote(DataPathNote($"the rows read into memory ({why})"));
        return s => MixedModelFitter.FitModel(table, Prepare(s));
    }
}
