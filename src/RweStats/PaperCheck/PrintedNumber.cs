using System.Globalization;

namespace RweStats.PaperCheck;

/// <summary>
/// A number as printed ("4,24", ".036", "1 040", "1.2 × 10-5"): its value and the interval of true values that print
/// so, half a unit of the last printed digit either side (a value exactly on the edge prints either way, half-up or
/// half-even rounding, so the interval is closed).
/// </summary>
public sealed record PrintedNumber(string Text, double Value, double Unit)
{
    /// <summary>Decimals printed (0 for integers and for a unit of 10 or more).</summary>
    public int Decimals => Math.Max(0, (int)Math.Round(-Math.Log10(Unit)));
    /// <summary>Lower edge of the rounding interval: value − unit/2.</summary>
    public double Low => Value - Unit / 2;
    /// <summary>Upper edge of the rounding interval: value + unit/2.</summary>
    public double High => Value + Unit / 2;
    /// <summary>
    /// Whether this number's true value is certainly above the other's when both were rounded by one rule. Adjacent
    /// printed values share an edge x: half-up prints x as the upper one, half-even as the one whose last digit is even,
    /// never as both; so this number is above once its lower edge reaches the other's upper edge.
    /// </summary>
    public bool CertainlyAbove(PrintedNumber other) => Low >= other.High - 1e-9 * Math.Min(Unit, other.Unit);

    /// <summary>True when printed without decimals and whole.</summary>
    public bool IsInteger => Unit >= 1 && Math.Abs(Value - Math.Round(Value)) < 1e-12;

    /// <summary>Whether a computed value prints as this number (closed rounding interval, with a hair of floating-point slack).</summary>
    public bool Admits(double x) => x >= Low - Unit * 1e-9 && x <= High + Unit * 1e-9;

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Parses a printed number. A comma is a decimal separator in a French text, and in an English one unless it is
    /// followed by exactly three digits after a non-zero integer part ("1,684" is a thousand separator there).
    /// </summary>
    public static PrintedNumber? Parse(string printed, bool french)
    {
        var t = printed.Trim().Replace(" ", "").Replace("\u2212", "-");
        double scale = 1;
        var sci = System.Text.RegularExpressions.Regex.Match(t, @"^(.*?)(?:[eE]|[×x\*]10\^?)(-?\d+)$");
        if (sci.Success)
        {
            scale = Math.Pow(10, int.Parse(sci.Groups[2].Value, NumberStyles.AllowLeadingSign, Inv));
            t = sci.Groups[1].Value;
        }
        int comma = t.IndexOf(',');
        if (comma >= 0)
        {
            bool thousands = !french && t.Length - comma - 1 == 3 && t.TrimStart('-')[0] != '0' && !t.Contains('.');
            t = thousands ? t.Replace(",", "") : t.Replace(',', '.');
        }
        if (!double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var v)) return null;
        int dot = t.IndexOf('.');
        int decimals = dot < 0 ? 0 : t.Length - dot - 1;
        return new PrintedNumber(printed.Trim(), v * scale, Math.Pow(10, -decimals) * scale);
    }

    /// <summary>The number as printed.</summary>
    public override string ToString() => Text;
    /// <summary>A value with at most <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Show(double x, int decimals = 4) => x.ToString("0." + new string('#', decimals), Inv);
}
