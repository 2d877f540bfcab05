using System.Globalization;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>Figure 1 read back from its SVG: structure, annotations, axes, text layout and determinism.</summary>
public class SeriesFigureTests
{
    static SceneFigure Render(SeriesFigure figure) => new(SceneFigure.Xml(figure));

    public static TheoryData<string> Styles => new() { "double", "single", "grey-stars", "exact-no-ls" };

    static FigureStyle StyleNamed(string name) => name switch
    {
        "double" => FigureStyle.DoubleColumn,
        "single" => FigureStyle.SingleColumn,
        "grey-stars" => FigureStyle.DoubleColumn.Greyscale() with { PValueFormat = PValueFormat.Stars, FontSizePt = 9 },
        "exact-no-ls" => FigureStyle.SingleColumn with { PValueFormat = PValueFormat.Exact, ShowLsMeans = false, ShowTrajectories = false, VisitAxisTitle = "Visit (month)" },
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(Styles))]
    public void Each_panel_has_one_box_per_visit(string style)
    {
        var svg = Render(FigureTestData.Figure1(StyleNamed(style)));
        Assert.Equal(4, svg.Panels.Count);
        foreach (var panel in svg.Panels)
        {
            var boxes = svg.Groups("box", panel).Select(b => (string)b.Attribute("data-key")!).ToList();
            Assert.Equal(FigureTestData.Visits, boxes);
            foreach (var box in svg.Groups("box", panel))
                Assert.Single(box.Elements(SceneFigure.Ns + "rect"));
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Points_are_the_non_missing_values(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        var svg = Render(figure);
        foreach (var input in figure.Panels)
        {
            int expected = input.Subjects.Sum(s => s.Values.Count(v => v.HasValue));
            var points = svg.Groups("points", svg.Panel(input.Outcome)).Single();
            Assert.Equal(expected, points.Elements(SceneFigure.Ns + "circle").Count());
        }
        // Anti-dsDNA: 14 + 13 + 11 observed values in the test data.
        Assert.Equal(38, figure.Panels[0].Subjects.Sum(s => s.Values.Count(v => v.HasValue)));
    }

    [Theory, MemberData(nameof(Styles))]
    public void Bracket_labels_are_the_given_p_values(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        var svg = Render(figure);
        foreach (var input in figure.Panels)
        {
            var brackets = svg.Groups("bracket", svg.Panel(input.Outcome)).ToList();
            Assert.Equal(input.Significance.Count, brackets.Count);
            foreach (var a in input.Significance)
            {
                var key = $"{a.FromVisit}|{a.ToVisit}|{a.PValue.ToString("R", CultureInfo.InvariantCulture)}";
                var bracket = brackets.Single(b => (string?)b.Attribute("data-key") == key);
                Assert.Equal(PValueText.Format(a.PValue, figure.Style.PValueFormat), bracket.Element(SceneFigure.Ns + "text")!.Value);
            }
        }
    }

    [Fact]
    public void Bracket_labels_print_as_journals_do()
    {
        var svg = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        var labels = svg.Groups("bracket", svg.Panel("Anti-dsDNA")).Select(b => b.Element(SceneFigure.Ns + "text")!.Value).ToList();
        Assert.Equal(new[] { "p = 0.0073", "p < 0.001" }, labels);
        var c3 = svg.Groups("bracket", svg.Panel("C3")).Select(b => b.Element(SceneFigure.Ns + "text")!.Value).ToList();
        Assert.Equal(new[] { "p = 0.21", "p = 0.0496" }, c3);
    }

    [Theory, MemberData(nameof(Styles))]
    public void Y_ticks_cover_the_data(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        var svg = Render(figure);
        foreach (var input in figure.Panels)
        {
            var ticks = svg.Groups("y-tick", svg.Panel(input.Outcome)).Select(t => double.Parse((string)t.Attribute("data-key")!, CultureInfo.InvariantCulture)).ToList();
            var values = input.Subjects.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
            Assert.True(ticks.Count >= 2, input.Outcome);
            Assert.True(ticks.Min() <= values.Min(), $"{input.Outcome}: lowest tick {ticks.Min()} above data minimum {values.Min()}");
            Assert.True(ticks.Max() >= values.Max(), $"{input.Outcome}: highest tick {ticks.Max()} below data maximum {values.Max()}");
            Assert.Equal(ticks.OrderBy(t => t), ticks);
            if (input.LogScale) Assert.All(ticks, t => Assert.True(t > 0));
        }
    }

    [Theory, MemberData(nameof(Styles))]
    public void Text_stays_in_its_panel_and_never_overlaps(string style)
    {
        var figure = FigureTestData.Figure1(StyleNamed(style));
        var svg = Render(figure);
        Assert.Empty(svg.TextProblems());
        Assert.Empty(FigureScene.Of(figure).LayoutProblems);
        // Every panel text is accounted for: letter, title, y title, ticks, visit labels, brackets.
        var a = svg.Texts(svg.Panel("Anti-dsDNA")).Select(t => t.Text).ToList();
        Assert.Contains("Anti-dsDNA (IU/mL)", a);
        Assert.Contains("M12", a);
    }

    [Fact]
    public void Crowded_panels_keep_text_apart()
    {
        // Long names, many visits with long labels (turned 45°), numeric visit positions, five stacked brackets,
        // six panels, 9 pt type in a single column: everything that pushes the layout.
        string[] visits = { "Baseline", "Week 4", "Week 12", "Month 6", "Month 9", "Month 12" };
        double[] months = { 0, 1, 3, 6, 9, 12 };
        var subjects = Enumerable.Range(1, 20).Select(i => "S" + i).ToArray();
        IReadOnlyList<double>[] Rows(double scale) => subjects.Select((s, i) => (IReadOnlyList<double>)visits.Select((v, j) => scale * (1 + 0.1 * ((i * 7 + j * 3) % 11))).ToArray()).ToArray();
        var panels = Enumerable.Range(0, 6).Select(k => SeriesPanel.FromArrays(
            k == 0 ? "Complement haemolytic activity (CH50) with a very long outcome name" : "Outcome " + k,
            k == 0 ? "units per millilitre of serum" : "mg/dL", visits, subjects, Rows(Math.Pow(10, k - 2)),
            new[] { double.NaN, 0.5, 0.04, 0.0001, 0.00001, 0.9999 }, k % 2 == 0 ? new NormalRange(0.5 * Math.Pow(10, k - 2), 1.5 * Math.Pow(10, k - 2)) : null,
            logScale: k == 3, visitPositions: k % 2 == 0 ? months : null)).ToList();
        foreach (var (style, columns) in new[] { (FigureStyle.SingleColumn with { FontSizePt = 9, PanelHeightMm = 60 }, 2), (FigureStyle.DoubleColumn with { PanelHeightMm = 75 }, 3), (FigureStyle.DoubleColumn with { PValueFormat = PValueFormat.Exact, PanelHeightMm = 90 }, 3) })
        {
            var figure = new SeriesFigure { Panels = panels, Style = style, Columns = columns };
            var svg = Render(figure);
            Assert.Empty(svg.TextProblems());
            Assert.Equal(6, svg.Panels.Count);
            Assert.All(svg.Panels, p => Assert.Equal(6, svg.Groups("box", p).Count()));
            Assert.All(svg.Panels, p => Assert.Equal(5, svg.Groups("bracket", p).Count()));
        }
    }

    [Fact]
    public void Panels_too_narrow_for_their_labels_are_refused_not_overdrawn()
    {
        var figure = FigureTestData.Figure1(FigureStyle.SingleColumn with { FontSizePt = 9 }) with { Rows = 1, Columns = 4 };
        var e = Assert.Throws<RweStatsInputException>(() => SceneFigure.Xml(figure));
        Assert.Contains("fewer columns", e.Message);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var a = SceneFigure.Xml(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        var b = SceneFigure.Xml(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        Assert.Equal(a, b);
        Assert.Equal(FigureWriter.ToPng(FigureTestData.Figure1(FigureStyle.SingleColumn)), FigureWriter.ToPng(FigureTestData.Figure1(FigureStyle.SingleColumn)));
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var invariant = SceneFigure.Xml(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal(invariant, SceneFigure.Xml(FigureTestData.Figure1(FigureStyle.DoubleColumn)));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Jitter_is_seeded_and_points_stay_near_their_visit()
    {
        var figure = FigureTestData.Figure1(FigureStyle.DoubleColumn);
        var one = Render(figure);
        var other = Render(figure with { Style = figure.Style with { JitterSeed = 2 } });
        double[] Xs(SceneFigure s) => s.Groups("points", s.Panel("C3")).Single().Elements(SceneFigure.Ns + "circle")
            .Select(c => double.Parse(c.Attribute("cx")!.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEqual(Xs(one), Xs(other));
        var ticks = one.Groups("x-tick", one.Panel("C3")).Select(t => double.Parse(t.Element(SceneFigure.Ns + "line")!.Attribute("x1")!.Value, CultureInfo.InvariantCulture)).ToArray();
        double spacing = ticks[1] - ticks[0];
        Assert.All(Xs(one), x => Assert.True(ticks.Min(t => Math.Abs(t - x)) <= figure.Style.JitterWidth * spacing / 2 + 0.01));
    }

    [Fact]
    public void Toggles_remove_their_layers()
    {
        var style = FigureStyle.DoubleColumn with { ShowBoxes = false, ShowPoints = false, ShowTrajectories = false, ShowLsMeans = false, ShowLegend = false, PanelLetters = false, PanelTitles = false };
        var svg = Render(FigureTestData.Figure1(style));
        Assert.Empty(svg.Groups("box"));
        Assert.Empty(svg.Groups("points"));
        Assert.Empty(svg.Groups("trajectories"));
        Assert.Empty(svg.Groups("ls-mean"));
        Assert.Empty(svg.Groups("legend"));
        Assert.Empty(svg.Groups("heading"));
        Assert.Equal(4, svg.Groups("normal-range").Count());
        var full = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        Assert.Equal(12, full.Groups("ls-mean").Count());
        Assert.Equal(new[] { "A", "B", "C", "D" }, full.Groups("heading").Select(h => h.Elements(SceneFigure.Ns + "text").First().Value));
    }

    [Fact]
    public void Layout_defaults_to_two_by_two_and_honours_rows_and_columns()
    {
        var square = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        var b = square.Panels.Select(SceneFigure.Bounds).ToList();
        Assert.Equal(b[0].Top, b[1].Top, 3);
        Assert.Equal(b[0].Left, b[2].Left, 3);
        Assert.True(b[2].Top > b[0].Bottom);
        var row = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn) with { Rows = 1, Columns = 4 });
        Assert.Single(row.Panels.Select(p => SceneFigure.Bounds(p).Top).Distinct());
        Assert.Throws<RweStatsInputException>(() => SceneFigure.Xml(FigureTestData.Figure1(FigureStyle.DoubleColumn) with { Rows = 1, Columns = 3 }));
    }

    [Fact]
    public void Width_follows_the_journal_preset()
    {
        Assert.Equal(FigureUnits.MmToPt(85), Render(FigureTestData.Figure1(FigureStyle.SingleColumn)).Width, 2);
        Assert.Equal(FigureUnits.MmToPt(175), Render(FigureTestData.Figure1(FigureStyle.DoubleColumn)).Width, 2);
    }
}
