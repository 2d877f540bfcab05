using ScottPlot;

namespace RweStats.Figures;

/// <summary>A figure of one panel per outcome over the visits, in a rows × columns grid above its legend.</summary>
public abstract record PanelFigure : IFigure
{
    /// <summary>One panel per outcome.</summary>
    public required IReadOnlyList<SeriesPanel> Panels { get; init; }
    /// <inheritdoc/>
    public FigureStyle Style { get; init; } = FigureStyle.DoubleColumn;
    /// <summary>Rows of the panel grid; null: chosen from the panel count.</summary>
    public int? Rows { get; init; }
    /// <summary>Columns of the panel grid; null: chosen from the panel count.</summary>
    public int? Columns { get; init; }
    /// <inheritdoc/>
    public abstract string Title { get; init; }

    /// <summary>Checks the style, every panel and that the layout has room for them.</summary>
    public virtual void Validate()
    {
        Style.Validate();
        foreach (var p in Panels) p.Validate();
        FigurePage.Shape(Panels.Count, Rows, Columns);
    }

    /// <summary>The legend's entries.</summary>
    public abstract IReadOnlyList<LegendItem> LegendItems();

    /// <inheritdoc/>
    public FigurePage Page()
    {
        Validate();
        var panels = Panels.Select((p, i) => PanelPlot.Create(Style, PanelPlot.Heading(i, Panels.Count, p.Heading))).ToList();
        for (int i = 0; i < panels.Count; i++) DrawPanel(panels[i], Panels[i]);
        return FigurePage.Create(Style, Title, panels, Rows, Columns, LegendItems());
    }

    private protected abstract void DrawPanel(Plot plot, SeriesPanel panel);
}
