using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using Npgsql;

namespace RweStats.Tests.Database;

/// <summary>
/// A query never writes: each way a query (--query, or a spec's "data.query") could write a file, change a table or
/// run unbounded is tried on the command line and in a spec, and the test checks that nothing was written, dropped or
/// deleted, and that the refusal is one line with exit 2.
/// </summary>
[Collection("postgres")]
public sealed class ReadOnlyQueryTests(PostgresServer server) : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-readonly-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static readonly string[] Model = ["--formula", "FEV1 ~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json"];

    /// <summary>A table of three rows that no query may drop or empty.</summary>
    string Victim()
    {
        string name = "victim_" + Guid.NewGuid().ToString("N")[..8];
        server.Execute($"CREATE TABLE public.{name} (x int); INSERT INTO public.{name} VALUES (1), (2), (3)");
        return name;
    }

    long? Rows(string table)
    {
        using var c = server.Connect();
        using var cmd = new NpgsqlCommand($"SELECT to_regclass('public.{table}') IS NOT NULL", c);
        if (!(bool)cmd.ExecuteScalar()!) return null;
        cmd.CommandText = $"SELECT COUNT(*) FROM public.{table}";
        return (long)cmd.ExecuteScalar()!;
    }

    static void AssertRefused((int code, string stdout, string stderr) run, string? reason = null)
    {
        Assert.True(run.code == 2, $"exit {run.code}: {run.stderr}");
        Assert.Single(run.stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("rwestats: error: ", run.stderr);
        if (reason is not null) Assert.Contains(reason, run.stderr);
    }

    (int code, string stdout, string stderr) Fit(string data, string query, params string[] more) =>
        DatabaseCommandsTests.Run(server, ["fit", "--data", data, "--query", query, .. more, .. Model]);

    public static TheoryData<string, string> PostgresVectors => new()
    {
        // The ")" that closes "WITH src AS (" from inside the query, then a statement of its own.
        // The server parses the query alone first: the unbalanced ")" is its syntax error.
        { "SELECT * FROM public.fev) SELECT * FROM src; DROP TABLE public.{victim}; WITH src AS (SELECT * FROM public.fev", "syntax error" },
        { "SELECT * FROM public.fev; DROP TABLE public.{victim}", "more than one statement" },
        { "SELECT * FROM public.fev; DELETE FROM public.{victim}", "more than one statement" },
        { "DELETE FROM public.{victim}", "returns no rows" },
        { "DROP TABLE public.{victim}", "returns no rows" },
        { "DELETE FROM public.{victim} RETURNING *", "read-only transaction" },
        // A data-modifying WITH, in the query and through the escape (refused where it cannot be nested, and by the
        // read-only transaction where it could).
        { "WITH d AS (DELETE FROM public.{victim} RETURNING *) SELECT f.* FROM public.fev f", "data-modifying" },
        { "SELECT * FROM public.fev), d AS (DELETE FROM public.{victim} RETURNING *) SELECT * FROM src --", "syntax error" },
        // A SELECT that would write through a function; COMMIT to leave the transaction.
        { "SELECT f.*, (SELECT set_config('transaction_read_only', 'off', true)) FROM public.fev f", "transaction" },
        { "COMMIT; DROP TABLE public.{victim}", "more than one statement" },
    };

    [Theory]
    [MemberData(nameof(PostgresVectors))]
    public void APostgresQueryNeverChangesATableOnTheCommandLine(string query, string reason)
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        foreach (var pushDown in new[] { false, true })
        {
            string victim = Victim();
            var run = Fit(server.Address(), query.Replace("{victim}", victim), pushDown ? [] : ["--pull-rows"]);
            AssertRefused(run, reason);
            Assert.Equal(3, Rows(victim));
        }
    }

    [Fact]
    public void APostgresCopyToAFileWritesNothing()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        // The test server's role may write server files (it is a superuser): only the refusal keeps the file away.
        string target = Path.Combine(Path.GetTempPath(), $"rwestats-pwned-{Guid.NewGuid():N}.csv");
        foreach (var query in new[]
                 {
                     $"COPY (SELECT 'pwned' AS x) TO '{target}'",
                     $"SELECT * FROM public.fev) SELECT * FROM src; COPY (SELECT 'pwned' AS x) TO '{target}'; WITH src AS (SELECT * FROM public.fev",
                 })
        {
            AssertRefused(Fit(server.Address(), query));
            Assert.False(File.Exists(target));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASpecsPostgresQueryNeverDeletes(bool pushDown)
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        foreach (var template in new[]
                 {
                     "SELECT * FROM public.fev) SELECT * FROM src; DELETE FROM public.{victim}; WITH src AS (SELECT * FROM public.fev",
                     "DELETE FROM public.{victim} RETURNING *",
                 })
        {
            string victim = Victim();
            var spec = Path.Combine(dir, "spec.json");
            File.WriteAllText(spec, $$"""
                { "schema": "rwestats-analysis/1",
                  "data": { "source": {{JsonSerializer.Serialize(server.Address())}}, "query": {{JsonSerializer.Serialize(template.Replace("{victim}", victim))}}, "push_down": {{(pushDown ? "true" : "false")}} },
                  "columns": { "subject": "USUBJID", "visit": "AVISIT" }, "visits": { "order": ["VIS1", "VIS2", "VIS3", "VIS4"] },
                  "model": { "formula": "{y} ~ ARMCD*{visit} + FEV1_BL", "covariance": "un" },
                  "outcomes": [ { "name": "FEV1" } ], "outputs": { "figures": false } }
                """);
            var run = DatabaseCommandsTests.Run(server, "analyze", spec, "--out", Path.Combine(dir, "out"));
            AssertRefused(run);
            Assert.Equal(3, Rows(victim));
            Assert.False(File.Exists(Path.Combine(dir, "out", "fits.json")));
        }
    }

    [Fact]
    public void ASlowQueryIsCancelledAtTheStatementTimeout()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var clock = Stopwatch.StartNew();
        var run = Fit(server.Address() + "?statement_timeout=1", "SELECT f.* FROM public.fev f, pg_sleep(30)");
        AssertRefused(run, "statement timeout (1 s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{clock.Elapsed}");
        AssertRefused(Fit(server.Address() + "?statement_timeout=soon", "SELECT * FROM public.fev"), "statement_timeout 'soon'");
        AssertRefused(Fit(server.Address() + "?sslmode=bogus", "SELECT * FROM public.fev"), "sslmode 'bogus'");
    }

    [Fact]
    public void AnOrdinaryQueryStillFits()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        foreach (var extra in new[] { Array.Empty<string>(), ["--pull-rows"] })
        {
            foreach (var query in new[] { "SELECT * FROM public.fev WHERE \"ARMCD\" IN ('PBO', 'TRT');", "SELECT * FROM public.fev -- all of them" })
            {
                var run = Fit(server.Address(), query, extra);
                Assert.True(run.code == 0, run.stderr);
            }
        }
    }

    /// <summary>
    /// Trailing semicolons, white space and comments end a query without making it two statements; a statement after a
    /// comment still does, and is refused with nothing deleted.
    /// </summary>
    [Fact]
    public void TrailingSemicolonsAndCommentsAreOneStatement()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        foreach (var extra in new[] { Array.Empty<string>(), ["--pull-rows"] })
        {
            foreach (var query in new[]
                     {
                         "SELECT * FROM public.fev; -- all of them", "SELECT * FROM public.fev ;  \n\t", "SELECT * FROM public.fev;;",
                         "SELECT * FROM public.fev; /* all */ ;", "SELECT * FROM public.fev WHERE \"ARMCD\" <> ';--' -- note; with a semicolon",
                     })
            {
                var run = Fit(server.Address(), query, extra);
                Assert.True(run.code == 0, $"{query}: {run.stderr}");
            }
            string victim = Victim();
            AssertRefused(Fit(server.Address(), $"SELECT * FROM public.fev; -- all\nDELETE FROM public.{victim};", extra), "more than one statement");
            Assert.Equal(3, Rows(victim));
        }
    }

    /// <summary>
    /// A NaN or an infinity in a PostgreSQL column is named (subject, visit and column under the push-down, whose rows
    /// have no order; row and column when the rows are read), never reported as a fit that did not converge; outcomes
    /// near 1e308 are an input error under the push-down and never an internal error with --report-nonconverged.
    /// </summary>
    [Fact]
    public void APostgresNaNIsNamedAndHugeValuesAreNotAnInternalError()
    {
        string table = "nan_" + Guid.NewGuid().ToString("N")[..8];
        server.Execute($"CREATE TABLE public.{table} (id int, visit text, y double precision, x double precision); " +
                       $"INSERT INTO public.{table} VALUES (1, 'V1', 1, 0), (1, 'V2', 2, 0), (2, 'V1', 'NaN', 1), (2, 'V2', 3, 1), " +
                       "(3, 'V1', 2, 'Infinity'), (3, 'V2', 2.5, 1), (4, 'V1', 1.5, 2), (4, 'V2', 4, 2)");
        string[] model = ["--formula", "y ~ visit + x", "--subject", "id", "--time", "visit", "--covariance", "cs"];
        var pushed = DatabaseCommandsTests.Run(server, ["fit", "--data", server.Address($"public.{table}"), .. model]);
        AssertRefused(pushed, "subject '2', visit 'V1': column 'y': NaN is not a finite number");
        var rows = DatabaseCommandsTests.Run(server, ["fit", "--data", server.Address($"public.{table}"), "--pull-rows", .. model]);
        AssertRefused(rows, "row 3: column 'y': NaN is not a finite number");
        server.Execute($"UPDATE public.{table} SET y = 5 WHERE id = 2");
        AssertRefused(DatabaseCommandsTests.Run(server, ["fit", "--data", server.Address($"public.{table}"), .. model]),
            "subject '3', visit 'V1': column 'x': Infinity is not a finite number");

        server.Execute($"UPDATE public.{table} SET x = 0 WHERE id = 3; UPDATE public.{table} SET y = 1e308 WHERE visit = 'V1'");
        foreach (var extra in new[] { Array.Empty<string>(), ["--pull-rows"] })
        {
            var run = DatabaseCommandsTests.Run(server, ["fit", "--data", server.Address($"public.{table}"), "--report-nonconverged", .. extra, .. model]);
            Assert.True(run.code is 0 or 2, $"exit {run.code}: {run.stderr}");
            Assert.DoesNotContain("internal error", run.stderr);
            if (extra.Length == 0) AssertRefused(run, "too large for the sums of squares");
        }
    }

    // --- DuckDB: a database file opened read-only, and CSV/Parquet files read through DuckDB ------------------------

    string DuckDbFile()
    {
        var path = Path.Combine(dir, "fev.duckdb");
        if (File.Exists(path)) return path;
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE t AS SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(RepoPaths.Data("fev_data.csv"))}, header = true, nullstr = ['', 'NA'])";
        command.ExecuteNonQuery();
        return path;
    }

    long DuckDbRows(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public static TheoryData<string, string> DuckDbVectors => new()
    {
        { "COPY (SELECT 'pwned' AS x) TO '{target}'; SELECT * FROM {table}", "2 statements" },
        { "COPY (SELECT 'pwned' AS x) TO '{target}'", "file system operations are disabled" },
        { "SELECT * FROM {table}) SELECT * FROM src; COPY (SELECT 'pwned' AS x) TO '{target}'; WITH src AS (SELECT * FROM {table}", "syntax error" },
        { "ATTACH '{target}' AS pwned", "" },
        { "INSTALL httpfs", "" },
        { "LOAD httpfs", "" },
        { "SET enable_external_access = true", "" },
        { "SELECT * FROM read_csv('/etc/passwd')", "file system operations are disabled" },
        { "DELETE FROM {table}", "" },
        { "DROP TABLE {table}", "" },
        { "CREATE TABLE pwned AS SELECT * FROM {table}", "" },
    };

    [Theory]
    [MemberData(nameof(DuckDbVectors))]
    public void ADuckDbQueryNeverWrites(string template, string reason)
    {
        string target = Path.Combine(dir, "pwned.csv");
        var database = DuckDbFile();
        var csv = RepoPaths.Data("fev_data.csv");
        foreach (var (data, table, format) in new[] { (database, "t", "duckdb"), (csv, "data", "duckdb") })
            foreach (var pushDown in new[] { false, true })
            {
                string query = template.Replace("{target}", target).Replace("{table}", table);
                var run = FilePushDownTests.Run(["fit", "--data", data, "--data-format", format, "--query", query, .. (pushDown ? new[] { "--push-down" } : []), .. Model]);
                AssertRefused(run, reason);
                Assert.False(File.Exists(target), query);
                Assert.Equal(800, DuckDbRows(database));
            }
    }

    [Fact]
    public void ASpecsDuckDbQueryNeverWrites()
    {
        string target = Path.Combine(dir, "pwned.csv");
        var spec = Path.Combine(dir, "spec.json");
        File.WriteAllText(spec, $$"""
            { "schema": "rwestats-analysis/1",
              "data": { "file": {{JsonSerializer.Serialize(RepoPaths.Data("fev_data.csv"))}}, "file_format": "duckdb",
                        "query": {{JsonSerializer.Serialize($"COPY (SELECT 'pwned' AS x) TO '{target}'; SELECT * FROM data")}} },
              "columns": { "subject": "USUBJID", "visit": "AVISIT" }, "visits": { "order": ["VIS1", "VIS2", "VIS3", "VIS4"] },
              "model": { "formula": "{y} ~ ARMCD*{visit} + FEV1_BL", "covariance": "un" },
              "outcomes": [ { "name": "FEV1" } ], "outputs": { "figures": false } }
            """);
        var run = FilePushDownTests.Run("analyze", spec, "--out", Path.Combine(dir, "out"));
        AssertRefused(run, "2 statements");
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void AnOrdinaryDuckDbQueryStillFits()
    {
        var run = FilePushDownTests.Run(["fit", "--data", DuckDbFile(), "--query", "SELECT * FROM t WHERE ARMCD IN ('PBO', 'TRT');", .. Model]);
        Assert.True(run.code == 0, run.stderr);
    }
}
