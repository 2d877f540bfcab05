namespace RweStats.Figures;

/// <summary>
/// Individual trajectories ("spaghetti plot"): each subject's values joined over the visits, coloured by a
/// per-subject category such as responder status, one panel per outcome. A missed visit is bridged with a
/// dashed segment. The legend gives each category with its number of subjects.
/// </summary>
public sealed record SpaghettiFigure : IFigure
{
    public required IReadOnlyList<SeriesPanel> Panels { get; init; }
    /// <summary>Subject id → category (e.g. "Responder"); subjects not listed fall in <see cref="UncategorisedLabel"/>.</summary>
    public required IReadOnlyDictionary<string, string> SubjectCategory { get; init; }
    /// <summary>Category order for colours and legend; null: order of first appearance over the panels.</summary>
    public IReadOnlyList<string>? CategoryOrder { get; init; }
    public string UncategorisedLabel { get; init; } = "Not classified";
    public FigureStyle Style { get; init; } = FigureStyle.DoubleColumn;
    public int? Rows { get; init; }
    public int? Columns { get; init; }
    public string Title { get; init; } = "Individual trajectories";

    public void Validate()
    {
        Style.Validate();
        if (Panels.Count == 0) throw new RweStatsInputException("a figure needs at least one panel");
        foreach (var p in Panels) p.Validate();
        FigureGrid.Shape(Panels.Count, Rows, Columns);
        if (CategoryOrder is { } order && order.Distinct().Count() != order.Count) throw new RweStatsInputException("category order lists a category twice");
    }

