using RweStats.Claims;
using RweStats.Workflow;

namespace RweStats.Tests;

/// <summary>The analysis spec, data dialects, wide files, per-outcome failures and the belimumab replication table.</summary>
public class StudyWorkflowTests
{
    static string Study(string name) => RepoPaths.Fixture("study", name);

    static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (RweStats.Cli.Cli.Run(args, o, e), o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("spec_french.json")]
    [InlineData("spec_wide.json")]
    public void DialectsAndWideFilesGiveTheSameAnalysis(string spec)
    {
        var reference = StudyAnalysis.Run(AnalysisSpecReader.Load(Study("spec_long.json")));
        var other = StudyAnalysis.Run(AnalysisSpecReader.Load(Study(spec)));
        Assert.True(other.AllSucceeded, string.Join("; ", other.Outcomes.Select(o => o.Error)));
        Assert.Equal(StudyReport.DescriptivesCsv(reference), StudyReport.DescriptivesCsv(other));
        foreach (var (a, b) in reference.Outcomes.Zip(other.Outcomes))
            foreach (var (x, y) in a.Fit!.VisitContrasts.Zip(b.Fit!.VisitContrasts))
                Assert.Equal(x.Result.PValue, y.Result.PValue, 1e-10);
    }

    [Fact]
    public void ContrastsEqualNlmeOnTable2()
    {
        // Main-job model = nlme::lme(y ~ visit, random = ~1|patient, correlation = corAR1(form = ~vnum|patient)), between-within df.
        var r = RFixture.Load("belimumab_nlme_lme4.csv");
        var study = StudyAnalysis.Run(AnalysisSpecReader.Load(Study("spec_long.json")));
        foreach (var (outcome, model) in new[] { ("sledai", "sledai/ri_ar1_nlme"), ("prednisone", "prednisone_mg_day/ri_ar1_nlme") })
        {
            var fit = study.Outcomes.Single(o => o.Outcome.Name == outcome).Fit!;
            foreach (var (label, term) in new[] { ("M6 - M0", "visitM6"), ("M12 - M0", "visitM12") })
            {
                var c = fit.VisitContrasts.Single(v => v.Label == label).Result;
                Assert.Equal(r[model, "p_value", term], c.PValue, 1e-6);
                Assert.Equal(r[model, "df", term], c.Df, 1e-9);
            }
            // The fit says how its data reached it: the rows, which the descriptive statistics need anyway.
            Assert.Contains(fit.Notes, n => n.StartsWith("Data: ") && n.EndsWith("the rows read into memory (descriptive statistics, classes and figures need them)."));
        }
    }

    [Fact]
    public void ReplicationTableVerdicts()
    {
        var spec = AnalysisSpecReader.Load(RepoPaths.Data("belimumab.json"));
        var claims = ClaimsFile.Load(RepoPaths.Data("belimumab_claims.json"));
        var study = StudyAnalysis.Run(spec);
        Assert.True(study.AllSucceeded);
        var verdicts = ClaimCheck.CheckAll(claims.Claims, study).ToDictionary(r => r.Claim.Id);
        // Values checked by hand from Table 2 (R type 7 quartiles).
        Assert.Equal(Verdict.RoundingSlip, verdicts["sledai_M0_q1"].Verdict);       // 4.25 printed 4.24
        Assert.Equal(4.25, verdicts["sledai_M0_q1"].Computed!.Value, 12);
        Assert.Equal(Verdict.Reproduced, verdicts["pred_M0_q1"].Verdict);          // 6.875 → 6.9
        Assert.Equal(Verdict.Reproduced, verdicts["pred_M0_q3"].Verdict);          // 16.25 → 16.3
        Assert.Equal(Verdict.NotReproduced, verdicts["pred_M6_median"].Verdict);   // 10, printed 8.5
        Assert.Equal(10, verdicts["pred_M6_median"].Computed!.Value, 12);
        Assert.Equal(Verdict.NotReproduced, verdicts["sledai_M6_n"].Verdict);      // 13 values at M6, paper counts 12
        Assert.Contains("month 4", verdicts["sledai_M6_n"].Reason);
        Assert.Equal(Verdict.Reproduced, verdicts["pred_change_M12"].Verdict);     // −45.3 %
        Assert.Equal(Verdict.Reproduced, verdicts["sledai_M6_p_discussion"].Verdict); // p < 0.01
        foreach (var id in new[] { "sledai_M6_p", "sledai_M12_p", "pred_M6_p", "pred_M12_p" })
            Assert.Equal(Verdict.NotReproduced, verdicts[id].Verdict);
    }

