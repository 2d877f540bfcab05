namespace RweStats.Descriptives;

/// <summary>
/// Sample quantiles by the nine definitions of Hyndman &amp; Fan (1996), numbered as R's quantile(type = 1..9);
/// R's default (and the paper's, R 3.6.1) is type 7. SAS's PCTLDEF=1..5 are R types 4, 3, 1, 6 and 2
/// (Hyndman &amp; Fan, Table 1; SAS/STAT UNIVARIATE "Calculating Percentiles").
/// </summary>
internal static class Quantiles
{
    public const int DefaultType = 7;

    /// <summary>R's type number of SAS PCTLDEF=definition.</summary>
    public static int FromSasDefinition(int definition) => definition switch
    {
        1 => 4, 2 => 3, 3 => 1, 4 => 6, 5 => 2,
        _ => throw new RweStatsInputException($"SAS quantile definition {definition} does not exist; use 1 to 5"),
    };

    /// <summary>The p-quantile of the values (NaN ignored) by R's type; NaN when there are no values.</summary>
    public static double Compute(IEnumerable<double> values, double p, int type = DefaultType)
    {
        var x = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        return Sorted(x, p, type);
    }

    /// <summary>As <see cref="Compute"/> on already sorted values (R's quantile.default, transcribed as formulas).</summary>
    public static double Sorted(IReadOnlyList<double> x, double p, int type = DefaultType)
    {
        if (type < 1 || type > 9) throw new RweStatsInputException($"quantile type {type} does not exist; use 1 to 9 (R's types)");
        if (!(p >= 0 && p <= 1)) throw new RweStatsInputException($"quantile probability {p} is outside [0, 1]");
        int n = x.Count;
        if (n == 0) return double.NaN;
        const double fuzz = 4 * 2.220446049250313e-16;
        double nppm, h;
        int j;
        if (type <= 3)
        {
            nppm = type == 3 ? n * p - 0.5 : n * p;
            j = (int)Math.Floor(nppm + fuzz);
            h = type switch
            {
                1 => nppm > j ? 1 : 0,
                2 => ((nppm > j ? 1 : 0) + 1) / 2.0,
                _ => (nppm != j || Math.Abs(j) % 2 == 1) ? 1 : 0,
            };
        }
        else
        {
            (double a, double b) = type switch
            {
                4 => (0.0, 1.0), 5 => (0.5, 0.5), 6 => (0.0, 0.0), 7 => (1.0, 1.0), 8 => (1 / 3.0, 1 / 3.0), _ => (3 / 8.0, 3 / 8.0),
            };
            nppm = a + p * (n + 1 - a - b);
            j = (int)Math.Floor(nppm + fuzz);
            h = nppm - j;
            if (Math.Abs(h) < fuzz) h = 0;
        }
        double lo = x[Math.Clamp(j, 1, n) - 1], hi = x[Math.Clamp(j + 1, 1, n) - 1];
        if (h == 0) return lo;
        if (h == 1) return hi;
        return (1 - h) * lo + h * hi;
    }
}
