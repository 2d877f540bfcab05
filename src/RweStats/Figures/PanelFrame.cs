using System.Globalization;

namespace RweStats.Figures;

/// <summary>
/// The x axis of a panel. With <see cref="Ticks"/> (visits), [<see cref="Min"/>, <see cref="Max"/>] are the axis
/// limits and the ticks are drawn as given; without, the axis is numeric and gets round ticks covering the range.
/// </summary>
public sealed record XAxisSpec(double Min, double Max, IReadOnlyList<AxisTick>? Ticks, string? Title);

/// <summary>The y axis of a panel: the data range to cover (values, intervals, bands), linear or log10.</summary>
public sealed record YAxisSpec(double Min, double Max, bool Log, string Title);

/// <summary>
/// The layout of one panel inside its cell, and its axes. From the top: heading (panel letter, title), an optional
/// band for significance brackets, the plot area, x tick labels (turned 45° when they would collide), x title;
/// from the left: y title (turned 90°), y tick labels, ticks, plot. Sizes come from measured text, and the layout
/// is iterated because the y tick count depends on the plot height, the tick labels' width on the ticks, and the
/// bracket band on where the visits fall.
/// </summary>
public sealed class PanelFrame
{
    public const double TickLength = 2.5, LabelGap = 1.5, Pad = 2;
    /// <summary>Axis limits extend this fraction of the tick span beyond the outer ticks, so marks on them are not cut.</summary>
    public const double Expansion = 0.03;

    public FigureRect Cell { get; }
    public FigureRect Plot { get; }
    public double HeadingHeight { get; }
    public IReadOnlyList<AxisTick> XTicks { get; }
    public IReadOnlyList<AxisTick> YTicks { get; }
    /// <summary>0, −45 or −90 degrees: visit labels turn when they would collide side by side.</summary>
    public double XLabelRotation { get; }
    /// <summary>Which x tick labels are drawn (all, unless even turned labels collide and some are left out).</summary>
    public IReadOnlyList<bool> XLabelShown { get; }
    public bool YLog { get; }
    readonly double _xLo, _xHi, _yLo, _yHi; // axis limits, y in log10 units on a log axis

    PanelFrame(FigureRect cell, FigureRect plot, double headingHeight, IReadOnlyList<AxisTick> xTicks, IReadOnlyList<AxisTick> yTicks,
        double rotation, IReadOnlyList<bool> shown, bool yLog, double xLo, double xHi, double yLo, double yHi)
    {
        Cell = cell; Plot = plot; HeadingHeight = headingHeight; XTicks = xTicks; YTicks = yTicks; XLabelRotation = rotation; XLabelShown = shown;
        YLog = yLog; _xLo = xLo; _xHi = xHi; _yLo = yLo; _yHi = yHi;
    }

    public double X(double v) => Plot.Left + (v - _xLo) / (_xHi - _xLo) * Plot.Width;
    public double Y(double v) => Plot.Bottom - ((YLog ? Math.Log10(v) : v) - _yLo) / (_yHi - _yLo) * Plot.Height;
    /// <summary>Lowest and highest values the y axis shows.</summary>
    public (double low, double high) YLimits => YLog ? (Math.Pow(10, _yLo), Math.Pow(10, _yHi)) : (_yLo, _yHi);

    public static double HeadingHeightFor(string? letter, string? title, FigureStyle style, FigureFonts fonts) =>
        letter is null && title is null ? 0 : fonts.LineHeight(style.Letter) + Pad;

