namespace RweStats.PaperCheck.Checks;

/// <summary>
/// GRIMMER (Anaya 2016): for n integer values with total S and sum of squares Q (an integer of the same parity
/// as S, since x² ≡ x mod 2), the SD is √((Q − S²/n)/(n − 1)); a printed mean and SD are possible only if some
/// GRIM total S and such a Q give an SD inside its rounding interval. An SE is turned into an SD by √n first.
/// </summary>
internal static class GrimmerCheck
{
    public const string Name = "grimmer";

    public static Finding? Check(MeanWithSpread s)
    {
        if (s.Spread is null || s.Binary) return null;
        string what = $"mean {s.Mean}, {(s.SpreadIsStandardError ? "SE" : "SD")} {s.Spread}";
        // Not bounded by n as GRIM is: with n ≥ 10^decimals every mean has a total, but consecutive sums of squares of
        // its parity still move the SD by about 1 / (SD (n − 1)), more than a printed SD's rounding interval when SD (n − 1)
        // is below 10^decimals of the SD ("mean 2.47, SD 0.87" with n = 110: no sum of squares gives it).
        if (GrimCheck.Unchecked(s.Context, s.Mean, anyN: true) is { } why) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: {why}");
        int n = s.Context.N!.Value;
        var totals = GrimCheck.Totals(s.Mean, n);
        if (totals.Count == 0) return null; // GRIM already proves the mean impossible
        double root = s.SpreadIsStandardError ? Math.Sqrt(n) : 1;
        double sdLo = Math.Max(0, s.Spread.Low) * root, sdHi = s.Spread.High * root;
        foreach (var total in totals)
        {
            double baseQ = (double)total * total / n;
            long qFrom = (long)Math.Ceiling((n - 1) * sdLo * sdLo + baseQ - 1e-7), qTo = (long)Math.Floor((n - 1) * sdHi * sdHi + baseQ + 1e-7);
            for (long q = qFrom; q <= qTo; q++)
                if (((q - total) % 2 + 2) % 2 == 0)
                    return Finding.Of(s, Name, FindingVerdict.Consistent,
                        $"{what} with n = {n}: a total of {total} and a sum of squares of {q} give SD {PrintedNumber.Show(Math.Sqrt((q - baseQ) / (n - 1)), 4)}");
        }
        return Finding.Of(s, Name, FindingVerdict.Inconsistent,
            $"{what} of an integer-valued measure with n = {n} ({s.Context.NSource}): no integer total and sum of squares (same parity) give this SD with this mean");
    }
}
