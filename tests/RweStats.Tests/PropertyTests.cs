using System.Globalization;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Simulation;

namespace RweStats.Tests;

/// <summary>
/// Properties every correct fit has, over many seeded data sets: invariance to row order and subject labels,
/// equivariance under a shift or a rescaling of y, and the effect of duplicating every subject.
/// </summary>
public class PropertyTests
{
    public static TheoryData<string, bool, ulong> Cases()
    {
        var data = new TheoryData<string, bool, ulong>();
        var models = new (string cov, bool ri)[] { ("un", false), ("ar1", true), ("cs", false), ("toeph", false), ("vc", true), ("sp-pow", true), ("ante1", false) };
        for (ulong seed = 1; seed <= 6; seed++)
            foreach (var (cov, ri) in models) data.Add(cov, ri, seed * 101 + (ulong)cov.Length);
        return data;
    }

    static MixedModelSpec Spec(string cov, bool ri, EstimationMethod method = EstimationMethod.Reml) => new()
    {
        Formula = "y ~ visit*arm + x", Subject = "id", Time = "visit", TimeOrder = new[] { "V1", "V2", "V3", "V4" },
        Covariance = cov, RandomIntercept = ri, TimeValue = "month", Method = method, LsMeans = new[] { "visit*arm" },
    };