    public static PanelFrame Layout(FigureRect cell, string? letter, string? title, XAxisSpec x, YAxisSpec y,
        FigureStyle style, FigureFonts fonts, Func<Func<double, double>, double>? bandHeight = null, PanelInsets? atLeast = null)
    {
        var small = style.Small;
        double lineSmall = fonts.LineHeight(small), lineBase = fonts.LineHeight(style.Base);
        double heading = HeadingHeightFor(letter, title, style, fonts);
        double yTitleWidth = lineBase + Pad;
        double xTitleHeight = x.Title is null ? 0 : lineBase + 1;
        double plotHeight = cell.Height * 0.6;
        PanelFrame? frame = null;
        for (int iteration = 0; iteration < 6; iteration++)
        {
            int maxY = Math.Max(2, (int)Math.Floor(plotHeight / (lineSmall * 1.7)) + 1);
            var yRaw = y.Log ? AxisTicks.Log10(y.Min, y.Max, maxY) : AxisTicks.Linear(y.Min, y.Max, maxY, Math.Min(6, maxY));
            var yTicks = AxisTicks.Label(yRaw, y.Log);
            double yLabelWidth = yTicks.Max(t => fonts.Width(t.Label, small));
            double left = cell.Left + yTitleWidth + yLabelWidth + LabelGap + TickLength, right = cell.Right - Pad;
            if (atLeast is { } a) { left = Math.Max(left, cell.Left + a.Left); right = Math.Min(right, cell.Right - a.Right); }

            IReadOnlyList<AxisTick> xTicks = x.Ticks ?? Array.Empty<AxisTick>();
            double xLo = x.Min, xHi = x.Max;
            double rotation = 0;
            bool[] shown = Array.Empty<bool>();
            double xLabelHeight = lineSmall;
            int fewer = 0; // ticks dropped from the numeric x axis after labels collided
            bool thin = false;
            for (int fit = 0; fit < 12; fit++)
            {
                double l = left, r = right;
                if (x.Ticks is null)
                {
                    // Numeric x: as many round ticks as fit side by side with a space between labels. The axis spans
                    // the data (plus a margin for the marks), not the covering ticks: covering ticks of a few steps can
                    // double the range (data within ±3, axis −5 to 5), so ticks inside the data range are preferred.
                    double widest = fonts.Width("−00.0", small);
                    int maxX = Math.Max(2, (int)Math.Floor((r - l) / (widest + 6)) + 1 - fewer);
                    double dataSpan = x.Max - x.Min, margin = dataSpan > 0 ? 0.04 * dataSpan : Math.Max(0.5, Math.Abs(x.Min) * 0.1);
                    double tightLo = x.Min - margin, tightHi = x.Max + margin;
                    var inside = AxisTicks.Linear(x.Min, x.Max, maxX + 2, Math.Min(6, maxX))
                        .Where(t => t >= tightLo - 1e-9 * Math.Abs(tightLo) && t <= tightHi + 1e-9 * Math.Abs(tightHi)).ToList();
                    if (inside.Count >= 2 && inside.Count <= maxX)
                    {
                        xTicks = AxisTicks.Label(inside, false);
                        xLo = tightLo;
                        xHi = tightHi;
                    }
                    else
                    {
                        var raw = AxisTicks.Linear(x.Min, x.Max, maxX, Math.Min(6, maxX));
                        xTicks = AxisTicks.Label(raw, false);
                        double span = raw[^1] - raw[0];
                        xLo = raw[0] - Expansion * span;
                        xHi = raw[^1] + Expansion * span;
                    }
                }
                double Map(double v) => l + (v - xLo) / (xHi - xLo) * (r - l);
                var corners = xTicks.Select(t => XLabelCorners(fonts, style, t.Label, Map(t.Value), 0, rotation)).ToList();
                // Labels collide when neighbours come closer than 2 pt; turned labels are compared as slanted strips.
                shown = Enumerable.Repeat(true, xTicks.Count).ToArray();
                if (thin)
                {
                    // Last resort for crowded visit labels: keep every label that clears the last one kept.
                    int last = 0;
                    for (int i = 1; i < corners.Count; i++)
                        if (TextGeometry.Overlap(corners[last], corners[i], -2)) shown[i] = false; else last = i;
                }
                var visible = Enumerable.Range(0, corners.Count).Where(i => shown[i]).ToList();
                bool collide = visible.Zip(visible.Skip(1)).Any(p => TextGeometry.Overlap(corners[p.First], corners[p.Second], -2));
                if (collide && x.Ticks is not null)
                {
                    if (rotation == 0) rotation = -45;
                    else if (rotation == -45) rotation = -90;
                    else thin = true;
                    continue;
                }
                if (collide) { fewer++; continue; }
                var boxes = visible.Select(i => TextGeometry.Enclose(corners[i])).ToList();
                double overLeft = Math.Max(0, cell.Left - boxes.Min(b => b.Left)), overRight = Math.Max(0, boxes.Max(b => b.Right) - cell.Right);
                xLabelHeight = boxes.Max(b => b.Bottom);
                if (overLeft <= 1e-9 && overRight <= 1e-9) break;
                left += overLeft;
                right -= overRight;
            }

            double band = 0;
            if (bandHeight is not null)
            {
                double l = left, r = right, lo = xLo, hi = xHi;
                band = bandHeight(v => l + (v - lo) / (hi - lo) * (r - l));
            }
            // Room above the plot for half of the top y tick label when there are no brackets.
            double top = cell.Top + heading + Math.Max(band, lineSmall / 2 + 1);
            double bottom = cell.Bottom - (TickLength + LabelGap + xLabelHeight + xTitleHeight);
            if (atLeast is { } b) { top = Math.Max(top, cell.Top + b.Top); bottom = Math.Min(bottom, cell.Bottom - b.Bottom); }
            if (bottom - top < 20)
                throw new RweStatsInputException($"panel of {FigureUnits.PtToMm(cell.Height):0} mm is too short for its text and significance brackets; use a taller panel (PanelHeightMm), fewer columns or a smaller font");
            double yLo = y.Log ? Math.Log10(yRaw[0]) : yRaw[0], yHi = y.Log ? Math.Log10(yRaw[^1]) : yRaw[^1];
            double ySpan = yHi - yLo;
            frame = new PanelFrame(cell, FigureRect.FromEdges(left, top, right, bottom), heading, xTicks, yTicks, rotation, shown, y.Log,
                xLo, xHi, yLo - Expansion * ySpan, yHi + Expansion * ySpan);
            if (Math.Abs(bottom - top - plotHeight) < 0.5) break;
            plotHeight = bottom - top;
        }
        return frame!;
    }

