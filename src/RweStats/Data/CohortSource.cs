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
/// filter; <see cref="TableSource"/>) or a PostgreSQL database (a table, a query or an OMOP cohort). It decides whether
/// the fit gets pattern sums (streamed subject by subject, or computed by DuckDB or the server: fits independent of the
/// number of subjects) or the rows (what empirical standard errors, BLUPs, residuals, spatial structures and
/// between-within df need, <see cref="PatternSums.RowsNeeded"/>), and says why through <c>log</c>. The command line and
/// a C# program get the same behaviour from it.
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

    /// <summary>Whether the fit always gets the rows (a file read into memory, or a database with <see cref="RowsPolicy.Rows"/>).</summary>
    public bool RowsOnly { get; }

    /// <summary>The visit order the source gives (an OMOP cohort's windows), used when the spec has none.</summary>
    public IReadOnlyList<string>? VisitOrder { get; }

    readonly Func<MixedModelSpec, (DataTable table, MixedModelSpec spec)> readRows;
    readonly Func<MixedModelSpec, PatternSums?>? computeSums;

    CohortSource(string label, bool rowsOnly, IReadOnlyList<string>? visitOrder,
                 Func<MixedModelSpec, (DataTable, MixedModelSpec)> readRows, Func<MixedModelSpec, PatternSums?>? computeSums)
    {
        Label = label; RowsOnly = rowsOnly; VisitOrder = visitOrder; this.readRows = readRows; this.computeSums = computeSums;
    }

    /// <summary>A file (or glob, or DuckDB query) with its format, member and row filter.</summary>
    /// <param name="streamAboveBytes">With <see cref="RowsPolicy.Automatic"/>, files this large or larger are streamed when they can be.</param>
    public static CohortSource File(TableSource source, RowsPolicy policy = RowsPolicy.Automatic, long streamAboveBytes = StreamAboveBytes)
    {
        // The pattern sums are computed while the file(s) are read, streamed subject by subject or by DuckDB: nothing of
        // the rows is held in memory.
        if (policy == RowsPolicy.SumsWhereTheDataAre)
            return new CohortSource(source.Path, false, null, s => (TableReader.Read(source), s), s => TableReader.PatternSums(source, s));
        // Read once, whatever the number of models fitted to it (sensitivity: one per outcome).
        var rows = new Lazy<DataTable>(() => TableReader.Read(source));
        string format = TableReader.FormatOf(source);
        if (policy == RowsPolicy.Automatic && StreamedPatternSums.Reads(source, format) && StreamedPatternSums.IsLarge(source, format, streamAboveBytes))
            return new CohortSource(source.Path, false, null, s => (rows.Value, s), s => StreamedPatternSums.TryComputeInsteadOfRows(source, s, format));
        return new CohortSource(source.Path, true, null, s => (rows.Value, s), null);
    }

    /// <summary>A PostgreSQL table or query: the server computes the pattern sums unless the rows are asked for or needed.</summary>
    public static CohortSource Database(PostgresSource database, RowsPolicy policy = RowsPolicy.Automatic, IReadOnlyList<string>? visitOrder = null) =>
        new(database.Label, policy == RowsPolicy.Rows, visitOrder, database.ReadRows, s => database.PatternSums(s));

    /// <summary>
    /// An OMOP CDM cohort in a PostgreSQL database (<see cref="OmopCohort"/>): its windows give the visit order;
    /// <paramref name="log"/> hears about units the cohort's measurements do not share.
    /// </summary>
    public static CohortSource Omop(string address, string cohortPath, RowsPolicy policy = RowsPolicy.Automatic, Action<string>? log = null)
    {
        var cohort = OmopCohort.Read(cohortPath);
        string query = cohort.Query(SqlDialect.PostgreSql);
        var database = PostgresSource.Open(address, query);
        foreach (var problem in database.Use(c => cohort.UnitProblems(c, SqlDialect.PostgreSql)))
            log?.Invoke($"{cohortPath}: {problem}");
        // The windows are in time order in the spec: that is the visit order (unless the spec gives one).
        return Database(database, policy, cohort.Visits.Select(v => v.Name).ToList());
    }

    /// <summary>The spec with the visit order the source gives when the spec has none.</summary>
    public MixedModelSpec Prepare(MixedModelSpec spec) => spec with { TimeOrder = spec.TimeOrder ?? VisitOrder };

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
    /// selected among them by <paramref name="criterion"/> either way.
    /// </summary>
    public MixedModelResult Fit(MixedModelSpec spec, IReadOnlyList<CovarianceCandidate>? candidates = null,
        SelectionCriterion criterion = SelectionCriterion.Aic, Action<string>? log = null)
    {
        spec = Prepare(spec);
        string? needs = RowsNeeded(spec, candidates);
        // No sums (a large file that cannot be streamed, read into memory as any file): the rows.
        var sums = RowsOnly || needs is not null ? null : computeSums!(spec);
        if (sums is null)
        {
            if (needs is not null && !RowsOnly) log?.Invoke($"{needs} need(s) the rows: reading the model's columns from {Label}");
            var (table, rowSpec) = readRows(spec);
            return candidates is not null
                ? CovarianceSelection.SelectAndFit(table, rowSpec, candidates, criterion).selected
                : MixedModelFitter.Fit(table, rowSpec);
        }
        return candidates is not null
            ? CovarianceSelection.SelectAndFit(s => MixedModelFitter.FitModel(sums, s), spec, candidates, criterion).selected
            : MixedModelFitter.Fit(sums, spec);
    }

    /// <summary>
    /// How to fit the models of one spec's data (the candidates of a selection share it): on the rows, read once, or on
    /// the sums, computed once; the rows are read, said through <paramref name="log"/>, when the model needs them.
    /// </summary>
    public Func<MixedModelSpec, MixedModel> Models(MixedModelSpec spec, IReadOnlyList<CovarianceCandidate>? candidates = null, Action<string>? log = null)
    {
        spec = Prepare(spec);
        string? needs = RowsOnly ? null : RowsNeeded(spec, candidates);
        if (RowsOnly || needs is not null)
        {
            if (needs is not null) log?.Invoke($"{needs} need(s) the rows: reading the model's columns from {Label}");
            var (table, _) = readRows(spec);
            return s => MixedModelFitter.FitModel(table, Prepare(s));
        }
        if (computeSums!(spec) is not { } sums)
        {
            var (table, _) = readRows(spec); // a large file that cannot be streamed: read into memory as any file
            return s => MixedModelFitter.FitModel(table, Prepare(s));
        }
        return s => MixedModelFitter.FitModel(sums, Prepare(s));
    }
}
