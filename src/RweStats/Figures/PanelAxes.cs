using System.Globalization;

namespace RweStats.Figures;

/// <summary>A text the layout placed: anchor point, anchor along and across the text, rotation (clockwise degrees).</summary>
public sealed record PlacedText(string Text, FigurePoint At, TextStyle Style, TextAnchor Anchor, TextBaseline Baseline, double RotationDegrees = 0);

/// <summary>
/// A panel's axes as the figure model records them and ScottPlot draws them (<see cref="ScottPlotPanels"/>): the
/// data area in points, the axis limits in axis units (y in log10 units on a log axis), the ticks
/// <see cref="AxisTicks"/> chose with their labels (a label left out when crowded is empty), the x labels' rotation,
/// and the two titles, already shortened to fit, with the anchor points the layout reserved room for. The layout
/// (<see cref="PanelFrame"/>) decides all of it; ScottPlot's left and bottom axes draw it with manual tick generators.
/// </summary>
public sealed record PanelAxes(
    FigureRect Cell, FigureRect Plot, double XMin, double XMax, double YMin, double YMax, bool YLog,
    IReadOnlyList<AxisTick> XTicks, IReadOnlyList<bool> XLabelShown, double XLabelRotation, IReadOnlyList<AxisTick> YTicks,
    string? XTitle, string YTitle, double YTitleCenter, TextStyle TickLabelStyle, TextStyle TitleStyle, FigureColor Ink)
{
    /// <summary>Width of the axis lines and ticks, in points.</summary>
    public const double LineWidth = 0.6;

    /// <summary>Figure x (points) of an x value.</summary>
    public double X(double v) => Plot.Left + (v - XMin) / (XMax - XMin) * Plot.Width;

    /// <summary>Figure y (points) of a y value (a value, not its logarithm, on a log axis).</summary>
    public double Y(double v) => Plot.Bottom - (AxisUnits(v) - YMin) / (YMax - YMin) * Plot.Height;

    /// <summary>The position of a y value on the axis: its log10 on a log axis.</summary>
    public double AxisUnits(double v) => YLog ? Math.Log10(v) : v;

    /// <summary>Axis coordinates (x, y in axis units) of a figure point: how the panel's data go into its ScottPlot plot.</summary>
    public (double x, double y) ToAxisUnits(FigurePoint p) =>
        (XMin + (p.X - Plot.Left) / Plot.Width * (XMax - XMin), YMin + (Plot.Bottom - p.Y) / Plot.Height * (YMax - YMin));

    /// <summary>Axis units per point across and up the data area (a circle of radius r pt has radii r·these).</summary>
    public (double x, double y) UnitsPerPoint => ((XMax - XMin) / Plot.Width, (YMax - YMin) / Plot.Height);

    public (TextAnchor anchor, TextBaseline baseline) XLabelPlacement => PanelFrame.XLabelPlacement(XLabelRotation);

    public PlacedText YTickLabel(AxisTick t) =>
        new(t.Label, new(Plot.Left - PanelFrame.TickLength - PanelFrame.LabelGap, Y(t.Value)), TickLabelStyle, TextAnchor.End, TextBaseline.Middle);

    public PlacedText XTickLabel(int i)
    {
        var (anchor, baseline) = XLabelPlacement;
        return new(XLabelShown[i] ? XTicks[i].Label : "", new(X(XTicks[i].Value), Plot.Bottom + PanelFrame.TickLength + PanelFrame.LabelGap),
            TickLabelStyle, anchor, baseline, XLabelRotation);
    }

    /// <summary>The y title, turned to read bottom to top, its top at the cell's left edge.</summary>
    public PlacedText YTitleText => new(YTitle, new(Cell.Left, YTitleCenter), TitleStyle, TextAnchor.Middle, TextBaseline.Top, -90);

    /// <summary>The x title (if any), centred under the data area on the cell's bottom edge.</summary>
    public PlacedText? XTitleText => XTitle is null ? null : new(XTitle, new(Plot.CenterX, Cell.Bottom), TitleStyle, TextAnchor.Middle, TextBaseline.Bottom);

    /// <summary>Every text of the axes, for the overlap checks.</summary>
    public IEnumerable<PlacedText> Texts()
    {
        foreach (var t in YTicks) yield return YTickLabel(t);
        for (int i = 0; i < XTicks.Count; i++) yield return XTickLabel(i);
        yield return YTitleText;
        if (XTitleText is { } x) yield return x;
    }

    /// <summary>
    /// The axes for the figure model: axis lines, one "y-tick"/"x-tick" group per tick (data-key = value) with its
    /// line and label, and the titles, where ScottPlot draws them.
    /// </summary>
    public void Describe(IFigureCanvas canvas)
    {
        var axis = new Stroke(Ink, LineWidth);
        canvas.Line(new(Plot.Left, Plot.Top), new(Plot.Left, Plot.Bottom), axis);
        canvas.Line(new(Plot.Left, Plot.Bottom), new(Plot.Right, Plot.Bottom), axis);
        foreach (var t in YTicks)
        {
            canvas.BeginGroup(new FigureGroup("y-tick", t.Value.ToString("R", CultureInfo.InvariantCulture)));
            double y = Y(t.Value);
            canvas.Line(new(Plot.Left - PanelFrame.TickLength, y), new(Plot.Left, y), axis);
            Write(canvas, YTickLabel(t));
            canvas.EndGroup();
        }
        for (int i = 0; i < XTicks.Count; i++)
        {
            canvas.BeginGroup(new FigureGroup("x-tick", XTicks[i].Value.ToString("R", CultureInfo.InvariantCulture)));
            double x = X(XTicks[i].Value);
            canvas.Line(new(x, Plot.Bottom), new(x, Plot.Bottom + PanelFrame.TickLength), axis);
            Write(canvas, XTickLabel(i));
            canvas.EndGroup();
        }
        Write(canvas, YTitleText);
        if (XTitleText is { } xt) Write(canvas, xt);
    }

    static void Write(IFigureCanvas canvas, PlacedText t)
    {
        if (t.Text.Length > 0) canvas.Text(t.Text, t.At, t.Style, t.Anchor, t.Baseline, t.RotationDegrees);
    }
}
