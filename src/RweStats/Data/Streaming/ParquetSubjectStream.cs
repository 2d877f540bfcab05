using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace RweStats.Data.Streaming;

/// <summary>
/// A Parquet file streamed into <see cref="ChunkSums"/>: one chunk per row group, row groups read in parallel (each
/// worker with its own reader), only the model's columns decoded, with the in-memory reader's conversions
/// (<see cref="ParquetTableReader"/>: nulls and NaN missing, integers and decimals as numbers, a number's label its
/// round-trip text).
/// </summary>
internal sealed class ParquetSubjectStream : ISubjectRowSource
{
    readonly string path;
    readonly DataField[] fields;
    readonly long[] groupStarts; // first row (0-based) of each row group, then the row count

    ParquetSubjectStream(string path, DataField[] fields, long[] groupStarts)
    {
        this.path = path; this.fields = fields; this.groupStarts = groupStarts;
    }

    public string Label => path;
    public IReadOnlyList<string> Columns => fields.Select(f => f.Name).ToList();
    public bool IsNumeric(string column) => IsNumber(fields.First(f => f.Name == column).ClrType);
    public string Where(long position) => $"{path}: row {position + 1}";
    /// <summary>Rows in the file (from its metadata).</summary>
    public long Rows => groupStarts[^1];

