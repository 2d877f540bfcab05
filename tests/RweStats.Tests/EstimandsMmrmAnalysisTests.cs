using System.Globalization;
using System.Text.Json;
using RweStats.Data;
using RweStats.Estimands;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// The MMRM analysis of the completed data sets (<c>--analysis mmrm</c>): on complete data, where nothing is imputed, the
/// pooled estimate is the engine's own LS-mean difference of that MMRM fitted once (<c>fit</c>), and the jackknife standard
/// error is the one formed from the leave-one-subject-out fits made one by one; with imputation, rbmi with an analysis
/// function that fits mmrm on each imputed data set (tests/fixtures/r/rbmi_antidepressant_mmrm.R).
/// </summary>
public class EstimandsMmrmAnalysisTests
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>rbmi's quickstart data, the patients observed at all four visits only (no value to impute).</summary>
    static DataTable CompleteCases()
    {
        var table = CsvTableReader.Read(RepoPaths.Data("antidepressant_long.csv"));
        int patient = table.ColumnIndex("PATIENT"), change = table.ColumnIndex("CHANGE");
        var incomplete = Enumerable.Range(0, table.RowCount).Where(r => table.IsMissing(change, r)).Select(r => table.Cell(patient, r)).ToHashSet();
        return table.SelectRows(Enumerable.Range(0, table.RowCount).Where(r => !incomplete.Contains(table.Cell(patient, r))).ToArray());
    }

    static readonly MixedModelSpec AnalysisMmrm = new() { Formula = "CHANGE ~ THERAPY * VISIT + BASVAL", Subject = "PATIENT", Time = "VISIT", Covariance = "un" };

    /// <summary>The LS-mean difference PLACEBO − DRUG at each visit of the engine's fit of the analysis model.</summary>
    static Dictionary<string, double> Differences(DataTable table)
    {
        var fit = MixedModelFitter.FitModel(table, AnalysisMmrm);
        var (_, differences) = fit.LsMeans("THERAPY*VISIT", DfMethod.Residual);
        var result = new Dictionary<string, double>();
        foreach (var d in differences)
        {
            if (d.Levels["VISIT"] != d.OtherLevels["VISIT"]) continue;
            double sign = d.Levels["THERAPY"] == "PLACEBO" ? 1 : -1;
            result[d.Levels["VISIT"]] = sign * d.Result.Estimate;
        }
        return result;
    }

    [Fact]
    public void OnCompleteDataTheEstimateIsTheFitsContrastAndTheJackknifeIsTheLeaveOneOutFits()
    {
        var table = CompleteCases();
        var spec = new EstimandSpec
        {
            Model = new MixedModelSpec { Formula = "CHANGE ~ THERAPY * VISIT + BASVAL * VISIT", Subject = "PATIENT", Time = "VISIT", Covariance = "un" },
            Arm = "THERAPY", Analysis = AnalysisModel.Mmrm, AnalysisCovariates = new[] { "BASVAL" },
        };
        var analysis = ReferenceBasedImputation.Run(table, spec);
        Assert.Equal("CHANGE ~ THERAPY * VISIT + BASVAL", analysis.AnalysisFormula);
        var pooled = analysis.Pool().Where(r => r.Parameter == "trt").ToDictionary(r => r.Visit);

        var full = Differences(table);
        var patients = Enumerable.Range(0, table.RowCount).Select(r => table.Cell(table.ColumnIndex("PATIENT"), r)!).Distinct().ToList();
        var leftOut = patients.Select(p => Differences(table.SelectRows(Enumerable.Range(0, table.RowCount)
            .Where(r => table.Cell(table.ColumnIndex("PATIENT"), r) != p).ToArray()))).ToList();
        int n = patients.Count;
        Assert.Equal(n + 1, analysis.SampleCount);
        foreach (var (visit, estimate) in full)
        {
            Assert.Equal(estimate, pooled[visit].Estimate, Math.Abs(estimate) * 1e-10);
            // se² = (n − 1)/n Σ (θ̂₋ᵢ − θ̄)² (rbmi's jackknife) over the fits made one by one.
            double mean = leftOut.Average(d => d[visit]);
            double se = Math.Sqrt((n - 1.0) / n * leftOut.Sum(d => (d[visit] - mean) * (d[visit] - mean)));
            Assert.Equal(se, pooled[visit].StdError, se * 1e-8);
        }
    }

    [Fact]
    public void JsonNamesTheAnalysisOnlyWhenItIsTheMmrm()
    {
        string[] Args(params string[] extra) => new[]
        {
            "impute", "--data", RepoPaths.Data("antidepressant_long.csv"), "--subject", "PATIENT", "--time", "VISIT", "--group", "THERAPY",
            "--reference", "PLACEBO", "--formula", "CHANGE ~ THERAPY + VISIT + BASVAL * VISIT + THERAPY * VISIT",
            "--ice", RepoPaths.Data("antidepressant_ice.csv"), "--strategy", "JR", "--analysis-covariates", "BASVAL", "--format", "json",
        }.Concat(extra).ToArray();
        var (code, stdout, stderr) = Run(Args("--method", "condmean-bootstrap", "--samples", "20", "--analysis", "mmrm"));
        Assert.True(code == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal("mmrm", json.RootElement.GetProperty("analysis").GetString());
            Assert.Equal("CHANGE ~ THERAPY * VISIT + BASVAL", json.RootElement.GetProperty("analysis_formula").GetString());
            Assert.Equal(12, json.RootElement.GetProperty("results").GetArrayLength());
        }
        (code, stdout, stderr) = Run(Args("--method", "condmean-bootstrap", "--samples", "20"));
        Assert.True(code == 0, stderr);
        using (var json = JsonDocument.Parse(stdout)) Assert.False(json.RootElement.TryGetProperty("analysis", out _));
        (code, _, stderr) = Run(Args("--analysis", "glm"));
        Assert.Equal(2, code);
        Assert.Contains("--analysis", stderr);
    }
}
