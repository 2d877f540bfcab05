using System.Globalization;
using System.Text;
using CsvHelper;

namespace RweStats.Data;

/// <summary>How a delimited text file is written: separator, decimal mark and the tokens that mean "missing".</summary>
public sealed record CsvDialect
{
    /// <summary>Field separator; null means detect from the header line (',' or ';' or tab).</summary>
    public char? Delimiter { get; init; }
    /// <summary>'.' (default) or ',' for French/German exports; numbers are normalised to '.' on read.</summary>
    public char DecimalSeparator { get; init; } = '.';
    /// <summary>Cell texts read as missing. Defaults: empty, NA (R) and . (SAS).</summary>
    public IReadOnlySet<string> MissingTokens { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "", "NA", "." };

    public static CsvDialect Default { get; } = new();
}

/// <summary>
/// Reads a CSV file into a <see cref="DataTable"/> with CsvHelper (quoted fields, embedded separators,
/// UTF-8 with or without BOM). Errors name the file and line.
/// </summary>
public static class CsvTableReader
{
    public static DataTable Read(string path, CsvDialect? dialect = null)
    {
        if (!File.Exists(path))
            throw new RweStatsInputException($"{path}: file not found");
        using var stream = File.OpenRead(path);
        return Read(stream, path, dialect ?? CsvDialect.Default);
    }

