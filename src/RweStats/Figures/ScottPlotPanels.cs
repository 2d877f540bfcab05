using ScottPlot;
using ScottPlot.AxisPanels;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// The ScottPlot plots a figure is composed of (<see cref="ScottPlotRenderer"/> renders each into its rectangle of
/// one canvas):
/// <list type="bullet">
/// <item>a panel: a <see cref="Plot"/> whose data area is fixed where the layout put it (<see cref="Plot.Layout"/>
/// fixed), its axis limits the layout's (y in log10 units on a log axis), its data elements ScottPlot plottables in
/// axis coordinates, and ScottPlot's left and bottom axes (top and right hidden, no grid) with the layout's ticks
/// and labels given through manual tick generators (<see cref="ScottPlot.TickGenerators.NumericManual"/>), the
/// axis titles as the axes' labels, all in the shipped DejaVu Sans at the style's sizes;</item>
/// <item>the legend: a plot whose data area is the legend strip, drawing only its ScottPlot legend;</item>
/// <item>the page: a frameless plot whose data area is the whole page in points, for what lies outside the panels'
/// data areas (the white page, panel letters and titles, p-value brackets).</item>
/// </list>
/// </summary>
public static class ScottPlotPanels
{
    /// <summary>Groups of a panel drawn on the page rather than in the panel's data area (they lie above it).</summary>
    static readonly HashSet<string> OutsideDataArea = new(StringComparer.Ordinal) { "heading", "brackets" };

    static Plot NewPlot()
    {
        FigureTypefaces.EnsureRegistered();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.HideGrid();
        plot.Legend.IsVisible = false;
        // Text measured and drawn at the unhinted linear advance widths the layout measured with.
        plot.RenderManager.RenderStarting += (_, rp) => FigureLegend.UseLinearMetrics(rp.Paint);
        return plot;
    }

    static PixelRect Pixels(FigureRect r) => new((float)r.Left, (float)r.Right, (float)r.Bottom, (float)r.Top);

    /// <summary>The page plot: page coordinates in points (y up), every node except the panels' data and axes and the legend.</summary>
    public static Plot Page(FigureScene scene)
    {
        var plot = NewPlot();
        plot.Axes.Frameless();
        plot.Layout.Fixed(Pixels(new FigureRect(0, 0, scene.Width, scene.Height)));
        plot.Axes.SetLimits(0, scene.Width, 0, scene.Height);
        double height = scene.Height;
        var adder = new SceneAdder(p => new Coordinates(p.X, height - p.Y), (1, 1));
        var layer = new PlottableLayer(null);
        foreach (var node in scene.Nodes) AddPageNodes(node, layer, adder);
        plot.Add.Plottable(layer);
        return plot;
    }

    static void AddPageNodes(SceneNode node, PlottableLayer layer, SceneAdder adder)
    {
        switch (node)
        {
            case SceneAxes or SceneLegend:
                break;
            case SceneGroup { Group.Kind: "panel" } panel when panel.Children.OfType<SceneAxes>().Any():
                foreach (var child in panel.Children)
                    if (child is SceneGroup { Group: { } g } && OutsideDataArea.Contains(g.Kind)) adder.Add(child, layer);
                break;
            case SceneGroup { Clip: null } group: // panels may sit in groups: their data go to their own plots
                foreach (var child in group.Children) AddPageNodes(child, layer, adder);
                break;
            default:
                adder.Add(node, layer);
                break;
        }
    }

