namespace RweStats.Figures;

/// <summary>
/// Tukey's box-plot summary (Tukey 1977; McGill, Tukey &amp; Larsen 1978): quartiles by R type 7, whiskers to the
/// most extreme observations within 1.5 IQR of the box. The quartiles use the same quantile definition as the
/// descriptive tables (<see cref="Descriptives.Quantiles"/>, R type 7 by default, which is also ggplot2's).
/// </summary>
public sealed record BoxSummary(int N, double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh)
{
    /// <summary>The box of the non-missing values (quartiles by R's <paramref name="quantileType"/>, whiskers to the furthest values within 1.5 × IQR of the box); null when there are none.</summary>
    public static BoxSummary? Of(IEnumerable<double> values, int quantileType = Descriptives.Quantiles.DefaultType)
    {
        var x = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (x.Length == 0) return null;
        double q1 = Descriptives.Quantiles.Sorted(x, 0.25, quantileType), med = Descriptives.Quantiles.Sorted(x, 0.5, quantileType),
               q3 = Descriptives.Quantiles.Sorted(x, 0.75, quantileType);
        double iqr = q3 - q1, lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
        double wLow = x.First(v => v >= lowFence), wHigh = x.Last(v => v <= highFence);
        return new BoxSummary(x.Length, q1, med, q3, Math.Min(wLow, q1), Math.Max(wHigh, q3));
    }
}
