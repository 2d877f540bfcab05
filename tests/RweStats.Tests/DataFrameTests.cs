using Microsoft.Data.Analysis;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Tests;

/// <summary>
/// Microsoft.Data.Analysis in and out: a fit from a DataFrame equals the fit from the CSV file bit for bit, nulls are
/// missing values and string columns class variables, and every result table comes back as a DataFrame with the
/// fit's own numbers. Also: a fitted model asked for another df or error method gives what a fit with that method gives.
/// </summary>
public class DataFrameTests
{
    static readonly string Cohort = RepoPaths.Data("example_cohort.csv");

    static readonly MixedModelSpec Spec = new()
    {
        Formula = "y ~ visit*arm + base", Subject = "id", Time = "visit", TimeOrder = new[] { "V1", "V2", "V3" },
        Covariance = "ar1", RandomIntercept = true, LsMeans = new[] { "visit*arm" },
        Contrasts = new[] { "V3 vs V2: visit[V3] - visit[V2]" },
    };

    /// <summary>The cohort file read by Microsoft.Data.Analysis itself (its own number parsing), numbers as doubles.</summary>
    static DataFrame CohortFrame() => DataFrame.LoadCsv(Cohort,
        dataTypes: new[] { typeof(double), typeof(string), typeof(double), typeof(string), typeof(double), typeof(double) });

    [Fact]
    public void FitFromDataFrameIsBitIdenticalToFitFromCsv()
    {
        var frame = CohortFrame();
        Assert.True(frame.Columns["y"].NullCount > 0, "the cohort has missing outcomes, read as nulls");
        var fromCsv = MixedModelFitter.Fit(CsvTableReader.Read(Cohort), Spec);
        var fromFrame = MixedModelFitter.Fit(frame, Spec);
        Assert.Equal(FitJson.Serialize(fromCsv), FitJson.Serialize(fromFrame)); // every number at round-trip precision
        Assert.Equal(fromCsv.ObservationsUsed, fromFrame.ObservationsUsed);
    }

    /// <summary>A data frame reaches the fit through the cohort source as a file does: the same numbers, and a note saying the rows were given in memory.</summary>
    [Fact]
    public void DataFrameThroughTheCohortSourceFitsAsTheFile()
    {
        var fromFile = CohortSource.File(new TableSource(Cohort)).Fit(Spec);
        var fromFrame = CohortSource.Frame(CohortFrame()).Fit(Spec);
        Assert.Equal("Data: the rows read into memory (a data frame in memory).", fromFrame.Notes.Single(n => n.StartsWith("Data: ")));
        static string WithoutDataPath(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"Data: [^\"]*\"", "\"Data\"");
        Assert.Equal(WithoutDataPath(FitJson.Serialize(fromFile)), WithoutDataPath(FitJson.Serialize(fromFrame)));
    }

