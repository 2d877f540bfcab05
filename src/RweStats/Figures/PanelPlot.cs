using System.Globalization;
using ScottPlot;
using ScottPlot.AxisPanels;
using ScottPlot.TickGenerators;

namespace RweStats.Figures;

/// <summary>
/// A panel's ScottPlot plot as every figure sets it up: white, no grid; left and bottom axes in the shipped DejaVu
/// Sans at the style's sizes (top and right hidden; the top axis is the p-value band when the panel has brackets);
/// the panel letter and title as ScottPlot's title; the tick rules ScottPlot has no word for; lines and points.
/// </summary>
internal static class PanelPlot
{
    public const float AxisLineWidth = 0.6f, TickLength = 3;

    public static Plot Create(FigureStyle style, string heading)
    {
        FigureFonts.EnsureRegistered();
        var plot = new Plot();
        plot.HideGrid();
        var ink = style.Palette.Ink;
        plot.Axes.Color(ink);
        foreach (var axis in new[] { (AxisBase)plot.Axes.Left, (AxisBase)plot.Axes.Bottom })
        {
            axis.FrameLineStyle.Width = AxisLineWidth;
            axis.MajorTickStyle = new TickMarkStyle { Length = TickLength, Width = AxisLineWidth, Color = ink, AntiAlias = true };
            axis.MinorTickStyle = new TickMarkStyle { Length = 0, Width = 0, Color = Colors.Transparent };
            axis.PaddingOutsideAxisLabels = new PixelPadding(1);
            // ScottPlot measures a y axis as its widest tick label plus these paddings, but draws the labels the tick
            // length plus 5 px away from the axis: the padding between ticks and title makes room for both.
            axis.PaddingBetweenTickAndAxisLabels = new PixelPadding(left: (TickLength + 7) / 2, right: (TickLength + 7) / 2, bottom: 2.5f, top: 2.5f);
            foreach (var label in new[] { axis.TickLabelStyle, axis.LabelStyle })
            {
                label.FontName = FigureFonts.FamilyName;
                label.FontSize = (float)style.FontSizePt;
                label.Bold = false;
            }
        }
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.IsVisible = false;
        plot.Axes.Top.RemoveTickGenerator();
        // Room for half a tick label above the data area (the top tick's label is centred on it), under the title.
        plot.Axes.Top.LockSize((float)(0.6 * style.FontSizePt));
        // The heading starts at the cell's left edge: ScottPlot centres the title between the plot's left edge and the
        // data area's right edge (FullFigureCenter), and the page layout moves its left end there (Label.OffsetX).
        var title = plot.Axes.Title;
        title.FullFigureCenter = true;
        title.Label.Alignment = Alignment.LowerLeft;
        title.Label.Text = heading;
        title.Label.FontName = FigureFonts.FamilyName;
        title.Label.FontSize = (float)style.FontSizePt + 1;
        title.VerticalPadding = 4;
        return plot;
    }

