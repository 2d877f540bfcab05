using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// The typeface every figure uses: DejaVu Sans regular and bold, shipped in the assembly (license:
/// Figures/Fonts/LICENSE.txt) and registered once with ScottPlot's font resolvers (first in the list, so a
/// "DejaVu Sans" installed on the machine is never used instead): no output depends on the fonts a machine has.
/// </summary>
internal static class FigureFonts
{
    public const string FamilyName = "DejaVu Sans";

    /// <summary>Gives ScottPlot <paramref name="regular"/> or <paramref name="bold"/> for the font name <paramref name="name"/> (upright only).</summary>
    sealed class Resolver(string name, SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == name && slant == FontSlant.Upright ? (weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool isBold, bool italic) =>
            fontName == name && !italic ? (isBold ? bold : regular) : null;
    }

    /// <summary>Registers the faces of a font name with ScottPlot, before every resolver already there.</summary>
    public static void Register(string name, SKTypeface regular, SKTypeface bold)
    {
        lock (Fonts.FontResolvers) Fonts.FontResolvers.Insert(0, new Resolver(name, regular, bold));
    }

    static readonly Lazy<byte[]> RegularData = new(() => ReadResource("DejaVuSans.ttf"));
    static readonly Lazy<byte[]> BoldData = new(() => ReadResource("DejaVuSans-Bold.ttf"));
    static readonly Lazy<bool> Registered = new(() =>
    {
        Register(FamilyName, Load(RegularData.Value), Load(BoldData.Value));
        return true;
    });

    /// <summary>The TrueType file of the face, as shipped.</summary>
    public static ReadOnlyMemory<byte> Data(bool bold) => bold ? BoldData.Value : RegularData.Value;

    public static SKTypeface Load(byte[] ttf)
    {
        using var data = SKData.CreateCopy(ttf);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not load the font data of {FamilyName}");
    }

    public static void EnsureRegistered() => _ = Registered.Value;

    public static byte[] ReadResource(string fileName)
    {
        var name = "RweStats.Figures.Fonts." + fileName;
        using var stream = typeof(FigureFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the RweStats assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