    [Fact]
    public void NullsAreMissingAndStringsAreClassVariables()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("id", new int?[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6 }),
            new StringDataFrameColumn("visit", new[] { "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", null }),
            new StringDataFrameColumn("dose", new[] { "10", "20", "10", "20", "10", "20", "10", "20", "10", "20", "10", "20" }),
            new DoubleDataFrameColumn("y", new double?[] { 1.5, 2.25, null, 3, 2, 2.75, 1, 2.5, 1.75, double.NaN, 2.5, 3.5 }));
        var table = frame.ToDataTable();
        Assert.Equal(new[] { "id", "visit", "dose", "y" }, table.ColumnNames);
        Assert.True(table.IsMissing(3, 2));
        Assert.True(table.IsMissing(3, 9));
        Assert.True(table.IsMissing(1, 11));
        Assert.Equal("10", table.Cell(2, 0));
        var spec = new MixedModelSpec { Formula = "y ~ visit + dose", Subject = "id", Time = "visit", Covariance = "vc" };
        var fit = MixedModelFitter.Fit(frame, spec);
        Assert.Equal(9, fit.ObservationsUsed); // 12 rows less two null/NaN outcomes and one null visit
        Assert.Contains(fit.FixedEffects, f => f.Effect == "dose"); // a string column of digits is a class variable
        var error = Assert.Throws<RweStatsInputException>(() =>
            new DataFrame(new DoubleDataFrameColumn("y", new double?[] { 1, double.PositiveInfinity })).ToDataTable());
        Assert.Contains("DataFrame:2: column 'y'", error.Message);
    }

    [Fact]
    public void EveryResultTableIsAvailableAsDataFrame()
    {
        var fit = MixedModelFitter.Fit(CohortFrame(), Spec);
        var solution = fit.SolutionFrame();
        Assert.Equal(fit.FixedEffects.Count, (int)solution.Rows.Count);
        for (int i = 0; i < fit.FixedEffects.Count; i++)
            Assert.Equal(fit.FixedEffects[i].Result?.Estimate, (double?)solution["estimate"][i]);
        var cov = fit.CovarianceParametersFrame();
        Assert.Equal(fit.CovarianceParameters.Select(c => c.Name), cov["name"].Cast<string>());
        Assert.Equal(fit.CovarianceParameters.Select(c => (double?)c.Estimate), cov["estimate"].Cast<double?>());
        var type3 = fit.Type3Frame();
        Assert.Equal(fit.Type3Tests.Select(t => (double?)t.FValue), type3["f_value"].Cast<double?>());
        var lsMeans = fit.LsMeansFrame();
        Assert.Equal(fit.LsMeans.Count, (int)lsMeans.Rows.Count);
        Assert.Equal(fit.LsMeans.Select(l => l.Levels.GetValueOrDefault("arm")), lsMeans["arm"].Cast<string>());
        var diffs = fit.LsMeanDifferencesFrame();
        Assert.Equal(fit.LsMeanDifferences.Select(d => (double?)d.Result.PValue), diffs["p_value"].Cast<double?>());
        Assert.Equal(fit.LsMeanDifferences.Select(d => d.OtherLevels.GetValueOrDefault("visit")), diffs["visit_other"].Cast<string>());
        var visits = fit.VisitContrastsFrame();
        Assert.Equal(fit.VisitContrasts.Select(v => v.Label), visits["label"].Cast<string>());
        var contrasts = fit.ContrastsFrame();
        Assert.Equal(fit.Contrasts[0].Rows[0].Result!.Estimate, (double?)contrasts["estimate"][0]);
        Assert.Equal(fit.FitStatistics.Aic, (double?)fit.FitStatisticsFrame()["aic"][0]);
        var descriptives = new[]
        {
            Descriptives.DescriptiveStatistics.Compute("y", "V1", new[] { 1.0, 2, 4, double.NaN }),
            Descriptives.DescriptiveStatistics.Compute("y", "V2", new[] { 3.0, 5, 6 }),
        }.DescriptivesFrame();
        Assert.Equal(new double?[] { 7.0 / 3, 14.0 / 3 }, descriptives["mean"].Cast<double?>());
        Assert.Equal(new int?[] { 3, 3 }, descriptives["n"].Cast<int?>());
    }

    [Theory]
    [InlineData("ar1", true)]
    [InlineData("un", false)]
    public void AskingTheFittedModelEqualsFittingWithThatMethod(string covariance, bool randomIntercept)
    {
        var table = CsvTableReader.Read(Cohort);
        var spec = Spec with { Covariance = covariance, RandomIntercept = randomIntercept };
        var model = MixedModelFitter.FitModel(table, spec);
        // Asked in the reverse order of the fits below, so that no cached piece depends on what was asked first.
        var methods = (from se in new[] { StdErrorMethod.Empirical, StdErrorMethod.Model }
                       from df in DfMethodNames.All.Select(d => d.Method).Reverse()
                       where !(se == StdErrorMethod.Empirical && df is DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear)
                       select (df, se)).ToList();
        var asked = methods.Select(m => FitJson.Serialize(model.Result(m.df, m.se))).ToList();
        for (int i = methods.Count - 1; i >= 0; i--)
            Assert.Equal(FitJson.Serialize(MixedModelFitter.Fit(table, spec with { Df = methods[i].df, StdErrors = methods[i].se })), asked[i]);
        // The question-by-question API gives the same numbers as the tables.
        var sat = model.Result(DfMethod.Satterthwaite);
        Assert.Equal(sat.VisitContrasts, model.VisitContrasts(DfMethod.Satterthwaite));
        Assert.Equal(sat.Type3Tests, model.Type3Tests(DfMethod.Satterthwaite));
        Assert.Equal(sat.Contrasts[0].Rows[0].Result, model.Contrast("V3 vs V2: visit[V3] - visit[V2]", DfMethod.Satterthwaite).Rows[0].Result);
        Assert.Throws<RweStatsInputException>(() => model.Result(DfMethod.KenwardRoger, StdErrorMethod.Empirical));
        Assert.Throws<ArgumentException>(() => model.Result(spec with { Covariance = "cs" }));
    }

    [Fact]
    public void UnknownDfNameIsAnErrorNotAFallback()
    {
        foreach (var d in DfMethodNames.All) Assert.Equal(d.Method, DfMethodNames.Parse(d.Name));
        Assert.Equal(new[] { "residual", "containment", "between-within", "satterthwaite", "kenward-roger", "kenward-roger-linear" }, DfMethodNames.Names);
        var e = Assert.Throws<RweStatsInputException>(() => DfMethodNames.Parse("satterthwait"));
        Assert.Contains("satterthwait", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DfMethodNames.Name((DfMethod)99));
    }
}
