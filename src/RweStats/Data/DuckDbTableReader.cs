using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
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
    /// <summary>The reader (it keeps no state).</summary>
    public static readonly DuckDbTableReader Instance = new();

    /// <inheritdoc/>
    public DataTable Read(TableSource source) =>
        Run(source, (connection, sql, typesGuessed) => ReadQuery(connection, sql, source.Path, typesGuessed));

    /// <summary>
    /// The pattern sums of the spec's model computed by DuckDB's SQL engine over the source (the generated query of
    /// <see cref="PatternSumsQuery"/> in the DuckDB dialect): DuckDB scans the files chunk by chunk and
    /// aggregates per subject then per visit pattern, so only a few rows of sums reach .NET whatever the size of the
    /// file, and the rows need no particular order (DuckDB groups them). The query runs on one thread, so that the sums
    /// are added in the same order every time (the same bits from run to run). The row filter (<see cref="TableSource.Where"/>)
    /// is translated into SQL (<see cref="RowCondition.ToSql"/>), which DuckDB evaluates while it scans: the same rows as
    /// the filter keeps in memory.
    /// </summary>
    public static PatternSums PatternSums(TableSource source, MixedModelSpec spec, Action<string>? log = null)
    {
        var spill = Directory.CreateTempSubdirectory("rwestats-duckdb-");
        try
        {
            // The per-subject groups of a large file exceed any fixed memory: DuckDB keeps at most MemoryLimit in
            // memory and spills the rest of its hash aggregation to a temporary directory (removed after), and need not
            // keep the rows' order. One thread: with several, each adds its share of the rows into its own partial sums
            // and the partial sums are added in whichever order the threads finish, so the last digits of the sums (and
            // of the fit) changed from run to run; one thread adds the rows in scan order, the same bits every run.
            string[] settings =
            [
                $"SET memory_limit = {Literal(MemoryLimit)}",
                $"SET temp_directory = {Literal(spill.FullName)}",
                "SET preserve_insertion_order = false",
                "SET threads = 1",
            ];
            return Run(source, (connection, sql, typesGuessed) =>
                PatternSumsQuery.Compute(connection, SqlDialect.DuckDb, SqlRelation.Query(sql, $"{source.Path} (DuckDB)") with
                {
                    TypesGuessed = typesGuessed, Filter = source.Where is { } where ? RowCondition.Parse(where, source.WhereOption) : null,
                }, spec, log), settings);
        }
        finally { spill.Delete(true); }
    }

    /// <summary>DuckDB's memory limit while it computes the pattern sums (its own buffers; .NET's are small beside).</summary>
    public const string MemoryLimit = "1536MB";

    /// <summary>
    /// Opens DuckDB on the source, applies our <paramref name="settings"/>, locks it down (<see cref="Confine"/>), and
    /// gives the SELECT that yields its rows to <paramref name="use"/>, with whether its column types are guesses: those
    /// of DuckDB's CSV sniffer when CSV files are read without a query (a query's types are the user's), typed then as
    /// the CSV reader types a column (<see cref="ColumnTyping"/>). A user's query must be one SELECT
    /// (<see cref="RequireOneSelect"/>).
    /// </summary>
    static T Run<T>(TableSource source, Func<DuckDBConnection, string, bool, T> use, IReadOnlyList<string>? settings = null)
    {
        string path = source.Path;
        // A glob's extension ("*.parquet", "part-0.parq*") picks DuckDB's reader: Parquet for .parq…, CSV otherwise.
        string ext = Path.GetExtension(path.TrimEnd('*', '?')).ToLowerInvariant();
        bool parquet = ext.StartsWith(".parq", StringComparison.Ordinal);
        bool files = parquet || ext is ".csv" or ".tsv" or ".txt" || (path.IndexOfAny(['*', '?', '[']) >= 0 && !File.Exists(path));
        bool glob = path.IndexOfAny(['*', '?', '[']) >= 0;
        if (!glob && Directory.Exists(path)) throw new RweStatsInputException($"{path}: is a folder; name a data file (or a glob such as \"{Path.Combine(path, "*.parquet")}\")");
        if (!glob && !File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        if (parquet && !glob) ParquetTableReader.RequireConsistentFooter(path);
        try
        {
            using var connection = new DuckDBConnection(files ? "Data Source=:memory:" : $"Data Source={path};ACCESS_MODE=READ_ONLY");
            connection.Open();
            foreach (var setting in settings ?? []) Execute(connection, setting);
            Confine(connection, files ? path : null);
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
            // After the view "data" exists: the query is prepared against it.
            if (source.Query is not null) RequireOneSelect(connection, sql, path);
            return use(connection, sql, files && !parquet && source.Query is null);
        }
        catch (DuckDBException e)
        {
            throw new RweStatsInputException($"{path}: DuckDB: {e.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>
    /// What a query may reach: the named data files only (a glob: the folder its pattern starts in), no other file
    /// read or written (COPY TO, ATTACH, EXPORT), no extension installed or loaded, and the configuration locked so
    /// that a query cannot undo any of it (DuckDB's enable_external_access, allowed_paths, allowed_directories,
    /// autoinstall/autoload_known_extensions, lock_configuration). A database file is already open (read-only).
    /// </summary>
    static void Confine(DuckDBConnection connection, string? files)
    {
        if (files is not null)
        {
            int wildcard = files.IndexOfAny(['*', '?', '[']);
            if (wildcard < 0)
                Execute(connection, $"SET allowed_paths = [{Literal(files)}, {Literal(Path.GetFullPath(files))}]");
            else
            {
                // The folder before the first wildcard ("export/part-*/x.parquet" → export/), with its sub-folders.
                string prefix = files[..wildcard];
                string folder = Path.GetFullPath(prefix.Contains('/') || prefix.Contains(Path.DirectorySeparatorChar) ? Path.GetDirectoryName(prefix + "x")! : ".");
                Execute(connection, $"SET allowed_directories = [{Literal(folder.TrimEnd('/', Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)}]");
            }
        }
        Execute(connection, "SET enable_external_access = false");
        Execute(connection, "SET autoinstall_known_extensions = false");
        Execute(connection, "SET autoload_known_extensions = false");
        Execute(connection, "SET lock_configuration = true");
    }

    /// <summary>
    /// A user's query must be exactly one statement and a SELECT, as DuckDB's own parser and planner see it
    /// (duckdb_extract_statements, then the prepared statement's type): a COPY, ATTACH, INSTALL, CREATE or a second
    /// statement after a semicolon is refused before anything runs.
    /// </summary>
    static void RequireOneSelect(DuckDBConnection connection, string query, string path)
    {
        int count = NativeMethods.ExtractStatements.DuckDBExtractStatements(connection.NativeConnection, query, out var extracted);
        using (extracted)
        {
            if (count == 0)
            {
                string error = string.IsNullOrWhiteSpace(query) ? "the query is empty" : NativeMethods.ExtractStatements.DuckDBExtractStatementsError(extracted);
                throw new RweStatsInputException($"{path}: query: {error.Split('\n')[0].Trim()}; give one SELECT statement");
            }
            if (count > 1)
                throw new RweStatsInputException($"{path}: the query holds {count} statements; give exactly one SELECT statement");
            var state = NativeMethods.ExtractStatements.DuckDBPrepareExtractedStatement(connection.NativeConnection, extracted, 0, out var prepared);
            using (prepared)
            {
                // A statement that does not prepare has no type to ask (DuckDB would fail): its error is the answer.
                if (state != DuckDBState.Success)
                    throw new RweStatsInputException($"{path}: DuckDB: {NativeMethods.PreparedStatements.DuckDBPrepareError(prepared).Split('\n')[0].Trim()}");
                var type = (DuckDBStatementType)PreparedStatementType(prepared);
                if (type != DuckDBStatementType.Select)
                    throw new RweStatsInputException($"{path}: the query is a {type.ToString().ToUpperInvariant()} statement; a query is only read: give one SELECT statement");
            }
        }
    }

    // DuckDB's C API (duckdb.h) has the statement type of a prepared statement; DuckDB.NET does not wrap it.
    [System.Runtime.InteropServices.DllImport("duckdb", EntryPoint = "duckdb_prepared_statement_type")]
    static extern int PreparedStatementType(DuckDBPreparedStatement statement);

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

    static DataTable ReadQuery(DuckDBConnection connection, string sql, string source, bool typesGuessed)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        return SqlResultTable.Read(r, source, typesGuessed);
    }

    // DuckDB's quoting is the dialect's (one place for the SQL the push-down generates and the reader's own).
    static string Literal(string text) => SqlDialect.DuckDb.Literal(text);
    static string Identifier(string name) => SqlDialect.DuckDb.Identifier(name);
}
