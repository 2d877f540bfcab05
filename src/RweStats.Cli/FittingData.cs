using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// The data "fit" and "sensitivity" fit their models to, from the same options: the rows of a file read into memory
/// (--data in any format, with --data-format, --member, --query, --where), or the pattern sums computed where the rows
/// are — a PostgreSQL database (--data postgresql://…, --query, --omop; <see cref="DatabaseData"/>) or DuckDB scanning
/// the file(s) (--push-down) — with the rows read instead when asked (--pull-rows) or when the model needs them.
/// </summary>
public sealed class FittingData
{
    /// <summary>Where the data are, for notes.</summary>
    public string Label { get; }
    /// <summary>Whether the rows are read (a file without --push-down, or a database with --pull-rows).</summary>
    public bool RowsOnly { get; }
    readonly IReadOnlyList<string>? visitOrder;
    readonly Func<MixedModelSpec, (DataTable table, MixedModelSpec spec)> readRows;
    readonly Func<MixedModelSpec, PatternSums?>? computeSums;

    FittingData(string label, bool rowsOnly, IReadOnlyList<string>? visitOrder,
                Func<MixedModelSpec, (DataTable, MixedModelSpec)> readRows, Func<MixedModelSpec, PatternSums?>? computeSums)
    {
        Label = label; RowsOnly = rowsOnly; this.visitOrder = visitOrder; this.readRows = readRows; this.computeSums = computeSums;
    }

    /// <summary>
    /// A CSV file at least this large (a Parquet file of as many rows, 2²⁰) is fitted from pattern sums streamed subject by subject when its rows
    /// come in subject order and the model needs no rows (measured on 10⁶ subjects × 10 visits, 282 MB of CSV, whole
    /// command: 7.5 s and 1.6 GB read into memory, 2.6 s and 0.25 GB streamed); smaller files, and files in another order, are read
    /// into memory. The numbers are the same up to the order of summation (1e-9 relative, tested).
    /// </summary>
    public const long StreamAboveBytes = 64L << 20;

    /// <summary>The source of --data and how it is read; the database options without a database are refused.</summary>
    /// <param name="streamAboveBytes">Files this large or larger are streamed when they can be (<see cref="StreamAboveBytes"/>).</param>
    public static FittingData Open(Arguments a, TextWriter stderr, long streamAboveBytes = StreamAboveBytes)
    {
        if (DatabaseData.Applies(a))
        {
            var (database, order) = DatabaseData.Open(a, stderr);
            return new FittingData(database.Label, a.Flag("--pull-rows"), order, database.ReadRows, s => database.PatternSums(s));
        }
        var source = ModelOptions.Source(a);
        // The pattern sums are computed while the file(s) are read, streamed subject by subject or by DuckDB: nothing of
        // the rows is held in memory.
        if (a.Flag("--push-down"))
            return new FittingData(source.Path, false, null, s => (TableReader.Read(source), s), s => TableReader.PatternSums(source, s));
        // Read once, whatever the number of models fitted to it (sensitivity: one per outcome).
        var rows = new Lazy<DataTable>(() => TableReader.Read(source));
        string format = TableReader.FormatOf(source);
        if (!a.Flag("--pull-rows") && Data.Streaming.StreamedPatternSums.Reads(source, format) && Data.Streaming.StreamedPatternSums.IsLarge(source, format, streamAboveBytes))
            return new FittingData(source.Path, false, null, s => (rows.Value, s),
                s => Data.Streaming.StreamedPatternSums.TryComputeInsteadOfRows(source, s, format));
        return new FittingData(source.Path, true, null, s => (rows.Value, s), null);
    }

    /// <summary>The spec with the visit order the source gives (an OMOP cohort's windows) when --time-order is absent.</summary>
    public MixedModelSpec Prepare(MixedModelSpec spec) => spec with { TimeOrder = spec.TimeOrder ?? visitOrder };

    /// <summary>The fit of "fit": from the sums, or from the rows (--covariance auto selects either way).</summary>
    public MixedModelResult Fit(Arguments a, MixedModelSpec spec, TextWriter stderr)
    {
        spec = Prepare(spec);
        return DatabaseData.FitFromSums(a, spec, Label, RowsOnly, () => readRows(spec), () => computeSums!(spec), stderr);
    }

    /// <summary>
    /// How to fit the models of one spec's data (the candidates of --covariance auto share it): on the rows, read once, or
    /// on the sums, computed once; the rows are read with a note when the model needs them, as in <see cref="Fit"/>.
    /// </summary>
    public Func<MixedModelSpec, MixedModel> Models(Arguments a, MixedModelSpec spec, TextWriter stderr)
    {
        spec = Prepare(spec);
        string? needs = RowsOnly ? null : DatabaseData.RowsNeeded(a, spec);
        if (RowsOnly || needs is not null)
        {
            if (needs is not null) stderr.WriteLine($"rwestats: {needs} need(s) the rows: reading the model's columns from {Label}");
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
