using System.Text.Json;
using RweStats.Cli;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>The command line: the new fit options and JSON keys, and the sensitivity command.</summary>
public class CliInferenceTests
{
    static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    static readonly string[] Belimumab =
    {
        "--data", RepoPaths.Data("belimumab_table2.csv"), "--subject", "patient", "--time", "visit", "--time-order", "M0,M6,M12",
    };

    [Fact]
    public void SensitivityPrintsEveryDfMethodAndErrorMethod()
    {
        var (code, stdout, stderr) = Run(new[] { "sensitivity" }.Concat(Belimumab).Concat(new[]
        {
            "--outcome", "sledai", "--outcome", "prednisone_mg_day", "--covariance", "ar1", "--random-intercept", "--format", "json",
        }).ToArray());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("sensitivity", root.GetProperty("command").GetString());
        Assert.Equal(new[] { "residual", "containment", "between-within", "satterthwaite", "kenward-roger" },
            root.GetProperty("df_methods").EnumerateArray().Select(x => x.GetString()));
        var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(new[] { "sledai", "prednisone_mg_day" }, outcomes.Select(o => o.GetProperty("response").GetString()));
        var table = CsvTableReader.Read(RepoPaths.Data("belimumab_table2.csv"));
        foreach (var o in outcomes)
        {
            var contrasts = o.GetProperty("contrasts").EnumerateArray().ToList();
            Assert.Equal(new[] { "M6 - M0", "M12 - M0" }, contrasts.Select(c => c.GetProperty("label").GetString()));
            var direct = MixedModelFitter.Fit(table, new MixedModelSpec
            {
                Formula = o.GetProperty("formula").GetString()!, Subject = "patient", Time = "visit", TimeOrder = new[] { "M0", "M6", "M12" },
                Covariance = "ar1", RandomIntercept = true, Df = DfMethod.Satterthwaite,
            });
            foreach (var c in contrasts)
            {
                var results = c.GetProperty("results").EnumerateArray().ToList();
                Assert.Equal(10, results.Count);
                foreach (var r in results)
                {
                    bool krEmpirical = r.GetProperty("df_method").GetString() == "kenward-roger" && r.GetProperty("std_error_method").GetString() == "empirical";
                    Assert.Equal(!krEmpirical, r.GetProperty("available").GetBoolean());
                    if (krEmpirical) { Assert.Contains("empirical", r.GetProperty("message").GetString()); continue; }
                    double p = r.GetProperty("p_value").GetDouble();
                    Assert.InRange(p, 0, 1);
                }
                var sat = results.Single(r => r.GetProperty("df_method").GetString() == "satterthwaite" && r.GetProperty("std_error_method").GetString() == "model");
                var v = direct.VisitContrasts.Single(x => x.Label == c.GetProperty("label").GetString());
                Assert.Equal(v.Result.PValue, sat.GetProperty("p_value").GetDouble(), 12);
                // Estimates do not depend on the inference method; standard errors do between model and empirical.
                Assert.All(results.Where(r => r.GetProperty("available").GetBoolean()), r => Assert.Equal(v.Result.Estimate, r.GetProperty("estimate").GetDouble(), 9));
            }
        }

        var text = Run(new[] { "sensitivity" }.Concat(Belimumab).Concat(new[] { "--outcome", "sledai", "--covariance", "ar1", "--random-intercept" }).ToArray());
        Assert.Equal(0, text.code);
        Assert.Contains("p-values, model-based standard errors", text.stdout);
        Assert.Contains("p-values, empirical (sandwich) standard errors", text.stdout);
        Assert.Contains("kenward-roger", text.stdout);
        Assert.Contains("M12 - M0", text.stdout);
    }

    [Fact]
    public void FitWritesTheNewJsonKeys()
    {
        var (code, stdout, stderr) = Run(new[] { "fit" }.Concat(Belimumab).Concat(new[]
        {
            "--formula", "sledai ~ visit", "--covariance", "auto", "--candidates", "ar1,cs,vc", "--select-by", "bic",
            "--df", "kenward-roger-linear", "--adjust", "holm", "--contrast", "M12 vs M6: visit[M12] - visit[M6]",
            "--contrast-lsmeans", "visit: M6 - M0; M12 - M0", "--blups", "--residuals", "--format", "json",
        }).ToArray());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("kenward-roger-linear", root.GetProperty("df_method").GetString());
        Assert.Equal("model", root.GetProperty("std_error_method").GetString());
        Assert.Equal("holm", root.GetProperty("adjustment").GetString());
        Assert.All(root.GetProperty("visit_contrasts").EnumerateArray(), v =>
        {
            Assert.True(v.GetProperty("p_value_adjusted").GetDouble() >= v.GetProperty("p_value").GetDouble());
            Assert.Equal("holm", v.GetProperty("adjustment").GetString());
        });
        var contrasts = root.GetProperty("contrasts").EnumerateArray().ToList();
        Assert.Equal(2, contrasts.Count);
        Assert.Equal(2, contrasts[1].GetProperty("num_df").GetInt32());
        var sel = root.GetProperty("covariance_selection");
        Assert.Equal("bic", sel.GetProperty("criterion").GetString());
        Assert.Single(sel.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("selected").GetBoolean());
        Assert.True(sel.GetProperty("likelihood_ratio_tests").GetArrayLength() > 0);
        Assert.True(root.GetProperty("residuals").GetArrayLength() == root.GetProperty("n_observations_used").GetInt32());
        Assert.True(root.TryGetProperty("blups", out _));
        Assert.True(root.TryGetProperty("notes", out var notes) && notes.EnumerateArray().Any(n => n.GetString()!.Contains("selected by BIC")));

        var empirical = Run(new[] { "fit" }.Concat(Belimumab).Concat(new[] { "--formula", "sledai ~ visit", "--covariance", "cs", "--std-errors", "empirical", "--format", "json" }).ToArray());
        Assert.Equal(0, empirical.code);
        Assert.Contains("\"std_error_method\": \"empirical\"", empirical.stdout);
    }

    [Fact]
    public void UsageListsTheNewOptionsAndCommand()
    {
        foreach (var option in new[] { "kenward-roger", "kenward-roger-linear", "--std-errors", "--contrast", "--contrast-lsmeans", "--adjust", "auto", "--select-by", "--candidates", "--blups", "--residuals" })
            Assert.Contains(option, FitCommand.Usage);
        var (code, stdout, _) = Run("help");
        Assert.Equal(0, code);
        Assert.Contains("sensitivity", stdout);
        Assert.Equal(0, Run("sensitivity", "--help").code);
    }

    [Theory]
    [InlineData("--df", "kr")]
    [InlineData("--adjust", "tukey")]
    [InlineData("--std-errors", "robust")]
    [InlineData("--select-by", "aic")]
    public void BadValuesAreUsageErrors(string option, string value)
    {
        var (code, _, stderr) = Run(new[] { "fit" }.Concat(Belimumab).Concat(new[] { "--formula", "sledai ~ visit", "--covariance", "cs", option, value }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
    }
}
