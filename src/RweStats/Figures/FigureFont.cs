using System.Buffers.Binary;

namespace RweStats.Figures;

/// <summary>
/// One shipped TrueType face (Fonts/*.ttf, embedded resources) with the metrics the layout needs: advance widths
/// from 'cmap' + 'hmtx', ascender and descender from 'hhea', all over 'head'.unitsPerEm (OpenType spec,
/// https://learn.microsoft.com/typography/opentype/spec/). The figures are laid out with these numbers and drawn
/// (<see cref="ScottPlotRenderer"/>) in these very bytes at unhinted linear advance widths, without kerning, so
/// PNG, SVG and PDF place text exactly where the layout measured it.
/// </summary>
public sealed class FigureFont
{
    readonly ushort[] _bmpAdvance; // advance width (font units) per BMP code point; cmap misses get glyph 0's advance
    readonly Dictionary<int, ushort> _astralAdvance;

    public string FamilyName { get; }
    public bool Bold { get; }
    /// <summary>The TTF file, as embedded in PDFs.</summary>
    public ReadOnlyMemory<byte> Data { get; }
    public int UnitsPerEm { get; }
    /// <summary>hhea ascender over unitsPerEm (DejaVu Sans: 1901/2048 ≈ 0.928), positive.</summary>
    public double Ascent { get; }
    /// <summary>hhea descender over unitsPerEm, as a positive number (DejaVu Sans: 483/2048 ≈ 0.236).</summary>
    public double Descent { get; }

