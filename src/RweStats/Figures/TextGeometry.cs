namespace RweStats.Figures;

/// <summary>
/// Where a text's baseline starts and which box it covers, for a given anchor, baseline and rotation: the one
/// computation that layout, the renderer (<see cref="FigureTextPlottable"/>) and the overlap checks share, so they cannot disagree.
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

    /// <summary>The four corners of the text's line box after rotation, in drawing order around the box.</summary>
    public static FigurePoint[] Corners(FigureFonts fonts, string text, TextStyle style, FigurePoint at,
        TextAnchor anchor, TextBaseline baseline, double rotationDegrees)
    {
        double w = fonts.Width(text, style);
        double x0 = AnchorShift(w, anchor), x1 = x0 + w;
        double b = BaselineShift(fonts, style, baseline);
        double y0 = b - fonts.Ascent(style), y1 = b + fonts.Descent(style);
        double a = rotationDegrees * Math.PI / 180, c = Math.Cos(a), s = Math.Sin(a);
        // Exact zeros for the quarter turns keep boxes of vertical labels exact.
        if (Math.Abs(c) < 1e-12) c = 0;
        if (Math.Abs(s) < 1e-12) s = 0;
        return new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1) }
            .Select(p => new FigurePoint(at.X + p.Item1 * c - p.Item2 * s, at.Y + p.Item1 * s + p.Item2 * c)).ToArray();
    }

    /// <summary>The axis-aligned box around the rotated text's line box.</summary>
    public static FigureRect Bounds(FigureFonts fonts, string text, TextStyle style, FigurePoint at,
        TextAnchor anchor, TextBaseline baseline, double rotationDegrees) =>
        Enclose(Corners(fonts, text, style, at, anchor, baseline, rotationDegrees));

    public static FigureRect Enclose(IReadOnlyList<FigurePoint> corners) =>
        FigureRect.FromEdges(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y));

    /// <summary>
    /// Whether two convex quadrilaterals (text boxes, possibly rotated) overlap by more than <paramref name="tolerance"/>,
    /// by the separating axis theorem: they are apart if their projections on some edge normal are. Turned labels are
    /// compared as the slanted strips they are, not as their much larger axis-aligned boxes.
    /// </summary>
    public static bool Overlap(IReadOnlyList<FigurePoint> a, IReadOnlyList<FigurePoint> b, double tolerance = 0)
    {
        foreach (var poly in new[] { a, b })
            for (int i = 0; i < poly.Count; i++)
            {
                var p = poly[i];
                var q = poly[(i + 1) % poly.Count];
                double nx = q.Y - p.Y, ny = p.X - q.X, len = Math.Sqrt(nx * nx + ny * ny);
                if (len == 0) continue;
                nx /= len; ny /= len;
                double aMin = a.Min(v => v.X * nx + v.Y * ny), aMax = a.Max(v => v.X * nx + v.Y * ny);
                double bMin = b.Min(v => v.X * nx + v.Y * ny), bMax = b.Max(v => v.X * nx + v.Y * ny);
                if (aMax <= bMin + tolerance || bMax <= aMin + tolerance) return false;
            }
        return true;
    }
}
