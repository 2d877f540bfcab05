using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Data.Streaming;

/// <summary>Which column feeds which part of a row, for a source that streams rows into <see cref="ChunkSums"/>.</summary>
/// <param name="CodedClasses">The model's class variables other than the time variable, in <see cref="PatternSums.CodedClasses"/> order.</param>
/// <param name="Covariates">The numeric model variables (<see cref="ModelColumns.Covariates"/>).</param>
/// <param name="Other">Required columns with no other role (e.g. the --time-value column): present, or the row is skipped.</param>
internal sealed record StreamPlan(
    string Subject, string Time, string Response, IReadOnlyList<string> CodedClasses, IReadOnlyList<string> Covariates,
    string? Group, IReadOnlyList<string> Other, SubjectRowShape Shape)
{
    /// <summary>Subjects may come in any order, each subject's rows contiguous (else: in ascending order).</summary>
    public bool AnySubjectOrder { get; init; }
}

/// <summary>A file read as a stream of rows: CSV (<see cref="CsvSubjectStream"/>) or Parquet (<see cref="DuckDbChunkStream"/>).</summary>
internal interface ISubjectRowSource : IDisposable
{
    string Label { get; }
    IReadOnlyList<string> Columns { get; }
    bool IsNumeric(string column);
    /// <summary>Every row into chunks (read in parallel), returned in file order; null when the file needs another reader.</summary>
    IReadOnlyList<ChunkSums>? Read(StreamPlan plan);
    /// <summary>A row's position as a message names it ("file.csv:12").</summary>
    string Where(long position);
}

/// <summary>
/// The pattern sums of a model over a CSV or Parquet file whose rows come grouped by subject, subjects in ascending
/// order (natural order, "PT9" before "PT10", or text order; the usual layout of ADaM data sets) or, when asked, in any
/// order (a registry extract grouped by site, say; each subject's rows contiguous): the file is read once, in
/// parallel chunks, and each subject's rows are added to its signature's sums as soon as the next subject starts, so
/// memory holds a few rows and the sums whatever the size of the file (no hash table of subjects, which is what makes
/// a database's GROUP BY slow and memory-hungry at 10⁷ subjects). The result is what
/// <see cref="Sql.PatternSumsQuery"/> computes in a database (same frame rules through <see cref="ModelColumns"/> and
/// <see cref="SummaryFrame"/>); the fit on it equals the fit on the rows read into memory up to the order of summation.
/// Returns null when the subjects do not come in the accepted order or the file is not plain (line breaks inside quoted
/// fields): the caller then reads the rows or lets DuckDB group them.
/// </summary>
public static class StreamedPatternSums
{
    /// <summary>Whether this path reads the source: one CSV or Parquet file, no query and no row filter.</summary>
    public static bool Reads(TableSource source, string format) =>
        format is "csv" or "parquet" && source.Query is null && source.Where is null && source.Member is null && File.Exists(source.Path);

    /// <summary>
    /// Whether a file is large enough to be worth streaming: a CSV file of <paramref name="csvBytes"/> or more, a Parquet
    /// file of as many rows as that much CSV holds (64 bytes a row; a Parquet file is several times smaller than its CSV).
    /// </summary>
    public static bool IsLarge(TableSource source, string format, long csvBytes) => format switch
    {
        "csv" => FileLength(source.Path) >= csvBytes,
        "parquet" => ParquetTableReader.RowCount(source.Path) >= csvBytes / 64,
        _ => false,
    };

