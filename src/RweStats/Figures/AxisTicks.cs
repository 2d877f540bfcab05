using System.Globalization;

namespace RweStats.Figures;

public sealed record AxisTick(double Value, string Label);

/// <summary>
/// Tick positions that cover a data range with round numbers ("loose labelling", Heckbert 1990, Graphics Gems I,
/// "Nice numbers for graph labels"): the step is 1, 2, 2.5 or 5 × 10^k, the first tick at or below the minimum
/// and the last at or above the maximum, and the count is at most what the axis length leaves room for.
/// On a log10 axis: decades (1, 10, 100 …), thinned to every 2nd or 3rd decade when crowded, or 1-2-5 per decade
/// when the range is short, or round linear values when it spans less than a decade.
/// </summary>
public static class AxisTicks
{
    static readonly double[] Mantissas = { 1, 5, 2, 2.5 };

    /// <summary>
    /// Linear ticks covering [min, max], at most <paramref name="maxTicks"/> (≥ 2) of them. Among the steps
    /// {1, 5, 2, 2.5} × 10^k whose covering ticks fit, the choice maximises coverage (data span over tick span, so
    /// the data fill the axis) less 0.05 per tick away from <paramref name="target"/> and a small penalty for the
    /// less simple mantissas, a reduced form of Talbot, Lin &amp; Hanrahan's (2010) extended Wilkinson scoring.
    /// </summary>
    public static IReadOnlyList<double> Linear(double min, double max, int maxTicks, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentException("axis range must be finite");
        if (min > max) (min, max) = (max, min);
        if (min == max)
        {
            // A constant series: open a range around it so the axis has a scale.
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad; max += pad;
        }
        maxTicks = Math.Max(2, maxTicks);
        target = Math.Clamp(target, 2, maxTicks);
        double span = max - min;
        int k0 = (int)Math.Floor(Math.Log10(span / maxTicks)) - 1;
        IReadOnlyList<double>? best = null;
        double bestScore = double.NegativeInfinity;
        for (int k = k0; k < k0 + 4; k++)
            for (int m = 0; m < Mantissas.Length; m++)
            {
                double step = Mantissas[m] * Math.Pow(10, k);
                var ticks = Cover(min, max, step);
                if (ticks.Count > maxTicks || ticks.Count < 2) continue;
                double coverage = span / (ticks[^1] - ticks[0]);
                double score = coverage - 0.05 * Math.Abs(ticks.Count - target) - MantissaPenalty[m];
                if (score > bestScore + 1e-12) { best = ticks; bestScore = score; }
            }
        return best ?? Cover(min, max, Math.Pow(10, Math.Ceiling(Math.Log10(span))));
    }

    static readonly double[] MantissaPenalty = { 0, 0.02, 0.04, 0.08 };

    static IReadOnlyList<double> Cover(double min, double max, double step)
    {
        // Snap through the step count so 0.1 + 0.2 noise does not add or drop a tick.
        double lo = Math.Floor(min / step + 1e-9), hi = Math.Ceiling(max / step - 1e-9);
        var ticks = new List<double>();
        for (double i = lo; i <= hi; i++) ticks.Add(Clean(i * step, step));
        return ticks;
    }

    static double Clean(double v, double step)
    {
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 2, 0, 15);
        var r = Math.Round(v, decimals);
        return r == 0 ? 0 : r;
    }

    /// <summary>Log10 ticks covering [min, max] (both &gt; 0).</summary>
    public static IReadOnlyList<double> Log10(double min, double max, int maxTicks)
    {
        if (!(min > 0) || !(max > 0)) throw new ArgumentException("a log axis needs positive values");
        if (min > max) (min, max) = (max, min);
        maxTicks = Math.Max(2, maxTicks);
        int d0 = (int)Math.Floor(Math.Log10(min) + 1e-9), d1 = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (d1 == d0) d1++;
        int decades = d1 - d0;
        if (decades >= 2)
        {
            for (int every = 1; every <= decades; every++)
            {
                int lo = (int)Math.Floor(d0 / (double)every) * every, hi = (int)Math.Ceiling(d1 / (double)every) * every;
                if ((hi - lo) / every + 1 <= maxTicks)
                {
                    var decadeTicks = new List<double>();
                    for (int d = lo; d <= hi; d += every) decadeTicks.Add(Pow10(d));
                    // Within about two decades, 1-2-5 reads better when there is room for it.
                    if (every == 1 && decades <= 2)
                    {
                        var fine = OneTwoFive(min, max);
                        if (fine.Count <= Math.Min(maxTicks, 7)) return fine;
                    }
                    return decadeTicks;
                }
            }
        }
        var ticks125 = OneTwoFive(min, max);
        if (ticks125.Count >= 3 && ticks125.Count <= maxTicks) return ticks125;
        // Less than a decade: round linear values, kept positive.
        var linear = Linear(min, max, maxTicks, Math.Min(5, maxTicks));
        if (linear[0] > 0) return linear;
        return ticks125.Count <= maxTicks ? ticks125 : new[] { Pow10(d0), Pow10(d1) };
    }

    static IReadOnlyList<double> OneTwoFive(double min, double max)
    {
        var all = new List<double>();
        int d0 = (int)Math.Floor(Math.Log10(min)) - 1, d1 = (int)Math.Ceiling(Math.Log10(max)) + 1;
        for (int d = d0; d <= d1; d++)
            foreach (var m in new[] { 1.0, 2, 5 }) all.Add(Clean(m * Pow10(d), Pow10(d)));
        int first = all.FindLastIndex(v => v <= min * (1 + 1e-9));
        int last = all.FindIndex(v => v >= max * (1 - 1e-9));
        return all.GetRange(first, last - first + 1);
    }

    static double Pow10(int d) => double.Parse("1e" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Labels with the fewest decimals that tell all ticks apart exactly, a true minus sign (U+2212), and powers of ten
    /// as 10ⁿ outside 10⁻⁴…10⁵ on log axes.
    /// </summary>
    public static IReadOnlyList<AxisTick> Label(IReadOnlyList<double> ticks, bool log)
    {
        int decimals = 0;
        while (decimals < 10 && ticks.Any(t => Math.Abs(Math.Round(t, decimals) - t) > 1e-9 * Math.Max(1, Math.Abs(t)))) decimals++;
        return ticks.Select(t =>
        {
            if (log && t > 0)
            {
                double e = Math.Log10(t);
                if (Math.Abs(e - Math.Round(e)) < 1e-9 && (e < -4 || e > 5)) return new AxisTick(t, "10" + Superscript((int)Math.Round(e)));
                int d = 0;
                while (d < 10 && Math.Abs(Math.Round(t, d) - t) > 1e-9 * t) d++;
                return new AxisTick(t, Format(t, d));
            }
            return new AxisTick(t, Format(t, decimals));
        }).ToList();
    }

    public static string Format(double v, int decimals)
    {
        var s = Math.Round(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (s.StartsWith('-')) s = s.TrimStart('-') is var rest && rest.Trim('0', '.').Length == 0 ? rest : "\u2212" + rest;
        return s;
    }

    static string Superscript(int n)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var s = Math.Abs(n).ToString(CultureInfo.InvariantCulture).Select(c => digits[c - '0']);
        return (n < 0 ? "⁻" : "") + string.Concat(s);
    }
}
