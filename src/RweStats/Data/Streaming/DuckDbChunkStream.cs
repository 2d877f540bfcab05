using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using RweStats.Data.Sql;

namespace RweStats.Data.Streaming;

/// <summary>
/// A Parquet file streamed into <see cref="ChunkSums"/> through embedded DuckDB: DuckDB decodes the file, a row range
/// per query (several times faster than a .NET Parquet decoder), and hands over the model's columns in file order, chunk
/// by chunk (a streaming result: nothing is materialised), numeric columns cast to DOUBLE and the others to VARCHAR.
/// The chunks' vectors are read in place through DuckDB's C API (data pointer, validity mask, 16-byte string
/// headers), so no value becomes a .NET object. The cells follow the in-memory reader's rules
/// (<see cref="ParquetTableReader"/>): null and the empty text are missing, a NaN or an infinity is refused, a number used
/// as a label reads as its round-trip text.
/// </summary>
internal sealed class DuckDbChunkStream : ISubjectRowSource, IDisposable
{
    readonly string path;
    readonly string[] columns;
    readonly bool[] numeric;
    readonly long rows;
    /// <summary>The text columns whose every column chunk is dictionary-encoded (<see cref="DictionaryEncoded"/>).</summary>
    readonly HashSet<string> dictionaryEncoded;
    /// <summary>The one DuckDB database of the stream (schema, then every row range on a connection of its own): opening a
    /// database registers DuckDB's whole catalogue of functions, which a database per range repeated.</summary>
    readonly DuckDBConnection database;

    DuckDbChunkStream(string path, string[] columns, bool[] numeric, long rows, HashSet<string> dictionaryEncoded, DuckDBConnection database)
    {
        this.path = path; this.columns = columns; this.numeric = numeric; this.rows = rows; this.dictionaryEncoded = dictionaryEncoded;
        this.database = database;
    }

    public void Dispose() => database.Dispose();

    public string Label => path;
    public IReadOnlyList<string> Columns => columns;
    public bool IsNumeric(string column) => numeric[Array.IndexOf(columns, column)];
    public string Where(long position) => $"{path}: row {position + 1}";

    string Scan => $"read_parquet({SqlDialect.DuckDb.Literal(path)})";

