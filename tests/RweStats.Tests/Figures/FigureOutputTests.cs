using PdfSharp.Pdf.IO;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>The files: PDF through PDFsharp and read back, PNG through rsvg-convert, FigureWriter's report.</summary>
public class FigureOutputTests
{
    [Theory]
    [InlineData(FigureStyle.SingleColumnMm)]
    [InlineData(FigureStyle.DoubleColumnMm)]
    public void Pdf_reopens_and_its_page_has_the_preset_width(double widthMm)
    {
        PdfTestLicense.Ensure();
        var style = widthMm == FigureStyle.SingleColumnMm ? FigureStyle.SingleColumn : FigureStyle.DoubleColumn;
        var figure = FigureTestData.Figure1(style);
        var dir = TempDir.Create("pdf");
        var output = FigureWriter.Write(figure, dir, "figure1", FigureFormats.Pdf);
        Assert.Null(output.PdfUnavailable);
        var path = Assert.Single(output.Written);
        Assert.EndsWith(".pdf", path);
        using var document = PdfReader.Open(path, PdfDocumentOpenMode.Import);
        var page = Assert.Single(document.Pages.Cast<PdfSharp.Pdf.PdfPage>());
        Assert.Equal(widthMm, page.Width.Millimeter, 2);
        Assert.Equal(figure.Size(FigureFonts.DejaVuSans).Height, page.Height.Point, 2);
        // The shipped face is embedded (as a subset), so the PDF shows the same glyphs on any machine.
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("+DejaVu#20Sans", text);
        Assert.Contains("/FontFile2", text);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Every_figure_kind_renders_to_pdf()
    {
        PdfTestLicense.Ensure();
        var (fitted, residuals) = FigureTestData.Residuals();
        IFigure[] figures =
        {
            FigureTestData.Figure1(FigureStyle.SingleColumn.Greyscale()),
            new SpaghettiFigure { Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders() },
            new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = FigureStyle.SingleColumn },
        };
        foreach (var figure in figures)
        {
            var pdf = FigureWriter.ToPdf(figure);
            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            Assert.Equal(1, document.PageCount);
            Assert.Equal(figure.Size(FigureFonts.DejaVuSans).Width, document.Pages[0].Width.Point, 2);
        }
    }

    [Fact]
    public void Writer_writes_svg_and_pdf_and_returns_their_paths()
    {
        PdfTestLicense.Ensure();
        var dir = TempDir.Create("writer");
        var output = FigureWriter.Write(FigureTestData.Figure1(FigureStyle.DoubleColumn), dir, "fig1");
        Assert.Equal(new[] { Path.Combine(dir, "fig1.svg"), Path.Combine(dir, "fig1.pdf") }, output.Written);
        Assert.All(output.Written, p => Assert.True(new FileInfo(p).Length > 1000));
        Assert.Null(output.Png);
        Assert.Empty(output.LayoutProblems);
        Assert.Empty(output.Notes);
        Assert.StartsWith("<?xml", File.ReadAllText(output.Written[0]));
        Assert.Throws<RweStatsInputException>(() => FigureWriter.Write(FigureTestData.Figure1(FigureStyle.DoubleColumn), dir, "bad/name"));
        Directory.Delete(dir, true);
    }

    [RsvgFact]
    public void Png_is_rendered_by_rsvg_convert_at_the_requested_resolution()
    {
        var dir = TempDir.Create("png");
        var output = FigureWriter.Write(FigureTestData.Figure1(FigureStyle.SingleColumn), dir, "fig1", FigureFormats.Png, pngDpi: 300);
        var png = Assert.IsType<PngResult.Written>(output.Png);
        Assert.Contains(png.Path, output.Written);
        var bytes = File.ReadAllBytes(png.Path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        // IHDR width, big-endian at offset 16: 85 mm at 300 dpi ≈ 1004 px.
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        Assert.InRange(width, 1000, 1008);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Png_without_rsvg_convert_is_a_clear_result_not_a_crash()
    {
        var dir = TempDir.Create("nopng");
        var svg = Path.Combine(dir, "f.svg");
        File.WriteAllText(svg, FigureWriter.ToSvg(FigureTestData.Figure1(FigureStyle.SingleColumn)));
        var result = PngConverter.Convert(svg, Path.Combine(dir, "f.png"), searchPath: dir);
        var unavailable = Assert.IsType<PngResult.Unavailable>(result);
        Assert.Contains("rsvg-convert", unavailable.Message);
        Assert.Contains("librsvg2-bin", unavailable.Message);
        Assert.False(File.Exists(Path.Combine(dir, "f.png")));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Pdf_text_widths_match_the_layout_metrics()
    {
        // SVG and PDF place text by the same advance widths: ours from the TTF tables, PDFsharp's from the font it embeds.
        PdfTestLicense.Ensure();
        using var canvas = new PdfCanvas(100, 100, FigureFonts.DejaVuSans);
        PdfFontResolver.EnsureRegistered();
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        using var gfx = PdfSharp.Drawing.XGraphics.FromPdfPage(page);
        foreach (var (text, bold) in new[] { ("Anti-dsDNA (IU/mL)", false), ("p = 0.0073", false), ("M12", true), ("−1.5 × IQR", false) })
        {
            var font = new PdfSharp.Drawing.XFont(PdfFontResolver.FamilyName, 8, bold ? PdfSharp.Drawing.XFontStyleEx.Bold : PdfSharp.Drawing.XFontStyleEx.Regular);
            double theirs = gfx.MeasureString(text, font).Width;
            double ours = FigureFonts.DejaVuSans.Width(text, new TextStyle(8, bold));
            Assert.Equal(theirs, ours, 2);
        }
    }
}
