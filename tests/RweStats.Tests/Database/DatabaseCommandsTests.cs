using System.Text.Json;

namespace RweStats.Tests.Database;

/// <summary>
/// "sensitivity" and an analysis spec's "data.push_down" on a PostgreSQL table: the same data path as "fit" (sums
/// computed by the server; the rows with --pull-rows) and the numbers of the same rows read from the CSV file.
/// </summary>
[Collection("postgres")]
public sealed class DatabaseCommandsTests(PostgresServer server)
{
    static readonly string[] Sensitivity =
        ["sensitivity", "--outcome", "FEV1", "--formula", "~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json"];

    (int code, string stdout, string stderr) Run(params string[] args) => Run(server, args);

    /// <summary>The CLI run with the server's credentials in PGUSER and PGPASSWORD (as a user sets them).</summary>
    internal static (int code, string stdout, string stderr) Run(PostgresServer server, params string[] args)
    {
        var names = new[] { "PGUSER", "PGPASSWORD" };
        var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
        Environment.SetEnvironmentVariable("PGUSER", server.User);
        Environment.SetEnvironmentVariable("PGPASSWORD", server.Password);
        try
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = RweStats.Cli.Cli.Run(args, o, e);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            for (int i = 0; i < names.Length; i++) Environment.SetEnvironmentVariable(names[i], saved[i]);
        }
    }

    static List<JsonElement> Cells(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("outcomes")[0].GetProperty("contrasts").EnumerateArray()
            .SelectMany(c => c.GetProperty("results").EnumerateArray()).ToList();

    static void Close(double expected, double actual, string what) => PushDownEqualityTests.Close(expected, actual, what);

    [Fact]
    public void SensitivityFromTheDatabaseEqualsTheFile()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var file = Run([.. Sensitivity, "--data", RepoPaths.Data("fev_data.csv")]);
        var sums = Run([.. Sensitivity, "--data", server.Address("public.fev")]);
        var rows = Run([.. Sensitivity, "--data", server.Address("public.fev"), "--pull-rows"]);
        foreach (var r in new[] { file, sums, rows }) Assert.True(r.code == 0, r.stderr);
        var (f, s, p) = (Cells(file.stdout), Cells(sums.stdout), Cells(rows.stdout));
        Assert.Equal(f.Count, s.Count);
        Assert.Equal(f.Count, p.Count);
        for (int i = 0; i < f.Count; i++)
        {
            // The pulled rows: every combination; the server's sums: those that need no rows.
            foreach (var other in new[] { p[i], s[i] })
            {
                if (!f[i].GetProperty("available").GetBoolean()) { Assert.False(other.GetProperty("available").GetBoolean()); continue; }
                if (!other.GetProperty("available").GetBoolean())
                {
                    Assert.True(f[i].GetProperty("std_error_method").GetString() == "empirical" || f[i].GetProperty("df_method").GetString() == "between-within");
                    Assert.Contains("need(s) the rows", other.GetProperty("message").GetString());
                    continue;
                }
                foreach (var key in new[] { "estimate", "std_error", "df", "p_value" })
                    Close(f[i].GetProperty(key).GetDouble(), other.GetProperty(key).GetDouble(), key);
            }
            Assert.Equal(f[i].GetProperty("available").GetBoolean(), p[i].GetProperty("available").GetBoolean());
        }
    }

    [Fact]
    public void AnAnalysisSpecPushesDownToTheDatabase()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var dir = Directory.CreateTempSubdirectory("rwestats-db-spec-").FullName;
        try
        {
            string Spec(string data) => $$"""
                { "schema": "rwestats-analysis/1", "data": {{data}}, "columns": { "subject": "USUBJID", "visit": "AVISIT" },
                  "visits": { "order": ["VIS1", "VIS2", "VIS3", "VIS4"] },
                  "model": { "formula": "{y} ~ ARMCD*{visit} + FEV1_BL", "covariance": "un" },
                  "outcomes": [ { "name": "FEV1" } ], "outputs": { "figures": false } }
                """;
            File.WriteAllText(Path.Combine(dir, "db.json"), Spec($$"""{ "source": {{JsonSerializer.Serialize(server.Address("public.fev"))}}, "push_down": true }"""));
            File.WriteAllText(Path.Combine(dir, "file.json"), Spec($$"""{ "file": {{JsonSerializer.Serialize(RepoPaths.Data("fev_data.csv"))}} }"""));
            var db = Run("analyze", Path.Combine(dir, "db.json"), "--out", Path.Combine(dir, "db"));
            var file = Run("analyze", Path.Combine(dir, "file.json"), "--out", Path.Combine(dir, "file"));
            Assert.True(db.code == 0, db.stderr);
            Assert.True(file.code == 0, file.stderr);
            double Neg2Ll(string outDir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, outDir, "fits.json"))).RootElement
                .GetProperty("outcomes")[0].GetProperty("fit").GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble();
            Close(Neg2Ll("file"), Neg2Ll("db"), "-2LL");
            Assert.Contains("pushed down to the database", db.stderr);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A misspelt column is named with the closest one when the rows are pulled (the push-down's check is ModelColumns').</summary>
    [Fact]
    public void AMisspeltColumnGetsTheClosestName()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var source = Data.Sql.PostgresSource.Open(server.Address("public.fev"), null, server.Credentials);
        var spec = new Model.MixedModelSpec { Formula = "FEV11 ~ AVISIT", Subject = "USUBJID", Time = "AVISIT", Covariance = "cs" };
        foreach (var act in new Action[] { () => source.ReadRows(spec), () => source.ReadRows(spec with { Formula = "FEV1 ~ AVISIT", Subject = "USUBJD" }) })
        {
            var e = Assert.Throws<RweStatsInputException>(act);
            Assert.Matches("no column '(FEV11|USUBJD)' \\(named as (the formula's response|subject column)\\); did you mean '(FEV1|USUBJID)'\\? ", e.Message);
        }
    }
}
