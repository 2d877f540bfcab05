using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>
/// Made-up two-arm data (PBO, TRT; 12 subjects each) at W0–W12 in long form, with holes, plus LS means per arm
/// and visit and between-arm p-values of the kind the engine gives. Not study data: for figure tests only.
/// </summary>
public static class GroupedFigureTestData
{
    public static readonly string[] Visits = { "W0", "W4", "W8", "W12" };
    public static readonly string[] Arms = { "PBO", "TRT" };

    /// <summary>Rows (subject, arm, visit, value); NaN = missing. TRT improves over time, PBO a little.</summary>
    public static IReadOnlyList<PanelObservation> Observations(string arms = "PBO,TRT", int perArm = 12)
    {
        var rows = new List<PanelObservation>();
        var groups = arms.Split(',');
        for (int g = 0; g < groups.Length; g++)
            for (int i = 0; i < perArm; i++)
            {
                string subject = $"{groups[g]}-{i + 1:00}";
                double baseline = 40 + 20 * Jitter.Uniform(3, subject);
                for (int j = 0; j < Visits.Length; j++)
                {
                    bool missing = (i + j) % 7 == 6 || (i == 3 && j == 3);
                    double value = baseline + j * (1.5 + 2.5 * g) + 8 * (Jitter.Uniform(5, subject + Visits[j]) - 0.5);
                    rows.Add(new PanelObservation(subject, groups[g], Visits[j], missing ? double.NaN : value));
                }
            }
        return rows;
    }

    /// <summary>Mean ± 1.96 SE per arm and visit, a stand-in for the LS means of visit × arm.</summary>
    public static VisitEstimate[] MeanCi(IReadOnlyList<PanelObservation> rows) =>
        rows.Where(r => !double.IsNaN(r.Value)).GroupBy(r => (r.Visit, r.Group)).Select(g =>
        {
            var x = g.Select(r => r.Value).ToArray();
            double m = x.Average(), sd = Math.Sqrt(x.Sum(d => (d - m) * (d - m)) / (x.Length - 1)), half = 1.96 * sd / Math.Sqrt(x.Length);
            return new VisitEstimate(g.Key.Visit, m, m - half, m + half, g.Key.Group);
        }).OrderBy(e => Array.IndexOf(Visits, e.Visit)).ThenBy(e => e.Group, StringComparer.Ordinal).ToArray();

    public static readonly double[] BetweenArmP = { 0.64, 0.21, 0.012, 0.0004 };

    public static SeriesPanel Score()
    {
        var rows = Observations();
        return SeriesPanel.FromObservations("Score", "points", Visits, rows) with
        {
            LsMeans = MeanCi(rows),
            Significance = Visits.Select((v, j) => SignificanceAnnotation.BetweenGroups(v, "PBO", "TRT", BetweenArmP[j])).ToArray(),
        };
    }

    /// <summary>Change from W0, with TRT's own W0 → W12 contrast as well as the between-arm brackets.</summary>
    public static SeriesPanel Change()
    {
        var rows = Observations();
        var baseline = rows.Where(r => r.Visit == "W0").ToDictionary(r => r.Subject, r => r.Value);
        var change = rows.Select(r => r with { Value = r.Value - baseline[r.Subject] }).ToList();
        return SeriesPanel.FromObservations("Change from W0", "points", Visits, change) with
        {
            LsMeans = MeanCi(change),
            Significance = new[]
            {
                SignificanceAnnotation.BetweenGroups("W8", "PBO", "TRT", 0.031),
                SignificanceAnnotation.BetweenGroups("W12", "PBO", "TRT", 0.0021),
                new SignificanceAnnotation("W0", "W12", 0.003, "TRT"),
            },
        };
    }

    public static SeriesFigure Figure(FigureStyle style) => new() { Panels = new[] { Score(), Change() }, Style = style, Title = "By arm" };
}
