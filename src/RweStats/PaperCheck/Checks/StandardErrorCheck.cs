using MathNet.Numerics.Distributions;

namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A named estimate, its standard error and its p (a Wald test, z = estimate / SE): allowing for the rounding of both,
/// the normal gives the smallest p the printed numbers can have and a t with one df the largest (a t test's p grows as
/// its df shrink), so with no df printed a reported p is impossible only outside that range.
/// </summary>
internal static class StandardErrorCheck
{
    public const string Name = "se_vs_p";

    public static Finding Check(EstimateWithStandardError s)
    {
        string what = $"{s.Name} {s.Estimate} (SE {s.StandardError}), {s.P}";
        if (s.StandardError.High <= 0) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: a standard error of zero gives no test");
        if (s.P.Qualifier is { NotTheStatisticsP: true } q) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: {q.Why}");
        double aLo = Math.Max(0, Math.Abs(s.Estimate.Value) - s.Estimate.Unit / 2), aHi = Math.Abs(s.Estimate.Value) + s.Estimate.Unit / 2;
        double seLo = Math.Max(1e-300, s.StandardError.Low), seHi = s.StandardError.High;
        double zLo = aLo / seHi, zHi = aHi / seLo;
        double pMin = 2 * (1 - Normal.CDF(0, 1, zHi)), pMax = 2 * StudentT.CDF(0, 1, 1, -zLo);
        var (rl, rh) = s.P.Interval;
        string range = $"{what}: z = estimate / SE from {PrintedNumber.Show(zLo, 3)} to {PrintedNumber.Show(zHi, 3)} gives p from {PValueCheck.Show(pMin)} (normal) to {PValueCheck.Show(pMax)} (t with 1 df, the largest any df gives)";
        if (PValueCheck.Overlaps(pMin, pMax, rl, rh)) return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P}");
        if (PValueCheck.Overlaps(pMin / 2, pMax / 2, rl, rh))
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P} matches a one-sided test");
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{range}; reported {s.P} is outside it (also one-sided)");
    }
}
