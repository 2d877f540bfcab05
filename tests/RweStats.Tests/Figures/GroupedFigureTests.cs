using System.Globalization;
using System.Xml.Linq;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Figures;
using RweStats.Model;

namespace RweStats.Tests.Figures;

/// <summary>Panels with groups (two or more series per panel, e.g. by arm) read back from their SVG.</summary>
public class GroupedFigureTests
{
    static SceneFigure Render(SeriesFigure figure) => new(SceneFigure.Xml(figure));
    static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
    static string Key(XElement g) => (string)g.Attribute("data-key")!;

    public static TheoryData<string> Styles => new() { "double", "single", "grey", "exact-no-boxes" };

    static FigureStyle StyleNamed(string name) => name switch
    {
        "double" => FigureStyle.DoubleColumn,
        "single" => FigureStyle.SingleColumn with { PanelHeightMm = 70 },
        "grey" => FigureStyle.DoubleColumn.Greyscale() with { FontSizePt = 9 },
        "exact-no-boxes" => FigureStyle.SingleColumn with { PValueFormat = PValueFormat.Exact, ShowBoxes = false, ShowTrajectories = false, PanelHeightMm = 70 },
        _ => throw new ArgumentException(name),
    };

    /// <summary>Centre of a marker element (circle, square rect, or triangle/diamond polygon centred on its centroid).</summary>
    static (double x, double y) Centre(XElement marker) => marker.Name.LocalName switch
    {
        "circle" => (D(marker, "cx"), D(marker, "cy")),
        "rect" => (D(marker, "x") + D(marker, "width") / 2, D(marker, "y") + D(marker, "height") / 2),
        "polygon" => Vertices(marker) is var v ? (v.Average(p => p.x), v.Average(p => p.y)) : default,
        _ => throw new InvalidOperationException(marker.Name.LocalName),
    };

    static (double x, double y)[] Vertices(XElement e) => e.Attribute("points")!.Value.Split(' ')
        .Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();

    /// <summary>Maps a drawn y back to data through the panel's y ticks (linear axes).</summary>
    static Func<double, double> DataY(SceneFigure svg, XElement panel)
    {
        var ticks = svg.Groups("y-tick", panel).Select(t => (value: double.Parse(Key(t), CultureInfo.InvariantCulture), y: D(t.Element(SceneFigure.Ns + "line")!, "y1"))).ToList();
        var (a, b) = (ticks[0], ticks[^1]);
        return y => a.value + (y - a.y) * (b.value - a.value) / (b.y - a.y);
    }

