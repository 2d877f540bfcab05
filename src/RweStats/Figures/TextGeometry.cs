namespace RweStats.Figures;

/// <summary>
/// Where a text's baseline starts and which box it covers, for a given anchor, baseline and rotation: the one
/// computation that layout, the SVG and PDF backends and the overlap checks share, so they cannot disagree.
/// The box is the advance width by the hhea line box (ascender to descender), rotated and then bounded.
/// </summary>
public static class TextGeometry
{
    /// <summary>Offset from the anchor point to the baseline, across the text (before rotation), in points.</summary>
    public static double BaselineShift(FigureFonts fonts, TextStyle style, TextBaseline baseline) => baseline switch
    {
        TextBaseline.Alphabetic => 0,
        TextBaseline.Top => fonts.Ascent(style),
        TextBaseline.Bottom => -fonts.Descent(style),
        TextBaseline.Middle => (fonts.Ascent(style) - fonts.Descent(style)) / 2,
        _ => throw new ArgumentOutOfRangeException(nameof(baseline)),
    };

    /// <summary>Offset from the anchor point to where the text starts, along the text (before rotation).</summary>
    public static double AnchorShift(double width, TextAnchor anchor) => anchor switch
    {
        TextAnchor.Start => 0,
        TextAnchor.Middle => -width / 2,
        TextAnchor.End => -width,
        _ => throw new ArgumentOutOfRangeException(nameof(anchor)),
    };

    /// <summary>
    /// The baseline point that, drawn with the given anchor along the text and rotated about
    /// <paramref name="at"/>, reproduces the requested placement: backends draw at this point, rotated about
    /// <paramref name="at"/>, with the anchor's horizontal alignment.
    /// </summary>
    public static FigurePoint BaselinePoint(FigureFonts fonts, TextStyle style, FigurePoint at, TextBaseline baseline) =>
        new(at.X, at.Y + BaselineShift(fonts, style, baseline));

    /// <summary>The axis-aligned box around the rotated text's line box.</summary>
    public static FigureRect Bounds(FigureFonts fonts, string text, TextStyle style, FigurePoint at,
        TextAnchor anchor, TextBaseline baseline, double rotationDegrees)
    {
        double w = fonts.Width(text, style);
        double x0 = AnchorShift(w, anchor), x1 = x0 + w;
        double b = BaselineShift(fonts, style, baseline);
        double y0 = b - fonts.Ascent(style), y1 = b + fonts.Descent(style);
        if (rotationDegrees == 0) return FigureRect.FromEdges(at.X + x0, at.Y + y0, at.X + x1, at.Y + y1);
        double a = rotationDegrees * Math.PI / 180, c = Math.Cos(a), s = Math.Sin(a);
        // Exact zeros for the quarter turns keep boxes of vertical labels exact.
        if (Math.Abs(c) < 1e-12) c = 0;
        if (Math.Abs(s) < 1e-12) s = 0;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (dx, dy) in new[] { (x0, y0), (x1, y0), (x0, y1), (x1, y1) })
        {
            double rx = dx * c - dy * s, ry = dx * s + dy * c;
            minX = Math.Min(minX, rx); maxX = Math.Max(maxX, rx);
            minY = Math.Min(minY, ry); maxY = Math.Max(maxY, ry);
        }
        return FigureRect.FromEdges(at.X + minX, at.Y + minY, at.X + maxX, at.Y + maxY);
    }
}
