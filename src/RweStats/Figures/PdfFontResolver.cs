using PdfSharp.Fonts;

namespace RweStats.Figures;

/// <summary>
/// Serves the shipped DejaVu Sans to PDFsharp, whose Core build finds no system fonts on Linux by design
/// ("you must provide your own custom font resolver", PDFsharp 6 GlobalFontSettings docs). The family is asked
/// for under a private name so that an application's own resolver for "DejaVu Sans" cannot swap in other metrics.
/// </summary>
public sealed class PdfFontResolver : IFontResolver
{
    public const string FamilyName = "RweStats DejaVu Sans";
    const string RegularFace = "RweStats#DejaVuSans";
    const string BoldFace = "RweStats#DejaVuSans-Bold";

    static readonly PdfFontResolver Instance = new();
    static readonly object RegistrationGate = new();

    PdfFontResolver() { }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, false, italic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => FigureFonts.DejaVuSans.Regular.Data.ToArray(),
        BoldFace => FigureFonts.DejaVuSans.BoldFace.Data.ToArray(),
        _ => null,
    };

    /// <summary>
    /// Makes PDFsharp resolve <see cref="FamilyName"/>. PDFsharp keeps its resolvers in process-wide settings that
    /// may be set only before first use, so this sets ours as the resolver if there is none, else as the fallback
    /// if that slot is free, and otherwise says plainly that the application must chain it.
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (RegistrationGate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance) || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, Instance))
                return;
            try
            {
                if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
                else if (GlobalFontSettings.FallbackFontResolver is null) GlobalFontSettings.FallbackFontResolver = Instance;
                else if (GlobalFontSettings.FontResolver.ResolveTypeface(FamilyName, false, false) is null)
                    throw new InvalidOperationException(NotRegistered);
            }
            catch (InvalidOperationException e) when (e.Message != NotRegistered)
            {
                throw new InvalidOperationException(NotRegistered + " PDFsharp said: " + e.Message, e);
            }
        }
    }

    const string NotRegistered =
        "PDF figures need PDFsharp to resolve the font family 'RweStats DejaVu Sans', but this application already set " +
        "both PDFsharp font resolvers; have one of them delegate that family to RweStats.Figures.PdfFontResolver.";

    /// <summary>The resolver instance, for applications that chain resolvers themselves.</summary>
    public static IFontResolver Shared => Instance;
}
