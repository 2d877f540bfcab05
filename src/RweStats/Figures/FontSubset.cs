using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ScottPlot;
using SkiaSharp;

namespace RweStats.Figures;

/// <summary>
/// The shipped faces cut down to the characters a page draws, for its PDF: SkiaSharp's PDF back end embeds the whole
/// font file of a typeface (its build has no subsetter), 740 kB for the two DejaVu faces against some 20–90 kB for a
/// figure's drawing. HarfBuzz's subsetter (hb-subset, in the libHarfBuzzSharp that ships with SkiaSharp.HarfBuzz, MIT)
/// writes a face with just those glyphs, same metrics, which SkiaSharp then embeds. Each subset is registered with
/// ScottPlot under a name of its own ("DejaVu Sans 1a2b…"), as ScottPlot caches typefaces by name.
/// Where the native library lacks the subsetter, the whole faces are embedded, as before.
/// </summary>
internal static class FontSubset
{
    const string HarfBuzz = "libHarfBuzzSharp";
    const uint NoHinting = 1; // HB_SUBSET_FLAGS_NO_HINTING: hinting instructions serve screens at small sizes, not print

    [DllImport(HarfBuzz)] static extern IntPtr hb_blob_create(byte[] data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(HarfBuzz)] static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(HarfBuzz)] static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    /// <summary>The TrueType file of <paramref name="ttf"/> with only the glyphs of <paramref name="codePoints"/> (and .notdef); null if HarfBuzz cannot.</summary>
    public static byte[]? Subset(ReadOnlySpan<byte> ttf, IEnumerable<int> codePoints)
    {
        try
        {
            IntPtr blob = hb_blob_create(ttf.ToArray(), (uint)ttf.Length, 0, IntPtr.Zero, IntPtr.Zero); // HB_MEMORY_MODE_DUPLICATE: HarfBuzz keeps a copy
            IntPtr face = hb_face_create(blob, 0), input = hb_subset_input_create_or_fail(), subset = IntPtr.Zero;
            try
            {
                if (input == IntPtr.Zero) return null;
                var set = hb_subset_input_unicode_set(input);
                foreach (var cp in codePoints) hb_set_add(set, (uint)cp);
                hb_subset_input_set_flags(input, NoHinting);
                subset = hb_subset_or_fail(face, input);
                if (subset == IntPtr.Zero) return null;
                IntPtr result = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(result, out uint length);
                    if (length == 0) return null;
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, bytes.Length);
                    return bytes;
                }
                finally { hb_blob_destroy(result); }
            }
            finally
            {
                if (subset != IntPtr.Zero) hb_face_destroy(subset);
                if (input != IntPtr.Zero) hb_subset_input_destroy(input);
                hb_face_destroy(face);
                hb_blob_destroy(blob);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    /// <summary>Font names of the subsets made so far, by their characters (a subset is made and registered once per process).</summary>
    static readonly ConcurrentDictionary<string, string?> Names = new(StringComparer.Ordinal);

    /// <summary>
    /// The name under which ScottPlot finds DejaVu Sans cut down to the characters of <paramref name="texts"/>, or null when HarfBuzz
    /// cannot subset (the whole faces are then used).
    /// </summary>
    public static string? FontName(IEnumerable<string> texts)
    {
        var codePoints = new SortedSet<int> { ' ' };
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes()) codePoints.Add(rune.Value);
        var key = string.Concat(codePoints.Select(char.ConvertFromUtf32));
        return Names.GetOrAdd(key, _ =>
        {
            var regular = Subset(FigureFonts.Data(false).Span, codePoints);
            var bold = Subset(FigureFonts.Data(true).Span, codePoints);
            if (regular is null || bold is null) return null;
            var name = FigureFonts.FamilyName + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];
            FigureFonts.Register(name, FigureFonts.Load(regular), FigureFonts.Load(bold));
            return name;
        });
    }
}
