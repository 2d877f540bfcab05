namespace RweStats.Figures;

/// <summary>
/// The panel cells of a figure: <c>rows × columns</c> cells of equal size filling the style's width, separated by
/// the panel gap, above an optional legend strip. Panels fill row by row (A B / C D).
/// </summary>
public sealed record FigureGrid(int Rows, int Columns, double WidthPt, double HeightPt, IReadOnlyList<FigureRect> Cells, FigureRect? LegendArea)
{
    /// <summary>Outer margin: keeps strokes at the edge (axis lines, points on the frame) inside the page.</summary>
    public const double MarginPt = 2;

    /// <summary>Rows × columns for <paramref name="panels"/> panels: the given layout, or about square (4 → 2×2, 3 → 1×3, 6 → 2×3).</summary>
    public static (int rows, int columns) Shape(int panels, int? rows, int? columns)
    {
        if (panels < 1) throw new RweStatsInputException("a figure needs at least one panel");
        if (rows is { } r && columns is { } c)
        {
            if (r < 1 || c < 1 || r * c < panels) throw new RweStatsInputException($"a {r}×{c} layout has no room for {panels} panels");
            return (r, c);
        }
        if (rows is { } r2) { if (r2 < 1) throw new RweStatsInputException("layout rows must be at least 1"); return (r2, (panels + r2 - 1) / r2); }
        if (columns is { } c2) { if (c2 < 1) throw new RweStatsInputException("layout columns must be at least 1"); return ((panels + c2 - 1) / c2, c2); }
        int cols = panels <= 3 ? panels : panels == 4 ? 2 : 3;
        return ((panels + cols - 1) / cols, cols);
    }

    public static FigureGrid Create(int panels, int? rows, int? columns, FigureStyle style, Func<double, double>? legendHeightForWidth)
    {
        var (r, c) = Shape(panels, rows, columns);
        double width = style.WidthPt, gap = FigureUnits.MmToPt(style.PanelGapMm);
        double cellW = (width - 2 * MarginPt - (c - 1) * gap) / c;
        if (cellW < 60) throw new RweStatsInputException($"{c} panels side by side leave {FigureUnits.PtToMm(cellW):0} mm each; use fewer columns or a wider figure");
        double cellH = style.PanelHeightMm is { } h ? FigureUnits.MmToPt(h) : cellW * style.PanelAspect;
        var cells = new List<FigureRect>();
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                cells.Add(new FigureRect(MarginPt + j * (cellW + gap), MarginPt + i * (cellH + gap), cellW, cellH));
        double gridBottom = MarginPt + r * cellH + (r - 1) * gap;
        FigureRect? legend = null;
        double height = gridBottom + MarginPt;
        if (legendHeightForWidth is not null)
        {
            double lh = legendHeightForWidth(width - 2 * MarginPt);
            if (lh > 0)
            {
                legend = new FigureRect(MarginPt, gridBottom + gap * 0.75, width - 2 * MarginPt, lh);
                height = legend.Value.Bottom + MarginPt;
            }
        }
        return new FigureGrid(r, c, width, height, cells, legend);
    }

    public FigureRect Figure => new(0, 0, WidthPt, HeightPt);
}
