using System.Globalization;
using System.Xml.Linq;
using RweStats.Figures;
using ScottPlot;
using ScottPlot.AxisPanels;
using SkiaSharp;

namespace RweStats.Tests.Figures;

/// <summary>
/// What ScottPlot is given to draw (issue 17): one plot per panel with its own axes, ticks, titles and data in axis
/// coordinates, one plot for the legend with ScottPlot's legend, and the panels lined up by their fixed layouts.
/// </summary>
public class ScottPlotCompositionTests
{
    static IFigure[] EveryKind()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        return new IFigure[]
        {
            FigureTestData.Figure1(FigureStyle.DoubleColumn),
            FigureTestData.Figure1(FigureStyle.SingleColumn.Greyscale()) with { Rows = 4, Columns = 1 },
            GroupedFigureTestData.Figure(FigureStyle.DoubleColumn),
            new SpaghettiFigure { Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders() },
            new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = FigureStyle.DoubleColumn, Outcome = "SELENA-SLEDAI" },
        };
    }

    static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The data area of each panel of the model: the y axis line runs down its left edge, the x axis line along its bottom.</summary>
    static List<FigureRect> DataAreas(SceneFigure model) => model.Panels.Select(p =>
    {
        var lines = model.Groups("axes", p).Single().Elements("line").ToList();
        return FigureRect.FromEdges(D(lines[0], "x1"), D(lines[0], "y1"), D(lines[1], "x2"), D(lines[0], "y2"));
    }).ToList();

    [Fact]
    public void Each_panel_is_one_ScottPlot_plot_with_its_own_axes_and_the_legend_is_ScottPlots()
    {
        foreach (var figure in EveryKind())
        {
            var scene = FigureScene.Of(figure);
            var model = new SceneFigure(scene.ToXml().ToString());
            var plots = ScottPlotRenderer.Plots(scene);
            var panels = plots.Where(p => p.plot.Axes.Left.IsVisible && p.plot.Axes.Bottom.IsVisible).ToList();
            Assert.Equal(model.Panels.Count, panels.Count);
            bool legend = model.Groups("legend").Any();
            Assert.Equal(1 + model.Panels.Count + (legend ? 1 : 0), plots.Count);
            for (int i = 0; i < panels.Count; i++)
            {
                var (plot, cell) = panels[i];
                var panel = model.Panels[i];
                Assert.Equal(SceneFigure.Bounds(panel).Left, cell.Left, 2);
                Assert.False(plot.Axes.Top.IsVisible);
                Assert.False(plot.Axes.Right.IsVisible);
                // Ticks: ScottPlot's manual tick generators hold the model's ticks and labels.
                var left = Assert.IsType<ScottPlot.TickGenerators.NumericManual>(plot.Axes.Left.TickGenerator);
                var bottom = Assert.IsType<ScottPlot.TickGenerators.NumericManual>(plot.Axes.Bottom.TickGenerator);
                using var paint = Paint.NewDisposablePaint();
                plot.Axes.Left.RegenerateTicks(new PixelLength(100), paint);
                plot.Axes.Bottom.RegenerateTicks(new PixelLength(100), paint);
                var yTicks = model.Groups("y-tick", panel).ToList();
                Assert.Equal(yTicks.Select(t => t.Element("text")!.Value), left.Ticks.Select(t => t.Label));
                var xTicks = model.Groups("x-tick", panel).ToList();
                Assert.Equal(xTicks.Select(t => t.Element("text")?.Value ?? ""), bottom.Ticks.Select(t => t.Label));
                // Titles: the axes' labels.
                var axisTexts = model.Texts(model.Groups("axes", panel).Single()).Select(t => t.Text).ToList();
                Assert.Contains(((AxisBase)plot.Axes.Left).LabelText, axisTexts);
            }
            if (legend)
            {
                var legendPlot = plots[^1].plot;
                Assert.True(legendPlot.Legend.IsVisible);
                Assert.Equal(model.Texts(model.Groups("legend").Single()).Select(t => t.Text), legendPlot.Legend.ManualItems.Select(i => i.LabelText));
                Assert.All(legendPlot.Legend.ManualItems, i => Assert.NotNull(i.MarkerStyle.CustomRenderer));
            }
        }
    }

    [Fact]
    public void ScottPlot_draws_the_ticks_where_the_model_has_them_and_the_data_in_axis_units()
    {
        // Anti-dsDNA is on a log axis: ScottPlot's y axis runs in log10 units, its ticks at log10 of the labelled values.
        var scene = FigureScene.Of(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        var model = new SceneFigure(scene.ToXml().ToString());
        var (plot, _) = ScottPlotRenderer.Plots(scene)[1];
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(scene.Width), (int)Math.Ceiling(scene.Height)));
        plot.Render(surface.Canvas, new PixelRect(0, (float)scene.Width, (float)scene.Height, 0));
        var area = DataAreas(model)[0];
        var rendered = plot.RenderManager.LastRender.DataRect;
        Assert.Equal(area.Left, rendered.Left, 1);
        Assert.Equal(area.Top, rendered.Top, 1);
        Assert.Equal(area.Bottom, rendered.Bottom, 1);
        var limits = plot.Axes.GetLimits();
        Assert.InRange(limits.Top, Math.Log10(620), 3.2); // log10 units: the highest value is 620
        foreach (var tick in model.Groups("y-tick", model.Panels[0]))
        {
            double value = double.Parse((string)tick.Attribute("data-key")!, CultureInfo.InvariantCulture);
            float y = plot.Axes.Left.GetPixel(Math.Log10(value), rendered);
            Assert.Equal(D(tick.Element("line")!, "y1"), y, 1);
        }
    }

    [Fact]
    public void Panels_of_a_row_share_their_data_areas_top_and_height_and_of_a_column_their_left_and_width()
    {
        var crowded = FigureTestData.Figure1Panels().Select((p, i) => i == 0 ? p with { Outcome = "Anti-double-stranded DNA antibodies" } : p).ToArray();
        foreach (var figure in new IFigure[]
        {
            FigureTestData.Figure1(FigureStyle.DoubleColumn),
            FigureTestData.Figure1(FigureStyle.DoubleColumn) with { Panels = crowded, Rows = 1, Columns = 4 },
            new SpaghettiFigure { Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders() },
        })
        {
            var model = new SceneFigure(SceneFigure.Xml(figure));
            Assert.Empty(model.TextProblems());
            var areas = DataAreas(model);
            var cells = model.Panels.Select(SceneFigure.Bounds).ToList();
            for (int i = 0; i < areas.Count; i++)
                for (int j = 0; j < areas.Count; j++)
                {
                    if (Math.Abs(cells[i].Top - cells[j].Top) < 0.01)
                    {
                        Assert.Equal(areas[i].Top, areas[j].Top, 2);
                        Assert.Equal(areas[i].Bottom, areas[j].Bottom, 2);
                    }
                    if (Math.Abs(cells[i].Left - cells[j].Left) < 0.01)
                    {
                        Assert.Equal(areas[i].Left, areas[j].Left, 2);
                        Assert.Equal(areas[i].Right, areas[j].Right, 2);
                    }
                }
        }
    }

    [Fact]
    public void ScottPlots_axes_and_legend_draw_their_ink_inside_the_boxes_the_model_gives_them()
    {
        // Each panel's plot and the legend's plot rendered alone at 4 px per point: every dark pixel lies in the data
        // area, on an axis line or tick, or inside the box the model (and its overlap checks) gave a text or glyph;
        // and every text of the axes and legend left ink inside its box.
        const float scale = 4;
        foreach (var figure in new IFigure[] { FigureTestData.Figure1(FigureStyle.DoubleColumn), GroupedFigureTestData.Figure(FigureStyle.SingleColumn.Greyscale() with { PanelHeightMm = 70 }) })
        {
            var scene = FigureScene.Of(figure);
            var model = new SceneFigure(scene.ToXml().ToString());
            var plots = ScottPlotRenderer.Plots(scene);
            var areas = DataAreas(model);
            for (int k = 1; k < plots.Count; k++)
            {
                var (plot, rect) = plots[k];
                bool isLegend = k == plots.Count - 1 && model.Groups("legend").Any();
                var group = isLegend ? model.Groups("legend").Single() : model.Groups("axes", model.Panels[k - 1]).Single();
                var texts = model.Texts(group).Select(t => t.Box).ToList();
                var allowed = texts.Select(b => b.Inflate(0.5)).ToList();
                if (isLegend)
                    allowed.AddRange(model.Groups("legend-item", group).Select(i => Glyph(i).Inflate(1.5)));
                else
                {
                    var a = areas[k - 1];
                    allowed.Add(a.Inflate(0.5));
                    allowed.Add(FigureRect.FromEdges(a.Left - PanelFrame.TickLength - 0.5, a.Top - 0.5, a.Left, a.Bottom + 0.5));
                    allowed.Add(FigureRect.FromEdges(a.Left - 0.5, a.Bottom, a.Right + 0.5, a.Bottom + PanelFrame.TickLength + 0.5));
                }
                using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(scene.Width * scale), (int)Math.Ceiling(scene.Height * scale)));
                surface.Canvas.Clear(SKColors.White);
                plot.ScaleFactor = scale;
                plot.RenderManager.ClearCanvasBeforeEachRender = false;
                surface.Canvas.Save();
                plot.Render(surface.Canvas, new PixelRect((float)rect.Left, (float)rect.Right, (float)rect.Bottom, (float)rect.Top));
                surface.Canvas.Restore();
                using var image = surface.Snapshot();
                using var bitmap = SKBitmap.FromImage(image);
                var inked = new bool[texts.Count];
                for (int y = 0; y < bitmap.Height; y++)
                    for (int x = 0; x < bitmap.Width; x++)
                    {
                        var c = bitmap.GetPixel(x, y);
                        if (Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 140) continue;
                        double px = (x + 0.5) / scale, py = (y + 0.5) / scale;
                        bool Inside(FigureRect r) => px >= r.Left && px <= r.Right && py >= r.Top && py <= r.Bottom;
                        Assert.True(allowed.Any(Inside), $"{figure.Title}, plot {k}: ink at ({px:F1}, {py:F1}) pt outside every box the model gives");
                        for (int t = 0; t < texts.Count; t++) if (Inside(texts[t])) inked[t] = true;
                    }
                Assert.All(Enumerable.Range(0, texts.Count), t => Assert.True(inked[t], $"{figure.Title}, plot {k}: no ink in the box of '{model.Texts(group)[t].Text}'"));
            }
        }
    }

    /// <summary>The box of a legend entry's glyph: around all its drawn elements (not its text).</summary>
    static FigureRect Glyph(XElement item)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var e in item.Elements())
            switch (e.Name.LocalName)
            {
                case "line": xs.AddRange(new[] { D(e, "x1"), D(e, "x2") }); ys.AddRange(new[] { D(e, "y1"), D(e, "y2") }); break;
                case "rect": xs.AddRange(new[] { D(e, "x"), D(e, "x") + D(e, "width") }); ys.AddRange(new[] { D(e, "y"), D(e, "y") + D(e, "height") }); break;
                case "circle": xs.AddRange(new[] { D(e, "cx") - D(e, "r"), D(e, "cx") + D(e, "r") }); ys.AddRange(new[] { D(e, "cy") - D(e, "r"), D(e, "cy") + D(e, "r") }); break;
                case "polygon" or "polyline":
                    foreach (var p in e.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')))
                    {
                        xs.Add(double.Parse(p[0], CultureInfo.InvariantCulture));
                        ys.Add(double.Parse(p[1], CultureInfo.InvariantCulture));
                    }
                    break;
            }
        return FigureRect.FromEdges(xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }
}
