using System.Globalization;
using RweStats.Figures;
using RweStats.Tests.Figures;
using RweStats.Workflow;

namespace RweStats.Tests;

/// <summary>The figures of an analysis come from the same results as its tables: bracket labels are contrasts.csv's p-values.</summary>
public class StudyFiguresTests
{
    [Fact]
    public void AnalyzeDrawsOnePanelPerOutcomeWithTheContrastPValues()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-fig-{Guid.NewGuid():N}");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(new[] { "analyze", RepoPaths.Fixture("study", "spec_long.json"), "--out", dir }, o, e);
        Assert.True(code == 0, e.ToString());
        Assert.All(new[] { ".svg", ".png" }, ext => Assert.True(File.Exists(Path.Combine(dir, "figures", "outcomes" + ext)), "outcomes" + ext));
        // What the files show, read from the figure model the command drew them from.
        var study = StudyAnalysis.Run(AnalysisSpecReader.Load(RepoPaths.Fixture("study", "spec_long.json")));
        using var page = StudyFigures.Build(study).Single().Figure.Page();
        Assert.Equal(2, page.Panels.Count);
        var contrasts = File.ReadAllLines(Path.Combine(dir, "contrasts.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var labels = page.Panels.SelectMany(p => p.GetPlottables<PValueBrackets>()).SelectMany(b => b.Items).Select(b => b.Label).ToList();
        var expected = contrasts.Select(c => PValueText.Format(double.Parse(c[9], CultureInfo.InvariantCulture), PValueFormat.Bounded)).ToList();
        Assert.Equal(expected.OrderBy(x => x), labels.OrderBy(x => x));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void BelimumabFiguresMarkSyntheticDataAndBuildFromResults()
    {
        var study = StudyAnalysis.Run(AnalysisSpecReader.Load(RepoPaths.Data("belimumab.json")));
        var figures = StudyFigures.Build(study);
        Assert.Equal(new[] { "figure1_biomarkers_SYNTHETIC", "sledai_prednisone", "sledai_trajectories", "sledai_residuals" }, figures.Select(f => f.Spec.Name).ToArray());
        var residuals = (ResidualDiagnosticsFigure)figures[3].Figure;
        Assert.Equal(37, residuals.Residuals.Count); // one scaled residual per SLEDAI observation used
        var figure1 = (SeriesFigure)figures[0].Figure;
        // "SYNTHETIC" once per panel: in its title, not again in the axis title.
        Assert.All(figure1.Panels, p => Assert.EndsWith("(SYNTHETIC)", p.Heading));
        Assert.All(figure1.Panels, p => Assert.DoesNotContain("SYNTHETIC", p.AxisTitle));
        using (var page = figure1.Page())
            Assert.All(page.Panels, p => Assert.Single(new[] { p.Axes.Title.Label.Text, p.Axes.Left.Label.Text, p.Axes.Bottom.Label.Text }, t => t.Contains("SYNTHETIC")));
        var clinical = (SeriesFigure)figures[1].Figure;
        Assert.DoesNotContain(clinical.Panels, p => p.Heading.Contains("SYNTHETIC"));
        // Anti-dsDNA is modelled on the log scale: the LS means are drawn back-transformed (geometric means).
        var dsdna = study.Outcomes.Single(x => x.Outcome.Name == "anti_dsdna").Fit!;
        var m0 = dsdna.LsMeans.Single(l => l.Effect == "visit" && l.Levels["visit"] == "M0").Result!.Estimate;
        Assert.Equal(Math.Exp(m0), figure1.Panels[0].LsMeans![0].Estimate, 10);
    }
}

public class GroupedStudyFigureTests
{
    [Fact]
    public void FevByArmPanelCarriesTheBetweenArmPValuesOfTheFit()
    {
        var study = StudyAnalysis.Run(AnalysisSpecReader.Load(RepoPaths.Data("fev.json")));
        var (spec, figure) = StudyFigures.Build(study).Single();
        Assert.Equal("ARMCD", spec.Group);
        var panel = ((SeriesFigure)figure).Panels.Single();
        var fit = study.Outcomes.Single().Fit!;
        var between = panel.Significance.Where(s => s.IsBetweenGroups).ToList();
        Assert.Equal(4, between.Count);
        foreach (var b in between)
        {
            var d = fit.LsMeanDifferences.Single(x => x.Effect == "AVISIT*ARMCD" && x.Levels["AVISIT"] == b.FromVisit && x.OtherLevels["AVISIT"] == b.FromVisit);
            Assert.Equal(d.Result.PValue, b.PValue, 12);
        }
    }
}
