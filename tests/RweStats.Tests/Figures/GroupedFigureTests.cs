using RweStats.Data;
using RweStats.Estimation;
using RweStats.Figures;
using RweStats.Model;
using ScottPlot;
using ScottPlot.Plottables;

namespace RweStats.Tests.Figures;

/// <summary>Panels with groups (two or more series per panel, e.g. by arm): their ScottPlot plottables and the panel model.</summary>
public class GroupedFigureTests
{
    public static TheoryData<string> Styles => new() { "double", "single", "grey", "exact-no-boxes" };

    static FigureStyle StyleNamed(string name) => name switch
    {
        "double" => FigureStyle.DoubleColumn,
        "single" => FigureStyle.SingleColumn with { PanelHeightMm = 70 },
        "grey" => FigureStyle.DoubleColumn.Greyscale() with { FontSizePt = 9 },
        "exact-no-boxes" => FigureStyle.SingleColumn with { PValueFormat = PValueFormat.Exact, ShowBoxes = false, ShowTrajectories = false, PanelHeightMm = 70 },
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(Styles))]
    public void Each_group_has_its_boxes_points_and_colour_side_by_side_at_each_visit(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        using var page = figure.Page();
        var groups = figure.Groups();
        Assert.Equal(GroupedFigureTestData.Arms, groups);
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            var plot = page.Panels[i];
            var boxPlots = plot.GetPlottables<BoxPlot>().ToList();
            Assert.Equal(figure.Style.ShowBoxes ? 2 : 0, boxPlots.Count);
            for (int k = 0; k < boxPlots.Count; k++)
            {
                // Group k's boxes sit left (PBO) or right (TRT) of each visit, in the group's colour.
                Assert.Equal(4, boxPlots[k].Boxes.Count);
                Assert.All(boxPlots[k].Boxes.Select((b, j) => b.Position - j), d => Assert.Equal(k == 0 ? -0.2 : 0.2, d, 9));
                Assert.All(boxPlots[k].Boxes, b => Assert.Equal(figure.Style.Palette.SeriesColor(k), b.LineColor));
            }
            var points = plot.GetPlottables<Markers>().Where(m => m.MarkerShape != MarkerShape.FilledDiamond).ToList();
            Assert.Equal(new[] { MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp }, points.Select(m => m.MarkerShape));
            for (int k = 0; k < 2; k++)
            {
                var panel = figure.Panels[i];
                int expected = Enumerable.Range(0, 4).Sum(j => FigureTestData.ValuesAt(panel, j, groups[k]).Count());
                Assert.Equal(expected, points[k].Data.GetScatterPoints().Count);
                Assert.Equal(figure.Style.Palette.SeriesColor(k).WithAlpha(0.8), points[k].MarkerFillColor);
            }
        }
        // The legend names the groups first, each with its line, marker and (greyscale) dashes.
        var legend = page.Legend!.Legend.ManualItems.Select(x => x.LabelText).ToList();
        Assert.Equal(GroupedFigureTestData.Arms, legend.Take(2));
    }

    [Fact]
    public void Between_group_brackets_span_the_two_boxes_of_a_visit()
    {
        var figure = GroupedFigureTestData.Figure(FigureStyle.DoubleColumn);
        using var page = figure.Page();
        var brackets = Assert.Single(page.Panels[0].GetPlottables<PValueBrackets>()).Items;
        Assert.Equal(GroupedFigureTestData.BetweenArmP.Select(p => PValueText.Format(p, PValueFormat.Bounded)), brackets.Select(b => b.Label));
        Assert.All(brackets.Select((b, j) => (b, j)), t => Assert.Equal((t.j - 0.2, t.j + 0.2), (Math.Round(t.b.X1, 9), Math.Round(t.b.X2, 9))));
        Assert.All(brackets, b => Assert.Equal(figure.Style.Palette.Ink, b.Color));
    }

    [Fact]
    public void Group_profiles_are_dashed_per_group_on_a_monochrome_palette()
    {
        using var grey = GroupedFigureTestData.Figure(FigureStyle.DoubleColumn.Greyscale()).Page();
        var dashed = grey.Panels[0].GetPlottables<Scatter>().Where(s => s.PathStrategy is DashedPath).Select(s => ((DashedPath)s.PathStrategy).Pattern).ToList();
        Assert.Contains(dashed, p => p.SequenceEqual(new float[] { 3, 2 }));
        using var colour = GroupedFigureTestData.Figure(FigureStyle.DoubleColumn).Page();
        Assert.DoesNotContain(colour.Panels[0].GetPlottables<Scatter>(), s => s.PathStrategy is DashedPath d && d.Pattern.SequenceEqual(new float[] { 3, 2 }));
    }

    [Fact]
    public void Long_arrays_without_groups_give_the_single_series_panel()
    {
        // The observation-list factory without groups is the old single-series panel, drawn byte for byte alike.
        var wide = FigureTestData.Figure1Panels()[1];
        var rows = wide.Subjects.SelectMany(s => s.Values.Select((v, j) => new PanelObservation(s.Subject, null, wide.Visits[j], v ?? double.NaN))).ToList();
        var fromRows = SeriesPanel.FromObservations(wide.Outcome, wide.Unit, wide.Visits, rows) with
        {
            NormalRange = wide.NormalRange, LsMeans = wide.LsMeans, Significance = wide.Significance,
        };
        Assert.False(fromRows.IsGrouped);
        Assert.Equal(FigureWriter.ToSvg(new SeriesFigure { Panels = new[] { wide } }), FigureWriter.ToSvg(new SeriesFigure { Panels = new[] { fromRows } }));
    }

    [Fact]
    public void Observations_with_groups_give_a_panel_with_groups()
    {
        var rows = GroupedFigureTestData.Observations();
        var panel = SeriesPanel.FromObservations("Score", "", GroupedFigureTestData.Visits, rows);
        Assert.Equal(GroupedFigureTestData.Arms, panel.Groups);
        Assert.Equal(24, panel.Subjects.Count);
        Assert.All(panel.Subjects, s => Assert.Equal(s.Subject[..3], s.Group));
        Assert.Equal(rows.Count(r => !double.IsNaN(r.Value)), panel.Subjects.Sum(s => s.Values.Count(v => v.HasValue)));
        Assert.Equal(new[] { "TRT", "PBO" }, (panel with { GroupOrder = new[] { "TRT" } }).Groups);
    }

    [Fact]
    public void Inconsistent_groups_are_refused_with_the_reason()
    {
        var ok = GroupedFigureTestData.Score();
        string Error(Action a) => Assert.Throws<RweStatsInputException>(a).Message;
        Assert.Contains("has no group", Error(() => (ok with { Subjects = ok.Subjects.Select((s, i) => i == 0 ? s with { Group = null } : s).ToArray() }).Validate()));
        Assert.Contains("names one of the groups", Error(() => (ok with { LsMeans = new[] { new VisitEstimate("W0", 1, 0, 2) } }).Validate()));
        Assert.Contains("does not have", Error(() => (ok with { Significance = new[] { SignificanceAnnotation.BetweenGroups("W4", "PBO", "XYZ", 0.1) } }).Validate()));
        Assert.Contains("two different groups", Error(() => (ok with { Significance = new[] { SignificanceAnnotation.BetweenGroups("W4", "PBO", "PBO", 0.1) } }).Validate()));
        Assert.Contains("no groups", Error(() => (FigureTestData.Figure1Panels()[1] with { Significance = new[] { SignificanceAnnotation.BetweenGroups("M6", "A", "B", 0.1) } }).Validate()));
        Assert.Contains("one group", Error(() => SeriesPanel.FromObservations("Y", "", new[] { "V1", "V2" }, new[] { new PanelObservation("S1", "A", "V1", 1), new PanelObservation("S1", "B", "V2", 2) })));
        Assert.Contains("either every panel", Error(() => new SeriesFigure { Panels = new[] { ok, FigureTestData.Figure1Panels()[1] } }.Page()));
        Assert.Contains("LsMeans", Error(() => ok.WithGroupedFit("AVISIT", "ARMCD", Array.Empty<LsMean>(), Array.Empty<LsMeanDifference>())));
    }

    static readonly string[] Vis1To4 = { "VIS1", "VIS2", "VIS3", "VIS4" };
    static readonly Lazy<(DataTable table, MixedModelResult fit)> Fev = new(() =>
    {
        var table = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var fit = MixedModelFitter.Fit(table, new MixedModelSpec
        {
            Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX", Subject = "USUBJID", Time = "AVISIT", TimeOrder = Vis1To4,
            Covariance = "un", LsMeans = new[] { "AVISIT*ARMCD" },
        });
        return (table, fit);
    });

    [Fact]
    public void Fev_data_by_arm_from_the_fit_draws_the_fits_ls_means_and_p_values()
    {
        var (table, fit) = Fev.Value;
        var observations = PanelObservation.FromTable(table, "USUBJID", "ARMCD", "AVISIT", "FEV1");
        var panel = SeriesPanel.FromObservations("FEV1", "", Vis1To4, observations).WithGroupedFit("AVISIT", "ARMCD", fit.LsMeans, fit.LsMeanDifferences);
        Assert.Equal(new[] { "PBO", "TRT" }, panel.Groups);

        // The panel's LS means are the fit's AVISIT*ARMCD LS means, one per visit and arm, unchanged.
        var fitted = fit.LsMeans.Where(l => l.Effect == "AVISIT*ARMCD").ToList();
        Assert.Equal(8, fitted.Count);
        Assert.Equal(8, panel.LsMeans!.Count);
        foreach (var l in fitted)
        {
            var e = panel.LsMeans.Single(x => x.Visit == l.Levels["AVISIT"] && x.Group == l.Levels["ARMCD"]);
            Assert.Equal((l.Result!.Estimate, l.Result.Lower, l.Result.Upper), (e.Estimate, e.Lower, e.Upper));
        }
        // One bracket per visit: the fit's TRT vs PBO difference at that visit, with its p-value.
        Assert.Equal(4, panel.Significance.Count);
        foreach (var a in panel.Significance)
        {
            var d = fit.LsMeanDifferences.Single(d => d.Effect == "AVISIT*ARMCD" && d.Levels["AVISIT"] == a.FromVisit && d.OtherLevels["AVISIT"] == a.FromVisit
                && new[] { d.Levels["ARMCD"], d.OtherLevels["ARMCD"] }.OrderBy(x => x).SequenceEqual(new[] { "PBO", "TRT" }));
            Assert.Equal(d.Result.PValue, a.PValue);
            Assert.Equal(("PBO", "TRT", a.FromVisit), (a.Group!, a.OtherGroup!, a.ToVisit));
        }

        using var page = new SeriesFigure { Panels = new[] { panel }, Style = FigureStyle.DoubleColumn with { PanelAspect = 0.55 } }.Page();
        var plot = Assert.Single(page.Panels);
        Assert.Equal(8, plot.GetPlottables<BoxPlot>().Sum(b => b.Boxes.Count));
        // Points per arm: the non-missing FEV1 values of that arm's rows, one Markers plottable per arm.
        var arm = table.Column("ARMCD", "arm");
        var fev1 = table.Column("FEV1", "outcome");
        var points = plot.GetPlottables<Markers>().Where(m => m.MarkerShape != MarkerShape.FilledDiamond).ToList();
        Assert.Equal(2, points.Count);
        for (int k = 0; k < 2; k++)
            Assert.Equal(Enumerable.Range(0, table.RowCount).Count(r => arm[r] == panel.Groups[k] && fev1[r] is not null), points[k].Data.GetScatterPoints().Count);
        // The LS means drawn are the fit's, in data units: one error bar and one diamond per arm.
        var bars = plot.GetPlottables<ErrorBar>().ToList();
        Assert.Equal(2, bars.Count);
        for (int k = 0; k < 2; k++)
        {
            var mine = fitted.Where(l => l.Levels["ARMCD"] == panel.Groups[k]).OrderBy(l => Array.IndexOf(Vis1To4, l.Levels["AVISIT"])).ToList();
            Assert.Equal(mine.Select(l => l.Result!.Estimate), bars[k].Ys);
            Assert.Equal(mine.Select(l => l.Result!.Upper - l.Result.Estimate), bars[k].YErrorPositive!.Select((v, i) => v), new ToleranceComparer(1e-9));
            Assert.Equal(mine.Select(l => l.Result!.Estimate - l.Result.Lower), bars[k].YErrorNegative!, new ToleranceComparer(1e-9));
        }
        // One bracket per p-value, in the panel's order, spanning the two arms' boxes at its visit.
        var brackets = Assert.Single(plot.GetPlottables<PValueBrackets>()).Items;
        Assert.Equal(panel.Significance.Select(a => PValueText.Format(a.PValue, PValueFormat.Bounded)), brackets.Select(b => b.Label));
        Assert.Equal(new[] { "p < 0.001", "p < 0.001", "p < 0.001", "p = 0.0099" }, brackets.Select(b => b.Label));
        Assert.All(brackets, b => Assert.True(b.X1 < b.X2 && Math.Round(b.X1 + b.X2, 9) % 2 == 0, $"{b.X1}–{b.X2}"));
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double x) => 0;
    }
}