    /// <summary>Each panel's axes with the nodes drawn in its data area, in drawing order.</summary>
    public static IEnumerable<(PanelAxes axes, IReadOnlyList<SceneNode> content)> PanelContents(IEnumerable<SceneNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is not SceneGroup g) continue;
            if (g.Group?.Kind == "panel" && g.Children.OfType<SceneAxes>().FirstOrDefault() is { } axes)
                yield return (axes.Axes, g.Children.Where(c => c is not SceneAxes && !(c is SceneGroup { Group: { } k } && OutsideDataArea.Contains(k.Kind))).ToList());
            else
                foreach (var inner in PanelContents(g.Children)) yield return inner;
        }
    }

    public static IEnumerable<LegendBlock> Legends(IEnumerable<SceneNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is SceneLegend l) yield return l.Legend;
            else if (node is SceneGroup g)
                foreach (var inner in Legends(g.Children)) yield return inner;
        }
    }

    /// <summary>A panel as one ScottPlot plot: data in axis coordinates, ScottPlot's axes with the layout's ticks and titles.</summary>
    public static Plot Panel(PanelAxes axes, IReadOnlyList<SceneNode> content)
    {
        var plot = NewPlot();
        plot.Layout.Fixed(Pixels(axes.Plot));
        plot.Axes.Top.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.SetLimits(axes.XMin, axes.XMax, axes.YMin, axes.YMax);

        var bottom = (AxisBase)plot.Axes.Bottom;
        Style(bottom, axes, size: axes.Cell.Bottom - axes.Plot.Bottom);
        bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            axes.XTicks.Select(t => t.Value).ToArray(), Enumerable.Range(0, axes.XTicks.Count).Select(i => axes.XTickLabel(i).Text).ToArray());
        var (_, xBaseline) = axes.XLabelPlacement;
        Place(bottom.TickLabelStyle, axes.XLabelRotation == 0 ? Alignment.UpperCenter : Alignment.MiddleRight, axes.TickLabelStyle,
            // ScottPlot puts an x tick label 2 px below the tick's end, the layout LabelGap.
            dx: 0, dy: PanelFrame.LabelGap - 2, xBaseline, axes.XLabelRotation);
        if (axes.XTitleText is { } xTitle)
        {
            bottom.LabelText = xTitle.Text;
            // ScottPlot puts the x title's bottom on the axis panel's bottom edge, which is the cell's.
            Place(bottom.LabelStyle, Alignment.LowerCenter, xTitle.Style, 0, 0, TextBaseline.Bottom, 0);
        }
        else bottom.LabelText = "";

        var left = (AxisBase)plot.Axes.Left;
        Style(left, axes, size: axes.Plot.Left - axes.Cell.Left);
        left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            axes.YTicks.Select(t => axes.AxisUnits(t.Value)).ToArray(), axes.YTicks.Select(t => t.Label).ToArray());
        // ScottPlot puts a y tick label 5 px left of the tick's end, the layout LabelGap.
        Place(left.TickLabelStyle, Alignment.MiddleRight, axes.TickLabelStyle, dx: 5 - PanelFrame.LabelGap, dy: 0, TextBaseline.Middle, 0);
        left.LabelText = axes.YTitle;
        // Turned to read upwards, its top on the cell's left edge, centred where the layout centred it.
        Place(left.LabelStyle, Alignment.UpperCenter, axes.TitleStyle, 0, axes.YTitleCenter - axes.Plot.CenterY, TextBaseline.Top, -90);

        var (ux, uy) = axes.UnitsPerPoint;
        var adder = new SceneAdder(p => { var (x, y) = axes.ToAxisUnits(p); return new Coordinates(x, y); }, (ux, uy));
        var layer = new PlottableLayer(null);
        foreach (var node in content) adder.Add(node, layer);
        plot.Add.Plottable(layer);
        return plot;
    }

    /// <summary>Lines, ticks and fonts of a left or bottom axis; the axis panel is exactly <paramref name="size"/> deep.</summary>
    static void Style(AxisBase axis, PanelAxes axes, double size)
    {
        var ink = new Color(axes.Ink.R, axes.Ink.G, axes.Ink.B);
        axis.FrameLineStyle.Width = (float)PanelAxes.LineWidth;
        axis.FrameLineStyle.Color = ink;
        axis.FrameLineStyle.AntiAlias = true;
        axis.MajorTickStyle = new TickMarkStyle { Length = (float)PanelFrame.TickLength, Width = (float)PanelAxes.LineWidth, Color = ink, AntiAlias = true };
        axis.MinorTickStyle = new TickMarkStyle { Length = 0, Width = 0, Color = Colors.Transparent };
        axis.MinimumSize = axis.MaximumSize = (float)size;
        axis.PaddingOutsideAxisLabels = new PixelPadding(0);
        axis.PaddingBetweenTickAndAxisLabels = new PixelPadding(0);
        foreach (var label in new[] { axis.TickLabelStyle, axis.LabelStyle })
        {
            label.FontName = FigureFonts.FamilyName;
            label.ForeColor = ink;
            label.AntiAliasText = true;
            label.SubpixelText = true;
        }
    }

    /// <summary>
    /// Font, alignment, rotation and offset of a ScottPlot label so that its baseline lands where the layout's
    /// <paramref name="baseline"/> rule puts it. ScottPlot aligns the font's line box (height: the face's line spacing)
    /// and draws the baseline above its bottom by the face's lowest glyph extent (SKFontMetrics.Bottom); the layout
    /// uses the hhea ascender and descender. The difference is moved across the text (turned with it).
    /// <paramref name="dx"/>, <paramref name="dy"/>: further offset on the page.
    /// </summary>
    static void Place(LabelStyle label, Alignment alignment, TextStyle style, double dx, double dy, TextBaseline baseline, double rotation)
    {
        label.FontSize = (float)style.SizePt;
        label.Bold = style.Bold;
        label.Alignment = alignment;
        label.Rotation = (float)rotation;
        double d = BaselineCorrection(style, alignment, baseline), a = rotation * Math.PI / 180;
        label.OffsetX = (float)(dx - d * Math.Sin(a));
        label.OffsetY = (float)(dy + d * Math.Cos(a));
    }

    /// <summary>
    /// How far (points, across the text, downwards) the layout's baseline for <paramref name="baseline"/> lies below
    /// the baseline ScottPlot draws for a label aligned by <paramref name="alignment"/> at the same anchor.
    /// </summary>
    internal static double BaselineCorrection(TextStyle style, Alignment alignment, TextBaseline baseline)
    {
        using var font = new SKFont(FigureTypefaces.Get(style.Bold), (float)style.SizePt) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        float spacing = font.GetFontMetrics(out var metrics);
        double fraction = alignment switch
        {
            Alignment.UpperLeft or Alignment.UpperCenter or Alignment.UpperRight => 1,
            Alignment.MiddleLeft or Alignment.MiddleCenter or Alignment.MiddleRight => 0.5,
            _ => 0,
        };
        double theirs = fraction * spacing - metrics.Bottom;
        return TextGeometry.BaselineShift(FigureFonts.DejaVuSans, style, baseline) - theirs;
    }

    /// <summary>The legend strip as a plot that draws only its ScottPlot legend (one point of slack around the strip, taken back by the legend's margin).</summary>
    public static Plot Legend(LegendBlock block)
    {
        var plot = NewPlot();
        plot.Axes.Frameless();
        plot.Layout.Fixed(Pixels(block.Area.Inflate(1)));
        plot.Axes.SetLimits(0, 1, 0, 1);
        FigureLegend.Configure(plot.Legend, block.Items.Select(p => (p.Item, p.Label)).ToList(), block.Style);
        plot.Legend.Margin = new PixelPadding(1);
        return plot;
    }

    /// <summary>
    /// ScottPlot plottables drawn in order as one plottable, optionally clipped to a rectangle (in figure points).
    /// ScottPlot clips every top-level plottable to the data area, which SkiaSharp's SVG canvas writes as one
    /// clipPath each; one layer per plot keeps the SVG small.
    /// </summary>
    public sealed class PlottableLayer(Func<IAxes, SKRect>? clip) : IPlottable
    {
        public List<IPlottable> Children { get; } = new();
        public bool IsVisible { get; set; } = true;
        public IAxes Axes { get; set; } = new ScottPlot.Axes();
        public IEnumerable<ScottPlot.LegendItem> LegendItems => Array.Empty<ScottPlot.LegendItem>();
        public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

        public void Render(RenderPack rp)
        {
            rp.Canvas.Save();
            if (clip is not null) rp.Canvas.ClipRect(clip(Axes));
            foreach (var child in Children)
            {
                child.Axes = Axes;
                rp.Canvas.Save(); // some plottables (Ellipse) move the canvas origin and leave it moved
                child.Render(rp);
                rp.Canvas.Restore();
            }
            rp.Canvas.Restore();
        }
    }

    /// <summary>
    /// Scene nodes as ScottPlot plottables: points through <paramref name="at"/> (page or axis coordinates), circle
    /// radii through <paramref name="unitsPerPoint"/>; widths, dashes and text sizes stay in points.
    /// </summary>
    sealed class SceneAdder(Func<FigurePoint, Coordinates> at, (double x, double y) unitsPerPoint)
    {
        static Color ColorOf(FigureColor c, double opacity) => new Color(c.R, c.G, c.B).WithAlpha(opacity);

        static void Style(LineStyle line, Stroke? stroke)
        {
            if (stroke is null) { line.Width = 0; line.IsVisible = false; return; }
            line.Width = (float)stroke.Width;
            line.Color = ColorOf(stroke.Color, stroke.Opacity);
            line.StrokeJoin = SKStrokeJoin.Round;
            line.StrokeCap = stroke.RoundCaps ? SKStrokeCap.Round : SKStrokeCap.Butt;
        }

        public void Add(SceneNode node, PlottableLayer layer)
        {
            switch (node)
            {
                case SceneGroup { Clip: { } clip } g:
                    var clipped = new PlottableLayer(axes =>
                    {
                        var a = axes.GetPixel(at(new FigurePoint(clip.Left, clip.Top)));
                        var b = axes.GetPixel(at(new FigurePoint(clip.Right, clip.Bottom)));
                        return new SKRect(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
                    });
                    foreach (var child in g.Children) Add(child, clipped);
                    layer.Children.Add(clipped);
                    break;
                case SceneGroup g:
                    foreach (var child in g.Children) Add(child, layer);
                    break;
                case SceneAxes or SceneLegend:
                    break;
                case ScenePath { Closed: false } p:
                    Polyline(layer, p.Points, p.Stroke!);
                    break;
                case ScenePath p:
                    var polygon = new ScottPlot.Plottables.Polygon(p.Points.Select(at).ToArray());
                    polygon.FillColor = p.Fill is { } pf ? ColorOf(pf.Color, pf.Opacity) : Colors.Transparent;
                    Style(polygon.LineStyle, p.Stroke);
                    polygon.LineStyle.StrokeJoin = SKStrokeJoin.Miter;
                    polygon.MarkerStyle.IsVisible = false;
                    layer.Children.Add(polygon);
                    break;
                case SceneRectangle r:
                    var c1 = at(new FigurePoint(r.Rect.Left, r.Rect.Bottom));
                    var c2 = at(new FigurePoint(r.Rect.Right, r.Rect.Top));
                    var rect = new ScottPlot.Plottables.Rectangle { X1 = c1.X, X2 = c2.X, Y1 = c1.Y, Y2 = c2.Y };
                    rect.FillColor = r.Fill is { } rf ? ColorOf(rf.Color, rf.Opacity) : Colors.Transparent;
                    Style(rect.LineStyle, r.Stroke);
                    layer.Children.Add(rect);
                    break;
                case SceneCircle circle:
                    var e = new ScottPlot.Plottables.Ellipse { Center = at(circle.Center), RadiusX = circle.Radius * unitsPerPoint.x, RadiusY = circle.Radius * unitsPerPoint.y };
                    e.FillColor = circle.Fill is { } cf ? ColorOf(cf.Color, cf.Opacity) : Colors.Transparent;
                    Style(e.LineStyle, circle.Stroke);
                    layer.Children.Add(e);
                    break;
                case SceneText t:
                    layer.Children.Add(new FigureTextPlottable(t, at));
                    break;
            }
        }

        void Polyline(PlottableLayer layer, IReadOnlyList<FigurePoint> points, Stroke stroke)
        {
            if (stroke.Dash.Count > 0 && stroke.Dash.All(d => d > 0))
            {
                // Dashes as geometry, not a path effect: SkiaSharp's SVG canvas drops path effects, and this way the
                // PNG, SVG and PDF show the same dashes.
                var solid = stroke with { Dash = Array.Empty<double>() };
                foreach (var dash in DashPattern.Pieces(points, stroke.Dash)) Polyline(layer, dash, solid);
                return;
            }
            var line = new ScottPlot.Plottables.Scatter(new ScottPlot.DataSources.ScatterSourceCoordinatesArray(points.Select(at).ToArray())) { MarkerSize = 0 };
            Style(line.LineStyle, stroke);
            layer.Children.Add(line);
        }
    }
}

