using MathNet.Numerics.Distributions;

namespace RweStats.PaperCheck.Checks;

/// <summary>
/// An estimate, its confidence interval and its p against each other. The estimate must lie inside its interval
/// (for any method). A Wald interval — estimate ± critical value × SE, on the log scale for ratios — is symmetric
/// around the estimate; when the printed numbers are symmetric within rounding, the SE it implies gives the p
/// (normal, or t with the stated df; with no df for a difference, every df from the study's n − 10 up to the
/// normal), and the reported p must fall in that range.
/// </summary>
internal static class IntervalCheck
{
    public const string Name = "ci_vs_p";

    public static Finding Check(EstimateWithInterval s)
    {
        string level = s.Level is { } l ? $"{PrintedNumber.Show(l)} % CI" : "interval";
        string quote = $"{(s.Name is { } nm ? nm + " " : "")}{s.Estimate} ({level} {s.Lower} to {s.Upper}){(s.P is null ? "" : $", {s.P}")}";
        if (s.Estimate.High < s.Lower.Low || s.Estimate.Low > s.Upper.High || s.Lower.Low > s.Upper.High)
            return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{quote}: the estimate lies outside its own interval, which no method of computing an interval gives");
        if (s.IsRatio && (s.Lower.High <= 0 || s.Estimate.High <= 0))
            return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{quote}: a ratio ({s.Name}) and its interval must be positive");
        Func<double, double> scale = s.IsRatio ? x => Math.Log(Math.Max(x, 1e-300)) : x => x;
        double eLo = scale(s.Estimate.Low), eHi = scale(s.Estimate.High);
        double midLo = (scale(s.Lower.Low) + scale(s.Upper.Low)) / 2, midHi = (scale(s.Lower.High) + scale(s.Upper.High)) / 2;
        string scaleName = s.IsRatio ? "log scale" : "linear scale";
        if (!PValueCheck.Overlaps(eLo, eHi, midLo, midHi))
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the interval is not symmetric around the estimate on the {scaleName} (not a Wald interval), so no SE or p can be derived from it");
        if (s.P is not null && s.Level is null)
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the estimate lies inside its interval, symmetric on the {scaleName}; the interval's level is not printed ({s.LevelSource}), so no SE or p can be derived from it");
        if (s.P is null)
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{quote}: the estimate lies inside its interval, symmetric on the {scaleName}; no p is printed with it");

        // The words with the p may say it is another test's or another hypothesis's ("within the noninferiority margin",
        // "Mann-Whitney"): such a p need not be the interval's, so one outside the interval's range says nothing; one
        // inside it is the interval's p, as printed.
        string? notItsP = s.P.Qualifier is { NotTheStatisticsP: true } q ? q.Why
            : s.OtherTestNamed is { } other ? $"the sentence names {other}, whose p need not be the interval's" : null;
        double halfLo = Math.Max(1e-300, (scale(s.Upper.Low) - scale(s.Lower.High)) / 2), halfHi = (scale(s.Upper.High) - scale(s.Lower.Low)) / 2;
        double absLo = eLo <= 0 && eHi >= 0 ? 0 : Math.Min(Math.Abs(eLo), Math.Abs(eHi)), absHi = Math.Max(Math.Abs(eLo), Math.Abs(eHi));
        double alpha = 1 - s.Level!.Value / 100;
        var dfs = new List<double>();
        string dfText;
        if (s.Df is not null) { dfs.Add(s.Df.Value); dfText = $"t with {s.Df} df"; }
        else if (s.IsRatio) { dfs.Add(double.PositiveInfinity); dfText = "normal"; }
        else
        {
            double dfMin = Math.Max(2, (s.Context.N ?? 12) - 10);
            dfs.Add(dfMin); dfs.Add(double.PositiveInfinity);
            dfText = $"t with {PrintedNumber.Show(dfMin)} df to normal";
        }
        var ps = new List<double>();
        foreach (var df in dfs)
        {
            double crit = double.IsInfinity(df) ? Normal.InvCDF(0, 1, 1 - alpha / 2) : StudentT.InvCDF(0, 1, df, 1 - alpha / 2);
            foreach (var a in new[] { absLo, absHi })
                foreach (var h in new[] { halfLo, halfHi })
                {
                    double z = a / (h / crit);
                    ps.Add(double.IsInfinity(df) ? 2 * (1 - Normal.CDF(0, 1, z)) : 2 * StudentT.CDF(0, 1, df, -z));
                    // A difference of two percentages is often tested by a chi-square test, whose SE is the pooled one: for
                    // two arms of N/2, p̄q̄·4/N = (p₁q₁ + p₂q₂)·2/N + d²/N, so 1/z² grows by 1/N over the interval's
                    // unpooled z (N the n that applies, at least 20 when none does).
                    if (s.DifferenceOfPercentages)
                        ps.Add(2 * (1 - Normal.CDF(0, 1, z / Math.Sqrt(1 + z * z / Math.Max(20, s.Context.N ?? s.Context.NAtMost ?? 20)))));
                }
        }
        double pMin = ps.Min(), pMax = ps.Max();
        var (rl, rh) = s.P.Interval;
        string range = $"{quote}: the SE implied by the interval ({dfText}, {scaleName}{(s.LevelSource.StartsWith("printed", StringComparison.Ordinal) ? "" : $"; level {PrintedNumber.Show(s.Level.Value)} %, {s.LevelSource}")}) gives p from {PValueCheck.Show(pMin)} to {PValueCheck.Show(pMax)}";
        string though = notItsP is null ? "" : $": the interval's p, though the words with it may say otherwise ({notItsP})";
        if (PValueCheck.Overlaps(pMin, pMax, rl, rh)) return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P}{though}");
        if (PValueCheck.Overlaps(pMin / 2, pMax / 2, rl, rh))
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P} matches a one-sided test (p from {PValueCheck.Show(pMin / 2)} to {PValueCheck.Show(pMax / 2)}){though}");
        if (notItsP is not null)
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the estimate lies inside its interval, symmetric on the {scaleName}; {notItsP}");
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{range}; reported {s.P} is outside it (also one-sided: {PValueCheck.Show(pMin / 2)} to {PValueCheck.Show(pMax / 2)})");
    }
}
