namespace RweStats.Figures;

/// <summary>
/// A semantic group of drawing calls: the figure model (<see cref="FigureScene"/>) keeps it with its kind, key and bounds
/// (what the structure tests read: one "box" per visit, "points", "bracket" …); drawing ignores it.
/// </summary>
public sealed record FigureGroup(string Kind, string? Key = null, FigureRect? Bounds = null);

/// <summary>
/// The small vector drawing surface the figures are built on, in points with a top-left origin
/// (<see cref="FigureUnits"/>). It is what RweStats needs and no more: figures lay themselves out and draw on it once,
/// into a <see cref="FigureScene"/>, which ScottPlot then draws (<see cref="ScottPlotRenderer"/>). Calls are recorded in order; later ones paint over earlier.
/// Text is always in the shipped DejaVu Sans (<see cref="FigureFonts"/>), which is also what the layout measures.
/// </summary>
public interface IFigureCanvas
{
    double Width { get; }
    double Height { get; }

    void Line(FigurePoint from, FigurePoint to, Stroke stroke);
    void Polyline(IReadOnlyList<FigurePoint> points, Stroke stroke);
    /// <summary>A closed polygon; fill, stroke or both.</summary>
    void Polygon(IReadOnlyList<FigurePoint> points, Fill? fill, Stroke? stroke);
    void Rectangle(FigureRect rect, Fill? fill, Stroke? stroke);
    void Circle(FigurePoint center, double radius, Fill? fill, Stroke? stroke);
    /// <summary>
    /// Single-line text. The anchor point is placed by <paramref name="anchor"/> along the reading direction and by
    /// <paramref name="baseline"/> across it; the text is then rotated about that point by
    /// <paramref name="rotationDegrees"/>, clockwise on the page (SVG's rotate(); −90 reads bottom to top).
    /// </summary>
    void Text(string text, FigurePoint at, TextStyle style, TextAnchor anchor = TextAnchor.Start,
        TextBaseline baseline = TextBaseline.Alphabetic, double rotationDegrees = 0);
    /// <summary>A panel's axes: ScottPlot's axes draw them (the figure model keeps their description).</summary>
    void Axes(PanelAxes axes);
    /// <summary>The legend: ScottPlot's legend draws it (the figure model keeps its description).</summary>
    void Legend(LegendBlock legend);
    /// <summary>Clips everything drawn until the matching <see cref="PopClip"/> to the rectangle (nested clips intersect).</summary>
    void PushClip(FigureRect rect);
    void PopClip();
    void BeginGroup(FigureGroup group);
    void EndGroup();
}
