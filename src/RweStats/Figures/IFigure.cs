namespace RweStats.Figures;

/// <summary>A figure that can draw itself on any <see cref="IFigureCanvas"/>.</summary>
public interface IFigure
{
    FigureStyle Style { get; }
    /// <summary>Page size in points (width from the style, height from the panel grid and legend).</summary>
    (double Width, double Height) Size(FigureFonts fonts);
    /// <summary>Draws the figure; returns layout problems (text leaving its panel or overlapping), normally none.</summary>
    IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts);
    /// <summary>A short description for the PDF's title field.</summary>
    string Title { get; }
}
