using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// The typeface every figure uses: DejaVu Sans regular and bold, shipped in the assembly (license:
/// Figures/Fonts/LICENSE.txt) and registered once with ScottPlot's font resolvers (first in the list, so a
/// "DejaVu Sans" installed on the machine is never used instead): no output depends on the fonts a machine has.
/// </summary>
public static class FigureFonts
{
    public const string FamilyName = "DejaVu Sans";

    sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == FamilyName && slant == FontSlant.Upright ? Typeface(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == FamilyName && !italic ? Typeface(bold) : null;
    }

    static readonly Lazy<byte[]> RegularData = new(() => ReadResource("DejaVuSans.ttf"));
    static readonly Lazy<byte[]> BoldData = new(() => ReadResource("DejaVuSans-Bold.ttf"));
    static readonly Lazy<SKTypeface> Regular = new(() => Load(RegularData.Value));
    static readonly Lazy<SKTypeface> Bold = new(() => Load(BoldData.Value));
    static readonly Lazy<bool> Registered = new(() =>
    {
        lock (Fonts.FontResolvers) Fonts.FontResolvers.Insert(0, new Resolver());
        return true;
    });

    /// <summary>The TrueType file of the face, as shipped.</summary>
    public static ReadOnlyMemory<byte> Data(bool bold) => bold ? BoldData.Value : RegularData.Value;

    static SKTypeface Load(byte[] ttf)
    {
        using var data = SKData.CreateCopy(ttf);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not load the shipped font {FamilyName}");
    }

    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>The shipped face (what the registered resolver gives ScottPlot for "DejaVu Sans").</summary>
    public static SKTypeface Typeface(bool bold)
    {
        EnsureRegistered();
        return bold ? Bold.Value : Regular.Value;
    }

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
