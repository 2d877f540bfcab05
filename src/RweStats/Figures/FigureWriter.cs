namespace RweStats.Figures;

[Flags]
public enum FigureFormats
{
    Svg = 1,
    Pdf = 2,
    Png = 4,
    All = Svg | Pdf | Png,
}

/// <summary>What <see cref="FigureWriter.Write"/> produced.</summary>
public sealed record FigureOutput(IReadOnlyList<string> Written, IReadOnlyList<string> LayoutProblems)
{
    /// <summary>Notes for the user: text the layout could not keep apart (normally none).</summary>
    public IReadOnlyList<string> Notes => LayoutProblems.Select(p => "layout: " + p).ToList();
}

/// <summary>
/// Writes a figure as SVG, PDF and/or PNG next to each other: directory/baseName.svg, .pdf, .png. The figure is laid
/// out once (<see cref="FigureScene"/>) and drawn by ScottPlot on SkiaSharp (<see cref="ScottPlotRenderer"/>).
/// Every file is written whole (a temporary file, then renamed), so a failure leaves no partial file.
/// </summary>
public static class FigureWriter
{
    /// <summary>The usual journal minimum for figures with points and lines.</summary>
    public const int DefaultPngDpi = 300;

    public static string ToSvg(IFigure figure) => ScottPlotRenderer.ToSvg(FigureScene.Of(figure));
    public static byte[] ToPdf(IFigure figure) => ScottPlotRenderer.ToPdf(FigureScene.Of(figure));
    public static byte[] ToPng(IFigure figure, int dpi = DefaultPngDpi) => ScottPlotRenderer.ToPng(FigureScene.Of(figure), dpi);

    public static FigureOutput Write(IFigure figure, string directory, string baseName, FigureFormats formats = FigureFormats.All, int pngDpi = DefaultPngDpi)
    {
        if (formats == 0) throw new ArgumentException("no output format chosen", nameof(formats));
        if (string.IsNullOrWhiteSpace(baseName) || baseName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new RweStatsInputException($"figure file name '{baseName}' is empty or has characters not allowed in file names");
        if (pngDpi < ScottPlotRenderer.MinDpi || pngDpi > ScottPlotRenderer.MaxDpi)
            throw new RweStatsInputException($"PNG resolution {pngDpi} dpi is outside {ScottPlotRenderer.MinDpi}–{ScottPlotRenderer.MaxDpi}; journals ask for 300–600");
        var scene = FigureScene.Of(figure);
        // Everything is drawn in memory first, so that a failure leaves no file of this figure half-written.
        var files = new List<(string path, byte[] bytes)>();
        if ((formats & FigureFormats.Svg) != 0)
            files.Add((Path.Combine(directory, baseName + ".svg"), new System.Text.UTF8Encoding(false).GetBytes(ScottPlotRenderer.ToSvg(scene))));
        if ((formats & FigureFormats.Pdf) != 0)
            files.Add((Path.Combine(directory, baseName + ".pdf"), ScottPlotRenderer.ToPdf(scene)));
        if ((formats & FigureFormats.Png) != 0)
            files.Add((Path.Combine(directory, baseName + ".png"), ScottPlotRenderer.ToPng(scene, pngDpi)));
        Directory.CreateDirectory(directory);
        foreach (var (path, bytes) in files)
        {
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        return new FigureOutput(files.Select(f => f.path).ToList(), scene.LayoutProblems);
    }
}