    /// <summary>"A  Anti-dsDNA": the panel letter (when the figure has several panels) and its title.</summary>
    public static string Heading(int index, int panels, string title) => panels > 1 ? Letter(index) + "  " + title : title;

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string Letter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Letter(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>A number as a tick label: invariant, at most 10 significant digits, true minus sign.</summary>
    public static string Number(double v)
    {
        if (Math.Abs(v) < 1e-12) v = 0;
        return double.Parse(v.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("0.##########", CultureInfo.InvariantCulture).Replace('-', '−');
    }

    /// <summary>
    /// A series panel's axes and normal range: visits at their positions (<see cref="VisitTicks"/>) with
    /// <paramref name="endRoom"/> of the smallest spacing beyond the ends; the value axis (linear or log10,
    /// <see cref="LogTicks"/>) over the values, <paramref name="more"/> (e.g. confidence limits) and the normal range, drawn
    /// as a band (from the axis' bottom on a log axis when it starts at 0, "&lt; 10 IU/mL"). Returns the visits' positions,
    /// their smallest spacing and the value-to-axis map.
    /// </summary>
    public static (double[] Positions, double MinGap, Func<double, double> Y) SeriesAxes(Plot plot, SeriesPanel panel, FigureStyle style, IEnumerable<double> more, double endRoom)
    {
        int nv = panel.Visits.Count;
        var positions = panel.VisitPositions?.ToArray() ?? Enumerable.Range(0, nv).Select(j => (double)j).ToArray();
        double minGap = nv == 1 ? 1 : Enumerable.Range(1, nv - 1).Min(j => positions[j] - positions[j - 1]);
        var bottom = plot.Axes.Bottom;
        bottom.TickGenerator = new VisitTicks(positions, panel.Visits.ToArray());
        bottom.MinorTickStyle = bottom.MajorTickStyle;
        plot.Axes.SetLimitsX(positions[0] - endRoom * minGap, positions[^1] + endRoom * minGap);
        bottom.Label.Text = style.VisitAxisTitle ?? "";

        Func<double, double> y = panel.LogScale ? Math.Log10 : v => v;
        var ys = panel.Subjects.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).Concat(more).ToList();
        if (panel.NormalRange is { } nr)
            ys.AddRange(new[] { nr.Low, nr.High }.Where(v => !panel.LogScale || v > 0));
        NumericAxis(plot.Axes.Left, y(ys.Min()), y(ys.Max()), panel.AxisTitle);
        var left = plot.Axes.Left;
        if (panel.LogScale)
        {
            left.TickGenerator = new LogTicks();
            left.MinorTickStyle = new TickMarkStyle { Length = TickLength / 2, Width = AxisLineWidth, Color = left.MajorTickStyle.Color, AntiAlias = true };
        }
        if (panel.NormalRange is { } range)
        {
            var band = plot.Add.VerticalSpan(panel.LogScale && range.Low <= 0 ? left.Min : y(range.Low), y(range.High), style.Palette.Band.WithAlpha(style.Palette.BandOpacity));
            band.LineStyle.IsVisible = false;
        }
        return (positions, minGap, y);
    }

    /// <summary>A numeric axis from ScottPlot's automatic ticks over [min, max] plus 5 % at each end.</summary>
    public static void NumericAxis(IAxis axis, double min, double max, string title)
    {
        axis.TickGenerator = new AtLeastThreeTicks();
        double pad = max > min ? 0.05 * (max - min) : Math.Max(1, Math.Abs(max)) * 0.1;
        axis.Min = min - pad;
        axis.Max = max + pad;
        axis.Label.Text = title;
    }

    /// <summary>
    /// A tick at every visit, labelled at every k-th visit from the first, k the smallest that keeps labels a space apart:
    /// many visits on a narrow panel (monthly over two years) or visits close in time (days 152 and 158) would otherwise
    /// print their labels over each other.
    /// </summary>
    public sealed class VisitTicks(double[] positions, string[] labels) : ITickGenerator
    {
        public Tick[] Ticks { get; private set; } = Array.Empty<Tick>();
        public int MaxTickCount { get; set; } = 1000;

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
            double perUnit = size.Length / range.Span, space = labelStyle.Measure(" ", paint).Width;
            var half = labels.Select(l => labelStyle.Measure(l, paint).Width / 2.0).ToArray();
            bool Apart(int every) => Enumerable.Range(1, (positions.Length - 1) / every).Select(m => (a: (m - 1) * every, b: m * every))
                .All(p => (positions[p.b] - positions[p.a]) * perUnit >= half[p.a] + half[p.b] + space);
            int every = Enumerable.Range(1, positions.Length).First(Apart);
            Ticks = positions.Select((x, i) => i % every == 0 ? Tick.Major(x, labels[i]) : Tick.Minor(x)).ToArray();
        }
    }

    /// <summary>
    /// ScottPlot's automatic ticks (<see cref="NumericAutomatic"/>, invariant labels with a true minus), denser than its
    /// default on the short axes of print panels; when its spacing would leave fewer than three labelled in view (a 46 pt
    /// axis over 8–99 came out with "50" alone), a 1-2-5 step of about a quarter of the range instead.
    /// </summary>
    public sealed class AtLeastThreeTicks : ITickGenerator
    {
        readonly NumericAutomatic _automatic = new() { LabelFormatter = Number, TickDensity = 1.5 };
        public Tick[] Ticks => _fallback ?? _automatic.Ticks;
        public int MaxTickCount { get => _automatic.MaxTickCount; set => _automatic.MaxTickCount = value; }

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
            _fallback = null;
            _automatic.Regenerate(range, edge, size, paint, labelStyle);
            if (_automatic.Ticks.Count(t => t.IsMajor) >= 3) return;
            // The largest 1-2-5 step that still puts three ticks in view (ScottPlot's spacing calculator wants more room).
            double raw = range.Span / 3, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double step = new[] { 5, 2, 1 }.Select(m => m * magnitude).First(v => v <= raw * (1 + 1e-9));
            var ticks = new List<Tick>();
            for (double v = Math.Ceiling(range.Min / step) * step; v <= range.Max + step * 1e-9; v += step)
                ticks.Add(Tick.Major(v, Number(v)));
            _fallback = ticks.ToArray();
        }

