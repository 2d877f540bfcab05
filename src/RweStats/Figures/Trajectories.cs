using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// Subjects' values joined over the visits, as ScottPlot scatter lines in data units: each run of consecutive
/// observed visits is one line; a missed visit in between is crossed with a short-dashed segment, so the gap stays
/// visible. Segments that several subjects of one series share (same visits, same values) would lie exactly on top of
/// each other and show as one line: each is drawn once, wider by the number of subjects. With jitter only level
/// segments (the same value at both visits) coincide, as jitter moves them along themselves. Without jitter, a segment
/// that subjects of several series share is drawn once per series, side by side in lanes (<see cref="Lanes"/>).
/// </summary>
internal static class Trajectories
{
    /// <summary>A segment between two observed visits of a subject: series (group or category), visit indices, values.</summary>
    public readonly record struct Segment(string? Series, int From, int To, double FromValue, double ToValue);

    /// <summary>Points between the lanes of a segment that subjects of several series share.</summary>
    public const float LaneSpacing = 1.3f;

    /// <summary>A subject's segments between consecutive observed visits.</summary>
    public static IEnumerable<Segment> Segments(SubjectValues s, string? series)
    {
        var observed = Enumerable.Range(0, s.Values.Count).Where(j => s.Values[j].HasValue).ToList();
        for (int k = 1; k < observed.Count; k++)
            yield return new Segment(series, observed[k - 1], observed[k], s.Values[observed[k - 1]]!.Value, s.Values[observed[k]]!.Value);
    }

    /// <summary>The subjects' observed values as points, subject s at visit j at (<paramref name="x"/>(s, j), <paramref name="y"/>(value)); at <paramref name="visit"/> only when given.</summary>
    public static Coordinates[] Points(IEnumerable<SubjectValues> subjects, Func<SubjectValues, int, double> x, Func<double, double> y, int? visit = null) =>
        subjects.SelectMany(s => Enumerable.Range(0, s.Values.Count).Where(j => (visit is null || j == visit) && s.Values[j].HasValue)
            .Select(j => new Coordinates(x(s, j), y(s.Values[j]!.Value)))).ToArray();

    /// <summary>Segments two or more subjects of one series share, with their number; only level ones when <paramref name="levelOnly"/> (jittered points).</summary>
    public static IReadOnlyDictionary<Segment, int> Shared(IEnumerable<SubjectValues> subjects, Func<SubjectValues, string?> series, bool levelOnly) =>
        subjects.SelectMany(s => Segments(s, series(s))).Where(g => !levelOnly || g.FromValue == g.ToValue)
            .GroupBy(g => g).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Segments subjects of two or more series share, each series' copy with its lane (0 for the first of
    /// <paramref name="order"/>) and the number of lanes: drawn side by side, so the last colour does not hide the others.
    /// </summary>
    public static IReadOnlyDictionary<Segment, (int Lane, int Lanes)> Lanes(IEnumerable<SubjectValues> subjects, Func<SubjectValues, string?> series, IReadOnlyList<string> order) =>
        subjects.SelectMany(s => Segments(s, series(s))).Distinct().GroupBy(g => g with { Series = null })
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.OrderBy(s => order.ToList().IndexOf(s.Series!)).Select((s, lane) => (s, lane, lanes: g.Count())))
            .ToDictionary(x => x.s, x => (x.lane, x.lanes));

    /// <summary>The legend's words for a dashed trajectory segment.</summary>
    public const string MissedVisitLabel = "Dashed: visit missed in between";

    /// <summary>The legend's words for a line drawn thicker because several subjects share it.</summary>
    public static string SharedLineLabel(FigureStyle style) => $"Thicker line: 2 or more {style.SubjectNoun} with the same values";

    /// <summary>The legend's entries for the lines drawn thicker (<paramref name="sharedWidth"/>) and dashed, when some panel has them.</summary>
    public static IEnumerable<LegendItem> LegendItems(FigureStyle style, IReadOnlyList<SeriesPanel> panels, Func<SeriesPanel, IReadOnlyDictionary<Segment, int>> shared, float sharedWidth)
    {
        if (panels.Any(p => shared(p).Count > 0)) yield return FigureLegend.Line(SharedLineLabel(style), FigurePalette.Grey(0.35), sharedWidth);
        if (panels.Any(p => p.HasMissedVisits)) yield return FigureLegend.Line(MissedVisitLabel, FigurePalette.Grey(0.35), 0.8f, FigurePalette.MissedVisitDash);
    }

    /// <summary>Width of a level segment that <paramref name="count"/> subjects share, from the single line's width.</summary>
    public static float SharedWidth(float width, int count) => width * (float)Math.Min(4, 1 + 0.6 * (count - 1));

    /// <summary>
    /// Adds the lines of one series' subjects, subject s at visit j at (<paramref name="x"/>(s, j), <paramref name="y"/>(value)),
    /// the segments of <paramref name="shared"/> and <paramref name="lanes"/> once each: one scatter line per kind (solid
    /// runs, dashed bridges, separate segments of one width and lane).
    /// </summary>
    public static void Add(Plot plot, IReadOnlyList<SubjectValues> subjects, string? series, Func<SubjectValues, int, double> x, Func<double, double> y,
        IReadOnlyDictionary<Segment, int> shared, Color color, float width,
        IReadOnlyDictionary<Segment, (int Lane, int Lanes)>? lanes = null)
    {
        bool Apart(Segment g) => shared.ContainsKey(g) || lanes?.ContainsKey(g) == true;
        var extent = new Dictionary<Segment, (double left, double right)>();
        var solid = new List<IReadOnlyList<Coordinates>>();
        var bridges = new List<IReadOnlyList<Coordinates>>();
        foreach (var s in subjects)
        {
            var run = new List<Coordinates>();
            foreach (var g in Segments(s, series))
            {
                Coordinates a = new(x(s, g.From), y(g.FromValue)), b = new(x(s, g.To), y(g.ToValue));
                if (run.Count == 0) run.Add(a);
                if (Apart(g))
                    extent[g] = extent.TryGetValue(g, out var e) ? (Math.Min(e.left, a.X), Math.Max(e.right, b.X)) : (a.X, b.X);
                if (g.To != g.From + 1 || Apart(g))
                {
                    solid.Add(run);
                    if (!Apart(g)) bridges.Add(new[] { a, b });
                    run = new List<Coordinates>();
                }
                run.Add(b);
            }
            solid.Add(run);
        }
        PanelPlot.Lines(plot, solid, color, width);
        PanelPlot.Lines(plot, bridges, color, width, FigurePalette.MissedVisitDash);
        float Across(Segment g) => lanes is not null && lanes.TryGetValue(g, out var l) ? (l.Lane - (l.Lanes - 1) / 2f) * LaneSpacing : 0;
        foreach (var kind in extent.Keys
                     .GroupBy(g => (width: shared.TryGetValue(g, out int n) ? SharedWidth(width, n) : width, bridge: g.To != g.From + 1, across: Across(g)))
                     .OrderBy(k => k.Key.bridge).ThenBy(k => k.Key.width).ThenBy(k => k.Key.across))
        {
            var lines = kind.OrderBy(g => g.From).ThenBy(g => g.FromValue).ThenBy(g => g.ToValue)
                .Select(g => (IReadOnlyList<Coordinates>)new[] { new Coordinates(extent[g].left, y(g.FromValue)), new Coordinates(extent[g].right, y(g.ToValue)) })
                .ToList();
            PanelPlot.Lines(plot, lines, color, kind.Key.width, kind.Key.bridge ? FigurePalette.MissedVisitDash : null, kind.Key.across);
        }
    }
}