    static void Same(MixedModelResult a, MixedModelResult b, double tol, double scale = 1, double shift = 0)
    {
        Assert.Equal(a.FitStatistics.Neg2LogLikelihood + 2 * (a.ObservationsUsed - (a.Spec.Method == EstimationMethod.Reml ? a.DesignRank : 0)) * Math.Log(scale),
                     b.FitStatistics.Neg2LogLikelihood, tol * Math.Max(1, Math.Abs(b.FitStatistics.Neg2LogLikelihood)));
        foreach (var (x, y) in a.CovarianceParameters.Zip(b.CovarianceParameters))
        {
            bool isVariance = !(x.Name.StartsWith("AR") || x.Name.StartsWith("Rho") || x.Name.StartsWith("TOEPH") || x.Name.StartsWith("SP(POW)") || x.Name == "CSH");
            Assert.Equal(x.Estimate * (isVariance ? scale * scale : 1), y.Estimate, tol * Math.Max(1, Math.Abs(y.Estimate)) * 10);
        }
        foreach (var (x, y) in a.VisitContrasts.Zip(b.VisitContrasts))
        {
            Assert.Equal(x.Result.Estimate * scale, y.Result.Estimate, tol * Math.Max(1, Math.Abs(y.Result.Estimate)) * 10);
            Assert.Equal(x.Result.StdError * scale, y.Result.StdError, tol * Math.Max(1, y.Result.StdError) * 10);
            Assert.Equal(x.Result.PValue, y.Result.PValue, 1e-6);
            Assert.Equal(x.Result.Df, y.Result.Df, 1e-3 * Math.Max(1, x.Result.Df));
        }
        foreach (var (x, y) in a.LsMeans.Zip(b.LsMeans))
            Assert.Equal(x.Result!.Estimate * scale + shift, y.Result!.Estimate, tol * Math.Max(1, Math.Abs(y.Result.Estimate)) * 10);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RowOrderAndSubjectLabelsDoNotMatter(string cov, bool ri, ulong seed)
    {
        var table = SyntheticData.Make(seed);
        var baseline = MixedModelFitter.Fit(table, Spec(cov, ri));
        var rng = new SeededRandom(seed + 7);
        var rows = SyntheticData.Rows(table).OrderBy(_ => rng.NextDouble()).ToList();
        var labels = rows.Select(r => r[0]!).Distinct().ToDictionary(l => l, l => "P" + rng.NextUInt64().ToString(CultureInfo.InvariantCulture));
        var shuffled = rows.Select(r => new[] { labels[r[0]!] }.Concat(r.Skip(1)).ToArray()).ToList();
        var other = MixedModelFitter.Fit(SyntheticData.FromRows(table.ColumnNames.ToArray(), shuffled), Spec(cov, ri));
        Same(baseline, other, 1e-7);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShiftAndScaleOfTheOutcome(string cov, bool ri, ulong seed)
    {
        var baseline = MixedModelFitter.Fit(SyntheticData.Make(seed), Spec(cov, ri));
        Same(baseline, MixedModelFitter.Fit(SyntheticData.Make(seed, shift: 1000), Spec(cov, ri)), 1e-6, 1, 1000);
        foreach (var c in new[] { 1e-8, 1e8 })
            Same(baseline, MixedModelFitter.Fit(SyntheticData.Make(seed, scale: c), Spec(cov, ri)), 1e-6, c);
    }

    [Theory]
    [InlineData("un", false, 5UL)]
    [InlineData("ar1", true, 6UL)]
    [InlineData("cs", false, 7UL)]
    public void DuplicatingEverySubjectKeepsEstimatesAndShrinksErrors(string cov, bool ri, ulong seed)
    {
        var table = SyntheticData.Make(seed);
        var rows = SyntheticData.Rows(table);
        var doubled = rows.Concat(rows.Select(r => new[] { r[0] + "-copy" }.Concat(r.Skip(1)).ToArray())).ToList();
        // ML: the maximiser of a likelihood squared is the same; REML's would move slightly with n − p.
        var a = MixedModelFitter.Fit(table, Spec(cov, ri, EstimationMethod.Ml));
        var b = MixedModelFitter.Fit(SyntheticData.FromRows(table.ColumnNames.ToArray(), doubled), Spec(cov, ri, EstimationMethod.Ml));
        Assert.Equal(2 * a.FitStatistics.Neg2LogLikelihood, b.FitStatistics.Neg2LogLikelihood, 1e-6 * Math.Abs(b.FitStatistics.Neg2LogLikelihood));
        foreach (var (x, y) in a.VisitContrasts.Zip(b.VisitContrasts))
        {
            Assert.Equal(x.Result.Estimate, y.Result.Estimate, 1e-6);
            Assert.Equal(x.Result.StdError / Math.Sqrt(2), y.Result.StdError, 1e-6);
            Assert.True(y.Result.Df > x.Result.Df);
        }
    }
}

/// <summary>Degenerate and near-singular fits: each fits with a clear note or refuses with a reason; never a silent NaN.</summary>
public class HardNumericsTests
{
    [Fact]
    public void RandomInterceptVarianceOnTheBoundaryIsNoted()
    {
        // Negative within-subject correlation: the best random-intercept variance is 0.
        var rows = new List<string?[]>();
        var rng = new SeededRandom(3);
        for (int s = 0; s < 30; s++)
        {
            double u = rng.Normal(0, 2);
            for (int v = 1; v <= 3; v++)
                rows.Add(new[] { $"S{s}", $"V{v}", (10 + v + (v % 2 == 0 ? u : -u) + rng.Normal(0, 0.5)).ToString("R", CultureInfo.InvariantCulture) });
        }
        var fit = MixedModelFitter.Fit(SyntheticData.FromRows(new[] { "id", "visit", "y" }, rows),
            new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "vc", RandomIntercept = true });
        Assert.True(fit.Convergence.Converged);
        var intercept = fit.CovarianceParameters.Single(c => c.Name == "Intercept");
        Assert.Equal(0, intercept.Estimate);
        Assert.True(intercept.OnBoundary);
        Assert.Contains(fit.Notes, n => n.Contains("estimated at 0"));
        Assert.All(fit.VisitContrasts, c => Assert.True(double.IsFinite(c.Result.PValue)));
    }

    [Fact]
    public void CollinearCovariatesAreAliasedNotFatal()
    {
        var table = SyntheticData.Make(9);
        var rows = SyntheticData.Rows(table).Select(r => r.Append(r[4] is { } x ? (2 * double.Parse(x, CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture) : null).ToArray()).ToList();
        var fit = MixedModelFitter.Fit(SyntheticData.FromRows(table.ColumnNames.Append("x2").ToArray(), rows),
            new MixedModelSpec { Formula = "y ~ visit + x + x2", Subject = "id", Time = "visit", Covariance = "cs" });
        var x2 = fit.FixedEffects.Single(f => f.Term == "x2");
        Assert.True(x2.Aliased);
        Assert.Contains(fit.Notes, n => n.Contains("x2"));
        Assert.Null(x2.Result);
    }

    [Fact]
    public void UnstructuredWithAVisitSeenInTwoSubjectsFitsOrRefusesClearly()
    {
        var table = SyntheticData.Make(11, subjects: 30, missing: 0);
        var rows = SyntheticData.Rows(table).Where(r => r[1] != "V4" || r[0] is "S001" or "S002").ToList();
        try
        {
            var fit = MixedModelFitter.Fit(SyntheticData.FromRows(table.ColumnNames.ToArray(), rows),
                new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "un" });
            Assert.All(fit.VisitContrasts, c => Assert.True(double.IsFinite(c.Result.PValue) || fit.Notes.Count > 0));
        }
        catch (RweStatsInputException e)
        {
            Assert.Contains("V4", e.Message);
        }
    }

    [Fact]
    public void PerfectlyCorrelatedVisitsAreRefusedWithTheReason()
    {
        // Every subject has the same deviation at every visit (plus a hair of noise): ρ → 1 in AR(1).
        var rows = new List<string?[]>();
        var rng = new SeededRandom(5);
        for (int s = 0; s < 20; s++)
        {
            double u = rng.Normal(0, 5);
            for (int v = 1; v <= 4; v++) rows.Add(new[] { $"S{s}", $"V{v}", (v + u + 1e-7 * rng.Normal()).ToString("R", CultureInfo.InvariantCulture) });
        }
        try
        {
            var fit = MixedModelFitter.Fit(SyntheticData.FromRows(new[] { "id", "visit", "y" }, rows),
                new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "ar1" });
            Assert.Contains(fit.CovarianceParameters, c => c.OnBoundary);
        }
        catch (RweStatsInputException e)
        {
            Assert.Contains("tends to", e.Message);
        }
    }
}
