namespace RweStats.PaperCheck.Checks;

/// <summary>
/// GRIM (Brown &amp; Heathers 2017): the mean of n integer values is a whole total divided by n, so a printed
/// mean is possible only if some integer total S gives S / n inside its rounding interval. Uninformative when
/// n ≥ 10^decimals (every printed mean then has a total).
/// </summary>
internal static class GrimCheck
{
    public const string Name = "grim";

    /// <summary>The integer totals S whose mean S / n prints as the mean.</summary>
    public static IReadOnlyList<long> Totals(PrintedNumber mean, int n)
    {
        long from = (long)Math.Ceiling(mean.Low * n - 1e-9), to = (long)Math.Floor(mean.High * n + 1e-9);
        var totals = new List<long>();
        for (long s = from; s <= to && totals.Count < 10_000; s++) totals.Add(s);
        return totals;
    }

    public static Finding? Check(MeanWithSpread s)
    {
        if (s.Binary) return null; // a proportion's mean is DEBIT's
        if (Unchecked(s.Context, s.Mean) is { } why) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"mean {s.Mean}: {why}");
        int n = s.Context.N!.Value;
        var totals = Totals(s.Mean, n);
        if (totals.Count == 0)
            return Finding.Of(s, Name, FindingVerdict.Inconsistent,
                $"mean {s.Mean} of an integer-valued measure{(s.WholeAssumption is { } a ? $" ({a})" : "")} with n = {n} ({s.Context.NSource}): no whole total gives it (nearest: {Near(s.Mean.Value, n)})");
        return Finding.Of(s, Name, FindingVerdict.Consistent, $"mean {s.Mean} with n = {n}: a total of {totals[0]} gives {PrintedNumber.Show(totals[0] / (double)n, 5)}");
    }

    static string Near(double mean, int n)
    {
        long a = (long)Math.Floor(mean * n), b = a + 1;
        return $"{a}/{n} = {PrintedNumber.Show(a / (double)n, 4)}, {b}/{n} = {PrintedNumber.Show(b / (double)n, 4)}";
    }

    /// <summary>Why GRIM-type checks cannot run on a mean: not integer-valued, no n, or (GRIM alone, <paramref name="anyN"/> false) n too large for the printed decimals.</summary>
    public static string? Unchecked(StatisticContext c, PrintedNumber mean, bool anyN = false)
    {
        if (!c.IntegerValued) return "the measure is not named as a score, points, scale or count, nor among the measures declared integer-valued";
        if (c.N is not { } n || n < 2) return $"no n applies to it ({c.NSource})";
        if (!anyN && n >= Math.Round(1 / mean.Unit)) return $"n = {n} is at least 10^{mean.Decimals}: every mean printed with {mean.Decimals} decimal(s) is possible";
        return null;
    }
}
