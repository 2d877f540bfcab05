using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RweStats.Data.Streaming;

/// <summary>
/// A CSV file streamed into <see cref="ChunkSums"/>: cut into chunks of whole lines, each read with its own buffer
/// (never the whole file), in parallel. Lines, fields and quotes are cut by <see cref="CsvSyntax"/>, and cells go through the CSV reader's own rules (<see cref="CsvCellReader"/>:
/// trimming, missing tokens, decimal comma; <see cref="NumberParsing"/>); a column is numeric when its first 1000 rows
/// are by the in-memory reader's rule (<see cref="ColumnTyping"/>: most cells are numbers), and a cell of a numeric
/// model column that is not a number is an error naming the line. A file with quoted fields, control characters or lone carriage returns is left to DuckDB's reader (null).
/// </summary>
internal sealed class CsvSubjectStream : ISubjectRowSource
{
    /// <summary>Bytes per chunk: small enough to balance two to eight cores, large enough that chunk ends are rare.</summary>
    public const int ChunkBytes = 8 << 20;
    const int GuessBytes = 1 << 20;

    readonly string path;
    readonly CsvDialect dialect;
    readonly byte separator;
    readonly string[] header;
    readonly bool[] numeric;
    readonly long bodyStart, length;
    readonly int chunkBytes;

    CsvSubjectStream(string path, CsvDialect dialect, byte separator, string[] header, bool[] numeric, long bodyStart, long length, int chunkBytes)
    {
        this.path = path; this.dialect = dialect; this.separator = separator; this.header = header; this.numeric = numeric;
        this.bodyStart = bodyStart; this.length = length; this.chunkBytes = chunkBytes;
    }

    public void Dispose() { } // the file is opened by each read

    public string Label => path;
    public IReadOnlyList<string> Columns => header;
    public bool IsNumeric(string column) => numeric[Array.IndexOf(header, column)];

    /// <summary>
    /// A text in a column its first rows made numeric: an error for --push-down; a file streamed only because it is large
    /// is read into memory instead, where the whole column decides its kind.
    /// </summary>
    internal sealed class ColumnTypeConflictException(RweStatsInputException error) : Exception(error.Message)
    {
        public RweStatsInputException Error { get; } = error;
    }

    public static CsvSubjectStream? Open(TableSource source, int chunkBytes)
    {
        string path = source.Path;
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        var first = new byte[(int)Math.Min(length, GuessBytes)];
        RandomAccess.Read(handle, first, 0);
        int bom = CsvSyntax.ByteOrderMark(first);
        var text = first.AsSpan(bom);
        // The guess reads whole lines only (the last line of the first megabyte may be cut).
        int lastNewline = text.LastIndexOf((byte)'\n');
        if (first.Length < length) text = lastNewline < 0 ? default : text[..(lastNewline + 1)];
        if (text.IndexOfAnyExcept(" \t\r\n"u8) < 0) return null; // the in-memory reader says what is wrong
        char delimiter = source.Dialect.Delimiter ?? CsvSyntax.DetectDelimiter(text);
        if (delimiter > 0x7F) return null;
        int headerEnd = text.IndexOf((byte)'\n');
        if (headerEnd < 0) return null;
        ReadOnlySpan<byte> body = text;
        if (CsvSyntax.HeaderNames(path, CsvSyntax.NextLine(ref body), (byte)delimiter) is not { } names) return null;
        var scratch = new byte[64];
        if (body.IndexOfAnyExcept(" \t\r\n"u8) < 0) return null; // header only: the in-memory reader's message
        // Numeric when most cells of the first 1000 rows are numbers (the in-memory reader's rule on the whole column).
        var tallies = names.Select(_ => new ColumnTyping.Tally()).ToArray();
        var cells = new CsvCellReader(source.Dialect);
        try
        {
            for (int rows = 0; rows < 1000 && !body.IsEmpty;)
            {
                var row = CsvSyntax.NextLine(ref body);
                if (CsvSyntax.IsBlank(row)) continue;
                rows++;
                bool quoted = row.Contains((byte)'"');
                for (int at = 0, field = 0; at <= row.Length && field < names.Length; field++)
                {
                    var cell = cells.Prepare(quoted ? CsvSyntax.QuotedField(row, (byte)delimiter, ref at, ref scratch) : CsvSyntax.PlainField(row, (byte)delimiter, ref at), out bool missing);
                    if (!missing) tallies[field].Add(cell);
                }
            }
        }
        catch (CsvSyntax.NotPlainException) { return null; }
        var numeric = tallies.Select(t => t.IsNumeric).ToArray();
        return new CsvSubjectStream(path, source.Dialect, (byte)delimiter, names, numeric, bom + headerEnd + 1, length, chunkBytes);
    }

