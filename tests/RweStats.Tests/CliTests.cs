using static RweStats.Tests.InProcessCli;
using System.Text.Json;

namespace RweStats.Tests;

/// <summary>The "fit" command as external checks call it: exit codes, one-line errors, the JSON contract.</summary>
public class CliTests
{

    static string Err(string name) => RepoPaths.Fixture("errors", name);

    public static TheoryData<string[], string> InputErrors => new()
    {
        { new[] { "--data", Err("one_subject.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }, "only one subject" },
        { new[] { "--data", Err("one_visit.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }, "single visit" },
        { new[] { "--data", Err("constant_outcome.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit", "--covariance", "cs" }, "constant" },
        { new[] { "--data", Err("non_numeric.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }, "non_numeric.csv:5: column 'y'" },
        { new[] { "--data", Err("duplicate_visit.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }, "duplicate_visit.csv:4: column 'visit'" },
        { new[] { "--data", Err("visit_not_in_order.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit", "--time-order", "M0,M6" }, "visit_not_in_order.csv:5" },
        { new[] { "--data", Err("missing.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }, "file not found" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit", "--subject", "patient", "--time", "visit", "--covariance", "un", "--random-intercept" }, "not identifiable" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit", "--subject", "patient", "--time", "visit", "--covariance", "ar2" }, "not a structure" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit", "--subject", "patient", "--time", "visit", "--alpha", "1.5" }, "outside (0, 1)" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ ", "--subject", "patient", "--time", "visit" }, "nothing on the right" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit +* month", "--subject", "patient", "--time", "visit" }, "unexpected '*'" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit + weight", "--subject", "nope", "--time", "visit" }, "no column 'nope'" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit + weight", "--subject", "patient", "--time", "visit" }, "no column 'weight'" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit", "--subject", "patient", "--time", "visit", "--bogus", "1" }, "unknown option '--bogus'" },
        { new[] { "--data", "DATA", "--formula", "sledai ~ visit", "--subject", "patient", "--time", "visit", "--covariance", "sp-pow" }, "needs --time-value" },
    };

    [Theory]
    [MemberData(nameof(InputErrors))]
    public void InputErrorsGiveOneLineAndExitCode2(string[] args, string expected)
    {
        args = args.Select(a => a == "DATA" ? RepoPaths.Data("belimumab_table2.csv") : a).ToArray();
        var outFile = Path.Combine(Path.GetTempPath(), $"rwestats-{Guid.NewGuid():N}.json");
        var (code, stdout, stderr) = Run(new[] { "fit" }.Concat(args).Concat(new[] { "--out", outFile }).ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("rwestats: error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.False(File.Exists(outFile), "no output is written when the fit fails");
    }

    [Fact]
    public void JsonHasTheContractKeys()
    {
        var (code, stdout, stderr) = Run("fit", "--data", RepoPaths.Data("belimumab_table2.csv"), "--formula", "sledai ~ visit",
            "--subject", "patient", "--time", "visit", "--time-order", "M0,M6,M12", "--covariance", "ar1", "--random-intercept", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        foreach (var key in new[] { "n_subjects", "n_observations_read", "n_observations_used", "method", "covariance", "random_intercept",
                                    "converged", "iterations", "fit_statistics", "covariance_parameters", "fixed_effects", "type3_tests",
                                    "lsmeans", "lsmean_differences", "visit_contrasts" })
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        foreach (var key in new[] { "neg2_log_likelihood", "aic", "aicc", "bic" })
            Assert.Equal(JsonValueKind.Number, root.GetProperty("fit_statistics").GetProperty(key).ValueKind);
        Assert.Equal(new[] { "Intercept", "AR(1)", "Residual" },
            root.GetProperty("covariance_parameters").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray());
        var contrasts = root.GetProperty("visit_contrasts").EnumerateArray().ToList();
        Assert.Equal(new[] { "M6 - M0", "M12 - M0" }, contrasts.Select(c => c.GetProperty("label").GetString()).ToArray());
        foreach (var c in contrasts)
            foreach (var key in new[] { "estimate", "std_error", "df", "t_value", "p_value", "lower", "upper" })
                Assert.Equal(JsonValueKind.Number, c.GetProperty(key).ValueKind);
        Assert.Equal("REML", root.GetProperty("method").GetString());
        Assert.Equal(14, root.GetProperty("n_subjects").GetInt32());
        Assert.Equal(42, root.GetProperty("n_observations_read").GetInt32());
        Assert.Equal(37, root.GetProperty("n_observations_used").GetInt32());
    }

    [Fact]
    public void OutFileIsWrittenWhole()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"rwestats-{Guid.NewGuid():N}.txt");
        var (code, stdout, _) = Run("fit", "--data", RepoPaths.Data("belimumab_table2.csv"), "--formula", "prednisone_mg_day ~ visit",
            "--subject", "patient", "--time", "visit", "--covariance", "cs", "--out", outFile);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("Visit Contrasts against Baseline (M0)", File.ReadAllText(outFile));
        File.Delete(outFile);
    }
}