        Tick[]? _fallback;
    }

    /// <summary>
    /// Ticks of a log10 axis: decades, and 2× and 5× each decade when there is room (10–500 reads 10, 20, 50, 100, 200,
    /// 500); the other multiples as minor ticks where ScottPlot's <see cref="LogMinorTickGenerator"/> puts them (it needs
    /// two labelled decades in view, more than a 10–500 axis has).
    /// </summary>
    public sealed class LogTicks : ITickGenerator
    {
        public Tick[] Ticks { get; private set; } = Array.Empty<Tick>();
        public int MaxTickCount { get; set; } = 1000;

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
            // As many labels as the axis has room for, 1.3 label heights apart at least: 1, 2, 5 per decade (the closest
            // pair, 1 and 2, lies log10(2) of a decade apart), else decades, else every second, third … decade.
            double perDecade = size.Length / range.Span, height = 1.3 * labelStyle.Measure("0", paint).Height;
            var labelled = Math.Log10(2) * perDecade >= height ? new[] { 1, 2, 5 } : new[] { 1 };
            int every = Math.Max(1, (int)Math.Ceiling(height / perDecade));
            var ticks = new List<Tick>();
            for (int decade = (int)Math.Floor(range.Min); decade <= (int)Math.Ceiling(range.Max); decade++)
                for (int m = 1; m <= 9; m++)
                {
                    double position = decade + Math.Log10(m);
                    if (!range.Contains(position)) continue;
                    bool major = labelled.Contains(m) && (m > 1 || ((decade % every) + every) % every == 0);
                    ticks.Add(major ? Tick.Major(position, Number(m * Math.Pow(10, decade))) : Tick.Minor(position));
                }
            Ticks = ticks.ToArray();
        }
    }

    /// <summary>
    /// Polylines of one colour, width and dash as one ScottPlot scatter line, NaN between them (a gap in ScottPlot's
    /// path); dashed or moved across as geometry (<see cref="DashedPath"/>). Lines of fewer than two points are left out.
    /// </summary>
    public static void Lines(Plot plot, IEnumerable<IReadOnlyList<Coordinates>> lines, Color color, float width, float[]? dash = null, float across = 0)
    {
        var points = new List<Coordinates>();
        foreach (var line in lines.Where(l => l.Count > 1))
        {
            if (points.Count > 0) points.Add(new Coordinates(double.NaN, double.NaN));
            points.AddRange(line);
        }
        if (points.Count == 0) return;
        var scatter = plot.Add.ScatterLine(points.ToArray(), color);
        scatter.LineWidth = width;
        if (dash is not null || across != 0) scatter.PathStrategy = new DashedPath(dash ?? Array.Empty<float>(), across);
    }

    /// <summary>One series of points as one ScottPlot <see cref="ScottPlot.Plottables.Markers"/>, outlined when <paramref name="outlineWidth"/> is above 0.</summary>
    public static void Points(Plot plot, Coordinates[] points, MarkerShape shape, float size, Color color,
        Color outline = default, float outlineWidth = 0)
    {
        var markers = plot.Add.Markers(points, shape, size, color);
        markers.MarkerStyle.OutlineColor = outline;
        markers.MarkerStyle.OutlineWidth = outlineWidth;
        markers.MarkerStyle.CustomRenderer = PolygonMarker.For(shape);
    }

    /// <summary>
    /// A filled (and outlined) circle as four cubic Béziers, κ = 4(√2 − 1)/3 (radius off by 0.03 % at most), for PDF:
    /// ScottPlot's circle marker is SkiaSharp's DrawCircle, whose conics SkiaSharp's PDF back end cuts into 32 curves
    /// each at its 7200-dpi device resolution (<see cref="FigureWriter.ToPdf(FigurePage)"/>), some 2.3 kB per outlined
    /// point against 0.3 kB; SVG keeps its compact &lt;circle&gt; elements.
    /// </summary>
    public sealed class CircleMarker : IMarker
    {
        public static readonly CircleMarker Instance = new();
        const float Kappa = 0.5522847f;

        public void Render(SkiaSharp.SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle style)
        {
            // On a 1/16 pt grid (0.02 mm): the numbers SkiaSharp writes are then exact in 4 decimals, not 6 to 9.
            static float Grid(float v) => MathF.Round(v * 16) / 16;
            float r = Grid(size / 2), k = Grid(Kappa * size / 2), x = Grid(center.X), y = Grid(center.Y);
            using var path = new SkiaSharp.SKPath();
            path.MoveTo(x + r, y);
            path.CubicTo(x + r, y + k, x + k, y + r, x, y + r);
            path.CubicTo(x - k, y + r, x - r, y + k, x - r, y);
            path.CubicTo(x - r, y - k, x - k, y - r, x, y - r);
            path.CubicTo(x + k, y - r, x + r, y - k, x + r, y);
            path.Close();
            Drawing.FillPath(canvas, paint, path, style.FillStyle);
            if (style.OutlineWidth > 0) Drawing.DrawPath(canvas, paint, path, style.OutlineStyle);
        }
    }

    /// <summary>
    /// ScottPlot's filled triangle (up, down) and diamond markers, same vertices, fill and outline, on a path disposed
    /// once drawn. ScottPlot 5.1.59 leaves these markers' SKPath to the finalizer, and nothing keeps it alive once
    /// <c>SKCanvas.DrawPath</c> has read its handle (SkiaSharp 3.119 has no GC.KeepAlive there, mono/SkiaSharp#2821): a
    /// collection during the native call freed the path under the stroker (SkPath::Iter on freed memory, the segfault
    /// at libSkiaSharp.so+0xcddf3 test runs hit now and then). Set on every marker style of those shapes
    /// (<see cref="Points"/>, the legend's); nothing else the figures draw leaves a SkiaSharp object to the finalizer.
    /// </summary>
    public sealed class PolygonMarker(MarkerShape shape) : IMarker
    {
        static readonly PolygonMarker Up = new(MarkerShape.FilledTriangleUp), Down = new(MarkerShape.FilledTriangleDown), Diamond = new(MarkerShape.FilledDiamond);

        /// <summary>The renderer for a shape whose ScottPlot marker leaves its path to the finalizer; null (ScottPlot's own) otherwise.</summary>
        public static IMarker? For(MarkerShape shape) => shape switch
        {
            MarkerShape.FilledTriangleUp => Up,
            MarkerShape.FilledTriangleDown => Down,
            MarkerShape.FilledDiamond => Diamond,
            _ => null,
        };

        public void Render(SkiaSharp.SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle style)
        {
            // ScottPlot's arithmetic to the last float (ScottPlot.Markers.FilledTriangleUp/Down and FilledDiamond):
            // the same vertices give the same bytes in every format.
            float radius;
            SkiaSharp.SKPoint[] vertices;
            if (shape == MarkerShape.FilledDiamond)
            {
                radius = size / 2;
                vertices = [new(center.X + radius, center.Y), new(center.X, center.Y + radius), new(center.X - radius, center.Y), new(center.X, center.Y - radius)];
            }
            else
            {
                radius = (float)(size / 1.732); // side = size
                float dx = (float)(radius * 0.866), dy = radius / 2;
                vertices = shape == MarkerShape.FilledTriangleUp
                    ? [new(center.X, center.Y - radius), new(center.X + dx, center.Y + dy), new(center.X - dx, center.Y + dy)]
                    : [new(center.X, center.Y + radius), new(center.X + dx, center.Y - dy), new(center.X - dx, center.Y - dy)];
            }
            using var path = new SkiaSharp.SKPath();
            path.AddPoly(vertices);
            Drawing.FillPath(canvas, paint, path, style.FillStyle, new PixelRect(center, radius));
            Drawing.DrawPath(canvas, paint, path, style.OutlineStyle);
        }
    }
}
