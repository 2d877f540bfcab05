namespace RweStats.Figures;

[Flags]
public enum FigureFormats
{
    Svg = 1,
    Pdf = 2,
    /// <summary>Rendered from the SVG by rsvg-convert (<see cref="PngConverter"/>); the SVG is written too.</summary>
    Png = 4,
    All = Svg | Pdf | Png,
}

/// <summary>What <see cref="FigureWriter.Write"/> produced.</summary>
public sealed record FigureOutput(IReadOnlyList<string> Written, PngResult? Png, IReadOnlyList<string> LayoutProblems)
{
    /// <summary>Why a requested PDF was not written (PDFsharp's license not chosen by the application), else null.</summary>
    public string? PdfUnavailable { get; init; }

    /// <summary>Notes for the user: a PDF or PNG that could not be made, text the layout could not keep apart.</summary>
    public IReadOnlyList<string> Notes =>
        (PdfUnavailable is null ? Array.Empty<string>() : new[] { PdfUnavailable })
        .Concat(Png is PngResult.Unavailable u ? new[] { u.Message } : Png is PngResult.Failed f ? new[] { "PNG not written: " + f.Message } : Array.Empty<string>())
        .Concat(LayoutProblems.Select(p => "layout: " + p)).ToList();
}

/// <summary>Writes a figure as SVG, PDF and/or PNG next to each other: directory/baseName.svg, .pdf, .png.</summary>
public static class FigureWriter
{
    public static string ToSvg(IFigure figure)
    {
        var fonts = FigureFonts.DejaVuSans;
        var (w, h) = figure.Size(fonts);
        var canvas = new SvgCanvas(w, h, fonts);
        figure.Render(canvas, fonts);
        return canvas.ToSvg();
    }

    public static byte[] ToPdf(IFigure figure)
    {
        var fonts = FigureFonts.DejaVuSans;
        var (w, h) = figure.Size(fonts);
        using var canvas = new PdfCanvas(w, h, fonts, figure.Title);
        figure.Render(canvas, fonts);
        return canvas.ToPdf();
    }

    public static FigureOutput Write(IFigure figure, string directory, string baseName, FigureFormats formats = FigureFormats.Svg | FigureFormats.Pdf, int pngDpi = 300)
    {
        if (formats == 0) throw new ArgumentException("no output format chosen", nameof(formats));
        if (string.IsNullOrWhiteSpace(baseName) || baseName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new RweStatsInputException($"figure file name '{baseName}' is empty or has characters not allowed in file names");
        Directory.CreateDirectory(directory);
        var fonts = FigureFonts.DejaVuSans;
        var (w, h) = figure.Size(fonts);
        var written = new List<string>();
        IReadOnlyList<string> problems = Array.Empty<string>();
        PngResult? png = null;
        string svgPath = Path.Combine(directory, baseName + ".svg");
        if ((formats & (FigureFormats.Svg | FigureFormats.Png)) != 0)
        {
            var svg = new SvgCanvas(w, h, fonts);
            problems = figure.Render(svg, fonts);
            File.WriteAllText(svgPath, svg.ToSvg(), new System.Text.UTF8Encoding(false));
            written.Add(svgPath);
        }
        string? pdfUnavailable = null;
        if ((formats & FigureFormats.Pdf) != 0)
        {
            try
            {
                using var pdf = new PdfCanvas(w, h, fonts, figure.Title);
                problems = figure.Render(pdf, fonts);
                var path = Path.Combine(directory, baseName + ".pdf");
                File.WriteAllBytes(path, pdf.ToPdf());
                written.Add(path);
            }
            catch (PdfLicenseRequiredException e)
            {
                pdfUnavailable = e.Message;
            }
        }
        if ((formats & FigureFormats.Png) != 0)
        {
            png = PngConverter.Convert(svgPath, Path.Combine(directory, baseName + ".png"), pngDpi);
            if (png is PngResult.Written ok) written.Add(ok.Path);
        }
        return new FigureOutput(written, png, problems) { PdfUnavailable = pdfUnavailable };
    }
}