    /// <summary>The length of the file a path names, through symbolic links: a link's own length is that of its target's
    /// name, which would make a linked 300 MB CSV look like a few bytes.</summary>
    private static long FileLength(string path)
    {
        var info = new FileInfo(path);
        return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info).Length;
    }

    /// <summary>The size from which a file is streamed, as the notes say it: "64 MiB" of CSV, "1048576 rows" of Parquet.</summary>
    public static string SizeText(string format, long csvBytes) =>
        format == "parquet" ? $"{csvBytes / 64} rows" : csvBytes > 0 && csvBytes % (1L << 20) == 0 ? $"{csvBytes >> 20} MiB" : $"{csvBytes} bytes";

    /// <summary>
    /// The pattern sums of a file streamed because it is large (not asked for): null — read the rows — where the rows
    /// would decide differently from the first rows or where ordering the visits needs the rows (a time value column
    /// without a visit order), as well as where <see cref="TryCompute"/> declines; <paramref name="declined"/> says why.
    /// </summary>
    public static PatternSums? TryComputeInsteadOfRows(TableSource source, MixedModelSpec spec, string format, out string? declined)
    {
        if (spec.TimeValue is not null && spec.TimeOrder is null)
        {
            declined = "the visits are ordered by their time values, which needs the rows";
            return null;
        }
        var sums = TryCompute(source, spec, format, out declined, textInNumericColumnDeclines: true);
        // Subjects grouped in another order are streamed when the sums are asked for, not here: the rows read into memory
        // are summed in another order, so the last digits of the fit would change with the path the file's size chose.
        if (sums is null && declined is not null && declined.Contains("ascending order", StringComparison.Ordinal))
            declined += "; {PushDown} streams a file whose subjects come in another order, each subject's rows together";
        return sums;
    }

    /// <summary>The pattern sums, or null when the rows are not in subject order (or the CSV file is not plain).</summary>
    /// <param name="chunkBytes">CSV: bytes per chunk (tests use small chunks to cross chunk ends often).</param>
    /// <param name="declined">Why the file was not streamed (null when it was).</param>
    /// <param name="textInNumericColumnDeclines">A text met in a column its first rows made numeric declines (null) instead
    /// of being an error naming the line.</param>
    /// <param name="anySubjectOrder">Stream subjects in any order as long as each subject's rows are contiguous (a registry
    /// export grouped by site, say); else only subjects in ascending order are streamed.</param>
    public static PatternSums? TryCompute(TableSource source, MixedModelSpec spec, string format, out string? declined,
        int chunkBytes = CsvSubjectStream.ChunkBytes, bool textInNumericColumnDeclines = false, bool anySubjectOrder = false)
    {
        spec.Validate();
        const string NotPlain = "its layout needs DuckDB's reader (line breaks inside quoted fields, control characters, or no data rows)";
        declined = NotPlain;
        using ISubjectRowSource? stream = format == "csv" ? CsvSubjectStream.Open(source, chunkBytes) : DuckDbChunkStream.Open(source.Path);
        if (stream is null) return null;
        var roles = ModelColumns.Resolve(stream.Label, stream.Columns, stream.IsNumeric, spec);
        var coded = roles.CodedClasses;
        var covariates = roles.Covariates;
        var monomials = roles.Monomials.Select(m => m.Select(v => covariates.ToList().IndexOf(v)).ToArray()).ToList();
        var taken = new HashSet<string>(coded.Concat(covariates)) { spec.Subject, spec.Time };
        if (spec.Group is not null) taken.Add(spec.Group);
        var plan = new StreamPlan(spec.Subject, spec.Time, roles.Formula.Response, coded, covariates, spec.Group,
            roles.Required.Where(c => !taken.Contains(c)).ToList(), new SubjectRowShape(coded.Count, covariates.Count, monomials, spec.Group is not null))
        { AnySubjectOrder = anySubjectOrder };
        IReadOnlyList<ChunkSums>? chunks;
        string outOfOrder = anySubjectOrder
            ? $"its rows are not grouped by '{spec.Subject}' (a subject's rows are apart)"
            : $"its rows are not grouped by '{spec.Subject}' in ascending order (natural or text order)";
        try { chunks = stream.Read(plan); }
        catch (SubjectsOutOfOrderException) { declined = outOfOrder; return null; }
        catch (CsvSubjectStream.ColumnTypeConflictException e)
        {
            if (!textInNumericColumnDeclines) throw e.Error;
            declined = "a column its first rows made numeric holds a text further down";
            return null;
        }
        if (chunks is null) return null;
        declined = outOfOrder;
        var sums = Join(stream, spec, roles, plan, chunks);
        if (sums is not null) declined = null;
        return sums;
    }

    static PatternSums? Join(ISubjectRowSource stream, MixedModelSpec spec, ModelColumns roles, StreamPlan plan, IReadOnlyList<ChunkSums> chunks)
    {
        // Ascending subjects within and across chunks (a subject may continue from one chunk into the next).
        bool natural = chunks.All(c => c.AscendingNaturally), asTexts = chunks.All(c => c.AscendingAsTexts);
        byte[]? previousLast = null;
        foreach (var c in chunks)
        {
            if (c.FirstKey is null) continue;
            if (previousLast is not null)
            {
                if (SubjectOrder.CompareNatural(previousLast, c.FirstKey) > 0) natural = false;
                if (previousLast.AsSpan().SequenceCompareTo(c.FirstKey) > 0) asTexts = false;
            }
            previousLast = c.LastKey;
        }
        if (!natural && !asTexts && !(plan.AnySubjectOrder && Contiguous(chunks))) return null;

        // The subjects at the chunks' ends, joined in file order: equal keys side by side are one subject.
        var joiner = new ChunkSums(plan.Shape, keepFirst: false, stream.Where, plan.Subject, plan.Time, plan.Group, plan.AnySubjectOrder);
        foreach (var c in chunks)
        {
            if (c.Head is not null) joiner.Replay(c.Head);
            if (c.Tail is not null) joiner.Replay(c.Tail);
        }
        joiner.Finish();
        var all = chunks.Append(joiner).ToList();

        var totals = new RowTotals(all.Sum(c => c.RowsRead), all.Sum(c => c.Used), all.Sum(c => c.SumY), all.Sum(c => c.SumY2),
            all.Min(c => c.MinY), all.Max(c => c.MaxY),
            plan.Covariates.Select((name, k) => (name, sum: all.Sum(c => c.CovariateSums[k]))).ToDictionary(x => x.name, x => x.sum))
        {
            CovariateValues = plan.Covariates.Select((name, k) =>
            {
                var values = new Model.CodeLikeValues();
                foreach (var c in all) values.Add(c.CovariateValues[k]);
                return (name, values);
            }).ToDictionary(x => x.name, x => x.values),
        };
        SummaryFrame.CheckTotals(stream.Label, roles, totals);
        var found = new Dictionary<string, IReadOnlyList<string>>
        {
            [spec.Time] = all.SelectMany(c => c.Visits.UsedLabels).Distinct().ToList(),
        };
        for (int k = 0; k < plan.CodedClasses.Count; k++)
            found[plan.CodedClasses[k]] = all.SelectMany(c => c.Classes[k].UsedLabels).Distinct().ToList();
        if (spec.Group is not null && !found.ContainsKey(spec.Group))
            found[spec.Group] = all.SelectMany(c => c.Groups.UsedLabels).Distinct().ToList();
        var levels = SummaryFrame.Levels(stream.Label, spec, roles, found);

        int t = levels.Time.Levels.Count, classes = plan.CodedClasses.Count, k1 = plan.Shape.ValuesPerVisit, n = t * k1;
        var signatures = new List<SignatureSums>();
        // Signatures by [group, mask low, mask high, codes at every visit position], looked up from a scratch key (a chunk
        // of 8 MB has a thousand or more signatures, met again in every chunk).
        var merged = new Dictionary<int[], int>(new ChunkSums.KeyComparer());
        var lookup = merged.GetAlternateLookup<ReadOnlySpan<int>>();
        var key = new int[3 + t * classes];
        var index = new int[64 * k1];
        foreach (var chunk in all)
        {
            var position = Map(chunk.Visits, levels.Time.Levels);
            var classLevel = Enumerable.Range(0, classes).Select(k => Map(chunk.Classes[k], levels.Classes[plan.CodedClasses[k]].Levels)).ToArray();
            var groupLevel = levels.Group is { } g ? Map(chunk.Groups, g.Levels) : null;
            foreach (var s in chunk.Signatures)
            {
                // Observed visits in ascending id → their positions; the compact sums spread into the T·(K+1) layout.
                ulong mask = 0;
                var codes = key.AsSpan(3);
                codes.Fill(-1);
                int visits = 0;
                for (ulong bits = s.Mask; bits != 0; bits &= bits - 1, visits++)
                {
                    int a = position[System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    mask |= 1UL << a;
                    for (int c = 0; c < classes; c++) codes[a * classes + c] = classLevel[c][s.Codes[visits * classes + c]];
                    for (int k = 0; k < k1; k++) index[visits * k1 + k] = a * k1 + k;
                }
                // Chunks meet the same signatures: one entry per signature keeps the likelihood's pattern blocks few.
                // A signature met before gets this chunk's sums added where they go (the other entries would add zeros,
                // and x + 0 is x: no sum is ever −0, since every sum starts at +0); a new one gets its entries.
                int groupIndex = groupLevel is null ? 0 : groupLevel[s.Group];
                (key[0], key[1], key[2]) = (groupIndex, (int)(uint)mask, (int)(uint)(mask >> 32));
                SignatureSums e;
                if (lookup.TryGetValue((ReadOnlySpan<int>)key, out int at))
                {
                    e = signatures[at];
                    signatures[at] = e with { Subjects = e.Subjects + s.Subjects };
                }
                else
                {
                    merged[(int[])key.Clone()] = signatures.Count;
                    signatures.Add(e = new SignatureSums(groupIndex, mask, codes.ToArray(), s.Subjects, new double[n], new double[n * n]));
                }
                int d = visits * k1;
                for (int i = 0; i < d; i++)
                {
                    e.Sums[index[i]] += s.Sums[i];
                    for (int j = i; j < d; j++)
                    {
                        double product = s.Product(i, j);
                        e.Products[index[i] * n + index[j]] += product;
                        if (i != j) e.Products[index[j] * n + index[i]] += product;
                    }
                }
            }
        }
        var frame = SummaryFrame.Frame(stream.Label, roles, levels, totals, all.Sum(c => c.SubjectsRead), all.Sum(c => c.Subjects));
        return new PatternSums { Frame = frame, Spec = spec, CodedClasses = plan.CodedClasses, Monomials = roles.Monomials, Signatures = signatures };
    }

    /// <summary>
    /// Whether no subject is met in two chunks, other than one that continues from a chunk's end into the next chunk(s):
    /// each chunk checked its own subjects (<see cref="ChunkSums.Met"/>).
    /// </summary>
    static bool Contiguous(IReadOnlyList<ChunkSums> chunks)
    {
        var met = new HashSet<ulong>(chunks.Sum(c => c.Met!.Count));
        ulong? previousLast = null;
        foreach (var c in chunks)
        {
            if (c.FirstKey is null) continue;
            ulong first = SubjectOrder.Hash(c.FirstKey);
            foreach (ulong h in c.Met!)
                if (!(h == first && previousLast == first) && !met.Add(h)) return false;
            previousLast = SubjectOrder.Hash(c.LastKey);
        }
        return true;
    }

    /// <summary>Each label id of a chunk → its index among the final levels (−1: a label no used row had).</summary>
    static int[] Map(LabelIds ids, IReadOnlyList<string> levels)
    {
        var at = levels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        return Enumerable.Range(0, ids.Count).Select(i => at.TryGetValue(ids[i], out int a) ? a : -1).ToArray();
    }
}
