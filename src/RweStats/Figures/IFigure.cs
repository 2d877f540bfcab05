namespace RweStats.Figures;

/// <summary>A figure: its style, a title for the PDF's title field, and the ScottPlot page it is drawn as.</summary>
public interface IFigure
{
    /// <summary>Sizes, type, colours and the layers drawn.</summary>
    FigureStyle Style { get; }
    /// <summary>A short description for the PDF's title field.</summary>
    string Title { get; }
    /// <summary>The figure as a laid-out ScottPlot <see cref="ScottPlot.Multiplot"/> page (a new one on each call; the caller disposes it).</summary>
    FigurePage Page();
}
