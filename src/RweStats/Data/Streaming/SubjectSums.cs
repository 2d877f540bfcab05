using System.Text;
using RweStats.Estimation;

namespace RweStats.Data.Streaming;

/// <summary>
/// The labels of one text-valued column (visit, class variable, group) as met in one chunk of a source: an id per label
/// by first appearance, and whether a used row (outcome present) had it. Chunks are read in parallel, each with its own
/// ids; the merge maps them to the final levels by label.
/// </summary>
internal sealed class LabelIds
{
    readonly List<string> labels = new();
    readonly List<byte[]> utf8 = new();
    readonly Dictionary<string, int> byText = new(StringComparer.Ordinal);
    readonly List<int> successor = new();
    int last = -1;
    string? lastText;

    bool[] used = new bool[8];
    public int Count => labels.Count;
    public string this[int id] => labels[id];

    /// <summary>The id of a UTF-8 label (a CSV cell): the last one met, then a short scan, then a dictionary.</summary>
    public int Id(ReadOnlySpan<byte> text)
    {
        if (last >= 0)
        {
            if (utf8[last].AsSpan().SequenceEqual(text)) return last;
            // Rows usually cycle through the visits in the same order: try the label that followed this one last time.
            int next = successor[last];
            if (next >= 0 && utf8[next].AsSpan().SequenceEqual(text)) return last = next;
        }
        int id = -1;
        if (labels.Count <= 16)
        {
            for (int i = 0; i < utf8.Count && id < 0; i++)
                if (utf8[i].AsSpan().SequenceEqual(text)) id = i;
        }
        else byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Chars(text), out id);
        if (id < 0 && !byText.TryGetValue(Encoding.UTF8.GetString(text), out id)) id = Add(Encoding.UTF8.GetString(text));
        if (last >= 0) successor[last] = id;
        return last = id;
    }

    char[] chars = new char[64];
    ReadOnlySpan<char> Chars(ReadOnlySpan<byte> text)
    {
        if (chars.Length < text.Length) chars = new char[2 * text.Length];
        return chars.AsSpan(0, Encoding.UTF8.GetChars(text, chars));
    }

    /// <summary>The id of a label given as a string (another chunk's label, when chunks are joined).</summary>
    public int Id(string text)
    {
        if (ReferenceEquals(text, lastText)) return last;
        lastText = text;
        return last = byText.TryGetValue(text, out int id) ? id : Add(text);
    }

    int Add(string s)
    {
        byText[s] = labels.Count;
        labels.Add(s);
        utf8.Add(Encoding.UTF8.GetBytes(s));
        successor.Add(-1);
        if (labels.Count > used.Length) Array.Resize(ref used, 2 * used.Length);
        return labels.Count - 1;
    }

    /// <summary>A used row had the label of this id.</summary>
    public void MarkUsed(int id) => used[id] = true;

    /// <summary>The labels a used row had.</summary>
    public IEnumerable<string> UsedLabels => labels.Where((_, i) => used[i]);
}

/// <summary>The shape of the rows a chunk receives: how many coded classes, covariates and monomials (products of covariates).</summary>
/// <param name="Monomials">Per monomial, the indices of its covariates among the row's covariates.</param>
internal sealed record SubjectRowShape(int Classes, int Covariates, IReadOnlyList<int[]> Monomials, bool HasGroup)
{
    public int ValuesPerVisit => Monomials.Count + 1;
}

/// <summary>
/// The current chunk of a source read column by column (DuckDB's result chunks, read in place): each row's ids (this
/// chunk's <see cref="ChunkSums"/> labels), outcome and covariates by the row's index in the chunk.
/// </summary>
internal sealed unsafe class ChunkColumns(int classes, int covariates)
{
    public int[] Visits = [], Groups = [];
    public readonly int[][] Codes = new int[classes][];
    /// <summary>The outcome's values and validity mask (null: every value present); a missing outcome reads as NaN.</summary>
    public double* Y;
    public ulong* YValidity;
    /// <summary>Each covariate's values (double*).</summary>
    public readonly nint[] Covariates = new nint[covariates];
    /// <summary>The source position of the chunk's first row.</summary>
    public long FirstPosition;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Response(int i) => YValidity == null || (YValidity[i >> 6] >> (i & 63) & 1) == 1 ? Y[i] : double.NaN;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Covariate(int i, int k) => ((double*)Covariates[k])[i];
}

/// <summary>The rows of one subject kept as they were read (a chunk's first and last subject, which may continue in the next chunk).</summary>
internal sealed record SubjectLog(byte[] Key, long[] Where, int[] Visit, int[] Group, int[] Codes, double[] Y, double[] Covariates, ChunkSums Chunk)
{
    public int Rows => Visit.Length;
}

