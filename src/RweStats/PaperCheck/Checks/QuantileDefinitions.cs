using RweStats.Descriptives;

namespace RweStats.PaperCheck.Checks;

/// <summary>
/// A sample-quantile definition in use: R's nine types (Hyndman &amp; Fan 1996), with the software that uses each
/// (SAS PCTLDEF=1..5 are R types 4, 3, 1, 6, 2; Excel QUARTILE.INC and PERCENTILE are type 7, QUARTILE.EXC is type 6;
/// SPSS FREQUENCIES/EXAMINE (HAVERAGE), Minitab and Stata's centile use type 6; Stata's summarize, detail and pctile
/// use type 2), and Tukey's hinges (R fivenum, boxplot). Each gives the p-quantile of n sorted values as
/// x_j + g (x_{j+1} − x_j) for a position j + g that depends on n and p only.
/// </summary>
internal sealed record QuantileDefinition(string Name, Func<int, double, double> Position)
{
    public static readonly IReadOnlyList<QuantileDefinition> All = BuildAll();

    static IReadOnlyList<QuantileDefinition> BuildAll()
    {
        var names = new Dictionary<int, string>
        {
            [1] = "R type 1 (SAS PCTLDEF=3)",
            [2] = "R type 2 (SAS PCTLDEF=5, SAS default; Stata summarize/pctile)",
            [3] = "R type 3 (SAS PCTLDEF=2)",
            [4] = "R type 4 (SAS PCTLDEF=1)",
            [5] = "R type 5",
            [6] = "R type 6 (SAS PCTLDEF=4; SPSS; Minitab; Excel QUARTILE.EXC; Stata centile)",
            [7] = "R type 7 (R default; Excel QUARTILE.INC/PERCENTILE)",
            [8] = "R type 8",
            [9] = "R type 9",
        };
        var list = names.Select(kv => new QuantileDefinition(kv.Value, (n, p) => RPosition(n, p, kv.Key))).ToList();
        list.Add(new QuantileDefinition("Tukey's hinges (R fivenum, boxplot)", TukeyPosition));
        return list;
    }

    /// <summary>The position (1-based, fractional) of R's type: the quantile of the values 1, 2, ..., n themselves.</summary>
    static double RPosition(int n, double p, int type) => Quantiles.Sorted(Enumerable.Range(1, n).Select(i => (double)i).ToArray(), p, type);

    /// <summary>Tukey's hinges (fivenum): the lower hinge at floor((n + 3)/2)/2, the upper one as far from the end.</summary>
    static double TukeyPosition(int n, double p)
    {
        double lower = Math.Floor((n + 3) / 2.0) / 2;
        return p < 0.5 ? lower : p > 0.5 ? n + 1 - lower : (n + 1) / 2.0;
    }

    /// <summary>
    /// Whether integer data of size n can have this p-quantile printing as the value: x_j + g d for an integer x_j
    /// and a whole gap d ≥ 0 between the two neighbours, g the fractional part of the position.
    /// </summary>
    public bool CanGive(PrintedNumber value, int n, double p)
    {
        double position = Position(n, p);
        double g = position - Math.Floor(position);
        for (int d = 0; d <= 1000; d++)
        {
            double v = g * d;
            if (Math.Ceiling(value.Low - v - 1e-9) <= Math.Floor(value.High - v + 1e-9)) return true;
            if (g == 0) break;
        }
        return false;
    }
}
