namespace RweStats.PaperCheck.Checks;

/// <summary>
/// DEBIT (Heathers &amp; Brown 2019): the SD of a binary (0/1) variable is fixed by its mean: √(p(1 − p) n/(n − 1))
/// (sample SD; √(p(1 − p)) as population SD). A proportion and its SD are possible only if some count k with
/// k/n printing as the mean gives an SD printing as the reported one.
/// </summary>
internal static class DebitCheck
{
    public const string Name = "debit";

    public static Finding? Check(MeanWithSpread s)
    {
        if (!s.Binary || s.Spread is null) return null;
        string what = $"proportion {s.Mean}, SD {s.Spread}";
        if (s.Mean.Value > 1 || s.Mean.Value < 0) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: not a proportion between 0 and 1");
        if (s.Context.N is not { } n || n < 2) return AnyN(s, what);
        if (s.Context.NIsStudyN || s.Context.NIsArmN) return AtMost(s, what, n);
        for (int k = 0; k <= n; k++)
        {
            double p = k / (double)n;
            if (!s.Mean.Admits(p)) continue;
            double sample = Math.Sqrt(p * (1 - p) * n / (n - 1)), population = Math.Sqrt(p * (1 - p));
            if (s.Spread.Admits(sample) || s.Spread.Admits(population))
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{what} with n = {n}: {k}/{n} gives SD {PrintedNumber.Show(sample, 4)} (sample) or {PrintedNumber.Show(population, 4)} (population)");
        }
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what} with n = {n}: no count k out of {n} gives both this proportion and this SD");
    }

    /// <summary>
    /// An n the statistic's own words do not state (the study's, or the arm's its sentence names) bounds the number of
    /// patients a 0/1 variable was recorded for, no more: one recorded at a follow-up visit, or asked of some patients
    /// only (the sexually active, the users of a device), has fewer. Every n from half that bound to the bound is tried:
    /// a statement about a group is not one about a few of its patients, and a tiny n (2/5 has SD 0.55) gives any SD.
    /// </summary>
    static Finding AtMost(MeanWithSpread s, string what, int bound)
    {
        int least = Math.Max(2, (bound + 1) / 2);
        for (int n = bound; n >= least; n--)
            for (int k = Math.Max(0, (int)Math.Floor(s.Mean.Low * n)); k <= Math.Min(n, (int)Math.Ceiling(s.Mean.High * n)); k++)
            {
                double p = k / (double)n;
                if (!s.Mean.Admits(p)) continue;
                double sample = Math.Sqrt(p * (1 - p) * n / (n - 1)), population = Math.Sqrt(p * (1 - p));
                if (s.Spread!.Admits(sample) || s.Spread.Admits(population))
                    return Finding.Of(s, Name, FindingVerdict.Consistent, n == bound
                        ? $"{what} with n = {n}: {k}/{n} gives SD {PrintedNumber.Show(sample, 4)} (sample) or {PrintedNumber.Show(population, 4)} (population)"
                        : $"{what} with n from {least} to {bound} ({s.Context.NSource}, or a part of it not stated): {k}/{n} gives SD {PrintedNumber.Show(sample, 4)} (sample) or {PrintedNumber.Show(population, 4)} (population)");
            }
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what} with n from {least} to {bound} ({s.Context.NSource}, or a part of it not stated): no count k out of any of these n gives both this proportion and this SD");
    }

    const int LargestN = 10_000;

    /// <summary>
    /// With no n that applies: whether any n gives the pair. The SD of a proportion p is √(p(1 − p)) times
    /// √(n/(n − 1)), which falls towards 1 as n grows, so n from 2 to 10 000 and the population SD of every
    /// proportion printing as the mean cover every sample size.
    /// </summary>
    static Finding AnyN(MeanWithSpread s, string what)
    {
        for (int n = 2; n <= LargestN; n++)
            for (int k = Math.Max(0, (int)Math.Floor(s.Mean.Low * n)); k <= Math.Min(n, (int)Math.Ceiling(s.Mean.High * n)); k++)
            {
                double p = k / (double)n;
                if (!s.Mean.Admits(p)) continue;
                double sample = Math.Sqrt(p * (1 - p) * n / (n - 1)), population = Math.Sqrt(p * (1 - p));
                if (s.Spread!.Admits(sample) || s.Spread.Admits(population))
                    return Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: no n applies to it, but {k}/{n} gives SD {PrintedNumber.Show(sample, 4)} (sample) or {PrintedNumber.Show(population, 4)} (population)");
            }
        for (int i = 0; i <= 1000; i++)
        {
            double p = s.Mean.Low + (s.Mean.High - s.Mean.Low) * i / 1000.0;
            if (p is < 0 or > 1) continue;
            if (s.Spread!.Admits(Math.Sqrt(p * (1 - p))) || s.Spread.Admits(Math.Sqrt(p * (1 - p) * LargestN / (LargestN - 1.0))))
                return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: no n applies to it; only a sample above {LargestN} could give it");
        }
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what}: no sample size gives both (the SD of a proportion near {s.Mean} is at least {PrintedNumber.Show(Math.Sqrt(Math.Min(s.Mean.Low * (1 - s.Mean.Low), s.Mean.High * (1 - s.Mean.High))), 4)})");
    }
}
