using System.Globalization;
using System.Xml.Linq;

namespace RweStats.Figures;

/// <summary>One drawn element of a <see cref="FigureScene"/>, in points with a top-left origin.</summary>
public abstract record SceneNode;

/// <summary>An open polyline (two points: a line) or, when <paramref name="Closed"/>, a polygon.</summary>
public sealed record ScenePath(IReadOnlyList<FigurePoint> Points, bool Closed, Fill? Fill, Stroke? Stroke) : SceneNode;

public sealed record SceneRectangle(FigureRect Rect, Fill? Fill, Stroke? Stroke) : SceneNode;

public sealed record SceneCircle(FigurePoint Center, double Radius, Fill? Fill, Stroke? Stroke) : SceneNode;

/// <summary>
/// A single-line text: <paramref name="Baseline"/> is where its baseline starts after the anchor is applied along
/// the text (before rotation), <paramref name="RotationCenter"/> the point it is turned about (clockwise degrees).
/// </summary>
public sealed record SceneText(string Text, TextStyle Style, FigurePoint Baseline, TextAnchor Anchor, double RotationDegrees,
    FigurePoint RotationCenter, IReadOnlyList<FigurePoint> Corners) : SceneNode;

/// <summary>A semantic group (<see cref="FigureGroup"/>) or a clip rectangle, holding the nodes drawn inside it.</summary>
public sealed record SceneGroup(FigureGroup? Group, FigureRect? Clip, IReadOnlyList<SceneNode> Children) : SceneNode;

/// <summary>
/// A panel's axes, drawn by ScottPlot's axes from <paramref name="Axes"/>; <paramref name="Model"/> is what they
/// show (lines, tick groups, labels, titles where ScottPlot places them) for reading by tests and people.
/// </summary>
public sealed record SceneAxes(PanelAxes Axes, IReadOnlyList<SceneNode> Model) : SceneNode;

/// <summary>The legend, drawn by ScottPlot's legend from <paramref name="Legend"/>; <paramref name="Model"/> as for <see cref="SceneAxes"/>.</summary>
public sealed record SceneLegend(LegendBlock Legend, IReadOnlyList<SceneNode> Model) : SceneNode;

/// <summary>
/// The figure model: every element a figure draws, in drawing order, inside its semantic groups ("panel", "box",
/// "bracket", "legend-item" …), with every text's exact box; each panel's axes as their specification
/// (<see cref="SceneAxes"/>) and the legend as its entries (<see cref="SceneLegend"/>), both with a description of
/// what they show. A figure renders itself once into a scene (it is an <see cref="IFigureCanvas"/> that records);
/// <see cref="ScottPlotRenderer"/> turns the scene into ScottPlot plots (one per panel, the legend, the page) for PNG,
/// SVG and PDF, and the tests read the scene (<see cref="ToXml()"/>) to check what a figure holds.
/// </summary>
public sealed class FigureScene : IFigureCanvas
{
    readonly FigureFonts _fonts;
    readonly Stack<(FigureGroup? group, FigureRect? clip, List<SceneNode> children)> _open = new();
    readonly List<SceneNode> _root = new();

    public double Width { get; }
    public double Height { get; }
    public string Title { get; }
    /// <summary>Texts that leave their region or overlap another (the figure's own check), normally none.</summary>
    public IReadOnlyList<string> LayoutProblems { get; private set; } = Array.Empty<string>();

    FigureScene(double widthPt, double heightPt, string title, FigureFonts fonts)
    {
        Width = widthPt;
        Height = heightPt;
        Title = title;
        _fonts = fonts;
    }

    /// <summary>Lays the figure out and records everything it draws.</summary>
    public static FigureScene Of(IFigure figure)
    {
        var fonts = FigureFonts.DejaVuSans;
        var (w, h) = figure.Size(fonts);
        var scene = new FigureScene(w, h, figure.Title, fonts);
        scene.LayoutProblems = figure.Render(scene, fonts);
        if (scene._open.Count != 0) throw new InvalidOperationException("figure drawing left a group or clip open");
        return scene;
    }

    public IReadOnlyList<SceneNode> Nodes => _root;

    List<SceneNode> Current => _open.Count == 0 ? _root : _open.Peek().children;

