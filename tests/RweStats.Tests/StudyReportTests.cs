using System.Text.RegularExpressions;

namespace RweStats.Tests;

/// <summary>report.md and the replicate printout describe what was fitted and computed.</summary>
public class StudyReportTests
{
    static (int code, string stdout, string stderr, string dir) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (RweStats.Cli.Cli.Run(args, o, e), o.ToString(), e.ToString(), "");
    }

    [Fact]
    public void ExampleReportDescribesTheFittedModelAndComparesArmsAtEachVisit()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-report-{Guid.NewGuid():N}");
        try
        {
            var (code, _, err, _) = Run("analyze", RepoPaths.Data("example.json"), "--out", dir);
            Assert.True(code == 0, err);
            var report = File.ReadAllText(Path.Combine(dir, "report.md"));
            // The model is y ~ visit*arm + base, random intercept, AR(1), REML, Satterthwaite, alpha 0.05.
            var methods = report.Split('\n').Single(l => l.StartsWith("Methods:"));
            foreach (var part in new[] { "visit (categorical)", "arm (categorical)", "the visit × arm interaction", "base (covariate)",
                                         "a random subject intercept", "AR(1)", "restricted maximum likelihood (REML)", "Satterthwaite",
                                         "α = 0.05", RweStats.Workflow.StudyReport.SoftwareVersion + ")", "V2 and V3 were compared with V1", "the levels of arm were compared at each visit" })
                Assert.Contains(part, methods);
            // LS means of visit*arm: the between-arm comparison at every visit.
            Assert.Contains("## Comparisons between groups at each visit", report);
            foreach (var v in new[] { "V1", "V2", "V3" })
                Assert.Matches($@"\| {v} \| TRT - PBO \| -?\d+\.\d\d \|", report);
            // Class headers written alike, one synthetic outcome "comes".
            Assert.Contains("low (0–30) | high (30.001–1000)", report);
            Assert.Contains("Score comes from a simulated cohort", report);
            // One precision per column: every mean (SD) cell of the outcome has the same number of decimals.
            var cells = Regex.Matches(report, @"\| (\d+\.\d+) \((\d+\.\d+)\) \|").Select(m => m.Groups[1].Value.Split('.')[1].Length).Distinct().ToList();
            Assert.Single(cells);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void MethodsSentenceFollowsTheFitNotAFixedText()
    {
        var table = RweStats.Data.CsvTableReader.Read(RepoPaths.Data("belimumab_table2.csv"));
        var fit = RweStats.Estimation.MixedModelFitter.Fit(table, new RweStats.Model.MixedModelSpec
        {
            Formula = "sledai ~ visit", Subject = "patient", Time = "visit", Covariance = "cs", Method = RweStats.Model.EstimationMethod.Ml,
            Df = RweStats.Model.DfMethod.Containment, Alpha = 0.1,
        });
        var sentence = RweStats.Workflow.StudyReport.MethodsSentence(fit);
        Assert.Contains("fixed effects for visit (categorical),", sentence);
        Assert.DoesNotContain("random subject intercept", sentence);
        Assert.Contains("compound-symmetry", sentence);
        Assert.Contains("maximum likelihood (ML)", sentence);
        Assert.Contains("the containment method", sentence);
        Assert.Contains("α = 0.1", sentence);
        Assert.Contains("M6 and M12 were compared with M0", sentence);
    }

    [Fact]
    public void ReplicatePrintsWhereEachClaimIsAndComputedValuesAtPrintedPrecision()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-replicate-{Guid.NewGuid():N}");
        try
        {
            var (code, stdout, err, _) = Run("replicate", "--spec", RepoPaths.Data("belimumab.json"), "--claims", RepoPaths.Data("belimumab_claims.json"),
                "--out", Path.Combine(dir, "out"), "--figures", Path.Combine(dir, "figures"));
            Assert.True(code == 0, err);
            Assert.DoesNotContain("shared/seeds", stdout);
            var lines = stdout.Split('\n');
            int header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Claim ") && l.Contains("Where"));
            Assert.True(header >= 0, stdout);
            var table = lines.Skip(header + 1).TakeWhile(l => l.Trim().Length > 0).ToList();
            // The two claims of the SLEDAI M6 p-value are told apart by where the paper prints them.
            Assert.Contains(table, l => l.Contains("sledai p_value M6 - M0") && l.Contains("Résultats") && l.Contains("0.00011"));
            Assert.Contains(table, l => l.Contains("sledai p_value M6 - M0") && l.Contains("Discussion") && l.Contains("< 0.01"));
            // Printed precision: 6.875 beside 6.9 prints 6.9; 16.25 beside 16.3 prints 16.3 (halves away from zero).
            Assert.Contains(table, l => l.Contains("prednisone q1 at M0") && Regex.IsMatch(l, @"6\.9\s+6\.9\s"));
            Assert.Contains(table, l => l.Contains("prednisone q3 at M0") && Regex.IsMatch(l, @"16\.3\s+16\.3\s"));
            // Decimal points aligned: in the Reported column every '.' is in the same text column.
            int reportedStart = lines[header].IndexOf("Where", StringComparison.Ordinal) + 5;
            int computedStart = lines[header].IndexOf("Computed", StringComparison.Ordinal);
            var dots = table.Select(l => l[reportedStart..computedStart]).Where(c => c.Contains('.')).Select(c => c.IndexOf('.')).Distinct().ToList();
            Assert.Single(dots);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
