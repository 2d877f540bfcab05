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
/// </summary>
public sealed class PostgresSource
{
    readonly string connectionString;
    readonly string? password;

    public string Host { get; }
    public int Port { get; }
    public string Database { get; }
    public SqlRelation Relation { get; }
    public string Label => Relation.Label;

    PostgresSource(string host, int port, string database, SqlRelation relation, string connectionString, string? password)
    {
        Host = host; Port = port; Database = database; Relation = relation; this.connectionString = connectionString; this.password = password;
    }

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
        foreach (var pair in (parameters ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string key = eq >= 0 ? pair[..eq] : pair, value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "";
            if (key == "table") table = value;
            else if (key is "password")
                throw RweStatsInputException.Naming("{Data}: a password in the address is refused (it would show in process lists and logs); set PGPASSWORD or use a password file (PGPASSFILE, ~/.pgpass)");
            else if (key is not ("sslmode"))
                throw RweStatsInputException.Naming($"{{Data}}: unknown parameter '{key}' in the PostgreSQL address; use ?table=SCHEMA.TABLE (or {{Query}} \"SELECT ...\")");
        }
        string baseLabel = $"postgresql://{host}:{port}/{database}";
        SqlRelation relation;
        if (table is not null && query is not null)
            throw RweStatsInputException.Naming("{Data} with ?table= and {Query} both name the rows; give one of them");
        if (table is not null) relation = SqlRelation.Table(table, SqlDialect.PostgreSql, $"{baseLabel}?table={table}");
        else if (query is not null)
        {
            if (!query.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase) && !query.TrimStart().StartsWith("with", StringComparison.OrdinalIgnoreCase))
                throw RweStatsInputException.Naming("{Query}: give a SELECT (or WITH ... SELECT) statement");
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
        if (parameters is not null && parameters.Contains("sslmode=", StringComparison.Ordinal))
            builder.SslMode = Enum.Parse<SslMode>(parameters.Split('&').First(p => p.StartsWith("sslmode=", StringComparison.Ordinal))[8..], ignoreCase: true);
        return new PostgresSource(host, port, database, relation, builder.ConnectionString, password);
    }

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

    /// <summary>Runs work on an open connection; database errors become one-line input errors without the password.</summary>
    public T Use<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return work(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new RweStatsInputException($"{Label}: {Describe(e)}");
        }
    }

    /// <summary>The reason of a database error in one line, with the password (if any) masked.</summary>
    string Describe(Exception e)
    {
        string text = e is PostgresException pg ? $"{pg.MessageText} (SQLSTATE {pg.SqlState})" : e.Message;
        if (e is not PostgresException && e.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal)) text += ": " + inner.Message;
        text = text.ReplaceLineEndings(" ");
        if (!string.IsNullOrEmpty(password)) text = text.Replace(password, "********", StringComparison.Ordinal);
        return text;
    }
}

/// <summary>Reads the model's columns of a SQL source into a <see cref="DataTable"/> (the "pull the rows" path).</summary>
public static class SqlRows
{
    public static (DataTable table, MixedModelSpec spec) Read(DbConnection connection, SqlDialect dialect, SqlRelation source, MixedModelSpec spec)
    {
        var formula = Formula.Parse(spec.Formula);
        var wanted = new List<string> { spec.Subject, spec.Time, formula.Response };
        foreach (var v in formula.RhsVariables.Concat(spec.ClassVariables))
            if (!wanted.Contains(v)) wanted.Add(v);
        foreach (var v in new[] { spec.Group, spec.TimeValue })
            if (v is not null && !wanted.Contains(v)) wanted.Add(v);
        var available = new List<string>();
        using (var probe = connection.CreateCommand())
        {
            probe.CommandText = $"WITH src AS ({source.Sql}) SELECT * FROM src LIMIT 0";
            using var reader = probe.ExecuteReader();
            for (int i = 0; i < reader.FieldCount; i++) available.Add(reader.GetName(i));
        }
        // A column the source lacks is named here with the closest one it has (the rows read hold only the model's
        // columns); --time-value is needed only by some models, so a missing one is left to the model frame.
        foreach (var column in wanted.Where(c => !available.Contains(c) && c != spec.TimeValue))
            throw new RweStatsInputException(ClosestName.NoColumn(source.Label, column, Role(column), available));
        var table = ReadColumns(connection, dialect, source, wanted.Where(available.Contains).ToList());
        return (table, spec);

        string Role(string column) =>
            column == spec.Subject ? "{Subject}" : column == spec.Time ? "{Time}" : column == formula.Response ? "the formula's response"
            : column == spec.Group ? "{Group}" : spec.ClassVariables.Contains(column) ? "{Class}" : "a term of the formula";
    }

    /// <summary>Every column of the source.</summary>
    public static DataTable ReadAll(DbConnection connection, SqlDialect dialect, SqlRelation source) => ReadColumns(connection, dialect, source, null);

    static DataTable ReadColumns(DbConnection connection, SqlDialect dialect, SqlRelation source, IReadOnlyList<string>? wanted)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"WITH src AS ({source.Sql}) SELECT {(wanted is null ? "*" : string.Join(", ", wanted.Select(dialect.Identifier)))} FROM src";
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        // The conversion DuckDB's rows get too: the same query gives the same table on either engine.
        return SqlResultTable.Read(reader, source.Label);
    }
}