    /// <summary>The file's columns and which hold numbers (from the Parquet schema, as DuckDB reads it).</summary>
    public static DuckDbChunkStream Open(string path)
    {
        long rows = ParquetTableReader.RequireConsistentFooter(path, out var metadata); // from the file's metadata, as for the choice to stream
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                // One thread: each range's query runs on the thread that reads it, in the file's row order within the range
                // (subjects stay grouped), and the other core takes another range.
                setup.CommandText = "SET threads = 1; SET preserve_insertion_order = true";
                setup.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM read_parquet({SqlDialect.DuckDb.Literal(path)}) LIMIT 0";
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var numbers = Enumerable.Range(0, reader.FieldCount).Select(i => PatternSumsQuery.IsNumeric(reader.GetFieldType(i))).ToArray();
            return new DuckDbChunkStream(path, names, numbers, rows, DictionaryEncoded(metadata), connection);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new RweStatsInputException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0].Trim()})");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The top-level columns whose every column chunk is dictionary-encoded: a dictionary page, and data pages of a
    /// dictionary encoding only (by the pages' encoding statistics where the writer gave them, else by the chunk's
    /// encodings, which then hold no PLAIN). DuckDB hands such a column over as a dictionary vector, on which it
    /// evaluates a function once per dictionary entry, not per row.
    /// </summary>
    internal static HashSet<string> DictionaryEncoded(Parquet.Meta.FileMetaData? metadata)
    {
        var dictionary = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in metadata?.RowGroups ?? [])
            foreach (var chunk in group.Columns ?? [])
            {
                if (chunk.MetaData is not { PathInSchema: [var name] } column) continue;
                static bool IsDictionary(Parquet.Meta.Encoding e) => e is Parquet.Meta.Encoding.PLAIN_DICTIONARY or Parquet.Meta.Encoding.RLE_DICTIONARY;
                bool encoded = column.DictionaryPageOffset is > 0 && (column.EncodingStats is { Count: > 0 } pages
                    ? pages.All(p => p.PageType is not (Parquet.Meta.PageType.DATA_PAGE or Parquet.Meta.PageType.DATA_PAGE_V2) || IsDictionary(p.Encoding))
                    : column.Encodings is { } encodings && encodings.Any(IsDictionary) && !encodings.Contains(Parquet.Meta.Encoding.PLAIN));
                (encoded ? dictionary : plain).Add(name);
            }
        dictionary.ExceptWith(plain);
        return dictionary;
    }

    const long MinRowsPerRange = 100_000;
    const int MaxRanges = 4;

    /// <summary>
    /// The rows in ranges of at least <see cref="MinRowsPerRange"/> rows (at most <see cref="MaxRanges"/>), each read by
    /// its own single-threaded DuckDB query (DuckDB skips the row groups outside a range of file_row_number) into its own
    /// chunk, as many at once as there are cores; the chunks are joined in file order (<see cref="StreamedPatternSums"/>).
    /// One query with DuckDB's threads would leave the .NET side, which adds the rows to the sums, on one core.
    /// </summary>

    public IReadOnlyList<ChunkSums>? Read(StreamPlan plan)
    {
        // Output columns: subject, time, coded classes, group, y, covariates, other required columns.
        var labels = new List<string> { plan.Subject, plan.Time };
        labels.AddRange(plan.CodedClasses);
        if (plan.Group is not null) labels.Add(plan.Group);
        var values = new List<string> { plan.Response };
        values.AddRange(plan.Covariates);
        var all = labels.Concat(values).Concat(plan.Other).ToArray();
        // A dictionary-encoded text column as concat(text): the same text, and an empty one for null, which the reader
        // takes as missing either way (Present). DuckDB evaluates concat once per dictionary entry, and its result has no
        // null, so copying the chunk into the streaming result copies the texts without their validity bits row by row
        // (with the benchmark cohort's four label columns, 59 instructions fewer per row, of about 530 for DuckDB's part of
        // a row). On a plain-encoded column concat runs per row, at a higher cost than the copy it saves, so those columns
        // are cast only.
        var select = all.Select(c => IsNumeric(c) ? $"CAST({SqlDialect.DuckDb.Identifier(c)} AS DOUBLE)"
            : dictionaryEncoded.Contains(c) ? $"concat(CAST({SqlDialect.DuckDb.Identifier(c)} AS VARCHAR))"
            : $"CAST({SqlDialect.DuckDb.Identifier(c)} AS VARCHAR)");
        // The number of ranges follows the file, never the machine: the ranges' sums are added in file order, so a file
        // gives the same bits on any number of cores. More ranges than cores also even out the cores' shares.
        int ranges = (int)Math.Clamp(rows / MinRowsPerRange, 1, MaxRanges);
        var chunks = new ChunkSums[ranges];
        try
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(ranges, Environment.ProcessorCount) }, k =>
            {
                long from = rows * k / ranges, to = rows * (k + 1) / ranges;
                // The first range starts at the file's first row and the last ends at its last: those bounds are not
                // compared (DuckDB compares file_row_number row by row, about 11 instructions a row per bound).
                var bounds = new List<string>();
                if (k > 0) bounds.Add($"file_row_number >= {from}");
                if (k < ranges - 1) bounds.Add($"file_row_number < {to}");
                string sql = bounds.Count == 0
                    ? $"SELECT {string.Join(", ", select)} FROM read_parquet({SqlDialect.DuckDb.Literal(path)})"
                    : $"SELECT {string.Join(", ", select)} FROM read_parquet({SqlDialect.DuckDb.Literal(path)}, file_row_number = true) " +
                      $"WHERE {string.Join(" AND ", bounds)}";
                chunks[k] = ReadRange(sql, from, plan, all, labels.Count);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is RweStatsInputException or SubjectsOutOfOrderException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
        return chunks;
    }

    ChunkSums ReadRange(string sql, long firstRow, StreamPlan plan, string[] all, int labelColumns)
    {
        var sums = new ChunkSums(plan.Shape, keepFirst: true, Where, plan.Subject, plan.Time, plan.Group, plan.AnySubjectOrder);
        // A connection of its own to the stream's database (its settings: one thread, insertion order).
        using var connection = database.Duplicate();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var statement) != DuckDBState.Success)
        {
            string error = NativeMethods.PreparedStatements.DuckDBPrepareError(statement);
            statement.Dispose();
            throw new RweStatsInputException($"{path}: {error.Split('\n')[0]}");
        }
        using (statement)
        {
            if (NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(statement, out var result) != DuckDBState.Success)
            {
                string error = NativeMethods.Query.DuckDBResultError(ref result);
                NativeMethods.Query.DuckDBDestroyResult(ref result);
                throw new RweStatsInputException($"{path}: {error.Split('\n')[0]}");
            }
            try
            {
                ReadChunks(result, firstRow, plan, all, labelColumns, sums);
                if (NativeMethods.Query.DuckDBResultError(ref result) is { Length: > 0 } failed)
                    throw new RweStatsInputException($"{path}: {failed.Split('\n')[0]}");
            }
            finally { NativeMethods.Query.DuckDBDestroyResult(ref result); }
        }
        sums.Finish();
        return sums;
    }

    /// <summary>
    /// The chunks of one range into its sums, a column at a time (each column's loop is short and predictable; row by
    /// row through every column cost several times as much): the rows with every required value, the first value that is
    /// not a finite number, the label ids, the rows that start a subject; then the rows go to the sums in file order, read
    /// in place (a subject's rows are copied only when it is kept or continues into the next chunk).
    /// </summary>
    unsafe void ReadChunks(DuckDBResult result, long firstRow, StreamPlan plan, string[] all, int labelColumns, ChunkSums sums)
    {
        int classes = plan.CodedClasses.Count, covariateCount = plan.Covariates.Count;
        int groupColumn = plan.Group is null ? -1 : 2 + classes, yColumn = labelColumns;
        var columns = all.Select(c => new Column(IsNumeric(c))).ToArray();
        // Each label column gets its ids from its own labels in this range's sums.
        var visitIds = new LabelColumn(sums.Visits);
        var classIds = sums.Classes.Select(ids => new LabelColumn(ids)).ToArray();
        var groupIds = new LabelColumn(sums.Groups);
        var subject = new SubjectColumn();
        int capacity = 0;
        bool[] present = [], startsSubject = [];
        int[] visits = [], groups = [];
        // The chunk's columns as the sums read them: a subject's rows are read in place when it closes (ChunkSums.RowAt).
        // The outcome and covariates are numbers (ModelColumns), so DOUBLE vectors.
        var rows = new ChunkColumns(classes, covariateCount);
        var codes = rows.Codes;
        long position = firstRow;
        while (true)
        {
            using var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(result);
            if (chunk.IsInvalid) break;
            int size = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (size == 0) break;
            if (size > capacity)
            {
                capacity = size;
                (present, startsSubject, visits, groups) = (new bool[size], new bool[size], new int[size], new int[size]);
                for (int k = 0; k < classes; k++) codes[k] = new int[size];
            }
            for (int c = 0; c < columns.Length; c++)
            {
                var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, c);
                columns[c].Data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
                columns[c].Validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            }
            // The first NaN or infinity in file order (then in column order) is the one reported, as the in-memory reader does.
            int badRow = size, badColumn = -1;
            for (int c = 0; c < columns.Length; c++)
            {
                int r = columns[c].FirstNotFinite(Math.Min(size, badRow));
                if (r < badRow) (badRow, badColumn) = (r, c);
            }
            if (badColumn >= 0) throw ColumnTyping.NotFinite(Where(position + badRow), all[badColumn], columns[badColumn].Number(badRow));
            Present(columns, yColumn, present, size);
            visitIds.Ids(columns[1], present, size, visits);
            for (int k = 0; k < classes; k++) classIds[k].Ids(columns[2 + k], present, size, codes[k]);
            if (groupColumn >= 0) groupIds.Ids(columns[groupColumn], present, size, groups);
            subject.Starts(columns[0], present, size, startsSubject);
            (rows.Visits, rows.Groups) = (visits, groups);
            rows.Y = (double*)columns[yColumn].Data;
            rows.YValidity = columns[yColumn].Validity;
            for (int k = 0; k < covariateCount; k++) rows.Covariates[k] = (nint)columns[yColumn + 1 + k].Data;
            rows.FirstPosition = position;
            sums.BeginChunk(rows);
            var subjectColumn = columns[0];
            for (int i = 0; i < size;)
            {
                if (!present[i]) sums.SkippedRow();
                else if (startsSubject[i]) sums.RowAt(subjectColumn.LabelBytes(i), i);
                else
                {
                    // The rows that continue this subject, in one call.
                    int end = i + 1;
                    while (end < size && present[end] && !startsSubject[end]) end++;
                    sums.RowsOfSameSubjectAt(i, end - i);
                    i = end;
                    continue;
                }
                i++;
            }
            sums.EndChunk();
            position += size;
        }
    }

    /// <summary>
    /// Which rows have every required cell, the outcome aside (a missing outcome is a visit not observed): a null, or an
    /// empty text, in any column leaves the row out. The label columns' lengths are read four rows at a time, every
    /// label column of those rows at once (a pass per column read and wrote every row's flag once per column), then
    /// the validity masks.
    /// </summary>
    static unsafe void Present(Column[] columns, int outcome, bool[] present, int size)
    {
        // Each label column's 16-byte string headers as uints: row i's length is at [4 i].
        var texts = stackalloc nint[columns.Length];
        int count = 0;
        for (int c = 0; c < columns.Length; c++)
            if (c != outcome && !columns[c].Numbers) texts[count++] = (nint)columns[c].Data;
        fixed (bool* p = present)
        {
            int i = 0;
            if (Vector128.IsHardwareAccelerated)
                for (; i + 4 <= size; i += 4)
                {
                    var empty = Vector128<uint>.Zero;
                    for (int k = 0; k < count; k++)
                    {
                        uint* length = (uint*)texts[k] + 4 * i;
                        empty |= Vector128.Equals(Vector128.Create(length[0], length[4], length[8], length[12]), Vector128<uint>.Zero);
                    }
                    // 1 where no length is 0, as four bools.
                    var keep = Vector128.AndNot(Vector128<uint>.One, empty);
                    var bytes = Vector128.Narrow(Vector128.Narrow(keep, keep), Vector128<ushort>.Zero);
                    *(uint*)(p + i) = bytes.AsUInt32().ToScalar();
                }
            for (; i < size; i++)
            {
                bool keep = true;
                for (int k = 0; k < count; k++) keep &= ((uint*)texts[k])[4 * i] != 0;
                p[i] = keep;
            }
        }
        for (int c = 0; c < columns.Length; c++)
            if (c != outcome) columns[c].ClearNulls(present, size);
    }

    /// <summary>
    /// What identifies a label without reading its text: a DOUBLE's bits, or a short VARCHAR's 16-byte header
    /// (duckdb_string_t: a 4-byte length, then the text inline up to 12 bytes; the bytes past the text are masked off,
    /// so whatever DuckDB leaves there does not matter). A longer text has no such key.
    /// </summary>
    readonly record struct LabelKey(ulong Low, ulong High)
    {
        public static LabelKey OfNumber(double v) => new((ulong)BitConverter.DoubleToInt64Bits(v), 0);

        /// <summary>A cell's key: a number's, or a text's (false for a text longer than 12 bytes).</summary>
        public static unsafe bool Of(Column column, int i, out LabelKey key)
        {
            if (!column.Numbers) return OfText((ulong*)column.Data + 2 * i, out key);
            key = OfNumber(((double*)column.Data)[i]);
            return true;
        }

        /// <summary>The key of a string header; false for a text longer than 12 bytes (kept out of line, no key).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe bool OfText(ulong* header, out LabelKey key)
        {
            ulong low = header[0], high = header[1];
            int length = (int)(uint)low;
            if (length > 12) { key = default; return false; }
            // Keep the length and the text's bytes: the first word holds the length and 4 bytes, the second 8 more.
            if (length < 4) low &= (1UL << (8 * (4 + length))) - 1;
            high = length <= 4 ? 0 : length >= 12 ? high : high & ((1UL << (8 * (length - 4))) - 1);
            key = new LabelKey(low, high);
            return true;
        }
    }

    /// <summary>
    /// A label column's ids in this range's labels, with the labels last met kept by their <see cref="LabelKey"/>: a
    /// visit column cycles through a few labels, an arm repeats over a subject's rows, so most rows are found without
    /// reading their text.
    /// </summary>
    sealed class LabelColumn(LabelIds ids)
    {
        const int Kept = 16;
        readonly LabelKey[] keys = new LabelKey[Kept];
        readonly int[] idOf = new int[Kept];
        // The slot met after each slot last time: a visit column's rows cycle through the visits in the same order.
        readonly int[] successor = [.. Enumerable.Repeat(-1, Kept)];
        // The last inline header (text of at most 12 bytes) met with each slot's label, as DuckDB wrote it: a row with the
        // very same 16 bytes has the same length and text, so the visit that follows the last one is found by two
        // compares. A length field of all ones matches no row.
        readonly ulong[] rawLow = [.. Enumerable.Repeat(ulong.MaxValue, Kept)], rawHigh = new ulong[Kept];
        int count, next, last = -1;

        public unsafe void Ids(Column column, bool[] present, int size, int[] into)
        {
            if (column.Numbers)
            {
                var values = (double*)column.Data;
                for (int i = 0; i < size; i++)
                    if (present[i]) into[i] = Id(LabelKey.OfNumber(values[i]), column, i);
                return;
            }
            var headers = (ulong*)column.Data;
            // A row whose 16-byte string header is the previous row's has its label (same length and inline text, or same
            // length, prefix and pointer): an arm or a sex repeats over a subject's rows. Before the first row, a length
            // field of all ones, which no row has. The flags and ids through pointers: the loop is most of the rows.
            ulong previousLow = ulong.MaxValue, previousHigh = 0;
            int previousId = -1;
            // The last slot in a local while the loop has it (the slow path reads and moves it).
            int lastSlot = last;
            fixed (bool* p = present)
            fixed (int* id = into, next = successor, slotId = idOf)
            fixed (ulong* nextLow = rawLow, nextHigh = rawHigh)
                for (int i = 0; i < size; i++)
                {
                    if (!p[i]) continue;
                    ulong low = headers[2 * i], high = headers[2 * i + 1];
                    if (low == previousLow && high == previousHigh) { id[i] = previousId; continue; }
                    (previousLow, previousHigh) = (low, high);
                    if (lastSlot >= 0 && next[lastSlot] is var after and >= 0 && nextLow[after] == low && nextHigh[after] == high)
                    {
                        id[i] = previousId = slotId[lastSlot = after];
                        continue;
                    }
                    last = lastSlot;
                    id[i] = previousId = Other(column, headers, i);
                    lastSlot = last;
                }
            last = lastSlot;
        }

        /// <summary>The id of a text row that is neither the previous row's label nor the one that followed the last label
        /// (out of line: the loop above keeps its registers).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        unsafe int Other(Column column, ulong* headers, int i)
        {
            if (!LabelKey.OfText(headers + 2 * i, out var key)) return ids.Id(column.LabelBytes(i));
            int id = Id(key, column, i);
            (rawLow[last], rawHigh[last]) = (headers[2 * i], headers[2 * i + 1]);
            return id;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        int Id(LabelKey key, Column column, int i)
        {
            if (last >= 0)
            {
                if (keys[last] == key) return idOf[last];
                int after = successor[last];
                if (after >= 0 && keys[after] == key) return idOf[last = after];
            }
            return Find(key, column, i);
        }

        int Find(LabelKey key, Column column, int i)
        {
            int slot = -1;
            for (int k = 0; k < count && slot < 0; k++)
                if (keys[k] == key) slot = k;
            if (slot < 0)
            {
                slot = next;
                keys[slot] = key; idOf[slot] = ids.Id(column.LabelBytes(i));
                rawLow[slot] = ulong.MaxValue; // the slot's old label's header is gone
                for (int k = 0; k < Kept; k++) if (successor[k] == slot) successor[k] = -1; // the slot's old label is gone
                successor[slot] = -1;
                next = (next + 1) % Kept;
                count = Math.Min(count + 1, Kept);
            }
            if (last >= 0) successor[last] = slot;
            last = slot;
            return idOf[slot];
        }
    }

    /// <summary>Which rows start a subject: the subject differs from the previous row read (in this chunk or the one before).</summary>
    sealed class SubjectColumn
    {
        LabelKey key;
        bool keyed, any;
        byte[] text = new byte[64]; // a long text subject's label (no key)
        int length;

        public unsafe void Starts(Column column, bool[] present, int size, bool[] starts)
        {
            // A row whose 16-byte string header is the previous row's of this chunk has its subject (same length and inline
            // text, or same length, prefix and pointer into this chunk's strings): most rows, a subject's rows after its first.
            // The previous row's header in locals; before the chunk's first row, a length field of all ones, which no row has.
            var headers = column.Numbers ? null : (ulong*)column.Data;
            ulong previousLow = ulong.MaxValue, previousHigh = 0;
            for (int i = 0; i < size; i++)
            {
                if (!present[i]) continue;
                if (headers != null)
                {
                    ulong low = headers[2 * i], high = headers[2 * i + 1];
                    if (low == previousLow && high == previousHigh)
                    {
                        starts[i] = false;
                        continue;
                    }
                    (previousLow, previousHigh) = (low, high);
                }
                bool hasKey = LabelKey.Of(column, i, out var k);
                bool same = any && (hasKey ? keyed && k == key : !keyed && column.LabelBytes(i).SequenceEqual(text.AsSpan(0, length)));
                starts[i] = !same;
                if (same) continue;
                (key, keyed, any) = (k, hasKey, true);
                if (!hasKey)
                {
                    var label = column.LabelBytes(i);
                    if (text.Length < label.Length) text = new byte[2 * label.Length];
                    label.CopyTo(text);
                    length = label.Length;
                }
            }
        }
    }

    /// <summary>One column of the current chunk: a DOUBLE or a VARCHAR vector, read in place.</summary>
    unsafe sealed class Column(bool numbers)
    {
        public void* Data;
        public ulong* Validity;
        public bool Numbers => numbers;
        readonly byte[] text = new byte[64];
        double lastNumber = double.NaN;
        int lastLength;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        bool Valid(int i) => Validity == null || (Validity[i >> 6] >> (i & 63) & 1) == 1;

        public double Number(int i) => ((double*)Data)[i];

        /// <summary>Clears the rows where this column is null (its empty texts are cleared by <see cref="Present"/>).</summary>
        public void ClearNulls(bool[] present, int size)
        {
            if (Validity != null)
                for (int w = 0, words = (size + 63) >> 6; w < words; w++)
                {
                    // A word of 64 valid rows (the usual case) clears nothing.
                    ulong valid = Validity[w];
                    if (valid == ulong.MaxValue) continue;
                    for (int i = w << 6, end = Math.Min(size, (w + 1) << 6); i < end; i++)
                        if ((valid >> (i & 63) & 1) == 0) present[i] = false;
                }
        }

        /// <summary>The first row (before <paramref name="size"/>) holding a NaN or an infinity (<see cref="ColumnTyping.IsNumber"/>), or size.</summary>
        public int FirstNotFinite(int size)
        {
            if (!numbers) return size;
            var values = (double*)Data;
            // Present or not: the usual chunk has no NaN or infinity, so the row by row search runs only when one is met.
            if (Estimation.SmallDense.AllFinite(new ReadOnlySpan<double>(values, size))) return size;
            for (int i = 0; i < size; i++)
                if (!ColumnTyping.IsNumber(values[i]) && Valid(i)) return i;
            return size;
        }

        /// <summary>A VARCHAR cell's bytes: duckdb_string_t is a 4-byte length, then 12 bytes inline, or a 4-byte prefix and a pointer.</summary>
        ReadOnlySpan<byte> Utf8(int i)
        {
            byte* s = (byte*)Data + 16 * i;
            int length = *(int*)s;
            return length <= 12 ? new ReadOnlySpan<byte>(s + 4, length) : new ReadOnlySpan<byte>(*(byte**)(s + 8), length);
        }

        /// <summary>The cell as a label: its text, or a number's round-trip text (as the in-memory table prints it).</summary>
        public ReadOnlySpan<byte> LabelBytes(int i)
        {
            if (!numbers) return Utf8(i);
            double v = Number(i);
            if (BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(lastNumber))
            {
                lastLength = NumberLabel.Format(v, text);
                lastNumber = v;
            }
            return text.AsSpan(0, lastLength);
        }
    }
}
