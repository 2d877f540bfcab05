using System.Globalization;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>Quantiles, ticks, p-value text, font metrics, jitter and the panel factories.</summary>
public class FigureBuildingBlocksTests
{
    [Fact]
    public void Type7_quantiles_match_R()
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("r", "quantiles.csv"));
        var data = new Dictionary<string, double[]>();
        foreach (var line in lines.Where(l => l.StartsWith("# ") && l.Contains("(n=")))
        {
            var name = line[2..line.IndexOf(' ', 2)];
            data[name] = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        int checkedCount = 0;
        foreach (var row in lines.Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')))
        {
            if (row[2] != "7") continue;
            double p = double.Parse(row[1], CultureInfo.InvariantCulture), expected = double.Parse(row[3], CultureInfo.InvariantCulture);
            Assert.Equal(expected, Descriptives.Quantiles.Compute(data[row[0]], p, 7), 10);
            checkedCount++;
        }
        Assert.Equal(8 * 7, checkedCount);
    }

    [Fact]
    public void Box_whiskers_reach_the_last_values_within_one_and_a_half_IQR()
    {
        var b = BoxSummary.Of(new[] { 2.5, 7, 7, 1, 100, -3, double.NaN })!;
        Assert.Equal(6, b.N);
        Assert.Equal(1.375, b.Q1, 12);
        Assert.Equal(4.75, b.Median, 12);
        Assert.Equal(7, b.Q3, 12);
        Assert.Equal(-3, b.WhiskerLow); // fence 1.375 − 8.4375 = −7.06: −3 is inside
        Assert.Equal(7, b.WhiskerHigh); // 100 is beyond 7 + 8.4375
        Assert.Null(BoxSummary.Of(new[] { double.NaN }));
    }

    [Theory]
    [InlineData(0.0073, PValueFormat.Exact, "p = 0.0073")]
    [InlineData(0.0073, PValueFormat.Bounded, "p = 0.0073")]
    [InlineData(0.0004, PValueFormat.Bounded, "p < 0.001")]
    [InlineData(0.0004, PValueFormat.Exact, "p = 0.00040")]
    [InlineData(0.00002, PValueFormat.Exact, "p < 0.0001")]
    [InlineData(0.21, PValueFormat.Bounded, "p = 0.21")]
    [InlineData(0.0496, PValueFormat.Bounded, "p = 0.0496")]
    [InlineData(0.0504, PValueFormat.Bounded, "p = 0.0504")]
    [InlineData(0.05, PValueFormat.Bounded, "p = 0.050")]
    [InlineData(0.0996, PValueFormat.Bounded, "p = 0.10")]
    [InlineData(0.995, PValueFormat.Bounded, "p > 0.99")]
    [InlineData(0.0004, PValueFormat.Stars, "***")]
    [InlineData(0.0073, PValueFormat.Stars, "**")]
    [InlineData(0.031, PValueFormat.Stars, "*")]
    [InlineData(0.12, PValueFormat.Stars, "ns")]
    public void P_values_print_in_the_chosen_format(double p, PValueFormat format, string expected) =>
        Assert.Equal(expected, PValueText.Format(p, format));

    [Fact]
    public void Jitter_depends_on_seed_and_subject_only()
    {
        Assert.Equal(Jitter.Uniform(1, "P01"), Jitter.Uniform(1, "P01"));
        Assert.NotEqual(Jitter.Uniform(1, "P01"), Jitter.Uniform(2, "P01"));
        Assert.NotEqual(Jitter.Uniform(1, "P01"), Jitter.Uniform(1, "P02"));
        // A fixed value: the same on every machine and runtime.
        Assert.Equal("0.7975", Jitter.Uniform(1, "P01").ToString("F4", CultureInfo.InvariantCulture));
        var u = Enumerable.Range(0, 2000).Select(i => Jitter.Uniform(7, "S" + i)).ToArray();
        Assert.All(u, x => Assert.InRange(x, 0, 1 - 1e-12));
        Assert.InRange(u.Average(), 0.47, 0.53);
    }

    [Fact]
    public void Panels_build_from_observations_in_long_form()
    {
        var subjects = new[] { "A", "A", "B", "B", "B", "C" };
        var visits = new[] { "M0", "M12", "M0", "M6", "M12", "M6" };
        var values = new[] { 1.0, 2, 3, double.NaN, 5, double.NaN };
        var rows = subjects.Select((s, r) => new PanelObservation(s, null, visits[r], values[r])).ToList();
        var panel = SeriesPanel.FromObservations("X", "g/L", FigureTestData.Visits, rows);
        Assert.Equal(new[] { "A", "B", "C" }, panel.Subjects.Select(s => s.Subject));
        Assert.Equal(new double?[] { 1, null, 2 }, panel.Subjects[0].Values);
        Assert.Equal(new double?[] { 3, null, 5 }, panel.Subjects[1].Values);
        Assert.Equal(new double?[] { null, null, null }, panel.Subjects[2].Values);
        Assert.Equal("X (g/L)", panel.AxisTitle);
        Assert.Throws<RweStatsInputException>(() => SeriesPanel.FromObservations("X", "", FigureTestData.Visits, new[] { new PanelObservation("A", null, "M3", 1) }));
        Assert.Contains("two values", Assert.Throws<RweStatsInputException>(() => SeriesPanel.FromObservations("X", "", FigureTestData.Visits, rows.Concat(rows.Take(1)).ToList())).Message);
    }

    [Fact]
    public void Panels_take_LS_means_and_contrasts_from_a_fit()
    {
        static EstimateResult R(double est, double p = double.NaN) => new(est, 0.1, 20, est / 0.1, p, est - 0.2, est + 0.2);
        var lsMeans = new[]
        {
            new LsMean("visit", new Dictionary<string, string> { ["visit"] = "M0" }, R(Math.Log(100))),
            new LsMean("visit", new Dictionary<string, string> { ["visit"] = "M6" }, R(Math.Log(50))),
            new LsMean("visit", new Dictionary<string, string> { ["visit"] = "M12" }, R(Math.Log(30))),
            new LsMean("visit*arm", new Dictionary<string, string> { ["visit"] = "M0", ["arm"] = "x" }, R(1)),
        };
        var contrasts = new[]
        {
            new VisitContrast("M6 - M0", "M6", "M0", R(-0.7, 0.0073)),
            new VisitContrast("M12 - M0", "M12", "M0", R(-1.2, 0.0004)),
        };
        var panel = FigureTestData.Wide("Anti-dsDNA", "IU/mL", FigureTestData.Visits, FigureTestData.Patients, FigureTestData.AntiDsDna, logScale: true)
            .WithFit("visit", lsMeans, contrasts, Math.Exp);
        Assert.Equal(new[] { "M0", "M6", "M12" }, panel.LsMeans!.Select(e => e.Visit));
        Assert.Equal(100, panel.LsMeans![0].Estimate, 9);
        Assert.Equal(Math.Exp(Math.Log(100) - 0.2), panel.LsMeans[0].Lower, 9);
        Assert.Equal(new[] { 0.0073, 0.0004 }, panel.Significance.Select(s => s.PValue));
        Assert.All(panel.Significance, s => Assert.Equal("M0", s.FromVisit));
        panel.Validate();
        using var page = new SeriesFigure { Panels = new[] { panel } }.Page();
        // One error bar for the three LS means, drawn on the log axis as log10 of the back-transformed values.
        var bars = Assert.Single(page.Panels[0].GetPlottables<ScottPlot.Plottables.ErrorBar>());
        Assert.Equal(new[] { 2.0, Math.Log10(50), Math.Log10(30) }.Select(y => Math.Round(y, 9)), bars.Ys.Select(y => Math.Round(y, 9)));
    }

    [Fact]
    public void Invalid_panels_are_reported_in_the_users_terms()
    {
        var ok = FigureTestData.Figure1Panels()[1];
        Assert.Contains("log scale", Assert.Throws<RweStatsInputException>(() => (ok with { LogScale = true, Subjects = new[] { new SubjectValues("P1", new double?[] { 0, 1, 2 }) } }).Validate()).Message);
        Assert.Contains("2 values for 3 visits", Assert.Throws<RweStatsInputException>(() => (ok with { Subjects = new[] { new SubjectValues("P1", new double?[] { 1, 2 }) } }).Validate()).Message);
        Assert.Contains("M9", Assert.Throws<RweStatsInputException>(() => (ok with { Significance = new[] { new SignificanceAnnotation("M0", "M9", 0.1) } }).Validate()).Message);
        Assert.Contains("[0, 1]", Assert.Throws<RweStatsInputException>(() => (ok with { Significance = new[] { new SignificanceAnnotation("M0", "M6", 1.5) } }).Validate()).Message);
        Assert.Contains("low < high", Assert.Throws<RweStatsInputException>(() => (ok with { NormalRange = new NormalRange(2, 1) }).Validate()).Message);
        Assert.Throws<RweStatsInputException>(() => (FigureStyle.DoubleColumn with { FontSizePt = 30 }).Validate());
    }
}