/// <summary>Dashed lines as the "on" pieces of the polyline, so that every output format shows the same dashes.</summary>
public static class DashPattern
{
    /// <summary>The "on" pieces of a dashed polyline (pattern: on, off, on, off … lengths in points, from the start).</summary>
    public static List<List<FigurePoint>> Pieces(IReadOnlyList<FigurePoint> points, IReadOnlyList<double> pattern)
    {
        if (pattern.Count % 2 == 1) pattern = pattern.Concat(pattern).ToArray(); // as SVG's stroke-dasharray
        var pieces = new List<List<FigurePoint>>();
        int k = 0;
        double left = pattern[0];
        List<FigurePoint>? current = new() { points[0] };
        for (int i = 1; i < points.Count; i++)
        {
            var a = points[i - 1];
            var b = points[i];
            double length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y)), done = 0;
            while (length - done > left)
            {
                done += left;
                var p = new FigurePoint(a.X + (b.X - a.X) * done / length, a.Y + (b.Y - a.Y) * done / length);
                if (current is not null) { current.Add(p); pieces.Add(current); current = null; }
                else current = new List<FigurePoint> { p };
                k = (k + 1) % pattern.Count;
                left = pattern[k];
            }
            left -= length - done;
            current?.Add(b);
        }
        if (current is { Count: > 1 }) pieces.Add(current);
        return pieces;
    }
}

