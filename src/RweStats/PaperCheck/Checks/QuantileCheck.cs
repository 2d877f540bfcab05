namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A median with its quartiles or range. Any data: min ≤ Q1 ≤ median ≤ Q3 ≤ max within rounding (for a measure not
/// known to be integer-valued that is the whole check, and values in order are consistent). Integer-valued
/// data with a known n: each of median, Q1 and Q3 must be a value some common quantile definition can give for n
/// integers (<see cref="QuantileDefinition"/>), and min and max must be whole; the finding names the definitions that
/// give every printed value.
/// </summary>
internal static class QuantileCheck
{
    public const string Name = "quantile";
    public const string OrderName = "quantile_order";

    /// <summary>
    /// With no n that applies: whether any n gives the printed values. A definition's position is a·n + b with a a
    /// multiple of 1/4 for the quartiles and the median, so the fraction g repeats with n modulo 4; n from 1 to 48
    /// covers every residue of every definition (Tukey's hinges repeat modulo 4 too). A median of integers is a whole
    /// number or a half whatever the n, so "2.75" is impossible for any sample size. Values in order that some n gives are
    /// consistent (a median printed alone is not checkable).
    /// </summary>
    static Finding NoN(MedianWithQuartiles s, string what)
    {
        foreach (var (label, v) in new[] { ("min", s.Min), ("max", s.Max) })
            if (v is not null && !v.Admits(Math.Round(v.Value)))
                return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what} of an integer-valued measure: the {label} is one of the values and must be whole, not {v} (no n stated, none needed)");
        var values = new[] { (0.5, s.Median), (0.25, s.Q1), (0.75, s.Q3) }.Where(x => x.Item2 is not null).ToList();
        // With two or more values printed, their order and the values integer data allow were both checked (and could
        // have failed): the statement is consistent, as one of real-valued data in order is; a median alone is not checkable.
        int printed = new[] { s.Min, s.Q1, s.Median, s.Q3, s.Max }.Count(v => v is not null);
        for (int n = 1; n <= 48; n++)
            if (values.All(x => QuantileDefinition.All.Any(d => d.CanGive(x.Item2!, n, x.Item1))))
                return printed >= 2
                    ? Finding.Of(s, Name, FindingVerdict.Consistent, $"{what}: in order, and some sample sizes give these values for integer data (no n applies to it to check them against one: {s.Context.NSource})")
                    : Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: no n applies to it ({s.Context.NSource}); some sample sizes give these values for integer data");
        return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what} of an integer-valued measure: no quantile definition gives these values for integer data of any sample size ({s.Context.NSource})");
    }

    public static IEnumerable<Finding> Check(MedianWithQuartiles s)
    {
        var ordered = new[] { ("min", s.Min), ("Q1", s.Q1), ("median", s.Median), ("Q3", s.Q3), ("max", s.Max) }.Where(x => x.Item2 is not null).ToList();
        string what = string.Join(", ", ordered.Select(x => $"{x.Item1} {x.Item2}"));
        string assumed = s.WholeAssumption is { } a ? $" ({a})" : "";
        if (s.BareLimits is var (low, high) && s.Median is { } median)
        {
            // Quartiles, a range and a confidence interval of a median all hold it: a median outside its limits is given by no data.
            what = $"median {median} [{low}; {high}]";
            if (median.CertainlyAbove(high) || low.CertainlyAbove(median))
            {
                yield return Finding.Of(s, OrderName, FindingVerdict.Inconsistent, $"{what}: the median lies outside its limits, which hold it whether they are its quartiles, its range or its confidence interval");
                yield break;
            }
        }
        for (int i = 0; i < ordered.Count; i++)
            for (int j = i + 1; j < ordered.Count; j++)
                if (ordered[i].Item2!.CertainlyAbove(ordered[j].Item2!))
                {
                    yield return Finding.Of(s, OrderName, FindingVerdict.Inconsistent, $"{what}: {ordered[i].Item1} above {ordered[j].Item1}, which no data give");
                    yield break;
                }
        if (!s.Context.IntegerValued)
        {
            // Of real-valued data, quantiles in order are all any data must give: with two or more values printed the
            // order was checked (and could have failed), so the statement is consistent; a median alone is not checkable.
            if (ordered.Count >= 2 || s.BareLimits is not null)
                yield return Finding.Of(s, OrderName, FindingVerdict.Consistent, $"{what}: in order, which is all real-valued data must give (the measure is not named as a score, points, scale or count, nor among the measures declared integer-valued, so which values integer data allow is not checked)");
            else
                yield return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{what}: the measure is not named as a score, points, scale or count, nor among the measures declared integer-valued; any real-valued data can give this median");
            yield break;
        }
        // From here on each finding judges the values as whole: it says when only an assumption makes them so.
        what += assumed;
        if (s.Context.N is not { } n || n < 1)
        {
            yield return NoN(s, what);
            yield break;
        }
        foreach (var (label, v) in new[] { ("min", s.Min), ("max", s.Max) })
            if (v is not null && !v.Admits(Math.Round(v.Value)))
            {
                yield return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what} of an integer-valued measure: the {label} is one of the values and must be whole, not {v}");
                yield break;
            }
        var reasons = new List<string>();
        IEnumerable<QuantileDefinition> common = QuantileDefinition.All;
        bool impossible = false;
        foreach (var (label, p, v) in new[] { ("median", 0.5, s.Median), ("Q1", 0.25, s.Q1), ("Q3", 0.75, s.Q3) })
        {
            if (v is null) continue;
            var giving = QuantileDefinition.All.Where(d => d.CanGive(v, n, p)).ToList();
            common = common.Intersect(giving).ToList();
            if (giving.Count == 0)
            {
                impossible = true;
                reasons.Add($"{label} {v} is given by no quantile definition (R types 1–9, SAS PCTLDEF 1–5, Excel, SPSS, Stata, Tukey's hinges) for {n} integer values");
            }
            else if (giving.Count < QuantileDefinition.All.Count)
                reasons.Add($"{label} {v} only by {string.Join("; ", giving.Select(d => d.Name))}");
        }
        var defs = common.Select(d => d.Name).ToList();
        if (impossible)
            yield return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{what}, integer-valued, n = {n} ({s.Context.NSource}): {string.Join("; ", reasons)}", Array.Empty<string>());
        else
            yield return Finding.Of(s, Name, FindingVerdict.Consistent,
                $"{what}, integer-valued, n = {n}: possible{(reasons.Count == 0 ? " under every definition" : $"; {string.Join("; ", reasons)}")}{(defs.Count == 0 && reasons.Count > 0 ? " (no single definition gives all of them)" : "")}", defs);
    }
}