    [Theory, MemberData(nameof(Styles))]
    public void Each_panel_has_one_box_per_visit_and_group_side_by_side(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        var svg = Render(figure);
        Assert.Equal(2, svg.Panels.Count);
        foreach (var panel in svg.Panels)
        {
            var boxes = svg.Groups("box", panel).ToList();
            if (!figure.Style.ShowBoxes) { Assert.Empty(boxes); continue; }
            var expected = GroupedFigureTestData.Visits.SelectMany(v => GroupedFigureTestData.Arms.Select(a => v + "|" + a)).ToList();
            Assert.Equal(expected, boxes.Select(Key));
            var rects = boxes.ToDictionary(Key, b => Assert.Single(b.Elements(SceneFigure.Ns + "rect")));
            var ticks = svg.Groups("x-tick", panel).Select(t => D(t.Element(SceneFigure.Ns + "line")!, "x1")).ToList();
            for (int j = 0; j < ticks.Count; j++)
            {
                var pbo = rects[GroupedFigureTestData.Visits[j] + "|PBO"];
                var trt = rects[GroupedFigureTestData.Visits[j] + "|TRT"];
                // Dodged: PBO left of the visit, TRT right, not overlapping, symmetric about the tick.
                Assert.True(D(pbo, "x") + D(pbo, "width") < D(trt, "x"));
                double cp = D(pbo, "x") + D(pbo, "width") / 2, ct = D(trt, "x") + D(trt, "width") / 2;
                Assert.Equal(ticks[j], (cp + ct) / 2, 1);
                // Boxes take their group's colour.
                Assert.Equal(figure.Style.Palette.SeriesColor(0).Hex, pbo.Attribute("stroke")!.Value);
                Assert.Equal(figure.Style.Palette.SeriesColor(1).Hex, trt.Attribute("stroke")!.Value);
            }
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Points_per_group_are_its_non_missing_values_inside_its_slot(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        var svg = Render(figure);
        foreach (var input in figure.Panels)
        {
            var panel = svg.Panel(input.Outcome);
            var groups = svg.Groups("points", panel).ToList();
            Assert.Equal(GroupedFigureTestData.Arms, groups.Select(Key));
            for (int k = 0; k < groups.Count; k++)
            {
                string arm = Key(groups[k]);
                int expected = input.Subjects.Where(s => s.Group == arm).Sum(s => s.Values.Count(v => v.HasValue));
                var markers = groups[k].Elements().ToList();
                Assert.Equal(expected, markers.Count);
                // One marker shape per group; the group's colour.
                Assert.Single(markers.Select(m => m.Name.LocalName).Distinct());
                Assert.All(markers, m => Assert.Equal(figure.Style.Palette.SeriesColor(k).Hex, m.Attribute("fill")!.Value));
                if (!figure.Style.ShowBoxes) continue;
                foreach (var m in markers)
                {
                    // Within the box of its group at the nearest visit: jitter stays inside the group's slot.
                    var (x, _) = Centre(m);
                    var rect = svg.Groups("box", panel).Where(b => Key(b).EndsWith("|" + arm)).Select(b => b.Element(SceneFigure.Ns + "rect")!)
                        .MinBy(r => Math.Abs(D(r, "x") + D(r, "width") / 2 - x))!;
                    Assert.InRange(x, D(rect, "x") - 0.01, D(rect, "x") + D(rect, "width") + 0.01);
                }
            }
            Assert.NotEqual(groups[0].Elements().First().Name, groups[1].Elements().First().Name);
        }
        // Score: 24 subjects × 4 visits minus the 12 holes of the test data.
        Assert.Equal(84, figure.Panels[0].Subjects.Sum(s => s.Values.Count(v => v.HasValue)));
    }

    [Theory, MemberData(nameof(Styles))]
    public void Legend_names_the_groups_first(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        var svg = Render(figure);
        var items = svg.Groups("legend-item").ToList();
        var groupItems = items.Where(i => Key(i) == nameof(LegendGlyph.Group)).Select(i => i.Element(SceneFigure.Ns + "text")!.Value).ToList();
        Assert.Equal(GroupedFigureTestData.Arms, groupItems);
        Assert.Equal(groupItems, items.Take(2).Select(i => i.Element(SceneFigure.Ns + "text")!.Value));
        Assert.Equal(GroupedFigureTestData.Arms, figure.Groups());
        if (figure.Style.Palette.Monochrome)
        {
            // Black-and-white: the groups' lines differ by dash pattern as well as by marker.
            var dashes = items.Take(2).Select(i => (string?)i.Element(SceneFigure.Ns + "line")!.Attribute("stroke-dasharray")).ToList();
            Assert.Null(dashes[0]);
            Assert.NotNull(dashes[1]);
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Bracket_labels_are_the_given_p_values_and_span_the_two_boxes(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        var svg = Render(figure);
        foreach (var input in figure.Panels)
        {
            var panel = svg.Panel(input.Outcome);
            var brackets = svg.Groups("bracket", panel).ToList();
            Assert.Equal(input.Significance.Count, brackets.Count);
            var xTicks = svg.Groups("x-tick", panel).Select(t => D(t.Element(SceneFigure.Ns + "line")!, "x1")).ToList();
            var ls = svg.Groups("ls-mean", panel).ToDictionary(Key, g => D(g.Elements(SceneFigure.Ns + "line").First(), "x1"));
            foreach (var a in input.Significance)
            {
                var bracket = brackets.Single(b => Key(b) == $"{a.FromVisit}|{a.ToVisit}|{a.PValue.ToString("R", CultureInfo.InvariantCulture)}|{a.Group}|{a.ToGroup}");
                Assert.Equal(PValueText.Format(a.PValue, figure.Style.PValueFormat), bracket.Element(SceneFigure.Ns + "text")!.Value);
                var legs = Vertices(bracket.Element(SceneFigure.Ns + "polyline")!);
                // The bracket's feet sit over the two groups' slots (the LS mean is at a fixed offset to each).
                double x1 = legs[0].x, x2 = legs[^1].x;
                double offset1 = ls[a.FromVisit + "|" + a.Group] - x1, offset2 = ls[a.ToVisit + "|" + a.ToGroup] - x2;
                Assert.InRange(Math.Abs(offset1 - offset2), 0, 0.03);
                if (a.IsBetweenGroups)
                {
                    int j = Array.IndexOf(GroupedFigureTestData.Visits, a.FromVisit);
                    Assert.Equal(xTicks[j], (x1 + x2) / 2, 1);
                    Assert.True(x1 < xTicks[j] && xTicks[j] < x2);
                    Assert.Equal(figure.Style.Palette.Ink.Hex, bracket.Element(SceneFigure.Ns + "polyline")!.Attribute("stroke")!.Value);
                }
                else Assert.Equal(figure.Style.Palette.SeriesColor(1).Hex, bracket.Element(SceneFigure.Ns + "polyline")!.Attribute("stroke")!.Value);
            }
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Text_stays_in_its_panel_and_never_overlaps(string style)
    {
        var figure = GroupedFigureTestData.Figure(StyleNamed(style));
        Assert.Empty(Render(figure).TextProblems());
        Assert.Empty(FigureScene.Of(figure).LayoutProblems);
    }

    [Fact]
    public void Ls_means_are_drawn_at_their_values_per_group()
    {
        var figure = GroupedFigureTestData.Figure(FigureStyle.DoubleColumn);
        var svg = Render(figure);
        var panel = svg.Panel("Score");
        var toData = DataY(svg, panel);
        var drawn = svg.Groups("ls-mean", panel).ToList();
        Assert.Equal(8, drawn.Count);
        foreach (var e in figure.Panels[0].LsMeans!)
        {
            var g = drawn.Single(d => Key(d) == e.Visit + "|" + e.Group);
            var diamond = Vertices(g.Element(SceneFigure.Ns + "polygon")!);
            Assert.Equal(e.Estimate, toData(diamond.Average(p => p.y)), 1);
            Assert.Equal(figure.Style.Palette.SeriesColor(Array.IndexOf(GroupedFigureTestData.Arms, e.Group)).Hex, g.Element(SceneFigure.Ns + "polygon")!.Attribute("fill")!.Value);
        }
        Assert.Equal(GroupedFigureTestData.Arms, svg.Groups("ls-profile", panel).Select(Key));
    }

    [Fact]
    public void Three_groups_dodge_in_order_with_three_markers()
    {
        var rows = GroupedFigureTestData.Observations("A,B,C", 6);
        var panel = SeriesPanel.FromObservations("Score", "", GroupedFigureTestData.Visits, rows, groupOrder: new[] { "C", "A", "B" }) with
        {
            LsMeans = GroupedFigureTestData.MeanCi(rows),
            Significance = new[] { SignificanceAnnotation.BetweenGroups("W4", "C", "B", 0.04), SignificanceAnnotation.BetweenGroups("W4", "C", "A", 0.5) },
        };
        var svg = Render(new SeriesFigure { Panels = new[] { panel }, Style = FigureStyle.SingleColumn });
        Assert.Empty(svg.TextProblems());
        var boxes = svg.Groups("box").Where(b => Key(b).StartsWith("W4|")).ToList();
        Assert.Equal(new[] { "W4|C", "W4|A", "W4|B" }, boxes.Select(Key));
        var x = boxes.Select(b => D(b.Element(SceneFigure.Ns + "rect")!, "x")).ToList();
        Assert.Equal(x.OrderBy(v => v), x);
        Assert.Equal(3, svg.Groups("points").Select(g => g.Elements().First().Name.LocalName + g.Elements().First().Attribute("fill")!.Value).Distinct().Count());
        Assert.Equal(new[] { "C", "A", "B" }, svg.Groups("legend-item").Where(i => Key(i) == "Group").Select(i => i.Element(SceneFigure.Ns + "text")!.Value));
        Assert.Equal(2, svg.Groups("bracket").Count());
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Assert.Equal(SceneFigure.Xml(GroupedFigureTestData.Figure(FigureStyle.DoubleColumn)), SceneFigure.Xml(GroupedFigureTestData.Figure(FigureStyle.DoubleColumn)));
        var png = FigureWriter.ToPng(GroupedFigureTestData.Figure(FigureStyle.SingleColumn.Greyscale()));
        Assert.Equal(png, FigureWriter.ToPng(GroupedFigureTestData.Figure(FigureStyle.SingleColumn.Greyscale())));
        // Subject order in the input moves no point: jitter is keyed by subject, slots by group name.
        var score = GroupedFigureTestData.Score();
        var shuffled = score with { Subjects = score.Subjects.Reverse().ToArray() };
        IEnumerable<string> Markers(SeriesPanel p) => Render(new SeriesFigure { Panels = new[] { p } }).Groups("points")
            .SelectMany(g => g.Elements().Select(e => Key(g) + e.ToString(SaveOptions.DisableFormatting))).Order(StringComparer.Ordinal);
        Assert.Equal(Markers(score), Markers(shuffled));
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
        Assert.Equal(SceneFigure.Xml(new SeriesFigure { Panels = new[] { wide } }), SceneFigure.Xml(new SeriesFigure { Panels = new[] { fromRows } }));
    }

    [Fact]
    public void Grouped_arrays_factory_reads_subject_group_visit_value()
    {
        var rows = GroupedFigureTestData.Observations();
        var panel = SeriesPanel.FromGroupedObservations("Score", "", GroupedFigureTestData.Visits,
            rows.Select(r => r.Subject).ToArray(), rows.Select(r => r.Group!).ToArray(), rows.Select(r => r.Visit).ToArray(), rows.Select(r => r.Value).ToArray());
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
        Assert.Contains("one group", Error(() => SeriesPanel.FromGroupedObservations("Y", "", new[] { "V1", "V2" }, new[] { "S1", "S1" }, new[] { "A", "B" }, new[] { "V1", "V2" }, new[] { 1.0, 2.0 })));
        Assert.Contains("either every panel", Error(() => SceneFigure.Xml(new SeriesFigure { Panels = new[] { ok, FigureTestData.Figure1Panels()[1] } })));
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
        var panel = SeriesPanel.FromGroupedFit("FEV1", "", Vis1To4, observations, fit, "AVISIT", "ARMCD");
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

        var figure = new SeriesFigure { Panels = new[] { panel }, Style = FigureStyle.DoubleColumn with { PanelAspect = 0.55 } };
        var svg = Render(figure);
        Assert.Empty(svg.TextProblems());
        var drawn = svg.Panel("FEV1");
        Assert.Equal(8, svg.Groups("box", drawn).Count());
        // Points per arm: the non-missing FEV1 values of that arm's rows.
        var arm = table.Column("ARMCD", "arm");
        var fev1 = table.Column("FEV1", "outcome");
        foreach (var g in svg.Groups("points", drawn))
            Assert.Equal(Enumerable.Range(0, table.RowCount).Count(r => arm[r] == Key(g) && fev1[r] is not null), g.Elements().Count());
        // The LS means drawn are the fit's: each diamond read back through the y axis (SVG keeps 0.01 pt).
        var toData = DataY(svg, drawn);
        foreach (var l in fitted)
        {
            var g = svg.Groups("ls-mean", drawn).Single(x => Key(x) == l.Levels["AVISIT"] + "|" + l.Levels["ARMCD"]);
            var lines = g.Elements(SceneFigure.Ns + "line").ToList();
            Assert.Equal(l.Result!.Estimate, toData(Vertices(g.Element(SceneFigure.Ns + "polygon")!).Average(p => p.y)), 1);
            Assert.Equal(l.Result.Lower, toData(D(lines[0], "y1")), 1);
            Assert.Equal(l.Result.Upper, toData(D(lines[0], "y2")), 1);
        }
        var labels = svg.Groups("bracket", drawn).ToDictionary(Key, b => b.Element(SceneFigure.Ns + "text")!.Value);
        Assert.Equal(4, labels.Count);
        foreach (var a in panel.Significance) Assert.Equal(PValueText.Format(a.PValue, PValueFormat.Bounded), labels[a.Key]);
        Assert.Equal(new[] { "p < 0.001", "p < 0.001", "p < 0.001", "p = 0.0099" }, panel.Significance.Select(a => labels[a.Key]));
    }
}
