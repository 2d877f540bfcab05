using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RweStats.Data;

namespace RweStats.Tests.Database;

/// <summary>
/// The PostgreSQL server of the database tests. When RWESTATS_PG_HOST is set (.ci/run starts a server and exports
/// RWESTATS_PG_HOST/PORT/USER/PASSWORD/DB/LOG), that server is used; otherwise this fixture starts its own with
/// scripts/pg-test-server.sh (a fresh data directory under the temp folder, 127.0.0.1, a free port) and stops it at the
/// end. When no server can be started the tests FAIL with the script's reason: nothing is skipped silently.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    readonly string? ownDirectory;
    public string Host { get; }
    public int Port { get; }
    public string User { get; }
    public string Password { get; }
    public string Database { get; }
    /// <summary>The server's log (log_statement = all), when known.</summary>
    public string? LogFile { get; }

    public PostgresServer()
    {
        var env = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("RWESTATS_PG_HOST") is { Length: > 0 })
        {
            foreach (var name in new[] { "HOST", "PORT", "USER", "PASSWORD", "DB", "LOG" })
                env[name] = Environment.GetEnvironmentVariable("RWESTATS_PG_" + name) ?? "";
        }
        else
        {
            ownDirectory = Path.Combine(Path.GetTempPath(), $"rwestats-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var script = Path.Combine(RepoPaths.Root, "scripts", "pg-test-server.sh");
            var (code, stdout, stderr) = RunScript(script, "start", ownDirectory);
            if (code != 0)
                throw new InvalidOperationException($"the PostgreSQL test server could not be started ({script} exit {code}): {stderr.Trim()}");
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = line.IndexOf('=');
                if (eq > 0 && line.StartsWith("RWESTATS_PG_", StringComparison.Ordinal)) env[line[12..eq]] = line[(eq + 1)..];
            }
        }
        Host = env["HOST"]; Port = int.Parse(env["PORT"], System.Globalization.CultureInfo.InvariantCulture);
        User = env["USER"]; Password = env["PASSWORD"]; Database = env.GetValueOrDefault("DB") is { Length: > 0 } db ? db : "postgres";
        LogFile = env.GetValueOrDefault("LOG") is { Length: > 0 } log ? log : null;
    }

    static (int code, string stdout, string stderr) RunScript(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The credentials as the CLI takes them (PGUSER, PGPASSWORD).</summary>
    public IReadOnlyDictionary<string, string?> Credentials => new Dictionary<string, string?> { ["PGUSER"] = User, ["PGPASSWORD"] = Password };

    public string Address(string? table = null) => $"postgresql://{Host}:{Port}/{Database}" + (table is null ? "" : $"?table={table}");

    public NpgsqlConnection Connect()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = Host, Port = Port, Username = User, Password = Password, Database = Database }.ConnectionString);
        c.Open();
        return c;
    }

    public void Execute(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }

    readonly object loadLock = new();
    readonly HashSet<string> loaded = new();

    /// <summary>Loads a CSV file into a table (numeric columns as double precision, others as text; missing cells NULL), once.</summary>
    public void LoadCsv(string path, string table)
    {
        lock (loadLock)
        {
            if (!loaded.Add(table)) return;
            var data = CsvTableReader.Read(path, CsvDialect.Default);
            var numeric = data.ColumnNames.Select(data.IsNumeric).ToArray();
            Execute($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({string.Join(", ", data.ColumnNames.Select((n, j) => $"\"{n}\" {(numeric[j] ? "double precision" : "text")}"))})");
            using var c = Connect();
            using var importer = c.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
            var columns = data.Columns;
            for (int i = 0; i < data.RowCount; i++)
            {
                importer.StartRow();
                for (int j = 0; j < columns.Count; j++)
                {
                    var cell = columns[j][i];
                    if (cell is null) importer.WriteNull();
                    else if (numeric[j]) importer.Write(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                    else importer.Write(cell, NpgsqlDbType.Text);
                }
            }
            importer.Complete();
        }
    }

    public void Dispose()
    {
        if (ownDirectory is not null) RunScript(Path.Combine(RepoPaths.Root, "scripts", "pg-test-server.sh"), "stop", ownDirectory);
    }
}

[LongRunning(73)]
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer> { }
