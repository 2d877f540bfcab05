using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

public enum LegendGlyph { Box, Points, Trajectory, LsMean, Band, Line, Group, MissedVisit, SharedLine }

public sealed record LegendItem(LegendGlyph Glyph, string Label, FigureColor Color)
{
    /// <summary>The group's point marker (<see cref="LegendGlyph.Group"/>).</summary>
    public MarkerShape Marker { get; init; }
    /// <summary>The group's line dash pattern (<see cref="LegendGlyph.Group"/>); empty: solid.</summary>
    public IReadOnlyList<double> Dash { get; init; } = Array.Empty<double>();
}

/// <summary>A legend entry where ScottPlot's legend layout put it: its glyph's box and its label's anchor (start, middle).</summary>
public sealed record PlacedLegendItem(LegendItem Item, string Label, FigureRect Symbol, PlacedText Text);

/// <summary>The legend strip under the panels as ScottPlot lays it out, inside <paramref name="Area"/>.</summary>
public sealed record LegendBlock(FigureRect Area, FigureStyle Style, IReadOnlyList<PlacedLegendItem> Items);

/// <summary>
/// The legend under the panels, drawn by ScottPlot's <see cref="Legend"/>: one <see cref="ScottPlot.LegendItem"/> per
/// entry, laid out horizontally and wrapped onto as many lines as the width needs (ScottPlot's wrapping layout, items
/// packed tightly, the block centred), labels in the shipped font. Each entry's symbol is its glyph (box, points,
/// trajectory, LS mean with CI, band, group line and marker, dashed or wider line), drawn by a custom ScottPlot marker
/// (<see cref="IMarker"/>) from the same drawing the figure model records. The page height is laid out with the same
/// ScottPlot layout, so the legend fits the strip reserved for it. Labels too long for a whole line are shortened
/// with an ellipsis rather than overflow.
/// </summary>
public static class FigureLegend
{
    const double GlyphWidth = 12, GlyphHeight = 8, GlyphGap = 3, ItemGap = 10, LinePad = 3;

    /// <summary>A ScottPlot legend holding the items, configured as the figure draws it.</summary>
    internal static Legend Configure(Legend legend, IReadOnlyList<(LegendItem item, string label)> items, FigureStyle style)
    {
        FigureTypefaces.EnsureRegistered();
        legend.IsVisible = true;
        legend.Orientation = Orientation.Horizontal;
        legend.Alignment = Alignment.UpperCenter;
        legend.TightHorizontalWrapping = true;
        legend.Margin = new PixelPadding(0);
        legend.Padding = new PixelPadding(0);
        legend.SymbolWidth = (float)GlyphWidth;
        legend.SymbolHeight = (float)GlyphHeight;
        legend.SymbolPadding = (float)GlyphGap;
        legend.InterItemPadding = new PixelPadding(0, (float)ItemGap, (float)LinePad, 0);
        legend.OutlineStyle.IsVisible = false;
        legend.OutlineStyle.Width = 0;
        legend.BackgroundFillStyle.Color = Colors.Transparent;
        legend.ShadowFillStyle.Color = Colors.Transparent;
        legend.DisplayPlottableLegendItems = false;
        legend.FontName = FigureFonts.FamilyName;
        legend.FontSize = (float)style.Small.SizePt;
        legend.FontColor = ToColor(style.Palette.Ink);
        // Labels are centred on their line as the layout centres them (hhea ascender and descender).
        float labelOffset = (float)ScottPlotPanels.BaselineCorrection(style.Small, Alignment.MiddleLeft, TextBaseline.Middle);
        legend.ManualItems = items.Select(i =>
        {
            var entry = new ScottPlot.LegendItem { LabelText = i.label };
            entry.LineStyle = new LineStyle { Width = 0, IsVisible = false };
            entry.FillStyle = new FillStyle { Color = Colors.Transparent };
            entry.OutlineStyle = new LineStyle { Width = 0, IsVisible = false };
            entry.ArrowStyle = new ArrowStyle { IsVisible = false };
            entry.MarkerStyle = new MarkerStyle { IsVisible = true, Size = (float)GlyphHeight, CustomRenderer = new GlyphMarker(i.item, style) };
            entry.LabelStyle.Bold = false;
            entry.LabelStyle.OffsetY = labelOffset;
            return entry;
        }).ToList();
        return legend;
    }