    static bool IsNumber(Type t) => t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short) ||
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong) || t == typeof(decimal);

    public static ParquetSubjectStream? Open(string path)
    {
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        try
        {
            var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
            try
            {
                var fields = reader.Schema.GetDataFields();
                if (reader.Schema.Fields.Any(f => f.SchemaType != SchemaType.Data) || fields.Any(f => f.IsArray || f.MaxRepetitionLevel > 0) || fields.Length == 0)
                    return null; // the in-memory reader says what is wrong
                if (fields.Select(f => f.Name).Distinct().Count() != fields.Length) return null;
                var starts = new long[reader.RowGroupCount + 1];
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var rg = reader.OpenRowGroupReader(g);
                    starts[g + 1] = starts[g] + rg.RowCount;
                }
                return starts[^1] == 0 ? null : new ParquetSubjectStream(path, fields, starts);
            }
            finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        }
        catch (Exception e) when (e is not RweStatsInputException and not OutOfMemoryException)
        {
            throw new RweStatsInputException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0].Trim()})");
        }
    }

    public IReadOnlyList<ChunkSums>? Read(StreamPlan plan)
    {
        int groups = groupStarts.Length - 1;
        int largestGroup = (int)Enumerable.Range(0, groups).Max(g => groupStarts[g + 1] - groupStarts[g]);
        var chunks = new ChunkSums[groups];
        var needed = new[] { plan.Subject, plan.Time, plan.Response }.Concat(plan.CodedClasses).Concat(plan.Covariates)
            .Concat(plan.Group is null ? Array.Empty<string>() : new[] { plan.Group }).Concat(plan.Other).Distinct().ToArray();
        var field = needed.ToDictionary(n => n, n => fields.First(f => f.Name == n));
        try
        {
            Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => new Worker(ParquetReader.CreateAsync(path).GetAwaiter().GetResult(), largestGroup),
                (int g, ParallelLoopState _, Worker worker) =>
                {
                    chunks[g] = ReadGroup(worker, g, plan, needed, field);
                    return worker;
                },
                worker => worker.Reader.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is RweStatsInputException or SubjectsOutOfOrderException) is { } first)
        {
            // One line for the user (a bad row), or the signal that the subjects are out of order.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
        return chunks;
    }

    /// <summary>A worker's reader and column buffers, reused from row group to row group (no large arrays for the collector).</summary>
    sealed class Worker(ParquetReader reader, int rows)
    {
        public ParquetReader Reader { get; } = reader;
        readonly Dictionary<string, Array> buffers = new();
        readonly Dictionary<string, ParquetTableReader.Column> columns = new();

        public T[] Buffer<T>(string key, int count)
        {
            if (!buffers.TryGetValue(key, out var b) || b.Length < count) buffers[key] = b = new T[count];
            return (T[])b;
        }

        /// <summary>The in-memory reader's column for a non-text field, sized for the largest row group, kept.</summary>
        public ParquetTableReader.Column Column(DataField f) =>
            columns.TryGetValue(f.Name, out var c) ? c : columns[f.Name] = ParquetTableReader.Column.For(f, rows);
    }

    ChunkSums ReadGroup(Worker worker, int g, StreamPlan plan, string[] needed, Dictionary<string, DataField> field)
    {
        using var rg = worker.Reader.OpenRowGroupReader(g);
        int count = checked((int)rg.RowCount);
        var storage = new Dictionary<string, ColumnStorage>();
        var texts = new Dictionary<string, ReadOnlyMemory<char>[]>();
        foreach (var name in needed)
        {
            var f = field[name];
            if (f.ClrType == typeof(ReadOnlyMemory<char>) || f.ClrType == typeof(string))
            {
                // Text cells as slices of the decoded page (no string per cell); null and empty are missing, as in
                // the in-memory reader.
                texts[name] = ReadTexts(worker, rg, f, count);
                continue;
            }
            var column = worker.Column(f);
            column.ReadAsync(rg, 0, count).GetAwaiter().GetResult();
            storage[name] = column.Storage();
        }
        LabelCells Cells(string name) => texts.TryGetValue(name, out var t) ? new LabelCells(null, t) : new LabelCells(storage[name], null);
        var sums = new ChunkSums(plan.Shape, keepFirst: true, Where, plan.Subject, plan.Time, plan.Group);
        var subject = Cells(plan.Subject);
        var time = Cells(plan.Time);
        var classes = plan.CodedClasses.Select(Cells).ToArray();
        var group = plan.Group is null ? null : Cells(plan.Group);
        var y = (NumericStorage)storage[plan.Response];
        var covariates = plan.Covariates.Select(c => (NumericStorage)storage[c]).ToArray();
        var other = plan.Other.Select(Cells).ToArray();
        var codes = new int[classes.Length];
        var values = new double[covariates.Length];
        var key = new byte[64];
        long first = groupStarts[g];
        for (int i = 0; i < count; i++)
        {
            if (!Present(i)) { sums.SkippedRow(); continue; }
            int keyLength = subject.Utf8(i, ref key);
            int visit = time.Id(i, sums.Visits);
            for (int c = 0; c < classes.Length; c++) codes[c] = classes[c].Id(i, sums.Classes[c]);
            int groupId = group is null ? 0 : group.Id(i, sums.Groups);
            for (int k = 0; k < covariates.Length; k++) values[k] = covariates[k].Values[i];
            sums.Row(key.AsSpan(0, keyLength), first + i, visit, groupId, codes, y.Values[i], values);
        }
        sums.Finish();
        return sums;

        bool Present(int i)
        {
            if (!subject.Present(i) || !time.Present(i) || (group is not null && !group.Present(i))) return false;
            foreach (var c in classes) if (!c.Present(i)) return false;
            foreach (var c in covariates) if (c.IsMissing(i)) return false;
            foreach (var o in other) if (!o.Present(i)) return false;
            return true;
        }
    }

    static ReadOnlyMemory<char>[] ReadTexts(Worker worker, ParquetRowGroupReader rg, DataField f, int count)
    {
        var cells = worker.Buffer<ReadOnlyMemory<char>>(f.Name, count);
        if (f.IsNullable)
        {
            var buffer = worker.Buffer<ReadOnlyMemory<char>?>(f.Name + "?", count);
            rg.ReadAsync<ReadOnlyMemory<char>>(f, buffer.AsMemory(0, count)).GetAwaiter().GetResult();
            for (int i = 0; i < count; i++) cells[i] = buffer[i] ?? default;
        }
        else rg.ReadAsync<ReadOnlyMemory<char>>(f, cells.AsMemory(0, count)).GetAwaiter().GetResult();
        return cells;
    }

    /// <summary>A column used for labels (subject, visit, class, group): texts, or numbers labelled by their round-trip text.</summary>
    sealed class LabelCells(ColumnStorage? storage, ReadOnlyMemory<char>[]? texts)
    {
        readonly double[]? numbers = (storage as NumericStorage)?.Values;
        readonly byte[] scratch = new byte[64];
        // A number's round-trip text, kept while the next rows hold the same number (a subject's rows, a visit's).
        double lastNumber = double.NaN;
        int lastLength;

        public bool Present(int i) => texts is not null ? !texts[i].IsEmpty : !storage!.IsMissing(i);

        public int Id(int i, LabelIds ids)
        {
            if (texts is not null) return ids.Id(texts[i].Span);
            if (numbers is not null) return ids.Id(NumberText(i));
            return ids.Id(storage!.Text(i)!);
        }

        public int Utf8(int i, ref byte[] key)
        {
            if (numbers is not null)
            {
                var text = NumberText(i);
                text.CopyTo(key);
                return text.Length;
            }
            var chars = texts is not null ? texts[i].Span : storage!.Text(i)!.AsSpan();
            int needed = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (key.Length < needed) key = new byte[needed];
            return Encoding.UTF8.GetBytes(chars, key);
        }

        /// <summary>The cell's label as the in-memory table prints it (<see cref="NumericStorage.Text"/>: round-trip format).</summary>
        ReadOnlySpan<byte> NumberText(int i)
        {
            double v = numbers![i];
            if (!v.Equals(lastNumber))
            {
                if (!v.TryFormat(scratch, out lastLength, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("a number's text is longer than 64 bytes");
                lastNumber = v;
            }
            return scratch.AsSpan(0, lastLength);
        }
    }
}