    public FigureFont(string familyName, bool bold, byte[] ttf)
    {
        FamilyName = familyName;
        Bold = bold;
        Data = ttf;
        var tables = ReadTableDirectory(ttf);
        var head = Table(ttf, tables, "head");
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        var hhea = Table(ttf, tables, "hhea");
        Ascent = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]) / (double)UnitsPerEm;
        Descent = -BinaryPrimitives.ReadInt16BigEndian(hhea[6..]) / (double)UnitsPerEm;
        int numberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        var hmtx = tables.TryGetValue("hmtx", out var h) ? h.offset : throw new InvalidDataException("font has no 'hmtx' table");
        // Glyphs past numberOfHMetrics share the last advance width (monospaced tail).
        ushort Advance(int glyph) => BinaryPrimitives.ReadUInt16BigEndian(ttf.AsSpan(hmtx + 4 * Math.Min(glyph, numberOfHMetrics - 1)));

        var glyphOf = ReadCmap(Table(ttf, tables, "cmap"));
        _bmpAdvance = new ushort[0x10000];
        var notdef = Advance(0);
        Array.Fill(_bmpAdvance, notdef);
        _astralAdvance = new Dictionary<int, ushort>();
        foreach (var (codePoint, glyph) in glyphOf)
        {
            if (codePoint < 0x10000) _bmpAdvance[codePoint] = Advance(glyph);
            else _astralAdvance[codePoint] = Advance(glyph);
        }
    }

    /// <summary>Advance width of the text in points at the given size (no kerning, no shaping).</summary>
    public double Width(string text, double sizePt)
    {
        long units = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
                units += _astralAdvance.TryGetValue(cp, out var a) ? a : _bmpAdvance[0];
            }
            else units += _bmpAdvance[cp];
        }
        return units * sizePt / UnitsPerEm;
    }

    static Dictionary<string, (int offset, int length)> ReadTableDirectory(byte[] ttf)
    {
        var span = ttf.AsSpan();
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (int i = 0; i < numTables; i++)
        {
            var rec = span.Slice(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(rec[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(rec[12..]));
        }
        return tables;
    }

    static ReadOnlySpan<byte> Table(byte[] ttf, Dictionary<string, (int offset, int length)> tables, string tag) =>
        tables.TryGetValue(tag, out var t)
            ? ttf.AsSpan(t.offset, t.length)
            : throw new InvalidDataException($"font has no '{tag}' table");

    /// <summary>Code point → glyph from the Windows Unicode subtable: format 12 (3,10) when present, else format 4 (3,1).</summary>
    static List<(int codePoint, int glyph)> ReadCmap(ReadOnlySpan<byte> cmap)
    {
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int format4 = -1, format12 = -1;
        for (int i = 0; i < numTables; i++)
        {
            var rec = cmap.Slice(4 + 8 * i, 8);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(rec);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(rec[2..]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(rec[4..]);
            int format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            if (platform == 3 && encoding == 10 && format == 12) format12 = offset;
            else if ((platform == 3 && encoding == 1 || platform == 0) && format == 4 && format4 < 0) format4 = offset;
        }
        var map = new List<(int, int)>();
        if (format12 >= 0)
        {
            var sub = cmap[format12..];
            long groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
            for (int g = 0; g < groups; g++)
            {
                var grp = sub.Slice(16 + 12 * g, 12);
                long start = BinaryPrimitives.ReadUInt32BigEndian(grp), end = BinaryPrimitives.ReadUInt32BigEndian(grp[4..]);
                long glyph = BinaryPrimitives.ReadUInt32BigEndian(grp[8..]);
                for (long c = start; c <= end && c <= 0x10FFFF; c++) map.Add(((int)c, (int)(glyph + c - start)));
            }
            return map;
        }
        if (format4 < 0) throw new InvalidDataException("font has no Unicode cmap subtable (format 4 or 12)");
        var s = cmap[format4..];
        int segCount = BinaryPrimitives.ReadUInt16BigEndian(s[6..]) / 2;
        int endCodes = 14, startCodes = endCodes + 2 * segCount + 2, deltas = startCodes + 2 * segCount, rangeOffsets = deltas + 2 * segCount;
        for (int seg = 0; seg < segCount; seg++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(s[(endCodes + 2 * seg)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(s[(startCodes + 2 * seg)..]);
            int delta = BinaryPrimitives.ReadInt16BigEndian(s[(deltas + 2 * seg)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(s[(rangeOffsets + 2 * seg)..]);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    // idRangeOffset is relative to its own position in the idRangeOffset array.
                    int at = rangeOffsets + 2 * seg + rangeOffset + 2 * (c - start);
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(s[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) map.Add((c, glyph));
            }
        }
        return map;
    }
}

/// <summary>
/// The typeface every figure uses: DejaVu Sans regular and bold, shipped in the assembly (license:
/// Figures/Fonts/LICENSE.txt) so that layout and PDF output do not depend on the fonts a machine has.
/// Loaded once per process; immutable afterwards.
/// </summary>
public sealed class FigureFonts
{
    public const string FamilyName = "DejaVu Sans";

    static readonly Lazy<FigureFonts> Shared = new(() => new FigureFonts(
        new FigureFont(FamilyName, false, ReadResource("DejaVuSans.ttf")),
        new FigureFont(FamilyName, true, ReadResource("DejaVuSans-Bold.ttf"))));

    public static FigureFonts DejaVuSans => Shared.Value;

    public FigureFont Regular { get; }
    public FigureFont BoldFace { get; }

    FigureFonts(FigureFont regular, FigureFont bold) { Regular = regular; BoldFace = bold; }

    public FigureFont Face(bool bold) => bold ? BoldFace : Regular;

    public double Width(string text, TextStyle style) => Face(style.Bold).Width(text, style.SizePt);
    public double Ascent(TextStyle style) => Face(style.Bold).Ascent * style.SizePt;
    public double Descent(TextStyle style) => Face(style.Bold).Descent * style.SizePt;
    /// <summary>Height of the line box, ascender to descender.</summary>
    public double LineHeight(TextStyle style) => Ascent(style) + Descent(style);

    /// <summary>The text shortened with an ellipsis so that it is at most <paramref name="maxWidth"/> wide ("" if nothing fits).</summary>
    public string Fit(string text, TextStyle style, double maxWidth)
    {
        if (Width(text, style) <= maxWidth) return text;
        for (int n = text.Length - 1; n > 0; n--)
        {
            var candidate = text[..n].TrimEnd() + "…";
            if (Width(candidate, style) <= maxWidth) return candidate;
        }
        return "";
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