    [Fact]
    public void AnalyzeWritesEveryFileAndKeepsGoingWhenAnOutcomeFails()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-{Guid.NewGuid():N}");
        var (code, _, stderr) = Run("analyze", Study("spec_one_fails.json"), "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("outcome 'prednisone'", stderr);
        Assert.Contains("dose_missing_column", stderr);
        foreach (var f in new[] { "descriptives.csv", "contrasts.csv", "fits.json", "report.md" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        var contrasts = File.ReadAllLines(Path.Combine(dir, "contrasts.csv"));
        Assert.Equal(3, contrasts.Length); // header + sledai's two contrasts
        Assert.StartsWith("outcome,contrast,visit,baseline", contrasts[0]);
        Assert.StartsWith("outcome,visit,n,missing,mean,sd,variance,median,q1,q3,min,max", File.ReadLines(Path.Combine(dir, "descriptives.csv")).First());
        Directory.Delete(dir, true);
    }

    public static TheoryData<string, string> SpecErrors => new()
    {
        { "unknown_key.json", "unknown_key.json:7:14: outputz: unknown key 'outputz'" },
        { "wrong_type.json", "wrong_type.json:4:47: columns.visit: expected a string, found the number 3" },
        { "bad_schema.json", "bad_schema.json:2:13: schema: schema 'rwestats-analysis/9' is not supported" },
        { "alpha.json", "alpha.json:6:23: model.alpha: alpha 1.5 is outside (0, 1)" },
        { "formula_without_y.json", "model.formula: the formula must use {y}" },
        { "bad_covariance.json", "model.covariance: 'ar9' is not one of" },
        { "invalid_json.json", "invalid_json.json:6:" },
        { "data_unknown_column.json", "unknown_column.csv: no column 'y'" },
        { "data_non_numeric.json", "non_numeric.csv:7: column 'y': '12,5' is not a finite number" },
        { "data_duplicate.json", "duplicate.csv:5: column 'visit': subject '2' has visit 'M0' twice" },
        { "data_visit_not_in_order.json", "visit_not_in_order.csv:5: column 'visit': visit 'M9' is not in the declared visit order" },
    };

    [Theory]
    [MemberData(nameof(SpecErrors))]
    public void SpecAndDataErrorsNameFileLineAndKey(string file, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-{Guid.NewGuid():N}");
        var (code, _, stderr) = Run("analyze", Path.Combine(Study("bad"), file), "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr); // never a stack trace
    }

    [Fact]
    public void SimulatorIsDeterministicAndMarked()
    {
        var a = Simulation.BelimumabBiomarkerSimulator.GenerateCsv(2019);
        Assert.Equal(a, Simulation.BelimumabBiomarkerSimulator.GenerateCsv(2019));
        Assert.NotEqual(a, Simulation.BelimumabBiomarkerSimulator.GenerateCsv(7));
        Assert.Equal(a, File.ReadAllText(RepoPaths.Data("belimumab_biomarkers_synthetic.csv")));
        Assert.All(a.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.Contains("SYNTHETIC", line));
        // The paper's summaries: anti-dsDNA above 50 UI/mL in 11 of 14 at M0, three above 300.
        var m0 = a.Split('\n').Skip(1).Where(l => l.Contains(",M0,")).Select(l => double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(11, m0.Count(v => v > 50));
        Assert.Equal(3, m0.Count(v => v > 300));
    }
}

public class StudyWarningTests
{
    [Fact]
    public void ASubjectWithoutBaselineIsReportedWithFileAndSubjectButStillAnalysed()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-{Guid.NewGuid():N}");
        int code = RweStats.Cli.Cli.Run(new[] { "analyze", RepoPaths.Fixture("study", "bad", "data_no_baseline.json"), "--out", dir }, o, e);
        Assert.Equal(0, code);
        Assert.Contains("rwestats: warning: ", e.ToString());
        Assert.Contains("no_baseline.csv: outcome 'y': subject '2' has no baseline (M0) value", e.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "contrasts.csv")));
        Directory.Delete(dir, true);
    }
}

/// <summary>The README's tutorial runs as written on the files in data/.</summary>
public class TutorialTests
{
    [Fact]
    public void ExampleSpecAnalysesTheExampleCohort()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-tutorial-{Guid.NewGuid():N}");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(new[] { "analyze", RepoPaths.Data("example.json"), "--out", dir }, o, e);
        Assert.True(code == 0, e.ToString());
        foreach (var f in new[] { "descriptives.csv", "classes.csv", "contrasts.csv", "fits.json", "report.md", Path.Combine("figures", "score_by_arm.svg"), Path.Combine("figures", "score_residuals.svg") })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Directory.Delete(dir, true);
    }
}

/// <summary>Numeric columns are stored as numbers; every cell still reads back as the text it was.</summary>
public class TypedColumnTests
{
    [Fact]
    public void NumericCellsKeepTheirText()
    {
        var cells = new[] { "0", "-0", "12", "-0.5", "25.115", "20.100", "007", "0.001", "0.0001", "1e3", "1E-05", "123456789012345",
                            "1234567890123456", "0.1", "0.3", "+5", ".5", "5.", "1000000", "", "NA", "3.14159265358979" };
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-cells-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,v\n" + string.Join("\n", cells.Select((c, i) => $"{i},{c}")) + "\n");
        var table = RweStats.Data.CsvTableReader.Read(path);
        var column = table.Column("v", "test");
        for (int i = 0; i < cells.Length; i++)
            Assert.Equal(cells[i] is "" or "NA" ? null : cells[i], column[i]);
        Assert.True(table.IsNumeric("v"));
        // Subject labels "007" and "7" stay two subjects.
        File.WriteAllText(path, "id,visit,y\n007,A,1\n007,B,2\n7,A,3\n7,B,5\n8,A,2\n8,B,2.5\n");
        var codes = RweStats.Data.CsvTableReader.Read(path).Encode("id", "test");
        Assert.Equal(new[] { "007", "7", "8" }, codes.Levels);
        File.Delete(path);
    }
}
