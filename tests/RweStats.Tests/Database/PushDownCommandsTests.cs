using System.Text.Json;
using RweStats.Workflow;

namespace RweStats.Tests.Database;

/// <summary>
/// The push-down beyond "fit": an analysis spec's "data.push_down" (analyze) and "sensitivity --push-down" give the
/// numbers of the rows read into memory (-2LL, estimates, SEs, df, p-values to 1e-9 relative); what needs the rows is
/// a one-line error (exit 2) or, in the sensitivity table, a combination marked not available with the reason.
/// </summary>
public sealed class PushDownCommandsTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-pushdown-commands-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static (int code, string stdout, string stderr) Run(params string[] args) => FilePushDownTests.Run(args);

    /// <summary>A copy of data/fev.json (without its figure) reading fev_data.csv with the given extra data keys.</summary>
    string Spec(string name, string dataKeys, string outcomeKeys = "", string outputs = "\"figures\": false")
    {
        var path = Path.Combine(dir, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "schema": "rwestats-analysis/1",
              "data": { "file": {{JsonSerializer.Serialize(RepoPaths.Data("fev_data.csv"))}}{{dataKeys}} },
              "columns": { "subject": "USUBJID", "visit": "AVISIT" },
              "visits": { "order": ["VIS1", "VIS2", "VIS3", "VIS4"] },
              "model": { "formula": "{y} ~ ARMCD*{visit} + RACE + SEX + FEV1_BL", "covariance": "un", "ref": { "ARMCD": "PBO" }, "lsmeans": ["AVISIT*ARMCD"] },
              "outcomes": [ { "name": "FEV1"{{outcomeKeys}} } ],
              "outputs": { {{outputs}} }
            }
            """);
        return path;
    }

    static JsonElement Fit(string outDir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fits.json"))).RootElement.GetProperty("outcomes")[0].GetProperty("fit");

    static void Close(double expected, double actual, string what) => PushDownEqualityTests.Close(expected, actual, what);

    [Fact]
    public void AnalyzeWithPushDownGivesTheFitOfTheRows()
    {
        var rows = Run("analyze", Spec("rows", ""), "--out", Path.Combine(dir, "rows"));
        var pushed = Run("analyze", Spec("pushed", ", \"push_down\": true"), "--out", Path.Combine(dir, "pushed"));
        Assert.True(rows.code == 0, rows.stderr);
        Assert.True(pushed.code == 0, pushed.stderr);
        // Said once, on standard error: the descriptive statistics need the rows.
        Assert.Contains("descriptive statistics need the rows", pushed.stderr);
        // and in the report, where the table would be; the descriptives file has its header only, no invented number.
        Assert.Contains("Not computed for FEV1: fitted from sums", File.ReadAllText(Path.Combine(dir, "pushed", "report.md")));
        Assert.Single(File.ReadAllLines(Path.Combine(dir, "pushed", "descriptives.csv")));
        var (a, b) = (Fit(Path.Combine(dir, "rows")), Fit(Path.Combine(dir, "pushed")));
        Close(a.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble(), b.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble(), "-2LL");
        var (ca, cb) = (a.GetProperty("visit_contrasts").EnumerateArray().ToList(), b.GetProperty("visit_contrasts").EnumerateArray().ToList());
        Assert.Equal(3, ca.Count);
        Assert.Equal(ca.Count, cb.Count);
        foreach (var (x, y) in ca.Zip(cb))
            foreach (var key in new[] { "estimate", "std_error", "df", "p_value" })
                Close(x.GetProperty(key).GetDouble(), y.GetProperty(key).GetDouble(), $"{x.GetProperty("label")} {key}");
        Assert.Equal("VIS1", cb[0].GetProperty("baseline").GetString());
    }

    /// <summary>"data.where" with "push_down": DuckDB evaluates it as SQL, and the fit is the fit of the rows it keeps.</summary>
    [Fact]
    public void AnalyzeWithPushDownFiltersAsTheRowsAre()
    {
        const string where = ", \"where\": \"RACE != \\\"Asian\\\" and FEV1_BL > 30\"";
        var rows = Run("analyze", Spec("rows", where), "--out", Path.Combine(dir, "rows"));
        var pushed = Run("analyze", Spec("pushed", ", \"push_down\": true" + where), "--out", Path.Combine(dir, "pushed"));
        Assert.True(rows.code == 0, rows.stderr);
        Assert.True(pushed.code == 0, pushed.stderr);
        var (a, b) = (Fit(Path.Combine(dir, "rows")), Fit(Path.Combine(dir, "pushed")));
        Assert.Equal(a.GetProperty("n_observations_used").GetInt32(), b.GetProperty("n_observations_used").GetInt32());
        Close(a.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble(), b.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble(), "-2LL");
    }

    [Theory]
    [InlineData(", \"push_down\": true", ", \"transform\": \"log\"", "\"figures\": false", "\"transform\" needs the rows")]
    [InlineData(", \"push_down\": true", ", \"classes\": [{ \"label\": \"low\", \"min\": 0, \"max\": 30 }]", "\"figures\": false", "\"classes\" needs the rows")]
    [InlineData(", \"push_down\": true", "", "\"figures\": [{ \"name\": \"f\", \"outcomes\": [\"FEV1\"] }]", "draws the rows of outcome 'FEV1'")]
    [InlineData(", \"push_down\": 1", "", "\"figures\": false", "push_down")]
    public void WhatNeedsTheRowsIsAOneLineSpecError(string dataKeys, string outcomeKeys, string outputs, string message)
    {
        var outDir = Path.Combine(dir, "out");
        var r = Run("analyze", Spec("bad", dataKeys, outcomeKeys, outputs), "--out", outDir);
        Assert.Equal(2, r.code);
        Assert.Contains(message, r.stderr);
        Assert.Matches(@"bad\.json:\d+:\d+: ", r.stderr);
        Assert.Single(r.stderr.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void AModelThatNeedsTheRowsIsAnOutcomeErrorWithExit2()
    {
        var spec = Spec("bw", ", \"push_down\": true");
        File.WriteAllText(Path.Combine(dir, "bw.json"), File.ReadAllText(spec).Replace("\"covariance\": \"un\"", "\"covariance\": \"un\", \"df\": \"between-within\""));
        var r = Run("analyze", Path.Combine(dir, "bw.json"), "--out", Path.Combine(dir, "bw"));
        Assert.Equal(2, r.code);
        Assert.Contains("outcome 'FEV1': the model needs the rows (model.df between-within)", r.stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "bw")));
    }

    [Fact]
    public void AnUnknownKeyNextToPushDownIsSuggested()
    {
        var r = Run("analyze", Spec("typo", ", \"push_dwn\": true"), "--out", Path.Combine(dir, "typo"));
        Assert.Equal(2, r.code);
        Assert.Contains("unknown key 'push_dwn'; did you mean 'push_down'?", r.stderr);
    }

    [Fact]
    public void VerifyAndReplicateRefuseAPushedDownSpec()
    {
        var spec = Spec("verify", ", \"push_down\": true");
        var claims = Path.Combine(dir, "claims.json");
        File.WriteAllText(claims, $$"""{ "schema": "rwestats-claims/1", "analysis": "verify.json", "claims": [] }""");
        var r = Run("replicate", "--spec", spec, "--claims", claims, "--out", Path.Combine(dir, "rep"), "--figures", Path.Combine(dir, "fig"));
        Assert.Equal(2, r.code);
        Assert.Contains("replicate needs the rows", r.stderr);
        Assert.Single(r.stderr.TrimEnd().Split('\n'));
    }

    static readonly string[] Sensitivity =
        ["sensitivity", "--outcome", "FEV1", "--formula", "~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json"];

    [Fact]
    public void SensitivityWithPushDownGivesTheModelBasedCellsOfTheRows()
    {
        var rows = Run([.. Sensitivity, "--data", RepoPaths.Data("fev_data.csv")]);
        var pushed = Run([.. Sensitivity, "--data", RepoPaths.Data("fev_data.csv"), "--push-down"]);
        Assert.True(rows.code == 0, rows.stderr);
        Assert.True(pushed.code == 0, pushed.stderr);
        var a = JsonDocument.Parse(rows.stdout).RootElement.GetProperty("outcomes")[0].GetProperty("contrasts").EnumerateArray().ToList();
        var b = JsonDocument.Parse(pushed.stdout).RootElement.GetProperty("outcomes")[0].GetProperty("contrasts").EnumerateArray().ToList();
        Assert.Equal(a.Count, b.Count);
        int compared = 0, refused = 0;
        foreach (var (x, y) in a.Zip(b))
            foreach (var (cx, cy) in x.GetProperty("results").EnumerateArray().Zip(y.GetProperty("results").EnumerateArray()))
            {
                Assert.Equal(cx.GetProperty("df_method").GetString(), cy.GetProperty("df_method").GetString());
                bool needsRows = cx.GetProperty("std_error_method").GetString() == "empirical" || cx.GetProperty("df_method").GetString() == "between-within";
                if (needsRows)
                {
                    Assert.False(cy.GetProperty("available").GetBoolean());
                    Assert.Contains("need(s) the rows", cy.GetProperty("message").GetString());
                    refused++;
                    continue;
                }
                Assert.True(cy.GetProperty("available").GetBoolean());
                foreach (var key in new[] { "estimate", "std_error", "df", "p_value" })
                    Close(cx.GetProperty(key).GetDouble(), cy.GetProperty(key).GetDouble(), key);
                compared++;
            }
        Assert.True(compared >= 12 && refused >= 12, $"{compared} compared, {refused} refused");
    }

    /// <summary>sensitivity reads every source fit reads, through the same options: an .xpt file filtered by --where
    /// gives the table of the same rows written as CSV.</summary>
    [Fact]
    public void SensitivityReadsAnAdamFileWithWhere()
    {
        string[] model = ["sensitivity", "--outcome", "AVAL", "--formula", "~ ARMCD*AVISIT", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json"];
        var xpt = Run([.. model, "--data", RepoPaths.Fixture("xpt", "adqs_fev.xpt"), "--where", "PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\""]);
        var csv = Run([.. model, "--data", RepoPaths.Fixture("xpt", "adqs_fev_kept.csv")]);
        Assert.True(xpt.code == 0, xpt.stderr);
        Assert.True(csv.code == 0, csv.stderr);
        Assert.Equal(csv.stdout, xpt.stdout);
        // The text names the outcome with the transport file's variable label, as fit's does.
        var text = Run([.. model[..^2], "--data", RepoPaths.Fixture("xpt", "adqs_fev.xpt"), "--where", "PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\""]);
        Assert.StartsWith("Sensitivity of visit contrasts: AVAL — Analysis Value\n", text.stdout);
    }

    [Fact]
    public void SensitivityRefusesDatabaseOptionsWithoutADatabase()
    {
        var r = Run([.. Sensitivity, "--data", RepoPaths.Data("fev_data.csv"), "--omop", "cohort.json"]);
        Assert.Equal(2, r.code);
        Assert.Contains("--omop is for a database", r.stderr);
        var both = Run([.. Sensitivity, "--data", RepoPaths.Data("fev_data.csv"), "--push-down", "--pull-rows"]);
        Assert.Equal(2, both.code);
        Assert.Contains("--push-down and --pull-rows ask for opposite things", both.stderr);
    }
}
