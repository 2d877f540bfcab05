namespace RweStats.Figures;

/// <summary>
/// Figure coordinates are PostScript points (1/72 inch), origin at the top-left corner, y growing downwards:
/// the convention of SVG user space and of PDF pages as SkiaSharp draws them (<see cref="ScottPlotRenderer"/> turns y up for ScottPlot).
/// </summary>
public static class FigureUnits
{
    public const double PointsPerInch = 72;
    public const double MillimetersPerInch = 25.4;

    public static double MmToPt(double mm) => mm * PointsPerInch / MillimetersPerInch;
    public static double PtToMm(double pt) => pt * MillimetersPerInch / PointsPerInch;
}

public readonly record struct FigurePoint(double X, double Y);

public readonly record struct FigureRect(double X, double Y, double Width, double Height)
{
    public double Left => X;
    public double Top => Y;
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;

    public static FigureRect FromEdges(double left, double top, double right, double bottom) =>
        new(left, top, right - left, bottom - top);

    public FigureRect Inflate(double by) => FromEdges(Left - by, Top - by, Right + by, Bottom + by);

    /// <summary>Strict overlap: rectangles that only touch along an edge do not intersect.</summary>
    public bool Intersects(FigureRect other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>Containment with a tolerance for rounding in the serialized numbers.</summary>
    public bool Contains(FigureRect inner, double tolerance = 1e-6) =>
        inner.Left >= Left - tolerance && inner.Right <= Right + tolerance &&
        inner.Top >= Top - tolerance && inner.Bottom <= Bottom + tolerance;
}
