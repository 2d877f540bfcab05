namespace RweStats.Figures;

public enum LegendGlyph { Box, Points, Trajectory, LsMean, Band, Line, Group, MissedVisit, SharedLine }

public sealed record LegendItem(LegendGlyph Glyph, string Label, FigureColor Color)
{
    /// <summary>The group's point marker (<see cref="LegendGlyph.Group"/>).</summary>
    public MarkerShape Marker { get; init; }
    /// <summary>The group's line dash pattern (<see cref="LegendGlyph.Group"/>); empty: solid.</summary>
    public IReadOnlyList<double> Dash { get; init; } = Array.Empty<double>();
}

/// <summary>
/// A legend strip under the panels: glyph + label items flowing left to right, wrapped onto as many centred lines
/// as the width needs. Labels too long for a whole line are shortened with an ellipsis rather than overflow.
/// </summary>
public static class FigureLegend
{
    const double GlyphWidth = 12, GlyphGap = 3, ItemGap = 10, LinePad = 3;

    static double LineHeight(FigureStyle style, FigureFonts fonts) => fonts.LineHeight(style.Small) + LinePad;

    static List<List<(LegendItem item, string label, double width)>> Lines(IReadOnlyList<LegendItem> items, double width, FigureStyle style, FigureFonts fonts)
    {
        var lines = new List<List<(LegendItem, string, double)>>();
        var line = new List<(LegendItem, string, double)>();
        double used = 0;
        foreach (var item in items)
        {
            var label = fonts.Fit(item.Label, style.Small, width - GlyphWidth - GlyphGap);
            double w = GlyphWidth + GlyphGap + fonts.Width(label, style.Small);
            double need = line.Count == 0 ? w : used + ItemGap + w;
            if (line.Count > 0 && need > width)
            {
                lines.Add(line);
                line = new();
                need = w;
            }
            line.Add((item, label, w));
            used = need;
        }
        if (line.Count > 0) lines.Add(line);
        return lines;
    }

    public static double Height(IReadOnlyList<LegendItem> items, double width, FigureStyle style, FigureFonts fonts) =>
        items.Count == 0 ? 0 : Lines(items, width, style, fonts).Count * LineHeight(style, fonts);

    public static void Draw(IFigureCanvas canvas, TextLedger ledger, FigureRect area, IReadOnlyList<LegendItem> items, FigureStyle style, FigureFonts fonts)
    {
        canvas.BeginGroup(new FigureGroup("legend", Bounds: area));
        double lh = LineHeight(style, fonts), y = area.Top;
        foreach (var line in Lines(items, area.Width, style, fonts))
        {
            double total = line.Sum(i => i.width) + ItemGap * (line.Count - 1);
            double x = area.Left + (area.Width - total) / 2, cy = y + lh / 2;
            foreach (var (item, label, w) in line)
            {
                canvas.BeginGroup(new FigureGroup("legend-item", item.Glyph.ToString()));
                Glyph(canvas, item, new FigureRect(x, cy - 4, GlyphWidth, 8), style);
                ledger.Text(canvas, area, label, new FigurePoint(x + GlyphWidth + GlyphGap, cy), style.Small, TextAnchor.Start, TextBaseline.Middle);
                canvas.EndGroup();
                x += w + ItemGap;
            }
            y += lh;
        }
        canvas.EndGroup();
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
