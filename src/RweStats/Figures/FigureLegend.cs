using ScottPlot;

namespace RweStats.Figures;

/// <summary>The entries of a figure's legend as ScottPlot legend items: a line (with its pattern), a marker, both, or a filled box.</summary>
internal static class FigureLegend
{
    /// <summary>Width of the legend's symbols in points (the line samples).</summary>
    public const float SymbolWidth = 14;

    /// <summary>A line sample; dashed (<paramref name="dash"/>: points on, off) as geometry, as the figure draws it (<see cref="DashedPath"/>).</summary>
    public static LegendItem Line(string label, Color color, float width, float[]? dash = null, MarkerStyle? marker = null) => dash is null
        ? new() { LabelText = label, LineStyle = new() { Width = width, Color = color }, MarkerStyle = marker ?? MarkerStyle.None }
        : new() { LabelText = label, MarkerStyle = new(MarkerShape.FilledCircle, 1) { CustomRenderer = new DashedPath.LegendSample(dash, SymbolWidth, color, width, marker) } };

    public static LegendItem Marker(string label, Color color, MarkerShape shape) => new() { LabelText = label, MarkerStyle = Dot(shape, color) };

    public static LegendItem LineAndMarker(string label, Color color, float width, float[]? dash, MarkerShape shape) => Line(label, color, width, dash, Dot(shape, color));

    /// <summary>A box as the boxes are drawn: translucent fill, outline in the colour.</summary>
    public static LegendItem Box(string label, Color color) => new() { LabelText = label, FillColor = color.WithAlpha(0.18), OutlineStyle = new() { Width = 0.7f, Color = color } };

    public static LegendItem Fill(string label, Color color) => new() { LabelText = label, FillColor = color };

    static MarkerStyle Dot(MarkerShape shape, Color color) => new(shape, 4.5f, color) { OutlineColor = Colors.White, OutlineWidth = 0.3f, CustomRenderer = PanelPlot.PolygonMarker.For(shape) };
}
