using ScottPlot;

namespace RweStats.Figures;

/// <summary>The entries of a figure's legend as ScottPlot legend items: a line (with its pattern), a marker, both, or a filled box.</summary>
internal static class FigureLegend
{
    static LegendItem Item(string label) => new()
    {
        LabelText = label,
        LineStyle = new LineStyle { Width = 0, IsVisible = false },
        FillStyle = new FillStyle { Color = Colors.Transparent },
        OutlineStyle = new LineStyle { Width = 0, IsVisible = false },
        MarkerStyle = MarkerStyle.None,
        ArrowStyle = new ArrowStyle { IsVisible = false },
    };

    /// <summary>Width of the legend's symbols in points (the line samples).</summary>
    public const float SymbolWidth = 14;

    /// <summary>A line sample; dashed (<paramref name="dash"/>: points on, off) as geometry, as the figure draws it (<see cref="DashedPath"/>).</summary>
    public static LegendItem Line(string label, Color color, float width, float[]? dash = null, MarkerStyle? marker = null)
    {
        var item = Item(label);
        if (dash is null)
        {
            item.LineStyle = new LineStyle { Width = width, Color = color, IsVisible = true, AntiAlias = true };
            if (marker is not null) item.MarkerStyle = marker;
        }
        else item.MarkerStyle = new MarkerStyle(MarkerShape.FilledCircle, 1) { CustomRenderer = new DashedPath.LegendSample(dash, SymbolWidth, color, width, marker) };
        return item;
    }

    public static LegendItem Marker(string label, Color color, MarkerShape shape)
    {
        var item = Item(label);
        item.MarkerStyle = new MarkerStyle(shape, 4.5f, color) { OutlineColor = Colors.White, OutlineWidth = 0.3f };
        return item;
    }

    public static LegendItem LineAndMarker(string label, Color color, float width, float[]? dash, MarkerShape shape) =>
        Line(label, color, width, dash, new MarkerStyle(shape, 4.5f, color) { OutlineColor = Colors.White, OutlineWidth = 0.3f });

    /// <summary>A box as the boxes are drawn: translucent fill, outline in the colour.</summary>
    public static LegendItem Box(string label, Color color)
    {
        var item = Item(label);
        item.FillStyle = new FillStyle { Color = color.WithAlpha(0.18) };
        item.OutlineStyle = new LineStyle { Width = 0.7f, Color = color, IsVisible = true };
        return item;
    }

    public static LegendItem Fill(string label, Color color)
    {
        var item = Item(label);
        item.FillStyle = new FillStyle { Color = color };
        return item;
    }
}
