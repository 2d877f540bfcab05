using System.Buffers;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace RweStats.Data;

/// <summary>
/// How a CSV file's UTF-8 bytes are cut into lines, fields and header names, for both readers that split files
/// themselves: the in-memory <see cref="CsvTableReader"/> (its plain-file path) and the streamed
/// <see cref="Streaming.CsvSubjectStream"/>. What a cell then means (trimming, missing tokens, decimal comma, number or
/// text) is <see cref="CsvCellReader"/>'s, for every reader including CsvHelper's. Whatever is not plain (control
/// characters, a lone carriage return, a quote left open at a line end) is said so, and the file goes to a reader
/// that handles it.
/// </summary>
internal static class CsvSyntax
{
    /// <summary>The length of a UTF-8 byte-order mark at the start of the file (3), or 0.</summary>
    public static int ByteOrderMark(ReadOnlySpan<byte> start) => start.StartsWith("\uFEFF"u8) ? 3 : 0;

    /// <summary>Printable ASCII, tab and '\n', but no quote: what nearly every CSV file is byte for byte.</summary>
    static readonly SearchValues<byte> Ordinary =
        SearchValues.Create([(byte)'\t', (byte)'\n', .. Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b != '"').Select(b => (byte)b)]);

    /// <summary>
    /// Whether the text is printable ASCII, tabs and "\n" line ends only, without quotes: then it is plain
    /// (<see cref="IsPlainText"/>), valid UTF-8 and unquoted, found in one search instead of one per property.
    /// </summary>
    public static bool IsOrdinaryAscii(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(Ordinary) < 0;

    /// <summary>Whether the text has no control character but tab and line ends, and every '\r' ends a "\r\n".</summary>
    public static bool IsPlainText(ReadOnlySpan<byte> text) =>
        text.IndexOfAnyInRange((byte)0x00, (byte)0x08) < 0 && text.IndexOfAnyInRange((byte)0x0B, (byte)0x0C) < 0 &&
        text.IndexOfAnyInRange((byte)0x0E, (byte)0x1F) < 0 && text.IndexOf((byte)0x7F) < 0 &&
        text.Count((byte)'\r') == text.Count("\r\n"u8);

    /// <summary>The next line of <paramref name="text"/> without its end ("\n" or "\r\n"); <paramref name="text"/> moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> text)
    {
        int end = text.IndexOf((byte)'\n');
        var line = end < 0 ? text : text[..end];
        text = end < 0 ? default : text[(end + 1)..];
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    /// <summary>A line of spaces and tabs only (or empty): skipped by every reader, as CsvHelper skips it.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t"u8) < 0;

    /// <summary>
    /// The field at <paramref name="at"/> up to the next separator; <paramref name="at"/> moves past it, beyond the end
    /// of the line after its last field ("a,b," has three fields, the last empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> PlainField(ReadOnlySpan<byte> line, byte separator, ref int at)
    {
        var rest = line[at..];
        int end = rest.IndexOf(separator);
        if (end < 0) { at = line.Length + 1; return rest; }
        at += end + 1;
        return rest[..end];
    }

    /// <summary>
    /// The fields of a line without quotes at once (<see cref="PlainField"/> one at a time): the separators are found 16
    /// bytes at a time (the rest of a longer line in its last 16 bytes), and <paramref name="ends"/> gets where each field
    /// ends (the index of the separator after it, or the line's length for the last); field f runs from ends[f − 1] + 1
    /// (0 for the first) to ends[f]. Returns how many fields the line has, which may be more than <paramref name="ends"/>
    /// holds (only the first ends are written).
    /// </summary>
    public static int PlainFieldEnds(ReadOnlySpan<byte> line, byte separator, Span<int> ends)
    {
        int count = 0, i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var wanted = Vector128.Create(separator);
            ref byte start = ref MemoryMarshal.GetReference(line);
            for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
            {
                uint found = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), wanted).ExtractMostSignificantBits();
                for (; found != 0; found &= found - 1, count++)
                    if (count < ends.Length) ends[count] = i + BitOperations.TrailingZeroCount(found);
            }
            if (i < line.Length && line.Length >= Vector128<byte>.Count)
            {
                // The rest of the line in one more search: the line's last 16 bytes, those already searched shifted out.
                int last = line.Length - Vector128<byte>.Count;
                uint found = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)last), wanted).ExtractMostSignificantBits() >> (i - last);
                for (; found != 0; found &= found - 1, count++)
                    if (count < ends.Length) ends[count] = i + BitOperations.TrailingZeroCount(found);
                i = line.Length;
            }
        }
        for (; i < line.Length; i++)
            if (line[i] == separator)
            {
                if (count < ends.Length) ends[count] = i;
                count++;
            }
        if (count < ends.Length) ends[count] = line.Length;
        return count + 1;
    }

    /// <summary>Signals a line this tokenizer leaves to another reader (a quote left open, a quote inside a plain field).</summary>
    public sealed class NotPlainException : Exception;

    /// <summary>
    /// A field that may be quoted (RFC 4180, as R's write.csv writes texts): blanks around the quotes ignored, a doubled
    /// quote inside is one quote (unquoted into <paramref name="scratch"/>). A line the quotes leave open (a line break
    /// inside a field) or a quote inside an unquoted field throws <see cref="NotPlainException"/>.
    /// </summary>
    public static ReadOnlySpan<byte> QuotedField(ReadOnlySpan<byte> line, byte separator, ref int at, ref byte[] scratch)
    {
        int start = at;
        while (start < line.Length && (line[start] == (byte)' ' || line[start] == (byte)'\t')) start++;
        if (start >= line.Length || line[start] != (byte)'"')
        {
            var plain = PlainField(line, separator, ref at);
            if (plain.Contains((byte)'"')) throw new NotPlainException();
            return plain;
        }
        int length = 0;
        for (int i = start + 1; ; i++)
        {
            if (i >= line.Length) throw new NotPlainException(); // the quote stays open past the line
            if (line[i] == (byte)'"')
            {
                if (i + 1 < line.Length && line[i + 1] == (byte)'"') { Put(ref scratch, length++, (byte)'"'); i++; continue; }
                int after = i + 1;
                while (after < line.Length && (line[after] == (byte)' ' || line[after] == (byte)'\t')) after++;
                if (after < line.Length && line[after] != separator) throw new NotPlainException();
                at = after + 1;
                return scratch.AsSpan(0, length);
            }
            Put(ref scratch, length++, line[i]);
        }

        static void Put(ref byte[] buffer, int index, byte value)
        {
            if (index == buffer.Length) Array.Resize(ref buffer, 2 * buffer.Length);
            buffer[index] = value;
        }
    }

    /// <summary>
    /// The column names of a header line (quoted names unquoted), checked by <see cref="CheckHeader"/>; null when the
    /// line is blank or a name is not plain (it starts or ends with a non-ASCII character, whose trimming CsvHelper decides).
    /// </summary>
    public static string[]? HeaderNames(string source, ReadOnlySpan<byte> line, byte separator)
    {
        if (IsBlank(line)) return null;
        var names = new List<string>();
        var scratch = new byte[64];
        bool quoted = line.Contains((byte)'"');
        try
        {
            for (int at = 0; at <= line.Length;)
            {
                var name = (quoted ? QuotedField(line, separator, ref at, ref scratch) : PlainField(line, separator, ref at)).Trim(" \t"u8);
                if (name.Length > 0 && (name[0] >= 0x80 || name[^1] >= 0x80)) return null;
                names.Add(Encoding.UTF8.GetString(name));
            }
        }
        catch (NotPlainException) { return null; }
        CheckHeader(source, names.ToArray());
        return names.ToArray();
    }

    /// <summary>Every column named, once; the first may be unnamed (R's write.csv row names, dropped by the reader).</summary>
    public static void CheckHeader(string source, string[] header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
        {
            if (j == 0 && header.Length > 1 && header[0].Length == 0) continue;
            if (string.IsNullOrWhiteSpace(header[j]))
                throw new RweStatsInputException($"{source}:1: column {j + 1} has an empty name; give every column a name");
            if (!seen.Add(header[j]))
                throw new RweStatsInputException($"{source}:1: column name '{header[j]}' appears twice; rename one of them");
        }
    }

    /// <summary>The separator of the header line: ';' or tab when they outnumber commas (French and German exports), else ','.</summary>
    public static char DetectDelimiter(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOf((byte)'\n');
        var header = end < 0 ? text : text[..end];
        int commas = header.Count((byte)','), semis = header.Count((byte)';'), tabs = header.Count((byte)'\t');
        if (semis > commas && semis >= tabs) return ';';
        if (tabs > commas && tabs > semis) return '\t';
        return ',';
    }
}