    public void Line(FigurePoint from, FigurePoint to, Stroke stroke) => Current.Add(new ScenePath(new[] { from, to }, false, null, stroke));
    public void Polyline(IReadOnlyList<FigurePoint> points, Stroke stroke) => Current.Add(new ScenePath(points.ToArray(), false, null, stroke));
    public void Polygon(IReadOnlyList<FigurePoint> points, Fill? fill, Stroke? stroke) => Current.Add(new ScenePath(points.ToArray(), true, fill, stroke));
    public void Rectangle(FigureRect rect, Fill? fill, Stroke? stroke) => Current.Add(new SceneRectangle(rect, fill, stroke));
    public void Circle(FigurePoint center, double radius, Fill? fill, Stroke? stroke) => Current.Add(new SceneCircle(center, radius, fill, stroke));

    public void Text(string text, FigurePoint at, TextStyle style, TextAnchor anchor = TextAnchor.Start,
        TextBaseline baseline = TextBaseline.Alphabetic, double rotationDegrees = 0)
    {
        var p = TextGeometry.BaselinePoint(_fonts, style, at, baseline);
        var corners = TextGeometry.Corners(_fonts, text, style, at, anchor, baseline, rotationDegrees);
        Current.Add(new SceneText(text, style, p, anchor, rotationDegrees, at, corners));
    }

    /// <summary>Records a panel's axes (drawn by ScottPlot), with their description in a group "axes".</summary>
    public void Axes(PanelAxes axes) => Current.Add(new SceneAxes(axes, Record(new FigureGroup("axes"), axes.Describe)));

    /// <summary>Records the legend (drawn by ScottPlot), with its description in a group "legend".</summary>
    public void Legend(LegendBlock legend) =>
        Current.Add(new SceneLegend(legend, Record(new FigureGroup("legend", Bounds: legend.Area), c => FigureLegend.Describe(c, legend))));

    IReadOnlyList<SceneNode> Record(FigureGroup group, Action<IFigureCanvas> draw)
    {
        int depth = _open.Count;
        BeginGroup(group);
        draw(this);
        EndGroup();
        if (_open.Count != depth) throw new InvalidOperationException("unbalanced group in a description");
        var recorded = Current[^1];
        Current.RemoveAt(Current.Count - 1);
        return new[] { recorded };
    }

    /// <summary>An empty scene to record drawing calls into (legend glyphs).</summary>
    internal static FigureScene Recorder(double widthPt, double heightPt) => new(widthPt, heightPt, "", FigureFonts.DejaVuSans);

    public void PushClip(FigureRect rect) => _open.Push((null, rect, new List<SceneNode>()));
    public void PopClip() => Close(clip: true);
    public void BeginGroup(FigureGroup group) => _open.Push((group, null, new List<SceneNode>()));
    public void EndGroup() => Close(clip: false);

    void Close(bool clip)
    {
        if (_open.Count == 0 || (_open.Peek().clip is not null) != clip)
            throw new InvalidOperationException($"unbalanced {(clip ? "clip" : "group")} end in figure drawing");
        var (group, rect, children) = _open.Pop();
        Current.Add(new SceneGroup(group, rect, children));
    }

    /// <summary>Every text of the scene in drawing order.</summary>
    public IEnumerable<SceneText> Texts() => Flatten(_root).OfType<SceneText>();

    static IEnumerable<SceneNode> Flatten(IEnumerable<SceneNode> nodes)
    {
        foreach (var n in nodes)
        {
            yield return n;
            var children = n switch { SceneGroup g => g.Children, SceneAxes a => a.Model, SceneLegend l => l.Model, _ => null };
            if (children is not null)
                foreach (var c in Flatten(children)) yield return c;
        }
    }