/// <summary>
/// One chunk of a source whose rows are grouped by subject, accumulated subject by subject into signature sums
/// (<see cref="SignatureSums"/>: per group, visit pattern and class levels at each visit, the count of subjects and the
/// sums and cross-products of y and the covariate products at each visit) — the statistics the GROUP BY of
/// <see cref="Sql.PatternSumsQuery"/> computes in a database, computed here while the rows stream past, so that no row
/// is kept. A chunk cannot know whether its first and last subjects continue in the chunks beside it: their rows are
/// kept (<see cref="Head"/>, <see cref="Tail"/>) and accumulated when the chunks are joined, in file order.
/// It also checks that a subject's rows are contiguous (a subject never met twice): by their ascending order (as numbers
/// or as texts), or, when any order of subjects is accepted, by a set of the subjects met (a 64-bit hash of each id: a
/// collision can only make the file look out of order, never join two subjects).
/// </summary>
internal sealed class ChunkSums
{
    const int MaxVisitIds = 62;

    readonly SubjectRowShape shape;
    readonly bool keepFirst;
    readonly Func<long, string> where;
    readonly string subjectName, timeName, groupName;

    public LabelIds Visits { get; } = new();
    public LabelIds Groups { get; } = new();
    public LabelIds[] Classes { get; }

    // Totals over the rows, as the frame summary needs them.
    public long RowsRead, Used, SubjectsRead, Subjects;
    public double SumY, SumY2, MinY = double.PositiveInfinity, MaxY = double.NegativeInfinity;
    public double[] CovariateSums { get; }
    /// <summary>Each covariate's values among the rows used, as the code check needs them.</summary>
    public Model.CodeLikeValues[] CovariateValues { get; }

    /// <summary>Subjects' order: whether ascending in natural order (<see cref="SubjectOrder.CompareNatural"/>) and as texts (ordinal bytes).</summary>
    public bool AscendingNaturally { get; private set; } = true;
    public bool AscendingAsTexts { get; private set; } = true;
    public byte[]? FirstKey { get; private set; }
    /// <summary>The last subject's key, once <see cref="Finish"/> is called.</summary>
    public byte[]? LastKey { get; private set; }
    public SubjectLog? Head { get; private set; }
    public SubjectLog? Tail { get; private set; }
    /// <summary>The hashes of the subjects met (<see cref="SubjectOrder.Hash"/>), when any order of subjects is accepted; else null.</summary>
    public HashSet<ulong>? Met { get; }

    // Signatures: key = [group, mask low, mask high, codes at the observed visits (ascending visit id)], or [group, mask
    // low, mask high, codes] when each class has one level at all the subject's observed visits (the usual arm and sex):
    // the two forms differ in length for two visits or more, and are the same key for one, so a signature has one key.
    // An open-addressing table of the signatures by key, held in arrays of numbers that stay in the cache: per slot the
    // key's hash and the signature's index + 1 (0: empty), the keys one after another in one array. Looked up once per
    // subject: a dictionary's comparer calls and its reads of each entry's key object (cache misses) were most of the
    // lookup. The list keeps the signatures in order of first appearance.
    readonly List<Signature> signatures = new();
    long[] signatureSlots = new long[64];
    int[] keyPool = new int[256];
    int keyPoolUsed;
    readonly List<(int at, int length)> keyOf = new();
    public IReadOnlyList<Signature> Signatures => signatures;

    // The open subject.
    byte[] key = new byte[32];
    int keyLength;
    bool open, sawSubject;
    int rows;
    long[] rowWhere = new long[16];
    int[] rowVisit = new int[16], rowGroup = new int[16], rowCodes;
    double[] rowY = new double[16], rowCovariates;
    // The open subject's rows when they are rows fusedFrom … fusedFrom + fusedRows − 1 of the source's current chunk, read
    // from there when the subject closes instead of copied row by row (fusedFrom < 0: its rows are in the arrays above).
    ChunkColumns? chunk;
    int fusedFrom = -1, fusedRows;
    // Scratch for one subject.
    readonly int[] rowAtVisit = new int[MaxVisitIds + 2];
    readonly int[] usedRows = new int[MaxVisitIds + 2];
    readonly int[] rowsInVisitOrder = new int[MaxVisitIds + 2];
    int[] keyScratch;
    double[] values;
    readonly int[][] monomials;
    // Per monomial, the covariates it multiplies (bit i: covariate i), to tell which are constant within a subject.
    // Folding needs at most 64 of each.
    readonly ulong[] monomialCovariates;
    readonly bool foldable;

