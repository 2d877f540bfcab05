using System.Globalization;
using System.Text.RegularExpressions;
using RweStats.Figures;
using SkiaSharp;

namespace RweStats.Tests.Figures;

/// <summary>The files, as ScottPlot and SkiaSharp write them: PDF page size, vector content and fonts; PNG size and resolution; SVG size.</summary>
public class FigureOutputTests
{
    /// <summary>The MediaBox of every page of a PDF, in points.</summary>
    static List<double[]> MediaBoxes(byte[] pdf) =>
        Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")
            .Select(m => Enumerable.Range(1, 4).Select(i => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray()).ToList();

    static IFigure[] EveryKind()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        return new IFigure[]
        {
            FigureTestData.Figure1(FigureStyle.SingleColumn),
            FigureTestData.Figure1(FigureStyle.DoubleColumn.Greyscale()),
            GroupedFigureTestData.Figure(FigureStyle.DoubleColumn),
            new SpaghettiFigure { Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders() },
            new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = FigureStyle.SingleColumn, Outcome = "SELENA-SLEDAI" },
        };
    }

    [Fact]
    public void Pdf_is_one_vector_page_of_the_presets_size_with_the_shipped_font_embedded()
    {
        foreach (var figure in EveryKind())
        {
            var pdf = FigureWriter.ToPdf(figure);
            var text = System.Text.Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF-", text);
            var box = Assert.Single(MediaBoxes(pdf));
            double w, h;
            using (var page = figure.Page()) (w, h) = (page.Width, page.Height);
            // Within 0.02 pt (SkiaSharp keeps the page size in steps of 0.01 pt, see FigureWriter.ToPdf).
            Assert.Equal(w, box[2] - box[0], 0.02);
            Assert.Equal(h, box[3] - box[1], 0.02);
            Assert.Equal(FigureUnits.MmToPt(figure.Style.WidthMm), box[2] - box[0], 0.02);
            // Vector: no raster image anywhere in the file.
            Assert.DoesNotMatch(@"/Subtype\s*/Image", text);
            // The text is text in the shipped face, embedded as TrueType (subset-tagged), not outlines or a system font.
            Assert.Matches(@"/BaseFont\s*/[A-Z]{6}\+DejaVuSans", text);
            Assert.Contains("/FontFile2", text);
        }
    }

    [Fact]
    public void Png_has_the_requested_resolution_and_the_presets_physical_size()
    {
        foreach (int dpi in new[] { 300, 600 })
        {
            var figure = FigureTestData.Figure1(FigureStyle.SingleColumn);
            var png = FigureWriter.ToPng(figure, dpi);
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            // 85 mm at 300 dpi = 1003.9 px, rounded up.
            Assert.Equal((int)Math.Ceiling(FigureUnits.MmToPt(FigureStyle.SingleColumnMm) * dpi / 72 - 1e-6), bitmap.Width);
            Assert.Equal(dpi, StoredDpi(png)!.Value, 0.05);
            // The page is white and something dark is drawn on it.
            Assert.Equal(SKColors.White, bitmap.GetPixel(0, bitmap.Height - 1));
            Assert.Contains(Enumerable.Range(0, bitmap.Height / 4), k => Enumerable.Range(0, bitmap.Width / 4).Any(x => bitmap.GetPixel(4 * x, 4 * k).Red < 64));
        }
        Assert.Throws<RweStatsInputException>(() => FigureWriter.Write(FigureTestData.Figure1(FigureStyle.SingleColumn), TempDir.Create("dpi"), "f", FigureFormats.Png, pngDpi: 10));
    }

    [Fact]
    public void Same_figure_gives_the_same_bytes()
    {
        foreach (var figure in EveryKind())
        {
            Assert.Equal(FigureWriter.ToPng(figure), FigureWriter.ToPng(figure));
            Assert.Equal(FigureWriter.ToPdf(figure), FigureWriter.ToPdf(figure));
            Assert.Equal(FigureWriter.ToSvg(figure), FigureWriter.ToSvg(figure));
        }
    }

    [Fact]
    public void Svg_has_the_presets_size_in_points_and_its_texts_as_text()
    {
        var figure = FigureTestData.Figure1(FigureStyle.DoubleColumn);
        var svg = System.Xml.Linq.XDocument.Parse(FigureWriter.ToSvg(figure)).Root!;
        double w, h;
        using (var page = figure.Page()) (w, h) = (page.Width, page.Height);
        Assert.Equal(w, double.Parse(svg.Attribute("width")!.Value.Replace("pt", ""), CultureInfo.InvariantCulture), 0.01);
        Assert.Equal(h, double.Parse(svg.Attribute("height")!.Value.Replace("pt", ""), CultureInfo.InvariantCulture), 0.01);
        Assert.EndsWith("pt", svg.Attribute("width")!.Value);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("p < 0.001", texts);
        Assert.Contains(texts, t => t.EndsWith("Anti-dsDNA", StringComparison.Ordinal));
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => Assert.Equal(FigureFonts.FamilyName, (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void Writer_writes_every_format_whole_and_returns_their_paths()
    {
        var dir = TempDir.Create("writer");
        var output = FigureWriter.Write(FigureTestData.Figure1(FigureStyle.DoubleColumn), dir, "fig1");
        Assert.Equal(new[] { "fig1.svg", "fig1.pdf", "fig1.png" }, output.Written.Select(Path.GetFileName));
        Assert.All(output.Written, p => Assert.True(new FileInfo(p).Length > 1000));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        Assert.StartsWith("<?xml", File.ReadAllText(output.Written[0]));
        Assert.Throws<RweStatsInputException>(() => FigureWriter.Write(FigureTestData.Figure1(FigureStyle.DoubleColumn), dir, "bad/name"));
        Directory.Delete(dir, true);
    }

    /// <summary>The dpi stored in a PNG's pHYs chunk, or null when it has none.</summary>
    static double? StoredDpi(byte[] png)
    {
        for (int at = 8; at + 12 <= png.Length;)
        {
            int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "pHYs" && png[at + 16] == 1) return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)) * 0.0254;
            if (type == "IDAT") return null;
            at += 12 + length;
        }
        return null;
    }

    [Fact]
    public void Text_is_the_shipped_DejaVu_Sans_whatever_the_machine_has()
    {
        FigureFonts.EnsureRegistered();
        foreach (var bold in new[] { false, true })
        {
            var face = ScottPlot.Fonts.GetTypeface(FigureFonts.FamilyName, bold, italic: false);
            Assert.Equal("DejaVu Sans", face.FamilyName);
            using var data = face.OpenStream();
            Assert.Equal(FigureFonts.Data(bold).Length, data.Length); // the shipped file, not a face installed on the machine
        }
        Assert.Contains("Bitstream", System.Text.Encoding.UTF8.GetString(FigureFonts.ReadResource("LICENSE.txt")));
    }

    [Fact]
    public void Pdf_embeds_only_the_glyphs_the_page_draws()
    {
        // The two whole DejaVu faces are 1.4 MB of TrueType (740 kB deflated in a PDF); the subsets of a figure a few kB.
        var figure = new SpaghettiFigure { Panels = FigureTestData.Figure1Panels().Take(1).ToList(), SubjectCategory = FigureTestData.Responders(), Style = FigureStyle.SingleColumn };
        var pdf = FigureWriter.ToPdf(figure);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var fontFiles = Regex.Matches(text, @"/Length1\s+(\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, fontFiles.Count); // regular and bold
        Assert.All(fontFiles, n => Assert.InRange(n, 1_000, 40_000));
        Assert.True(pdf.Length < 150_000, $"{pdf.Length} bytes");
        // Every character the page draws maps back to text (the ToUnicode maps of the subsets): "Responder" is there.
        Assert.Contains("/ToUnicode", text);
        var subset = Assert.IsType<byte[]>(FontSubset.Subset(FigureFonts.Data(false).Span, "Responder".Select(c => (int)c)));
        Assert.True(subset.Length < 20_000, $"{subset.Length} bytes");
    }

    [Fact]
    public void Pdf_draws_a_circle_marker_as_four_curves()
    {
        // ScottPlot's circle is SkiaSharp's DrawCircle, which SkiaSharp's PDF cuts into 32 curves at 7200 dpi
        // (fev_by_arm, 197 subjects: 498 kB, of it 1.4 MB of curves before deflation).
        var (fitted, residuals) = FigureTestData.Residuals();
        var pdf = FigureWriter.ToPdf(new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals });
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var content = string.Concat(Regex.Matches(text, @"<</Filter /FlateDecode\s+/Length (\d+)>>\s*stream\r?\n").Select(m =>
        {
            using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(pdf, m.Index + m.Length, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)), System.IO.Compression.CompressionMode.Decompress);
            return new StreamReader(inflate, System.Text.Encoding.Latin1).ReadToEnd();
        }));
        // Two panels of every residual, each point filled and outlined: 4 curves each.
        Assert.Equal(2 * residuals.Length * 2 * 4, Regex.Matches(content, @" c\n").Count);
    }

    [Fact]
    public void Svg_has_no_path_effect_so_dashes_stay_dashes()
    {
        // SkiaSharp's SVG canvas draws a line with a dash path effect solid: dashes are drawn as pieces (DashedPath).
        var svg = FigureWriter.ToSvg(GroupedFigureTestData.Figure(FigureStyle.DoubleColumn.Greyscale()));
        Assert.DoesNotContain("dasharray", svg);
        var path = new DashedPath(new float[] { 2, 1 }).GetPath(new[] { new ScottPlot.Pixel(0, 0), new ScottPlot.Pixel(10, 0) });
        // 10 pt of 2 on, 1 off: pieces at 0–2, 3–5, 6–8, 9–10.
        Assert.Equal(4, Enumerable.Range(0, path.PointCount).Count(i => path.GetPoint(i).X is 0 or 3 or 6 or 9));
        Assert.Equal(8, path.PointCount);
    }
}
