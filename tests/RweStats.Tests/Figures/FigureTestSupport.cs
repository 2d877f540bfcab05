using RweStats.Figures;

namespace RweStats.Tests.Figures;

/// <summary>
/// PDFsharp 6.5 (AGPL-3.0 or commercial) needs the host to state its license before it writes anything; the tests
/// run it under the AGPL, which is how the project's own test process uses it. The library never does this itself.
/// </summary>
public static class PdfTestLicense
{
    static readonly Lazy<bool> Set = new(() => { PdfSharp.PdfSharpLicense.SetAgplLicense(); return true; });
    public static void Ensure() => _ = Set.Value;
}

/// <summary>A fact that is reported as skipped, not failed, when rsvg-convert (librsvg2-bin) is not on PATH.</summary>
public sealed class RsvgFactAttribute : FactAttribute
{
    public RsvgFactAttribute()
    {
        if (!PngConverter.IsAvailable) Skip = "rsvg-convert not on PATH (apt-get install librsvg2-bin)";
    }
}

public static class TempDir
{
    public static string Create(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rwestats-figures-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