    static string Num(double v)
    {
        var r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The scene as XML, for reading by tests and people: &lt;figure width height&gt;, &lt;g class data-key
    /// data-bounds&gt; per group, &lt;clip&gt; per clip, and line/polyline/polygon/rect/circle/text elements with
    /// SVG's attribute names (a text's x, y are its baseline start after the anchor; its box is in data-box).
    /// </summary>
    public XDocument ToXml()
    {
        var root = new XElement("figure", new XAttribute("width", Num(Width)), new XAttribute("height", Num(Height)), new XAttribute("title", Title));
        foreach (var n in _root) root.Add(ToXml(n));
        return new XDocument(root);
    }

    static IEnumerable<XElement> ToXml(SceneNode node) => node switch
    {
        SceneAxes a => a.Model.SelectMany(ToXml),
        SceneLegend l => l.Model.SelectMany(ToXml),
        _ => new[] { ElementOf(node) },
    };

    static XElement ElementOf(SceneNode node)
    {
        static IEnumerable<XAttribute> Paint(Fill? fill, Stroke? stroke)
        {
            yield return new XAttribute("fill", fill is null ? "none" : fill.Color.Hex);
            if (fill is { Opacity: < 1 }) yield return new XAttribute("fill-opacity", Num(fill.Opacity));
            yield return new XAttribute("stroke", stroke is null ? "none" : stroke.Color.Hex);
            if (stroke is null) yield break;
            yield return new XAttribute("stroke-width", Num(stroke.Width));
            if (stroke.Opacity < 1) yield return new XAttribute("stroke-opacity", Num(stroke.Opacity));
            if (stroke.Dash.Count > 0) yield return new XAttribute("stroke-dasharray", string.Join(" ", stroke.Dash.Select(Num)));
        }
        static string Points(IReadOnlyList<FigurePoint> ps) => string.Join(" ", ps.Select(p => Num(p.X) + "," + Num(p.Y)));
        switch (node)
        {
            case ScenePath { Points.Count: 2, Closed: false } l:
                return new XElement("line", new XAttribute("x1", Num(l.Points[0].X)), new XAttribute("y1", Num(l.Points[0].Y)),
                    new XAttribute("x2", Num(l.Points[1].X)), new XAttribute("y2", Num(l.Points[1].Y)), Paint(null, l.Stroke));
            case ScenePath p:
                return new XElement(p.Closed ? "polygon" : "polyline", new XAttribute("points", Points(p.Points)), Paint(p.Fill, p.Stroke));
            case SceneRectangle r:
                return new XElement("rect", new XAttribute("x", Num(r.Rect.X)), new XAttribute("y", Num(r.Rect.Y)),
                    new XAttribute("width", Num(r.Rect.Width)), new XAttribute("height", Num(r.Rect.Height)), Paint(r.Fill, r.Stroke));
            case SceneCircle c:
                return new XElement("circle", new XAttribute("cx", Num(c.Center.X)), new XAttribute("cy", Num(c.Center.Y)),
                    new XAttribute("r", Num(c.Radius)), Paint(c.Fill, c.Stroke));
            case SceneText t:
            {
                var box = TextGeometry.Enclose(t.Corners);
                var e = new XElement("text", new XAttribute("x", Num(t.Baseline.X)), new XAttribute("y", Num(t.Baseline.Y)),
                    new XAttribute("font-size", Num(t.Style.SizePt)));
                if (t.Style.Bold) e.Add(new XAttribute("font-weight", "bold"));
                if (t.Anchor != TextAnchor.Start) e.Add(new XAttribute("text-anchor", t.Anchor == TextAnchor.Middle ? "middle" : "end"));
                e.Add(new XAttribute("fill", t.Style.Color.Hex));
                if (t.RotationDegrees != 0)
                    e.Add(new XAttribute("transform", $"rotate({Num(t.RotationDegrees)} {Num(t.RotationCenter.X)} {Num(t.RotationCenter.Y)})"));
                e.Add(new XAttribute("data-box", $"{Num(box.X)} {Num(box.Y)} {Num(box.Width)} {Num(box.Height)}"));
                e.Add(t.Text);
                return e;
            }
            case SceneGroup g:
            {
                XElement e;
                if (g.Clip is { } clip)
                    e = new XElement("clip", new XAttribute("data-bounds", $"{Num(clip.X)} {Num(clip.Y)} {Num(clip.Width)} {Num(clip.Height)}"));
                else
                {
                    e = new XElement("g", new XAttribute("class", g.Group!.Kind));
                    if (g.Group.Key is not null) e.Add(new XAttribute("data-key", g.Group.Key));
                    if (g.Group.Bounds is { } b) e.Add(new XAttribute("data-bounds", $"{Num(b.X)} {Num(b.Y)} {Num(b.Width)} {Num(b.Height)}"));
                }
                foreach (var c in g.Children) e.Add(ToXml(c));
                return e;
            }
            default:
                throw new InvalidOperationException("unknown scene node " + node.GetType().Name);
        }
    }
}
