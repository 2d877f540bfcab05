using static RweStats.Tests.InProcessCli;
using System.Globalization;
using System.Text.Json.Nodes;
using RweStats.Data;

namespace RweStats.Tests;

/// <summary>
/// "analyze" with an "estimands" section (data/antidepressant_estimand.json: rbmi's quickstart under jump to reference):
/// the imputed analysis in estimands.csv and the report (Markdown and HTML), the tipping-point grid and its figure.
/// </summary>
public class EstimandReportTests
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;


    static DataTable Csv(string path) => CsvTableReader.Read(path);

    [Fact]
    public void AnalyzeWritesTheImputedAnalysisAndTheTippingPointIntoTheReport()
    {
        var dir = Directory.CreateTempSubdirectory("rwestats-estimand-").FullName;
        try
        {
            var (code, stdout, stderr) = Run("analyze", RepoPaths.Data("antidepressant_estimand.json"), "--out", dir);
            Assert.True(code == 0, stderr);
            Assert.Contains("estimand jr: condmean-jackknife, 173 analysed data sets, 172 subjects", stdout);

            // estimands.csv against rbmi (condmean + jackknife, JR; tolerances as EstimandsTests, whose command runs the same job).
            var reference = Csv(RepoPaths.Fixture("r", "rbmi", "condmean_jackknife_JR.csv"));
            var ours = Csv(Path.Combine(dir, "estimands.csv"));
            string R(int i, string c) => reference.Cell(reference.ColumnIndex(c), i)!;
            string O(int i, string c) => ours.Cell(ours.ColumnIndex(c), i)!;
            Assert.Equal(12, ours.RowCount);
            var report = File.ReadAllText(Path.Combine(dir, "report.md"));
            for (int i = 0; i < reference.RowCount; i++)
            {
                int k = Enumerable.Range(0, ours.RowCount).Single(j => O(j, "parameter") == R(i, "parameter") && O(j, "visit") == R(i, "visit"));
                double estimate = double.Parse(R(i, "estimate"), Inv), se = double.Parse(R(i, "std_error"), Inv);
                Assert.Equal(estimate, double.Parse(O(k, "estimate"), Inv), Math.Abs(estimate) * 5e-5);
                Assert.Equal(se, double.Parse(O(k, "std_error"), Inv), se * 1e-4);
                // The report's row, at its printed precision (3 decimals here: three significant digits of the largest SE).
                string parameter = R(i, "parameter") switch { "trt" => "Difference PLACEBO − DRUG", "lsm_ref" => "LS mean DRUG", _ => "LS mean PLACEBO" };
                var row = report.Split('\n').Single(l => l.StartsWith($"| {R(i, "visit")} | {parameter} |", StringComparison.Ordinal));
                var cells = row.Split('|', StringSplitOptions.TrimEntries);
                Assert.Equal(estimate, double.Parse(cells[3], Inv), 0.0005 + Math.Abs(estimate) * 5e-5);
                Assert.Equal(se, double.Parse(cells[4], Inv), 0.0005);
            }
            Assert.Contains("## Estimands: reference-based imputation", report);
            Assert.Contains("JR 43 subjects", report);

            // The tipping-point grid: 51 shifts of DRUG's imputed values; p crosses α between the grid points around the tipping shift.
            var grid = Csv(Path.Combine(dir, "tipping_points.csv"));
            Assert.Equal(51, grid.RowCount);
            double G(int i, string c) => double.Parse(grid.Cell(grid.ColumnIndex(c), i)!, Inv);
            double tipping = G(0, "tipping_shift");
            int above = Enumerable.Range(0, grid.RowCount).First(i => G(i, "shift") > tipping);
            Assert.True(G(above - 1, "p_value") < 0.05 && G(above, "p_value") > 0.05, $"p does not cross 0.05 at {tipping}");
            Assert.Contains($"changes its conclusion at a shift of {tipping.ToString("G4", Inv)}.", report);

            // The figure, in the figures folder and inline in report.html.
            Assert.True(File.Exists(Path.Combine(dir, "figures", "tipping_jr.svg")));
            Assert.True(new FileInfo(Path.Combine(dir, "figures", "tipping_jr.png")).Length > 10_000);
            var html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.Contains("<figure id=\"figure-tipping_jr\">", html);
            Assert.Contains("Estimands: reference-based imputation", html);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A copy of the example spec, its files named by absolute paths, with one change to its estimand.</summary>
    static string SpecWith(string dir, Action<JsonObject> change)
    {
        var spec = JsonNode.Parse(File.ReadAllText(RepoPaths.Data("antidepressant_estimand.json")))!.AsObject();
        spec["data"]!["file"] = RepoPaths.Data("antidepressant_long.csv");
        var estimand = spec["estimands"]![0]!.AsObject();
        estimand["events"] = RepoPaths.Data("antidepressant_ice.csv");
        estimand.Remove("tipping_point");
        change(estimand);
        var path = Path.Combine(dir, "spec.json");
        File.WriteAllText(path, spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    [Fact]
    public void TheMmrmAnalysisIsAKeyOfTheSpecAndNamedInTheReport()
    {
        var dir = Directory.CreateTempSubdirectory("rwestats-estimand-mmrm-").FullName;
        try
        {
            var (code, _, stderr) = Run("analyze", SpecWith(dir, e => e["analysis"] = "glm"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Matches(@"spec\.json:\d+:\d+: estimands\[0\]\.analysis: .*'glm'", stderr);

            (code, _, stderr) = Run("analyze", SpecWith(dir, e => { e["analysis"] = "mmrm"; e["method"] = "condmean-bootstrap"; e["samples"] = 5; }),
                                    "--out", Path.Combine(dir, "out"));
            Assert.True(code == 0, stderr);
            var report = File.ReadAllText(Path.Combine(dir, "out", "report.md"));
            Assert.Contains("Analysis of each completed data set: a mixed model for repeated measures, CHANGE ~ THERAPY * VISIT + BASVAL", report);
            var pooled = Csv(Path.Combine(dir, "out", "estimands.csv"));
            Assert.Equal(12, pooled.RowCount);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ASpecErrorNamesTheKeyAndARunErrorTheEstimand()
    {
        var dir = Directory.CreateTempSubdirectory("rwestats-estimand-errors-").FullName;
        try
        {
            var (code, _, stderr) = Run("analyze", SpecWith(dir, e => e["strategy"] = "J2R"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Matches(@"spec\.json:\d+:\d+: estimands\[0\]\.strategy: .*strategy 'J2R' is not one of MAR, JR, CR, CIR, LMCF", stderr);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.False(Directory.Exists(Path.Combine(dir, "out")));

            (code, _, stderr) = Run("analyze", SpecWith(dir, e => e["outcome"] = "HAMD"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Contains("estimands[0].outcome: 'HAMD' is not an outcome of this spec (CHANGE)", stderr);

            // The reference is not an arm: found when the analysis runs; the outcome's outputs are written, the error is
            // reported once and the exit code is 2, as for an outcome that fails.
            (code, _, stderr) = Run("analyze", SpecWith(dir, e => e["reference"] = "PLCEBO"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Contains("rwestats: error: estimand 'jr': reference arm 'PLCEBO' is not a level of the arm variable 'THERAPY' (DRUG, PLACEBO)", stderr);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.Contains("Failed: estimand 'jr'", File.ReadAllText(Path.Combine(dir, "out", "report.md")));
            Assert.False(File.Exists(Path.Combine(dir, "out", "estimands.csv")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