/// <summary>
/// Paints scene nodes (lines, polygons, rectangles, circles; no text) straight onto a SkiaSharp canvas, offset by
/// (dx, dy): the legend glyphs, which ScottPlot's legend draws as custom markers at each entry's symbol.
/// </summary>
public static class SkiaScenePainter
{
    public static void Draw(SKCanvas canvas, IEnumerable<SceneNode> nodes, float dx, float dy)
    {
        foreach (var node in nodes) Draw(canvas, node, dx, dy);
    }

    static SKPoint P(FigurePoint p, float dx, float dy) => new((float)p.X + dx, (float)p.Y + dy);

    static SKPaint? FillPaint(Fill? fill) => fill is null ? null : new SKPaint
    {
        IsAntialias = true, Style = SKPaintStyle.Fill,
        Color = new SKColor(fill.Color.R, fill.Color.G, fill.Color.B, (byte)Math.Round(255 * fill.Opacity)),
    };

    static SKPaint? StrokePaint(Stroke? stroke, SKStrokeJoin join = SKStrokeJoin.Round) => stroke is null ? null : new SKPaint
    {
        IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = (float)stroke.Width, StrokeJoin = join,
        StrokeCap = stroke.RoundCaps ? SKStrokeCap.Round : SKStrokeCap.Butt,
        Color = new SKColor(stroke.Color.R, stroke.Color.G, stroke.Color.B, (byte)Math.Round(255 * stroke.Opacity)),
    };

