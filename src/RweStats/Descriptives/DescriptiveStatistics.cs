namespace RweStats.Descriptives;

/// <summary>
/// The paper's descriptive statistics for one outcome at one visit ("moyenne, médiane, variance, minimum,
/// maximum et quantiles"): counts, mean, SD and variance (n − 1 denominator, as R's sd/var), median and quartiles
/// by the chosen quantile type, range, and any extra quantiles.
/// </summary>
public sealed record DescriptiveStatistics(
    string Outcome, string Visit, int N, int Missing, double Mean, double Sd, double Variance,
    double Median, double Q1, double Q3, double Min, double Max, int QuantileType,
    IReadOnlyList<(double Probability, double Value)> ExtraQuantiles)
{
    /// <summary>The statistics of one outcome at one visit from its values (NaN for missing), quantiles by R's <paramref name="quantileType"/>.</summary>
    public static DescriptiveStatistics Compute(string outcome, string visit, IReadOnlyList<double> values, int quantileType = Quantiles.DefaultType,
                                                IReadOnlyList<double>? extraProbabilities = null)
    {
        var x = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        int n = x.Length, missing = values.Count - n;
        double mean = n > 0 ? x.Average() : double.NaN;
        double variance = n > 1 ? x.Sum(v => (v - mean) * (v - mean)) / (n - 1) : double.NaN;
        return new DescriptiveStatistics(outcome, visit, n, missing, mean, Math.Sqrt(variance), variance,
            Quantiles.Sorted(x, 0.5, quantileType), Quantiles.Sorted(x, 0.25, quantileType), Quantiles.Sorted(x, 0.75, quantileType),
            n > 0 ? x[0] : double.NaN, n > 0 ? x[^1] : double.NaN, quantileType,
            (extraProbabilities ?? Array.Empty<double>()).Select(p => (p, Quantiles.Sorted(x, p, quantileType))).ToList());
    }
}

/// <summary>A category of an outcome's value, closed interval [Min, Max] (the paper's SELENA-SLEDAI activity: 0 none, 1–5 mild, 6–10 moderate, 11–19 high).</summary>
public sealed record ValueClass(string Label, double Min, double Max)
{
    /// <summary>True when <paramref name="v"/> lies in [Min, Max].</summary>
    public bool Contains(double v) => v >= Min && v <= Max;
}

/// <summary>Counts per class at one visit; values outside every class and missing values are counted apart.</summary>
public sealed record ClassCounts(string Outcome, string Visit, IReadOnlyList<(string Label, int Count)> Counts, int Unclassified, int Missing)
{
    /// <summary>Counts the values of one outcome at one visit in each class.</summary>
    public static ClassCounts Compute(string outcome, string visit, IReadOnlyList<double> values, IReadOnlyList<ValueClass> classes)
    {
        var counts = classes.Select(c => (c.Label, values.Count(v => !double.IsNaN(v) && c.Contains(v)))).ToList();
        int missing = values.Count(double.IsNaN);
        int unclassified = values.Count(v => !double.IsNaN(v) && !classes.Any(c => c.Contains(v)));
        return new ClassCounts(outcome, visit, counts, unclassified, missing);
    }
}
