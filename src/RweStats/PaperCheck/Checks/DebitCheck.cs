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
        if (s.Context.N is not { } n || n < 2) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: no n applies to it");
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
}
