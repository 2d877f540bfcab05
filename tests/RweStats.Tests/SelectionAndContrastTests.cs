using MathNet.Numerics.Distributions;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>Covariance selection (the table is the single fits; LR tests against SAS's −2LL) and custom contrasts.</summary>
public class SelectionAndContrastTests
{
    static readonly Lazy<DataTable> Fev = new(() => CsvTableReader.Read(RepoPaths.Data("fev_data.csv")));
    static readonly Lazy<DataTable> Belimumab = new(() => CsvTableReader.Read(RepoPaths.Data("belimumab_table2.csv")));

    static MixedModelSpec Simple() => new()
    {
        Formula = "FEV1 ~ 1", Subject = "USUBJID", Time = "AVISIT", TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" },
    };

    [Fact]
    public void SelectionTableEqualsTheSingleFits()
    {
        var candidates = CovarianceSelection.Expand(new[] { "un", "toeph", "arh1", "csh", "ar1", "cs" });
        Assert.Contains(candidates, c => c.Covariance == "ar1" && c.RandomIntercept);
        Assert.DoesNotContain(candidates, c => c.Covariance == "un" && c.RandomIntercept);   // not identifiable
        Assert.DoesNotContain(candidates, c => c.Covariance == "cs" && c.RandomIntercept);
        var table = CovarianceSelection.Compare(Fev.Value, Simple(), candidates, SelectionCriterion.Aic);
        Assert.Equal(candidates.Select(c => c.Label), table.Candidates.Select(c => c.Candidate.Label)); // deterministic order
        foreach (var row in table.Candidates)
        {
            Assert.True(row.Converged, row.Message);
            var single = MixedModelFitter.Fit(Fev.Value, Simple() with { Covariance = row.Candidate.Covariance, RandomIntercept = row.Candidate.RandomIntercept });
            Assert.Equal(single.FitStatistics.Neg2LogLikelihood, row.Neg2LogLikelihood!.Value, 9);
            Assert.Equal(single.FitStatistics.Aic, row.Aic!.Value, 9);
            Assert.Equal(single.FitStatistics.Aicc, row.Aicc!.Value, 9);
            Assert.Equal(single.FitStatistics.Bic, row.Bic!.Value, 9);
        }
        var best = table.Candidates.OrderBy(c => c.Aic).First();
        Assert.Equal(best.Candidate.Label, table.Selected);
        Assert.Contains("selected by AIC", table.Reason);
        var byBic = CovarianceSelection.Compare(Fev.Value, Simple(), candidates, SelectionCriterion.Bic);
        Assert.Equal(byBic.Candidates.OrderBy(c => c.Bic).First().Candidate.Label, byBic.Selected);
    }

    /// <summary>Chi-square of nested pairs from SAS's own −2 Res Log Like (tests/fixtures/sas, intercept-only models).</summary>
    [Theory]
    [InlineData("cs", "csh", "sas_cs_reml", "sas_csh_reml", 3)]
    [InlineData("ar1", "arh1", "sas_ar1_reml", "sas_ar1h_reml", 3)]
    [InlineData("csh", "toeph", "sas_csh_reml", "sas_toeph_reml", 2)]
    [InlineData("toeph", "un", "sas_toeph_reml", "sas_log_simple_reml", 3)]
    [InlineData("ar1", "un", "sas_ar1_reml", "sas_log_simple_reml", 8)]
    public void LikelihoodRatioTestsAgreeWithSasLikelihoods(string reduced, string full, string reducedListing, string fullListing, int df)
    {
        var table = CovarianceSelection.Compare(Fev.Value, Simple(), CovarianceSelection.Expand(new[] { reduced, full }).Where(c => !c.RandomIntercept).ToList(), SelectionCriterion.Aic);
        var test = table.Tests.Single(t => t.Reduced == reduced && t.Full == full);
        double sasChi = SasListing.Load(RepoPaths.Fixture("sas", reducedListing + ".txt")).FinalNeg2LogLikelihood
                        - SasListing.Load(RepoPaths.Fixture("sas", fullListing + ".txt")).FinalNeg2LogLikelihood;
        Assert.Equal(df, test.Df);
        Assert.True(Math.Abs(test.ChiSquare - sasChi) <= 2e-4, $"chi {test.ChiSquare} vs SAS {sasChi}");
        Assert.False(test.BoundaryMixture);
        Assert.Equal(1 - ChiSquared.CDF(df, test.ChiSquare), test.PValue, 12);
    }

    [Fact]
    public void RandomInterceptTestUsesTheBoundaryMixture()
    {
        var spec = Simple() with { Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX" };
        var table = CovarianceSelection.Compare(Fev.Value, spec, CovarianceSelection.Expand(new[] { "ar1" }), SelectionCriterion.Aic);
        var test = table.Tests.Single(t => t.Reduced == "ar1" && t.Full == "ar1+ri");
        Assert.True(test.ChiSquare > 1);
        Assert.True(test.BoundaryMixture);
        Assert.Equal(1, test.Df);
        Assert.Equal(0.5 * (1 - ChiSquared.CDF(1, test.ChiSquare)), test.PValue, 12);
        var a = table.Candidates.Single(c => c.Candidate.Label == "ar1");
        var b = table.Candidates.Single(c => c.Candidate.Label == "ar1+ri");
        Assert.Equal(a.Neg2LogLikelihood!.Value - b.Neg2LogLikelihood!.Value, test.ChiSquare, 9);
    }

    [Fact]
    public void AutoFallsBackWhenUnstructuredCannotBeFitted()
    {
        // No subject has both V1 and V3, so UN(3,1) is not identifiable: UN fails and AR(1) is chosen.
        var rng = new Random(7);
        var lines = new List<string> { "id,visit,y" };
        for (int s = 0; s < 40; s++)
        {
            double b = rng.NextDouble() * 4;
            foreach (var v in s % 2 == 0 ? new[] { "V1", "V2" } : new[] { "V2", "V3" })
                lines.Add($"S{s},{v},{(b + (v == "V3" ? 1.5 : 0) + rng.NextDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-select-{Environment.ProcessId}.csv");
        File.WriteAllLines(path, lines);
        try
        {
            var table = CsvTableReader.Read(path);
            var spec = new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", TimeOrder = new[] { "V1", "V2", "V3" } };
            var (fit, sel) = CovarianceSelection.SelectAndFit(table, spec, CovarianceSelection.Expand(new[] { "un", "ar1" }), SelectionCriterion.Aicc);
            var un = sel.Candidates.Single(c => c.Candidate.Label == "un");
            Assert.False(un.Converged);
            Assert.Contains("UN(3,1)", un.Message);
            Assert.NotEqual("un", sel.Selected);
            Assert.Contains("not eligible): un", sel.Reason);
            Assert.Equal(sel.Candidates.Where(c => c.Converged).OrderBy(c => c.Aicc).First().Candidate.Label, sel.Selected);
            Assert.Same(sel, fit.CovarianceSelection);
            Assert.Contains(fit.Notes, n => n.Contains("selected by AICC"));
        }
        finally { File.Delete(path); }
    }

    static MixedModelSpec Bel(string outcome) => new()
    {
        Formula = $"{outcome} ~ visit", Subject = "patient", Time = "visit", TimeOrder = new[] { "M0", "M6", "M12" },
        Covariance = "ar1", RandomIntercept = true,
    };

    [Fact]
    public void CustomContrastsAreLsMeanContrasts()
    {
        var fit = MixedModelFitter.Fit(Belimumab.Value, Bel("sledai") with
        {
            Contrasts = new[] { "M12 vs M6: visit[M12] - visit[M6]", "curvature: 2*visit[M6] - visit[M0] - visit[M12]", "both: visit[M6] - visit[M0]; visit[M12] - visit[M0]" },
            LsMeanContrasts = new[] { "visit: M12 - M6" },
        });
        var diff = fit.LsMeanDifferences.Single(d => d.Levels["visit"] == "M6" && d.OtherLevels["visit"] == "M12").Result;
        var c = fit.Contrasts.Single(x => x.Label == "M12 vs M6").Rows.Single().Result!;
        Assert.Equal(-diff.Estimate, c.Estimate, 10);
        Assert.Equal(diff.StdError, c.StdError, 10);
        Assert.Equal(diff.Df, c.Df, 8);
        Assert.Equal(diff.PValue, c.PValue, 10);
        var viaLevels = fit.Contrasts.Single(x => x.Kind == "lsmeans").Rows.Single().Result!;
        Assert.Equal(c.Estimate, viaLevels.Estimate, 12);
        var ls = fit.LsMeans.ToDictionary(l => l.Levels["visit"], l => l.Result!.Estimate);
        Assert.Equal(2 * ls["M6"] - ls["M0"] - ls["M12"], fit.Contrasts.Single(x => x.Label == "curvature").Rows[0].Result!.Estimate, 10);
        var both = fit.Contrasts.Single(x => x.Label == "both");
        Assert.Equal(2, both.Test!.NumDf);
        var type3 = fit.Type3Tests.Single(t => t.Effect == "visit");
        Assert.Equal(type3.FValue, both.Test.FValue, 8);   // the same hypothesis as the Type 3 test of visit
        Assert.Equal(type3.DenDf, both.Test.DenDf, 6);
        Assert.Equal(fit.VisitContrasts[0].Result.Estimate, both.Rows[0].Result!.Estimate, 10);
    }

    [Fact]
    public void InteractionCellsAndLevelTuplesAgree()
    {
        var spec = new MixedModelSpec
        {
            Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX", Subject = "USUBJID", Time = "AVISIT",
            TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, Covariance = "cs",
            Contrasts = new[] { "trt at VIS4: ARMCD[TRT]:AVISIT[VIS4] - ARMCD[PBO]:AVISIT[VIS4]" },
            LsMeanContrasts = new[] { "AVISIT*ARMCD: VIS4 TRT - VIS4 PBO", "ARMCD*AVISIT: TRT VIS4 - PBO VIS4" },
            LsMeans = new[] { "AVISIT*ARMCD" },
        };
        var fit = MixedModelFitter.Fit(Fev.Value, spec);
        var values = fit.Contrasts.Select(c => c.Rows.Single().Result!.Estimate).ToList();
        Assert.Equal(values[0], values[1], 10);
        Assert.Equal(values[0], values[2], 10);
        var cell = fit.LsMeans.Where(l => l.Effect == "AVISIT*ARMCD" && l.Levels["AVISIT"] == "VIS4").ToDictionary(l => l.Levels["ARMCD"], l => l.Result!.Estimate);
        Assert.Equal(cell["TRT"] - cell["PBO"], values[0], 10);
    }

    [Theory]
    [InlineData("visit[M13] - visit[M0]", "'visit[M13]'")]
    [InlineData("vist[M6] - visit[M0]", "'vist[M6]'")]
    [InlineData("visit[M6] * visit[M0]", "'* visit[M0]'")]
    [InlineData("2 visit[M6]", "'2'")]
    [InlineData("x: visit[M6] - ", "expected a cell")]
    [InlineData("x: ", "empty row")]
    public void ContrastErrorsNameTheBadToken(string contrast, string expected)
    {
        var e = Assert.ThrowsAny<RweStatsInputException>(() => MixedModelFitter.Fit(Belimumab.Value, Bel("sledai") with { Contrasts = new[] { contrast } }));
        Assert.StartsWith("contrast '", e.Message); // the library names the setting; the command line renders it as --contrast
        Assert.StartsWith("--contrast '", e.MessageNaming(Cli.ModelOptions.OptionName));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void LsMeanContrastErrorsNameTheBadToken()
    {
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(Belimumab.Value, Bel("sledai") with { LsMeanContrasts = new[] { "visit: M6 - M7" } }));
        Assert.Contains("'M7'", e.Message);
        var e2 = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(Belimumab.Value, Bel("sledai") with { LsMeanContrasts = new[] { "M6 - M0" } }));
        Assert.Contains("EFFECT: LEVELS", e2.Message);
    }

    [Theory]
    [InlineData(MultiplicityAdjustment.Bonferroni)]
    [InlineData(MultiplicityAdjustment.Holm)]
    [InlineData(MultiplicityAdjustment.Hochberg)]
    [InlineData(MultiplicityAdjustment.Dunnett)]
    public void AdjustedPValuesSitBesideRawOnes(MultiplicityAdjustment adjustment)
    {
        var fit = MixedModelFitter.Fit(Belimumab.Value, Bel("sledai") with { Adjustment = adjustment });
        var raw = fit.VisitContrasts.Select(v => v.Result.PValue).ToList();
        var adj = fit.VisitContrasts.Select(v => v.AdjustedPValue!.Value).ToList();
        for (int i = 0; i < raw.Count; i++) Assert.True(adj[i] >= raw[i] - 1e-9 && adj[i] <= 1);
        if (adjustment != MultiplicityAdjustment.Dunnett)
            Assert.Equal(Multiplicity.Adjust(adjustment, raw), adj.ToArray());
        else
        {
            Assert.True(adj.Zip(raw).All(x => x.First <= Math.Min(1, 2 * x.Second) + 1e-9)); // Dunnett is never worse than Bonferroni
            Assert.All(fit.LsMeanDifferences.Where(d => d.Levels["visit"] == "M0"), d => Assert.NotNull(d.AdjustedPValue));
            Assert.All(fit.LsMeanDifferences.Where(d => d.Levels["visit"] != "M0"), d => Assert.Null(d.AdjustedPValue));
        }
    }
}
