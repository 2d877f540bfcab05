using MathNet.Numerics.Distributions;
using RweStats.Figures;
using ScottPlot;
using ScottPlot.Plottables;

namespace RweStats.Tests.Figures;

public class OtherFiguresTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Spaghetti_draws_every_subjects_segments_in_its_categorys_colour(bool single)
    {
        var style = single ? FigureStyle.SingleColumn : FigureStyle.DoubleColumn;
        var figure = new SpaghettiFigure
        {
            Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders(),
            CategoryOrder = new[] { "Responder", "Non-responder" }, Style = style,
        };
        using var page = figure.Page();
        Assert.Equal(4, page.Panels.Count);
        var responders = FigureTestData.Responders();
        for (int i = 0; i < 4; i++)
        {
            var panel = figure.Panels[i];
            var lines = page.Panels[i].GetPlottables<Scatter>().ToList();
            // Every line is in a category's colour; together they hold each subject's segments once (shared ones once for all).
            var colours = new[] { style.Palette.SeriesColor(0), style.Palette.SeriesColor(1) }.Select(c => c.WithAlpha(0.85)).ToList();
            Assert.All(lines, l => Assert.Contains(l.LineColor, colours));
            int segments = lines.Sum(l => Segments(l.Data.GetScatterPoints()));
            var shared = figure.SharedSegments(panel);
            int expected = panel.Subjects.Sum(s => Math.Max(0, s.Values.Count(v => v.HasValue) - 1)) - shared.Sum(kv => kv.Value - 1);
            Assert.Equal(expected, segments);
        }
        var legend = page.Legend!.Legend.ManualItems.Select(x => x.LabelText).ToList();
        int nResponders = responders.Values.Count(v => v == "Responder");
        Assert.Equal(new[] { $"Responder (n = {nResponders})", $"Non-responder (n = {14 - nResponders})" }, legend.Take(2));
        var panels = FigureTestData.Figure1Panels();
        Assert.Equal(panels.Any(p => p.HasMissedVisits), legend.Contains(Trajectories.MissedVisitLabel));
        Assert.Equal(panels.Any(p => figure.SharedSegments(p).Count > 0), legend.Contains(Trajectories.SharedLineLabel(style)));
    }

    [Fact]
    public void A_segment_that_subjects_of_two_categories_share_is_drawn_for_each_side_by_side()
    {
        var panel = new SeriesPanel
        {
            Outcome = "Score", Visits = new[] { "M0", "M6" },
            Subjects = new[] { new SubjectValues("a", new double?[] { 4, 2 }), new SubjectValues("b", new double?[] { 4, 2 }), new SubjectValues("c", new double?[] { 6, 1 }) },
        };
        var figure = new SpaghettiFigure { Panels = new[] { panel }, SubjectCategory = new Dictionary<string, string> { ["a"] = "Improved", ["c"] = "Improved", ["b"] = "Not improved" } };
        using var page = figure.Page();
        var lines = page.Panels[0].GetPlottables<Scatter>().ToList();
        // 4 → 2 once in each category's colour, half a lane either side of the line; 6 → 1 on the line itself.
        var lanes = lines.Where(l => l.PathStrategy is DashedPath { Across: not 0 }).ToList();
        Assert.Equal(new[] { -Trajectories.LaneSpacing / 2, Trajectories.LaneSpacing / 2 }, lanes.Select(l => ((DashedPath)l.PathStrategy).Across));
        Assert.Equal(new[] { figure.Style.Palette.SeriesColor(0), figure.Style.Palette.SeriesColor(1) }, lanes.Select(l => l.LineColor.WithAlpha((byte)255)));
        Assert.All(lanes, l => Assert.Equal(new[] { new Coordinates(0, 4), new Coordinates(1, 2) }, l.Data.GetScatterPoints()));
        Assert.Equal(3, lines.Sum(l => Segments(l.Data.GetScatterPoints())));
    }

    [Theory]
    [InlineData(25)]
    [InlineData(3)]
    public void Crowded_visit_labels_are_thinned_so_that_none_overlap(int visitCount)
    {
        // Monthly visits on a single-column panel: every visit keeps its tick, the labels shown keep a space apart.
        var visits = Enumerable.Range(0, visitCount).Select(m => $"Month {m}").ToArray();
        var panel = FigureTestData.Wide("Score", "points", visits, new[] { "a", "b" },
            new[] { visits.Select((_, j) => (double)j).ToArray(), visits.Select((_, j) => 2.0 * j).ToArray() });
        using var page = new SeriesFigure { Panels = new[] { panel }, Style = FigureStyle.SingleColumn }.Page();
        page.Texts(); // renders the page (drawing nothing), as ScottPlot makes its ticks when it renders
        var plot = page.Panels[0];
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks;
        Assert.Equal(Enumerable.Range(0, visitCount).Select(j => (double)j), ticks.Select(t => t.Position));
        var labelled = ticks.Where(t => t.IsMajor).ToList();
        Assert.Equal("Month 0", labelled[0].Label);
        if (visitCount == 3) Assert.Equal(3, labelled.Count);
        else Assert.InRange(labelled.Count, 3, visitCount / 2);
        // Every second, third … visit: the labels shown are evenly spread over the visits.
        Assert.All(labelled, t => Assert.Equal(0, t.Position % labelled[1].Position));
        using var paint = Paint.NewDisposablePaint();
        var label = plot.Axes.Bottom.TickLabelStyle;
        float space = label.Measure(" ", paint).Width;
        for (int k = 1; k < labelled.Count; k++)
        {
            float Edge(Tick t, int side) => plot.GetPixel(new Coordinates(t.Position, 0)).X + side * label.Measure(t.Label, paint).Width / 2;
            Assert.True(Edge(labelled[k], -1) >= Edge(labelled[k - 1], 1) + space - 0.01, $"{labelled[k - 1].Label} and {labelled[k].Label} overlap");
        }
    }

    /// <summary>Segments of a scatter line whose polylines are separated by NaN.</summary>
    static int Segments(IReadOnlyList<Coordinates> points)
    {
        int n = 0;
        for (int i = 1; i < points.Count; i++) if (!double.IsNaN(points[i].X) && !double.IsNaN(points[i - 1].X)) n++;
        return n;
    }

    [Fact]
    public void Residual_figure_has_a_QQ_plot_and_residuals_against_fitted_saying_which_residual()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        foreach (var style in new[] { FigureStyle.SingleColumn, FigureStyle.DoubleColumn with { PanelAspect = 0.7 } })
        {
            var figure = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = style };
            using var page = figure.Page();
            Assert.Equal(2, page.Panels.Count);
            Assert.All(page.Panels, p => Assert.Equal(residuals.Length, Assert.Single(p.GetPlottables<Markers>()).Data.GetScatterPoints().Count));
            Assert.All(page.Panels, p => Assert.Equal("Cholesky-scaled residual", p.Axes.Left.Label.Text));
            Assert.Equal(new[] { "Normal quantile", "Fitted value" }, page.Panels.Select(p => p.Axes.Bottom.Label.Text));
            // The Q–Q line and the zero line, dashed.
            Assert.All(page.Panels, p => Assert.IsType<DashedPath>(Assert.Single(p.GetPlottables<Scatter>()).PathStrategy));
        }
        var pearson = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Kind = ResidualKind.Pearson };
        Assert.Equal("Pearson residual", pearson.ResidualLabel);
        Assert.Equal("Raw residual", (pearson with { Kind = ResidualKind.Raw }).ResidualLabel);
    }

    [Fact]
    public void Residual_panels_name_the_outcome_and_stack_when_their_titles_need_the_width()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        var figure = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Outcome = "SELENA-SLEDAI", Style = FigureStyle.SingleColumn };
        using var stacked = figure.Page();
        Assert.Equal(new[] { "A  SELENA-SLEDAI: normal Q–Q plot", "B  SELENA-SLEDAI: residuals vs fitted" }, stacked.Panels.Select(p => p.Axes.Title.Label.Text));
        FigureWriter.ToPng(stacked, 72);
        var (a, b) = (stacked.Panels[0].RenderManager.LastRender.DataRect, stacked.Panels[1].RenderManager.LastRender.DataRect);
        Assert.True(b.Top > a.Bottom, "stacked in one column");
        using var sideBySide = (figure with { Style = FigureStyle.DoubleColumn }).Page();
        FigureWriter.ToPng(sideBySide, 72);
        Assert.Equal(sideBySide.Panels[0].RenderManager.LastRender.DataRect.Top, sideBySide.Panels[1].RenderManager.LastRender.DataRect.Top);
    }

    [Fact]
    public void Residual_reference_line_reaches_the_axis_edges_when_fitted_values_span_widely()
    {
        // Fitted FEV1-like values spanning 100 units: the axis pads 5 units each side, more than the line's unit beyond
        // the data, so the line must run to the axis limits.
        var fitted = Enumerable.Range(0, 40).Select(i => 2.5 * i).ToArray();
        var residuals = fitted.Select((_, i) => Math.Sin(i)).ToArray();
        using var page = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals }.Page();
        var panel = page.Panels[1];
        var line = Assert.Single(panel.GetPlottables<Scatter>()).Data.GetScatterPoints();
        Assert.True(line.Min(c => c.X) <= panel.Axes.Bottom.Min, "the line reaches the left edge");
        Assert.True(line.Max(c => c.X) >= panel.Axes.Bottom.Max, "the line reaches the right edge");
    }

    [Fact]
    public void QQ_points_and_line_follow_R()
    {
        // qqnorm uses ppoints(n): (i − 3/8)/(n + 1/4) for n ≤ 10, else (i − 1/2)/n.
        var pp = ResidualDiagnosticsFigure.PlottingPositions(3);
        Assert.Equal(5.0 / 13, pp[0] * 2, 12);
        Assert.Equal(0.5, pp[1], 12);
        Assert.Equal(21.0 / 26, pp[2], 12);
        Assert.Equal(0.5 / 20, ResidualDiagnosticsFigure.PlottingPositions(20)[0], 12);
        var figure = new ResidualDiagnosticsFigure { Fitted = new[] { 1.0, 2, 3, 4, 5 }, Residuals = new[] { -1.0, 0.5, 0, 2, -0.5 } };
        var (theoretical, sample) = figure.QqPoints();
        Assert.Equal(new[] { -1.0, -0.5, 0, 0.5, 2 }, sample);
        Assert.Equal(0, theoretical[2], 12);
        // qqline through (qnorm(.25), Q1) and (qnorm(.75), Q3): Q1 = −0.5, Q3 = 0.5 (type 7).
        var (slope, intercept) = figure.QqLine();
        Assert.Equal(1 / (2 * Normal.InvCDF(0, 1, 0.75)), slope, 12);
        Assert.Equal(0, intercept, 12);
        Assert.Throws<RweStatsInputException>(() => (figure with { Fitted = new[] { 1.0 } }).Page());
    }
}
