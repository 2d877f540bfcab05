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

    FigureGrid Grid() => FigureGrid.Create(2, 1, 2, Style, null);

    public (double Width, double Height) Size(FigureFonts fonts)
    {
        var g = Grid();
        return (g.WidthPt, g.HeightPt);
    }

    public IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts)
    {
        Validate();
        var grid = Grid();
        var ledger = new TextLedger(fonts);
        canvas.Rectangle(grid.Figure, new Fill(FigureColor.White), null);
        var (theoretical, sample) = QqPoints();
        var (slope, intercept) = QqLine();
        var pointFill = new Fill(Style.Palette.SeriesColor(0), 0.75);
        var reference = new Stroke(Style.Palette.Ink, 0.6).Dashed(3, 2);

        // A: normal Q–Q.
        Panel(canvas, ledger, grid.Cells[0], 0, "Normal Q–Q plot", QuantileLabel, theoretical, sample, fonts, frame =>
        {
            double x0 = theoretical[0], x1 = theoretical[^1];
            frame.PushClipAndDraw(canvas, () => canvas.Line(new(frame.X(x0 - 1), frame.Y(intercept + slope * (x0 - 1))),
                new(frame.X(x1 + 1), frame.Y(intercept + slope * (x1 + 1))), reference));
        }, pointFill);

        // B: residuals against fitted values.
        Panel(canvas, ledger, grid.Cells[1], 1, "Residuals vs fitted", FittedLabel, Fitted.ToArray(), Residuals.ToArray(), fonts, frame =>
        {
            var (lo, hi) = (frame.Plot.Left, frame.Plot.Right);
            canvas.Line(new(lo, frame.Y(0)), new(hi, frame.Y(0)), reference);
        }, pointFill, includeZero: true);
        return ledger.Problems();
    }

    void Panel(IFigureCanvas canvas, TextLedger ledger, FigureRect cell, int index, string title, string xTitle,
        double[] xs, double[] ys, FigureFonts fonts, Action<PanelFrame> reference, Fill pointFill, bool includeZero = false)
    {
        string? letter = Style.PanelLetters ? SeriesFigure.PanelLetter(index) : null;
        string? heading = Style.PanelTitles ? title : null;
        double yMin = ys.Min(), yMax = ys.Max();
        if (includeZero) { yMin = Math.Min(0, yMin); yMax = Math.Max(0, yMax); }
        var frame = PanelFrame.Layout(cell, letter, heading, new XAxisSpec(xs.Min(), xs.Max(), null, xTitle),
            new YAxisSpec(yMin, yMax, false, ResidualLabel), Style, fonts);
        canvas.BeginGroup(new FigureGroup("panel", title, cell));
        frame.DrawAxes(canvas, ledger, Style, xTitle, ResidualLabel, fonts);
        canvas.BeginGroup(new FigureGroup("reference"));
        reference(frame);
        canvas.EndGroup();
        canvas.BeginGroup(new FigureGroup("points"));
        for (int i = 0; i < xs.Length; i++)
            canvas.Circle(new(frame.X(xs[i]), frame.Y(ys[i])), 1.4, pointFill, new Stroke(FigureColor.White, 0.3));
        canvas.EndGroup();
        frame.DrawHeading(canvas, ledger, Style, letter, heading, fonts);
        canvas.EndGroup();
    }
}
