using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// The paper's Figure 1: one panel per outcome (anti-dsDNA, CH50, C4, C3 …) over the visits, each with a box per
/// visit, every subject's value as a jittered point, thin lines joining each subject's visits, the model's LS means
/// with 95 % CI, the normal range as a band, and brackets from baseline to later visits labelled with the
/// mixed-model p-values. Panels fill a rows × columns grid (2 × 2 for four outcomes).
/// With groups (subjects with a <see cref="SubjectValues.Group"/>, e.g. arms PBO and TRT), each visit shows one
/// box per group side by side, points and trajectories take their group's colour and marker, LS means are drawn
/// per group and joined over the visits, brackets may compare groups at a visit, and the legend names the groups.
/// </summary>
public sealed record SeriesFigure : PanelFigure
{
    /// <inheritdoc/>
    public override string Title { get; init; } = "Outcomes over visits";

    /// <summary>Share of the visit spacing taken by a visit's group slots together; the rest separates visits.</summary>
    const double DodgeFraction = 0.8;
    const float PointSize = 2.6f, LsMeanSize = 4.4f;

    /// <summary>Checks the style and the panel grid, and that either every panel has groups or none.</summary>
    public override void Validate()
    {
        base.Validate();
        if (Panels.Any(p => p.IsGrouped) && Panels.FirstOrDefault(p => !p.IsGrouped) is { } single)
            throw new RweStatsInputException($"figure panel '{single.Outcome}' has no groups while other panels do; a figure's panels share one legend, so either every panel has groups or none");
    }

    /// <summary>The figure's groups in display order, first panel first (a group's colour, marker and slot in every panel); empty without groups.</summary>
    public IReadOnlyList<string> Groups() => Panels.SelectMany(p => p.Groups).Distinct().ToList();

    bool ShowsLsMeans(SeriesPanel p) => Style.ShowLsMeans && p.LsMeans is { Count: > 0 };

    static readonly Color Neutral = FigurePalette.Grey(0.35);

    /// <summary>The legend entries of the layers the figure draws.</summary>
    public override IReadOnlyList<LegendItem> LegendItems()
    {
        var items = Groups().Select((g, k) => FigureLegend.LineAndMarker(g, Style.Palette.SeriesColor(k), 1, Style.Palette.GroupDash(k), FigurePalette.GroupMarker(k))).ToList();
        if (Style.ShowBoxes) items.Add(FigureLegend.Box("Median and IQR, whiskers to 1.5 × IQR", Neutral));
        string individuals = $"Individual {Style.SubjectNoun}";
        if (Style.ShowPoints && Style.ShowTrajectories) items.Add(FigureLegend.LineAndMarker(individuals, Neutral, 0.6f, null, MarkerShape.FilledCircle));
        else if (Style.ShowPoints) items.Add(FigureLegend.Marker("Individual values", Neutral, MarkerShape.FilledCircle));
        else if (Style.ShowTrajectories) items.Add(FigureLegend.Line(individuals, Style.Palette.Trajectory, 0.6f));
        if (Style.ShowTrajectories)
            items.AddRange(Trajectories.LegendItems(Style, Panels, SharedLevelSegments, 1.6f));
        if (Panels.Any(ShowsLsMeans)) items.Add(FigureLegend.Marker("LS mean (95% CI)", Style.Palette.Ink, MarkerShape.FilledDiamond));
        if (Panels.Any(p => p.NormalRange is not null)) items.Add(FigureLegend.Fill("Normal range", Style.Palette.Band.WithAlpha(Style.Palette.BandOpacity)));
        return items;
    }

    /// <summary>
    /// Level segments that several subjects of one group share: jitter moves such lines along themselves, so they lie
    /// on top of each other and show as one line (integer scores and standard doses: 5 mg → 5 mg).
    /// </summary>
    internal static IReadOnlyDictionary<Trajectories.Segment, int> SharedLevelSegments(SeriesPanel panel) =>
        Trajectories.Shared(panel.Subjects, s => s.Group, levelOnly: true);

