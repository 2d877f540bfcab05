using System.Data.Common;
using System.Globalization;
using Npgsql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Data.Sql;

/// <summary>
/// A PostgreSQL table or query as a data source: "postgresql://HOST[:PORT]/DB?table=SCHEMA.TABLE", or the same address
/// without table= and a SELECT. Credentials come from where libpq takes them — PGUSER, PGPASSWORD, PGPASSFILE (or
/// ~/.pgpass) — never from the address, and no message, log or output contains the password.
/// <para>Reading never writes: every connection works in one READ ONLY transaction (the server refuses INSERT, UPDATE,
/// DELETE, DDL and functions that write, and the transaction is rolled back at the end), every statement that holds the
/// user's text is sent as exactly one statement (<see cref="SqlStatement"/>), a query is first parsed alone by the
/// server (one statement that returns rows, so a ")" cannot close the "WITH src AS (...)" it is put in), and a
/// statement timeout bounds each statement (?statement_timeout=SECONDS, <see cref="DefaultStatementTimeoutSeconds"/> by
/// default, 0 for none), a wait on a locked table included.</para>
/// </summary>
public sealed class PostgresSource
{
    readonly string connectionString;
    readonly string? password;

    /// <summary>The statement timeout when the address gives none: long enough for an aggregate over 10^8 rows.</summary>
    public const int DefaultStatementTimeoutSeconds = 600;

    /// <summary>The longest any one statement may run, in seconds (0: no limit).</summary>
    public int StatementTimeoutSeconds { get; }

    /// <summary>The server's host name.</summary>
    public string Host { get; }
    /// <summary>The server's port.</summary>
    public int Port { get; }
    /// <summary>The database name.</summary>
    public string Database { get; }
    /// <summary>The table or query whose rows are read.</summary>
    public SqlRelation Relation { get; }
    /// <summary>How messages name the source (never with credentials).</summary>
    public string Label => Relation.Label;

    PostgresSource(string host, int port, string database, SqlRelation relation, string connectionString, string? password, int statementTimeout)
    {
        Host = host; Port = port; Database = database; Relation = relation; this.connectionString = connectionString; this.password = password;
        StatementTimeoutSeconds = statementTimeout;
    }

    /// <summary>The same database with a row filter the server applies (<see cref="RowCondition.ToSql"/>), to the sums and to the rows read.</summary>
    public PostgresSource Where(RowCondition? filter) =>
        filter is null ? this : new(Host, Port, Database, Relation with { Filter = filter }, connectionString, password, StatementTimeoutSeconds);