    /// <summary>
    /// Lays out the panels of a grid so that they line up: each alone first, then again with at least the room around
    /// the data area that the most demanding panel of its row (top, bottom) and of its column (left, right) took, so
    /// the data areas of a row share their top and height and those of a column their left and width (as a journal's
    /// multi-panel figure, and as fixed ScottPlot layouts need). Repeated while a panel's own needs still grow
    /// (wider tick labels after the change), at most three times.
    /// </summary>
    public static IReadOnlyList<PanelFrame> Aligned(int panels, int columns, Func<int, PanelInsets?, PanelFrame> layout)
    {
        var frames = Enumerable.Range(0, panels).Select(i => layout(i, null)).ToList();
        for (int pass = 0; pass < 3; pass++)
        {
            var insets = frames.Select(PanelInsets.Of).ToList();
            PanelInsets Shared(int i)
            {
                var row = Enumerable.Range(0, panels).Where(k => k / columns == i / columns).Select(k => insets[k]).ToList();
                var column = Enumerable.Range(0, panels).Where(k => k % columns == i % columns).Select(k => insets[k]).ToList();
                return new PanelInsets(column.Max(c => c.Left), row.Max(r => r.Top), column.Max(c => c.Right), row.Max(r => r.Bottom));
            }
            var wanted = Enumerable.Range(0, panels).Select(Shared).ToList();
            if (Enumerable.Range(0, panels).All(i => insets[i].Covers(wanted[i]))) break;
            frames = Enumerable.Range(0, panels).Select(i => layout(i, wanted[i])).ToList();
        }
        return frames;
    }

