using System.Globalization;
using RweStats.Estimands;
using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// The tipping-point figure: the treatment difference and its confidence interval against the shift of the imputed
/// values (a band and a line with points), the line of no difference, and the shift where the two-sided test at α
/// changes its conclusion (a dashed vertical line).
/// </summary>
public sealed record TippingPointFigure : IFigure
{
    /// <summary>The tipping-point grid drawn.</summary>
    public required TippingPointAnalysis Analysis { get; init; }
    /// <summary>The outcome, as the title names it (e.g. "CHANGE" or a label with its unit).</summary>
    public required string Outcome { get; init; }
    /// <summary>What the difference is, as the y axis names it (e.g. "PLACEBO − DRUG").</summary>
    public string Difference { get; init; } = "second arm − first";
    /// <inheritdoc/>
    public FigureStyle Style { get; init; } = FigureStyle.SingleColumn;
    /// <inheritdoc/>
    public string Title => $"Tipping point: {Outcome} at visit {Analysis.Visit}";

    /// <inheritdoc/>
    public FigurePage Page()
    {
        Style.Validate();
        var grid = Analysis.Grid;
        double[] x = grid.Select(r => r.Shift).ToArray(), estimate = grid.Select(r => r.Result.Estimate).ToArray();
        double[] lower = grid.Select(r => r.Result.Lower).ToArray(), upper = grid.Select(r => r.Result.Upper).ToArray();
        var ink = Style.Palette.Ink;
        var colour = Style.Palette.SeriesColor(0);
        var tipColour = Style.Palette.Monochrome ? ink : Style.Palette.SeriesColor(3);
        // The panel's heading leaves out "Tipping point" (the axes say it) so that it fits a single column.
        var plot = PanelPlot.Create(Style, $"{Outcome}, visit {Analysis.Visit}");
        PanelPlot.NumericAxis(plot.Axes.Bottom, x.Min(), x.Max(), $"Shift added to the imputed values of {Analysis.Arm}");
        double yMin = Math.Min(0, lower.Min()), yMax = Math.Max(0, upper.Max()), xSpan = Math.Max(1, x.Max() - x.Min());
        PanelPlot.NumericAxis(plot.Axes.Left, yMin, yMax, $"Difference ({Difference})");
        if (x.Length > 1)
        {
            var band = plot.Add.FillY(x, upper, lower);
            band.FillColor = colour.WithAlpha(0.18);
            band.LineWidth = 0;
        }
        // Reference lines run past the axis limits (ScottPlot clips them to the data area).
        PanelPlot.Lines(plot, [[new(x.Min() - xSpan, 0), new(x.Max() + xSpan, 0)]], ink, 0.6f, FigurePalette.ReferenceDash);
        PanelPlot.Lines(plot, [x.Zip(estimate, (a, b) => new Coordinates(a, b)).ToArray()], colour, 1.2f);
        plot.Add.Markers(x, estimate, MarkerShape.FilledCircle, 2.5f, colour);
        string level = (100 * (1 - Analysis.Alpha)).ToString("0.##", CultureInfo.InvariantCulture);
        var legend = new List<LegendItem>
        {
            FigureLegend.LineAndMarker("Treatment difference", colour, 1.2f, null, MarkerShape.FilledCircle),
            FigureLegend.Fill($"{level} % confidence interval", colour.WithAlpha(0.18)),
            FigureLegend.Line("No difference", ink, 0.6f, FigurePalette.ReferenceDash),
        };
        if (Analysis.TippingShift is { } tip)
        {
            PanelPlot.Lines(plot, [[new(tip, 2 * yMin - yMax), new(tip, 2 * yMax - yMin)]], tipColour, 1, FigurePalette.MissedVisitDash);
            legend.Add(FigureLegend.Line(string.Create(CultureInfo.InvariantCulture,
                $"p = α = {Analysis.Alpha} at shift {PanelPlot.Number(Math.Round(tip, 4))} (tipping point)"), tipColour, 1, FigurePalette.MissedVisitDash));
        }
        return FigurePage.Create(Style, Title, new[] { plot }, 1, 1, legend);
    }
}