    private protected override void DrawPanel(Plot plot, SeriesPanel panel)
    {
        var palette = Style.Palette;
        int nv = panel.Visits.Count;
        bool lsMeans = ShowsLsMeans(panel);
        // Everything drawn on the value scale must be inside the axis, the LS means' limits too.
        var (positions, minGap, Y) = PanelPlot.SeriesAxes(plot, panel, Style, lsMeans ? panel.LsMeans!.SelectMany(e => new[] { e.Lower, e.Upper }) : Enumerable.Empty<double>(), 0.5);

        // Where each group sits within a visit: slots side by side, centred on the visit (one centred slot without groups).
        var groups = Groups().ToList();
        double slot = panel.IsGrouped ? DodgeFraction * minGap / groups.Count : minGap;
        double X(int visit, string? group) => positions[visit] + (group is null ? 0 : (groups.IndexOf(group) - (groups.Count - 1) / 2.0) * slot);
        Color ColorOf(string? group) => group is null ? palette.Ink : palette.SeriesColor(groups.IndexOf(group));
        double boxWidth = panel.IsGrouped ? 0.6 * slot : 0.34 * minGap;
        double jitterWidth = Math.Min(Style.JitterWidth * minGap, Style.ShowBoxes ? 0.75 * boxWidth : panel.IsGrouped ? 0.35 * slot : double.MaxValue);
        double lsOffset = Style.ShowBoxes ? boxWidth / 2 + 0.1 * slot : 0.25 * slot;
        var jitter = panel.Subjects.ToDictionary(s => s.Subject, s => (Jitter.Uniform(Style.JitterSeed, s.Subject) - 0.5) * jitterWidth);
        double SubjectX(SubjectValues s, int visit) => X(visit, s.Group) + jitter[s.Subject];
        var series = panel.IsGrouped ? groups.Cast<string?>().ToList() : new List<string?> { null };

        if (Style.ShowTrajectories)
        {
            var shared = SharedLevelSegments(panel);
            // Fainter as groups grow, a third of that when the style asks for light lines.
            int largest = series.Max(g => panel.Subjects.Count(s => s.Group == g));
            double opacity = panel.IsGrouped ? Math.Round(Math.Clamp(0.45 * Math.Sqrt(30.0 / Math.Max(1, largest)), 0.2, 0.45), 2) : 0.7;
            if (Style.LightTrajectories) opacity = Math.Round(opacity / 3, 2);
            foreach (var group in series)
            {
                var color = (group is null ? palette.Trajectory : ColorOf(group)).WithAlpha(opacity);
                Trajectories.Add(plot, panel.Subjects.Where(s => s.Group == group).ToList(), group, SubjectX, Y, shared, color, group is null ? 0.4f : 0.35f);
            }
        }

        if (Style.ShowBoxes)
            foreach (var group in series)
            {
                var boxes = new ScottPlot.Plottables.BoxPlot();
                for (int j = 0; j < nv; j++)
                {
                    var values = panel.Subjects.Where(s => s.Group == group && s.Values[j].HasValue).Select(s => Y(s.Values[j]!.Value));
                    // On a log axis the summary is of log10 values (ggplot2 applies scale transforms before stats).
                    if (BoxSummary.Of(values, Style.QuantileType) is not { } b) continue;
                    var color = group is null ? palette.SeriesColor(j) : ColorOf(group);
                    boxes.Boxes.Add(new Box
                    {
                        Position = X(j, group), Width = boxWidth, WhiskerSizeFraction = 0.5,
                        BoxMin = b.Q1, BoxMax = b.Q3, BoxMiddle = b.Median, WhiskerMin = b.WhiskerLow, WhiskerMax = b.WhiskerHigh,
                        FillColor = color.WithAlpha(0.18), LineColor = color, LineWidth = 0.7f,
                    });
                }
                if (boxes.Boxes.Count > 0) plot.Add.Plottable(boxes);
            }

        if (Style.ShowPoints)
        {
            // One Markers plottable per series: per visit (its colour) without groups, per group with.
            var sets = panel.IsGrouped
                ? groups.Select((g, k) => (points: Trajectories.Points(panel.Subjects.Where(s => s.Group == g), SubjectX, Y),
                    color: ColorOf(g), shape: FigurePalette.GroupMarker(k), alpha: 0.8))
                : Enumerable.Range(0, nv).Select(j => (points: Trajectories.Points(panel.Subjects, SubjectX, Y, j),
                    color: palette.SeriesColor(j), shape: MarkerShape.FilledCircle, alpha: 0.85));
            foreach (var (points, color, shape, alpha) in sets.Where(set => set.points.Length > 0))
                PanelPlot.Points(plot, points, shape, PointSize, color.WithAlpha(alpha), Colors.White, 0.3f);
        }

        if (lsMeans)
            foreach (var group in series)
            {
                var mine = panel.LsMeans!.Where(e => e.Group == group).OrderBy(e => panel.VisitIndex(e.Visit)).ToList();
                if (mine.Count == 0) continue;
                var color = ColorOf(group);
                var xs = mine.Select(e => X(panel.VisitIndex(e.Visit), group) + lsOffset).ToArray();
                var est = mine.Select(e => Y(e.Estimate)).ToArray();
                var points = xs.Zip(est, (x, y) => new Coordinates(x, y)).ToArray();
                if (group is not null && mine.Count > 1)
                {
                    // On a white halo, so that the model's line stands out from the subjects' lines behind it.
                    PanelPlot.Lines(plot, [points], Colors.White.WithAlpha(0.9), 2.4f);
                    PanelPlot.Lines(plot, [points], color, 1, palette.GroupDash(groups.IndexOf(group)));
                }
                plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, est, null, null,
                    mine.Select((e, k) => Y(e.Upper) - est[k]).ToArray(), mine.Select((e, k) => est[k] - Y(e.Lower)).ToArray()) { Color = color, LineWidth = 0.8f, CapSize = 3 });
                PanelPlot.Points(plot, points, MarkerShape.FilledDiamond, LsMeanSize, color, Colors.White, 0.3f);
            }

        // A group's own visit contrast in the group's colour; comparisons between groups and visit contrasts in ink.
        if (panel.Significance.Count > 0)
            plot.Add.Plottable(new PValueBrackets(panel.Significance.Select(a => new PValueBrackets.Bracket(
                X(panel.VisitIndex(a.FromVisit), a.Group), X(panel.VisitIndex(a.ToVisit), a.ToGroup),
                PValueText.Format(a.PValue, Style.PValueFormat), a.Group is null || a.IsBetweenGroups ? palette.Ink : ColorOf(a.Group))).ToList(),
                Style.SmallFontPt, palette.Ink));
    }
}
