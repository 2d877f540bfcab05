using System.Globalization;
using System.Xml.Linq;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>What a new reader of the figures found confusing, each checked on the figure model (issue 17).</summary>
public class FigureReadabilityTests
{
    static SceneFigure Render(IFigure figure) => new(SceneFigure.Xml(figure));
    static string Key(XElement g) => (string)g.Attribute("data-key")!;
    static string[] Legend(SceneFigure f) => f.Texts(f.Groups("legend").Single()).Select(t => t.Text).ToArray();

    [Fact]
    public void Axis_title_takes_the_unit_into_an_outcomes_own_parenthesis()
    {
        var panel = FigureTestData.Figure1Panels()[0];
        Assert.Equal("Anti-dsDNA (IU/mL)", panel.AxisTitle);
        Assert.Equal("Anti-dsDNA (IU/mL; SYNTHETIC)", (panel with { Outcome = "Anti-dsDNA (SYNTHETIC)" }).AxisTitle);
        Assert.Equal("Anti-dsDNA (SYNTHETIC)", (panel with { Outcome = "Anti-dsDNA (SYNTHETIC)", Unit = "" }).AxisTitle);
        // A parenthesis inside the name is not the end of it.
        Assert.Equal("C3 (fraction) level (g/L)", (panel with { Outcome = "C3 (fraction) level", Unit = "g/L" }).AxisTitle);
        var figure = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn) with
        {
            Panels = FigureTestData.Figure1Panels().Select(p => p with { Outcome = p.Outcome + " (SYNTHETIC)" }).ToArray(),
        });
        Assert.DoesNotContain(figure.Texts(), t => t.Text.Contains(") (", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_panel_has_no_panel_letter()
    {
        var one = Render(new SeriesFigure { Panels = new[] { FigureTestData.Figure1Panels()[1] } });
        var heading = one.Groups("heading").Single();
        Assert.Equal(new[] { "CH50" }, one.Texts(heading).Select(t => t.Text));
        var spaghetti = Render(new SpaghettiFigure { Panels = new[] { FigureTestData.Figure1Panels()[1] }, SubjectCategory = FigureTestData.Responders() });
        Assert.Equal(new[] { "CH50" }, spaghetti.Texts(spaghetti.Groups("heading").Single()).Select(t => t.Text));
        var two = Render(new SeriesFigure { Panels = FigureTestData.Figure1Panels().Take(2).ToArray() });
        Assert.Equal(new[] { "A", "B" }, two.Groups("heading").Select(h => two.Texts(h).First().Text));
    }

    [Fact]
    public void Legend_explains_dashed_trajectories_when_a_visit_is_missed_in_between()
    {
        // Patient P14 has M0 and M12 but no M6: the figure bridges the gap with a dashed line.
        var panels = FigureTestData.Figure1Panels();
        Assert.True(panels[0].HasMissedVisits);
        var figure = Render(FigureTestData.Figure1(FigureStyle.DoubleColumn));
        Assert.Contains(SeriesFigure.MissedVisitLabel, Legend(figure));
        var dashed = figure.Groups("trajectories").SelectMany(g => g.Elements("line")).Where(l => l.Attribute("stroke-dasharray") is not null).ToList();
        Assert.Equal(4, dashed.Count); // one per panel
        // Without a gap (last visit dropped, P14 then ends at M0), no such entry.
        var complete = panels.Select(p => SeriesPanel.FromArrays(p.Outcome, p.Unit, FigureTestData.Visits.Take(2).ToArray(), FigureTestData.Patients,
            FigureTestData.Patients.Select((_, i) => new[] { p.Subjects[i].Values[0] ?? double.NaN, p.Subjects[i].Values[1] ?? double.NaN }).ToArray())).ToArray();
        Assert.All(complete, p => Assert.False(p.HasMissedVisits));
        Assert.DoesNotContain(SeriesFigure.MissedVisitLabel, Legend(Render(new SeriesFigure { Panels = complete })));
    }

    [Fact]
    public void Residual_panels_name_the_outcome_and_the_QQ_axis_spans_the_data()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        foreach (var style in new[] { FigureStyle.SingleColumn, FigureStyle.DoubleColumn })
        {
            var figure = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = style, Outcome = "SELENA-SLEDAI" };
            var model = Render(figure);
            Assert.Empty(model.TextProblems());
            var titles = model.Groups("heading").Select(h => string.Join(" ", model.Texts(h).Select(t => t.Text))).ToList();
            Assert.Equal(new[] { "A SELENA-SLEDAI: normal Q–Q plot", "B SELENA-SLEDAI: residuals vs fitted" }, titles);
            // Q–Q: the ticks lie within the theoretical quantiles' range (plus the margin for the marks), not ±5 for data within ±2.5.
            var (theoretical, _) = figure.QqPoints();
            var qq = model.Panels[0];
            var ticks = model.Groups("x-tick", qq).Select(t => double.Parse(Key(t), CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(ticks.Count, 3, 8);
            double span = theoretical[^1] - theoretical[0];
            Assert.All(ticks, t => Assert.InRange(t, theoretical[0] - 0.05 * span, theoretical[^1] + 0.05 * span));
            // Points outlined in their own colour, not white: where they pile up they darken instead of smearing.
            Assert.All(model.Groups("points").SelectMany(g => g.Elements("circle")), c => Assert.Equal((string)c.Attribute("fill")!, (string)c.Attribute("stroke")!));
        }
    }

    [Fact]
    public void Spaghetti_draws_shared_segments_once_wider_and_other_categories_beside_them()
    {
        string[] visits = { "M0", "M6", "M12" };
        string[] subjects = { "S1", "S2", "S3", "S4" };
        double[][] scores = { new[] { 6.0, 2, 0 }, new[] { 4.0, 2, 0 }, new[] { 4.0, 2, 4 }, new[] { 8.0, 6, 6 } };
        var panel = SeriesPanel.FromArrays("SLEDAI", "points", visits, subjects, scores);
        var categories = new Dictionary<string, string> { ["S1"] = "Improved", ["S2"] = "Improved", ["S3"] = "Not improved", ["S4"] = "Not improved" };
        var figure = new SpaghettiFigure { Panels = new[] { panel }, SubjectCategory = categories, CategoryOrder = new[] { "Improved", "Not improved" } };
        var segments = figure.Segments(panel);
        // S1 and S2 share M6 → M12 (2 → 0): drawn once, by S1, at the width for two.
        var shared = segments.Where(s => s.From == 1 && s.ToValue == 0).ToList();
        Assert.All(shared, s => Assert.Equal(2, s.Count));
        Assert.Equal(new[] { true, false }, shared.Select(s => s.Draws));
        // S2 (improved) and S3 (not) share M0 → M6 (4 → 2): one lane each.
        var crossed = segments.Where(s => s.From == 0 && s.FromValue == 4).OrderBy(s => s.Subject).ToList();
        Assert.Equal(new[] { (0, 2), (1, 2) }, crossed.Select(s => (s.Lane, s.Lanes)));
        var model = Render(figure);
        var widths = model.Groups("trajectory").SelectMany(g => g.Elements("line").Select(l => (subject: Key(g), width: double.Parse((string)l.Attribute("stroke-width")!, CultureInfo.InvariantCulture)))).ToList();
        Assert.Equal(4 * 2 - 1, widths.Count); // two segments per subject, the shared one drawn once
        Assert.Contains(widths, w => w.subject == "S1" && Math.Abs(w.width - SpaghettiFigure.SegmentWidth(2)) < 0.01);
        var lines = model.Groups("trajectory").Where(g => Key(g) is "S2" or "S3").Select(g => g.Elements("line").First()).ToList();
        double Y(XElement l) => double.Parse((string)l.Attribute("y1")!, CultureInfo.InvariantCulture);
        Assert.Equal(SpaghettiFigure.LaneSpacing, Math.Abs(Y(lines[0]) - Y(lines[1])), 0.3);
        Assert.Contains(SpaghettiFigure.SharedLineLabel, Legend(model));
    }

    [Fact]
    public void Series_draws_a_level_segment_several_subjects_share_once_wider()
    {
        // Prednisone-like doses: S1–S3 stay at 10 from M0 to M6 (three lines on top of each other), S4 moves.
        string[] visits = { "M0", "M6", "M12" };
        string[] subjects = { "S1", "S2", "S3", "S4" };
        double[][] doses = { new[] { 10.0, 10, 5 }, new[] { 10.0, 10, 7.5 }, new[] { 10.0, 10, double.NaN }, new[] { 20.0, 10, 5 } };
        var panel = SeriesPanel.FromArrays("Prednisone", "mg/day", visits, subjects, doses);
        Assert.Equal(3, SeriesFigure.SharedLevelSegments(panel)[(null, 0, 1, 10.0)]);
        Assert.Single(SeriesFigure.SharedLevelSegments(panel));
        var model = Render(new SeriesFigure { Panels = new[] { panel } });
        // The three M0 → M6 lines at 10 are drawn as one, wider by their number; the rest of each trajectory as before.
        var flat = model.Groups("trajectories").Single().Elements("line").Where(l => (string)l.Attribute("y1")! == (string)l.Attribute("y2")!).ToList();
        var level = Assert.Single(flat);
        Assert.Equal(SeriesFigure.SharedWidth(0.4, 3), double.Parse((string)level.Attribute("stroke-width")!, CultureInfo.InvariantCulture), 2);
        Assert.Single(model.Groups("trajectories").Single().Elements("polyline")); // S4, who moves, as one polyline
        Assert.Contains(SpaghettiFigure.SharedLineLabel, Legend(model));
        // Without shared levels, no thicker line and no legend entry.
        var moving = SeriesPanel.FromArrays("Prednisone", "mg/day", visits, subjects, doses.Select((d, i) => new[] { d[0] + i, d[1], d[2] }).ToArray());
        Assert.Empty(SeriesFigure.SharedLevelSegments(moving));
        Assert.DoesNotContain(SpaghettiFigure.SharedLineLabel, Legend(Render(new SeriesFigure { Panels = new[] { moving } })));
    }

    [Fact]
    public void Example_specs_write_international_units_in_english()
    {
        foreach (var spec in Directory.GetFiles(Path.Combine(RepoPaths.Root, "data"), "*.json"))
            Assert.DoesNotContain("UI/mL", File.ReadAllText(spec));
    }
}
