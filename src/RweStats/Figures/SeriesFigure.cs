using System.Globalization;

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
public sealed record SeriesFigure : IFigure
{
    public required IReadOnlyList<SeriesPanel> Panels { get; init; }
    public FigureStyle Style { get; init; } = FigureStyle.DoubleColumn;
    public int? Rows { get; init; }
    public int? Columns { get; init; }
    public string Title { get; init; } = "Outcomes over visits";

    const double LegLength = 3, PointRadius = 1.3;
    /// <summary>Share of the visit spacing taken by a visit's group slots together; the rest separates visits.</summary>
    const double DodgeFraction = 0.8;

    public void Validate()
    {
        Style.Validate();
        if (Panels.Count == 0) throw new RweStatsInputException("a figure needs at least one panel");
        foreach (var p in Panels) p.Validate();
        FigureGrid.Shape(Panels.Count, Rows, Columns);
        if (Panels.Any(p => p.IsGrouped) && Panels.FirstOrDefault(p => !p.IsGrouped) is { } single)
            throw new RweStatsInputException($"figure panel '{single.Outcome}' has no groups while other panels do; a figure's panels share one legend, so either every panel has groups or none");
    }

    bool Grouped => Panels.Any(p => p.IsGrouped);

    /// <summary>
    /// The groups of the figure in display order (the panels' groups, first panel first): a group has the same
    /// colour, marker and slot in every panel. Empty when the panels have no groups.
    /// </summary>
    public IReadOnlyList<string> Groups() => Panels.SelectMany(p => p.Groups).Distinct().ToList();

    public (double Width, double Height) Size(FigureFonts fonts)
    {
        var grid = Grid(fonts);
        return (grid.WidthPt, grid.HeightPt);
    }

    FigureGrid Grid(FigureFonts fonts)
    {
        var items = LegendItems();
        return FigureGrid.Create(Panels.Count, Rows, Columns, Style,
            Style.ShowLegend && items.Count > 0 ? w => FigureLegend.Height(items, w, Style, fonts) : null);
    }

    bool ShowsLsMeans(SeriesPanel p) => Style.ShowLsMeans && p.LsMeans is { Count: > 0 };

    /// <summary>The legend's words for a dashed trajectory segment.</summary>
    public const string MissedVisitLabel = "Dashed: visit missed in between";

    public IReadOnlyList<LegendItem> LegendItems()
    {
        var items = new List<LegendItem>();
        var neutral = FigureColor.Grey(0.35);
        if (Grouped)
            items.AddRange(Groups().Select((g, k) => new LegendItem(LegendGlyph.Group, g, Style.Palette.SeriesColor(k))
                { Marker = FigureMarker.ForGroup(k), Dash = FigureMarker.DashForGroup(k, Style.Palette) }));
        if (Style.ShowBoxes) items.Add(new(LegendGlyph.Box, "Median and IQR, whiskers to 1.5 × IQR", neutral));
        if (Style.ShowPoints) items.Add(Style.ShowTrajectories ? new(LegendGlyph.Trajectory, "Individual patients", neutral) : new(LegendGlyph.Points, "Individual values", neutral));
        else if (Style.ShowTrajectories) items.Add(new(LegendGlyph.Line, "Individual patients", Style.Palette.Trajectory));
        if (Style.ShowTrajectories && Panels.Any(p => SharedLevelSegments(p).Count > 0))
            items.Add(new(LegendGlyph.SharedLine, SpaghettiFigure.SharedLineLabel, Style.ShowPoints ? neutral : Style.Palette.Trajectory));
        if (Style.ShowTrajectories && Panels.Any(p => p.HasMissedVisits))
            items.Add(new(LegendGlyph.MissedVisit, MissedVisitLabel, Style.ShowPoints ? neutral : Style.Palette.Trajectory));
        if (Panels.Any(ShowsLsMeans)) items.Add(new(LegendGlyph.LsMean, "LS mean (95% CI)", Style.Palette.Ink));
        if (Panels.Any(p => p.NormalRange is not null)) items.Add(new(LegendGlyph.Band, "Normal range", Style.Palette.Band));
        return items;
    }

