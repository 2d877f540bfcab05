using MathNet.Numerics.Distributions;

namespace RweStats.Figures;

/// <summary>
/// Residual diagnostics of a fit, two panels: (A) normal Q–Q plot of the (scaled) residuals with the line through
/// the quartiles, as R's qqnorm + qqline; (B) residuals against fitted values with the zero line. Pass scaled
/// (e.g. Cholesky- or Pearson-scaled) residuals so that the Q–Q plot is meaningful for correlated data
/// (Santos Nobre &amp; da Motta Singer 2007).
/// </summary>
public sealed record ResidualDiagnosticsFigure : IFigure
{
    public required IReadOnlyList<double> Fitted { get; init; }
    public required IReadOnlyList<double> Residuals { get; init; }
    public string ResidualLabel { get; init; } = "Scaled residual";
    public string FittedLabel { get; init; } = "Fitted value";
    public string QuantileLabel { get; init; } = "Normal quantile";
    /// <summary>The outcome whose residuals these are (e.g. "SELENA-SLEDAI"), named in both panel titles; null: not named.</summary>
    public string? Outcome { get; init; }
    public FigureStyle Style { get; init; } = FigureStyle.DoubleColumn;
    public string Title { get; init; } = "Residual diagnostics";

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

    /// <summary>
    /// Side by side; stacked (wider, flatter panels) when a panel title naming the outcome would not fit half the
    /// width, as in a single column: a title shortened to "SELENA-SLEDAI: normal…" names neither the outcome nor the plot.
    /// </summary>
    FigureGrid Grid(FigureFonts fonts)
    {
        var sideBySide = FigureGrid.Create(2, 1, 2, Style, null);
        double room = sideBySide.Cells[0].Width - fonts.Width("AA", Style.Letter);
        bool fits = new[] { Named(QqTitle), Named(FittedTitle) }.All(t => fonts.Width(t, Style.Title) <= room);
        return fits ? sideBySide : FigureGrid.Create(2, 2, 1, Style with { PanelAspect = Math.Min(Style.PanelAspect, 0.55) }, null);
    }

    const string QqTitle = "Normal Q–Q plot", FittedTitle = "Residuals vs fitted";

    public (double Width, double Height) Size(FigureFonts fonts)
    {
        var g = Grid(fonts);
        return (g.WidthPt, g.HeightPt);
    }

    public IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts)
    {
        Validate();
        var grid = Grid(fonts);
        var ledger = new TextLedger(fonts);
        canvas.Rectangle(grid.Figure, new Fill(FigureColor.White), null);
        var (theoretical, sample) = QqPoints();
        var (slope, intercept) = QqLine();
        // Translucent points with an outline in their own colour: where residuals pile up (the middle of a Q–Q plot)
        // they darken instead of merging into one white-edged smear.
        var pointColor = Style.Palette.SeriesColor(0);
        var pointFill = new Fill(pointColor, 0.35);
        var pointStroke = new Stroke(pointColor, 0.5);
        var reference = new Stroke(Style.Palette.Ink, 0.6).Dashed(3, 2);

        var frames = PanelFrame.Aligned(2, grid.Columns, (i, atLeast) => i == 0
            ? FrameOf(grid.Cells[0], 0, Named(QqTitle), QuantileLabel, theoretical, sample, fonts, atLeast)
            : FrameOf(grid.Cells[1], 1, Named(FittedTitle), FittedLabel, Fitted.ToArray(), Residuals.ToArray(), fonts, atLeast, includeZero: true));

        // A: normal Q–Q.
        Panel(canvas, ledger, frames[0], 0, Named(QqTitle), QuantileLabel, theoretical, sample, fonts, frame =>
        {
            double x0 = theoretical[0], x1 = theoretical[^1];
            frame.PushClipAndDraw(canvas, () => canvas.Line(new(frame.X(x0 - 1), frame.Y(intercept + slope * (x0 - 1))),
                new(frame.X(x1 + 1), frame.Y(intercept + slope * (x1 + 1))), reference));
        }, pointFill, pointStroke);

        // B: residuals against fitted values.
        Panel(canvas, ledger, frames[1], 1, Named(FittedTitle), FittedLabel, Fitted.ToArray(), Residuals.ToArray(), fonts, frame =>
        {
            var (lo, hi) = (frame.Plot.Left, frame.Plot.Right);
            canvas.Line(new(lo, frame.Y(0)), new(hi, frame.Y(0)), reference);
        }, pointFill, pointStroke);
        return ledger.Problems();
    }

    PanelFrame FrameOf(FigureRect cell, int index, string title, string xTitle, double[] xs, double[] ys, FigureFonts fonts,
        PanelInsets? atLeast, bool includeZero = false)
    {
        string? letter = Style.PanelLetters ? SeriesFigure.PanelLetter(index) : null;
        string? heading = Style.PanelTitles ? title : null;
        double yMin = ys.Min(), yMax = ys.Max();
        if (includeZero) { yMin = Math.Min(0, yMin); yMax = Math.Max(0, yMax); }
        return PanelFrame.Layout(cell, letter, heading, new XAxisSpec(xs.Min(), xs.Max(), null, xTitle),
            new YAxisSpec(yMin, yMax, false, ResidualLabel), Style, fonts, atLeast: atLeast);
    }

    void Panel(IFigureCanvas canvas, TextLedger ledger, PanelFrame frame, int index, string title, string xTitle,
        double[] xs, double[] ys, FigureFonts fonts, Action<PanelFrame> reference, Fill pointFill, Stroke pointStroke)
    {
        string? letter = Style.PanelLetters ? SeriesFigure.PanelLetter(index) : null;
        string? heading = Style.PanelTitles ? title : null;
        var cell = frame.Cell;
        canvas.BeginGroup(new FigureGroup("panel", title, cell));
        frame.DrawAxes(canvas, ledger, Style, xTitle, ResidualLabel, fonts);
        canvas.BeginGroup(new FigureGroup("reference"));
        reference(frame);
        canvas.EndGroup();
        canvas.BeginGroup(new FigureGroup("points"));
        for (int i = 0; i < xs.Length; i++)
            canvas.Circle(new(frame.X(xs[i]), frame.Y(ys[i])), 1.4, pointFill, pointStroke);
        canvas.EndGroup();
        frame.DrawHeading(canvas, ledger, Style, letter, heading, fonts);
        canvas.EndGroup();
    }
}