    /// <param name="keepFirst">false for the chunk that joins the others (it accumulates every subject it gets).</param>
    /// <param name="where">Names a row for messages ("file.csv:12", "file.parquet row 12") from its position.</param>
    /// <param name="anySubjectOrder">Subjects may come in any order as long as each subject's rows are contiguous.</param>
    public ChunkSums(SubjectRowShape shape, bool keepFirst, Func<long, string> where, string subjectName, string timeName, string? groupName,
                     bool anySubjectOrder = false)
    {
        this.shape = shape; this.keepFirst = keepFirst; this.where = where;
        if (anySubjectOrder) Met = new HashSet<ulong>();
        this.subjectName = subjectName; this.timeName = timeName; this.groupName = groupName ?? "";
        Classes = Enumerable.Range(0, shape.Classes).Select(_ => new LabelIds()).ToArray();
        CovariateSums = new double[shape.Covariates];
        CovariateValues = Enumerable.Range(0, shape.Covariates).Select(_ => new Model.CodeLikeValues()).ToArray();
        rowCodes = new int[16 * Math.Max(1, shape.Classes)];
        rowCovariates = new double[16 * Math.Max(1, shape.Covariates)];
        keyScratch = new int[3 + (MaxVisitIds + 2) * shape.Classes];
        values = new double[(MaxVisitIds + 2) * shape.ValuesPerVisit];
        monomials = shape.Monomials.ToArray();
        monomialCovariates = monomials.Select(m => m.Aggregate(0UL, (bits, i) => bits | 1UL << i)).ToArray();
        foldable = shape.Covariates <= 64 && monomials.Length <= 64;
    }

    /// <summary>A row without the subject, the visit or a model variable: read, not used.</summary>
    public void SkippedRow() => RowsRead++;

    /// <summary>
    /// A row with every required column present. <paramref name="y"/> is NaN when the outcome is missing (the subject is
    /// read, the visit not observed). Ids are this chunk's (<see cref="Visits"/>, <see cref="Groups"/>, <see cref="Classes"/>).
    /// </summary>
    public void Row(ReadOnlySpan<byte> subject, long position, int visit, int group, ReadOnlySpan<int> codes, double y, ReadOnlySpan<double> covariates)
    {
        RowsRead++;
        Add(subject, position, visit, group, codes, y, covariates);
    }

    /// <summary>
    /// A row whose subject the caller knows to be that of the previous <see cref="Row"/> (a source that compares its
    /// cells more cheaply than by their text: a number's bits, a short string's header), otherwise as <see cref="Row"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void RowOfSameSubject(long position, int visit, int group, ReadOnlySpan<int> codes, double y, ReadOnlySpan<double> covariates)
    {
        if (!open) throw NoOpenSubject();
        RowsRead++;
        AddToOpenSubject(position, visit, group, codes, y, covariates);
    }

    /// <summary>The source's next chunk of rows, read in place by <see cref="RowAt"/> and <see cref="RowsOfSameSubjectAt"/>
    /// until <see cref="EndChunk"/>.</summary>
    public void BeginChunk(ChunkColumns columns) => chunk = columns;

    /// <summary>Row <paramref name="i"/> of the current chunk (every required column present), as <see cref="Row"/>. A subject
    /// whose rows follow one another in the chunk is accumulated from the chunk when it closes; the chunk's first
    /// subject (kept, <see cref="Head"/>) and a subject with a skipped row among its rows have their rows copied.</summary>
    public void RowAt(ReadOnlySpan<byte> subject, int i)
    {
        RowsRead++;
        if (open && subject.SequenceEqual(key.AsSpan(0, keyLength))) { AddAt(i); return; }
        NextSubject(subject);
        if (keepFirst && !sawSubject) { CopyRow(i); return; }
        if (chunk!.Visits[i] >= MaxVisitIds) throw TooManyVisits(chunk.FirstPosition + i);
        (fusedFrom, fusedRows) = (i, 1);
    }