    static Color ToColor(FigureColor c) => new(c.R, c.G, c.B);

    /// <summary>ScottPlot measures text with unhinted, linear advance widths of the shipped face, as the layout does.</summary>
    internal static void UseLinearMetrics(Paint paint)
    {
        paint.SKFont.Hinting = SKFontHinting.None;
        paint.SKFont.LinearMetrics = true;
        paint.SKFont.Subpixel = true;
    }

    static List<(LegendItem item, string label)> Fitted(IReadOnlyList<LegendItem> items, double width, FigureStyle style, FigureFonts fonts) =>
        items.Select(i => (i, fonts.Fit(i.Label, style.Small, width - GlyphWidth - GlyphGap))).ToList();

    /// <summary>Where ScottPlot's legend puts the items inside <paramref name="area"/> (its height may be left 0 to measure).</summary>
    public static LegendBlock Layout(IReadOnlyList<LegendItem> items, FigureRect area, FigureStyle style, FigureFonts fonts)
    {
        var fitted = Fitted(items, area.Width, style, fonts);
        var legend = Configure(new Plot().Legend, fitted, style);
        using var paint = Paint.NewDisposablePaint();
        UseLinearMetrics(paint);
        var layout = legend.GetLayout(new PixelSize((float)area.Width, 100_000f), paint);
        // Aligned as Legend.Render aligns it: centred at the top of the area.
        double dx = area.Left + (area.Width - layout.LegendRect.Width) / 2 - layout.LegendRect.Left, dy = area.Top - layout.LegendRect.Top;
        var placed = fitted.Select((f, k) =>
        {
            var s = layout.SymbolRects[k];
            var l = layout.LabelRects[k];
            var symbol = FigureRect.FromEdges(s.Left + dx, s.Top + dy, s.Right + dx, s.Bottom + dy);
            var text = new PlacedText(f.label, new(l.Left + dx, (l.Top + l.Bottom) / 2 + dy), style.Small, TextAnchor.Start, TextBaseline.Middle);
            return new PlacedLegendItem(f.item, f.label, symbol, text);
        }).ToList();
        return new LegendBlock(area with { Height = layout.LegendRect.Height }, style, placed);
    }

    /// <summary>Height of the legend for a strip of the given width.</summary>
    public static double Height(IReadOnlyList<LegendItem> items, double width, FigureStyle style, FigureFonts fonts) =>
        items.Count == 0 ? 0 : Layout(items, new FigureRect(0, 0, width, 0), style, fonts).Area.Height;

    /// <summary>Records the legend in the strip (ScottPlot draws it) and checks its labels with the figure's other texts.</summary>
    public static void Draw(IFigureCanvas canvas, TextLedger ledger, FigureRect area, IReadOnlyList<LegendItem> items, FigureStyle style, FigureFonts fonts)
    {
        var block = Layout(items, area, style, fonts);
        canvas.Legend(block);
        foreach (var p in block.Items) ledger.Record(area, p.Text);
    }

    /// <summary>The legend for the figure model: per entry a "legend-item" group (data-key = glyph) with its glyph and label.</summary>
    public static void Describe(IFigureCanvas canvas, LegendBlock legend)
    {
        foreach (var p in legend.Items)
        {
            canvas.BeginGroup(new FigureGroup("legend-item", p.Item.Glyph.ToString()));
            var g = new FigureRect(p.Symbol.CenterX - GlyphWidth / 2, p.Symbol.CenterY - GlyphHeight / 2, GlyphWidth, GlyphHeight);
            Glyph(canvas, p.Item, g, legend.Style);
            canvas.Text(p.Text.Text, p.Text.At, p.Text.Style, p.Text.Anchor, p.Text.Baseline);
            canvas.EndGroup();
        }
    }

    /// <summary>
    /// An entry's symbol as a ScottPlot marker: the glyph recorded once around (0, 0) and painted at the symbol's centre
    /// with SkiaSharp (dashes as geometry, as everywhere, so PNG, SVG and PDF show the same).
    /// </summary>
    sealed class GlyphMarker : IMarker
    {
        readonly IReadOnlyList<SceneNode> _nodes;

