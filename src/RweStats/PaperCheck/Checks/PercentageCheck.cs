namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A percentage against its count and denominator: 100 k / N must print as the percentage. With a count and no
/// printed denominator, the denominators that give it are listed — none at all, or none up to the n that applies,
/// is inconsistent. With neither, whether any k / N with N up to the n that applies gives it.
/// </summary>
internal static class PercentageCheck
{
    public const string Name = "percentage";

    public static Finding Check(Percentage s)
    {
        var pct = s.Percent;
        string Show(double x) => PrintedNumber.Show(x, 2);
        if (s.Count is { } k && s.Denominator is { } d)
        {
            string what = $"{pct} % with {k}/{d}";
            if (k > d) return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what}: the count exceeds its denominator");
            double v = 100.0 * k / d;
            return pct.Admits(v)
                ? Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: {k}/{d} = {Show(v)} %")
                : Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what}: {k}/{d} = {Show(v)} %, which does not print as {pct} %");
        }
        if (s.Count is { } count)
        {
            string what = $"{pct} % with a count of {count}";
            var denominators = Denominators(pct, count).ToList();
            int? n = s.Context.N ?? s.Context.NAtMost;
            if (n is { } nn && nn >= count && pct.Admits(100.0 * count / nn))
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: {count}/{nn} = {Show(100.0 * count / nn)} % (n = {nn}, {s.Context.NSource})");
            if (denominators.Count == 0)
                return Finding.Of(s, Name, FindingVerdict.Inconsistent,
                    $"{what}: no denominator gives it ({count}/{(int)Math.Floor(100 * count / pct.Value)} = {Show(100.0 * count / Math.Floor(100 * count / pct.Value))} %, {count}/{(int)Math.Ceiling(100 * count / pct.Value)} = {Show(100.0 * count / Math.Ceiling(100 * count / pct.Value))} %){(n is null ? "" : $"; with n = {n}, {count}/{n} = {Show(100.0 * count / n.Value)} %")}");
            // A count above the n that applies says that n is not its denominator (a subgroup's or another study's n).
            if (n is { } big && count > big)
                return Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: a denominator of {Range(denominators)} gives it (the n = {big} that applies, {s.Context.NSource}, is below the count, so it is not the denominator)");
            if (n is { } m && denominators.All(x => x > m))
                return Finding.Of(s, Name, FindingVerdict.Inconsistent,
                    $"{what}: only a denominator of {Range(denominators)} gives it, more than the n = {m} that applies ({s.Context.NSource})");
            // Not the n that applies but a smaller one: a missing value would explain it, which a reader may want to ask about.
            string notN = s.Context.N is { } full && denominators.All(x => x < full) ? $", not the n = {full} that applies ({s.Context.NSource}: {count}/{full} = {Show(100.0 * count / full)} %); missing values would explain it" : "";
            return Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: a denominator of {Range(denominators)} gives it{notN}");
        }
        if ((s.Context.N ?? s.Context.NAtMost) is not { } total)
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{pct} %: neither a count nor an n to check it against ({s.Context.NSource})");
        if (s.Context.NIsStudyN && System.Text.RegularExpressions.Regex.IsMatch(s.Context.Sentence, @"\[\d"))
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{pct} %: the sentence cites other work, so the study's n need not apply and no count is printed");
        for (int den = total; den >= 1; den--)
            for (int c = 0; c <= den; c++)
                if (pct.Admits(100.0 * c / den))
                    return Finding.Of(s, Name, FindingVerdict.Consistent,
                        den == total ? $"{pct} % of n = {total}: {c}/{den} = {Show(100.0 * c / den)} %" : $"{pct} %: {c}/{den} = {Show(100.0 * c / den)} % (a denominator up to the n = {total} that applies)");
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{pct} %: no count out of any denominator up to the n = {total} that applies ({s.Context.NSource}) gives it");
    }

    /// <summary>Every denominator N ≥ count for which 100 count / N prints as the percentage.</summary>
    public static IEnumerable<int> Denominators(PrintedNumber pct, int count)
    {
        if (count == 0) { if (pct.Admits(0)) yield return 1; yield break; }
        if (pct.Low <= 0) yield break;
        int from = Math.Max(count, (int)Math.Floor(100.0 * count / pct.High) - 1), to = (int)Math.Ceiling(100.0 * count / Math.Max(pct.Low, 1e-9)) + 1;
        for (int d = from; d <= Math.Min(to, from + 100_000); d++)
            if (pct.Admits(100.0 * count / d)) yield return d;
    }

    static string Range(List<int> d) => d.Count == 1 ? d[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{d[0]}–{d[^1]}";
}
