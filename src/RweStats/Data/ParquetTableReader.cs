using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace RweStats.Data;

/// <summary>
/// Reads a Parquet file (any row-group count, the encodings and compressions Parquet.Net 6 reads: plain, dictionary,
/// RLE, delta; snappy, gzip, zstd, brotli, lz4) into a <see cref="DataTable"/>. Numeric columns (integers, floats,
/// decimals) become numbers, nulls missing; text columns texts (pooled, a null is missing); dates and other logical types
/// their invariant text (ISO dates). Nested or repeated columns are refused: a model table is flat. Rows are numbered
/// from 1 in file order.
/// </summary>
public sealed class ParquetTableReader : ITableReader
{
    /// <summary>The reader (it keeps no state).</summary>
    public static readonly ParquetTableReader Instance = new();

    /// <inheritdoc/>
    public DataTable Read(TableSource source) => Read(source.Path);

    /// <summary>Reads a Parquet file.</summary>
    public static DataTable Read(string path)
    {
        RequireConsistentFooter(path);
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not RweStatsInputException and not OutOfMemoryException)
        {
            throw new RweStatsInputException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0].Trim()})");
        }
    }

    /// <summary>The number of rows, from the file's metadata (nothing decoded); 0 for a file that is not readable Parquet.</summary>
    public static long RowCount(string path)
    {
        try
        {
            return RequireConsistentFooter(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0; // the reader that reads it says what is wrong
        }
    }

    /// <summary>
    /// A Parquet file ends with its footer's length (4 bytes, little-endian) and "PAR1": a length the file cannot hold
    /// is a corrupt or lying file, refused before a buffer of that size is asked for (0x7fffffff was an
    /// OutOfMemoryException). Returns where the data end (the footer's first byte).
    /// </summary>
    static long RequireFooterInFile(string path)
    {
        using var stream = File.OpenRead(path);
        long length = stream.Length;
        Span<byte> tail = stackalloc byte[8];
        if (length >= 12)
        {
            stream.Seek(-8, SeekOrigin.End);
            stream.ReadExactly(tail);
        }
        if (length < 12 || !tail[4..].SequenceEqual("PAR1"u8))
            throw new RweStatsInputException($"{path}: not a readable Parquet file (it does not end with the Parquet magic \"PAR1\": truncated, or of another format)");
        long footer = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footer > length - 12)
            throw new RweStatsInputException($"{path}: the Parquet footer claims {footer} bytes but the file has {length}; the file is truncated or corrupt");
        return length - 8 - footer;
    }

    /// <summary>
    /// Refuses a Parquet file whose footer does not fit its data, before anything is decoded or allocated by its
    /// claims (a 3 KB file claiming 2^40 rows was decoded for minutes): every path that reads Parquet, in memory,
    /// streamed or through DuckDB, calls it first. Returns the file's number of rows.
    /// </summary>
    public static long RequireConsistentFooter(string path) => RequireConsistentFooter(path, out _);

    /// <summary>As <see cref="RequireConsistentFooter(string)"/>, with the footer read (null for a file without one).</summary>
    public static long RequireConsistentFooter(string path, out Parquet.Meta.FileMetaData? metadata)
    {
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        long dataEnd = RequireFooterInFile(path);
        try
        {
            var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
            metadata = reader.Metadata;
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not RweStatsInputException and not OutOfMemoryException)
        {
            throw new RweStatsInputException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0].Trim()})");
        }
        if (metadata is null) return 0;
        RequireConsistent(path, metadata, dataEnd);
        return metadata.NumRows; // the row groups' rows, which RequireConsistent checked add up to it
    }

    /// <summary>
    /// The footer's claims checked against the file (Parquet format specification, FileMetaData/RowGroup/ColumnMetaData):
    /// the row groups' rows add up to the file's; each column chunk lies between the leading "PAR1" and the footer; a
    /// chunk holds at least one value (or null) per row of its row group (num_values counts the nulls); and no more
    /// values than its pages can count: a data page header takes at least 8 bytes and counts at most 2^31 − 1 values.
    /// </summary>
    static void RequireConsistent(string path, Parquet.Meta.FileMetaData metadata, long dataEnd)
    {
        string Corrupt(string what) => $"{path}: the Parquet footer {what}; the file is corrupt or was altered";
        long rows = 0;
        var groups = metadata.RowGroups ?? [];
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (group.NumRows < 0) throw new RweStatsInputException(Corrupt($"claims {group.NumRows} rows in row group {g + 1}"));
            rows += group.NumRows;
            foreach (var chunk in group.Columns ?? [])
            {
                if (chunk.MetaData is not { } column) continue; // an encrypted or external chunk: Parquet.Net says what it cannot read
                string name = string.Join(".", column.PathInSchema ?? []);
                long start = column.DictionaryPageOffset is > 0 and var dictionary ? Math.Min(dictionary, column.DataPageOffset) : column.DataPageOffset;
                if (start < 4 || column.TotalCompressedSize < 0 || start > dataEnd - column.TotalCompressedSize)
                    throw new RweStatsInputException(Corrupt(
                        $"places column '{name}' of row group {g + 1} at bytes {start} to {start + column.TotalCompressedSize}, outside the {dataEnd} bytes of data before it"));
                if (column.NumValues < group.NumRows)
                    throw new RweStatsInputException(Corrupt(
                        $"claims {group.NumRows} rows in row group {g + 1} but column '{name}' holds {column.NumValues} values"));
                if (column.NumValues / (double)int.MaxValue > column.TotalCompressedSize / 8.0)
                    throw new RweStatsInputException(Corrupt(
                        $"claims {column.NumValues} values of column '{name}' in row group {g + 1}, more than its {column.TotalCompressedSize} bytes can hold"));
            }
        }
        if (rows != metadata.NumRows)
            throw new RweStatsInputException(Corrupt($"claims {metadata.NumRows} rows but its row groups hold {rows}"));
    }

    static async Task<DataTable> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        if (reader.Schema.Fields.Any(f => f.SchemaType != SchemaType.Data) || fields.Any(f => f.IsArray || f.MaxRepetitionLevel > 0))
            throw new RweStatsInputException($"{path}: the Parquet schema has nested or repeated columns; RweStats reads flat tables (one value per column and row)");
        if (fields.Length == 0) throw new RweStatsInputException($"{path}: the Parquet file has no columns");
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            total += rg.RowCount;
        }
        if (total == 0) throw new RweStatsInputException($"{path}: the Parquet file has no rows");
        if (total > Array.MaxLength) throw new RweStatsInputException($"{path}: {total} rows; RweStats holds at most {Array.MaxLength} rows in memory");
        int n = (int)total;
        var columns = fields.Select(f => Column.For(f, n, path)).ToArray();
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int count = checked((int)rg.RowCount);
            foreach (var c in columns) await c.ReadAsync(rg, offset, count);
            offset += count;
        }
        var names = fields.Select(f => f.Name).ToArray();
        var duplicate = names.GroupBy(x => x).FirstOrDefault(x => x.Count() > 1);
        if (duplicate is not null) throw new RweStatsInputException($"{path}: column '{duplicate.Key}' appears twice");
        return new DataTable(path, names, columns.Select(c => c.Storage()).ToArray(), Enumerable.Range(1, n).ToArray()) { RowWord = "row" };
    }

    /// <summary>One column being filled row group by row group.</summary>
    abstract class Column(DataField field)
    {
        protected DataField Field { get; } = field;
        public abstract Task ReadAsync(ParquetRowGroupReader rg, int offset, int count);
        public abstract ColumnStorage Storage();

        public static Column For(DataField f, int n, string path)
        {
            var t = f.ClrType;
            if (t == typeof(double)) return new Numbers<double>(f, n, path);
            if (t == typeof(float)) return new Numbers<float>(f, n, path);
            if (t == typeof(int)) return new Numbers<int>(f, n, path);
            if (t == typeof(long)) return new Numbers<long>(f, n, path);
            if (t == typeof(short)) return new Numbers<short>(f, n, path);
            if (t == typeof(sbyte)) return new Numbers<sbyte>(f, n, path);
            if (t == typeof(byte)) return new Numbers<byte>(f, n, path);
            if (t == typeof(ushort)) return new Numbers<ushort>(f, n, path);
            if (t == typeof(uint)) return new Numbers<uint>(f, n, path);
            if (t == typeof(ulong)) return new Numbers<ulong>(f, n, path);
            if (t == typeof(decimal)) return new Numbers<decimal>(f, n, path);
            if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>)) return new Texts(f, n);
            if (t == typeof(bool)) return new Other<bool>(f, n, v => v ? "true" : "false");
            if (t == typeof(DateOnly)) return new Other<DateOnly>(f, n, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (t == typeof(DateTime)) return new Other<DateTime>(f, n, v => v.TimeOfDay == TimeSpan.Zero
                ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            if (t == typeof(TimeSpan)) return new Other<TimeSpan>(f, n, v => v.ToString("c", CultureInfo.InvariantCulture));
            throw new RweStatsInputException($"column '{f.Name}' has Parquet type {t.Name}, which RweStats does not read; cast it to a number or a text");
        }
    }

    /// <summary>A numeric column as doubles (null: NaN, missing); the row-group buffer is kept from one row group to the next.</summary>
    sealed class Numbers<T>(DataField f, int n, string path) : Column(f) where T : struct, INumberBase<T>
    {
        readonly double[] values = new double[n];
        T?[]? nullable;
        T[]? plain;

        public override async Task ReadAsync(ParquetRowGroupReader rg, int offset, int count)
        {
            if (Field.IsNullable)
            {
                var buffer = nullable is { } b && b.Length >= count ? b : nullable = new T?[count];
                await rg.ReadAsync<T>(Field, buffer.AsMemory(0, count));
                for (int i = 0; i < count; i++)
                    values[offset + i] = buffer[i] is { } v ? Finite(double.CreateChecked(v), offset + i) : double.NaN;
            }
            else if (typeof(T) == typeof(double))
            {
                await rg.ReadAsync<double>(Field, values.AsMemory(offset, count));
                for (int i = offset; i < offset + count; i++) values[i] = Finite(values[i], i);
            }
            else
            {
                var buffer = plain is { } b && b.Length >= count ? b : plain = new T[count];
                await rg.ReadAsync<T>(Field, buffer.AsMemory(0, count));
                for (int i = 0; i < count; i++) values[offset + i] = Finite(double.CreateChecked(buffer[i]), offset + i);
            }
        }

        /// <summary>A null is missing; a NaN or an infinity is refused, as in every reader (<see cref="ColumnTyping.IsNumber"/>).</summary>
        double Finite(double v, int row) => ColumnTyping.IsNumber(v) ? v : throw ColumnTyping.NotFinite($"{path}: row {row + 1}", Field.Name, v);

        public override ColumnStorage Storage() => new NumericStorage(values, null);
    }

    sealed class Texts(DataField f, int n) : Column(f)
    {
        readonly string?[] cells = new string?[n];
        readonly CsvTableReader.StringPool pool = new();

        public override async Task ReadAsync(ParquetRowGroupReader rg, int offset, int count)
        {
            var buffer = new string?[count];
            await rg.ReadAsync(Field, buffer.AsMemory());
            for (int i = 0; i < count; i++) cells[offset + i] = buffer[i] is { Length: > 0 } s ? pool.Get(s.AsSpan()) : null;
        }

        public override ColumnStorage Storage() => new TextStorage(cells, DeclaredType.Text);
    }

    sealed class Other<T>(DataField f, int n, Func<T, string> format) : Column(f) where T : struct
    {
        readonly string?[] cells = new string?[n];
        readonly CsvTableReader.StringPool pool = new();

        public override async Task ReadAsync(ParquetRowGroupReader rg, int offset, int count)
        {
            if (Field.IsNullable)
            {
                var buffer = new T?[count];
                await rg.ReadAsync<T>(Field, buffer.AsMemory());
                for (int i = 0; i < count; i++) cells[offset + i] = buffer[i] is { } v ? pool.Get(format(v).AsSpan()) : null;
            }
            else
            {
                var buffer = new T[count];
                await rg.ReadAsync<T>(Field, buffer.AsMemory());
                for (int i = 0; i < count; i++) cells[offset + i] = pool.Get(format(buffer[i]).AsSpan());
            }
        }

        public override ColumnStorage Storage() => new TextStorage(cells, DeclaredType.Text);
    }
}
