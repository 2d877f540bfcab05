using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// One figure page as a ScottPlot <see cref="Multiplot"/>, in points: the panels' plots in a rows × columns grid (A B / C D)
/// above an optional legend plot. ScottPlot's layout engine measures each panel in its cell, then the data areas are
/// lined up (<see cref="LayoutManager.Fixed(PixelRect)"/>) down each column and along each row. Rendering scales the
/// canvas by dpi/72 with every plot's ScaleFactor at 1, so one Multiplot draws a PNG at any dpi, an SVG and a PDF.
/// </summary>
public sealed class FigurePage(Multiplot multiplot, IReadOnlyList<Plot> panels, Plot? legend, double width, double height, string title) : IDisposable
{
    /// <summary>Outer margin in points: keeps strokes at the page edge (axis lines, points on the frame) inside the page.</summary>
    public const double MarginPt = 2;

    /// <summary>The ScottPlot page: the panels' plots in a grid above the legend.</summary>
    public Multiplot Multiplot { get; } = multiplot;
    /// <summary>The panels' plots, A first.</summary>
    public IReadOnlyList<Plot> Panels { get; } = panels;
    /// <summary>The plot that draws the legend strip; null without a legend.</summary>
    public Plot? Legend { get; } = legend;
    /// <summary>Page width, pt.</summary>
    public double Width { get; } = width;
    /// <summary>Page height, pt.</summary>
    public double Height { get; } = height;
    /// <summary>What the figure shows, for the PDF's title field.</summary>
    public string Title { get; } = title;

    /// <summary>Rows × columns for <paramref name="panels"/> panels: the given layout, or about square (4 → 2×2, 3 → 1×3, 6 → 2×3).</summary>
    public static (int rows, int columns) Shape(int panels, int? rows, int? columns)
    {
        if (panels < 1) throw new RweStatsInputException("a figure needs at least one panel");
        if (rows < 1 || columns < 1) throw new RweStatsInputException("layout rows and columns must be at least 1");
        int c = columns ?? (rows is { } r ? (panels + r - 1) / r : panels <= 3 ? panels : panels == 4 ? 2 : 3);
        int n = rows ?? (panels + c - 1) / c;
        if (n * c < panels) throw new RweStatsInputException($"a {n}×{c} layout has no room for {panels} panels");
        return (n, c);
    }

    /// <summary>Width of a panel cell in points for a grid of <paramref name="columns"/> columns.</summary>
    public static double CellWidth(FigureStyle style, int columns) =>
        (style.WidthPt - 2 * MarginPt - (columns - 1) * FigureUnits.MmToPt(style.PanelGapMm)) / columns;

    /// <summary>Lays the panels out in <paramref name="rowCount"/> × <paramref name="columnCount"/> (<see cref="Shape"/>) and composes the page (the plots are owned by the page from then on).</summary>
    public static FigurePage Create(FigureStyle style, string title, IReadOnlyList<Plot> panels, int? rowCount, int? columnCount,
        IReadOnlyList<LegendItem> legendItems, double? panelHeightPt = null)
    {
        var (rows, columns) = Shape(panels.Count, rowCount, columnCount);
        double width = style.WidthPt, gap = FigureUnits.MmToPt(style.PanelGapMm);
        double cellW = CellWidth(style, columns);
        if (cellW < 60) throw new RweStatsInputException($"{columns} panels side by side leave {FigureUnits.PtToMm(cellW):0} mm each; use fewer columns or a wider figure");
        double cellH = panelHeightPt ?? (style.PanelHeightMm is { } h ? FigureUnits.MmToPt(h) : cellW * style.PanelAspect);
        double gridBottom = MarginPt + (rows - 1) * (cellH + gap) + cellH;

        using var paint = Paint.NewDisposablePaint();
        Plot? legend = null;
        double height = gridBottom + MarginPt;
        if (style.ShowLegend && legendItems.Count > 0)
        {
            legend = LegendPlot(style, legendItems);
            var size = legend.Legend.GetLayout(new PixelSize((float)(width - 2 * MarginPt), 100_000f), paint).LegendRect;
            double top = gridBottom + 0.75 * gap;
            height = top + size.Height + MarginPt;
            legend.Layout.Fixed(new PixelRect((float)MarginPt, (float)(width - MarginPt), (float)(height - MarginPt), (float)top));
        }

        // Tiles cover the page (each plot paints its own white background; ScottPlot's Multiplot clears the canvas first)
        // and overlap by a point, so that no anti-aliased seam shows where two tiles meet; the cells sit inside them.
        List<PixelRect> tiles = [], cells = [], measured = [];
        for (int k = 0; k < panels.Count; k++)
        {
            int i = k / columns, j = k % columns;
            double l = MarginPt + j * (cellW + gap), t = MarginPt + i * (cellH + gap);
            cells.Add(new PixelRect((float)l, (float)(l + cellW), (float)(t + cellH), (float)t));
            // Outer tiles reach a point past the page, so that the page's edge pixels are white too.
            tiles.Add(new PixelRect(
                j == 0 ? -1 : (float)(l - gap / 2 - 0.5), j == columns - 1 ? (float)width + 1 : (float)(l + cellW + gap / 2 + 0.5),
                k + columns >= panels.Count ? (float)gridBottom + (legend is null ? (float)MarginPt + 1 : 0.5f) : (float)(t + cellH + gap / 2 + 0.5),
                i == 0 ? -1 : (float)(t - gap / 2 - 0.5)));
            // ScottPlot measures the panel in its cell, with the bracket band as part of what lies above the data area.
            foreach (var brackets in panels[k].GetPlottables<PValueBrackets>()) brackets.ReserveBand(panels[k], cells[k].Width);
            measured.Add(new ScottPlot.LayoutEngines.Automatic().GetLayout(cells[k], panels[k], paint).DataRect);
        }
        for (int k = 0; k < panels.Count; k++)
        {
            var column = measured.Where((_, q) => q % columns == k % columns).ToList();
            var row = measured.Where((_, q) => q / columns == k / columns).ToList();
            // Room on the right for the last x tick label's overhang.
            var data = new PixelRect(column.Max(m => m.Left), cells[k].Right - (float)(0.4 * style.FontSizePt), row.Min(m => m.Bottom), row.Max(m => m.Top));
            panels[k].Layout.Fixed(data);
            // The heading's left end at the cell's left edge (PanelPlot.Create).
            panels[k].Axes.Title.Label.OffsetX = cells[k].Left - (tiles[k].Left + data.Right) / 2;
        }

        var multiplot = new Multiplot(panels[0]);
        foreach (var p in panels.Skip(1)) multiplot.AddPlot(p);
        if (legend is not null)
        {
            multiplot.AddPlot(legend);
            tiles.Add(new PixelRect(-1, (float)width + 1, (float)height + 1, (float)gridBottom - 0.5f));
        }
        multiplot.Layout = new FixedTiles(tiles);
        return new FigurePage(multiplot, panels, legend, width, height, title);
    }

