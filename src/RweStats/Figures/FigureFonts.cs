using System.Collections.Concurrent;
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

    /// <summary>
    /// Font name → faces: the shipped faces, then each PDF's font subset (<see cref="FontSubset"/>). ScottPlot reads its
    /// list of font resolvers without a lock while figures are drawn side by side, so the list is changed once, here, and
    /// new names go into this table.
    /// </summary>
    static readonly ConcurrentDictionary<string, (SKTypeface Regular, SKTypeface Bold)> Faces = new();

    /// <summary>Gives ScottPlot the faces registered under a font name (upright only).</summary>
    sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            slant == FontSlant.Upright && Faces.TryGetValue(fontName, out var f) ? (weight >= FontWeight.SemiBold ? f.Bold : f.Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool isBold, bool italic) =>
            !italic && Faces.TryGetValue(fontName, out var f) ? (isBold ? f.Bold : f.Regular) : null;
    }

    /// <summary>Registers the faces of a font name with ScottPlot.</summary>
    public static void Register(string name, SKTypeface regular, SKTypeface bold) => Faces[name] = (regular, bold);

    static readonly byte[] RegularData = ReadResource("DejaVuSans.ttf"), BoldData = ReadResource("DejaVuSans-Bold.ttf");

    // The runtime runs a static constructor once, before the class is first used, whichever thread gets there first.
    static FigureFonts()
    {
        Register(FamilyName, Load(RegularData), Load(BoldData));
        lock (Fonts.FontResolvers) Fonts.FontResolvers.Insert(0, new Resolver());
    }

    /// <summary>The TrueType file of the face, as shipped.</summary>
    public static ReadOnlyMemory<byte> Data(bool bold) => bold ? BoldData : RegularData;

    public static SKTypeface Load(byte[] ttf)
    {
        using var data = SKData.CreateCopy(ttf);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not load the font data of {FamilyName}");
    }

    /// <summary>Nothing but that the class is initialised: its static constructor registers the shipped faces.</summary>
    public static void EnsureRegistered() { }

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