    /// <summary>Where an x tick label goes: centred under its tick, or turned about its end at the tick.</summary>
    public static (TextAnchor anchor, TextBaseline baseline) XLabelPlacement(double rotation) =>
        rotation == 0 ? (TextAnchor.Middle, TextBaseline.Top) : (TextAnchor.End, TextBaseline.Middle);

    static FigurePoint[] XLabelCorners(FigureFonts fonts, FigureStyle style, string label, double x, double y, double rotation)
    {
        var (anchor, baseline) = XLabelPlacement(rotation);
        return TextGeometry.Corners(fonts, label, style.Small, new(x, y), anchor, baseline, rotation);
    }

    /// <summary>Runs <paramref name="draw"/> clipped to the plot area (for lines that may run past the axes).</summary>
    public void PushClipAndDraw(IFigureCanvas canvas, Action draw)
    {
        canvas.PushClip(Plot);
        draw();
        canvas.PopClip();
    }

    /// <summary>
    /// The panel's axes (left and bottom, the journal "L" frame): recorded in the figure model and drawn by ScottPlot's
    /// axes (<see cref="PanelAxes"/>); their texts are checked with the others. Titles are shortened rather than overflow;
    /// the y title is centred on the plot, moved along it when it is longer than the plot is high.
    /// </summary>
    public PanelAxes DrawAxes(IFigureCanvas canvas, TextLedger ledger, FigureStyle style, string? xTitle, string yTitle, FigureFonts fonts)
    {
        var yText = fonts.Fit(yTitle, style.Base, Plot.Height + Plot.Top - (Cell.Top + HeadingHeight));
        double yCenter = Math.Clamp(Plot.CenterY, Cell.Top + HeadingHeight + fonts.Width(yText, style.Base) / 2, Plot.Bottom - fonts.Width(yText, style.Base) / 2);
        var axes = new PanelAxes(Cell, Plot, _xLo, _xHi, _yLo, _yHi, YLog, XTicks, XLabelShown, XLabelRotation, YTicks,
            xTitle is null ? null : fonts.Fit(xTitle, style.Base, Plot.Width), yText, yCenter, style.Small, style.Base, style.Palette.Ink);
        canvas.Axes(axes);
        foreach (var t in axes.Texts()) ledger.Record(Cell, t);
        return axes;
    }

    /// <summary>Bold panel letter at the top-left corner and the panel title on the same baseline.</summary>
    public void DrawHeading(IFigureCanvas canvas, TextLedger ledger, FigureStyle style, string? letter, string? title, FigureFonts fonts)
    {
        if (letter is null && title is null) return;
        canvas.BeginGroup(new FigureGroup("heading"));
        double baseline = Cell.Top + fonts.Ascent(style.Letter), x = Cell.Left;
        if (letter is not null)
        {
            ledger.Text(canvas, Cell, letter, new(x, baseline), style.Letter);
            x += fonts.Width(letter, style.Letter) + 0.5 * style.FontSizePt;
        }
        if (title is not null)
        {
            var text = fonts.Fit(title, style.Title, Cell.Right - x);
            ledger.Text(canvas, Cell, text, new(x, baseline), style.Title);
        }
        canvas.EndGroup();
    }
}

/// <summary>Room between a panel's cell and its data area, in points, on each side.</summary>
public readonly record struct PanelInsets(double Left, double Top, double Right, double Bottom)
{
    public static PanelInsets Of(PanelFrame f) =>
        new(f.Plot.Left - f.Cell.Left, f.Plot.Top - f.Cell.Top, f.Cell.Right - f.Plot.Right, f.Cell.Bottom - f.Plot.Bottom);

    /// <summary>At least <paramref name="other"/> on every side (to 0.01 pt).</summary>
    public bool Covers(PanelInsets other) =>
        Left >= other.Left - 0.01 && Top >= other.Top - 0.01 && Right >= other.Right - 0.01 && Bottom >= other.Bottom - 0.01;
}
