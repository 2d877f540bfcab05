using System.Globalization;

namespace RweStats.Figures;

/// <summary>How a p-value is printed on a significance bracket.</summary>
public enum PValueFormat
{
    /// <summary>"p = 0.0073": two significant digits; "p &lt; 0.0001" below 10⁻⁴, "p &gt; 0.99" above 0.99.</summary>
    Exact,
    /// <summary>As <see cref="Exact"/>, but "p &lt; 0.001" below 0.001 (the NEJM and Lancet convention).</summary>
    Bounded,
    /// <summary>"***" p &lt; 0.001, "**" p &lt; 0.01, "*" p &lt; 0.05, "ns" otherwise.</summary>
    Stars,
}

/// <summary>One way to print a p-value for readers: figure brackets and the report's tables use it alike.</summary>
internal static class PValueText
{
    public static string Format(double p, PValueFormat format)
    {
        var value = Value(p, format);
        return format == PValueFormat.Stars && !double.IsNaN(p) ? value : value[0] is '<' or '>' ? "p " + value : "p = " + value;
    }

    /// <summary>The value alone, as a table cell prints it: "0.0073", "&lt; 0.001", "NA".</summary>
    public static string Value(double p, PValueFormat format)
    {
        if (double.IsNaN(p)) return "NA";
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), "a p-value is in [0, 1]");
        if (format == PValueFormat.Stars) return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "ns";
        if (format == PValueFormat.Bounded && p < 0.001) return "< 0.001";
        if (p < 0.0001) return "< 0.0001";
        if (p > 0.99) return "> 0.99";
        return TwoSignificant(p);
    }

    /// <summary>
    /// Two significant digits (0.0073, 0.34), with two exceptions: a value that would print as 0.050 while not being
    /// 0.05 keeps one more digit so the reader sees which side of 0.05 it lies (0.0496, 0.0504); and a value that
    /// rounds up into the next decade keeps the shorter form (0.0996 → 0.10, not 0.100).
    /// </summary>
    static string TwoSignificant(double p)
    {
        int magnitude = (int)Math.Floor(Math.Log10(p));
        int decimals = Math.Max(2, 1 - magnitude);
        double rounded = Math.Round(p, decimals, MidpointRounding.AwayFromZero);
        if (rounded >= Math.Pow(10, magnitude + 1) - 1e-12 && decimals > 2) decimals--;
        else if (Math.Abs(rounded - 0.05) < 1e-12 && p != 0.05) decimals++;
        return Math.Round(p, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
