using MathNet.Numerics.Distributions;
using ScottPlot;

namespace RweStats.Figures;

/// <summary>Which residuals a residual figure shows; the axis titles name it.</summary>
public enum ResidualKind
{
    /// <summary>The subject's marginal residuals premultiplied by the inverse Cholesky root of V_i (SAS VCIRY): uncorrelated, unit variance under the model.</summary>
    CholeskyScaled,
    /// <summary>Marginal residuals over √Var(y).</summary>
    Pearson,
    /// <summary>Marginal residuals y − xβ̂, on the outcome's scale.</summary>
    Raw,
}

/// <summary>
/// Residual diagnostics of a fit, two panels: (A) normal Q–Q plot of the residuals with the line through the
/// quartiles, as R's qqnorm + qqline; (B) residuals against fitted values with the zero line. Pass scaled
/// (Cholesky or Pearson) residuals so that the Q–Q plot is meaningful for correlated data
/// (Santos Nobre &amp; da Motta Singer 2007).
/// </summary>
public sealed record ResidualDiagnosticsFigure : IFigure
{
    /// <summary>Fitted values, one per residual.</summary>
    public required IReadOnlyList<double> Fitted { get; init; }
    /// <summary>The residuals, of <see cref="Kind"/>.</summary>
    public required IReadOnlyList<double> Residuals { get; init; }
    /// <summary>Which residuals they are; default Cholesky-scaled.</summary>
    public ResidualKind Kind { get; init; } = ResidualKind.CholeskyScaled;
    /// <summary>The x-axis title of the residual-versus-fitted panel.</summary>
    public string FittedLabel { get; init; } = "Fitted value";
    /// <summary>The outcome whose residuals these are (e.g. "SELENA-SLEDAI"), named in both panel titles; null: not named.</summary>
    public string? Outcome { get; init; }
    /// <inheritdoc/>
    public FigureStyle Style { get; init; } = FigureStyle.DoubleColumn;
    /// <inheritdoc/>
    public string Title { get; init; } = "Residual diagnostics";

    /// <summary>The y-axis title: which residual it is.</summary>
    public string ResidualLabel => Kind switch
    {
        ResidualKind.CholeskyScaled => "Cholesky-scaled residual",
        ResidualKind.Pearson => "Pearson residual",
        _ => "Raw residual",
    };

    /// <summary>Checks the style and that fitted values and residuals pair up.</summary>
    public void Validate()
    {
        Style.Validate();
        if (Fitted.Count != Residuals.Count) throw new RweStatsInputException($"residual figure: {Fitted.Count} fitted values for {Residuals.Count} residuals");
        if (Residuals.Count < 3) throw new RweStatsInputException("residual figure: needs at least 3 residuals");
        if (Fitted.Concat(Residuals).Any(v => !double.IsFinite(v))) throw new RweStatsInputException("residual figure: fitted values and residuals must be finite (drop missing observations first)");
    }

    /// <summary>R's ppoints(n): (i − a)/(n + 1 − 2a), a = 3/8 for n ≤ 10 and 1/2 above (Blom 1958).</summary>
    public static double[] PlottingPositions(int n)
    {
        double a = n <= 10 ? 3.0 / 8 : 0.5;
        return Enumerable.Range(1, n).Select(i => (i - a) / (n + 1 - 2 * a)).ToArray();
    }

    /// <summary>Theoretical normal quantiles and sorted residuals, pairwise: the points of the Q–Q plot.</summary>
    public (double[] theoretical, double[] sample) QqPoints()
    {
        var sample = Residuals.Order().ToArray();
        var theoretical = PlottingPositions(sample.Length).Select(p => Normal.InvCDF(0, 1, p)).ToArray();
        return (theoretical, sample);
    }

    /// <summary>R's qqline: through the first and third quartiles (type 7) of sample and normal distribution.</summary>
    public (double slope, double intercept) QqLine()
    {
        var sorted = Residuals.Order().ToArray();
        double y1 = Descriptives.Quantiles.Sorted(sorted, 0.25), y3 = Descriptives.Quantiles.Sorted(sorted, 0.75);
        double x1 = Normal.InvCDF(0, 1, 0.25), x3 = Normal.InvCDF(0, 1, 0.75);
        double slope = (y3 - y1) / (x3 - x1);
        return (slope, y1 - slope * x1);
    }

    string Named(string panel) => Outcome is null ? panel : $"{Outcome}: {char.ToLowerInvariant(panel[0])}{panel[1..]}";

    /// <inheritdoc/>
    public FigurePage Page()
    {
        Validate();
        var (theoretical, sample) = QqPoints();
        var panels = new[]
        {
            Panel(0, Named("Normal Q–Q plot"), "Normal quantile", theoretical, sample, QqLine(), includeZero: false),
            Panel(1, Named("Residuals vs fitted"), FittedLabel, Fitted.ToArray(), Residuals.ToArray(), (0, 0), includeZero: true),
        };
        // Side by side; stacked (wider, flatter panels) when a panel title naming the outcome would not fit half the
        // width, as in a single column: a title shortened to "SELENA-SLEDAI: normal…" names neither the outcome nor the plot.
        using var paint = Paint.NewDisposablePaint();
        if (panels.All(p => p.Axes.Title.Label.Measure(p.Axes.Title.Label.Text, paint).Width <= FigurePage.CellWidth(Style, 2)))
            return FigurePage.Create(Style, Title, panels, 1, 2, Array.Empty<LegendItem>());
        double height = FigurePage.CellWidth(Style, 1) * Math.Min(Style.PanelAspect, 0.55);
        return FigurePage.Create(Style, Title, panels, 2, 1, Array.Empty<LegendItem>(), height);
    }

    /// <summary>A panel of residuals <paramref name="ys"/> against <paramref name="xs"/>, with its dashed reference line.</summary>
    Plot Panel(int index, string title, string xTitle, double[] xs, double[] ys, (double Slope, double Intercept) line, bool includeZero)
    {
        var plot = PanelPlot.Create(Style, PanelPlot.Heading(index, 2, title));
        PanelPlot.NumericAxis(plot.Axes.Bottom, xs.Min(), xs.Max(), xTitle);
        PanelPlot.NumericAxis(plot.Axes.Left, includeZero ? Math.Min(0, ys.Min()) : ys.Min(), includeZero ? Math.Max(0, ys.Max()) : ys.Max(), ResidualLabel);
        // The reference line runs to the axis limits or past them (ScottPlot clips it to the data area): a unit beyond the
        // data, or the axis' padding where that is wider (fitted values spanning more than 20 units).
        double x0 = Math.Min(xs.Min() - 1, plot.Axes.Bottom.Min), x1 = Math.Max(xs.Max() + 1, plot.Axes.Bottom.Max);
        PanelPlot.Lines(plot, [[new(x0, line.Intercept + line.Slope * x0), new(x1, line.Intercept + line.Slope * x1)]], Style.Palette.Ink, 0.6f, FigurePalette.ReferenceDash);
        // Translucent points with an outline in their own colour: where residuals pile up (the middle of a Q–Q plot)
        // they darken instead of merging into one white-edged smear.
        var color = Style.Palette.SeriesColor(0);
        PanelPlot.Points(plot, xs.Select((x, k) => new Coordinates(x, ys[k])).ToArray(), MarkerShape.FilledCircle, 2.8f, color.WithAlpha(0.35), color, 0.5f);
        return plot;
    }
}
