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

    /// <summary>Separator detected, '.' decimals, empty/NA/. missing.</summary>
    public static CsvDialect Default { get; } = new();
}

/// <summary>
/// Reads a CSV file into a <see cref="DataTable"/> (quoted fields, embedded separators, UTF-8 with or without BOM).
/// Errors name the file and line. Two readers, one result: a file without quotes, stray carriage returns or control
/// characters (every registry extract we have seen) is split into lines directly from its UTF-8 bytes, in fixed
/// chunks parsed in parallel; any other file, and any file where that reader meets something unusual (a row with the
/// wrong number of fields, say), is read by CsvHelper, which also writes the error. Both readers send every cell
/// through the same <see cref="CsvCellReader"/> (trimming, missing tokens, decimal comma, number or text), and a test
/// checks they give the same table on every CSV of the test corpus.
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads a CSV file.</summary>
    public static DataTable Read(string path, CsvDialect? dialect = null)
    {
        if (!File.Exists(path))
            throw new RweStatsInputException($"{path}: file not found");
        using var stream = File.OpenRead(path);
        return Read(stream, path, dialect ?? CsvDialect.Default);
    }

    /// <summary>Reads CSV text from a stream; <paramref name="source"/> names it in messages.</summary>
    public static DataTable Read(Stream stream, string source, CsvDialect dialect) => Read(stream, source, dialect, plainReader: true);

    /// <summary>Plain files are parsed in chunks of about this many bytes (whole lines), in parallel.</summary>
    internal const int ChunkBytes = 1 << 22;

    /// <param name="plainReader">false forces CsvHelper for every file (the tests compare the two readers).</param>
    /// <param name="chunkBytes">Chunk size of the plain reader (the tests use tiny chunks to cross chunk ends).</param>
    internal static DataTable Read(Stream stream, string source, CsvDialect dialect, bool plainReader, int chunkBytes = ChunkBytes)
    {
        // The file is checked and parsed as UTF-8 bytes: no UTF-16 copy of a registry-size file. It is held whole, so
        // its size is bounded by the largest .NET array (2 GB: about 7 million subjects × 10 visits of this kind).
        if (stream is FileStream { CanSeek: true } file)
        {
            if (file.Length > Array.MaxLength)
                throw RweStatsInputException.Naming(
                    $"{source}: the file is {file.Length / 1e9:F1} GB; RweStats reads CSV files up to {Array.MaxLength / 1e9:F1} GB into memory: fit it with {{PushDown}} (its rows streamed, never held in memory), split it (by subject) or keep only the columns the model uses");
            // Mapped, not copied: its pages are the operating system's file cache, read in a few large faults, where a copy
            // into a fresh array took a page fault per 4 kB and was a tenth of the CPU of a 10^4 × 6 fit (a 2 MB file).
            // Every cell the table keeps is copied out (texts, numbers), so the mapping ends with the read.
            if (file.Length > 0)
            {
                using var mapped = new MappedFile(file);
                return Read(mapped.Memory, source, dialect, plainReader, chunkBytes);
            }
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(new ReadOnlyMemory<byte>(memory.GetBuffer(), 0, (int)memory.Length), source, dialect, plainReader, chunkBytes);
    }

    /// <summary>Reads CSV text from its UTF-8 bytes (a byte-order mark first is skipped).</summary>
    static DataTable Read(ReadOnlyMemory<byte> bytes, string source, CsvDialect dialect, bool plainReader, int chunkBytes)
    {
        int start = CsvSyntax.ByteOrderMark(bytes.Span);
        var content = bytes[start..];
        if (!System.Text.Unicode.Utf8.IsValid(content.Span))
            throw new RweStatsInputException($"{source}: the file is not valid UTF-8; re-save it as UTF-8 (with or without BOM)");
        // ASCII text saved as UTF-16 without a byte-order mark is valid UTF-8 with a NUL after every character: the
        // header would read as "i\0d\0", and a column 'id' not be found. A NUL is never CSV text.
        if (content.Span[..Math.Min(content.Length, 1 << 16)].IndexOf((byte)0) >= 0)
            throw new RweStatsInputException($"{source}: the file holds NUL bytes: UTF-16 text without a byte-order mark, or not a text file; re-save it as UTF-8");
        int bom = content.Span.IndexOf("\uFEFF"u8);
        if (bom >= 0)
            throw new RweStatsInputException($"{source}:{content.Span[..bom].Count((byte)'\n') + 1}: a byte-order mark (U+FEFF) inside the file; remove it (files concatenated?)");
        if (content.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            throw new RweStatsInputException($"{source}: the file is empty; expected a header line and one row per subject x visit");

        char delimiter = dialect.Delimiter ?? CsvSyntax.DetectDelimiter(content.Span);
        var read = (plainReader ? ReadPlain(content, source, delimiter, dialect, chunkBytes) : null) ?? ReadWithCsvHelper(content, source, delimiter, dialect);
        var (header, columns, lines) = read;
        if (lines.Length == 0)
            throw new RweStatsInputException($"{source}: header only, no data rows");
        var table = new DataTable(source, header, columns, lines);
        return header[0].Length == 0 ? WithoutRowNames(table) : table;
    }

    /// <summary>
    /// A first column without a name holding distinct values is the row names R's write.csv writes by default
    /// (header <c>"",...</c>): dropped with a note, as R's read.csv(row.names = 1) reads the file. Any other unnamed
    /// column is refused by <see cref="CsvSyntax.CheckHeader"/>'s rule.
    /// </summary>
    static DataTable WithoutRowNames(DataTable table)
    {
        var names = table.Columns[0];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (name is null || !seen.Add(name))
                throw new RweStatsInputException($"{table.Source}:1: column 1 has an empty name and its cells are not distinct row names; give every column a name");
        return table.WithoutColumn(0, $"{table.Source}: the first column has no name and distinct values: row names (as R's write.csv writes them), not read");
    }

    static (string[] header, ColumnStorage[] columns, int[] lines) ReadWithCsvHelper(ReadOnlyMemory<byte> content, string source, char delimiter, CsvDialect dialect)
    {
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
        try
        {
            using var csv = CsvReader.Create(content, options);
            csv.ReadHeader();
            var header = csv.Headers.ToArray();
            if (header.Length == 0) throw new RweStatsInputException($"{source}: no header line");
            CsvSyntax.CheckHeader(source, header);
            var columns = header.Select(_ => new ColumnBuilder()).ToArray();
            var cells = new CsvCellReader(dialect);
            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                    throw new RweStatsInputException(
                        $"{source}:{line}: {csv.FieldCount} fields where the header has {header.Length}; check the separator ('{delimiter}') and quoting");
                for (int j = 0; j < header.Length; j++) cells.Add(columns[j], csv.GetSpan(j));
                lines.Add(line);
            }
            return (header, columns.Select(c => c.Build()).ToArray(), lines.ToArray());
        }
        catch (CsvFormatException e)
        {
            throw new RweStatsInputException($"{source}:{e.LineNumber}: malformed CSV ({FirstLine(e.Message)})");
        }
    }

    /// <summary>
    /// The plain-file reader: lines split on '\n' (a "\r\n" ending loses its '\r'), fields on the delimiter, blank
    /// lines skipped as CsvHelper skips them. The body is cut into fixed chunks of whole lines (same chunks whatever
    /// the number of cores), parsed in parallel straight into the final columns. Returns null when
    /// the file needs CsvHelper: quotes, a lone '\r', control characters, a header that is not plain, or a row with
    /// the wrong number of fields (CsvHelper then reports it).
    /// </summary>
    static (string[] header, ColumnStorage[] columns, int[] lines)? ReadPlain(ReadOnlyMemory<byte> content, string source, char delimiter, CsvDialect dialect, int chunkBytes)
    {
        var text = content.Span;
        if (delimiter > 0x7F || text.Contains((byte)'"') || !CsvSyntax.IsPlainText(text)) return null;
        int headerEnd = text.IndexOf((byte)'\n');
        if (headerEnd < 0) headerEnd = text.Length;
        byte separator = (byte)delimiter;
        var rest = text;
        if (CsvSyntax.HeaderNames(source, CsvSyntax.NextLine(ref rest), separator) is not { } header) return null;

        // Chunks of about chunkBytes ending at a line end; the file line each starts on, and the most rows it can
        // hold (its lines), which places its rows in the final columns before any chunk is read.
        int bodyStart = Math.Min(headerEnd + 1, text.Length);
        var chunks = new List<PlainChunk>();
        int lineNumber = 2, rowSlot = 0;
        for (int from = bodyStart; from < text.Length;)
        {
            int to = (int)Math.Min(text.Length, (long)from + chunkBytes);
            if (to < text.Length)
            {
                int newline = text[to..].IndexOf((byte)'\n');
                to = newline < 0 ? text.Length : to + newline + 1;
            }
            int newlines = text[from..to].Count((byte)'\n');
            int lines = newlines + (text[to - 1] == (byte)'\n' ? 0 : 1);
            chunks.Add(new PlainChunk(from, to, lineNumber, rowSlot, lines));
            lineNumber += newlines;
            rowSlot += lines;
            from = to;
        }

        // Column kinds are guessed from the first rows, then every chunk writes its cells straight into the final
        // columns (no per-chunk lists to join: at 10⁶ subjects that copy alone is half a gigabyte). A column guessed
        // numeric that meets a text further down is read again as text: the result is always what CsvHelper's reader gives.
        int width = header.Length;
        var numeric = GuessNumericColumns(content.Span[bodyStart..], separator, width, dialect);
        while (true)
        {
            var read = ReadChunks(content, chunks, rowSlot, separator, numeric, dialect);
            if (read is null) return null;
            if (read.Value.turnedText.Length == 0) return (header, read.Value.columns, read.Value.lines);
            foreach (var j in read.Value.turnedText) numeric[j] = false;
        }
    }

    /// <summary>A chunk of whole lines: byte range, first file line, and its rows' slots [FirstSlot, FirstSlot + Lines).</summary>
    readonly record struct PlainChunk(int From, int To, int FirstLine, int FirstSlot, int Lines);

    /// <summary>
    /// Numeric unless one of the first 1000 rows has a cell in it that is neither missing nor a number. A column guessed
    /// text is read as text, so the guess must only say "text" where CsvHelper's reader would too: blank lines are
    /// skipped, and a row with the wrong number of fields sends the whole file to CsvHelper anyway.
    /// </summary>
    static bool[] GuessNumericColumns(ReadOnlySpan<byte> body, byte separator, int width, CsvDialect dialect)
    {
        var numeric = Enumerable.Repeat(true, width).ToArray();
        var cells = new CsvCellReader(dialect);
        for (int rows = 0; rows < 1000 && !body.IsEmpty; rows++)
        {
            var row = CsvSyntax.NextLine(ref body);
            if (CsvSyntax.IsBlank(row)) { rows--; continue; } // skipped by both readers: says nothing of the columns
            for (int at = 0, field = 0; at <= row.Length && field < width; field++)
            {
                var cell = cells.Prepare(CsvSyntax.PlainField(row, separator, ref at), out bool missing);
                if (!missing && !NumberParsing.TryParse(cell, out _)) numeric[field] = false;
            }
        }
        return numeric;
    }

    /// <summary>
    /// Parses every chunk (in parallel) into columns of the given kinds. Null when a row is not plain (wrong field
    /// count); turnedText lists the numeric columns that met a text (the caller reads again with them as text).
    /// </summary>
    static (ColumnStorage[] columns, int[] lines, int[] turnedText)? ReadChunks(
        ReadOnlyMemory<byte> content, List<PlainChunk> chunks, int slots, byte separator, bool[] numeric, CsvDialect dialect)
    {
        int width = numeric.Length;
        var values = numeric.Select(n => n ? new double[slots] : null).ToArray();
        var texts = numeric.Select(n => n ? null : new string?[slots]).ToArray();
        var lines = new int[slots];
        var rowsRead = new int[chunks.Count];
        var originals = new RowTexts.Builder?[chunks.Count, width]; // by slot
        var turnedText = new bool[width];
        bool irregular = false;
        bool ReadChunk(int k)
        {
            var c = chunks[k];
            var chunk = content.Span[c.From..c.To];
            var cells = new CsvCellReader(dialect);
            var pools = new StringPool?[width]; // texts of text columns, and of numbers kept as written
            int slot = c.FirstSlot;
            for (int line = c.FirstLine; !chunk.IsEmpty; line++)
            {
                var row = CsvSyntax.NextLine(ref chunk);
                if (CsvSyntax.IsBlank(row)) continue;
                int field = 0;
                for (int at = 0; at <= row.Length; )
                {
                    var raw = CsvSyntax.PlainField(row, separator, ref at);
                    if (field == width) return false;
                    int j = field++;
                    var cell = cells.Prepare(raw, out bool missing);
                    if (values[j] is { } column)
                    {
                        if (missing) column[slot] = double.NaN;
                        else if (TryReadNumber(cell, out column[slot], out bool printsBack))
                        {
                            if (!printsBack) (originals[k, j] ??= new()).Add(slot, (pools[j] ??= new StringPool()).Get(cell));
                        }
                        else turnedText[j] = true;
                    }
                    else if (!missing) texts[j]![slot] = (pools[j] ??= new StringPool()).Get(cell);
                }
                if (field != width) return false;
                lines[slot++] = line;
            }
            rowsRead[k] = slot - c.FirstSlot;
            return true;
        }
        // A file of one chunk is read on this thread: starting the thread pool costs more than a small file's parse.
        if (chunks.Count == 1) irregular = !ReadChunk(0);
        else Parallel.For(0, chunks.Count, (k, state) =>
        {
            if (!ReadChunk(k)) { irregular = true; state.Stop(); }
        });
        if (irregular) return null;
        if (turnedText.Any(t => t)) return (Array.Empty<ColumnStorage>(), Array.Empty<int>(), Enumerable.Range(0, width).Where(j => turnedText[j]).ToArray());

        // Blank lines leave unused slots at the end of their chunk: close the gaps (in place, in file order).
        int rows = 0;
        var rowOfSlot = new int[chunks.Count]; // shift of each chunk's slots
        for (int k = 0; k < chunks.Count; k++)
        {
            int from = chunks[k].FirstSlot, count = rowsRead[k];
            rowOfSlot[k] = rows - from;
            if (from != rows)
            {
                Array.Copy(lines, from, lines, rows, count);
                for (int j = 0; j < width; j++)
                {
                    if (values[j] is { } v) Array.Copy(v, from, v, rows, count);
                    else Array.Copy(texts[j]!, from, texts[j]!, rows, count);
                }
            }
            rows += count;
        }
        if (rows != slots)
        {
            Array.Resize(ref lines, rows);
            for (int j = 0; j < width; j++)
            {
                if (values[j] is not null) Array.Resize(ref values[j], rows);
                else Array.Resize(ref texts[j], rows);
            }
        }
        var columns = new ColumnStorage[width];
        for (int j = 0; j < width; j++)
        {
            if (values[j] is null) { columns[j] = new TextStorage(texts[j]!); continue; }
            var kept = new RowTexts.Builder(Enumerable.Range(0, chunks.Count).Sum(k => originals[k, j]?.Count ?? 0));
            for (int k = 0; k < chunks.Count; k++) // in file order: the rows ascend
                if (originals[k, j] is { } o)
                    for (int e = 0; e < o.Count; e++) kept.Add(o.Row(e) + rowOfSlot[k], o.Text(e));
            columns[j] = new NumericStorage(values[j]!, kept.Build());
        }
        return (columns, lines, Array.Empty<int>());
    }

    /// <summary>
    /// Collects one column: as numbers while every cell reads as a finite number (the text of a cell that does not
    /// print back the same, e.g. "007" or "12.50", is kept), as pooled texts from the first cell that does not.
    /// Numbers cost 8 bytes a cell and no object for the collector to walk; that is what makes registry files fit.
    /// </summary>
    internal sealed class ColumnBuilder
    {
        List<double>? numbers = new();
        RowTexts.Builder? originals;
        List<string?>? cells;
        readonly StringPool pool = new();

        public void AddMissing()
        {
            if (numbers is not null) numbers.Add(double.NaN); else cells!.Add(null);
        }

        public void Add(ReadOnlySpan<byte> cell)
        {
            if (numbers is not null)
            {
                if (TryReadNumber(cell, out var v, out bool printsBack))
                {
                    if (!printsBack) (originals ??= new()).Add(numbers.Count, pool.Get(cell));
                    numbers.Add(v);
                    return;
                }
                ToText();
            }
            cells!.Add(pool.Get(cell));
        }

        /// <summary>A cell that is not a number: from here on the column is text, including what was read so far.</summary>
        void ToText()
        {
            var storage = new NumericStorage(numbers!.ToArray(), originals?.Build());
            cells = new List<string?>(numbers.Count * 2);
            for (int i = 0; i < numbers.Count; i++) cells.Add(storage.Text(i) is { } t ? pool.Get(t) : null);
            numbers = null;
            originals = null;
        }

        public ColumnStorage Build() => numbers is not null
            ? new NumericStorage(numbers.ToArray(), originals?.Build())
            : new TextStorage(cells!.ToArray());
    }

    /// <summary>
    /// A cell of a numeric column: its number, and whether the number prints back as the cell's text (when it does
    /// not, the caller keeps the text). False when the cell is not a finite number (the column is then text).
    /// </summary>
    static bool TryReadNumber(ReadOnlySpan<byte> cell, out double value, out bool printsBack)
    {
        printsBack = false;
        if (!NumberParsing.TryParse(cell, out value)) return false;
        printsBack = PrintsBackTheSame(cell, value);
        return true;
    }

    /// <summary>
    /// Whether the number prints back as this text (round-trip format), decided from the text's shape without
    /// formatting: plain decimals ("12", "-0.5", "25.115") with at most 15 significant digits, no leading or
    /// trailing zeros and a magnitude in [0.001, 10¹⁵). Anything else keeps its original text.
    /// </summary>
    static bool PrintsBackTheSame(ReadOnlySpan<byte> s, double v)
    {
        if (v == 0) return s.SequenceEqual("0"u8);
        double magnitude = Math.Abs(v);
        if (magnitude < 1e-3 || magnitude >= 1e15) return false;
        int i = s.Length > 0 && s[0] == '-' ? 1 : 0;
        if (i == s.Length) return false;
        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit((char)s[i])) i++;
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && s[intStart] == '0')) return false;
        int fracDigits = 0;
        if (i < s.Length)
        {
            if (s[i] != '.') return false;
            int fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i])) i++;
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

    /// <summary>
    /// One string per distinct cell text of a column (subject ids, visits and arms repeat on every row): fewer
    /// allocations and a smaller heap for the collector to walk. Stops pooling past a bound (a column of distinct numbers).
    /// </summary>
    internal sealed class StringPool
    {
        const int Limit = 1 << 20;
        readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
        char[] chars = new char[64];
        // The last few distinct cells' bytes and strings, most recent first: a subject's rows repeat its id, arm and
        // baseline values one after another, and a visit column cycles through a few labels.
        const int Recent = 8;
        readonly byte[][] recentUtf8 = new byte[Recent][];
        readonly int[] recentLength = new int[Recent];
        readonly string?[] recent = new string?[Recent];

        /// <summary>The pooled string of a UTF-8 cell (decoded into a reused buffer, not a new string, when pooled).</summary>
        public string Get(ReadOnlySpan<byte> utf8)
        {
            for (int r = 0; r < Recent && recent[r] is { } known; r++)
                if (utf8.SequenceEqual(recentUtf8[r].AsSpan(0, recentLength[r])))
                {
                    if (r > 0) MoveToFront(r);
                    return known;
                }
            if (chars.Length < utf8.Length) chars = new char[Math.Max(utf8.Length, 2 * chars.Length)];
            var s = Get(chars.AsSpan(0, System.Text.Encoding.UTF8.GetChars(utf8, chars)));
            // The oldest entry makes room at the front.
            var bytes = recentUtf8[Recent - 1] is { } old && old.Length >= utf8.Length ? old : new byte[Math.Max(utf8.Length, 32)];
            utf8.CopyTo(bytes);
            recentUtf8[Recent - 1] = bytes;
            recentLength[Recent - 1] = utf8.Length;
            recent[Recent - 1] = s;
            MoveToFront(Recent - 1);
            return s;
        }

        void MoveToFront(int r)
        {
            var (bytes, length, text) = (recentUtf8[r], recentLength[r], recent[r]);
            for (int i = r; i > 0; i--) (recentUtf8[i], recentLength[i], recent[i]) = (recentUtf8[i - 1], recentLength[i - 1], recent[i - 1]);
            (recentUtf8[0], recentLength[0], recent[0]) = (bytes, length, text);
        }

        public string Get(ReadOnlySpan<char> text)
        {
            var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var s)) return s;
            s = text.ToString();
            if (pool.Count < Limit) pool[s] = s;
            return s;
        }
    }

    /// <summary>A file mapped read-only into memory, its bytes seen as this manager's Memory until disposed.</summary>
    sealed unsafe class MappedFile : System.Buffers.MemoryManager<byte>
    {
        readonly System.IO.MemoryMappedFiles.MemoryMappedFile map;
        readonly System.IO.MemoryMappedFiles.MemoryMappedViewAccessor view;
        readonly byte* start;
        readonly int length;

        public MappedFile(FileStream file)
        {
            length = checked((int)file.Length);
            map = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(file, null, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            view = map.CreateViewAccessor(0, length, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            start = pointer + view.PointerOffset;
        }

        public override Span<byte> GetSpan() => new(start, length);
        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex);
        public override void Unpin() { }

        protected override void Dispose(bool disposing)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }

    static string FirstLine(string s) { int i = s.IndexOf('\n'); return (i < 0 ? s : s[..i]).Trim(); }
}
