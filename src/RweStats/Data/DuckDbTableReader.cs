using System.Globalization;
using DuckDB.NET.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Data;

/// <summary>
/// Reads a table through embedded DuckDB into a <see cref="DataTable"/>:
/// <list type="bullet">
/// <item>a DuckDB database file (.duckdb, .ddb, or any file with --data-format duckdb that is not CSV/Parquet), opened
/// read-only: its only table or view, the one named as member (--member), or the rows of a SQL query (--query);</item>
/// <item>CSV or Parquet files, one or a glob ("data/*.parquet"), read by DuckDB's own readers (read_parquet, read_csv
/// with the dialect's missing tokens); a --query then reads them as the view <c>data</c>
/// (e.g. <c>SELECT * FROM data WHERE PARAMCD = 'FEV1'</c>).</item>
/// </list>
/// The rows become a table as PostgreSQL's do (<see cref="SqlResultTable"/>: numbers, NULL missing, ISO dates). Rows are
/// numbered from 1 in the order DuckDB returns them (add ORDER BY to a query for a stable order).
/// </summary>
public sealed class DuckDbTableReader : ITableReader
{
    public static readonly DuckDbTableReader Instance = new();

    public DataTable Read(TableSource source) =>
        Run(source, (connection, sql) => ReadQuery(connection, sql, source.Path));

    /// <summary>
    /// The pattern sums of the spec's model computed by DuckDB's SQL engine over the source (the generated query of
    /// <see cref="PatternSumsQuery"/> in the DuckDB dialect): DuckDB scans the files in parallel, chunk by chunk, and
    /// aggregates per subject then per visit pattern, so only a few rows of sums reach .NET whatever the size of the
    /// file, and the rows need no particular order (DuckDB groups them). The row filter is not applied here: filter with
    /// a query (<see cref="TableSource.Query"/>), which DuckDB evaluates while it scans.
    /// </summary>
    public static PatternSums PatternSums(TableSource source, MixedModelSpec spec, Action<string>? log = null)
    {
        if (source.Where is not null)
            throw RweStatsInputException.Naming($"{source.Path}: {source.WhereOption} is applied to rows read into memory; with the push-down filter in a query instead ({source.FormatOption} duckdb and {{Query}} \"SELECT * FROM data WHERE ...\")");
        var spill = Directory.CreateTempSubdirectory("rwestats-duckdb-");
        try
        {
            return Run(source, (connection, sql) =>
            {
                // The per-subject groups of a large file exceed any fixed memory: DuckDB keeps at most MemoryLimit
                // in memory and spills the rest of its hash aggregation to a temporary directory (removed after), and
                // need not keep the rows' order (the sums do not depend on it).
                Execute(connection, $"SET memory_limit = {Literal(MemoryLimit)}");
                Execute(connection, $"SET temp_directory = {Literal(spill.FullName)}");
                Execute(connection, "SET preserve_insertion_order = false");
                return PatternSumsQuery.Compute(connection, SqlDialect.DuckDb, SqlRelation.Query(sql, $"{source.Path} (DuckDB)"), spec, log);
            });
        }
        finally { spill.Delete(true); }
    }

    /// <summary>DuckDB's memory limit while it computes the pattern sums (its own buffers; .NET's are small beside).</summary>
    public const string MemoryLimit = "1536MB";

    /// <summary>Opens DuckDB on the source and gives the SELECT that yields its rows to <paramref name="use"/>.</summary>
    static T Run<T>(TableSource source, Func<DuckDBConnection, string, T> use)
    {
        string path = source.Path;
        // A glob's extension ("*.parquet", "part-0.parq*") picks DuckDB's reader: Parquet for .parq…, CSV otherwise.
        string ext = Path.GetExtension(path.TrimEnd('*', '?')).ToLowerInvariant();
        bool parquet = ext.StartsWith(".parq", StringComparison.Ordinal);
        bool files = parquet || ext is ".csv" or ".tsv" or ".txt" || (path.IndexOfAny(['*', '?', '[']) >= 0 && !File.Exists(path));
        if (!files && !File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        try
        {
            using var connection = new DuckDBConnection(files ? "Data Source=:memory:" : $"Data Source={path};ACCESS_MODE=READ_ONLY");
            connection.Open();
            string sql;
            if (files)
            {
                string scan = parquet
                    ? $"read_parquet({Literal(path)})"
                    : $"read_csv({Literal(path)}, nullstr = [{string.Join(", ", source.Dialect.MissingTokens.Select(Literal))}]" +
                      (source.Dialect.DecimalSeparator == ',' ? ", decimal_separator = ','" : "") +
                      (source.Dialect.Delimiter is { } d ? $", delim = {Literal(d.ToString())}" : "") + ")";
                if (source.Member is not null)
                    throw RweStatsInputException.Naming($"{path}: a member (table) is named but CSV/Parquet files have none; drop {{Member}} (spec: data.member)");
                if (source.Query is { } query)
                {
                    Execute(connection, $"CREATE VIEW data AS SELECT * FROM {scan}");
                    sql = query;
                }
                else sql = $"SELECT * FROM {scan}";
            }
            else if (source.Query is { } query)
            {
                if (source.Member is not null) throw RweStatsInputException.Naming($"{path}: give a table ({{Member}}) or a query ({{Query}}), not both");
                sql = query;
            }
            else sql = $"SELECT * FROM {Identifier(ChooseTable(connection, path, source.Member))}";
            return use(connection, sql);
        }
        catch (DuckDBException e)
        {
            throw new RweStatsInputException($"{path}: DuckDB: {e.Message.Split('\n')[0].Trim()}");
        }
    }

    static string ChooseTable(DuckDBConnection connection, string path, string? member)
    {
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        if (member is not null)
            return tables.FirstOrDefault(t => t == member) ?? tables.FirstOrDefault(t => string.Equals(t, member, StringComparison.OrdinalIgnoreCase))
                ?? throw new RweStatsInputException($"{path}: no table '{member}'; {ClosestName.Hint(member, tables)}the database holds: {(tables.Count == 0 ? "no table" : string.Join(", ", tables))}");
        return tables.Count switch
        {
            0 => throw RweStatsInputException.Naming($"{path}: the database holds no table; give a {{Query}}"),
            1 => tables[0],
            _ => throw RweStatsInputException.Naming($"{path}: the database holds {tables.Count} tables ({string.Join(", ", tables)}); name one with {{Member}} (spec: data.member) or give a {{Query}}"),
        };
    }

    static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static DataTable ReadQuery(DuckDBConnection connection, string sql, string source)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        return SqlResultTable.Read(r, source);
    }

    // DuckDB's quoting is the dialect's (one place for the SQL the push-down generates and the reader's own).
    static string Literal(string text) => SqlDialect.DuckDb.Literal(text);
    static string Identifier(string name) => SqlDialect.DuckDb.Identifier(name);
}
