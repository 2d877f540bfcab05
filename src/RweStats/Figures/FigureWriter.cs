using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>The files <see cref="FigureWriter.Write"/> writes (a combination).</summary>
[Flags]
public enum FigureFormats
{
    /// <summary>Scalable vector graphics.</summary>
    Svg = 1,
    /// <summary>A one-page vector PDF.</summary>
    Pdf = 2,
    /// <summary>A raster PNG at the chosen dpi.</summary>
    Png = 4,
    /// <summary>SVG, PDF and PNG.</summary>
    All = Svg | Pdf | Png,
}

/// <summary>What <see cref="FigureWriter.Write"/> produced.</summary>
public sealed record FigureOutput(IReadOnlyList<string> Written);

/// <summary>
/// Writes a figure's ScottPlot page (<see cref="FigurePage"/>) on SkiaSharp as directory/baseName.svg (size in pt),
/// .pdf (one vector page of the preset's size, fonts embedded) and .png (the dpi stored in the file). Each file is
/// written whole (a temporary file, then renamed); the same figure gives the same bytes.
/// </summary>
public static class FigureWriter
{
    /// <summary>The usual journal minimum for figures with points and lines.</summary>
    public const int DefaultPngDpi = 300;
    /// <summary>The PNG resolutions accepted, dpi (journals ask for 300 with points, 600 for pure line art).</summary>
    public const int MinDpi = 72, MaxDpi = 1200;

    /// <summary>A fixed date for the PDF's document information, so the same figure gives the same file.</summary>
    static readonly DateTime FixedDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The figure as an SVG document (size in pt).</summary>
    public static string ToSvg(IFigure figure) { using var page = figure.Page(); return ToSvg(page); }
    /// <summary>The figure as a one-page vector PDF, fonts embedded.</summary>
    public static byte[] ToPdf(IFigure figure) { using var page = figure.Page(); return ToPdf(page); }
    /// <summary>The figure as a PNG at <paramref name="dpi"/>.</summary>
    public static byte[] ToPng(IFigure figure, int dpi = DefaultPngDpi) { using var page = figure.Page(); return ToPng(page, dpi); }

    /// <summary>Writes directory/baseName.svg, .pdf and/or .png, each file whole or not at all.</summary>
    public static FigureOutput Write(IFigure figure, string directory, string baseName, FigureFormats formats = FigureFormats.All, int pngDpi = DefaultPngDpi)
    {
        if (formats == 0) throw new ArgumentException("no output format chosen", nameof(formats));
        if (string.IsNullOrWhiteSpace(baseName) || baseName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new RweStatsInputException($"figure file name '{baseName}' is empty or has characters not allowed in file names");
        // Everything is drawn in memory first, so that a failure (a dpi out of range too) leaves no file of this figure half-written.
        var files = new List<(string path, byte[] bytes)>();
        using (var page = figure.Page())
        {
            if ((formats & FigureFormats.Svg) != 0)
                files.Add((Path.Combine(directory, baseName + ".svg"), new System.Text.UTF8Encoding(false).GetBytes(ToSvg(page))));
            if ((formats & FigureFormats.Pdf) != 0)
                files.Add((Path.Combine(directory, baseName + ".pdf"), ToPdf(page)));
            if ((formats & FigureFormats.Png) != 0)
                files.Add((Path.Combine(directory, baseName + ".png"), ToPng(page, pngDpi)));
        }
        Directory.CreateDirectory(directory);
        foreach (var (path, bytes) in files)
        {
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        return new FigureOutput(files.Select(f => f.path).ToList());
    }

    /// <summary>PNG of the page at <paramref name="dpi"/>, with the resolution stored in the file (pHYs).</summary>
    public static byte[] ToPng(FigurePage page, int dpi = DefaultPngDpi)
    {
        if (dpi < MinDpi || dpi > MaxDpi) throw new RweStatsInputException($"PNG resolution {dpi} dpi is outside {MinDpi}–{MaxDpi}; journals ask for 300–600");
        double scale = dpi / FigureUnits.PointsPerInch;
        int w = (int)Math.Ceiling(page.Width * scale - 1e-6), h = (int)Math.Ceiling(page.Height * scale - 1e-6);
        // Opaque: the page is white, so the PNG is RGB without an alpha channel (measured on figure 1 at 600 dpi:
        // 0.4 s + 1.0 s to draw and encode, 680 KiB, against 1–2 s + 3 s, 765 KiB, with alpha).
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"could not create a {w}×{h} drawing surface");
        surface.Canvas.Clear(SKColors.White);
        page.Render(surface.Canvas, scale);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // The Paeth filter alone, zlib level 6: within 2 % of the size with every filter tried, in about half the time.
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Paeth, 6))
            ?? throw new InvalidOperationException($"could not encode a {w}×{h} PNG");
        return PngPhysicalSize.WithDpi(data.ToArray(), dpi);
    }

    /// <summary>SVG of the page: one user unit is one point, the page size in pt.</summary>
    public static string ToSvg(FigurePage page)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)page.Width, (float)page.Height), stream))
            page.Render(canvas, 1);
        var svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return SvgPhysicalSize(NumberClipIds(svg), page);
    }

    /// <summary>A one-page vector PDF of the figure's size, fonts cut to the glyphs drawn (<see cref="FontSubset"/>), circles as four curves (<see cref="PanelPlot.CircleMarker"/>).</summary>
    public static byte[] ToPdf(FigurePage page)
    {
        page.ForPdf(FontSubset.FontName(page.Texts()) ?? FigureFonts.FamilyName);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = page.Title,
            Creator = "RweStats",
            Producer = "RweStats (ScottPlot, SkiaSharp)",
            Creation = FixedDate,
            Modified = FixedDate,
            // SkiaSharp keeps the page size in whole units of 72/RasterDpi pt: 7200 gives the preset's size to 0.01 pt
            // (at 300, an 85 mm page came out 0.04 pt short). Nothing is rasterised: every element is a vector path or text.
            RasterDpi = 7200,
        };
        try
        {
            using var document = SKDocument.CreatePdf(stream, metadata);
            page.Render(document.BeginPage((float)page.Width, (float)page.Height), 1);
            document.EndPage();
            document.Close();
        }
        finally { page.ForPdf(null); }
        return stream.ToArray();
    }

    /// <summary>
    /// SkiaSharp names clip paths from a counter that runs over the whole process ("cl_1b"), so the same figure drawn
    /// after another would differ; numbering them in order of appearance makes the SVG depend on the figure alone.
    /// </summary>
    static string NumberClipIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return Regex.Replace(svg, @"(?<=id=""|url\(#)cl_[0-9a-zA-Z]+\b", m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = "clip" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            return id;
        });
    }

    /// <summary>Marks the SVG's width and height as points, so that it prints at the preset's physical size.</summary>
    static string SvgPhysicalSize(string svg, FigurePage page)
    {
        int end = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal));
        var size = string.Create(CultureInfo.InvariantCulture,
            $"width=\"{Math.Round(page.Width, 3)}pt\" height=\"{Math.Round(page.Height, 3)}pt\" viewBox=\"0 0 {(float)page.Width} {(float)page.Height}\"");
        return Regex.Replace(svg[..end], "\\bwidth=\"[0-9.]+\" height=\"[0-9.]+\"", size) + svg[end..];
    }
}
