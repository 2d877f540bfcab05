using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>
/// Made-up but plausible serology for 14 patients at M0, M6 and M12 (belimumab lowers anti-dsDNA and raises
/// complement; several patients have no M12 value), with p-values and LS means of the kind the engine gives.
/// Not study data: for figure tests and examples only.
/// </summary>
public static class FigureTestData
{
    public static readonly string[] Visits = { "M0", "M6", "M12" };
    public static readonly string[] Patients = Enumerable.Range(1, 14).Select(i => "P" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    const double NA = double.NaN;

    public static readonly double[][] AntiDsDna =
    {
        new[] { 210.0, 95, NA }, new[] { 48.0, 30, 22 }, new[] { 380.0, 160, 85 }, new[] { 15.0, 12, 9 },
        new[] { 95.0, 40, 35 }, new[] { 620.0, 240, 150 }, new[] { 33.0, 35, NA }, new[] { 150.0, 55, 41 },
        new[] { 72.0, 18, 12 }, new[] { 260.0, 120, NA }, new[] { 8.0, 6, 5 }, new[] { 180.0, 70, 48 },
        new[] { 450.0, 300, 190 }, new[] { 55.0, NA, 20 },
    };

    public static readonly double[][] Ch50 =
    {
        new[] { 28.0, 41, NA }, new[] { 52.0, 60, 66 }, new[] { 19.0, 35, 48 }, new[] { 61.0, 63, 70 },
        new[] { 35.0, 44, 47 }, new[] { 12.0, 30, 41 }, new[] { 47.0, 45, NA }, new[] { 30.0, 49, 55 },
        new[] { 39.0, 52, 58 }, new[] { 22.0, 33, NA }, new[] { 70.0, 72, 68 }, new[] { 26.0, 40, 51 },
        new[] { 16.0, 24, 37 }, new[] { 44.0, NA, 59 },
    };

    public static readonly double[][] C4 =
    {
        new[] { 0.07, 0.10, NA }, new[] { 0.15, 0.17, 0.19 }, new[] { 0.04, 0.08, 0.12 }, new[] { 0.21, 0.22, 0.24 },
        new[] { 0.09, 0.12, 0.13 }, new[] { 0.03, 0.06, 0.09 }, new[] { 0.13, 0.12, NA }, new[] { 0.08, 0.13, 0.15 },
        new[] { 0.11, 0.15, 0.16 }, new[] { 0.05, 0.08, NA }, new[] { 0.26, 0.27, 0.25 }, new[] { 0.06, 0.10, 0.14 },
        new[] { 0.04, 0.05, 0.09 }, new[] { 0.12, NA, 0.17 },
    };

    public static readonly double[][] C3 =
    {
        new[] { 0.62, 0.78, NA }, new[] { 0.95, 1.02, 1.08 }, new[] { 0.48, 0.70, 0.84 }, new[] { 1.10, 1.12, 1.18 },
        new[] { 0.71, 0.80, 0.86 }, new[] { 0.41, 0.62, 0.77 }, new[] { 0.88, 0.85, NA }, new[] { 0.66, 0.83, 0.92 },
        new[] { 0.79, 0.90, 0.95 }, new[] { 0.55, 0.68, NA }, new[] { 1.21, 1.19, 1.25 }, new[] { 0.60, 0.76, 0.88 },
        new[] { 0.45, 0.52, 0.71 }, new[] { 0.83, NA, 0.97 },
    };

    /// <summary>Arithmetic (or, on the log scale, geometric) mean ± 1.96 SE per visit: a stand-in for the model's LS means.</summary>
    public static VisitEstimate[] MeanCi(double[][] values, bool log)
    {
        return Visits.Select((v, j) =>
        {
            var x = values.Select(r => r[j]).Where(d => !double.IsNaN(d)).Select(d => log ? Math.Log(d) : d).ToArray();
            double m = x.Average(), sd = Math.Sqrt(x.Sum(d => (d - m) * (d - m)) / (x.Length - 1)), half = 1.96 * sd / Math.Sqrt(x.Length);
            Func<double, double> f = log ? Math.Exp : d => d;
            return new VisitEstimate(v, f(m), f(m - half), f(m + half));
        }).ToArray();
    }

    /// <summary>
    /// A panel from wide arrays (values[i][j]: subject i at visit j, NaN missing) through the library's one way in, the
    /// observations; with one p-value per visit for its contrast with the first visit (NaN: none).
    /// </summary>
    public static SeriesPanel Wide(string outcome, string unit, IReadOnlyList<string> visits, IReadOnlyList<string> subjects,
        IReadOnlyList<IReadOnlyList<double>> values, double[]? pValues = null, NormalRange? normalRange = null, bool logScale = false) =>
        SeriesPanel.FromObservations(outcome, unit, visits,
            subjects.SelectMany((s, i) => visits.Select((v, j) => new PanelObservation(s, null, v, values[i][j]))).ToList()) with
        {
            NormalRange = normalRange, LogScale = logScale,
            Significance = pValues is null ? Array.Empty<SignificanceAnnotation>()
                : Enumerable.Range(1, visits.Count - 1).Where(j => !double.IsNaN(pValues[j])).Select(j => new SignificanceAnnotation(visits[0], visits[j], pValues[j])).ToArray(),
        };

    /// <summary>Subjects (of <paramref name="group"/>, when given) with a value at visit <paramref name="visit"/>, in subject order.</summary>
    public static IEnumerable<(string subject, double value)> ValuesAt(SeriesPanel panel, int visit, string? group = null) =>
        panel.Subjects.Where(s => (group is null || s.Group == group) && s.Values[visit].HasValue).Select(s => (s.Subject, s.Values[visit]!.Value));

    public static IReadOnlyList<SeriesPanel> Figure1Panels() => new[]
    {
        Wide("Anti-dsDNA", "IU/mL", Visits, Patients, AntiDsDna, new[] { NA, 0.0073, 0.0004 }, new NormalRange(0, 10), logScale: true)
            with { LsMeans = MeanCi(AntiDsDna, true) },
        Wide("CH50", "U/mL", Visits, Patients, Ch50, new[] { NA, 0.12, 0.031 }, new NormalRange(41, 95))
            with { LsMeans = MeanCi(Ch50, false) },
        Wide("C4", "g/L", Visits, Patients, C4, new[] { NA, 0.048, 0.0021 }, new NormalRange(0.10, 0.40))
            with { LsMeans = MeanCi(C4, false) },
        Wide("C3", "g/L", Visits, Patients, C3, new[] { NA, 0.21, 0.0496 }, new NormalRange(0.90, 1.80))
            with { LsMeans = MeanCi(C3, false) },
    };

    public static SeriesFigure Figure1(FigureStyle style) => new() { Panels = Figure1Panels(), Style = style, Title = "Figure 1" };

    /// <summary>Responders: anti-dsDNA at least halved by the last visit.</summary>
    public static IReadOnlyDictionary<string, string> Responders() => Patients.Select((p, i) =>
    {
        var row = AntiDsDna[i];
        double last = double.IsNaN(row[2]) ? row[1] : row[2];
        return (p, last <= row[0] / 2 ? "Responder" : "Non-responder");
    }).ToDictionary(t => t.p, t => t.Item2);

    /// <summary>Fitted values and scaled residuals of the kind a model gives: roughly normal, no trend.</summary>
    public static (double[] fitted, double[] residuals) Residuals()
    {
        var fitted = new List<double>();
        var residuals = new List<double>();
        for (int i = 0; i < 37; i++)
        {
            fitted.Add(2 + 6 * Jitter.Uniform(7, "f" + i));
            // Box–Muller on the deterministic uniforms.
            double u1 = Math.Max(1e-9, Jitter.Uniform(11, "a" + i)), u2 = Jitter.Uniform(13, "b" + i);
            residuals.Add(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return (fitted.ToArray(), residuals.ToArray());
    }
}
