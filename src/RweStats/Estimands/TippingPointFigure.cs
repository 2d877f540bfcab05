using System.Globalization;
using ScottPlot;

namespace RweStats.Estimands;

/// <summary>
/// The tipping-point figure: the treatment difference and its confidence interval against the shift of the imputed
/// values (points and a band), the line of no difference, and the shift where the test at α changes its conclusion.
/// A second panel-free axis is not used: the p-value is written at the tipping point.
/// </summary>
public static class TippingPointFigure
{
    /// <summary>Writes the figure as PNG (width × height pixels).</summary>
    public static void SavePng(TippingPointAnalysis analysis, string path, string outcomeLabel, int width = 900, int height = 560) =>
        Build(analysis, outcomeLabel).SavePng(path, width, height);

    /// <summary>The figure as a ScottPlot plot.</summary>
    public static Plot Build(TippingPointAnalysis analysis, string outcomeLabel)
    {
        var plot = new Plot();
        var x = analysis.Grid.Select(r => r.Shift).ToArray();
        var estimate = analysis.Grid.Select(r => r.Result.Estimate).ToArray();
        var lower = analysis.Grid.Select(r => r.Result.Lower).ToArray();
        var upper = analysis.Grid.Select(r => r.Result.Upper).ToArray();
        var level = (1 - analysis.Alpha).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "");

        var band = plot.Add.FillY(x, upper, lower);
        band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = $"{level} confidence interval";
        var line = plot.Add.Scatter(x, estimate);
        line.Color = Colors.SteelBlue;
        line.LineWidth = 2;
        line.MarkerSize = 4;
        line.LegendText = "treatment difference";
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        if (analysis.TippingShift is { } tip)
        {
            var v = plot.Add.VerticalLine(tip);
            v.Color = Colors.FireBrick;
            v.LinePattern = LinePattern.Dashed;
            v.LineWidth = 1.5f;
            v.LegendText = $"p = α = {analysis.Alpha.ToString(CultureInfo.InvariantCulture)} at shift {tip.ToString("G4", CultureInfo.InvariantCulture)}";
        }
        plot.Title($"Tipping point: {outcomeLabel} at visit {analysis.Visit}");
        plot.XLabel($"shift added to the imputed values of arm {analysis.Arm}");
        plot.YLabel("treatment difference (second arm − first)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