    /// <summary>"file:line", the line counted only when a message needs it.</summary>
    public string Where(long position)
    {
        using var handle = File.OpenHandle(path);
        var buffer = new byte[1 << 20];
        long lines = 1;
        for (long at = 0; at < position;)
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, position - at)), at);
            if (read <= 0) break;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            at += read;
        }
        return $"{path}:{lines}";
    }

    public IReadOnlyList<ChunkSums>? Read(StreamPlan plan)
    {
        using var handle = File.OpenHandle(path);
        // Chunk ends: every chunkBytes, moved to the next line start.
        var starts = new List<long> { bodyStart };
        var probe = new byte[1 << 16];
        for (long at = bodyStart + chunkBytes; at < length; at += chunkBytes)
        {
            long next = -1;
            for (long p = Math.Max(at, starts[^1]); p < length && next < 0;)
            {
                int read = RandomAccess.Read(handle, probe, p);
                if (read <= 0) break;
                int nl = probe.AsSpan(0, read).IndexOf((byte)'\n');
                if (nl >= 0) next = p + nl + 1; else p += read;
            }
            if (next < 0 || next >= length) break;
            if (next > starts[^1]) starts.Add(next);
        }
        starts.Add(length);
        var chunks = new ChunkSums[starts.Count - 1];
        var roles = Roles(plan);
        try
        {
            Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => chunks[i] = ReadChunk(handle, starts[i], starts[i + 1], plan, roles));
        }
        catch (AggregateException e) when (e.InnerExceptions.Any(x => x is CsvSyntax.NotPlainException))
        {
            return null;
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is RweStatsInputException or SubjectsOutOfOrderException or ColumnTypeConflictException) is { } first)
        {
            // One line for the user (a bad row), or the signal that the subjects are out of order.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
        return chunks;
    }

    enum Role : byte { Subject, Time, Class, Group, Response, Covariate, Other }

    /// <summary>Per column, its roles (a column may be both a class of the model and the group, say).</summary>
    (Role role, int index)[][] Roles(StreamPlan plan)
    {
        var roles = header.Select(_ => new List<(Role, int)>()).ToArray();
        void Add(string column, Role role, int index) => roles[Array.IndexOf(header, column)].Add((role, index));
        Add(plan.Subject, Role.Subject, 0);
        Add(plan.Time, Role.Time, 0);
        Add(plan.Response, Role.Response, 0);
        for (int c = 0; c < plan.CodedClasses.Count; c++) Add(plan.CodedClasses[c], Role.Class, c);
        for (int k = 0; k < plan.Covariates.Count; k++) Add(plan.Covariates[k], Role.Covariate, k);
        if (plan.Group is not null) Add(plan.Group, Role.Group, 0);
        foreach (var o in plan.Other) Add(o, Role.Other, 0);
        return roles.Select(r => r.ToArray()).ToArray();
    }

    ChunkSums ReadChunk(SafeFileHandle handle, long from, long to, StreamPlan plan, (Role role, int index)[][] roles)
    {
        var sums = new ChunkSums(plan.Shape, keepFirst: true, Where, plan.Subject, plan.Time, plan.Group, plan.AnySubjectOrder);
        var cells = new CsvCellReader(dialect);
        int width = header.Length;
        var codes = new int[plan.CodedClasses.Count];
        var covariates = new double[plan.Covariates.Count];
        var subject = new byte[64];
        var unquoted = new byte[64];
        var ends = new int[width];
        // Per column, its roles as bits (Role values), for a repeated cell.
        var roleKinds = roles.Select(r => r.Aggregate(0, (bits, x) => bits | 1 << (int)x.role)).ToArray();
        var cellRead = new bool[width];
        var cellMissing = new bool[width];
        int previousRowStart = 0, previousRowLength = 0;
        bool previousCells = false, previousRowAdded = false;
        int previousVisit = -1, previousGroup = 0, subjectLength = -1;
        double previousY = double.NaN;
        // Buffers from the shared pool: a chunk's own megabyte each time was a large-object allocation per chunk, and the
        // collections of the large-object heap they set off.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(to - from, 1), 1 << 20));
        try
        {
            int carry = 0;
            long offset = from;
            while (offset < to || carry > 0)
            {
                int want = (int)Math.Min(buffer.Length - carry, to - offset);
                int read = want > 0 ? RandomAccess.Read(handle, buffer.AsSpan(carry, want), offset) : 0;
                offset += read;
                int filled = carry + read;
                bool atEnd = offset >= to;
                var data = buffer.AsSpan(0, filled);
                int end = atEnd ? filled : data.LastIndexOf((byte)'\n') + 1;
                if (end == 0)
                {
                    // A line longer than the buffer.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    data.CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    carry = filled;
                    continue;
                }
                var block = data[..end];
                // Nearly every block is printable ASCII without quotes: one search, instead of one per check below.
                bool ordinary = CsvSyntax.IsOrdinaryAscii(block);
                if (!ordinary && !CsvSyntax.IsPlainText(block)) throw new CsvSyntax.NotPlainException();
                if (!ordinary && !System.Text.Unicode.Utf8.IsValid(block))
                    throw new RweStatsInputException($"{path}: the file is not valid UTF-8; re-save it as UTF-8 (with or without BOM)");
                // Most files have no quote at all: one search per block instead of one per line.
                bool anyQuote = !ordinary && block.Contains((byte)'"');
                long blockStart = offset - filled;
                // The previous row's cells are this block's bytes: a new block (the buffer's bytes moved) has none.
                previousCells = false;
                for (ReadOnlySpan<byte> rest = block; !rest.IsEmpty;)
                {
                    int rowOffset = block.Length - rest.Length;
                    var row = CsvSyntax.NextLine(ref rest);
                    // A line that starts with a printable byte is not blank (nearly all): no search.
                    if ((row.Length > 0 && row[0] > (byte)' ') || !CsvSyntax.IsBlank(row))
                        ReadRow(row, blockStart + rowOffset, rowOffset, anyQuote && row.Contains((byte)'"'));
                }
                carry = filled - end;
                if (carry > 0) data[end..].CopyTo(buffer);
                if (atEnd) break;
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
        sums.Finish();
        return sums;

        // A cell whose bytes are the previous row's cell of its column (a subject's id, arm, sex and baseline repeat over its
        // rows) has what that cell gave: its ids and numbers are kept, not read again. The previous row's bytes are still in
        // the buffer (previousRowStart, previousRowLength): a field that ends, with its separator, within the two rows'
        // common prefix is the same bytes. Kept per column: whether it was read in the previous row (a row stops reading at
        // a missing required cell) and whether it was missing; per role, the id or number it gave. The same bytes always
        // give the same id, number or missing flag, so every sum is what reading the cell again gives.
        void ReadRow(ReadOnlySpan<byte> row, long position, int rowOffset, bool quoted)
        {
            int field = 0, visit = -1, group = 0;
            double y = double.NaN;
            bool present = true, sameSubject = false;
            // A line without quotes (nearly all) is cut into its fields at once; a quoted one field by field.
            int fields = quoted ? int.MaxValue : CsvSyntax.PlainFieldEnds(row, separator, ends);
            int common = -1; // cells ending before it are the previous row's (−1: none)
            if (previousCells && !quoted)
            {
                var previousRow = buffer.AsSpan(previousRowStart, previousRowLength);
                common = row.CommonPrefixLength(previousRow);
                if (common == row.Length && row.Length == previousRow.Length) common = row.Length + 1; // the same line
            }
            for (int at = 0; quoted ? at <= row.Length : field < fields; field++)
            {
                scoped ReadOnlySpan<byte> raw;
                int end = 0;
                if (quoted) raw = CsvSyntax.QuotedField(row, separator, ref at, ref unquoted);
                else
                {
                    if (field >= width) continue; // counted for the message below, not read
                    end = ends[field];
                    raw = row[at..end];
                    at = end + 1;
                }
                if (field >= width) continue;
                var columnRoles = roles[field];
                if (columnRoles.Length == 0) continue;
                if (!present) { cellRead[field] = false; continue; }
                bool missing;
                if (end < common && cellRead[field])
                {
                    // The column's roles as bits (no loop and switch per cell): a class's code and a covariate's value are in
                    // codes and covariates still.
                    int kinds = roleKinds[field];
                    missing = cellMissing[field];
                    if (missing) present &= kinds == 1 << (int)Role.Response;
                    else if (kinds != 0)
                    {
                        if ((kinds & 1 << (int)Role.Subject) != 0) sameSubject = true;
                        if ((kinds & 1 << (int)Role.Time) != 0) visit = previousVisit;
                        if ((kinds & 1 << (int)Role.Group) != 0) group = previousGroup;
                        if ((kinds & 1 << (int)Role.Response) != 0) y = previousY;
                    }
                }
                else
                {
                    var cell = cells.Prepare(raw, out missing);
                    foreach (var (role, index) in columnRoles)
                    {
                        if (missing)
                        {
                            if (role != Role.Response) present = false;
                            continue;
                        }
                        switch (role)
                        {
                            case Role.Subject:
                                if (subject.Length < cell.Length) subject = new byte[2 * cell.Length];
                                cell.CopyTo(subject);
                                subjectLength = cell.Length;
                                break;
                            case Role.Time: visit = sums.Visits.Id(cell); break;
                            case Role.Class: codes[index] = sums.Classes[index].Id(cell); break;
                            case Role.Group: group = sums.Groups.Id(cell); break;
                            case Role.Response: y = Number(cell, position, plan.Response, "the outcome"); break;
                            case Role.Covariate: covariates[index] = Number(cell, position, plan.Covariates[index], "a covariate"); break;
                        }
                    }
                }
                cellRead[field] = true;
                cellMissing[field] = missing;
            }
            if (field != width)
                throw new RweStatsInputException($"{Where(position)}: {field} fields where the header has {width}; check the separator ('{(char)separator}') and quoting");
            // A quoted row's cells are not in the buffer as they were read: the next row reads its cells.
            (previousCells, previousRowStart, previousRowLength) = (!quoted, rowOffset, row.Length);
            (previousVisit, previousGroup, previousY) = (visit, group, y);
            if (!present)
            {
                sums.SkippedRow();
                previousRowAdded = false;
                return;
            }
            // The previous row's subject cell, read and added: the subject the sums have open.
            if (sameSubject && previousRowAdded) sums.RowOfSameSubject(position, visit, group, codes, y, covariates);
            else sums.Row(subject.AsSpan(0, subjectLength), position, visit, group, codes, y, covariates);
            previousRowAdded = true;
        }

        double Number(ReadOnlySpan<byte> cell, long position, string column, string role) =>
            NumberParsing.TryParse(cell, out double v) ? v
                : throw new ColumnTypeConflictException(RweStatsInputException.About(ModelSetting.MissingTokens,
                    $"{Where(position)}: column '{column}' ({role}) holds the text '{Encoding.UTF8.GetString(cell)}' where its first rows hold numbers; " +
                    ColumnTyping.WaysOut(column, Encoding.UTF8.GetString(cell), canBeClass: role != "the outcome")));
    }
}
