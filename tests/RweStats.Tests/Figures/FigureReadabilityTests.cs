using System.Globalization;
using RweStats.Figures;
using RweStats.Workflow;
using ScottPlot.Plottables;

namespace RweStats.Tests.Figures;

/// <summary>What a reader needs from a figure: axis titles, subject nouns, visits at their times, lighter lines on busy panels.</summary>
public class FigureReadabilityTests
{
    [Fact]
    public void Axis_title_takes_the_unit_into_an_outcomes_own_parenthesis_and_the_note_stays_in_the_title()
    {
        var panel = FigureTestData.Figure1Panels()[1];
        Assert.Equal("CH50 (U/mL)", panel.AxisTitle);
        Assert.Equal("Anti-dsDNA (IU/mL; SYNTHETIC)", (panel with { Outcome = "Anti-dsDNA (SYNTHETIC)", Unit = "IU/mL" }).AxisTitle);
        var noted = panel with { Note = "SYNTHETIC" };
        Assert.Equal("CH50 (SYNTHETIC)", noted.Heading);
        Assert.Equal("CH50 (U/mL)", noted.AxisTitle);
    }

    [Fact]
    public void A_single_panel_has_no_panel_letter_and_several_do()
    {
        using var one = new SeriesFigure { Panels = new[] { FigureTestData.Figure1Panels()[1] } }.Page();
        Assert.Equal("CH50", one.Panels[0].Axes.Title.Label.Text);
        using var four = FigureTestData.Figure1(FigureStyle.DoubleColumn).Page();
        Assert.Equal(new[] { "A  Anti-dsDNA", "B  CH50", "C  C4", "D  C3" }, four.Panels.Select(p => p.Axes.Title.Label.Text));
    }

    [Fact]
    public void Legend_names_the_subjects_with_the_styles_noun_and_explains_dashed_and_thicker_lines()
    {
        var trees = FigureTestData.Figure1(FigureStyle.DoubleColumn with { SubjectNoun = "trees" });
        using var page = trees.Page();
        var legend = page.Legend!.Legend.ManualItems.Select(i => i.LabelText).ToList();
        Assert.Contains("Individual trees", legend);
        Assert.DoesNotContain(legend, l => l.Contains("patients"));
        Assert.Equal(trees.Panels.Any(p => p.HasMissedVisits), legend.Contains(Trajectories.MissedVisitLabel));
        using var patients = FigureTestData.Figure1(FigureStyle.DoubleColumn).Page();
        Assert.Contains("Individual patients", patients.Legend!.Legend.ManualItems.Select(i => i.LabelText));
        Assert.Throws<RweStatsInputException>(() => (FigureStyle.DoubleColumn with { SubjectNoun = " " }).Validate());
    }

    [Fact]
    public void Busy_panels_can_draw_the_subjects_lines_lighter_or_not_at_all()
    {
        var figure = GroupedFigureTestData.Figure(FigureStyle.DoubleColumn);
        double Alpha(SeriesFigure f)
        {
            using var page = f.Page();
            // The subjects' lines are the thin ones (the LS-mean profile is 1 pt, its halo 2.4 pt).
            return page.Panels[0].GetPlottables<Scatter>().Where(s => s.LineWidth < 0.5f).Max(s => s.LineColor.Alpha);
        }
        double usual = Alpha(figure), light = Alpha(figure with { Style = figure.Style with { LightTrajectories = true } });
        Assert.True(light < usual / 2, $"{light} vs {usual}");
        using var hidden = (figure with { Style = figure.Style with { ShowTrajectories = false } }).Page();
        Assert.DoesNotContain(hidden.Panels[0].GetPlottables<Scatter>(), s => s.LineWidth < 0.5f);
        Assert.DoesNotContain(hidden.Legend!.Legend.ManualItems, i => i.LabelText.StartsWith("Individual", StringComparison.Ordinal) && i.LineStyle.CanBeRendered);
    }

    static string WriteStudy(string dir, string figures, bool times = true)
    {
        // Tree girth on days 152, 174, 258: unevenly spaced visits.
        var csv = new System.Text.StringBuilder("tree,visit,day,girth\n");
        var days = new[] { 152, 174, 258 };
        for (int t = 1; t <= 8; t++)
            for (int v = 0; v < 3; v++)
                csv.Append(CultureInfo.InvariantCulture, $"T{t},V{v + 1},{days[v]},{30 + 2 * t + 0.05 * days[v] + (t * 7 + v * 3) % 5}\n");
        File.WriteAllText(Path.Combine(dir, "trees.csv"), csv.ToString());
        var columns = times ? "{ \"subject\": \"tree\", \"visit\": \"visit\", \"time_value\": \"day\" }" : "{ \"subject\": \"tree\", \"visit\": \"visit\" }";
        var spec = "{ \"schema\": \"rwestats-analysis/1\", \"data\": { \"file\": \"trees.csv\" }, \"columns\": " + columns + ","
            + " \"visits\": { \"order\": [\"V1\", \"V2\", \"V3\"] }, \"model\": { \"covariance\": \"cs\" },"
            + " \"outcomes\": [ { \"name\": \"girth\", \"unit\": \"mm\" } ], \"outputs\": { \"figures\": " + figures + " } }";
        var path = Path.Combine(dir, "trees.json");
        File.WriteAllText(path, spec);
        return path;
    }

    [Fact]
    public void With_visit_times_the_visits_sit_at_their_times_unless_the_figure_asks_for_even_spacing()
    {
        var dir = TempDir.Create("trees");
        var spec = WriteStudy(dir, "[ { \"name\": \"girth\", \"subjects\": \"trees\" }, { \"name\": \"even\", \"visit_spacing\": \"even\", \"individual_lines\": \"light\" },"
            + " { \"name\": \"spaghetti\", \"type\": \"spaghetti\" } ]");
        var figures = StudyFigures.Build(StudyAnalysis.Run(AnalysisSpecReader.Load(spec)));
        var timed = (SeriesFigure)figures[0].Figure;
        Assert.Equal(new[] { 152.0, 174, 258 }, timed.Panels[0].VisitPositions);
        using (var page = timed.Page())
        {
            var boxes = page.Panels[0].GetPlottables<BoxPlot>().Single().Boxes;
            Assert.Equal(new[] { 152.0, 174, 258 }, boxes.Select(b => b.Position));
            Assert.Equal("Visit (day)", page.Panels[0].Axes.Bottom.Label.Text);
            Assert.Contains("Individual trees", page.Legend!.Legend.ManualItems.Select(i => i.LabelText));
        }
        var even = (SeriesFigure)figures[1].Figure;
        Assert.Null(even.Panels[0].VisitPositions);
        Assert.True(even.Style.LightTrajectories);
        Assert.Equal("Visit", even.Style.VisitAxisTitle);
        // The spaghetti plot has its x-axis title too.
        using (var spaghetti = figures[2].Figure.Page())
            Assert.Equal("Visit (day)", spaghetti.Panels[0].Axes.Bottom.Label.Text);
        // Without time_value, "time" spacing is refused with the reason.
        var noTimes = WriteStudy(dir, "[ { \"name\": \"girth\", \"visit_spacing\": \"time\" } ]", times: false);
        Assert.Contains("columns.time_value", Assert.Throws<RweStatsInputException>(() => AnalysisSpecReader.Load(noTimes)).Message);
        Directory.Delete(dir, true);
    }
}
