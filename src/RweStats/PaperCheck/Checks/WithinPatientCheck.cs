using MathNet.Numerics.Distributions;

namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A within-patient comparison of two visits reported with means, SDs, n and p: the p any within-patient
/// correlation ρ from 0 to 1 can give. Paired t: SE² = (s1² + s2² − 2ρ s1 s2)/n, df n − 1. Visit contrast of a
/// mixed model with a random intercept, CS or AR(1) residuals on the same summaries (complete balanced data):
/// SE² = (s1² + s2²)(1 − ρ)/n with ρ the correlation between the two visits, df (n − 1)(T − 1) for T visits.
/// Rounding of the printed means and SDs widens both ranges; a reported p outside their union is flagged with the
/// correlation the paired t would need to give it. When the sentence names a paired t test, only the paired t's range
/// applies (a p below it needs SDs closer than printed); a rank test (Wilcoxon signed-rank, sign test) is not checkable
/// from means and SDs.
/// </summary>
internal static class WithinPatientCheck
{
    public const string Name = "within_patient_p";

    public static Finding Check(WithinPatientComparison s)
    {
        var (a, b) = (s.First, s.Second);
        string what = $"{a.Mean} ± {a.Spread} vs {b.Mean} ± {b.Spread}, {s.P}";
        if (s.Context.N is not { } n || n < 3) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: no n applies to it ({s.Context.NSource})");
        if (a.SpreadIsStandardError || b.SpreadIsStandardError)
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: printed with SEs, not SDs");
        if (s.P.Qualifier is { NotTheStatisticsP: true } q) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: {q.Why}");
        if (s.NamedTest == "rank")
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: the p is a rank test's (Wilcoxon signed-rank or sign test), which means and SDs do not determine");
        double diff = Math.Abs(a.Mean.Value - b.Mean.Value), du = (a.Mean.Unit + b.Mean.Unit) / 2;
        double dLo = Math.Max(0, diff - du), dHi = diff + du;
        double s1Hi = a.Spread!.High, s2Hi = b.Spread!.High;
        double gapLo = Math.Max(0, Math.Abs(a.Spread.Value - b.Spread.Value) - (a.Spread.Unit + b.Spread.Unit) / 2);
        // Largest p: smallest difference, largest SE (ρ = 0, largest SDs); paired df n − 1 gives the largest p of all.
        double pPairedMax = P(dLo / Math.Sqrt((s1Hi * s1Hi + s2Hi * s2Hi) / n), n - 1);
        // Smallest paired p: largest difference, ρ = 1, the SDs as close as rounding allows.
        double pPairedMin = gapLo == 0 ? 0 : P(dHi / (gapLo / Math.Sqrt(n)), n - 1);
        int dfModel = (n - 1) * (s.Visits - 1);
        double pModelMax = P(dLo / Math.Sqrt((s1Hi * s1Hi + s2Hi * s2Hi) / n), dfModel);
        var (rl, rh) = s.P.Interval;
        string paired = $"{what}, n = {n}: paired t (df {n - 1}) gives p from {PValueCheck.Show(pPairedMin)} (ρ = 1) to {PValueCheck.Show(pPairedMax)} (ρ = 0)";
        if (s.NamedTest == "paired t")
        {
            if (PValueCheck.Overlaps(pPairedMin, pPairedMax, rl, rh))
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{paired} (the sentence names a paired t test); reported {s.P}");
            if (rh < pPairedMin)
                return Finding.Of(s, Name, FindingVerdict.Inconsistent,
                    $"{paired} (the sentence names a paired t test); reported {s.P} is smaller than any correlation up to 1 gives: the SDs differ too much for so small a p");
            return Finding.Of(s, Name, FindingVerdict.Inconsistent,
                $"{paired} (the sentence names a paired t test); reported {s.P} is larger than any correlation from 0 to 1 gives (it would need ρ = {PrintedNumber.Show(NeededCorrelation(a, b, n, s.P.Relation == "=" ? s.P.Value.Value : rl), 2)})");
        }
        string ranges = $"{paired}; the mixed-model visit contrast (random intercept, CS or AR(1); df {dfModel}) from 0 (ρ → 1) to {PValueCheck.Show(pModelMax)} (ρ = 0)";
        if (PValueCheck.Overlaps(0, Math.Max(pPairedMax, pModelMax), rl, rh))
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{ranges}; reported {s.P}");
        double target = s.P.Relation == "=" ? s.P.Value.Value : rl;
        return Finding.Of(s, Name, FindingVerdict.Inconsistent,
            $"{ranges}; reported {s.P} is larger than any correlation from 0 to 1 gives (the paired t would need ρ = {PrintedNumber.Show(NeededCorrelation(a, b, n, target), 2)})");
    }

    static double P(double t, double df) => double.IsPositiveInfinity(t) ? 0 : 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));

    /// <summary>The correlation (bisection over −1..1) at which the paired t on the printed values gives p.</summary>
    static double NeededCorrelation(MeanWithSpread a, MeanWithSpread b, int n, double p)
    {
        double d = Math.Abs(a.Mean.Value - b.Mean.Value), s1 = a.Spread!.Value, s2 = b.Spread!.Value;
        double PAt(double rho) { var v = s1 * s1 + s2 * s2 - 2 * rho * s1 * s2; return v <= 0 ? 0 : P(d / Math.Sqrt(v / n), n - 1); }
        double lo = -1, hi = 1; // p decreases as ρ grows
        for (int i = 0; i < 60; i++) { double mid = (lo + hi) / 2; if (PAt(mid) > p) lo = mid; else hi = mid; }
        return (lo + hi) / 2;
    }
}