        public GlyphMarker(LegendItem item, FigureStyle style)
        {
            var recorder = FigureScene.Recorder(GlyphWidth, GlyphHeight);
            Glyph(recorder, item, new FigureRect(-GlyphWidth / 2, -GlyphHeight / 2, GlyphWidth, GlyphHeight), style);
            _nodes = recorder.Nodes.ToList();
        }

        public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle) =>
            SkiaScenePainter.Draw(canvas, _nodes, center.X, center.Y);
    }

    static void Glyph(IFigureCanvas canvas, LegendItem item, FigureRect g, FigureStyle style)
    {
        var ink = style.Palette.Ink;
        switch (item.Glyph)
        {
            case LegendGlyph.Box:
                canvas.Line(new(g.CenterX, g.Top - 1), new(g.CenterX, g.Bottom + 1), new Stroke(item.Color, 0.6));
                canvas.Rectangle(FigureRect.FromEdges(g.Left + 2, g.Top + 1.5, g.Right - 2, g.Bottom - 1.5), new Fill(item.Color, 0.18), new Stroke(item.Color, 0.7));
                canvas.Line(new(g.Left + 2, g.CenterY), new(g.Right - 2, g.CenterY), new Stroke(item.Color, 1.3));
                break;
            case LegendGlyph.Points:
                canvas.Circle(new(g.Left + 3, g.CenterY + 1.5), 1.4, new Fill(item.Color, 0.85), null);
                canvas.Circle(new(g.Right - 3, g.CenterY - 1.5), 1.4, new Fill(item.Color, 0.85), null);
                break;
            case LegendGlyph.Trajectory:
                canvas.Line(new(g.Left + 3, g.CenterY + 1.5), new(g.Right - 3, g.CenterY - 1.5), new Stroke(style.Palette.Trajectory, 0.5));
                canvas.Circle(new(g.Left + 3, g.CenterY + 1.5), 1.4, new Fill(item.Color, 0.85), null);
                canvas.Circle(new(g.Right - 3, g.CenterY - 1.5), 1.4, new Fill(item.Color, 0.85), null);
                break;
            case LegendGlyph.LsMean:
                canvas.Line(new(g.CenterX, g.Top), new(g.CenterX, g.Bottom), new Stroke(ink, 0.8));
                canvas.Line(new(g.CenterX - 1.5, g.Top), new(g.CenterX + 1.5, g.Top), new Stroke(ink, 0.8));
                canvas.Line(new(g.CenterX - 1.5, g.Bottom), new(g.CenterX + 1.5, g.Bottom), new Stroke(ink, 0.8));
                canvas.Polygon(Diamond(new(g.CenterX, g.CenterY), 2.2), new Fill(ink), new Stroke(FigureColor.White, 0.3));
                break;
            case LegendGlyph.Band:
                canvas.Rectangle(g, new Fill(item.Color, style.Palette.BandOpacity), null);
                break;
            case LegendGlyph.Line:
                canvas.Line(new(g.Left, g.CenterY), new(g.Right, g.CenterY), new Stroke(item.Color, 1.2));
                break;
            case LegendGlyph.MissedVisit:
                canvas.Line(new(g.Left, g.CenterY), new(g.Right, g.CenterY), new Stroke(item.Color, 0.6).Dashed(1.5, 1.2));
                break;
            case LegendGlyph.SharedLine:
                canvas.Line(new(g.Left, g.CenterY), new(g.Right, g.CenterY), new Stroke(item.Color, 2.0));
                break;
            case LegendGlyph.Group:
                // The group's LS-mean line (dashed on a monochrome palette) through its point marker, in its colour.
                canvas.Line(new(g.Left, g.CenterY), new(g.Right, g.CenterY), new Stroke(item.Color, 0.8) { Dash = item.Dash });
                FigureMarker.Draw(canvas, item.Marker, new(g.CenterX, g.CenterY), 1.8, new Fill(item.Color), new Stroke(FigureColor.White, 0.3));
                break;
        }
    }

    public static FigurePoint[] Diamond(FigurePoint c, double r) =>
        new FigurePoint[] { new(c.X, c.Y - r), new(c.X + r, c.Y), new(c.X, c.Y + r), new(c.X - r, c.Y) };
}
