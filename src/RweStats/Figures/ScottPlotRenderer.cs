using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// Draws a <see cref="FigureScene"/> with ScottPlot 5 (MIT) on SkiaSharp (MIT), every part by ScottPlot on one
/// surface: one ScottPlot <see cref="Plot"/> per panel (<see cref="ScottPlotPanels.Panel"/>: its data area where the
/// layout put it, its data in axis coordinates, ScottPlot's left and bottom axes with the ticks and titles of the
/// layout); one plot for the legend strip (ScottPlot's legend, <see cref="FigureLegend"/>); and one page plot, its
/// data area the whole page in points, for what lies outside the panels' data areas (the white page, panel letters
/// and titles, p-value brackets). Each plot is rendered into its rectangle of the same canvas: a raster surface
/// (PNG), SkiaSharp's SVG canvas or a page of SkiaSharp's PDF document (vector, fonts embedded). Text is always the
/// shipped DejaVu Sans, registered with ScottPlot's font resolvers, so no output depends on the fonts of the machine.
/// The plots are composed here rather than by ScottPlot's <see cref="Multiplot"/>: its Render clears the canvas
/// (the SVG and PDF pages included) and each plot's Render scales the canvas by its scale factor without restoring it,
/// so with a scale factor (PNG) every plot after the first would be scaled again; each plot here renders in its own
/// save/restore (ScottPlot 5.1.59's source, Multiplot.Render and RenderManager.Render).
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
        // Opaque: the page is white, so the PNG is RGB without an alpha channel (measured on figure 1 at 600 dpi:
        // 0.4 s + 1.0 s to draw and encode, 680 KiB, against 1–2 s + 3 s, 765 KiB, with alpha).
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"could not create a {w}×{h} drawing surface");
        surface.Canvas.Clear(SKColors.White);
        Compose(scene, surface.Canvas, scale);
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
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)scene.Width, (float)scene.Height), stream))
            Compose(scene, canvas, 1);
        var svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return SvgPhysicalSize(NumberClipIds(svg), scene);
    }

    /// <summary>A one-page PDF of exactly the figure's size (points), vector throughout, fonts embedded.</summary>
    public static byte[] ToPdf(FigureScene scene)
    {
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
            Compose(scene, page, 1);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>The ScottPlot plots of a scene with the rectangle (points) each is rendered into, in drawing order.</summary>
    public static IReadOnlyList<(Plot plot, FigureRect rect)> Plots(FigureScene scene)
    {
        FigureTypefaces.EnsureRegistered();
        var page = new FigureRect(0, 0, scene.Width, scene.Height);
        var plots = new List<(Plot, FigureRect)> { (ScottPlotPanels.Page(scene), page) };
        foreach (var (axes, content) in ScottPlotPanels.PanelContents(scene.Nodes))
            plots.Add((ScottPlotPanels.Panel(axes, content), axes.Cell));
        foreach (var legend in ScottPlotPanels.Legends(scene.Nodes))
            plots.Add((ScottPlotPanels.Legend(legend), legend.Area.Inflate(1)));
        return plots;
    }

    /// <summary>Renders every plot of the scene into its rectangle of one canvas (in points, scaled by <paramref name="scale"/>).</summary>
    static void Compose(FigureScene scene, SKCanvas canvas, double scale)
    {
        foreach (var (plot, rect) in Plots(scene))
        {
            using var _ = plot;
            plot.ScaleFactor = scale;
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            var pixels = new PixelRect((float)rect.Left, (float)rect.Right, (float)rect.Bottom, (float)rect.Top);
            // ScottPlot renders a plot a second time when its axis limits changed since the last render, as they do
            // on the first: a first render that draws nothing makes the real one a single pass (no element drawn twice).
            using (var nothing = new SKNoDrawCanvas((int)Math.Ceiling(scene.Width * scale), (int)Math.Ceiling(scene.Height * scale)))
                plot.Render(nothing, pixels);
            // Render scales the canvas by the plot's scale factor and leaves it so: each plot in its own save/restore.
            int saved = canvas.Save();
            plot.Render(canvas, pixels);
            canvas.RestoreToCount(saved);
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
public sealed class FigureTextPlottable(SceneText text, Func<FigurePoint, Coordinates> coordinates) : IPlottable
{
    public bool IsVisible { get; set; } = true;
    public IAxes Axes { get; set; } = new ScottPlot.Axes();
    public IEnumerable<ScottPlot.LegendItem> LegendItems => Array.Empty<ScottPlot.LegendItem>();
    public SceneText Text => text;

    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public void Render(RenderPack rp)
    {
        var canvas = rp.Canvas;
        Pixel P(FigurePoint p) => Axes.GetPixel(coordinates(p));
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
