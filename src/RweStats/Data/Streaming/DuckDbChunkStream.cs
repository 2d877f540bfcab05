using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using RweStats.Data.Sql;

namespace RweStats.Data.Streaming;

/// <summary>
/// A Parquet file streamed into <see cref="ChunkSums"/> through embedded DuckDB: DuckDB decodes the file with its own
/// threads (several times faster than a .NET Parquet decoder) and hands over the model's columns in file order, chunk
/// by chunk (a streaming result: nothing is materialised), numeric columns cast to DOUBLE and the others to VARCHAR.
/// The chunks' vectors are read in place through DuckDB's C API (data pointer, validity mask, 16-byte string
/// headers), so no value becomes a .NET object. The cells follow the in-memory reader's rules
/// (<see cref="ParquetTableReader"/>): null, NaN and the empty text are missing, an infinity is refused, a number used
/// as a label reads as its round-trip text.
/// </summary>
internal sealed class DuckDbChunkStream : ISubjectRowSource
{
    readonly string path;
    readonly string[] columns;
    readonly bool[] numeric;

    DuckDbChunkStream(string path, string[] columns, bool[] numeric)
    {
        this.path = path; this.columns = columns; this.numeric = numeric;
    }

    public string Label => path;
    public IReadOnlyList<string> Columns => columns;
    public bool IsNumeric(string column) => numeric[Array.IndexOf(columns, column)];
    public string Where(long position) => $"{path}: row {position + 1}";

    string Scan => $"read_parquet({SqlDialect.DuckDb.Literal(path)})";

