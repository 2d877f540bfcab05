using System.Globalization;
using System.Text;

namespace RweStats.Figures;

/// <summary>
/// SVG 1.1 backend. The output is meant to be diffed and checked in: one element per line, indented by group
/// depth, attributes in a fixed order, numbers with at most two decimals in the invariant culture (0.01 pt ≈
/// 3.5 µm, far below what print resolves), clip-path ids numbered in drawing order, no timestamps, so the same
/// figure gives the same bytes. One user unit is one point (width/height in pt, viewBox in the same numbers).
/// </summary>
public sealed class SvgCanvas : IFigureCanvas
{
    readonly StringBuilder _body = new();
    readonly FigureFonts _fonts;
    readonly Stack<string> _open = new(); // "g" closers for groups and clips, innermost first
    int _depth = 1;
    int _clipCount;

    public double Width { get; }
    public double Height { get; }

    public SvgCanvas(double widthPt, double heightPt, FigureFonts fonts)
    {
        Width = widthPt;
        Height = heightPt;
        _fonts = fonts;
    }

    /// <summary>Formats a coordinate: two decimals at most, invariant culture, never "-0".</summary>
    public static string Num(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException("non-finite coordinate in a figure");
        var r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0; // folds -0
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    static string Escape(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var ch in s)
            b.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&apos;", _ => ch.ToString() });
        return b.ToString();
    }

    void Element(string text)
    {
        _body.Append(' ', 2 * _depth).Append(text).Append('\n');
    }

    static string StrokeAttributes(Stroke? s)
    {
        if (s is null) return " stroke=\"none\"";
        var a = new StringBuilder();
        a.Append(" stroke=\"").Append(s.Color.Hex).Append("\" stroke-width=\"").Append(Num(s.Width)).Append('"');
        if (s.Opacity < 1) a.Append(" stroke-opacity=\"").Append(Num(s.Opacity)).Append('"');
        if (s.Dash.Count > 0) a.Append(" stroke-dasharray=\"").Append(string.Join(" ", s.Dash.Select(Num))).Append('"');
        return a.ToString();
    }

    static string FillAttributes(Fill? f)
    {
        if (f is null) return " fill=\"none\"";
        var a = " fill=\"" + f.Color.Hex + "\"";
        if (f.Opacity < 1) a += " fill-opacity=\"" + Num(f.Opacity) + "\"";
        return a;
    }

    static string Points(IReadOnlyList<FigurePoint> points) => string.Join(" ", points.Select(p => Num(p.X) + "," + Num(p.Y)));

    public void Line(FigurePoint from, FigurePoint to, Stroke stroke) =>
        Element($"<line x1=\"{Num(from.X)}\" y1=\"{Num(from.Y)}\" x2=\"{Num(to.X)}\" y2=\"{Num(to.Y)}\"{StrokeAttributes(stroke)} stroke-linecap=\"butt\"/>");

    public void Polyline(IReadOnlyList<FigurePoint> points, Stroke stroke) =>
        Element($"<polyline points=\"{Points(points)}\" fill=\"none\"{StrokeAttributes(stroke)} stroke-linejoin=\"round\"/>");

    public void Polygon(IReadOnlyList<FigurePoint> points, Fill? fill, Stroke? stroke) =>
        Element($"<polygon points=\"{Points(points)}\"{FillAttributes(fill)}{StrokeAttributes(stroke)} stroke-linejoin=\"miter\"/>");

    public void Rectangle(FigureRect r, Fill? fill, Stroke? stroke) =>
        Element($"<rect x=\"{Num(r.X)}\" y=\"{Num(r.Y)}\" width=\"{Num(r.Width)}\" height=\"{Num(r.Height)}\"{FillAttributes(fill)}{StrokeAttributes(stroke)}/>");

    public void Circle(FigurePoint c, double radius, Fill? fill, Stroke? stroke) =>
        Element($"<circle cx=\"{Num(c.X)}\" cy=\"{Num(c.Y)}\" r=\"{Num(radius)}\"{FillAttributes(fill)}{StrokeAttributes(stroke)}/>");

    public void Text(string text, FigurePoint at, TextStyle style, TextAnchor anchor = TextAnchor.Start,
        TextBaseline baseline = TextBaseline.Alphabetic, double rotationDegrees = 0)
    {
        var p = TextGeometry.BaselinePoint(_fonts, style, at, baseline);
        var a = new StringBuilder("<text");
        a.Append(" x=\"").Append(Num(p.X)).Append("\" y=\"").Append(Num(p.Y)).Append('"');
        a.Append(" font-size=\"").Append(Num(style.SizePt)).Append('"');
        if (style.Bold) a.Append(" font-weight=\"bold\"");
        if (anchor != TextAnchor.Start) a.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        a.Append(" fill=\"").Append(style.Color.Hex).Append('"');
        if (style.Opacity < 1) a.Append(" fill-opacity=\"").Append(Num(style.Opacity)).Append('"');
        // The rotation centre is the requested anchor point, not the baseline point (TextGeometry.Bounds).
        if (rotationDegrees != 0)
            a.Append(" transform=\"rotate(").Append(Num(rotationDegrees)).Append(' ').Append(Num(at.X)).Append(' ').Append(Num(at.Y)).Append(")\"");
        a.Append('>').Append(Escape(text)).Append("</text>");
        Element(a.ToString());
    }

    public void PushClip(FigureRect r)
    {
        var id = "clip" + (++_clipCount).ToString(CultureInfo.InvariantCulture);
        Element($"<clipPath id=\"{id}\"><rect x=\"{Num(r.X)}\" y=\"{Num(r.Y)}\" width=\"{Num(r.Width)}\" height=\"{Num(r.Height)}\"/></clipPath>");
        Element($"<g clip-path=\"url(#{id})\">");
        _open.Push("clip");
        _depth++;
    }

    public void PopClip() => Close("clip");

    public void BeginGroup(FigureGroup group)
    {
        var a = new StringBuilder("<g class=\"").Append(Escape(group.Kind)).Append('"');
        if (group.Key is not null) a.Append(" data-key=\"").Append(Escape(group.Key)).Append('"');
        if (group.Bounds is { } b)
            a.Append(" data-bounds=\"").Append(Num(b.X)).Append(' ').Append(Num(b.Y)).Append(' ').Append(Num(b.Width)).Append(' ').Append(Num(b.Height)).Append('"');
        Element(a.Append('>').ToString());
        _open.Push("group");
        _depth++;
    }

    public void EndGroup() => Close("group");

    void Close(string kind)
    {
        if (_open.Count == 0 || _open.Peek() != kind)
            throw new InvalidOperationException($"unbalanced {kind} end in figure drawing");
        _open.Pop();
        _depth--;
        Element("</g>");
    }

    /// <summary>The complete document (UTF-8 text, LF line ends).</summary>
    public string ToSvg()
    {
        if (_open.Count != 0) throw new InvalidOperationException("figure drawing left a group or clip open");
        var s = new StringBuilder();
        s.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
        s.Append(" width=\"").Append(Num(Width)).Append("pt\" height=\"").Append(Num(Height)).Append("pt\"");
        s.Append(" viewBox=\"0 0 ").Append(Num(Width)).Append(' ').Append(Num(Height)).Append('"');
        s.Append(" font-family=\"").Append(Escape(FigureFonts.SvgFontFamily)).Append("\" style=\"font-kerning:none\">\n");
        s.Append(_body);
        s.Append("</svg>\n");
        return s.ToString();
    }
}
