namespace RweStats.Data;

/// <summary>
/// Where a table is and how to read it: a path (a file, or for DuckDB also a glob of CSV/Parquet files), its file
/// format (csv, xpt, parquet, duckdb; null: chosen by the extension), the CSV dialect, the member (a data set of a
/// SAS transport library, a table of a DuckDB database), a SQL query (DuckDB) and a row filter (<see cref="RowCondition"/>).
/// </summary>
public sealed record TableSource(string Path)
{
    /// <summary>csv, xpt, parquet or duckdb; null: chosen by the extension.</summary>
    public string? FileFormat { get; init; }
    /// <summary>Separator, decimal mark and missing-value codes of a CSV file.</summary>
    public CsvDialect Dialect { get; init; } = CsvDialect.Default;
    /// <summary>The data set of a SAS transport library, or the table of a DuckDB database.</summary>
    public string? Member { get; init; }
    /// <summary>A DuckDB SQL query whose rows are read (DuckDB sources only).</summary>
    public string? Query { get; init; }
    /// <summary>A row filter (<see cref="RowCondition"/>), applied after reading.</summary>
    public string? Where { get; init; }
    /// <summary>How the front end names the file format, for messages ("--data-format" on the command line, "data.file_format" in a spec).</summary>
    public string FormatOption { get; init; } = RweStatsInputException.LibraryName(ModelSetting.DataFormat);
    /// <summary>How the front end names the row filter, for messages ("--where", "data.where").</summary>
    public string WhereOption { get; init; } = RweStatsInputException.LibraryName(ModelSetting.Where);
}

/// <summary>One file format's reader: everything it reads becomes a <see cref="DataTable"/>, numbers as numbers.</summary>
public interface ITableReader
{
    /// <summary>Reads the source into a table.</summary>
    DataTable Read(TableSource source);
}

/// <summary>
/// Reads any supported source into a <see cref="DataTable"/>: picks the reader by the explicit file format or by the
/// extension (.csv/.tsv/.txt, .xpt, .parquet, .duckdb/.db; a path with a wildcard goes to DuckDB), then keeps the rows
/// of the row filter. Everything after this (model frame, descriptives, figures) is the same whatever the source.
/// </summary>
public static class TableReader
{
    /// <summary>The file formats read: csv, xpt, parquet, duckdb.</summary>
    public static IReadOnlyList<string> Formats { get; } = new[] { "csv", "xpt", "parquet", "duckdb" };

    /// <summary>A folder named as the data is said to be one (not "file not found").</summary>
    static void RefuseFolder(TableSource source)
    {
        if (Directory.Exists(source.Path))
            throw new RweStatsInputException($"{source.Path}: is a folder; name a data file (a glob such as \"{Path.Combine(source.Path, "*.parquet")}\" reads many files through DuckDB)");
    }

    static ITableReader ReaderFor(string format) => format switch
    {
        "csv" => CsvSource.Instance,
        "xpt" => XptReader.Instance,
        "parquet" => ParquetTableReader.Instance,
        "duckdb" => DuckDbTableReader.Instance,
        _ => throw new InvalidOperationException(format),
    };

    /// <summary>Reads the source with the reader of its format and keeps the rows of its filter.</summary>
    public static DataTable Read(TableSource source)
    {
        RefuseFolder(source);
        var format = FormatOf(source);
        RefuseMember(source, format);
        if (source.Query is not null && format != "duckdb")
            throw new RweStatsInputException($"{source.Path}: a SQL query runs on DuckDB sources only; give {source.FormatOption} duckdb");
        var table = ReaderFor(format).Read(source);
        return source.Where is { } where ? RowCondition.Parse(where, source.WhereOption).Apply(table) : table;
    }

    /// <summary>
    /// The pattern sums of the spec's model over the source, for sources of any size: one CSV or Parquet file whose
    /// rows come grouped by subject (each subject's rows contiguous, subjects in any order) is streamed subject by subject
    /// (<see cref="Streaming.StreamedPatternSums"/>); any other source, and a file whose subjects' rows are apart, is
    /// aggregated by DuckDB while it scans it
    /// (<see cref="DuckDbTableReader.PatternSums"/>).
    /// What needs the rows (<see cref="Estimation.PatternSums.RowsNeeded"/>) reads them with <see cref="Read"/>.
    /// </summary>
    public static Estimation.PatternSums PatternSums(TableSource source, Model.MixedModelSpec spec, Action<string>? log = null) =>
        PatternSums(source, spec, out _, log);

    /// <summary>The same, with how the sums were computed (<paramref name="path"/>: "streamed subject by subject" or by DuckDB, and why).</summary>
    public static Estimation.PatternSums PatternSums(TableSource source, Model.MixedModelSpec spec, out string path, Action<string>? log = null)
    {
        RefuseFolder(source);
        var format = FormatOf(source);
        if (format == "xpt")
            throw new RweStatsInputException($"{source.Path}: the push-down runs in DuckDB, which does not read SAS transport files; read the rows (drop the push-down)");
        RefuseMember(source, format); // xpt refused above
        path = "computed by DuckDB while it scans the data (a query, a glob, a DuckDB database or a row filter)";
        if (Streaming.StreamedPatternSums.Reads(source, format))
        {
            log?.Invoke($"streaming {source.Path} subject by subject");
            if (Streaming.StreamedPatternSums.TryCompute(source, spec, format, out var declined, anySubjectOrder: true) is { } streamed)
            {
                path = "streamed subject by subject";
                return streamed;
            }
            // DuckDB groups the rows whatever their order.
            log?.Invoke($"{source.Path}: not streamed, {declined}; DuckDB aggregates it");
            path = $"computed by DuckDB while it scans the file (not streamed: {declined})";
        }
        return DuckDbTableReader.PatternSums(source, spec, log);
    }

    /// <summary>A member (--member, data.member) names a data set of an .xpt library or a table of a DuckDB database only.</summary>
    static void RefuseMember(TableSource source, string format)
    {
        if (source.Member is not null && format is not ("xpt" or "duckdb"))
            throw new RweStatsInputException($"{source.Path}: a member (data set or table) is named but a {format} file has none; it applies to xpt and duckdb sources");
    }

    /// <summary>The explicit format, or the one the extension names.</summary>
    public static string FormatOf(TableSource source)
    {
        if (source.FileFormat is { } f)
        {
            var lower = f.ToLowerInvariant();
            if (!Formats.Contains(lower))
                throw new RweStatsInputException($"{source.FormatOption} '{f}' is not a file format; use one of: {string.Join(", ", Formats)}");
            return lower;
        }
        if (source.Path.IndexOfAny(['*', '?', '[']) >= 0 && !File.Exists(source.Path)) return "duckdb";
        return System.IO.Path.GetExtension(source.Path).ToLowerInvariant() switch
        {
            ".xpt" or ".xport" => "xpt",
            ".parquet" or ".parq" => "parquet",
            ".duckdb" or ".ddb" => "duckdb",
            _ => "csv",
        };
    }

    /// <summary>The CSV reader behind the interface.</summary>
    sealed class CsvSource : ITableReader
    {
        public static readonly CsvSource Instance = new();
        public DataTable Read(TableSource source) => CsvTableReader.Read(source.Path, source.Dialect);
    }
}