    /// <summary>The file's columns and which hold numbers (from the Parquet schema, as DuckDB reads it).</summary>
    public static DuckDbChunkStream Open(string path)
    {
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet({SqlDialect.DuckDb.Literal(path)}) LIMIT 0";
        try
        {
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var numbers = Enumerable.Range(0, reader.FieldCount).Select(i => PatternSumsQuery.IsNumeric(reader.GetFieldType(i))).ToArray();
            return new DuckDbChunkStream(path, names, numbers);
        }
        catch (DuckDBException e)
        {
            throw new RweStatsInputException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0].Trim()})");
        }
    }

    /// <summary>
    /// The rows in as many ranges as there are cores, each read by its own single-threaded DuckDB query (DuckDB skips the
    /// row groups outside a range of file_row_number) into its own chunk, in parallel; the chunks are joined in file
    /// order (<see cref="StreamedPatternSums"/>). One query with DuckDB's threads would leave the .NET side, which adds
    /// the rows to the sums, on one core.
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
        var select = all.Select(c => IsNumeric(c) ? $"CAST({SqlDialect.DuckDb.Identifier(c)} AS DOUBLE)" : $"CAST({SqlDialect.DuckDb.Identifier(c)} AS VARCHAR)");
        long rows = ParquetTableReader.RowCount(path); // from the file's metadata, as for the choice to stream
        int ranges = (int)Math.Clamp(rows / 100_000, 1, Environment.ProcessorCount);
        var chunks = new ChunkSums[ranges];
        try
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = ranges }, k =>
            {
                long from = rows * k / ranges, to = rows * (k + 1) / ranges;
                string sql = $"SELECT {string.Join(", ", select)} FROM read_parquet({SqlDialect.DuckDb.Literal(path)}, file_row_number = true) " +
                             $"WHERE file_row_number >= {from} AND file_row_number < {to}";
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
        var sums = new ChunkSums(plan.Shape, keepFirst: true, Where, plan.Subject, plan.Time, plan.Group);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // One thread: the file's row order within the range (subjects stay grouped), and the other core for the other range.
            setup.CommandText = "SET threads = 1; SET preserve_insertion_order = true";
            setup.ExecuteNonQuery();
        }
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

    unsafe void ReadChunks(DuckDBResult result, long firstRow, StreamPlan plan, string[] all, int labelColumns, ChunkSums sums)
    {
        int classes = plan.CodedClasses.Count, covariateCount = plan.Covariates.Count;
        int groupColumn = plan.Group is null ? -1 : 2 + classes, yColumn = labelColumns;
        var cells = all.Select(c => new Cells(IsNumeric(c))).ToArray();
        var codes = new int[classes];
        var covariates = new double[covariateCount];
        var key = new byte[64];
        long position = firstRow;
        while (true)
        {
            using var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(result);
            if (chunk.IsInvalid) break;
            int size = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (size == 0) break;
            for (int c = 0; c < cells.Length; c++)
            {
                var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, c);
                cells[c].Data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
                cells[c].Validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            }
            for (int i = 0; i < size; i++, position++)
            {
                bool present = true;
                for (int c = 0; c < cells.Length && present; c++)
                    if (c != yColumn && cells[c].IsMissing(i)) present = false;
                if (!present) { sums.SkippedRow(); continue; }
                for (int c = yColumn; c < cells.Length; c++)
                    if (cells[c].IsInfinite(i))
                        throw new RweStatsInputException($"{Where(position)}: column '{all[c]}' holds an infinite value; RweStats reads finite numbers only");
                int keyLength = cells[0].Label(i, ref key);
                int visit = cells[1].Id(i, sums.Visits);
                for (int k = 0; k < classes; k++) codes[k] = cells[2 + k].Id(i, sums.Classes[k]);
                int group = groupColumn < 0 ? 0 : cells[groupColumn].Id(i, sums.Groups);
                double y = cells[yColumn].IsMissing(i) ? double.NaN : cells[yColumn].Number(i);
                for (int k = 0; k < covariateCount; k++) covariates[k] = cells[yColumn + 1 + k].Number(i);
                sums.Row(key.AsSpan(0, keyLength), position, visit, group, codes, y, covariates);
            }
        }
    }

    /// <summary>One column of the current chunk: a DOUBLE or a VARCHAR vector, read in place.</summary>
    unsafe sealed class Cells(bool numbers)
    {
        public void* Data;
        public ulong* Validity;
        readonly byte[] text = new byte[64];
        double lastNumber = double.NaN;
        int lastLength;

        bool Valid(int i) => Validity == null || (Validity[i >> 6] >> (i & 63) & 1) == 1;

        public bool IsMissing(int i) => !Valid(i) || (numbers ? double.IsNaN(((double*)Data)[i]) : Utf8(i).IsEmpty);

        public bool IsInfinite(int i) => numbers && Valid(i) && double.IsInfinity(((double*)Data)[i]);

        public double Number(int i) => ((double*)Data)[i];

        /// <summary>A VARCHAR cell's bytes: duckdb_string_t is a 4-byte length, then 12 bytes inline, or a 4-byte prefix and a pointer.</summary>
        ReadOnlySpan<byte> Utf8(int i)
        {
            byte* s = (byte*)Data + 16 * i;
            int length = *(int*)s;
            return length <= 12 ? new ReadOnlySpan<byte>(s + 4, length) : new ReadOnlySpan<byte>(*(byte**)(s + 8), length);
        }

        /// <summary>The cell as a label: its text, or a number's round-trip text (as the in-memory table prints it).</summary>
        ReadOnlySpan<byte> LabelBytes(int i)
        {
            if (!numbers) return Utf8(i);
            double v = Number(i);
            if (!v.Equals(lastNumber))
            {
                if (!v.TryFormat(text, out lastLength, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("a number's text is longer than 64 bytes");
                lastNumber = v;
            }
            return text.AsSpan(0, lastLength);
        }

        public int Id(int i, LabelIds ids) => ids.Id(LabelBytes(i));

        public int Label(int i, ref byte[] key)
        {
            var bytes = LabelBytes(i);
            if (key.Length < bytes.Length) key = new byte[2 * bytes.Length];
            bytes.CopyTo(key);
            return bytes.Length;
        }
    }
}