    static void Draw(SKCanvas canvas, SceneNode node, float dx, float dy)
    {
        switch (node)
        {
            case SceneGroup g:
                Draw(canvas, g.Children, dx, dy);
                break;
            case ScenePath { Closed: false } p when p.Stroke is { Dash.Count: > 0 } dashed && dashed.Dash.All(d => d > 0):
                foreach (var piece in DashPattern.Pieces(p.Points, dashed.Dash))
                    Draw(canvas, p with { Points = piece, Stroke = dashed with { Dash = Array.Empty<double>() } }, dx, dy);
                break;
            case ScenePath p:
            {
                using var path = new SKPath();
                path.MoveTo(P(p.Points[0], dx, dy));
                foreach (var q in p.Points.Skip(1)) path.LineTo(P(q, dx, dy));
                if (p.Closed) path.Close();
                using var fill = p.Closed ? FillPaint(p.Fill) : null;
                using var stroke = StrokePaint(p.Stroke, p.Closed ? SKStrokeJoin.Miter : SKStrokeJoin.Round);
                if (fill is not null) canvas.DrawPath(path, fill);
                if (stroke is not null) canvas.DrawPath(path, stroke);
                break;
            }
            case SceneRectangle r:
            {
                var rect = new SKRect((float)r.Rect.Left + dx, (float)r.Rect.Top + dy, (float)r.Rect.Right + dx, (float)r.Rect.Bottom + dy);
                using var fill = FillPaint(r.Fill);
                using var stroke = StrokePaint(r.Stroke, SKStrokeJoin.Miter);
                if (fill is not null) canvas.DrawRect(rect, fill);
                if (stroke is not null) canvas.DrawRect(rect, stroke);
                break;
            }
            case SceneCircle c:
            {
                using var fill = FillPaint(c.Fill);
                using var stroke = StrokePaint(c.Stroke);
                if (fill is not null) canvas.DrawCircle(P(c.Center, dx, dy), (float)c.Radius, fill);
                if (stroke is not null) canvas.DrawCircle(P(c.Center, dx, dy), (float)c.Radius, stroke);
                break;
            }
        }
    }
}
