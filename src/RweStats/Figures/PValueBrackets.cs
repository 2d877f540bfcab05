using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// The p-value brackets of a panel as one ScottPlot plottable: each bracket spans two x positions (data units) in the
/// band above the data area, its label centred over it. Brackets are stacked in levels, shortest spans first, each
/// on the lowest level where neither its bar nor its label meets one already there, so labels never collide and
/// nested brackets read inside-out. The band is the panel's top axis, given the height of the levels (it has no
/// ticks and no line), so ScottPlot's layout keeps the panel title above it.
/// </summary>
public sealed class PValueBrackets : IPlottable
{
    /// <summary>One bracket: from <see cref="X1"/> to <see cref="X2"/> (data units), its label and colour.</summary>
    public sealed record Bracket(double X1, double X2, string Label, Color Color)
    {
        /// <summary>Its level above the data area, 0 lowest (set when the band is reserved).</summary>
        public int Level { get; internal set; }
    }

    /// <summary>Length of a bracket's legs, pt.</summary>
    public const float LegLength = 3;
    /// <summary>Width of a bracket's lines, pt.</summary>
    public const float LineWidth = 0.6f;
    /// <summary>Space between the data area and the lowest level of brackets, pt.</summary>
    public const float Gap = 2;

    /// <summary>The brackets.</summary>
    public IReadOnlyList<Bracket> Items { get; }
    /// <summary>The style of the p-value labels.</summary>
    public LabelStyle LabelStyle { get; }
    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;
    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new ScottPlot.Axes();
    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems => LegendItem.None;
    /// <inheritdoc/>
    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    /// <summary>Brackets with labels in the figure's font at <paramref name="fontSizePt"/> in the colour <paramref name="ink"/>.</summary>
    public PValueBrackets(IReadOnlyList<Bracket> items, double fontSizePt, Color ink)
    {
        Items = items;
        LabelStyle = new LabelStyle { FontName = FigureFonts.FamilyName, FontSize = (float)fontSizePt, ForeColor = ink, Alignment = Alignment.LowerCenter };
    }

    float LevelHeight(Paint paint) => LegLength + 1 + LabelStyle.Measure("p", paint).LineHeight + 1.5f;

    /// <summary>
    /// Stacks the brackets for a data area of about 0.85 × <paramref name="cellWidth"/> (not laid out yet; only the labels'
    /// widths against the spans matter) and gives the plot's top axis the height of the levels.
    /// </summary>
    internal void ReserveBand(Plot plot, double cellWidth)
    {
        using var paint = Paint.NewDisposablePaint();
        var x = plot.Axes.Bottom.Range;
        double scale = 0.85 * cellWidth / (x.Max - x.Min), width = 0.85 * cellWidth;
        double Px(double v) => (v - x.Min) * scale;
        var levels = new List<List<(double l, double r)>>();
        foreach (var b in Items.OrderBy(b => Math.Abs(b.X2 - b.X1)).ThenBy(b => Math.Min(b.X1, b.X2)))
        {
            double x1 = Px(Math.Min(b.X1, b.X2)), x2 = Px(Math.Max(b.X1, b.X2));
            double w = LabelStyle.Measure(b.Label, paint).Width;
            double cx = Math.Clamp((x1 + x2) / 2, w / 2, Math.Max(w / 2, width - w / 2));
            double l = Math.Min(x1, cx - w / 2) - 2, r = Math.Max(x2, cx + w / 2) + 2;
            int level = levels.FindIndex(lv => lv.All(o => r <= o.l || l >= o.r));
            if (level < 0) { levels.Add(new()); level = levels.Count - 1; }
            levels[level].Add((l, r));
            b.Level = level;
        }
        if (levels.Count > 0) plot.Axes.Top.LockSize(Gap + levels.Count * LevelHeight(paint));
    }

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        // Drawn above the data area, in the band of the top axis: outside the clip ScottPlot sets for plottables.
        rp.CanvasState.DisableClipping();
        float levelHeight = LevelHeight(rp.Paint);
        foreach (var b in Items)
        {
            float x1 = Axes.GetPixelX(b.X1), x2 = Axes.GetPixelX(b.X2);
            float legBottom = rp.DataRect.Top - Gap - b.Level * levelHeight, bar = legBottom - LegLength;
            var line = new LineStyle { Width = LineWidth, Color = b.Color };
            Drawing.DrawLines(rp.Canvas, rp.Paint, new[] { new Pixel(x1, legBottom), new Pixel(x1, bar), new Pixel(x2, bar), new Pixel(x2, legBottom) }, line);
            float w = LabelStyle.Measure(b.Label, rp.Paint).Width;
            float cx = Math.Clamp((x1 + x2) / 2, rp.DataRect.Left + w / 2, Math.Max(rp.DataRect.Left + w / 2, rp.FigureRect.Right - w / 2));
            LabelStyle.Render(rp.Canvas, new Pixel(cx, bar - 1), rp.Paint, b.Label);
        }
    }
}