    public static DataTable Read(Stream stream, string source, CsvDialect dialect)
    {
        // The file is checked and parsed as UTF-8 bytes: no UTF-16 copy of a registry-size file.
        byte[] bytes;
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var content = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        if (!System.Text.Unicode.Utf8.IsValid(content.Span))
            throw new RweStatsInputException($"{source}: the file is not valid UTF-8; re-save it as UTF-8 (with or without BOM)");
        int bom = content.Span.IndexOf("\uFEFF"u8);
        if (bom >= 0)
            throw new RweStatsInputException($"{source}:{content.Span[..bom].Count((byte)'\n') + 1}: a byte-order mark (U+FEFF) inside the file; remove it (files concatenated?)");
        if (content.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            throw new RweStatsInputException($"{source}: the file is empty; expected a header line and one row per subject x visit");

        char delimiter = dialect.Delimiter ?? DetectDelimiter(content.Span);
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var lines = new List<int>();
        string[] header;
        ColumnBuilder[] columns;
        try
        {
            using var csv = CsvReader.Create(content, options);
            csv.ReadHeader();
            header = csv.Headers.ToArray();
            if (header.Length == 0) throw new RweStatsInputException($"{source}: no header line");
            CheckHeader(source, header);
            columns = header.Select(_ => new ColumnBuilder()).ToArray();
            var missing = new HashSet<string>(dialect.MissingTokens, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            char[] buffer = new char[256];
            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                    throw new RweStatsInputException(
                        $"{source}:{line}: {csv.FieldCount} fields where the header has {header.Length}; check the separator ('{delimiter}') and quoting");
                for (int j = 0; j < header.Length; j++)
                {
                    // A UTF-8 field never decodes to more chars than it has bytes: size the buffer from the raw field.
                    int fieldBytes = csv.GetSpan(j).Length;
                    if (fieldBytes > buffer.Length) buffer = new char[Math.Max(fieldBytes, 2 * buffer.Length)];
                    int length = csv.GetChars(j, buffer);
                    var cell = buffer.AsSpan(0, length).Trim();
                    if (missing.Contains(cell)) { columns[j].AddMissing(); continue; }
                    if (dialect.DecimalSeparator == ',' && LooksLikeCommaDecimal(cell)) cell[cell.IndexOf(',')] = '.';
                    columns[j].Add(cell);
                }
                lines.Add(line);
            }
        }
        catch (CsvFormatException e)
        {
            throw new RweStatsInputException($"{source}:{e.LineNumber}: malformed CSV ({FirstLine(e.Message)})");
        }

        if (lines.Count == 0)
            throw new RweStatsInputException($"{source}: header only, no data rows");
        return new DataTable(source, header, columns.Select(c => c.Build()).ToArray(), lines.ToArray());
    }

    /// <summary>
    /// Collects one column: as numbers while every cell reads as a finite number (the text of a cell that does not
    /// print back the same, e.g. "007" or "12.50", is kept), as pooled texts from the first cell that does not.
    /// Numbers cost 8 bytes a cell and no object for the collector to walk; that is what makes registry files fit.
    /// </summary>
    sealed class ColumnBuilder
    {
        List<double>? numbers = new();
        Dictionary<int, string>? originals;
        List<string?>? cells;
        readonly StringPool pool = new();

        public void AddMissing()
        {
            if (numbers is not null) numbers.Add(double.NaN); else cells!.Add(null);
        }

        public void Add(ReadOnlySpan<char> cell)
        {
            if (numbers is not null)
            {
                if (NumberParsing.TryParse(cell, out var v))
                {
                    if (!PrintsBackTheSame(cell, v))
                        (originals ??= new())[numbers.Count] = cell.ToString();
                    numbers.Add(v);
                    return;
                }
                // Not a number: from here on the column is text, including what was read so far.
                var storage = new NumericStorage(numbers.ToArray(), originals);
                cells = new List<string?>(numbers.Count * 2);
                for (int i = 0; i < numbers.Count; i++) cells.Add(storage.Text(i) is { } t ? pool.Get(t) : null);
                numbers = null;
                originals = null;
            }
            cells!.Add(pool.Get(cell));
        }

        /// <summary>
        /// Whether the number prints back as this text (round-trip format), decided from the text's shape without
        /// formatting: plain decimals ("12", "-0.5", "25.115") with at most 15 significant digits, no leading or
        /// trailing zeros and a magnitude in [0.001, 10¹⁵). Anything else keeps its original text.
        /// </summary>
        static bool PrintsBackTheSame(ReadOnlySpan<char> s, double v)
        {
            if (v == 0) return s.SequenceEqual("0");
            double magnitude = Math.Abs(v);
            if (magnitude < 1e-3 || magnitude >= 1e15) return false;
            int i = s.Length > 0 && s[0] == '-' ? 1 : 0;
            if (i == s.Length) return false;
            int intStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            int intDigits = i - intStart;
            if (intDigits == 0 || (intDigits > 1 && s[intStart] == '0')) return false;
            int fracDigits = 0;
            if (i < s.Length)
            {
                if (s[i] != '.') return false;
                int fracStart = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                fracDigits = i - fracStart;
                if (i != s.Length || fracDigits == 0 || s[i - 1] == '0') return false;
            }
            int significant = intDigits + fracDigits;
            if (s[intStart] == '0')
            {
                // 0.00123: leading zeros of the fraction are not significant
                significant = fracDigits;
                for (int k = intStart + 2; k < s.Length && s[k] == '0'; k++) significant--;
            }
            return significant <= 15;
        }

        public ColumnStorage Build() => numbers is not null
            ? new NumericStorage(numbers.ToArray(), originals)
            : new TextStorage(cells!.ToArray());
    }

    /// <summary>
    /// One string per distinct cell text of a column (subject ids, visits and arms repeat on every row): fewer
    /// allocations and a smaller heap for the collector to walk. Stops pooling past a bound (a column of distinct numbers).
    /// </summary>
    sealed class StringPool
    {
        const int Limit = 1 << 20;
        readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

        public string Get(ReadOnlySpan<char> text)
        {
            var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var s)) return s;
            s = text.ToString();
            if (pool.Count < Limit) pool[s] = s;
            return s;
        }
    }

    static void CheckHeader(string source, string[] header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(header[j]))
                throw new RweStatsInputException($"{source}:1: column {j + 1} has an empty name; give every column a name");
            if (!seen.Add(header[j]))
                throw new RweStatsInputException($"{source}:1: column name '{header[j]}' appears twice; rename one of them");
        }
    }

    // "12,5" or "-0,25" or "1,5e3": one comma between digits and nothing else unusual.
    static bool LooksLikeCommaDecimal(ReadOnlySpan<char> s)
    {
        int comma = s.IndexOf(',');
        if (comma <= 0 || comma != s.LastIndexOf(',') || s.Contains('.')) return false;
        return char.IsDigit(s[comma - 1]) && comma + 1 < s.Length && char.IsDigit(s[comma + 1]);
    }

    static char DetectDelimiter(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOf((byte)'\n');
        var header = end < 0 ? text : text[..end];
        int commas = header.Count((byte)','), semis = header.Count((byte)';'), tabs = header.Count((byte)'\t');
        if (semis > commas && semis >= tabs) return ';';
        if (tabs > commas && tabs > semis) return '\t';
        return ',';
    }

    static string FirstLine(string s) { int i = s.IndexOf('\n'); return (i < 0 ? s : s[..i]).Trim(); }
}
