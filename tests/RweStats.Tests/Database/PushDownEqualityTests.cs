using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The push-down (pattern sums computed by PostgreSQL's GROUP BY) gives the numbers of the in-memory path on the same
/// rows: -2LL, estimates, standard errors, df and covariance parameters to 1e-9 relative, for UN, CS and AR(1) with a
/// random intercept, class variables, covariates and interactions (including covariate × class).
/// </summary>
[Collection("postgres")]
public sealed class PushDownEqualityTests(PostgresServer server)
{
    public static TheoryData<string, string, string, bool> Fev => new()
    {
        { "un", "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL", "", false },
        { "cs", "FEV1 ~ ARMCD*AVISIT + RACE + FEV1_BL", "", false },
        { "vc", "FEV1 ~ ARMCD*AVISIT + RACE + FEV1_BL", "", true },
        { "ar1", "FEV1 ~ ARMCD + AVISIT + FEV1_BL*AVISIT + WEIGHT", "", true },
        { "toeph", "FEV1 ~ ARMCD*AVISIT + SEX + FEV1_BL:ARMCD", "", false },
        { "cs", "FEV1 ~ ARMCD*AVISIT + FEV1_BL", "ARMCD", false },
    };

    [Theory]
    [MemberData(nameof(Fev))]
    public void FevFitFromPostgresEqualsCsvFit(string covariance, string formula, string group, bool randomIntercept)
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var spec = new MixedModelSpec
        {
            Formula = formula, Subject = "USUBJID", Time = "AVISIT", Covariance = covariance, RandomIntercept = randomIntercept,
            Group = group.Length > 0 ? group : null, Df = covariance == "toeph" ? DfMethod.KenwardRoger : DfMethod.Satterthwaite,
            LsMeans = new[] { "AVISIT*ARMCD" }, TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" },
        };
        Compare(RepoPaths.Data("fev_data.csv"), "public.fev", spec);
    }

    public static TheoryData<string, string> Belimumab => new()
    {
        { "ar1", "sledai" }, { "cs", "sledai" }, { "un", "sledai" }, { "ar1", "prednisone_mg_day" },
    };

    [Theory]
    [MemberData(nameof(Belimumab))]
    public void BelimumabFitFromPostgresEqualsCsvFit(string covariance, string outcome)
    {
        server.LoadCsv(RepoPaths.Data("belimumab_table2.csv"), "public.belimumab");
        var spec = new MixedModelSpec
        {
            Formula = $"{outcome} ~ visit", Subject = "patient", Time = "visit", Covariance = covariance, RandomIntercept = covariance == "ar1",
            Df = DfMethod.Residual,
        };
        Compare(RepoPaths.Data("belimumab_table2.csv"), "public.belimumab", spec);
    }

    /// <summary>A numeric site code (701/703/705) and an integer score: the code note comes out of PostgreSQL's sums as from the rows.</summary>
    [Fact]
    public void CodeLikeCovariateNoteFromPostgres()
    {
        var csv = new System.Text.StringBuilder("id,visit,site,score,y\n");
        var random = new Random(5);
        for (int s = 1; s <= 45; s++)
            for (int k = 0; k < 3; k++)
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s},V{k + 1},{701 + 2 * (s % 3)},{s % 23},{10 + k + random.NextDouble() * 3:F3}\n");
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-sites-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv.ToString());
        try
        {
            server.LoadCsv(path, "public.sites");
            var spec = new MixedModelSpec { Formula = "y ~ visit + site + score", Subject = "id", Time = "visit", Covariance = "cs" };
            Compare(path, "public.sites", spec);
            var source = PostgresSource.Open(server.Address("public.sites"), null, server.Credentials);
            Assert.Contains(MixedModelFitter.Fit(source.PatternSums(spec), spec).Notes, n => n.Contains("'site' is numeric with only 3 distinct whole values (701, 703, 705)"));
        }
        finally { File.Delete(path); }
    }

    /// <summary>A row filter evaluated by the server as SQL keeps the rows the filter keeps in memory: the same fit, from the sums and from the rows read.</summary>
    [Theory]
    [MemberData(nameof(FilePushDownTests.Wheres), MemberType = typeof(FilePushDownTests))]
    public void WhereEvaluatedByPostgresGivesTheFitOfTheFilteredRows(string where)
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var spec = FilePushDownTests.Fev with { TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" } };
        var expected = MixedModelFitter.Fit(RowCondition.Parse(where).Apply(CsvTableReader.Read(RepoPaths.Data("fev_data.csv"), CsvDialect.Default)), spec);
        var source = PostgresSource.Open(server.Address("public.fev"), null, server.Credentials).Where(RowCondition.Parse(where));
        AssertSameFit(expected, MixedModelFitter.Fit(source.PatternSums(spec), spec));
        var (rows, rowSpec) = source.ReadRows(spec);
        AssertSameFit(expected, MixedModelFitter.Fit(rows, rowSpec));
    }

    void Compare(string csv, string table, MixedModelSpec spec)
    {
        var expected = MixedModelFitter.Fit(CsvTableReader.Read(csv, CsvDialect.Default), spec);
        var source = PostgresSource.Open(server.Address(table), null, server.Credentials);
        var actual = MixedModelFitter.Fit(source.PatternSums(spec), spec);
        AssertSameFit(expected, actual);
        // The rows pulled from the database through the in-memory path: the same numbers too.
        var (rows, rowSpec) = source.ReadRows(spec);
        AssertSameFit(expected, MixedModelFitter.Fit(rows, rowSpec));
    }

    internal static void AssertSameFit(MixedModelResult expected, MixedModelResult actual)
    {
        Assert.Equal(expected.ObservationsUsed, actual.ObservationsUsed);
        Assert.Equal(expected.SubjectCount, actual.SubjectCount);
        Assert.Equal(expected.SubjectsWithData, actual.SubjectsWithData);
        Assert.Equal(expected.TimeLevels, actual.TimeLevels);
        // The frame's notes on covariates that look like codes come from the rows used, whichever way they were read.
        Assert.Equal(expected.Notes.Where(n => n.Contains("distinct whole values")), actual.Notes.Where(n => n.Contains("distinct whole values")));
        Close(expected.FitStatistics.Neg2LogLikelihood, actual.FitStatistics.Neg2LogLikelihood, "-2 log likelihood");
        Close(expected.FitStatistics.Aic, actual.FitStatistics.Aic, "AIC");
        Close(expected.FitStatistics.Bic, actual.FitStatistics.Bic, "BIC");
        Assert.Equal(expected.CovarianceParameters.Count, actual.CovarianceParameters.Count);
        for (int k = 0; k < expected.CovarianceParameters.Count; k++)
        {
            Assert.Equal(expected.CovarianceParameters[k].Name, actual.CovarianceParameters[k].Name);
            Close(expected.CovarianceParameters[k].Estimate, actual.CovarianceParameters[k].Estimate, expected.CovarianceParameters[k].Name);
        }
        Assert.Equal(expected.FixedEffects.Select(f => (f.Term, f.Aliased)), actual.FixedEffects.Select(f => (f.Term, f.Aliased)));
        foreach (var (e, a) in expected.FixedEffects.Zip(actual.FixedEffects))
        {
            if (e.Result is null) { Assert.Null(a.Result); continue; }
            Close(e.Result.Estimate, a.Result!.Estimate, e.Term);
            Close(e.Result.StdError, a.Result.StdError, e.Term + " SE");
            Close(e.Result.Df, a.Result.Df, e.Term + " df");
        }
        Assert.Equal(expected.Type3Tests.Count, actual.Type3Tests.Count);
        foreach (var (e, a) in expected.Type3Tests.Zip(actual.Type3Tests)) Close(e.FValue, a.FValue, e.Effect + " F");
        Assert.Equal(expected.LsMeans.Count, actual.LsMeans.Count);
        foreach (var (e, a) in expected.LsMeans.Zip(actual.LsMeans))
            if (e.Result is not null) Close(e.Result.Estimate, a.Result!.Estimate, "LS mean");
        foreach (var (e, a) in expected.VisitContrasts.Zip(actual.VisitContrasts)) Close(e.Result.PValue, a.Result.PValue, e.Label + " p");
    }

    /// <summary>1e-9 relative, with an absolute floor of 1e-9 of the value's scale for numbers near 0.</summary>
    internal static void Close(double expected, double actual, string what)
    {
        double tolerance = 1e-9 * Math.Max(Math.Abs(expected), 1e-3);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: in memory {expected:R}, push-down {actual:R}");
    }
}
