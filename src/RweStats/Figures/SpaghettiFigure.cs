using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// Individual trajectories ("spaghetti plot"): each subject's values joined over the visits, coloured by a
/// per-subject category such as responder status, one panel per outcome. A missed visit is bridged with a
/// dashed segment; a segment several subjects of a category share is drawn once, thicker. The legend gives each
/// category with its number of subjects.
/// </summary>
public sealed record SpaghettiFigure : PanelFigure
{
    /// <summary>Subject id → category (e.g. "Responder"); subjects not listed fall in <see cref="UncategorisedLabel"/>.</summary>
    public required IReadOnlyDictionary<string, string> SubjectCategory { get; init; }
    /// <summary>Category order for colours and legend; null: order of first appearance over the panels.</summary>
    public IReadOnlyList<string>? CategoryOrder { get; init; }
    /// <summary>The category of subjects absent from <see cref="SubjectCategory"/>.</summary>
    public string UncategorisedLabel { get; init; } = "Not classified";
    /// <inheritdoc/>
    public override string Title { get; init; } = "Individual trajectories";

    /// <summary>Checks the style, the panel grid and the category order.</summary>
    public override void Validate()
    {
        base.Validate();
        if (CategoryOrder is { } order && order.Distinct().Count() != order.Count) throw new RweStatsInputException("category order lists a category twice");
    }

    /// <summary>The category of a subject.</summary>
    public string CategoryOf(string subject) => SubjectCategory.TryGetValue(subject, out var c) ? c : UncategorisedLabel;

    /// <summary>The categories present, in <see cref="CategoryOrder"/> (those it omits after, in order of first appearance).</summary>
    public IReadOnlyList<string> Categories()
    {
        var seen = Panels.SelectMany(p => p.Subjects).Select(s => CategoryOf(s.Subject)).Distinct().ToList();
        if (CategoryOrder is null) return seen;
        return CategoryOrder.Where(seen.Contains).Concat(seen.Where(c => !CategoryOrder.Contains(c))).ToList();
    }

    /// <summary>Segments (same visits, same values) that two or more subjects of one category share, with their number.</summary>
    internal IReadOnlyDictionary<Trajectories.Segment, int> SharedSegments(SeriesPanel panel) =>
        Trajectories.Shared(panel.Subjects, s => CategoryOf(s.Subject), levelOnly: false);

    /// <summary>Width of one subject's line, pt.</summary>
    public const float LineWidth = 0.7f;

    /// <summary>The legend: each category with its number of subjects, then the shared-segment and missed-visit line styles when drawn.</summary>
    public override IReadOnlyList<LegendItem> LegendItems()
    {
        var subjects = Panels.SelectMany(p => p.Subjects).Select(s => s.Subject).Distinct().ToList();
        var items = Categories().Select((c, i) => FigureLegend.Line($"{c} (n = {subjects.Count(s => CategoryOf(s) == c)})",
            Style.Palette.SeriesColor(i), 1.2f));
        return items.Concat(Trajectories.LegendItems(Style, Panels, SharedSegments, Trajectories.SharedWidth(LineWidth, 3))).ToList();
    }

    private protected override void DrawPanel(Plot plot, SeriesPanel panel)
    {
        // Trajectories need less room at the ends than boxes: a third of a visit gap.
        var (positions, _, Y) = PanelPlot.SeriesAxes(plot, panel, Style, Enumerable.Empty<double>(), 1 / 3.0);
        var shared = SharedSegments(panel);
        var lanes = Trajectories.Lanes(panel.Subjects, s => CategoryOf(s.Subject), Categories());
        double opacity = Style.LightTrajectories ? 0.3 : 0.85;
        // Category by category in legend order, so that colours layer the same way in every panel.
        foreach (var (category, index) in Categories().Select((c, k) => (c, k)))
        {
            var color = Style.Palette.SeriesColor(index);
            var subjects = panel.Subjects.Where(s => CategoryOf(s.Subject) == category).ToList();
            if (Style.ShowTrajectories)
                Trajectories.Add(plot, subjects, category, (s, j) => positions[j], Y, shared, color.WithAlpha(opacity), LineWidth, lanes);
            if (Style.ShowPoints && Trajectories.Points(subjects, (s, j) => positions[j], Y) is { Length: > 0 } points)
                PanelPlot.Points(plot, points, MarkerShape.FilledCircle, 2.2f, color.WithAlpha(0.9));
        }
    }
}
