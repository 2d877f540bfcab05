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
    /// <summary>Category order for colours and legend; null: order of first appearance in the first panel.</summary>
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
        return Categories().Select((c, i) => new LegendItem(LegendGlyph.Line,
            $"{c} (n = {subjects.Count(s => CategoryOf(s) == c)})", Style.Palette.SeriesColor(i))).ToList();
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

    public IReadOnlyList<string> Render(IFigureCanvas canvas, FigureFonts fonts)
    {
        Validate();
        var grid = Grid(fonts);
        var ledger = new TextLedger(fonts);
        var categories = Categories();
        canvas.Rectangle(grid.Figure, new Fill(FigureColor.White), null);
        for (int i = 0; i < Panels.Count; i++)
        {
            var panel = Panels[i];
            var cell = grid.Cells[i];
            string? letter = Style.PanelLetters ? SeriesFigure.PanelLetter(i) : null;
            string? title = Style.PanelTitles ? panel.Outcome : null;
            int nv = panel.Visits.Count;
            var positions = panel.VisitPositions ?? Enumerable.Range(0, nv).Select(j => (double)j).ToArray();
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
            var frame = PanelFrame.Layout(cell, letter, title, xAxis, new YAxisSpec(ys.Min(), ys.Max(), panel.LogScale, panel.AxisTitle), Style, fonts);

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
            foreach (var (category, index) in categories.Select((c, k) => (c, k)))
            {
                var color = Style.Palette.SeriesColor(index);
                var solid = new Stroke(color, 0.7, 0.85);
                var dashed = solid.Dashed(1.5, 1.2);
                foreach (var s in panel.Subjects.Where(s => CategoryOf(s.Subject) == category))
                {
                    canvas.BeginGroup(new FigureGroup("trajectory", s.Subject));
                    var observed = Enumerable.Range(0, nv).Where(j => s.Values[j].HasValue).ToList();
                    var points = observed.Select(j => new FigurePoint(frame.X(positions[j]), frame.Y(s.Values[j]!.Value))).ToList();
                    var run = new List<FigurePoint>();
                    for (int k = 0; k < observed.Count; k++)
                    {
                        if (k > 0 && observed[k - 1] != observed[k] - 1)
                        {
                            if (run.Count > 1) canvas.Polyline(run, solid);
                            canvas.Line(points[k - 1], points[k], dashed);
                            run = new List<FigurePoint>();
                        }
                        run.Add(points[k]);
                    }
                    if (run.Count > 1) canvas.Polyline(run, solid);
                    if (Style.ShowPoints)
                        foreach (var p in points) canvas.Circle(p, 1.1, new Fill(color, 0.9), null);
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
