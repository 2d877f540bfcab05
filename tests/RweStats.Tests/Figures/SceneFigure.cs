using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>
/// Reads a figure back from its figure model (<see cref="FigureScene.ToXml"/>), the way a reviewer would check it:
/// groups by class, and every text's box recomputed from its attributes (x, y = baseline, font-size, font-weight,
/// text-anchor, rotate(a cx cy)) with the shipped font's metrics, independently of the layout code's own bookkeeping.
/// </summary>
public sealed class SceneFigure
{
    public static readonly XNamespace Ns = XNamespace.None;
    public XDocument Document { get; }
    public XElement Root => Document.Root!;

    public SceneFigure(string xml) => Document = XDocument.Parse(xml);

    /// <summary>The figure model of a figure as XML text.</summary>
    public static string Xml(IFigure figure) => FigureScene.Of(figure).ToXml().ToString();

    public double Width => ParsePt(Root.Attribute("width")!.Value);
    public double Height => ParsePt(Root.Attribute("height")!.Value);
    static double ParsePt(string v) => double.Parse(v.Replace("pt", ""), CultureInfo.InvariantCulture);

    public static bool HasClass(XElement e, string cls) => (string?)e.Attribute("class") == cls;

    public IEnumerable<XElement> Groups(string cls, XElement? within = null) =>
        (within ?? Root).Descendants(Ns + "g").Where(g => HasClass(g, cls));

    public IReadOnlyList<XElement> Panels => Groups("panel").ToList();

    public XElement Panel(string key) => Panels.Single(p => (string?)p.Attribute("data-key") == key);

    public static FigureRect Bounds(XElement g)
    {
        var v = g.Attribute("data-bounds")!.Value.Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new FigureRect(v[0], v[1], v[2], v[3]);
    }

    /// <summary>A text's line box: its four (possibly rotated) corners and the axis-aligned box around them.</summary>
    public sealed record TextBox(string Text, FigureRect Box, (double x, double y)[] Corners, XElement Element);

    static readonly Regex Rotate = new(@"rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)");

    public static TextBox Box(XElement text)
    {
        var fonts = FigureFonts.DejaVuSans;
        double D(string name) => double.Parse(text.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        double x = D("x"), y = D("y"), size = D("font-size");
        bool bold = (string?)text.Attribute("font-weight") == "bold";
        var face = fonts.Face(bold);
        string content = text.Value;
        double w = face.Width(content, size);
        double x0 = (string?)text.Attribute("text-anchor") switch { "middle" => x - w / 2, "end" => x - w, _ => x };
        var corners = new[] { (x0, y - face.Ascent * size), (x0 + w, y - face.Ascent * size), (x0 + w, y + face.Descent * size), (x0, y + face.Descent * size) };
        if (text.Attribute("transform") is { } t)
        {
            var m = Rotate.Match(t.Value);
            double a = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * Math.PI / 180;
            double cx = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), cy = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            corners = corners.Select(c => (cx + (c.Item1 - cx) * Math.Cos(a) - (c.Item2 - cy) * Math.Sin(a),
                                           cy + (c.Item1 - cx) * Math.Sin(a) + (c.Item2 - cy) * Math.Cos(a))).ToArray();
        }
        return new TextBox(content, FigureRect.FromEdges(corners.Min(c => c.Item1), corners.Min(c => c.Item2), corners.Max(c => c.Item1), corners.Max(c => c.Item2)), corners, text);
    }

    public IReadOnlyList<TextBox> Texts(XElement? within = null) => (within ?? Root).Descendants(Ns + "text").Select(Box).ToList();

    /// <summary>Separating-axis test for two convex quadrilaterals: overlapping by more than <paramref name="tol"/> on every edge normal.</summary>
    static bool Overlap((double x, double y)[] a, (double x, double y)[] b, double tol)
    {
        foreach (var poly in new[] { a, b })
            for (int i = 0; i < 4; i++)
            {
                var (px, py) = poly[i];
                var (qx, qy) = poly[(i + 1) % 4];
                double nx = qy - py, ny = px - qx, len = Math.Sqrt(nx * nx + ny * ny);
                double Proj((double x, double y) v) => (v.x * nx + v.y * ny) / len;
                if (a.Max(Proj) <= b.Min(Proj) + tol || b.Max(Proj) <= a.Min(Proj) + tol) return false;
            }
        return true;
    }

    /// <summary>Texts that leave their panel (or, outside panels, the figure) and pairs of texts that overlap.</summary>
    public IReadOnlyList<string> TextProblems()
    {
        // The model's XML rounds to 0.01 pt; allow that much.
        const double tol = 0.02;
        var problems = new List<string>();
        var figure = new FigureRect(0, 0, Width, Height);
        var all = Texts();
        foreach (var t in all)
        {
            var panel = t.Element.Ancestors(Ns + "g").FirstOrDefault(g => HasClass(g, "panel"));
            var region = panel is null ? figure : Bounds(panel);
            if (!region.Contains(t.Box, tol)) problems.Add($"'{t.Text}' {t.Box} outside {region}");
        }
        for (int i = 0; i < all.Count; i++)
            for (int j = i + 1; j < all.Count; j++)
                if (Overlap(all[i].Corners, all[j].Corners, tol))
                    problems.Add($"'{all[i].Text}' {all[i].Box} overlaps '{all[j].Text}' {all[j].Box}");
        return problems;
    }
}