    /// <summary>Whether a --data value names a PostgreSQL database rather than a file.</summary>
    public static bool IsAddress(string? data) =>
        data is not null && (data.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || data.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the address and the optional SELECT; credentials from the environment (PGUSER, PGPASSWORD, PGPASSFILE).
    /// </summary>
    public static PostgresSource Open(string address, string? query, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Env(string name) => environment is not null ? (environment.TryGetValue(name, out var v) ? v : null) : Environment.GetEnvironmentVariable(name);
        int scheme = address.IndexOf("://", StringComparison.Ordinal);
        string rest = address[(scheme + 3)..];
        string? parameters = null;
        int question = rest.IndexOf('?');
        if (question >= 0) { parameters = rest[(question + 1)..]; rest = rest[..question]; }
        int slash = rest.IndexOf('/');
        string authority = slash >= 0 ? rest[..slash] : rest, database = slash >= 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : "";
        string? user = null;
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            if (userInfo.Contains(':'))
                throw RweStatsInputException.Naming("{Data}: a password in the address is refused (it would show in process lists and logs); set PGPASSWORD or use a password file (PGPASSFILE, ~/.pgpass)");
            user = Uri.UnescapeDataString(userInfo);
        }
        string host = authority;
        int port = int.TryParse(Env("PGPORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var envPort) ? envPort : 5432;
        int colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.EndsWith(']'))
        {
            host = authority[..colon];
            if (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                throw RweStatsInputException.Naming($"{{Data}}: port '{authority[(colon + 1)..]}' of the PostgreSQL address is not a port number");
        }
        if (host.Length == 0) host = Env("PGHOST") ?? "localhost";
        if (database.Length == 0) database = Env("PGDATABASE") ?? "postgres";
        string? table = null;
        SslMode? sslMode = null;
        int statementTimeout = DefaultStatementTimeoutSeconds;
        foreach (var pair in (parameters ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string key = eq >= 0 ? pair[..eq] : pair, value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "";
            if (key == "table") table = value;
            else if (key is "password")
                throw RweStatsInputException.Naming("{Data}: a password in the address is refused (it would show in process lists and logs); set PGPASSWORD or use a password file (PGPASSFILE, ~/.pgpass)");
            else if (key == "sslmode")
                sslMode = SslModes.Where(m => LibpqName(m).Equals(value, StringComparison.OrdinalIgnoreCase)).Cast<SslMode?>().FirstOrDefault()
                    ?? throw RweStatsInputException.Naming($"{{Data}}: sslmode '{Shorten(value)}' of the PostgreSQL address is not one of {string.Join(", ", SslModes.Select(LibpqName))}");
            else if (key == "statement_timeout")
                statementTimeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 7 * 24 * 3600
                    ? seconds
                    : throw RweStatsInputException.Naming($"{{Data}}: statement_timeout '{Shorten(value)}' of the PostgreSQL address is not a whole number of seconds (0 for no limit, at most 604800)");
            else
                throw RweStatsInputException.Naming($"{{Data}}: unknown parameter '{Shorten(key)}' in the PostgreSQL address; use ?table=SCHEMA.TABLE (or {{Query}} \"SELECT ...\"), sslmode=, statement_timeout=SECONDS");
        }
        string baseLabel = $"postgresql://{host}:{port}/{database}";
        SqlRelation relation;
        if (table is not null && query is not null)
            throw RweStatsInputException.Naming("{Data} with ?table= and {Query} both name the rows; give one of them");
        if (table is not null) relation = SqlRelation.Table(table, SqlDialect.PostgreSql, $"{baseLabel}?table={table}");
        else if (query is not null)
        {
            // Only a first, friendly word here: the server's own parse decides (one statement that returns rows, run
            // read-only; see Use).
            if (string.IsNullOrWhiteSpace(query)) throw RweStatsInputException.Naming("{Query}: the query is empty; give one SELECT statement");
            relation = SqlRelation.Query(query, $"{baseLabel} (--query)");
        }
        else throw RweStatsInputException.Naming($"{{Data}} {baseLabel}: name the rows with ?table=SCHEMA.TABLE or {{Query}} \"SELECT ...\"");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host, Port = port, Database = database,
            Username = user ?? Env("PGUSER") ?? Environment.UserName,
            ApplicationName = "rwestats", Timeout = 15, CommandTimeout = 0,
        };
        string? password = Env("PGPASSWORD");
        if (!string.IsNullOrEmpty(password)) builder.Password = password;
        if (Env("PGPASSFILE") is { Length: > 0 } passfile) builder.Passfile = passfile;
        if (sslMode is { } ssl) builder.SslMode = ssl;
        return new PostgresSource(host, port, database, relation, builder.ConnectionString, password, statementTimeout);
    }

    static readonly SslMode[] SslModes = [SslMode.Disable, SslMode.Allow, SslMode.Prefer, SslMode.Require, SslMode.VerifyCA, SslMode.VerifyFull];
    /// <summary>libpq's spelling of an SSL mode (verify-ca, verify-full), which the address uses.</summary>
    static string LibpqName(SslMode mode) => mode switch { SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => mode.ToString().ToLowerInvariant() };
    static string Shorten(string text) => Echo.Shown(text, 40);

    /// <summary>The pattern sums, computed by the server (see <see cref="PatternSumsQuery"/>).</summary>
    public PatternSums PatternSums(MixedModelSpec spec, Action<string>? log = null) =>
        Use(connection =>
        {
            // Session settings for the aggregate query: no JIT (LLVM compiling its hundreds of aggregate expressions took
            // longer than running them: 19 s against 5.6 s at 10^6 rows, measured), and hash tables of 10^6 subjects kept
            // in memory rather than spilled to disk.
            using (var tune = connection.CreateCommand())
            {
                tune.CommandText = "SET jit = off; SET work_mem = '64MB'";
                tune.ExecuteNonQuery();
            }
            return PatternSumsQuery.Compute(connection, SqlDialect.PostgreSql, Relation, spec, log);
        });

    /// <summary>
    /// The rows themselves (the model's columns only), for what needs them: empirical SE, BLUPs, residuals, spatial
    /// structures, figures. Without --time-order the visits are ordered by the rule of <see cref="Model.VisitOrder"/>,
    /// as in the push-down (a table's rows have no order, and the rule never uses it).
    /// </summary>
    public (DataTable table, MixedModelSpec spec) ReadRows(MixedModelSpec spec) =>
        Use(connection => SqlRows.Read(connection, SqlDialect.PostgreSql, Relation, spec));

    /// <summary>Every column and row (an analysis spec's descriptives and figures read them).</summary>
    public DataTable ReadTable() => Use(connection => SqlRows.ReadAll(connection, SqlDialect.PostgreSql, Relation));

    /// <summary>
    /// Runs work on an open connection inside one READ ONLY transaction (rolled back at the end) with the statement
    /// timeout, after the server has parsed a query alone; database errors become one-line input errors without the
    /// password.
    /// </summary>
    public T Use<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using (var settings = connection.CreateCommand())
            {
                // Our own text, no user input: two SETs. READ ONLY must come first in the transaction; neither outlives it.
                settings.CommandText = $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {(StatementTimeoutSeconds * 1000L).ToString(CultureInfo.InvariantCulture)}";
                settings.ExecuteNonQuery();
            }
            if (Relation.IsQuery) RequireOneQuery(connection);
            return work(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new RweStatsInputException($"{Label}: {Describe(e)}");
        }
    }

    /// <summary>
    /// The server parses the query alone, without running it (Parse and Describe): exactly one statement, and one that
    /// returns rows. What it does is then bounded by the read-only transaction.
    /// </summary>
    void RequireOneQuery(DbConnection connection)
    {
        using var reader = SqlStatement.Reader(connection, Relation.Sql, System.Data.CommandBehavior.SchemaOnly);
        if (reader.FieldCount == 0)
            throw new RweStatsInputException($"{Label}: the query returns no rows (it is not a SELECT); give one SELECT statement");
    }

    /// <summary>The reason of a database error in one line, with the password (if any) masked.</summary>
    string Describe(Exception e)
    {
        string text = e switch
        {
            PostgresException { SqlState: "42601" } pg when pg.MessageText.Contains("multiple commands", StringComparison.Ordinal) =>
                "the query holds more than one statement; give exactly one SELECT statement",
            PostgresException { SqlState: "25006" } pg => $"{pg.MessageText}: a query is only read (SQLSTATE 25006); give one SELECT statement",
            PostgresException { SqlState: "57014" } pg when StatementTimeoutSeconds > 0 && pg.MessageText.Contains("statement timeout", StringComparison.Ordinal) =>
                $"a statement ran longer than the statement timeout ({StatementTimeoutSeconds} s; a wait on a locked table counts) and was cancelled; allow more with ?statement_timeout=SECONDS in the address (0: no limit)",
            // PostgreSQL raises an overflow where a double would become infinite: the pushed-down sums of squares and
            // products of values near 1e154 and beyond.
            PostgresException { SqlState: "22003" } pg =>
                $"{pg.MessageText} (SQLSTATE 22003): a value of the model's columns is too large for the sums of squares and products (about 1e154 or more); rescale the column",
            PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
            _ => e.Message,
        };
        if (e is not PostgresException && e.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal)) text += ": " + inner.Message;
        text = text.ReplaceLineEndings(" ");
        if (!string.IsNullOrEmpty(password)) text = text.Replace(password, "********", StringComparison.Ordinal);
        return text;
    }
}