    /// <summary>Rows <paramref name="from"/> … from + count − 1 of the current chunk, each of the subject of the row before
    /// (as <see cref="RowOfSameSubject"/>): a subject's rows after its first, most rows, taken as one run.</summary>
    public void RowsOfSameSubjectAt(int from, int count)
    {
        if (!open) throw NoOpenSubject();
        RowsRead += count;
        if (fusedFrom >= 0 && from == fusedFrom + fusedRows)
        {
            // The run extends the subject's rows in place: only the visit ids are checked, in row order.
            var visits = chunk!.Visits.AsSpan(from, count);
            for (int i = 0; i < visits.Length; i++)
                if (visits[i] >= MaxVisitIds) throw TooManyVisits(chunk.FirstPosition + from + i);
            fusedRows += count;
            return;
        }
        for (int i = from; i < from + count; i++) AddAt(i);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    void AddAt(int i)
    {
        if (fusedFrom >= 0 && i == fusedFrom + fusedRows)
        {
            if (chunk!.Visits[i] >= MaxVisitIds) throw TooManyVisits(chunk.FirstPosition + i);
            fusedRows++;
            return;
        }
        CopyFusedRows();
        CopyRow(i);
    }

    /// <summary>The current chunk is done: an open subject's rows in it are copied (it may continue in the next chunk).</summary>
    public void EndChunk()
    {
        CopyFusedRows();
        chunk = null;
    }

    void CopyFusedRows()
    {
        if (fusedFrom < 0) return;
        int from = fusedFrom, count = fusedRows;
        fusedFrom = -1;
        for (int i = from; i < from + count; i++) CopyRow(i);
    }

    void CopyRow(int i)
    {
        var c = chunk!;
        long position = c.FirstPosition + i;
        int visit = c.Visits[i];
        if (visit >= MaxVisitIds) throw TooManyVisits(position);
        if (rows == rowVisit.Length) Grow();
        rowWhere[rows] = position; rowVisit[rows] = visit; rowGroup[rows] = c.Groups[i]; rowY[rows] = c.Response(i);
        int classes = shape.Classes, covariateCount = shape.Covariates;
        for (int k = 0; k < classes; k++) rowCodes[rows * classes + k] = c.Codes[k][i];
        for (int k = 0; k < covariateCount; k++) rowCovariates[rows * covariateCount + k] = c.Covariate(i, k);
        rows++;
    }

    void Add(ReadOnlySpan<byte> subject, long position, int visit, int group, ReadOnlySpan<int> codes, double y, ReadOnlySpan<double> covariates)
    {
        if (!open || !subject.SequenceEqual(key.AsSpan(0, keyLength))) NextSubject(subject);
        AddToOpenSubject(position, visit, group, codes, y, covariates);
    }

    // Inlined into the readers' loops (most rows continue the open subject): the rare paths are calls out of line.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    void AddToOpenSubject(long position, int visit, int group, ReadOnlySpan<int> codes, double y, ReadOnlySpan<double> covariates)
    {
        if (visit >= MaxVisitIds) throw TooManyVisits(position);
        if (rows == rowVisit.Length) Grow();
        rowWhere[rows] = position; rowVisit[rows] = visit; rowGroup[rows] = group; rowY[rows] = y;
        // Element by element: one or two classes and covariates are the usual case, where a span copy costs a call.
        int classes = shape.Classes, covariateCount = shape.Covariates;
        for (int c = 0; c < classes; c++) rowCodes[rows * classes + c] = codes[c];
        for (int k = 0; k < covariateCount; k++) rowCovariates[rows * covariateCount + k] = covariates[k];
        rows++;
    }

    static InvalidOperationException NoOpenSubject() => new("a row of the same subject before any subject");

    RweStatsInputException TooManyVisits(long position) =>
        new($"{where(position)}: '{timeName}' has more than {MaxVisitIds} visits; the push-down forms the visit pattern as a 64-bit mask (at most {MaxVisitIds} visits)");

    /// <summary>The chunk's rows are all given: the open subject is its last (kept, it may continue in the next chunk).</summary>
    public void Finish()
    {
        if (!open) return;
        LastKey = key.AsSpan(0, keyLength).ToArray();
        if (keepFirst)
        {
            var log = Log();
            if (!sawSubject) Head = log; else Tail = log;
        }
        else Accumulate();
        open = false;
    }

    void NextSubject(ReadOnlySpan<byte> subject)
    {
        if (open)
        {
            var previous = key.AsSpan(0, keyLength);
            // An order already broken needs no more comparing.
            if (AscendingNaturally && SubjectOrder.CompareNatural(previous, subject) > 0) AscendingNaturally = false;
            if (AscendingAsTexts && previous.SequenceCompareTo(subject) > 0) AscendingAsTexts = false;
            if (!AscendingNaturally && !AscendingAsTexts && Met is null) throw new SubjectsOutOfOrderException(); // no need to read on
            if (keepFirst && !sawSubject) Head = Log(); else Accumulate();
            sawSubject = true;
        }
        else FirstKey ??= subject.ToArray();
        // A subject met before, with other subjects in between: its rows are not contiguous.
        if (Met is not null && !Met.Add(SubjectOrder.Hash(subject))) throw new SubjectsOutOfOrderException();
        if (key.Length < subject.Length) key = new byte[Math.Max(subject.Length, 2 * key.Length)];
        subject.CopyTo(key);
        keyLength = subject.Length;
        open = true;
        rows = 0;
        fusedFrom = -1;
    }

    void Grow()
    {
        int n = 2 * rowVisit.Length;
        Array.Resize(ref rowWhere, n); Array.Resize(ref rowVisit, n); Array.Resize(ref rowGroup, n); Array.Resize(ref rowY, n);
        Array.Resize(ref rowCodes, n * Math.Max(1, shape.Classes));
        Array.Resize(ref rowCovariates, n * Math.Max(1, shape.Covariates));
    }

    SubjectLog Log() => new(key.AsSpan(0, keyLength).ToArray(), rowWhere[..rows], rowVisit[..rows], rowGroup[..rows],
        rowCodes[..(rows * shape.Classes)], rowY[..rows], rowCovariates[..(rows * shape.Covariates)], this);

    /// <summary>Another chunk's kept subject rows, read into this one (ids translated by label).</summary>
    public void Replay(SubjectLog log)
    {
        var codes = new int[shape.Classes];
        for (int r = 0; r < log.Rows; r++)
        {
            for (int c = 0; c < shape.Classes; c++) codes[c] = Classes[c].Id(log.Chunk.Classes[c][log.Codes[r * shape.Classes + c]]);
            int group = shape.HasGroup ? Groups.Id(log.Chunk.Groups[log.Group[r]]) : 0;
            // Not counted as read here: the chunk that read the row counted it.
            Add(log.Key, log.Where[r], Visits.Id(log.Chunk.Visits[log.Visit[r]]), group, codes, log.Y[r],
                log.Covariates.AsSpan(r * shape.Covariates, shape.Covariates));
        }
    }

    /// <summary>The open subject's rows into its signature's sums (and the totals): from the current chunk or from the row arrays.</summary>
    void Accumulate()
    {
        if (fusedFrom >= 0) Accumulate(new ChunkRows(chunk!, fusedFrom, fusedRows));
        else Accumulate(new ArrayRows(this));
    }

    /// <summary>The open subject's rows, wherever they are (compiled once per kind of rows, so each access is inlined).</summary>
    interface IOpenRows
    {
        int Count { get; }
        long Where(int r);
        /// <summary>The rows' visit ids.</summary>
        ReadOnlySpan<int> VisitIds { get; }
        int Group(int r);
        double Y(int r);
        /// <summary>The outcome of a row where it is present (a used row), read without its validity.</summary>
        double PresentY(int r);
        /// <summary>Class c's codes: row r's at [r · stride].</summary>
        ReadOnlySpan<int> ClassCodes(int c, out int stride);
        double Covariate(int r, int k);
        /// <summary>Covariate k's values: row r's at [r · stride].</summary>
        ReadOnlySpan<double> CovariateValues(int k, out int stride);
    }

    readonly struct ArrayRows(ChunkSums s) : IOpenRows
    {
        public int Count => s.rows;
        public long Where(int r) => s.rowWhere[r];
        public ReadOnlySpan<int> VisitIds => s.rowVisit.AsSpan(0, s.rows);
        public int Group(int r) => s.rowGroup[r];
        public double Y(int r) => s.rowY[r];
        public double PresentY(int r) => s.rowY[r];
        public ReadOnlySpan<int> ClassCodes(int c, out int stride)
        {
            stride = s.shape.Classes;
            return s.rowCodes.AsSpan(c, s.rows * stride - c);
        }
        public double Covariate(int r, int k) => s.rowCovariates[r * s.shape.Covariates + k];
        public ReadOnlySpan<double> CovariateValues(int k, out int stride)
        {
            stride = s.shape.Covariates;
            return s.rowCovariates.AsSpan(k, s.rows * stride - k);
        }
    }

    readonly struct ChunkRows(ChunkColumns chunk, int from, int count) : IOpenRows
    {
        public int Count => count;
        public long Where(int r) => chunk.FirstPosition + from + r;
        public ReadOnlySpan<int> VisitIds => chunk.Visits.AsSpan(from, count);
        public int Group(int r) => chunk.Groups[from + r];
        public double Y(int r) => chunk.Response(from + r);
        public unsafe double PresentY(int r) => chunk.Y[from + r];
        public ReadOnlySpan<int> ClassCodes(int c, out int stride)
        {
            stride = 1;
            return chunk.Codes[c].AsSpan(from, count);
        }
        public double Covariate(int r, int k) => chunk.Covariate(from + r, k);
        public unsafe ReadOnlySpan<double> CovariateValues(int k, out int stride)
        {
            stride = 1;
            return new ReadOnlySpan<double>((double*)chunk.Covariates[k] + from, count);
        }
    }

    void Accumulate<TRows>(TRows rowsOf) where TRows : struct, IOpenRows
    {
        int classes = shape.Classes, k1 = shape.ValuesPerVisit, covariateCount = shape.Covariates, rows = rowsOf.Count;
        ulong mask = 0, varying = 0;
        int used = 0, group = rows > 0 ? rowsOf.Group(0) : 0;
        bool hasGroup = shape.HasGroup; // without a group every row's is 0
        // The totals in locals (the same additions in the same row order as to the fields, without a store per row).
        double sumY = SumY, sumY2 = SumY2, minY = MinY, maxY = MaxY;
        var visitOf = rowsOf.VisitIds;
        for (int r = 0; r < rows; r++)
        {
            if (hasGroup && rowsOf.Group(r) != group)
                throw RweStatsInputException.Naming($"{where(rowsOf.Where(r))}: subject '{Subject()}' changes group ('{groupName}': '{Groups[group]}', then '{Groups[rowsOf.Group(r)]}'); {{Group}} must be constant within a subject");
            double y = rowsOf.Y(r);
            if (double.IsNaN(y)) continue;
            int v = visitOf[r];
            if ((mask >> v & 1) == 1)
                throw new RweStatsInputException($"{where(rowsOf.Where(r))}: subject '{Subject()}' has visit '{Visits[v]}' twice (first at {where(rowsOf.Where(rowAtVisit[v]))}); keep one row per subject and visit");
            mask |= 1UL << v;
            rowAtVisit[v] = r;
            usedRows[used++] = r;
            sumY += y; sumY2 += y * y;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
        }
        (SumY, SumY2, MinY, MaxY) = (sumY, sumY2, minY, maxY);
        // Each covariate over the used rows in row order: its sum, the code check, and whether it is constant.
        for (int k = 0; k < covariateCount && used > 0; k++)
        {
            double sum = CovariateSums[k];
            var codeLike = CovariateValues[k];
            var column = rowsOf.CovariateValues(k, out int stride);
            long first = BitConverter.DoubleToInt64Bits(column[usedRows[0] * stride]);
            bool same = true;
            int u = 0;
            // A covariate that is not a code (BASE) is ruled out at its first value; after that the loop has no call in it,
            // so the sum stays in a register (a call in the loop kept it in memory, a store and a load per row).
            for (; u < used && codeLike.Possible; u++)
            {
                double x = column[usedRows[u] * stride];
                sum += x;
                same &= BitConverter.DoubleToInt64Bits(x) == first;
                codeLike.Add(x);
            }
            for (; u < used; u++)
            {
                double x = column[usedRows[u] * stride];
                sum += x;
                same &= BitConverter.DoubleToInt64Bits(x) == first;
            }
            CovariateSums[k] = sum;
            if (!same) varying |= 1UL << k;
        }
        SubjectsRead++;
        if (mask == 0) return;
        Subjects++;
        Used += used;

        // The used rows in ascending visit id.
        var inVisitOrder = rowsInVisitOrder;
        int m = 0;
        for (ulong bits = mask; bits != 0; bits &= bits - 1) inVisitOrder[m++] = rowAtVisit[System.Numerics.BitOperations.TrailingZeroCount(bits)];
        // The signature's key: the class levels visit by visit in ascending visit id, kept once when they repeat; filled
        // a class at a time from its column of codes (row by row through every class read each code through the chunk).
        var keys = keyScratch;
        keys[0] = group; keys[1] = (int)(uint)mask; keys[2] = (int)(uint)(mask >> 32);
        int keyLengthUsed = 3 + m * classes;
        bool repeated = true;
        for (int c = 0; c < classes; c++)
        {
            var codes = rowsOf.ClassCodes(c, out int stride);
            int firstCode = codes[inVisitOrder[0] * stride];
            for (int j = 0, at = 3 + c; j < m; j++, at += classes)
            {
                int code = codes[inVisitOrder[j] * stride];
                keys[at] = code;
                repeated &= code == firstCode;
            }
        }
        // The monomials whose value is the same at every used row of the subject (bit k: monomial k), with two visits or more.
        ulong constant = 0;
        if (m > 1 && foldable)
            for (int k = 0; k < monomials.Length; k++)
                if ((monomialCovariates[k] & varying) == 0) constant |= 1UL << k;
        var lookup = keyScratch.AsSpan(0, repeated ? 3 + classes : keyLengthUsed);
        int hash = KeyComparer.Hash(lookup);
        var signature = Find(lookup, hash);
        if (signature is null)
        {
            signature = new Signature(group, mask, keyScratch.AsSpan(3, keyLengthUsed - 3).ToArray(), m, k1, constant);
            Insert(signature, lookup, hash);
            MarkUsed(signature);
        }

        // The subject's values: folded (each constant monomial once, after the visits' outcomes and other monomials)
        // while the signature's sums are, else in full.
        ulong folded = signature.FoldedMonomials;
        if (signature.IsFolded && (folded & ~constant) == 0)
        {
            int at = 0;
            for (int j = 0; j < m; j++)
            {
                int r = inVisitOrder[j];
                values[at++] = rowsOf.PresentY(r);
                for (int k = 1; k < k1; k++)
                    if ((folded >> (k - 1) & 1) == 0) values[at++] = Monomial(rowsOf, r, k - 1);
            }
            int first = inVisitOrder[0];
            for (int k = 1; k < k1; k++)
                if ((folded >> (k - 1) & 1) == 1) values[at++] = Monomial(rowsOf, first, k - 1);
            signature.AddFolded(values.AsSpan(0, at));
            return;
        }
        for (int visit = 0; visit < m; visit++)
        {
            int r = inVisitOrder[visit];
            values[visit * k1] = rowsOf.PresentY(r);
            for (int k = 1; k < k1; k++) values[visit * k1 + k] = Monomial(rowsOf, r, k - 1);
        }
        signature.Add(values.AsSpan(0, m * k1));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    double Monomial<TRows>(TRows rowsOf, int r, int k) where TRows : struct, IOpenRows
    {
        double product = 1;
        foreach (int i in monomials[k]) product *= rowsOf.Covariate(r, i);
        return product;
    }

    /// <summary>The signature of a key, or null.</summary>
    Signature? Find(ReadOnlySpan<int> key, int hash)
    {
        var slots = signatureSlots;
        int last = slots.Length - 1;
        for (int i = hash & last; ; i = (i + 1) & last)
        {
            long slot = slots[i];
            if (slot == 0) return null;
            if ((int)(slot >> 32) != hash) continue;
            int index = (int)slot - 1;
            var (at, length) = keyOf[index];
            if (length == key.Length && key.SequenceEqual(keyPool.AsSpan(at, length))) return signatures[index];
        }
    }

    void Insert(Signature signature, ReadOnlySpan<int> key, int hash)
    {
        if (keyPoolUsed + key.Length > keyPool.Length) Array.Resize(ref keyPool, Math.Max(2 * keyPool.Length, keyPoolUsed + key.Length));
        key.CopyTo(keyPool.AsSpan(keyPoolUsed));
        keyOf.Add((keyPoolUsed, key.Length));
        keyPoolUsed += key.Length;
        signatures.Add(signature);
        if (2 * signatures.Count > signatureSlots.Length)
        {
            var old = signatureSlots;
            signatureSlots = new long[2 * old.Length];
            foreach (long slot in old)
                if (slot != 0) Place(slot);
        }
        Place((long)hash << 32 | (uint)signatures.Count);
    }

    void Place(long slot)
    {
        int last = signatureSlots.Length - 1, i = (int)(slot >> 32) & last;
        while (signatureSlots[i] != 0) i = (i + 1) & last;
        signatureSlots[i] = slot;
    }

    /// <summary>
    /// The labels a signature's subjects had at their used rows (outcome present): its visits, group and class levels at
    /// those visits, which are the signature's key. Marked once, when the signature is first met, instead of at every
    /// used row: every later subject of the signature has the same.
    /// </summary>
    void MarkUsed(Signature signature)
    {
        int classes = shape.Classes, m = 0;
        for (ulong bits = signature.Mask; bits != 0; bits &= bits - 1, m++)
        {
            Visits.MarkUsed(System.Numerics.BitOperations.TrailingZeroCount(bits));
            for (int c = 0; c < classes; c++) Classes[c].MarkUsed(signature.Codes[m * classes + c]);
        }
        if (shape.HasGroup) Groups.MarkUsed(signature.Group);
    }

    string Subject() => Encoding.UTF8.GetString(key, 0, keyLength);

    /// <summary>The sums of one signature in this chunk's ids (<see cref="SubjectMoments"/>): its group, visits and class
    /// levels. Its sums are kept folded (<see cref="SubjectMoments.AddFolded"/>) over the monomials that were constant
    /// within its first subject, while they are within each subject added.</summary>
    internal sealed class Signature(int group, ulong mask, int[] codes, int visits, int perVisit, ulong foldedMonomials)
        : SubjectMoments(visits * perVisit, Fold(visits, perVisit, foldedMonomials), FoldedWidth(visits, perVisit, foldedMonomials))
    {
        public int Group { get; } = group;
        public ulong Mask { get; } = mask;
        /// <summary>Per observed visit (ascending id), per coded class, the level id.</summary>
        public int[] Codes { get; } = codes;
        /// <summary>The monomials (bit k: monomial k) each given once in a folded subject's values, while <see cref="SubjectMoments.IsFolded"/>.</summary>
        public ulong FoldedMonomials { get; } = foldedMonomials;

        /// <summary>Each visit's values (y, then the monomials) → the folded vector: per visit y and the other monomials,
        /// then each folded monomial once. Null when nothing is folded.</summary>
        static int[]? Fold(int visits, int perVisit, ulong folded)
        {
            if (folded == 0) return null;
            int kv = perVisit - System.Numerics.BitOperations.PopCount(folded);
            var map = new int[visits * perVisit];
            for (int a = 0; a < visits; a++)
            {
                int inVisit = 0, once = 0;
                for (int k = 0; k < perVisit; k++)
                    map[a * perVisit + k] = k > 0 && (folded >> (k - 1) & 1) == 1 ? visits * kv + once++ : a * kv + inVisit++;
            }
            return map;
        }

        static int FoldedWidth(int visits, int perVisit, ulong folded)
        {
            int once = System.Numerics.BitOperations.PopCount(folded);
            return visits * (perVisit - once) + once;
        }
    }

    /// <summary>Signature keys by content; looked up from a scratch span without an allocation per subject (or per chunk's signature, when chunks are joined).</summary>
    internal sealed class KeyComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public bool Equals(int[]? a, int[]? b) => a.AsSpan().SequenceEqual(b);
        public int GetHashCode(int[] a) => GetHashCode(a.AsSpan());
        public bool Equals(ReadOnlySpan<int> a, int[] b) => a.SequenceEqual(b);
        public int GetHashCode(ReadOnlySpan<int> a) => Hash(a);

        public static int Hash(ReadOnlySpan<int> a)
        {
            // A multiply-rotate over the dozen ints of a key, two at a time, once per subject: HashCode.AddBytes took most
            // of the lookup. (Only equal keys must hash alike: the signatures' order is their order of insertion, whatever
            // the hash.)
            ulong h = (ulong)a.Length;
            var pairs = System.Runtime.InteropServices.MemoryMarshal.Cast<int, ulong>(a);
            foreach (ulong x in pairs) h = (System.Numerics.BitOperations.RotateLeft(h, 27) ^ x) * 0x9E3779B97F4A7C15UL;
            if ((a.Length & 1) == 1) h = (System.Numerics.BitOperations.RotateLeft(h, 27) ^ (uint)a[^1]) * 0x9E3779B97F4A7C15UL;
            return (int)(h ^ h >> 32);
        }
        public int[] Create(ReadOnlySpan<int> a) => a.ToArray();
    }
}

/// <summary>A chunk met its subjects in no accepted order (a subject's rows apart): the file cannot be streamed subject by subject.</summary>
internal sealed class SubjectsOutOfOrderException : Exception;

/// <summary>The order in which subjects must come for their rows to be known contiguous.</summary>
internal static class SubjectOrder
{
    /// <summary>
    /// Natural order of subject ids: runs of digits compared by value ("PT9" before "PT10", "9" before "10"), other
    /// bytes by value, and ids equal so far ("007" and "7") by their bytes. Files sorted by an integer id, by a text
    /// id with a number in it (R's and SAS's usual "PT1", "PT2" … "PT10") or by a zero-padded text id all read as
    /// ascending; plain text order is the other order accepted.
    /// </summary>
    public static int CompareNatural(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        // Ids of one length that first differ where both have a digit of digit runs ending together (PT0001 and PT0002),
        // or both a byte that is no digit, compare as that byte: the runs before are the same bytes, and digit runs of
        // one length compare by value as they compare by bytes. Most consecutive ids are of that kind.
        if (a.Length == b.Length)
        {
            int d = a.CommonPrefixLength(b);
            if (d < a.Length)
            {
                bool digitA = IsDigit(a[d]), digitB = IsDigit(b[d]);
                if (!digitA && !digitB) return a[d].CompareTo(b[d]);
                if (digitA && digitB)
                {
                    int end = d + 1;
                    while (end < a.Length && IsDigit(a[end]) && IsDigit(b[end])) end++;
                    if (end == a.Length || !IsDigit(a[end]) && !IsDigit(b[end])) return a[d].CompareTo(b[d]);
                }
            }
        }
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (IsDigit(a[i]) && IsDigit(b[j]))
            {
                int ei = i, ej = j;
                while (ei < a.Length && IsDigit(a[ei])) ei++;
                while (ej < b.Length && IsDigit(b[ej])) ej++;
                var da = a[i..ei].TrimStart((byte)'0');
                var db = b[j..ej].TrimStart((byte)'0');
                if (da.Length != db.Length) return da.Length.CompareTo(db.Length);
                int c = da.SequenceCompareTo(db);
                if (c != 0) return c;
                i = ei; j = ej;
                continue;
            }
            if (a[i] != b[j]) return a[i].CompareTo(b[j]);
            i++; j++;
        }
        int rest = (a.Length - i).CompareTo(b.Length - j);
        return rest != 0 ? rest : a.SequenceCompareTo(b);
    }

    static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    /// <summary>A 64-bit hash of a subject id (two 32-bit xxHash32 with different seeds, <see cref="HashCode"/>), for the
    /// set of subjects met: equal ids hash alike within the process, which is all the set needs.</summary>
    public static ulong Hash(ReadOnlySpan<byte> subject)
    {
        var low = new HashCode();
        low.AddBytes(subject);
        var high = new HashCode();
        high.Add(0x5bd1e995);
        high.AddBytes(subject);
        return (ulong)(uint)low.ToHashCode() | (ulong)(uint)high.ToHashCode() << 32;
    }
}
