using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// Dashed lines as geometry: a ScottPlot path strategy that turns a scatter's pixels into the "on" pieces of a dash
/// pattern (lengths in points, on, off, on …), so that PNG, SVG and PDF show the same dashes (SkiaSharp's SVG canvas
/// drops the dash path effect of ScottPlot's <see cref="LinePattern"/> and draws the line solid). NaN pixels split
/// the line into runs, as ScottPlot's straight path does; each run starts its pattern afresh.
/// </summary>
public sealed class DashedPath(float[] pattern) : IPathStrategy
{
    public IReadOnlyList<float> Pattern { get; } = pattern;

    public SKPath GetPath(IEnumerable<Pixel> pixels)
    {
        var path = new SKPath();
        Pixel? previous = null;
        int k = 0;
        float left = Pattern[0];
        foreach (var p in pixels)
        {
            if (float.IsNaN(p.X) || float.IsNaN(p.Y)) { previous = null; continue; }
            if (previous is not { } a)
            {
                previous = p;
                k = 0;
                left = Pattern[0];
                path.MoveTo(p.X, p.Y);
                continue;
            }
            float dx = p.X - a.X, dy = p.Y - a.Y, length = MathF.Sqrt(dx * dx + dy * dy), done = 0;
            while (length - done > left)
            {
                done += left;
                float x = a.X + dx * done / length, y = a.Y + dy * done / length;
                if (k % 2 == 0) path.LineTo(x, y); else path.MoveTo(x, y);
                k = (k + 1) % Pattern.Count;
                left = Pattern[k];
            }
            left -= length - done;
            if (k % 2 == 0) path.LineTo(p.X, p.Y); else path.MoveTo(p.X, p.Y);
            previous = p;
        }
        return path;
    }

    /// <summary>
    /// A legend symbol of a dashed line: ScottPlot's legend strokes its line sample with the dash path effect, so the
    /// sample is drawn here instead, as the marker of the entry, across the symbol's width.
    /// </summary>
    public sealed class LegendSample(float[] pattern, float width, Color color, float lineWidth, MarkerStyle? marker) : IMarker
    {
        public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
        {
            using var path = new DashedPath(pattern).GetPath(new[] { new Pixel(center.X - width / 2, center.Y), new Pixel(center.X + width / 2, center.Y) });
            Drawing.DrawPath(canvas, paint, path, new LineStyle { Width = lineWidth, Color = color, AntiAlias = true });
            if (marker is not null) Drawing.DrawMarker(canvas, paint, center, marker);
        }
    }
}
