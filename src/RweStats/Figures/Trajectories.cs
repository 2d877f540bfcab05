using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// Subjects' values joined over the visits, as ScottPlot scatter lines in data units: each run of consecutive
/// observed visits is one line; a missed visit in between is crossed with a short-dashed segment, so the gap stays
/// visible. Segments that several subjects of one series share (same visits, same values) would lie exactly on top of
/// each other and show as one line: each is drawn once, wider by the number of subjects. With jitter only level
/// segments (the same value at both visits) coincide, as jitter moves them along themselves.
/// </summary>
public static class Trajectories
{
    /// <summary>A segment between two observed visits of a subject: series (group or category), visit indices, values.</summary>
    public readonly record struct Segment(string? Series, int From, int To, double FromValue, double ToValue);

    /// <summary>
    /// Segments that two or more subjects of one series share, with their number of subjects; only level segments
    /// when <paramref name="levelOnly"/> (jittered points).
    /// </summary>
    public static IReadOnlyDictionary<Segment, int> Shared(IEnumerable<SubjectValues> subjects, Func<SubjectValues, string?> series, bool levelOnly)
    {
        var counts = new Dictionary<Segment, int>();
        foreach (var s in subjects)
        {
            var observed = Observed(s);
            for (int k = 1; k < observed.Count; k++)
                if (!levelOnly || s.Values[observed[k - 1]] == s.Values[observed[k]])
                {
                    var key = new Segment(series(s), observed[k - 1], observed[k], s.Values[observed[k - 1]]!.Value, s.Values[observed[k]]!.Value);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
        }
        return counts.Where(kv => kv.Value > 1).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>Width of a level segment that <paramref name="count"/> subjects share, from the single line's width.</summary>
    public static float SharedWidth(float width, int count) => width * (float)Math.Min(4, 1 + 0.6 * (count - 1));

    static List<int> Observed(SubjectValues s) => Enumerable.Range(0, s.Values.Count).Where(j => s.Values[j].HasValue).ToList();

    /// <summary>
    /// Adds the subjects' lines to <paramref name="plot"/>: subject s at visit j is at (<paramref name="x"/>(s, j),
    /// <paramref name="y"/>(value)); the segments of <paramref name="shared"/> once each across all their subjects.
    /// One ScottPlot scatter line per kind (solid runs, dashed bridges, shared segments of one width), its lines apart.
    /// </summary>
    public static void Add(Plot plot, IReadOnlyList<SubjectValues> subjects, Func<SubjectValues, int, double> x, Func<double, double> y,
        Func<SubjectValues, string?> series, IReadOnlyDictionary<Segment, int> shared, Color color, float width)
    {
        var extent = new Dictionary<Segment, (double left, double right)>();
        var solid = new List<IReadOnlyList<Coordinates>>();
        var bridges = new List<IReadOnlyList<Coordinates>>();
        foreach (var s in subjects)
        {
            var observed = Observed(s);
            var run = new List<Coordinates>();
            for (int k = 0; k < observed.Count; k++)
            {
                int j = observed[k];
                var p = new Coordinates(x(s, j), y(s.Values[j]!.Value));
                var key = k > 0 ? new Segment(series(s), observed[k - 1], j, s.Values[observed[k - 1]]!.Value, s.Values[j]!.Value) : default;
                bool isShared = k > 0 && shared.ContainsKey(key);
                if (isShared)
                {
                    double l = x(s, observed[k - 1]), r = x(s, j);
                    extent[key] = extent.TryGetValue(key, out var e) ? (Math.Min(e.left, l), Math.Max(e.right, r)) : (l, r);
                }
                if (k > 0 && (observed[k - 1] != j - 1 || isShared))
                {
                    solid.Add(run);
                    if (!isShared) bridges.Add(new[] { run[^1], p });
                    run = new List<Coordinates>();
                }
                run.Add(p);
            }
            solid.Add(run);
        }
        PanelPlot.Lines(plot, solid, color, width);
        PanelPlot.Lines(plot, bridges, color, width, FigurePalette.MissedVisitDash);
        foreach (var byWidth in shared.Where(kv => extent.ContainsKey(kv.Key))
                     .GroupBy(kv => (width: SharedWidth(width, kv.Value), bridge: kv.Key.To != kv.Key.From + 1))
                     .OrderBy(g => g.Key.bridge).ThenBy(g => g.Key.width))
        {
            var lines = byWidth.OrderBy(kv => kv.Key.From).ThenBy(kv => kv.Key.FromValue).ThenBy(kv => kv.Key.ToValue)
                .Select(kv => (IReadOnlyList<Coordinates>)new[] { new Coordinates(extent[kv.Key].left, y(kv.Key.FromValue)), new Coordinates(extent[kv.Key].right, y(kv.Key.ToValue)) })
                .ToList();
            PanelPlot.Lines(plot, lines, color, byWidth.Key.width, byWidth.Key.bridge ? FigurePalette.MissedVisitDash : null);
        }
    }
}
