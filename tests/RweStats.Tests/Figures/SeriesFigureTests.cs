using System.Globalization;
using RweStats.Figures;
using ScottPlot;
using ScottPlot.Plottables;

namespace RweStats.Tests.Figures;

/// <summary>The paper's Figure 1 as ScottPlot builds it: the plottables of each panel, in data units, and the page's layout.</summary>
public class SeriesFigureTests
{
    public static TheoryData<string> Styles => new() { "double", "single", "grey" };

    static FigureStyle StyleNamed(string name) => name switch
    {
        "double" => FigureStyle.DoubleColumn,
        "single" => FigureStyle.SingleColumn,
        "grey" => FigureStyle.DoubleColumn.Greyscale() with { FontSizePt = 9 },
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(Styles))]
    public void Each_panel_has_one_box_per_visit_at_the_tables_quartiles(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        using var page = figure.Page();
        Assert.Equal(4, page.Panels.Count);
        for (int i = 0; i < 4; i++)
        {
            var panel = figure.Panels[i];
            var boxes = Assert.Single(page.Panels[i].GetPlottables<BoxPlot>()).Boxes;
            Assert.Equal(new[] { 0.0, 1, 2 }, boxes.Select(b => b.Position));
            for (int j = 0; j < 3; j++)
            {
                // On the log axis (anti-dsDNA) the summary is of log10 values, drawn in axis units.
                var values = FigureTestData.ValuesAt(panel, j).Select(t => panel.LogScale ? Math.Log10(t.value) : t.value);
                var expected = BoxSummary.Of(values)!;
                Assert.Equal((expected.Q1, expected.Median, expected.Q3), (boxes[j].BoxMin, boxes[j].BoxMiddle!.Value, boxes[j].BoxMax));
                Assert.Equal(figure.Style.Palette.SeriesColor(j), boxes[j].LineColor);
            }
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Points_are_the_non_missing_values_one_markers_plottable_per_visit(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        using var page = figure.Page();
        for (int i = 0; i < 4; i++)
        {
            var panel = figure.Panels[i];
            var markers = page.Panels[i].GetPlottables<Markers>().Where(m => m.MarkerShape == MarkerShape.FilledCircle).ToList();
            Assert.Equal(3, markers.Count);
            for (int j = 0; j < 3; j++)
            {
                var points = markers[j].Data.GetScatterPoints();
                var expected = FigureTestData.ValuesAt(panel, j).Select(t => panel.LogScale ? Math.Log10(t.value) : t.value).Order().ToList();
                Assert.Equal(expected, points.Select(p => p.Y).Order().ToList());
                // Jittered around the visit, the same offset for a subject at every visit (seeded by subject id).
                Assert.All(points, p => Assert.InRange(p.X, j - 0.2, j + 0.2));
            }
        }
    }

    [Fact]
    public void Brackets_carry_the_given_p_values_as_journals_print_them()
    {
        var figure = FigureTestData.Figure1(FigureStyle.DoubleColumn);
        using var page = figure.Page();
        var labels = page.Panels.Select(p => Assert.Single(p.GetPlottables<PValueBrackets>()).Items.Select(b => b.Label).ToList()).ToList();
        Assert.Equal(new[] { "p = 0.0073", "p < 0.001" }, labels[0]);
        Assert.Equal(new[] { "p = 0.048", "p = 0.0021" }, labels[2]);
        Assert.Equal(new[] { "p = 0.21", "p = 0.0496" }, labels[3]);
        // The shorter bracket sits on the lower level; the longer one above it, so labels never collide.
        var brackets = page.Panels[0].GetPlottables<PValueBrackets>().Single().Items;
        Assert.Equal((0, 1), (brackets[0].Level, brackets[1].Level));
        using var stars = (figure with { Style = figure.Style with { PValueFormat = PValueFormat.Stars } }).Page();
        Assert.Equal(new[] { "**", "***" }, stars.Panels[0].GetPlottables<PValueBrackets>().Single().Items.Select(b => b.Label));
    }

    [Theory, MemberData(nameof(Styles))]
    public void Axes_cover_the_data_the_normal_range_and_the_ls_means(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        using var page = figure.Page();
        FigureWriter.ToPng(page, 72); // ticks are generated when ScottPlot renders
        for (int i = 0; i < 4; i++)
        {
            var panel = figure.Panels[i];
            var limits = page.Panels[i].Axes.GetLimits();
            var ys = panel.Subjects.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value)
                .Concat(panel.LsMeans!.SelectMany(e => new[] { e.Lower, e.Upper })).ToList();
            if (panel.NormalRange!.Low > 0 || !panel.LogScale) ys.Add(panel.NormalRange.Low);
            ys.Add(panel.NormalRange.High);
            Func<double, double> y = panel.LogScale ? Math.Log10 : v => v;
            Assert.True(limits.Bottom < y(ys.Min()) && limits.Top > y(ys.Max()), $"panel {i}: {limits}");
            var ticks = page.Panels[i].Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
            // At least three labels, or two decades on a short log axis.
            Assert.True(ticks.Count >= (panel.LogScale ? 2 : 3) && ticks.Count <= 12, $"panel {i}: {string.Join(' ', ticks.Select(t => t.Label))}");
            Assert.All(ticks, t => Assert.DoesNotContain("-", t.Label)); // a true minus, never a hyphen
            var band = Assert.Single(page.Panels[i].GetPlottables<VerticalSpan>());
            Assert.Equal(y(panel.NormalRange.High), band.Y2, 9);
        }
        // The log axis labels decades and 2 and 5 times them over its short range, with minor ticks between.
        var log = page.Panels[0].Axes.Left.TickGenerator.Ticks;
        var logLabels = log.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Subset(new HashSet<string> { "1", "2", "5", "10", "20", "50", "100", "200", "500", "1000" }, logLabels.ToHashSet());
        Assert.True(logLabels.Count >= 2, string.Join(" ", logLabels));
        Assert.Contains(log, t => !t.IsMajor);
    }

    [Fact]
    public void Data_areas_line_up_by_row_and_by_column()
    {
        using var page = FigureTestData.Figure1(FigureStyle.DoubleColumn).Page();
        FigureWriter.ToPng(page, 72);
        var rects = page.Panels.Select(p => p.RenderManager.LastRender.DataRect).ToList();
        Assert.Equal((rects[0].Top, rects[0].Bottom), (rects[1].Top, rects[1].Bottom));
        Assert.Equal((rects[2].Top, rects[2].Bottom), (rects[3].Top, rects[3].Bottom));
        Assert.Equal((rects[0].Left, rects[0].Right), (rects[2].Left, rects[2].Right));
        Assert.Equal((rects[1].Left, rects[1].Right), (rects[3].Left, rects[3].Right));
        // Inside the page, left of the next column, above the legend.
        Assert.True(rects[0].Right < rects[1].Left && rects[2].Bottom < page.Height);
        Assert.True(rects[0].Left > 0 && rects[1].Right < page.Width);
    }

    [Fact]
    public void Layout_defaults_to_two_by_two_and_honours_rows_and_columns_and_the_preset_width()
    {
        Assert.Equal((2, 2), FigurePage.Shape(4, null, null));
        Assert.Equal((1, 3), FigurePage.Shape(3, null, null));
        Assert.Equal((1, 4), FigurePage.Shape(4, 1, null));
        Assert.Throws<RweStatsInputException>(() => FigurePage.Shape(4, 1, 2));
        using var single = (FigureTestData.Figure1(FigureStyle.SingleColumn) with { Columns = 1 }).Page();
        Assert.Equal(FigureUnits.MmToPt(85), single.Width, 9);
        using var wide = (FigureTestData.Figure1(FigureStyle.DoubleColumn) with { Rows = 1 }).Page();
        Assert.Equal(FigureUnits.MmToPt(175), wide.Width, 9);
        Assert.True(wide.Height < single.Height);
        Assert.Throws<RweStatsInputException>(() => (FigureTestData.Figure1(FigureStyle.SingleColumn) with { Rows = 1 }).Page());
    }

    [Fact]
    public void Toggles_remove_their_plottables()
    {
        var style = FigureStyle.DoubleColumn with { ShowBoxes = false, ShowPoints = false, ShowTrajectories = false, ShowLsMeans = false, ShowLegend = false };
        using var page = FigureTestData.Figure1(style).Page();
        Assert.All(page.Panels, p =>
        {
            Assert.Empty(p.GetPlottables<BoxPlot>());
            Assert.Empty(p.GetPlottables<Markers>());
            Assert.Empty(p.GetPlottables<Scatter>());
            Assert.Empty(p.GetPlottables<ErrorBar>());
        });
        Assert.Null(page.Legend);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var figure = FigureTestData.Figure1(FigureStyle.SingleColumn);
        var invariant = FigureWriter.ToSvg(figure);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, FigureWriter.ToSvg(figure));
        }
        finally { CultureInfo.CurrentCulture = saved; }
        Assert.Equal("−0.5", PanelPlot.Number(-0.5));
        Assert.Equal("0.1", PanelPlot.Number(0.1 + 2e-17));
    }
}
