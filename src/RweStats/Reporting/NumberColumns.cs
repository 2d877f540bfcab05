using System.Globalization;

namespace RweStats.Reporting;

/// <summary>
/// How a column of numbers is printed in the manuscript tables and the terminal: one number of decimals per
/// column (never "26.57" above "27.459"), and decimal points under each other.
/// </summary>
public static class NumberColumns
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Decimals that show a column whose typical size is <paramref name="scale"/> with three significant digits
    /// (26.6, 6.21, 0.135, 162), never more than one decimal beyond the data's own (<paramref name="dataDecimals"/>:
    /// summaries of whole-number scores get one decimal) and never more than four.
    /// </summary>
    public static int Decimals(double scale, int dataDecimals = 4)
    {
        int bySize = scale > 0 && double.IsFinite(scale) ? 2 - (int)Math.Floor(Math.Log10(scale)) : 2;
        return Math.Clamp(Math.Min(bySize, dataDecimals + 1), 0, 4);
    }

    /// <summary>The decimals the data are recorded with: the smallest d ≤ 4 such that every value is a whole number of 10⁻ᵈ.</summary>
    public static int DataDecimals(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        for (int d = 0; d < 4; d++)
        {
            double f = Math.Pow(10, d);
            if (list.All(v => Math.Abs(v * f - Math.Round(v * f)) <= 1e-9 * Math.Max(1, Math.Abs(v * f)))) return d;
        }
        return 4;
    }

    /// <summary>
    /// The value with exactly <paramref name="decimals"/> decimals, halves rounded away from zero as tables in
    /// papers round them (16.25 → 16.3, where .NET's formatting gives 16.2); "NA" when it does not exist.
    /// </summary>
    public static string Fixed(double v, int decimals) =>
        double.IsFinite(v) ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(Inv), Inv) : "NA";

    /// <summary>Below this a p-value prints as "&lt; 1e-10": its digits are the tail of a t or F distribution
    /// far beyond what the model's assumptions support.</summary>
    public const double PValueFloor = 1e-10;

    /// <summary>
    /// A p-value as a reader compares it with a paper: three significant digits (0.219, 0.0339, 0.000113), below 10⁻⁴ in
    /// scientific notation (1.23e-07), "&lt; 1e-10" below <see cref="PValueFloor"/>, "NA" when it does not exist. The
    /// one form of the text report, the terminal tables and the reviewer's check (the JSON keeps every digit; figure
    /// brackets follow the journal's convention, <see cref="Figures.PValueText"/>).
    /// </summary>
    public static string PValue(double p)
    {
        if (!double.IsFinite(p)) return "NA";
        if (p < PValueFloor) return "< 1e-10";
        if (p < 1e-4) return p.ToString("0.00e-00", Inv);
        // Decimals for three significant digits; a value that rounds up into the next decade keeps three (0.09996 → 0.100).
        int magnitude = (int)Math.Floor(Math.Log10(p));
        int decimals = Math.Max(3, 2 - magnitude);
        if (decimals > 3 && Math.Round(p, decimals, MidpointRounding.AwayFromZero) >= Math.Pow(10, magnitude + 1)) decimals--;
        return Fixed(p, decimals);
    }

    /// <summary>
    /// The cells padded with spaces so that, right-aligned, their decimal points (the end of the integer part for a
    /// number without one) fall in the same place: "0.00011", "   6.9", "  14".
    /// </summary>
    public static IReadOnlyList<string> AlignDecimals(IReadOnlyList<string> cells)
    {
        static int Fraction(string c)
        {
            int dot = c.LastIndexOf('.');
            return dot < 0 ? 0 : c.Length - dot; // the point and the digits after it
        }
        int width = cells.Count == 0 ? 0 : cells.Max(Fraction);
        return cells.Select(c => c + new string(' ', width - Fraction(c))).ToList();
    }

    /// <summary>A class bound as written in a spec (0, 30, 30.001, 1000): the same style on both sides of every class.</summary>
    public static string Bound(double v) => v.ToString("0.######", Inv);
}
