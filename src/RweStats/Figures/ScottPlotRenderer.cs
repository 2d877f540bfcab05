using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// Draws a <see cref="FigureScene"/> with ScottPlot 5 (MIT) on SkiaSharp (MIT): one ScottPlot <see cref="Plot"/>
/// whose data area is the whole page, its coordinates the figure's points (y turned upwards), and every scene
/// element one ScottPlot plottable (scatter lines, polygons, rectangles, circles, and <see cref="FigureTextPlottable"/>
/// for text placed on its baseline with the shipped font's metrics). The same plot renders onto a raster surface
/// (PNG), SkiaSharp's SVG canvas and a page of SkiaSharp's PDF document (vector, fonts embedded and subset).
/// Text is always the shipped DejaVu Sans, registered with ScottPlot's font resolvers, so no output depends on the
/// fonts of the machine.
/// </summary>
public static class ScottPlotRenderer
{
    /// <summary>Journals' minimum for line art with points is 300 dpi; 600 for pure line art.</summary>
    public const int MinDpi = 72, MaxDpi = 1200;

    /// <summary>A fixed date for the PDF's document information, so the same figure gives the same file.</summary>
    static readonly DateTime FixedDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>PNG of the scene at <paramref name="dpi"/>, with the resolution stored in the file (pHYs).</summary>
    public static byte[] ToPng(FigureScene scene, int dpi = 300)
    {
        if (dpi < MinDpi || dpi > MaxDpi) throw new ArgumentOutOfRangeException(nameof(dpi), $"dpi must be within {MinDpi}–{MaxDpi}");
        double scale = dpi / FigureUnits.PointsPerInch;
        int w = (int)Math.Ceiling(scene.Width * scale - 1e-6), h = (int)Math.Ceiling(scene.Height * scale - 1e-6);
        var plot = Build(scene);
        plot.ScaleFactor = scale;
        // Opaque: the page is white, so the PNG is RGB without an alpha channel (measured on figure 1 at 600 dpi:
        // 0.4 s + 1.0 s to draw and encode, 680 KiB, against 1–2 s + 3 s, 765 KiB, with alpha).
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"could not create a {w}×{h} drawing surface");
        surface.Canvas.Clear(SKColors.White);
        plot.Render(surface.Canvas, new PixelRect(0, w, h, 0));
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // The Paeth filter alone, zlib level 6: within 2 % of the size with every filter tried, in about half the time.
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Paeth, 6))
            ?? throw new InvalidOperationException($"could not encode a {w}×{h} PNG");
        return PngPhysicalSize.WithDpi(data.ToArray(), dpi);
    }

    /// <summary>SVG of the scene: one user unit is one point, the page size in pt.</summary>
    public static string ToSvg(FigureScene scene)
    {
        var plot = Build(scene);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)scene.Width, (float)scene.Height), stream))
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            plot.Render(canvas, new PixelRect(0, (float)scene.Width, (float)scene.Height, 0));
        }
        var svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return SvgPhysicalSize(NumberClipIds(svg), scene);
    }

    /// <summary>A one-page PDF of exactly the figure's size (points), vector throughout, fonts embedded.</summary>
    public static byte[] ToPdf(FigureScene scene)
    {
        var plot = Build(scene);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = scene.Title,
            Creator = "RweStats",
            Producer = "RweStats (ScottPlot, SkiaSharp)",
            Creation = FixedDate,
            Modified = FixedDate,
            // SkiaSharp keeps the page size in whole units of 72/RasterDpi pt: 7200 gives the preset's size to 0.01 pt
            // (at 300, an 85 mm page came out 0.04 pt short). Nothing is rasterised: every element is a vector path or text.
            RasterDpi = 7200,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var page = document.BeginPage((float)scene.Width, (float)scene.Height);
            plot.Render(page, new PixelRect(0, (float)scene.Width, (float)scene.Height, 0));
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>The ScottPlot plot of a scene (data area = page, axes hidden, one plottable per element).</summary>
    public static Plot Build(FigureScene scene)
    {
        FigureTypefaces.EnsureRegistered();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Layout.Fixed(new PixelRect(0, (float)scene.Width, (float)scene.Height, 0));
        plot.Axes.SetLimits(0, scene.Width, 0, scene.Height);
        var layer = new PlottableLayer(null, 0);
        var adder = new SceneAdder(scene.Height);
        foreach (var node in scene.Nodes) adder.Add(node, layer);
        plot.Add.Plottable(layer);
        return plot;
    }

    /// <summary>
    /// ScottPlot plottables drawn in order as one plottable, optionally clipped to a rectangle (in figure points).
    /// ScottPlot clips every top-level plottable to the data area, which SkiaSharp's SVG canvas writes as one
    /// clipPath each; one layer for the whole figure keeps the SVG small.
    /// </summary>
    public sealed class PlottableLayer(FigureRect? clip, double pageHeight) : IPlottable
    {
        public List<IPlottable> Children { get; } = new();
        public bool IsVisible { get; set; } = true;
        public IAxes Axes { get; set; } = new ScottPlot.Axes();
        public IEnumerable<ScottPlot.LegendItem> LegendItems => Array.Empty<ScottPlot.LegendItem>();
        public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

        public void Render(RenderPack rp)
        {
            rp.Canvas.Save();
            if (clip is { } c)
            {
                var a = Axes.GetPixel(new Coordinates(c.Left, pageHeight - c.Top));
                var b = Axes.GetPixel(new Coordinates(c.Right, pageHeight - c.Bottom));
                rp.Canvas.ClipRect(new SKRect(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y)));
            }
            foreach (var child in Children)
            {
                child.Axes = Axes;
                rp.Canvas.Save(); // some plottables (Ellipse) move the canvas origin and leave it moved
                child.Render(rp);
                rp.Canvas.Restore();
            }
            rp.Canvas.Restore();
        }
    }

    sealed class SceneAdder(double height)
    {
        Coordinates C(FigurePoint p) => new(p.X, height - p.Y);

        static Color ColorOf(FigureColor c, double opacity) => new Color(c.R, c.G, c.B).WithAlpha(opacity);

        static void Style(LineStyle line, Stroke? stroke)
        {
            if (stroke is null) { line.Width = 0; line.IsVisible = false; return; }
            line.Width = (float)stroke.Width;
            line.Color = ColorOf(stroke.Color, stroke.Opacity);
            line.StrokeJoin = SKStrokeJoin.Round;
            line.StrokeCap = stroke.RoundCaps ? SKStrokeCap.Round : SKStrokeCap.Butt;
        }

        public void Add(SceneNode node, PlottableLayer layer)
        {
            switch (node)
            {
                case SceneGroup { Clip: { } clip } g:
                    var clipped = new PlottableLayer(clip, height);
                    foreach (var child in g.Children) Add(child, clipped);
                    layer.Children.Add(clipped);
                    break;
                case SceneGroup g:
                    foreach (var child in g.Children) Add(child, layer);
                    break;
                case ScenePath { Closed: false } p:
                    Polyline(layer, p.Points, p.Stroke!);
                    break;
                case ScenePath p:
                    var polygon = new ScottPlot.Plottables.Polygon(p.Points.Select(C).ToArray());
                    polygon.FillColor = p.Fill is { } pf ? ColorOf(pf.Color, pf.Opacity) : Colors.Transparent;
                    Style(polygon.LineStyle, p.Stroke);
                    polygon.LineStyle.StrokeJoin = SKStrokeJoin.Miter;
                    polygon.MarkerStyle.IsVisible = false;
                    layer.Children.Add(polygon);
                    break;
                case SceneRectangle r:
                    var rect = new ScottPlot.Plottables.Rectangle { X1 = r.Rect.Left, X2 = r.Rect.Right, Y1 = height - r.Rect.Bottom, Y2 = height - r.Rect.Top };
                    rect.FillColor = r.Fill is { } rf ? ColorOf(rf.Color, rf.Opacity) : Colors.Transparent;
                    Style(rect.LineStyle, r.Stroke);
                    layer.Children.Add(rect);
                    break;
                case SceneCircle circle:
                    var e = new ScottPlot.Plottables.Ellipse { Center = C(circle.Center), RadiusX = circle.Radius, RadiusY = circle.Radius };
                    e.FillColor = circle.Fill is { } cf ? ColorOf(cf.Color, cf.Opacity) : Colors.Transparent;
                    Style(e.LineStyle, circle.Stroke);
                    layer.Children.Add(e);
                    break;
                case SceneText t:
                    layer.Children.Add(new FigureTextPlottable(t, height));
                    break;
            }
        }

        void Polyline(PlottableLayer layer, IReadOnlyList<FigurePoint> points, Stroke stroke)
        {
            if (stroke.Dash.Count > 0 && stroke.Dash.All(d => d > 0))
            {
                // Dashes as geometry, not a path effect: SkiaSharp's SVG canvas drops path effects, and this way the
                // PNG, SVG and PDF show the same dashes.
                var solid = stroke with { Dash = Array.Empty<double>() };
                foreach (var dash in Dashes(points, stroke.Dash)) Polyline(layer, dash, solid);
                return;
            }
            var line = new ScottPlot.Plottables.Scatter(new ScottPlot.DataSources.ScatterSourceCoordinatesArray(points.Select(C).ToArray())) { MarkerSize = 0 };
            Style(line.LineStyle, stroke);
            layer.Children.Add(line);
        }

        /// <summary>The "on" pieces of a dashed polyline (pattern: on, off, on, off … lengths in points, from the start).</summary>
        static List<List<FigurePoint>> Dashes(IReadOnlyList<FigurePoint> points, IReadOnlyList<double> pattern)
        {
            if (pattern.Count % 2 == 1) pattern = pattern.Concat(pattern).ToArray(); // as SVG's stroke-dasharray
            var pieces = new List<List<FigurePoint>>();
            int k = 0;
            double left = pattern[0];
            List<FigurePoint>? current = new() { points[0] };
            for (int i = 1; i < points.Count; i++)
            {
                var a = points[i - 1];
                var b = points[i];
                double length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y)), done = 0;
                while (length - done > left)
                {
                    done += left;
                    var p = new FigurePoint(a.X + (b.X - a.X) * done / length, a.Y + (b.Y - a.Y) * done / length);
                    if (current is not null) { current.Add(p); pieces.Add(current); current = null; }
                    else current = new List<FigurePoint> { p };
                    k = (k + 1) % pattern.Count;
                    left = pattern[k];
                }
                left -= length - done;
                current?.Add(b);
            }
            if (current is { Count: > 1 }) pieces.Add(current);
            return pieces;
        }

    }

    /// <summary>
    /// SkiaSharp names clip paths from a counter that runs over the whole process ("cl_1b"), so the same figure drawn
    /// after another would differ; numbering them in order of appearance makes the SVG depend on the figure alone.
    /// </summary>
    static string NumberClipIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(svg, @"(?<=id=""|url\(#)cl_[0-9a-zA-Z]+\b", m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = "clip" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return id;
        });
    }

    /// <summary>Marks the SVG's width and height as points, so that it prints at the preset's physical size.</summary>
    static string SvgPhysicalSize(string svg, FigureScene scene)
    {
        int end = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal));
        var head = svg[..end];
        string W = Math.Round(scene.Width, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string H = Math.Round(scene.Height, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        head = System.Text.RegularExpressions.Regex.Replace(head, "\\bwidth=\"[0-9.]+\"", $"width=\"{W}pt\"");
        head = System.Text.RegularExpressions.Regex.Replace(head, "\\bheight=\"[0-9.]+\"", $"height=\"{H}pt\"");
        if (!head.Contains("viewBox", StringComparison.Ordinal))
            head += string.Create(System.Globalization.CultureInfo.InvariantCulture, $" viewBox=\"0 0 {(float)scene.Width} {(float)scene.Height}\"");
        return head + svg[end..];
    }
}