/// <summary>
/// What every CSV cell goes through, whichever reader split the file (<see cref="CsvSyntax"/>, CsvHelper): trimmed of
/// white space (as <see cref="string.Trim()"/> does), compared with the missing tokens, its decimal comma turned into
/// a point when the dialect says so, then added to its column as a number or a text.
/// </summary>
internal sealed class CsvCellReader(CsvDialect dialect)
{
    readonly byte[][] missingTokens = dialect.MissingTokens.Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
    readonly int longestToken = LongestToken(dialect);

    // A loop, not Max(): LINQ's Max over ints is vector code the JIT compiles at every start (4 ms of a small file's read).
    static int LongestToken(CsvDialect dialect)
    {
        int longest = -1;
        foreach (var token in dialect.MissingTokens) longest = Math.Max(longest, Encoding.UTF8.GetByteCount(token));
        return longest;
    }
    byte[] scratch = new byte[64];

    /// <summary>The cell as it is read: trimmed, decimal comma made a point; missing when it is a missing token.</summary>
    public ReadOnlySpan<byte> Prepare(ReadOnlySpan<byte> raw, out bool missing)
    {
        // ASCII white space is at most 0x20: a cell starting and ending above it (nearly all) needs no trimming.
        var cell = raw.Length > 0 && raw[0] > 0x20 && raw[^1] > 0x20 ? raw : raw.Trim(" \t\n\v\f\r"u8);
        if (cell.Length > 0 && (cell[0] >= 0x80 || cell[^1] >= 0x80)) cell = TrimUnicode(cell);
        missing = false;
        if (cell.Length <= longestToken) // most cells are longer than every missing token ("", NA, .)
            foreach (var token in missingTokens)
                if (cell.SequenceEqual(token)) { missing = true; return cell; }
        if (dialect.DecimalSeparator == ',' && ColumnTyping.HasCommaDecimalShape(cell))
        {
            var copy = Scratch(cell.Length);
            cell.CopyTo(copy);
            copy[cell.IndexOf((byte)',')] = (byte)'.';
            cell = copy;
        }
        return cell;
    }

    public void Add(CsvTableReader.ColumnBuilder column, ReadOnlySpan<byte> raw)
    {
        var cell = Prepare(raw, out bool missing);
        if (missing) column.AddMissing(); else column.Add(cell);
    }

    /// <summary>Non-ASCII white space at an end of the cell (no-break space, ideographic space...): trimmed as text.</summary>
    ReadOnlySpan<byte> TrimUnicode(ReadOnlySpan<byte> cell)
    {
        var trimmed = Encoding.UTF8.GetString(cell).Trim();
        var target = Scratch(Encoding.UTF8.GetMaxByteCount(trimmed.Length));
        return target[..Encoding.UTF8.GetBytes(trimmed, target)];
    }

    Span<byte> Scratch(int length)
    {
        if (scratch.Length < length) scratch = new byte[Math.Max(length, 2 * scratch.Length)];
        return scratch.AsSpan(0, length);
    }
}
