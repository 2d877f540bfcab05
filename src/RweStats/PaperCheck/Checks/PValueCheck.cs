using MathNet.Numerics.Distributions;

namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A p-value against its test statistic and df (statcheck's check): the p that every value printing as the
/// statistic gives (two-sided for t, z and r; upper tail for F and χ²), allowing for the rounding of the statistic
/// and of a non-integer df, must overlap the interval of p the report allows. A match only at half the two-sided p
/// is reported as consistent with a one-sided test.
/// </summary>
internal static class PValueCheck
{
    public const string Name = "p_vs_statistic";

    public static Finding Check(TestStatistic s)
    {
        string quote = $"{s.Test}{(s.Df1 is null ? "" : $"({s.Df1}{(s.Df2 is null ? "" : $", {s.Df2}")})")} = {s.Value}, {s.P}";
        bool needsDf = s.Test is "t" or "r" or "chi2" or "F";
        if (s.Test == "chi2" && s.Df1 is null && s.P.Qualifier is null) return ChiSquareWithoutDf(s, quote);
        if (s.Test == "r" && s.Df1 is null && s.P.Qualifier is not { NotTheStatisticsP: true } && (s.Context.NIsStudyN ? s.Context.N : s.Context.NAtMost) is { } studyN and >= 4
            && !OtherUnits.IsMatch(s.Context.Sentence))
            return CorrelationWithoutN(s, quote, studyN);
        if (needsDf && (s.Df1 is null || (s.Test == "F" && s.Df2 is null)))
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the degrees of freedom are not printed, so p cannot be recomputed");
        // A p the words with it say may be another test's or hypothesis's: one the statistic gives is its p, as printed;
        // one it does not give says nothing.
        string? notItsP = s.P.Qualifier is { NotTheStatisticsP: true } q ? q.Why : null;
        string though = notItsP is null ? "" : $": the statistic's p, though the words with it may say otherwise ({notItsP})";
        double lo = Math.Max(0, Math.Abs(s.Value.Value) - s.Value.Unit / 2), hi = Math.Abs(s.Value.Value) + s.Value.Unit / 2;
        if (s.Test == "r" && hi >= 1) hi = 0.999999999;
        var dfs1 = DfCorners(s.Df1); var dfs2 = DfCorners(s.Df2);
        var ps = new List<double>();
        // A sphericity correction multiplies both df by ε, from 1/df1 (its lower bound, Greenhouse & Geisser 1959) to 1.
        var epsilons = s.DfMayBeCorrected && s.Df1 is { Value: > 1 } d ? new[] { 1 / d.Value, 1.0 } : new[] { 1.0 };
        foreach (var stat in new[] { lo, hi })
            foreach (var d1 in dfs1)
                foreach (var d2 in dfs2)
                    foreach (var e in epsilons)
                        ps.Add(TwoSidedP(s.Test, stat, d1 * e, d2 * e));
        double pMin = ps.Min(), pMax = ps.Max();
        var (rl, rh) = s.P.Interval;
        string range = $"{s.Test} = {s.Value} gives p from {Show(pMin)} to {Show(pMax)}{(s.Test is "t" or "z" or "r" ? " (two-sided)" : "")}{(epsilons.Length > 1 ? " (df uncorrected to corrected for sphericity at its lower bound)" : "")}";
        if (Overlaps(pMin, pMax, rl, rh))
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P}{though}");
        if (s.Test is "t" or "z" or "r" && Overlaps(pMin / 2, pMax / 2, rl, rh))
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{range}; reported {s.P} matches a one-sided test (p from {Show(pMin / 2)} to {Show(pMax / 2)}){though}");
        if (notItsP is not null) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: {notItsP}");
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{range}; reported {s.P} is outside that range{(s.Test is "t" or "z" or "r" ? $" (also one-sided: {Show(pMin / 2)} to {Show(pMax / 2)})" : "")}");
    }

    /// <summary>
    /// A χ² printed without its df ("χ² = 5.93; p = 0.015"): its upper-tail p grows with the df (a χ² with more df is
    /// stochastically larger), so 1 df gives the smallest p any df can. A reported p below it is impossible whatever the
    /// df; one that some whole df up to 1000 gives is consistent with that df; else the df decides, and it is not printed.
    /// </summary>
    static Finding ChiSquareWithoutDf(TestStatistic s, string quote)
    {
        double lo = Math.Max(0, s.Value.Value - s.Value.Unit / 2), hi = s.Value.Value + s.Value.Unit / 2;
        var (rl, rh) = s.P.Interval;
        double smallest = TwoSidedP("chi2", hi, 1, double.NaN);
        if (rh * (1 + 1e-9) < smallest)
            return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{quote}: the df are not printed, but even 1 df, which gives the smallest p, gives p from {Show(smallest)} to {Show(TwoSidedP("chi2", lo, 1, double.NaN))}; reported {s.P} is below it");
        for (int df = 1; df <= 1000; df++)
        {
            double pMin = TwoSidedP("chi2", hi, df, double.NaN), pMax = TwoSidedP("chi2", lo, df, double.NaN);
            if (Overlaps(pMin, pMax, rl, rh))
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{quote}: the df are not printed; {df} df give{(df == 1 ? "s" : "")} p from {Show(pMin)} to {Show(pMax)}, as reported");
            if (pMin > rh) break;
        }
        return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the degrees of freedom are not printed, and no whole df gives the reported p");
    }

    /// <summary>
    /// A correlation printed without its n ("r = 0.42, p &lt; 0.001") in a study of <paramref name="studyN"/> patients: its
    /// p falls as n grows, and missing values only make n smaller, so the study's n gives the smallest p any n can. A
    /// reported p below it, even one-sided, is impossible; one that some n from 3 up to the study's gives is consistent with that n.
    /// </summary>
    static Finding CorrelationWithoutN(TestStatistic s, string quote, int studyN)
    {
        double lo = Math.Max(0, Math.Abs(s.Value.Value) - s.Value.Unit / 2), hi = Math.Min(0.999999999, Math.Abs(s.Value.Value) + s.Value.Unit / 2);
        var (rl, rh) = s.P.Interval;
        double smallest = TwoSidedP("r", hi, studyN - 2, double.NaN);
        if (rh * (1 + 1e-9) < smallest / 2)
            return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{quote}: the n is not printed, but even all {studyN} patients ({s.Context.NSource}), the most it can be and the n that gives the smallest p, give p from {Show(smallest)} to {Show(TwoSidedP("r", lo, studyN - 2, double.NaN))} (two-sided, {Show(smallest / 2)} one-sided); reported {s.P} is below it");
        for (int n = studyN; n >= 3; n--)
        {
            double pMin = TwoSidedP("r", hi, n - 2, double.NaN), pMax = TwoSidedP("r", lo, n - 2, double.NaN);
            if (Overlaps(pMin, pMax, rl, rh) || Overlaps(pMin / 2, pMax / 2, rl, rh))
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{quote}: the n is not printed; n = {n}, at most the study's {studyN}, gives p from {Show(pMin)} to {Show(pMax)} (two-sided), as reported");
        }
        return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{quote}: the n is not printed, and no n up to the study's {studyN} gives the reported p");
    }

    /// <summary>A correlation over units several to a patient (eyes, visits, measurements; repeated or paired): its n may exceed the study's.</summary>
    static readonly System.Text.RegularExpressions.Regex OtherUnits = new(@"\b(?:" + StatisticExtractor.OtherUnitWords + @"|eye|yeux|œil|observations?|readings?|pairs?|paires?|repeated|répétées?|time points?|temps de mesure)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    static double[] DfCorners(PrintedNumber? df) => df is null ? new[] { double.NaN } : df.Unit >= 1 ? new[] { df.Value } : new[] { Math.Max(0.5, df.Low), df.High };

    /// <summary>The p of a statistic: two-sided for t, z and r (r through t = r √df / √(1 − r²)), upper tail for F and χ².</summary>
    public static double TwoSidedP(string test, double stat, double df1, double df2) => test switch
    {
        "z" => 2 * (1 - Normal.CDF(0, 1, stat)),
        "t" => 2 * StudentT.CDF(0, 1, df1, -stat),
        "r" => 2 * StudentT.CDF(0, 1, df1, -stat * Math.Sqrt(df1) / Math.Sqrt(1 - stat * stat)),
        "F" => 1 - FisherSnedecor.CDF(df1, df2, stat),
        _ => 1 - ChiSquared.CDF(df1, stat),
    };

    public static bool Overlaps(double a0, double a1, double b0, double b1) => a0 <= b1 * (1 + 1e-9) && b0 <= a1 * (1 + 1e-9);

    public static string Show(double p) => p < 1e-4 ? p.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture) : PrintedNumber.Show(p, 4);
}