/// <summary>
/// One text of a scene as a ScottPlot plottable: drawn on its baseline at the anchor the layout chose, turned about
/// its anchor point, in the shipped face at unhinted linear advance widths, which are the widths the layout
/// measured (<see cref="FigureFont.Width"/>), so text lands exactly in the box the layout checked.
/// </summary>
public sealed class FigureTextPlottable(SceneText text, double pageHeight) : IPlottable
{
    public bool IsVisible { get; set; } = true;
    public IAxes Axes { get; set; } = new ScottPlot.Axes();
    public IEnumerable<ScottPlot.LegendItem> LegendItems => Array.Empty<ScottPlot.LegendItem>();
    public SceneText Text => text;

    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public void Render(RenderPack rp)
    {
        var canvas = rp.Canvas;
        Pixel P(FigurePoint p) => Axes.GetPixel(new Coordinates(p.X, pageHeight - p.Y));
        using var font = new SKFont(FigureTypefaces.Get(text.Style.Bold), (float)text.Style.SizePt)
        {
            Subpixel = true,
            LinearMetrics = true,
            Hinting = SKFontHinting.None,
            Edging = SKFontEdging.Antialias,
        };
        var c = text.Style.Color;
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(c.R, c.G, c.B, (byte)Math.Round(255 * text.Style.Opacity)) };
        var align = text.Anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        canvas.Save();
        if (text.RotationDegrees != 0)
        {
            var center = P(text.RotationCenter);
            canvas.RotateDegrees((float)text.RotationDegrees, center.X, center.Y);
        }
        var at = P(text.Baseline);
        canvas.DrawText(text.Text, at.X, at.Y, align, font, paint);
        canvas.Restore();
    }
}

/// <summary>
/// The shipped DejaVu Sans as SkiaSharp typefaces, registered once with ScottPlot's font resolvers (first in the
/// list, so a "DejaVu Sans" installed on the machine is never used instead).
/// </summary>
public static class FigureTypefaces
{
    sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == FigureFonts.FamilyName && slant == FontSlant.Upright ? Get(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == FigureFonts.FamilyName && !italic ? Get(bold) : null;
    }

    static readonly Lazy<SKTypeface> Regular = new(() => Load(FigureFonts.DejaVuSans.Regular));
    static readonly Lazy<SKTypeface> Bold = new(() => Load(FigureFonts.DejaVuSans.BoldFace));
    static readonly Lazy<bool> Registered = new(() =>
    {
        lock (Fonts.FontResolvers) Fonts.FontResolvers.Insert(0, new Resolver());
        return true;
    });

    static SKTypeface Load(FigureFont face)
    {
        using var data = SKData.CreateCopy(face.Data.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not load the shipped font {face.FamilyName}");
    }

    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>The shipped face (what the registered resolver gives ScottPlot for "DejaVu Sans").</summary>
    public static SKTypeface Get(bool bold)
    {
        EnsureRegistered();
        return bold ? Bold.Value : Regular.Value;
    }
}
