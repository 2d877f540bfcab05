using System.Globalization;
using System.Text;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>What a new user tripped on: numbers that are codes, misspelled names, the bare command.</summary>
public class NewcomerTests
{
    static DataTable Read(string csv) => CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "cohort.csv", CsvDialect.Default);

    /// <summary>60 subjects × 3 visits with a site code (701/703/705), an integer baseline score (0–40), a measured baseline and a 0/1 indicator.</summary>
    static DataTable Cohort()
    {
        var sb = new StringBuilder("id,visit,site,score,base,female,y\n");
        var rng = new Random(21);
        for (int s = 1; s <= 60; s++)
        {
            int site = 701 + 2 * (s % 3), score = rng.Next(0, 41), female = s % 2;
            double b = 50 + rng.NextDouble() * 20;
            for (int k = 0; k < 3; k++)
                sb.Append(CultureInfo.InvariantCulture, $"{s},V{k + 1},{site},{score},{b:F2},{female},{20 + k + 0.1 * score + 0.2 * b + rng.NextDouble() * 4:F3}\n");
        }
        return Read(sb.ToString());
    }

    static readonly MixedModelSpec Spec = new() { Formula = "y ~ visit + site + score + base + female", Subject = "id", Time = "visit", Covariance = "cs" };

    [Fact]
    public void SiteCodesInTheFormulaGetANoteAndOrdinaryCovariatesDoNot()
    {
        var fit = MixedModelFitter.Fit(Cohort(), Spec);
        var note = Assert.Single(fit.Notes, n => n.Contains("distinct whole values"));
        Assert.Contains("'site' is numeric with only 3 distinct whole values (701, 703, 705)", note);
        Assert.Contains("make it a class variable: --class site.", RweStatsInputException.NameSettings(note, RweStats.Cli.ModelOptions.OptionName));
        Assert.Contains("make it a class variable: model.class site.", RweStatsInputException.NameSettings(note, RweStats.Workflow.AnalysisSpecReader.KeyOf));
        Assert.DoesNotContain(fit.Notes, n => n.Contains("'score'") || n.Contains("'base'") || n.Contains("'female'"));
        // Declared a class variable: no note.
        var asClass = MixedModelFitter.Fit(Cohort(), Spec with { ClassVariables = new[] { "site" } });
        Assert.DoesNotContain(asClass.Notes, n => n.Contains("distinct whole values"));
    }

    [Theory]
    [InlineData(new double[] { 701, 703, 701, 703 }, 20, true)]   // two codes, not 0/1
    [InlineData(new double[] { 0, 1, 1, 0 }, 20, false)]          // a 0/1 indicator
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 14, false)] // an integer score: 8 values among 14 subjects
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 500, false)] // 11 values: too many for codes
    [InlineData(new double[] { 1.5, 2, 3 }, 100, false)]          // not whole
    [InlineData(new double[] { 3, 3, 3 }, 100, false)]            // constant
    public void CodeLikeThreshold(double[] values, int subjects, bool fires) =>
        Assert.Equal(fires, CodeLikeCovariates.Note("x", values, subjects) is not null);

    [Theory]
    [InlineData("ID", "id")]
    [InlineData("vist", "visit")]
    [InlineData("AVISTN", "AVISITN")]
    [InlineData("usubjid", "USUBJID")]
    public void ClosestNameSuggestsTheMeantColumn(string given, string meant) =>
        Assert.Equal(meant, ClosestName.Find(given, new[] { "id", "visit", "USUBJID", "AVISITN", "AVAL", "y" }));

    [Theory]
    [InlineData("age")]
    [InlineData("z")]
    public void ClosestNameStaysQuietForUnrelatedNames(string given) =>
        Assert.Null(ClosestName.Find(given, new[] { "id", "visit", "USUBJID", "AVISITN", "AVAL", "y" }));

    [Fact]
    public void MisspelledColumnGetsDidYouMean()
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(new[] { "fit", "--data", RepoPaths.Data("example_cohort.csv"), "--formula", "y ~ visit", "--subject", "ID", "--time", "visit" }, o, e);
        Assert.Equal(2, code);
        Assert.Contains("no column 'ID' (named as --subject); did you mean 'id'?", e.ToString());
        Assert.Single(e.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void NoArgumentsPrintsUsageOnStandardErrorWithExitCode2()
    {
        var o = new StringWriter(); var e = new StringWriter();
        Assert.Equal(2, RweStats.Cli.Cli.Run(Array.Empty<string>(), o, e));
        Assert.Equal("", o.ToString());
        Assert.Contains("usage: rwestats COMMAND", e.ToString());
        o = new StringWriter(); e = new StringWriter();
        Assert.Equal(0, RweStats.Cli.Cli.Run(new[] { "help" }, o, e));
        Assert.Contains("usage: rwestats COMMAND", o.ToString());
    }
}

/// <summary>A misspelled key of an analysis spec gets the closest allowed key.</summary>
public class SpecKeySuggestionTests
{
    [Fact]
    public void MisspelledSpecKeyGetsDidYouMean()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-key-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var spec = File.ReadAllText(RepoPaths.Data("example.json")).Replace("\"formula\":", "\"formla\":").Replace("example_cohort.csv", RepoPaths.Data("example_cohort.csv").Replace("\\", "/"));
            var path = Path.Combine(dir, "spec.json");
            File.WriteAllText(path, spec);
            var o = new StringWriter(); var e = new StringWriter();
            Assert.Equal(2, RweStats.Cli.Cli.Run(new[] { "analyze", path, "--out", Path.Combine(dir, "out") }, o, e));
            Assert.Contains("unknown key 'formla'; did you mean 'formula'?", e.ToString());
        }
        finally { Directory.Delete(dir, true); }
    }
}
