using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// Dashed lines as geometry: a ScottPlot path strategy that turns a scatter's pixels into the "on" pieces of a dash
/// pattern (lengths in points, on, off, on …; empty: solid), so that PNG, SVG and PDF show the same dashes (SkiaSharp's
/// SVG canvas drops the dash path effect of ScottPlot's <see cref="LinePattern"/> and draws the line solid). NaN pixels
/// split the line into runs, as ScottPlot's straight path does; each run starts its pattern afresh, shifted
/// <see cref="Across"/> points to the left of its direction when lanes set lines side by side.
/// </summary>
internal sealed class DashedPath(float[] pattern, float across = 0) : IPathStrategy
{
    public IReadOnlyList<float> Pattern { get; } = pattern;
    /// <summary>Points by which each run is moved across its first-to-last direction (a lane of a shared segment).</summary>
    public float Across { get; } = across;

    public SKPath GetPath(IEnumerable<Pixel> pixels)
    {
        var path = new SKPath();
        var run = new List<Pixel>();
        foreach (var p in pixels.Append(new Pixel(float.NaN, float.NaN)))
        {
            if (!float.IsNaN(p.X) && !float.IsNaN(p.Y)) { run.Add(p); continue; }
            if (run.Count > 0) AddRun(path, Shifted(run));
            run.Clear();
        }
        return path;
    }

    List<Pixel> Shifted(List<Pixel> run)
    {
        float dx = run[^1].X - run[0].X, dy = run[^1].Y - run[0].Y, length = MathF.Sqrt(dx * dx + dy * dy);
        if (Across == 0 || length == 0) return run;
        float nx = dy / length * Across, ny = -dx / length * Across;
        return run.Select(p => new Pixel(p.X + nx, p.Y + ny)).ToList();
    }

    void AddRun(SKPath path, List<Pixel> run)
    {
        int k = 0;
        float left = Pattern.Count == 0 ? float.PositiveInfinity : Pattern[0];
        path.MoveTo(run[0].X, run[0].Y);
        for (int i = 1; i < run.Count; i++)
        {
            Pixel a = run[i - 1], p = run[i];
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
        }
    }

    /// <summary>A dashed line's legend sample, drawn as the entry's marker (ScottPlot's legend would stroke it with the dash path effect).</summary>
    public sealed class LegendSample(float[] pattern, float width, Color color, float lineWidth, MarkerStyle? marker) : IMarker
    {
        public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
        {
            using var path = new DashedPath(pattern).GetPath(new[] { new Pixel(center.X - width / 2, center.Y), new Pixel(center.X + width / 2, center.Y) });
            Drawing.DrawPath(canvas, paint, path, new LineStyle { Width = lineWidth, Color = color });
            if (marker is not null) Drawing.DrawMarker(canvas, paint, center, marker);
        }
    }
}
