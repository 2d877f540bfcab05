using RweStats.Covariance;
using RweStats.Data;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>The table of covariance structures agrees with the structures it describes and with fits on data.</summary>
public class CovarianceTypesTests
{
    static readonly Lazy<DataTable> Fev = new(() => CsvTableReader.Read(RepoPaths.Data("fev_data.csv")));

    [Fact]
    public void EachRowDescribesItsStructure()
    {
        foreach (var type in CovarianceTypes.All)
            for (int t = 2; t <= 6; t++)
            {
                var s = CovarianceStructure.Create(type.Code.ToUpperInvariant(), t);
                Assert.Same(type, s.Type);
                Assert.Equal(type.ParameterCount(t), s.ParameterCount);
                Assert.Equal(s.ParameterCount, s.ParameterKinds.Count);
                Assert.All(type.Contains.Append(type.WithRandomIntercept ?? type.Code), c => Assert.NotNull(CovarianceTypes.Find(c)));
                if (type.WithRandomIntercept is not null) Assert.Null(type.RandomInterceptConflict);
            }
    }

    [Fact]
    public void NestingIsAPartialOrderWithUnOnTop()
    {
        foreach (var a in CovarianceTypes.Codes)
        {
            Assert.True(CovarianceTypes.IsNested(a, a));
            Assert.Equal(!CovarianceTypes.Of(a).Spatial, CovarianceTypes.IsNested(a, "un"));
            foreach (var b in CovarianceTypes.Codes)
                if (a != b && CovarianceTypes.IsNested(a, b)) Assert.False(CovarianceTypes.IsNested(b, a), $"{a} and {b} contain each other");
        }
        Assert.Throws<RweStatsInputException>(() => CovarianceTypes.Of("ar2"));
    }

    /// <summary>
    /// On fev_data (the SAS reference mean model), no structure (with or without a random intercept) has a better REML
    /// optimum than one that contains it, for every nested pair the selection table tests.
    /// </summary>
    [Fact]
    public void NestedStructuresNeverFitBetterOnFevData()
    {
        var spec = new MixedModelSpec
        {
            Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX", Subject = "USUBJID", Time = "AVISIT",
            TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, References = new Dictionary<string, string> { ["ARMCD"] = "PBO" },
        };
        var candidates = CovarianceSelection.Expand(CovarianceTypes.All.Where(t => !t.Spatial).Select(t => t.Code));
        var table = CovarianceSelection.Compare(Fev.Value, spec, candidates, SelectionCriterion.Aic);
        var fitted = table.Candidates.ToDictionary(c => c.Candidate.Label);
        Assert.All(table.Candidates, c => Assert.True(c.Converged, $"{c.Candidate.Label}: {c.Message}"));

        int pairs = 0;
        foreach (var inner in candidates)
            foreach (var outer in candidates)
            {
                if (!CovarianceSelection.IsNested(inner, outer)) continue;
                pairs++;
                double a = fitted[inner.Label].Neg2LogLikelihood!.Value, b = fitted[outer.Label].Neg2LogLikelihood!.Value;
                Assert.True(b <= a + 1e-4, $"{outer.Label} (−2LL {b:R}) fits worse than {inner.Label} ({a:R}), which it contains");
            }
        // Every direct edge of the table is among the pairs, and the table's LR tests are exactly these pairs.
        foreach (var type in CovarianceTypes.All)
            foreach (var c in type.Contains)
                Assert.True(CovarianceSelection.IsNested(new(c, false), new(type.Code, false)), $"{c} in {type.Code}");
        Assert.True(pairs >= 30, $"{pairs} nested pairs");
        Assert.Equal(pairs, table.Tests.Count + candidates.SelectMany(i => candidates.Where(o => CovarianceSelection.IsNested(i, o) &&
            fitted[o.Label].CovarianceParameters <= fitted[i.Label].CovarianceParameters)).Count());
    }
}