    public IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts)
    {
        Validate();
        var grid = Grid(fonts);
        var ledger = new TextLedger(fonts);
        canvas.Rectangle(grid.Figure, new Fill(FigureColor.White), null);
        string? Letter(int i) => Style.PanelLetters && Panels.Count > 1 ? PanelLetter(i) : null;
        var frames = PanelFrame.Aligned(Panels.Count, grid.Columns, (i, atLeast) => FrameOf(Panels[i], grid.Cells[i], Letter(i), fonts, atLeast));
        for (int i = 0; i < Panels.Count; i++)
            RenderPanel(canvas, ledger, Panels[i], grid.Cells[i], Letter(i), frames[i], fonts);
        if (grid.LegendArea is { } legend) FigureLegend.Draw(canvas, ledger, legend, LegendItems(), Style, fonts);
        return ledger.Problems();
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string PanelLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : PanelLetter(index / 26 - 1) + (char)('A' + index % 26);

    sealed record PlacedBracket(SignificanceAnnotation Annotation, string Label, double X1, double X2, double LabelX, int Level);

    static double LevelHeight(FigureStyle style, FigureFonts fonts) => LegLength + 1 + fonts.LineHeight(style.Small) + 1.5;

    /// <summary>
    /// Brackets stacked in levels above the plot: shortest spans first, each on the lowest level where neither its
    /// bar nor its label meets one already there, so labels never collide and nested brackets read inside-out.
    /// </summary>
    List<PlacedBracket> PackBrackets(SeriesPanel panel, Func<double, double> map, double plotLeft, double cellLeft, double cellRight, IReadOnlyList<double> positions, FigureFonts fonts)
    {
        var slots = SlotsOf(panel, map, positions);
        double EndX(string visit, string? group) => map(positions[panel.VisitIndex(visit)]) + slots.Offset(group);
        var levels = new List<List<(double l, double r)>>();
        var placed = new List<PlacedBracket>();
        var ordered = panel.Significance
            .Select(a => (a, x1: EndX(a.FromVisit, a.Group), x2: EndX(a.ToVisit, a.ToGroup)))
            .Select(t => (t.a, x1: Math.Min(t.x1, t.x2), x2: Math.Max(t.x1, t.x2)))
            .OrderBy(t => t.x2 - t.x1).ThenBy(t => t.x1).ToList();
        foreach (var (a, x1, x2) in ordered)
        {
            var label = PValueText.Format(a.PValue, Style.PValueFormat);
            double w = fonts.Width(label, Style.Small);
            // Centred over the bracket, kept over the plot where possible, else over the whole cell.
            double lo = plotLeft + w / 2, hi = cellRight - w / 2;
            if (lo > hi) lo = cellLeft + w / 2;
            if (lo > hi)
                throw new RweStatsInputException($"figure panel '{panel.Outcome}': {FigureUnits.PtToMm(cellRight - cellLeft):0} mm is too narrow for the label '{label}'; use fewer columns, a wider figure or PValueFormat.Stars");
            double cx = Math.Clamp((x1 + x2) / 2, lo, hi);
            double l = Math.Min(x1, cx - w / 2) - 2, r = Math.Max(x2, cx + w / 2) + 2;
            int level = levels.FindIndex(lv => lv.All(o => r <= o.l || l >= o.r));
            if (level < 0) { levels.Add(new()); level = levels.Count - 1; }
            levels[level].Add((l, r));
            placed.Add(new PlacedBracket(a, label, x1, x2, cx, level));
        }
        return placed;
    }

    /// <summary>Where each group sits within a visit: slots side by side, centred on the visit (one centred slot without groups).</summary>
    sealed record GroupSlots(IReadOnlyList<string> Groups, double Width)
    {
        public int IndexOf(string? group)
        {
            for (int k = 0; k < Groups.Count; k++) if (Groups[k] == group) return k;
            return -1;
        }

        /// <summary>Offset of the group's slot centre from the visit; 0 for no group (the visit itself).</summary>
        public double Offset(string? group)
        {
            int k = IndexOf(group);
            return k < 0 ? 0 : (k - (Groups.Count - 1) / 2.0) * Width;
        }
    }

    GroupSlots SlotsOf(SeriesPanel panel, Func<double, double> map, IReadOnlyList<double> positions)
    {
        if (!panel.IsGrouped) return new GroupSlots(Array.Empty<string>(), 0);
        var groups = Groups();
        int nv = positions.Count;
        double minGap = nv == 1 ? 1 : Enumerable.Range(1, nv - 1).Min(i => positions[i] - positions[i - 1]);
        double spacing = map(positions[0] + minGap) - map(positions[0]);
        return new GroupSlots(groups, DodgeFraction * spacing / groups.Count);
    }

    /// <summary>The panel's layout: axes covering everything drawn on the data scale, room for its brackets.</summary>
    PanelFrame FrameOf(SeriesPanel panel, FigureRect cell, string? letter, FigureFonts fonts, PanelInsets? atLeast)
    {
        var style = Style;
        int nv = panel.Visits.Count;
        var positions = panel.VisitPositions ?? Enumerable.Range(0, nv).Select(i => (double)i).ToArray();
        double minGap = nv == 1 ? 1 : Enumerable.Range(1, nv - 1).Min(i => positions[i] - positions[i - 1]);
        bool lsMeans = ShowsLsMeans(panel);

        // y range: everything drawn on the data scale must be inside the axis.
        var ys = panel.Subjects.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (lsMeans) ys.AddRange(panel.LsMeans!.SelectMany(e => new[] { e.Lower, e.Upper }));
        if (panel.NormalRange is { } nr && style.AxisIncludesNormalRange)
        {
            // A range from 0 ("< 10 IU/mL") has no bottom on a log axis: the band then starts at the axis.
            if (!panel.LogScale || nr.Low > 0) ys.Add(nr.Low);
            if (!panel.LogScale || nr.High > 0) ys.Add(nr.High);
        }
        var xAxis = new XAxisSpec(positions[0] - minGap / 2, positions[^1] + minGap / 2,
            panel.Visits.Select((v, i) => new AxisTick(positions[i], v)).ToArray(), style.VisitAxisTitle);
        var yAxis = new YAxisSpec(ys.Min(), ys.Max(), panel.LogScale, panel.AxisTitle);
        string? title = style.PanelTitles ? panel.Outcome : null;
        double levelHeight = LevelHeight(style, fonts);
        double BandHeight(Func<double, double> map)
        {
            if (panel.Significance.Count == 0) return 0;
            int levels = PackBrackets(panel, map, map(xAxis.Min), cell.Left, cell.Right, positions, fonts).Max(b => b.Level) + 1;
            return 2 + levels * levelHeight;
        }
        return PanelFrame.Layout(cell, letter, title, xAxis, yAxis, style, fonts, BandHeight, atLeast);
    }

    void RenderPanel(IFigureCanvas canvas, TextLedger ledger, SeriesPanel panel, FigureRect cell, string? letter, PanelFrame frame, FigureFonts fonts)
    {
        var style = Style;
        int nv = panel.Visits.Count;
        var positions = panel.VisitPositions ?? Enumerable.Range(0, nv).Select(i => (double)i).ToArray();
        double minGap = nv == 1 ? 1 : Enumerable.Range(1, nv - 1).Min(i => positions[i] - positions[i - 1]);
        bool lsMeans = ShowsLsMeans(panel);
        string? title = style.PanelTitles ? panel.Outcome : null;
        if (panel.IsGrouped)
        {
            RenderGroupedPanel(canvas, ledger, panel, cell, letter, title, frame, positions, minGap, lsMeans, fonts);
            return;
        }

        double spacing = frame.X(positions[0] + minGap) - frame.X(positions[0]);
        double boxHalf = Math.Min(0.17 * spacing, 14);
        double jitterWidth = style.JitterWidth * spacing;
        if (style.ShowBoxes) jitterWidth = Math.Min(jitterWidth, 1.5 * boxHalf);
        double lsOffset = style.ShowBoxes ? boxHalf + Math.Max(4, 0.1 * spacing) : 0.25 * spacing;
        double VisitX(int j) => frame.X(positions[j]);
        var jitter = panel.Subjects.ToDictionary(s => s.Subject, s => Jitter.Offset(style.JitterSeed, s.Subject, jitterWidth));
        var ink = style.Palette.Ink;

        canvas.BeginGroup(new FigureGroup("panel", panel.Outcome, cell));

        DrawNormalRange(canvas, panel, frame);

        frame.DrawAxes(canvas, ledger, style, style.VisitAxisTitle, panel.AxisTitle, fonts);

        if (style.ShowTrajectories)
        {
            canvas.BeginGroup(new FigureGroup("trajectories"));
            var solid = new Stroke(style.Palette.Trajectory, 0.4, 0.7);
            DrawTrajectories(canvas, panel.Subjects, (s, j) => VisitX(j) + jitter[s.Subject], frame, solid);
            canvas.EndGroup();
        }

        if (style.ShowBoxes)
        {
            canvas.BeginGroup(new FigureGroup("boxes"));
            for (int j = 0; j < nv; j++)
                DrawBox(canvas, panel, frame, panel.ValuesAt(j).Select(t => t.value), VisitX(j), boxHalf, style.Palette.SeriesColor(j), panel.Visits[j]);
            canvas.EndGroup();
        }

        if (style.ShowPoints)
        {
            canvas.BeginGroup(new FigureGroup("points"));
            for (int j = 0; j < nv; j++)
            {
                var fill = new Fill(style.Palette.SeriesColor(j), 0.85);
                foreach (var (subject, value) in panel.ValuesAt(j))
                    canvas.Circle(new(VisitX(j) + jitter[subject], frame.Y(value)), PointRadius, fill, new Stroke(FigureColor.White, 0.3));
            }
            canvas.EndGroup();
        }

        if (lsMeans)
        {
            canvas.BeginGroup(new FigureGroup("ls-means"));
            foreach (var e in panel.LsMeans!)
                DrawLsMean(canvas, frame, e, VisitX(panel.VisitIndex(e.Visit)) + lsOffset, ink, e.Visit);
            canvas.EndGroup();
        }

        DrawBrackets(canvas, ledger, panel, cell, frame, positions, fonts, _ => ink);

        frame.DrawHeading(canvas, ledger, style, letter, title, fonts);
        canvas.EndGroup();
    }

    void DrawNormalRange(IFigureCanvas canvas, SeriesPanel panel, PanelFrame frame)
    {
        if (panel.NormalRange is not { } range) return;
        var plot = frame.Plot;
        canvas.BeginGroup(new FigureGroup("normal-range", string.Create(CultureInfo.InvariantCulture, $"{range.Low:R}|{range.High:R}")));
        canvas.PushClip(plot);
        var (yMin, yMax) = frame.YLimits;
        double lo = Math.Max(range.Low, yMin), hi = Math.Min(range.High, yMax);
        if (hi > lo) canvas.Rectangle(FigureRect.FromEdges(plot.Left, frame.Y(hi), plot.Right, frame.Y(lo)), new Fill(Style.Palette.Band, Style.Palette.BandOpacity), null);
        canvas.PopClip();
        canvas.EndGroup();
    }

    void DrawBrackets(IFigureCanvas canvas, TextLedger ledger, SeriesPanel panel, FigureRect cell, PanelFrame frame, IReadOnlyList<double> positions,
        FigureFonts fonts, Func<SignificanceAnnotation, FigureColor> color)
    {
        if (panel.Significance.Count == 0) return;
        var plot = frame.Plot;
        double levelHeight = LevelHeight(Style, fonts);
        canvas.BeginGroup(new FigureGroup("brackets"));
        foreach (var b in PackBrackets(panel, frame.X, plot.Left, cell.Left, cell.Right, positions, fonts))
        {
            double legBottom = plot.Top - 2 - b.Level * levelHeight, bar = legBottom - LegLength;
            canvas.BeginGroup(new FigureGroup("bracket", b.Annotation.Key));
            canvas.Polyline(new FigurePoint[] { new(b.X1, legBottom), new(b.X1, bar), new(b.X2, bar), new(b.X2, legBottom) }, new Stroke(color(b.Annotation), 0.6));
            ledger.Text(canvas, cell, b.Label, new(b.LabelX, bar - 1), Style.Small, TextAnchor.Middle, TextBaseline.Bottom);
            canvas.EndGroup();
        }
        canvas.EndGroup();
    }

    /// <summary>
    /// A panel with groups: per visit one slot per group side by side (box, jittered points, LS mean with CI to
    /// the box's right), each group in its colour and marker; trajectories in the group's colour; the group's LS
    /// means joined over the visits (dashed per group on a monochrome palette); brackets between groups.
    /// </summary>
    void RenderGroupedPanel(IFigureCanvas canvas, TextLedger ledger, SeriesPanel panel, FigureRect cell, string? letter, string? title,
        PanelFrame frame, IReadOnlyList<double> positions, double minGap, bool lsMeans, FigureFonts fonts)
    {
        var style = Style;
        int nv = panel.Visits.Count;
        var slots = SlotsOf(panel, frame.X, positions);
        var groups = slots.Groups;
        double spacing = frame.X(positions[0] + minGap) - frame.X(positions[0]);
        double boxHalf = Math.Min(0.3 * slots.Width, 14);
        double jitterWidth = Math.Min(style.JitterWidth * spacing, style.ShowBoxes ? 1.5 * boxHalf : 0.35 * slots.Width);
        double lsOffset = style.ShowBoxes ? boxHalf + Math.Max(2.5, 0.1 * slots.Width) : 0.25 * slots.Width;
        double SlotX(int j, string group) => frame.X(positions[j]) + slots.Offset(group);
        var jitter = panel.Subjects.ToDictionary(s => s.Subject, s => Jitter.Offset(style.JitterSeed, s.Subject, jitterWidth));
        FigureColor ColorOf(string? group) => group is null ? style.Palette.Ink : style.Palette.SeriesColor(slots.IndexOf(group));
        var ink = style.Palette.Ink;

        canvas.BeginGroup(new FigureGroup("panel", panel.Outcome, cell));
        DrawNormalRange(canvas, panel, frame);
        frame.DrawAxes(canvas, ledger, style, style.VisitAxisTitle, panel.AxisTitle, fonts);

        if (style.ShowTrajectories)
        {
            canvas.BeginGroup(new FigureGroup("trajectories"));
            // Fainter as groups grow, so that a hundred lines per arm stay a backdrop to boxes and LS means.
            int largest = groups.Max(g => panel.Subjects.Count(s => s.Group == g));
            double opacity = Math.Round(Math.Clamp(0.45 * Math.Sqrt(30.0 / Math.Max(1, largest)), 0.2, 0.45), 2);
            foreach (var group in groups)
            {
                var solid = new Stroke(ColorOf(group), 0.35, opacity);
                DrawTrajectories(canvas, panel.Subjects.Where(s => s.Group == group).ToList(), (s, j) => SlotX(j, group) + jitter[s.Subject], frame, solid);
            }
            canvas.EndGroup();
        }

        if (style.ShowBoxes)
        {
            canvas.BeginGroup(new FigureGroup("boxes"));
            for (int j = 0; j < nv; j++)
                foreach (var group in groups)
                    DrawBox(canvas, panel, frame, panel.ValuesAt(j, group).Select(t => t.value), SlotX(j, group), boxHalf, ColorOf(group), panel.Visits[j] + "|" + group);
            canvas.EndGroup();
        }

        if (style.ShowPoints)
        {
            // One "points" group per group (data-key = group), one marker element per non-missing value.
            foreach (var group in groups)
            {
                canvas.BeginGroup(new FigureGroup("points", group));
                var fill = new Fill(ColorOf(group), 0.8);
                var marker = FigureMarker.ForGroup(slots.IndexOf(group));
                for (int j = 0; j < nv; j++)
                    foreach (var (subject, value) in panel.ValuesAt(j, group))
                        FigureMarker.Draw(canvas, marker, new(SlotX(j, group) + jitter[subject], frame.Y(value)), PointRadius, fill, new Stroke(FigureColor.White, 0.3));
                canvas.EndGroup();
            }
        }

        if (lsMeans)
        {
            canvas.BeginGroup(new FigureGroup("ls-means"));
            var estimates = panel.LsMeans!;
            foreach (var group in groups)
            {
                var mine = estimates.Where(e => e.Group == group).OrderBy(e => panel.VisitIndex(e.Visit)).ToList();
                if (mine.Count < 2) continue;
                canvas.BeginGroup(new FigureGroup("ls-profile", group));
                // On a white halo, so that the model's line stands out from the subjects' lines behind it.
                var profile = mine.Select(e => new FigurePoint(SlotX(panel.VisitIndex(e.Visit), group) + lsOffset, frame.Y(e.Estimate))).ToArray();
                canvas.Polyline(profile, new Stroke(FigureColor.White, 2.4, 0.9));
                canvas.Polyline(profile, new Stroke(ColorOf(group), 1) { Dash = FigureMarker.DashForGroup(slots.IndexOf(group), style.Palette) });
                canvas.EndGroup();
            }
            foreach (var e in estimates)
                DrawLsMean(canvas, frame, e, SlotX(panel.VisitIndex(e.Visit), e.Group!) + lsOffset, ColorOf(e.Group), e.Visit + "|" + e.Group);
            canvas.EndGroup();
        }

        // A group's own visit contrast in the group's colour; comparisons between groups in ink.
        DrawBrackets(canvas, ledger, panel, cell, frame, positions, fonts, a => a.IsBetweenGroups ? ink : ColorOf(a.Group));

        frame.DrawHeading(canvas, ledger, style, letter, title, fonts);
        canvas.EndGroup();
    }

    /// <summary>
    /// A box at x = cx: quartiles by the tables' quantile definition, whiskers, median. On a log axis the summary is
    /// taken on log10 values (ggplot2 applies scale transforms before stats). Shared by single-series and grouped panels.
    /// </summary>
    void DrawBox(IFigureCanvas canvas, SeriesPanel panel, PanelFrame frame, IEnumerable<double> values, double cx, double boxHalf, FigureColor color, string key)
    {
        if (BoxSummary.Of(values.Select(v => panel.LogScale ? Math.Log10(v) : v), Style.QuantileType) is not { } b) return;
        double F(double v) => frame.Y(panel.LogScale ? Math.Pow(10, v) : v);
        var line = new Stroke(color, 0.7);
        canvas.BeginGroup(new FigureGroup("box", key));
        canvas.Line(new(cx, F(b.Q3)), new(cx, F(b.WhiskerHigh)), line);
        canvas.Line(new(cx, F(b.Q1)), new(cx, F(b.WhiskerLow)), line);
        canvas.Line(new(cx - boxHalf / 2, F(b.WhiskerHigh)), new(cx + boxHalf / 2, F(b.WhiskerHigh)), line);
        canvas.Line(new(cx - boxHalf / 2, F(b.WhiskerLow)), new(cx + boxHalf / 2, F(b.WhiskerLow)), line);
        canvas.Rectangle(FigureRect.FromEdges(cx - boxHalf, F(b.Q3), cx + boxHalf, F(b.Q1)), new Fill(color, 0.18), line);
        canvas.Line(new(cx - boxHalf, F(b.Median)), new(cx + boxHalf, F(b.Median)), new Stroke(color, 1.4));
        canvas.EndGroup();
    }

    /// <summary>An LS mean at x: its confidence interval as an error bar, the estimate as a diamond.</summary>
    static void DrawLsMean(IFigureCanvas canvas, PanelFrame frame, VisitEstimate e, double x, FigureColor color, string key)
    {
        var line = new Stroke(color, 0.8);
        canvas.BeginGroup(new FigureGroup("ls-mean", key));
        canvas.Line(new(x, frame.Y(e.Lower)), new(x, frame.Y(e.Upper)), line);
        canvas.Line(new(x - 1.5, frame.Y(e.Lower)), new(x + 1.5, frame.Y(e.Lower)), line);
        canvas.Line(new(x - 1.5, frame.Y(e.Upper)), new(x + 1.5, frame.Y(e.Upper)), line);
        canvas.Polygon(FigureLegend.Diamond(new(x, frame.Y(e.Estimate)), 2.2), new Fill(color), new Stroke(FigureColor.White, 0.3));
        canvas.EndGroup();
    }

    /// <summary>
    /// Level segments (the same value at two consecutive observed visits) that several subjects of one group share:
    /// jitter moves such lines along themselves, so they lie exactly on top of each other and show as one line
    /// (integer scores and standard doses: 5 mg → 5 mg). Key: group, visit indices, value; count of subjects.
    /// </summary>
    public static IReadOnlyDictionary<(string? group, int from, int to, double value), int> SharedLevelSegments(SeriesPanel panel)
    {
        var counts = new Dictionary<(string?, int, int, double), int>();
        foreach (var s in panel.Subjects)
        {
            var observed = Enumerable.Range(0, s.Values.Count).Where(j => s.Values[j].HasValue).ToList();
            for (int k = 1; k < observed.Count; k++)
                if (s.Values[observed[k - 1]] == s.Values[observed[k]])
                {
                    var key = (s.Group, observed[k - 1], observed[k], s.Values[observed[k]]!.Value);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
        }
        return counts.Where(kv => kv.Value > 1).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>Width of a level segment that <paramref name="count"/> subjects share, from the single line's width.</summary>
    public static double SharedWidth(double width, int count) => width * Math.Min(4, 1 + 0.6 * (count - 1));

    /// <summary>
    /// The subjects' trajectories (x of subject s at visit j from <paramref name="x"/>), each as
    /// <see cref="DrawTrajectory"/> draws it, except the level segments several of them share
    /// (<see cref="SharedLevelSegments"/>): each of those is drawn once, across all of their points, wider by their number.
    /// </summary>
    static void DrawTrajectories(IFigureCanvas canvas, IReadOnlyList<SubjectValues> subjects, Func<SubjectValues, int, double> x, PanelFrame frame, Stroke solid)
    {
        var dashed = solid.Dashed(1.5, 1.2);
        var shared = SharedLevelSegments(new SeriesPanel { Outcome = "-", Visits = Array.Empty<string>(), Subjects = subjects });
        var extent = new Dictionary<(string?, int, int, double), (double left, double right)>();
        foreach (var s in subjects)
            DrawTrajectory(canvas, s, j => x(s, j), frame, solid, dashed, (from, to, value) =>
            {
                var key = (s.Group, from, to, value);
                if (!shared.ContainsKey(key)) return false;
                double l = x(s, from), r = x(s, to);
                extent[key] = extent.TryGetValue(key, out var e) ? (Math.Min(e.left, l), Math.Max(e.right, r)) : (l, r);
                return true;
            });
        foreach (var (key, count) in shared.OrderBy(kv => kv.Key.from).ThenBy(kv => kv.Key.value))
        {
            var (left, right) = extent[key];
            var stroke = (key.to == key.from + 1 ? solid : dashed) with { Width = SharedWidth(solid.Width, count) };
            canvas.Line(new(left, frame.Y(key.value)), new(right, frame.Y(key.value)), stroke);
        }
    }

    /// <summary>
    /// One subject's values joined across visits (x of visit j from <paramref name="x"/>); a missed visit in between
    /// is crossed with a dashed line, so the gap stays visible. Shared by single-series and grouped panels. Segments
    /// for which <paramref name="skip"/>(from, to, value) is true are left out (drawn once for several subjects).
    /// </summary>
    static void DrawTrajectory(IFigureCanvas canvas, SubjectValues s, Func<int, double> x, PanelFrame frame, Stroke solid, Stroke dashed,
        Func<int, int, double, bool> skip)
    {
        var observed = Enumerable.Range(0, s.Values.Count).Where(j => s.Values[j].HasValue).ToList();
        var run = new List<FigurePoint>();
        for (int k = 0; k < observed.Count; k++)
        {
            int j = observed[k];
            var p = new FigurePoint(x(j), frame.Y(s.Values[j]!.Value));
            bool skipped = k > 0 && s.Values[observed[k - 1]] == s.Values[j] && skip(observed[k - 1], j, s.Values[j]!.Value);
            if (k > 0 && (observed[k - 1] != j - 1 || skipped))
            {
                if (run.Count > 1) canvas.Polyline(run, solid);
                if (!skipped) canvas.Line(run[^1], p, dashed);
                run = new List<FigurePoint>();
            }
            run.Add(p);
        }
        if (run.Count > 1) canvas.Polyline(run, solid);
    }
}
