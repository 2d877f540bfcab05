using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Workflow;

namespace RweStats.Tests;

/// <summary>
/// The library's input errors speak the library's words (the setting, the model term, the value); the command line
/// names the option and the analysis spec the key, from the same exception.
/// </summary>
public class LibraryMessageTests
{
    static readonly MixedModelSpec Spec = new()
    {
        Formula = "y ~ visit*arm + base", Subject = "id", Time = "visit", TimeOrder = new[] { "V1", "V2", "V3" },
        Covariance = "ar1", RandomIntercept = true,
    };

    [Fact]
    public void LibraryNamesSettingsInItsOwnWordsAndFrontEndsNameThemTheirWay()
    {
        var table = CsvTableReader.Read(RepoPaths.Data("example_cohort.csv"));
        var alpha = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(table, Spec with { Alpha = 0 }));
        Assert.Equal(ModelSetting.Alpha, alpha.Setting);
        Assert.StartsWith("alpha 0 is outside (0, 1)", alpha.Message);
        Assert.StartsWith("--alpha 0 is outside (0, 1)", alpha.MessageNaming(Cli.ModelOptions.OptionName));
        Assert.StartsWith("model.alpha 0 is outside (0, 1)", alpha.MessageNaming(AnalysisSpecReader.KeyOf));

        var model = MixedModelFitter.FitModel(table, Spec);
        var kr = Assert.Throws<RweStatsInputException>(() => model.Result(DfMethod.KenwardRoger, StdErrorMethod.Empirical));
        Assert.DoesNotContain("--", kr.Message);
        Assert.StartsWith("df method kenward-roger adjusts the model-based covariance and is not defined with standard errors empirical", kr.Message);
        Assert.StartsWith("--df kenward-roger adjusts the model-based covariance and is not defined with --std-errors empirical", kr.MessageNaming(Cli.ModelOptions.OptionName));

        var ri = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(table, Spec with { Covariance = "un" }));
        Assert.StartsWith("random intercept with covariance un is not identifiable", ri.Message);
        Assert.StartsWith("model.random_intercept with model.covariance un is not identifiable", ri.MessageNaming(AnalysisSpecReader.KeyOf));
    }

    [Fact]
    public void CommandLineAddsTheOptionName()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Cli.Cli.Run(new[] { "fit", "--data", RepoPaths.Data("example_cohort.csv"), "--formula", "y ~ visit", "--subject", "id", "--time", "visit",
            "--covariance", "un", "--random-intercept" }, o, e);
        Assert.Equal(2, code);
        Assert.Contains("rwestats: error: --random-intercept with --covariance un is not identifiable", e.ToString());
    }

    /// <summary>
    /// No input error of the library names a command-line flag: a message names a setting with a placeholder ("{Where}")
    /// that each front end renders its way. Result notes and the command line a specification search prints to rerun a
    /// fit are not errors and are left out.
    /// </summary>
    [Fact]
    public void NoLibraryErrorNamesACommandLineFlag()
    {
        var flag = new System.Text.RegularExpressions.Regex(@"RweStatsInputException[^;]*""[^""]*--[a-z]", System.Text.RegularExpressions.RegexOptions.Singleline);
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "RweStats"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => flag.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value[..Math.Min(m.Value.Length, 120)]}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
