namespace RweStats.Figures;

/// <summary>Point symbols that tell groups apart without colour (for black-and-white print and colour-blind readers).</summary>
public enum MarkerShape { Circle, Triangle, Square, Diamond, TriangleDown }

public static class FigureMarker
{
    static readonly MarkerShape[] Order = { MarkerShape.Circle, MarkerShape.Triangle, MarkerShape.Square, MarkerShape.Diamond, MarkerShape.TriangleDown };

    /// <summary>The marker of the group at <paramref name="index"/> in display order (cycling after five).</summary>
    public static MarkerShape ForGroup(int index) => Order[index % Order.Length];

    /// <summary>
    /// Dash pattern of the group's lines on a monochrome palette: solid, dashed, dotted, dash-dot, long dash (cycling);
    /// on a colour palette every group's line is solid.
    /// </summary>
    public static IReadOnlyList<double> DashForGroup(int index, FigurePalette palette) => !palette.Monochrome ? Array.Empty<double>() : (index % 5) switch
    {
        0 => Array.Empty<double>(),
        1 => new[] { 3.0, 1.5 },
        2 => new[] { 0.8, 1.2 },
        3 => new[] { 3.0, 1.2, 0.8, 1.2 },
        _ => new[] { 5.0, 2.0 },
    };

    /// <summary>
    /// Draws the marker centred on <paramref name="c"/>, sized so that every shape covers about the area of a
    /// circle of radius <paramref name="r"/>. One drawing call per marker (circle, rect or polygon).
    /// </summary>
    public static void Draw(IFigureCanvas canvas, MarkerShape shape, FigurePoint c, double r, Fill? fill, Stroke? stroke)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                canvas.Circle(c, r, fill, stroke);
                break;
            case MarkerShape.Square:
                double h = r * 0.886;
                canvas.Rectangle(FigureRect.FromEdges(c.X - h, c.Y - h, c.X + h, c.Y + h), fill, stroke);
                break;
            case MarkerShape.Diamond:
                canvas.Polygon(FigureLegend.Diamond(c, r * 1.253), fill, stroke);
                break;
            case MarkerShape.Triangle:
            case MarkerShape.TriangleDown:
                // Equilateral, area πr²: circumradius R = r·√(4π / (3√3)); centred on its centroid.
                double R = r * 1.555, s = shape == MarkerShape.Triangle ? 1 : -1;
                canvas.Polygon(new FigurePoint[]
                {
                    new(c.X, c.Y - s * R),
                    new(c.X + R * 0.866, c.Y + s * R / 2),
                    new(c.X - R * 0.866, c.Y + s * R / 2),
                }, fill, stroke);
                break;
        }
    }
}
