using System.Globalization;

namespace RweStats.Figures;

/// <summary>An opaque sRGB colour; transparency is a separate opacity on the stroke, fill or text.</summary>
public readonly record struct FigureColor(byte R, byte G, byte B)
{
    public static FigureColor Black => new(0, 0, 0);
    public static FigureColor White => new(255, 255, 255);

    /// <summary>"#RRGGBB", upper case, as the figure model writes it.</summary>
    public string Hex => "#" + R.ToString("X2", CultureInfo.InvariantCulture) + G.ToString("X2", CultureInfo.InvariantCulture) + B.ToString("X2", CultureInfo.InvariantCulture);

    public static FigureColor FromHex(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length != 6 || !int.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            throw new ArgumentException($"colour '{hex}' is not #RRGGBB", nameof(hex));
        return new((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public static FigureColor Grey(double level)
    {
        var b = (byte)Math.Round(Math.Clamp(level, 0, 1) * 255);
        return new(b, b, b);
    }
}

/// <summary>A line style. Width and dash lengths are in points; an empty dash list is a solid line.</summary>
public sealed record Stroke(FigureColor Color, double Width, double Opacity = 1)
{
    public IReadOnlyList<double> Dash { get; init; } = Array.Empty<double>();
    /// <summary>Round line ends (segments of one trajectory drawn one by one join without notches); else butt ends.</summary>
    public bool RoundCaps { get; init; }
    public static Stroke Solid(FigureColor color, double width, double opacity = 1) => new(color, width, opacity);
    public Stroke Dashed(params double[] dash) => this with { Dash = dash };
}

public sealed record Fill(FigureColor Color, double Opacity = 1);

/// <summary>Where the anchor point sits along the text's reading direction.</summary>
public enum TextAnchor { Start, Middle, End }

/// <summary>
/// Where the anchor point sits across the text: on the baseline, or at the top, middle or bottom of the font's
/// line box (hhea ascender to descender). The renderer draws every text on its baseline (<see cref="TextGeometry"/>
/// converts), so that the exact place does not depend on a renderer's idea of "middle" or "top".
/// </summary>
public enum TextBaseline { Alphabetic, Top, Middle, Bottom }

/// <summary>Text in the figure's shipped typeface (DejaVu Sans), regular or bold.</summary>
public sealed record TextStyle(double SizePt, bool Bold = false)
{
    public FigureColor Color { get; init; } = FigureColor.Black;
    public double Opacity { get; init; } = 1;
}