    /// <summary>ScottPlot's legend, horizontal and wrapped, centred in a frameless plot of its own.</summary>
    static Plot LegendPlot(FigureStyle style, IReadOnlyList<LegendItem> items)
    {
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var legend = plot.Legend;
        legend.Orientation = Orientation.Horizontal;
        legend.Alignment = Alignment.UpperCenter;
        legend.TightHorizontalWrapping = true;
        legend.Margin = new PixelPadding(0);
        legend.Padding = new PixelPadding(0);
        legend.SymbolWidth = FigureLegend.SymbolWidth;
        legend.SymbolPadding = 4;
        legend.InterItemPadding = new PixelPadding(0, 10, 2, 0);
        legend.OutlineStyle.IsVisible = false;
        legend.BackgroundFillStyle.Color = Colors.Transparent;
        legend.ShadowFillStyle.Color = Colors.Transparent;
        legend.FontName = FigureFonts.FamilyName;
        legend.FontSize = (float)style.SmallFontPt;
        legend.FontColor = style.Palette.Ink;
        legend.ManualItems = items.ToList();
        return plot;
    }

    /// <summary>The page's tiles, fixed when the page was laid out (the Multiplot's layout).</summary>
    sealed class FixedTiles(IReadOnlyList<PixelRect> tiles) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect) => tiles.ToArray();
    }

    /// <summary>Draws the page on a canvas whose units are <paramref name="scale"/> device units per point.</summary>
    public void Render(SKCanvas canvas, double scale)
    {
        var page = new PixelRect(0, (float)Width, (float)Height, 0);
        // ScottPlot renders a plot again when its axis limits changed since its last render, as they do on the first:
        // a first render that draws nothing makes the real one a single pass (no translucent element drawn twice).
        using (var nothing = new SKNoDrawCanvas((int)Math.Ceiling(Width), (int)Math.Ceiling(Height)))
            Multiplot.Render(nothing, page);
        int saved = canvas.Save();
        canvas.Scale((float)scale);
        Multiplot.Render(canvas, page);
        canvas.RestoreToCount(saved);
    }

    /// <summary>The label styles of the page's panels with the texts each draws (tick labels as of the last render).</summary>
    IEnumerable<(LabelStyle Style, IEnumerable<string> Texts)> Labels()
    {
        foreach (var plot in Panels)
        {
            yield return (plot.Axes.Title.Label, new[] { plot.Axes.Title.Label.Text });
            foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Top })
            {
                yield return (axis.Label, new[] { axis.Label.Text });
                yield return (axis.TickLabelStyle, axis.TickGenerator.Ticks.Select(t => t.Label));
            }
            foreach (var b in plot.GetPlottables<PValueBrackets>()) yield return (b.LabelStyle, b.Items.Select(i => i.Label));
        }
    }

    /// <summary>Every text the page draws; tick labels are ScottPlot's, so the page is rendered once (drawing nothing) first.</summary>
    public IReadOnlyList<string> Texts()
    {
        using (var nothing = new SKNoDrawCanvas((int)Math.Ceiling(Width), (int)Math.Ceiling(Height)))
            Render(nothing, 1);
        return Labels().SelectMany(l => l.Texts).Concat(Legend?.Legend.ManualItems.Select(i => i.LabelText) ?? Enumerable.Empty<string>()).ToList();
    }

    /// <summary>
    /// For a PDF: every text in the font ScottPlot resolves by <paramref name="font"/> (a subset of the shipped face) and
    /// circle markers as four Béziers (<see cref="PanelPlot.CircleMarker"/>); null: back to the shipped face and ScottPlot's circles.
    /// </summary>
    internal void ForPdf(string? font)
    {
        foreach (var (style, _) in Labels()) style.FontName = font ?? FigureFonts.FamilyName;
        if (Legend is not null) Legend.Legend.FontName = font ?? FigureFonts.FamilyName;
        foreach (var markers in Panels.SelectMany(p => p.GetPlottables<ScottPlot.Plottables.Markers>()).Where(m => m.MarkerShape == MarkerShape.FilledCircle))
            markers.MarkerStyle.CustomRenderer = font is null ? null : PanelPlot.CircleMarker.Instance;
    }

    /// <summary>Disposes the plots.</summary>
    public void Dispose()
    {
        foreach (var p in Multiplot.GetPlots()) p.Dispose();
    }
}
