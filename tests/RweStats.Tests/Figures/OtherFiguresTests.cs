using System.Globalization;
using MathNet.Numerics.Distributions;
using RweStats.Figures;

namespace RweStats.Tests.Figures;

public class OtherFiguresTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Spaghetti_draws_one_trajectory_per_subject_coloured_by_category(bool single)
    {
        var style = single ? FigureStyle.SingleColumn : FigureStyle.DoubleColumn;
        var figure = new SpaghettiFigure
        {
            Panels = FigureTestData.Figure1Panels(), SubjectCategory = FigureTestData.Responders(),
            CategoryOrder = new[] { "Responder", "Non-responder" }, Style = style,
        };
        var svg = new SceneFigure(SceneFigure.Xml(figure));
        Assert.Empty(svg.TextProblems());
        Assert.Equal(4, svg.Panels.Count);
        var responders = FigureTestData.Responders();
        foreach (var panel in svg.Panels)
        {
            var trajectories = svg.Groups("trajectory", panel).ToList();
            Assert.Equal(14, trajectories.Count);
            foreach (var t in trajectories)
            {
                var subject = (string)t.Attribute("data-key")!;
                var expected = style.Palette.SeriesColor(responders[subject] == "Responder" ? 0 : 1).Hex;
                Assert.All(t.Elements().Where(e => e.Name.LocalName is "polyline" or "line"), e => Assert.Equal(expected, (string)e.Attribute("stroke")!));
            }
        }
        var legend = svg.Texts(svg.Groups("legend").Single()).Select(t => t.Text).ToList();
        int nResponders = responders.Values.Count(v => v == "Responder");
        Assert.Equal(new[] { $"Responder (n = {nResponders})", $"Non-responder (n = {14 - nResponders})" }, legend.Take(2));
        // Further entries explain line styles, and only the ones drawn.
        var panels = FigureTestData.Figure1Panels();
        Assert.Equal(panels.Any(p => p.HasMissedVisits), legend.Contains(SeriesFigure.MissedVisitLabel));
        Assert.Equal(panels.Any(p => figure.Segments(p).Any(s => s.Count > 1)), legend.Contains(SpaghettiFigure.SharedLineLabel));
    }

    [Fact]
    public void Residual_figure_has_a_QQ_plot_and_residuals_against_fitted()
    {
        var (fitted, residuals) = FigureTestData.Residuals();
        foreach (var style in new[] { FigureStyle.SingleColumn, FigureStyle.DoubleColumn with { PanelAspect = 0.7 } })
        {
            var figure = new ResidualDiagnosticsFigure { Fitted = fitted, Residuals = residuals, Style = style };
            var svg = new SceneFigure(SceneFigure.Xml(figure));
            Assert.Empty(svg.TextProblems());
            Assert.Equal(2, svg.Panels.Count);
            Assert.All(svg.Panels, p => Assert.Equal(residuals.Length, svg.Groups("points", p).Single().Elements(SceneFigure.Ns + "circle").Count()));
            foreach (var panel in svg.Panels)
            {
                var xTicks = svg.Groups("x-tick", panel).Select(t => double.Parse((string)t.Attribute("data-key")!, CultureInfo.InvariantCulture)).ToList();
                Assert.InRange(xTicks.Count, 3, 8);
            }
        }
    }

    [Fact]
    public void QQ_points_and_line_follow_R()
    {
        // qqnorm uses ppoints(n): (i − 3/8)/(n + 1/4) for n ≤ 10, else (i − 1/2)/n.
        var pp = ResidualDiagnosticsFigure.PlottingPositions(3);
        Assert.Equal(5.0 / 13, pp[0] * 2, 12);
        Assert.Equal(0.5, pp[1], 12);
        Assert.Equal(21.0 / 26, pp[2], 12);
        Assert.Equal(0.5 / 20, ResidualDiagnosticsFigure.PlottingPositions(20)[0], 12);
        var figure = new ResidualDiagnosticsFigure { Fitted = new[] { 1.0, 2, 3, 4, 5 }, Residuals = new[] { -1.0, 0.5, 0, 2, -0.5 } };
        var (theoretical, sample) = figure.QqPoints();
        Assert.Equal(new[] { -1.0, -0.5, 0, 0.5, 2 }, sample);
        Assert.Equal(0, theoretical[2], 12);
        // qqline through (qnorm(.25), Q1) and (qnorm(.75), Q3): Q1 = −0.5, Q3 = 0.5 (type 7).
        var (slope, intercept) = figure.QqLine();
        Assert.Equal(1 / (2 * Normal.InvCDF(0, 1, 0.75)), slope, 12);
        Assert.Equal(0, intercept, 12);
        Assert.Throws<RweStatsInputException>(() => SceneFigure.Xml(figure with { Fitted = new[] { 1.0 } }));
    }
}