/// <summary>Reads the model's columns of a SQL source into a <see cref="DataTable"/> (the "pull the rows" path).</summary>
internal static class SqlRows
{
    public static (DataTable table, MixedModelSpec spec) Read(DbConnection connection, SqlDialect dialect, SqlRelation source, MixedModelSpec spec)
    {
        var formula = Formula.Parse(spec.Formula);
        var wanted = new List<string> { spec.Subject, spec.Time, formula.Response };
        foreach (var v in formula.RhsVariables.Concat(spec.ClassVariables))
            if (!wanted.Contains(v)) wanted.Add(v);
        foreach (var v in new[] { spec.Group, spec.TimeValue })
            if (v is not null && !wanted.Contains(v)) wanted.Add(v);
        source = source.Filtered(connection, dialect);
        var available = new List<string>();
        using (var reader = SqlStatement.Reader(connection, $"{source.With} SELECT * FROM src LIMIT 0"))
            for (int i = 0; i < reader.FieldCount; i++) available.Add(reader.GetName(i));
        // A column the source lacks is named here with the closest one it has (the rows read hold only the model's
        // columns); --time-value is needed only by some models, so a missing one is left to the model frame.
        foreach (var column in wanted.Where(c => !available.Contains(c) && c != spec.TimeValue))
            throw RweStatsInputException.Naming(ClosestName.NoColumn(source.Label, column, Role(column), available));
        var table = ReadColumns(connection, dialect, source, wanted.Where(available.Contains).ToList());
        return (table, spec);

        string Role(string column) =>
            column == spec.Subject ? "{Subject}" : column == spec.Time ? "{Time}" : column == formula.Response ? "the formula's response"
            : column == spec.Group ? "{Group}" : spec.ClassVariables.Contains(column) ? "{ClassVariables}" : "a term of the formula";
    }

    /// <summary>Every column of the source.</summary>
    public static DataTable ReadAll(DbConnection connection, SqlDialect dialect, SqlRelation source) => ReadColumns(connection, dialect, source.Filtered(connection, dialect), null);

    static DataTable ReadColumns(DbConnection connection, SqlDialect dialect, SqlRelation source, IReadOnlyList<string>? wanted)
    {
        using var reader = SqlStatement.Reader(connection, $"{source.With} SELECT {(wanted is null ? "*" : string.Join(", ", wanted.Select(dialect.Identifier)))} FROM src");
        // The conversion DuckDB's rows get too: the same query gives the same table on either engine.
        return SqlResultTable.Read(reader, source.Label);
    }
}
