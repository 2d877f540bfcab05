using System.Globalization;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// LS means of fev_data (REML, UN, FEV1 ~ ARMCD * AVISIT + RACE + SEX) under equal weights (SAS's default) and
/// observed-margin weights (SAS OM) against nlme::gls + emmeans (weights "equal", and the observed RACE x SEX counts):
/// tests/fixtures/r/lsmeans_weights.csv, made by make_lsmeans_weights.R. gls stops at its own convergence
/// tolerance (its VIS3 difference SE is 0.689614, SAS prints 0.6896, RweStats 0.689626), so values agree to 1e-4.
/// </summary>
public class LsMeansWeightsTests
{
    static readonly Lazy<MixedModel> Model = new(() => MixedModelFitter.FitModel(CsvTableReader.Read(RepoPaths.Data("fev_data.csv")), new MixedModelSpec
    {
        Formula = "FEV1 ~ ARMCD + AVISIT + ARMCD:AVISIT + RACE + SEX", Subject = "USUBJID", Time = "AVISIT",
        TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, Covariance = "un", LsMeans = new[] { "AVISIT*ARMCD" },
    }));

    public static IEnumerable<object[]> Reference() =>
        File.ReadAllLines(RepoPaths.Fixture("r", "lsmeans_weights.csv")).Where(l => !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split(',')).Select(c => new object[] { c[0], c[1], c[2], double.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture) });

    [Theory]
    [MemberData(nameof(Reference))]
    public void EqualAndObservedMarginWeightsMatchEmmeans(string weights, string quantity, string levels, double estimate, double stdError)
    {
        var w = weights == "equal" ? LsMeansWeights.Equal : LsMeansWeights.Observed;
        var (means, differences) = Model.Value.LsMeans("AVISIT*ARMCD", DfMethod.Satterthwaite, weights: w);
        var parts = levels.Split(' ');
        var result = quantity == "lsmean"
            ? means.Single(m => m.Levels["AVISIT"] == parts[0] && m.Levels["ARMCD"] == parts[1]).Result!
            : differences.Single(d => d.Levels["AVISIT"] == parts[0] && d.OtherLevels["AVISIT"] == parts[0]).Result;
        double sign = quantity == "lsmean" || differences.Single(d => d.Levels["AVISIT"] == parts[0] && d.OtherLevels["AVISIT"] == parts[0]).Levels["ARMCD"] == "TRT" ? 1 : -1;
        Assert.Equal(estimate, sign * result.Estimate, 1e-4);
        Assert.Equal(stdError, result.StdError, 1e-4);
    }

    [Fact]
    public void TheWeightingIsAskedOfTheFittedModelAndSetByTheSpecification()
    {
        var observed = Model.Value.Result(Model.Value.Spec with { LsMeansWeights = LsMeansWeights.Observed });
        var equal = Model.Value.Result();
        // Observed margins shift every LS mean by the same amount here (RACE and SEX enter additively), not their differences.
        var o = observed.LsMeans.Where(m => m.Effect == "AVISIT*ARMCD").ToList();
        var e = equal.LsMeans.Where(m => m.Effect == "AVISIT*ARMCD").ToList();
        double shift = o[0].Result!.Estimate - e[0].Result!.Estimate;
        Assert.True(Math.Abs(shift) > 0.1);
        Assert.All(o.Zip(e), p => Assert.Equal(shift, p.First.Result!.Estimate - p.Second.Result!.Estimate, 1e-9));
        Assert.All(observed.LsMeanDifferences.Zip(equal.LsMeanDifferences).Where(p => p.First.Effect == "AVISIT*ARMCD"),
            p => Assert.Equal(p.Second.Result.Estimate, p.First.Result.Estimate, 1e-9));
    }
}