    static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return list.Count;
    }

    string CategoryOf(string subject) => SubjectCategory.TryGetValue(subject, out var c) ? c : UncategorisedLabel;

    public IReadOnlyList<string> Categories()
    {
        var seen = Panels.SelectMany(p => p.Subjects).Select(s => CategoryOf(s.Subject)).Distinct().ToList();
        if (CategoryOrder is null) return seen;
        return CategoryOrder.Where(seen.Contains).Concat(seen.Where(c => !CategoryOrder.Contains(c))).ToList();
    }

    public IReadOnlyList<LegendItem> LegendItems()
    {
        var subjects = Panels.SelectMany(p => p.Subjects).Select(s => s.Subject).Distinct().ToList();
        var items = Categories().Select((c, i) => new LegendItem(LegendGlyph.Line,
            $"{c} (n = {subjects.Count(s => CategoryOf(s) == c)})", Style.Palette.SeriesColor(i))).ToList();
        var neutral = FigureColor.Grey(0.35);
        if (Panels.Any(p => Segments(p).Any(s => s.Count > 1)))
            items.Add(new LegendItem(LegendGlyph.SharedLine, SharedLineLabel, neutral));
        if (Panels.Any(p => p.HasMissedVisits))
            items.Add(new LegendItem(LegendGlyph.MissedVisit, SeriesFigure.MissedVisitLabel, neutral));
        return items;
    }

    /// <summary>The legend's words for a line drawn thicker because several subjects share it.</summary>
    public const string SharedLineLabel = "Thicker line: 2 or more patients with the same values";

    /// <summary>Line width of a segment that <paramref name="count"/> subjects of one category share.</summary>
    public static double SegmentWidth(int count) => 0.7 + 0.6 * (count - 1);

    /// <summary>
    /// One subject's segment between two visits it has (consecutive observed visits; dashed when visits are missed
    /// in between), with the number of subjects of the same category whose segment is identical (same visits, same
    /// values): integer scores often coincide, and a line drawn once per subject on top of each other would show fewer
    /// lines than the legend counts. The first subject (panel order) draws the shared segment, wider by the count.
    /// </summary>
    /// <remarks>
    /// Subjects of different categories can share a segment too (4 → 2 for an improver and a non-improver): those are
    /// drawn side by side, each category in its own <see cref="Lane"/> of <see cref="Lanes"/>, offset across the line.
    /// </remarks>
    public sealed record Segment(string Subject, int From, int To, double FromValue, double ToValue, bool Dashed, int Count, bool Draws)
    {
        public int Lane { get; init; }
        public int Lanes { get; init; } = 1;
    }

    /// <summary>Distance in points between the lanes of a segment that subjects of several categories share.</summary>
    public const double LaneSpacing = 1.3;

    public IReadOnlyList<Segment> Segments(SeriesPanel panel)
    {
        var raw = new List<(string subject, string category, int from, int to, double a, double b)>();
        foreach (var s in panel.Subjects)
        {
            var observed = Enumerable.Range(0, s.Values.Count).Where(j => s.Values[j].HasValue).ToList();
            for (int k = 1; k < observed.Count; k++)
                raw.Add((s.Subject, CategoryOf(s.Subject), observed[k - 1], observed[k], s.Values[observed[k - 1]]!.Value, s.Values[observed[k]]!.Value));
        }
        var counts = raw.GroupBy(r => (r.category, r.from, r.to, r.a, r.b)).ToDictionary(g => g.Key, g => (count: g.Count(), first: g.First().subject));
        var order = Categories();
        var lanes = raw.GroupBy(r => (r.from, r.to, r.a, r.b))
            .ToDictionary(g => g.Key, g => g.Select(r => r.category).Distinct().OrderBy(c => IndexOf(order, c)).ToList());
        return raw.Select(r =>
        {
            var (count, first) = counts[(r.category, r.from, r.to, r.a, r.b)];
            var shared = lanes[(r.from, r.to, r.a, r.b)];
            return new Segment(r.subject, r.from, r.to, r.a, r.b, r.to != r.from + 1, count, first == r.subject)
                { Lane = shared.IndexOf(r.category), Lanes = shared.Count };
        }).ToList();
    }

    FigureGrid Grid(FigureFonts fonts)
    {
        var items = LegendItems();
        return FigureGrid.Create(Panels.Count, Rows, Columns, Style,
            Style.ShowLegend && items.Count > 0 ? w => FigureLegend.Height(items, w, Style, fonts) : null);
    }

    public (double Width, double Height) Size(FigureFonts fonts)
    {
        var g = Grid(fonts);
        return (g.WidthPt, g.HeightPt);
    }

    static double[] Positions(SeriesPanel panel) => panel.VisitPositions?.ToArray() ?? Enumerable.Range(0, panel.Visits.Count).Select(j => (double)j).ToArray();

    PanelFrame FrameOf(SeriesPanel panel, FigureRect cell, string? letter, FigureFonts fonts, PanelInsets? atLeast)
    {
        int nv = panel.Visits.Count;
        var positions = Positions(panel);
        double minGap = nv == 1 ? 1 : Enumerable.Range(1, nv - 1).Min(j => positions[j] - positions[j - 1]);
        var ys = panel.Subjects.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (panel.NormalRange is { } nr && Style.AxisIncludesNormalRange)
        {
            if (!panel.LogScale || nr.Low > 0) ys.Add(nr.Low);
            if (!panel.LogScale || nr.High > 0) ys.Add(nr.High);
        }
        // Trajectories need less room at the ends than boxes: a third of a visit gap.
        var xAxis = new XAxisSpec(positions[0] - minGap / 3, positions[^1] + minGap / 3,
            panel.Visits.Select((v, j) => new AxisTick(positions[j], v)).ToArray(), Style.VisitAxisTitle);
        return PanelFrame.Layout(cell, letter, Style.PanelTitles ? panel.Outcome : null, xAxis,
            new YAxisSpec(ys.Min(), ys.Max(), panel.LogScale, panel.AxisTitle), Style, fonts, atLeast: atLeast);
    }

    public IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts)
    {
        Validate();
        var grid = Grid(fonts);
        var ledger = new TextLedger(fonts);
        var categories = Categories();
        canvas.Rectangle(grid.Figure, new Fill(FigureColor.White), null);
        string? Letter(int i) => Style.PanelLetters && Panels.Count > 1 ? SeriesFigure.PanelLetter(i) : null;
        var frames = PanelFrame.Aligned(Panels.Count, grid.Columns, (i, atLeast) => FrameOf(Panels[i], grid.Cells[i], Letter(i), fonts, atLeast));
        for (int i = 0; i < Panels.Count; i++)
        {
            var panel = Panels[i];
            var cell = grid.Cells[i];
            string? letter = Letter(i);
            string? title = Style.PanelTitles ? panel.Outcome : null;
            int nv = panel.Visits.Count;
            var positions = Positions(panel);
            var frame = frames[i];

            canvas.BeginGroup(new FigureGroup("panel", panel.Outcome, cell));
            if (panel.NormalRange is { } range)
            {
                canvas.BeginGroup(new FigureGroup("normal-range"));
                canvas.PushClip(frame.Plot);
                var (yMin, yMax) = frame.YLimits;
                double lo = Math.Max(range.Low, yMin), hi = Math.Min(range.High, yMax);
                if (hi > lo) canvas.Rectangle(FigureRect.FromEdges(frame.Plot.Left, frame.Y(hi), frame.Plot.Right, frame.Y(lo)), new Fill(Style.Palette.Band, Style.Palette.BandOpacity), null);
                canvas.PopClip();
                canvas.EndGroup();
            }
            frame.DrawAxes(canvas, ledger, Style, Style.VisitAxisTitle, panel.AxisTitle, fonts);
            canvas.BeginGroup(new FigureGroup("trajectories"));
            // Draw category by category in legend order so that colours layer the same way in every panel.
            var segments = Segments(panel).ToLookup(g => g.Subject);
            foreach (var (category, index) in categories.Select((c, k) => (c, k)))
            {
                var color = Style.Palette.SeriesColor(index);
                foreach (var s in panel.Subjects.Where(s => CategoryOf(s.Subject) == category))
                {
                    canvas.BeginGroup(new FigureGroup("trajectory", s.Subject));
                    FigurePoint At(int j, double v) => new(frame.X(positions[j]), frame.Y(v));
                    foreach (var g in segments[s.Subject].Where(g => g.Draws))
                    {
                        var stroke = new Stroke(color, SegmentWidth(g.Count), 0.85) { RoundCaps = !g.Dashed };
                        var (a, b) = (At(g.From, g.FromValue), At(g.To, g.ToValue));
                        if (g.Lanes > 1)
                        {
                            // Across the line: unit normal times the lane's distance from the middle lane.
                            double dx = b.X - a.X, dy = b.Y - a.Y, length = Math.Sqrt(dx * dx + dy * dy);
                            double shift = (g.Lane - (g.Lanes - 1) / 2.0) * LaneSpacing;
                            (double nx, double ny) = (-dy / length * shift, dx / length * shift);
                            (a, b) = (new(a.X + nx, a.Y + ny), new(b.X + nx, b.Y + ny));
                        }
                        canvas.Line(a, b, g.Dashed ? stroke.Dashed(1.5, 1.2) : stroke);
                    }
                    if (Style.ShowPoints)
                        for (int j = 0; j < nv; j++)
                            if (s.Values[j] is { } v) canvas.Circle(At(j, v), 1.1, new Fill(color, 0.9), null);
                    canvas.EndGroup();
                }
            }
            canvas.EndGroup();
            frame.DrawHeading(canvas, ledger, Style, letter, title, fonts);
            canvas.EndGroup();
        }
        if (grid.LegendArea is { } legend) FigureLegend.Draw(canvas, ledger, legend, LegendItems(), Style, fonts);
        return ledger.Problems();
    }
}
