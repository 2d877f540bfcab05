namespace RweStats.Figures;

/// <summary>
/// Sample quantiles for box plots. The library had no quantile helper when the figures were written, so this lives
/// here; unify it with any later statistics helper (tests check it against R's quantile(), tests/fixtures/r/quantiles.csv).
/// </summary>
public static class Quantiles
{
    /// <summary>
    /// R's default quantile(x, p, type = 7) (Hyndman &amp; Fan 1996, definition 7): with x sorted and
    /// h = (n − 1)p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) (0-based). Missing (NaN) values are dropped.
    /// </summary>
    public static double Type7(IEnumerable<double> values, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), "probability must be in [0, 1]");
        var x = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (x.Length == 0) throw new ArgumentException("no non-missing values", nameof(values));
        return Type7Sorted(x, p);
    }

    /// <summary><see cref="Type7"/> on values already sorted ascending and free of NaN.</summary>
    public static double Type7Sorted(IReadOnlyList<double> sorted, double p)
    {
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}

/// <summary>
/// Tukey's box-plot summary (Tukey 1977; McGill, Tukey &amp; Larsen 1978): quartiles by R type 7, whiskers to the
/// most extreme observations within 1.5 IQR of the box (R's boxplot.stats uses Tukey's hinges instead; type 7
/// matches ggplot2's geom_boxplot, the figure convention the users know).
/// </summary>
public sealed record BoxSummary(int N, double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh)
{
    public double Iqr => Q3 - Q1;

    public static BoxSummary? Of(IEnumerable<double> values)
    {
        var x = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (x.Length == 0) return null;
        double q1 = Quantiles.Type7Sorted(x, 0.25), med = Quantiles.Type7Sorted(x, 0.5), q3 = Quantiles.Type7Sorted(x, 0.75);
        double iqr = q3 - q1, lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
        double wLow = x.First(v => v >= lowFence), wHigh = x.Last(v => v <= highFence);
        return new BoxSummary(x.Length, q1, med, q3, Math.Min(wLow, q1), Math.Max(wHigh, q3));
    }
}
