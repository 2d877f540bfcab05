using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>
/// The sufficient statistics of one "signature": the subjects of one covariance pattern (group level and set of visits)
/// whose class variables take the same levels at every visit. Since every design column is an indicator of a level
/// combination times a product of covariates, these subjects' Σ_i Z_iᵀ A Z_i needs only their count, the sum of each
/// valued quantity (y and each covariate product, per visit) and the sum of each product of two valued quantities:
/// the same statistics <see cref="RowSignature"/> keeps in memory, here computed where the data live (one GROUP BY).
/// </summary>
/// <param name="Group">Index into the frame's group levels (0 without a group).</param>
/// <param name="Visits">Bit mask of the visit positions observed (bit a: time level a).</param>
/// <param name="Codes">Per visit position a (all T positions), per class variable of <see cref="PatternSums.CodedClasses"/>,
/// the level index (into the variable's Levels), or −1 where the visit is not observed.</param>
/// <param name="Subjects">How many subjects.</param>
/// <param name="Sums">Σ_i v_(a,k) over the valued quantities, index a·(K+1) + k (k = 0: y; k ≥ 1: <see cref="PatternSums.Monomials"/>).</param>
/// <param name="Products">Σ_i v_u v_w, row-major n × n with n = T (K+1); entries of visits not observed are 0.</param>
public sealed record SignatureSums(int Group, ulong Visits, int[] Codes, long Subjects, double[] Sums, double[] Products);

/// <summary>
/// The sums one signature's subjects contribute, whichever path reads them (the rows in memory, <see cref="RowSignature"/>;
/// a streamed file, <see cref="Data.Streaming.ChunkSums"/>): the number of subjects, Σ_i v_i and the upper triangle of
/// Σ_i v_i v_iᵀ (packed row by row) over each subject's vector v_i of valued quantities (outcome and covariate products at
/// its visits). A database computes the same numbers with one GROUP BY (<see cref="Data.Sql.PatternSumsQuery"/>).
/// </summary>
/// <remarks>
/// Folded sums: a covariate constant within a subject (a baseline value b) repeats in v_i at every visit, so most of
/// Σ v vᵀ adds the same product to many entries (y_j·b at every visit's b, b·b at every pair of visits). While every
/// subject added has such repeats, the sums can be kept over the shorter vector u_i with each repeated value once
/// (<see cref="AddFolded"/>; entry e of v is entry fold[e] of u) and spread into the full layout when first read or when a
/// subject without the repeats comes (<see cref="Add"/>). Every full entry then received the same rounded products in the
/// same order as if each subject had been added in full (v_e v_f is u_fold[e] u_fold[f], and a·b rounds as b·a): the
/// same bits.
/// </remarks>
internal class SubjectMoments
{
    readonly int width;
    double[]? sums, products;
    int[]? fold;
    SubjectMoments? folded;

    /// <param name="width">The length of v.</param>
    /// <param name="fold">null, or per entry of v its index in the folded vector u (<see cref="AddFolded"/>), of length
    /// <paramref name="foldedWidth"/>.</param>
    public SubjectMoments(int width, int[]? fold = null, int foldedWidth = 0)
    {
        this.width = width;
        if (fold is null) (sums, products) = (new double[width], new double[width * (width + 1) / 2]);
        else (this.fold, folded) = (fold, new SubjectMoments(foldedWidth));
    }

    public long Subjects { get; private set; }
    public double[] Sums { get { if (folded is not null) Unfold(); return sums!; } }
    /// <summary>The upper triangle of Σ_i v_i v_iᵀ, row by row (<see cref="Product"/>): half the memory of the square,
    /// which a file read in chunks holds for every chunk's signatures until the chunks are joined.</summary>
    public double[] Products { get { if (folded is not null) Unfold(); return products!; } }

    /// <summary>Σ_i v_ia v_ib for a ≤ b.</summary>
    public double Product(int a, int b) => Products[a * width - a * (a - 1) / 2 + b - a];

    /// <summary>Whether the sums are still kept folded: a subject's folded vector may be added (<see cref="AddFolded"/>).</summary>
    public bool IsFolded => folded is not null;

    /// <summary>A subject's vector v.</summary>
    public void Add(ReadOnlySpan<double> v)
    {
        if (folded is not null) Unfold();
        Subjects++;
        AddTo(sums!, products!, v);
    }

    /// <summary>A subject's folded vector u (while <see cref="IsFolded"/>): its v is u[fold[e]] at each entry e.</summary>
    public void AddFolded(ReadOnlySpan<double> u)
    {
        Subjects++;
        var f = folded!;
        AddTo(f.sums!, f.products!, u);
    }

    /// <summary>The folded sums spread into the full layout: each full entry takes the folded entry its products were.</summary>
    void Unfold()
    {
        var (f, map) = (folded!, fold!);
        (sums, products) = (new double[width], new double[width * (width + 1) / 2]);
        for (int i = 0, at = 0; i < width; i++)
        {
            int fi = map[i];
            sums[i] = f.sums![fi];
            for (int j = i; j < width; j++, at++)
            {
                int fj = map[j];
                products[at] = fi <= fj ? f.Product(fi, fj) : f.Product(fj, fi);
            }
        }
        (folded, fold) = (null, null);
    }

    static void AddTo(double[] sums, double[] products, ReadOnlySpan<double> v)
    {
        int d = v.Length;
        for (int i = 0, at = 0; i < d; at += d - i, i++)
        {
            double vi = v[i];
            sums[i] += vi;
            // A row of the upper triangle is short (2m - i values): a vector loop in place (a vector call costs more than it
            // saves). Each lane adds the same product to the same sum as the plain loop (a product rounded, then a sum
            // rounded; never fused): the same bits. 128 bits wide where 256 are not (the native build's x86-64-v2
            // baseline, where the 256-bit loop is left out and only the plain loop ran).
            var row = products.AsSpan(at, d - i);
            var rest = v[i..];
            int j = 0;
            ref double r0 = ref MemoryMarshal.GetReference(row);
            ref double x0 = ref MemoryMarshal.GetReference(rest);
            if (Vector256.IsHardwareAccelerated)
            {
                var scale = Vector256.Create(vi);
                for (; j <= row.Length - 4; j += 4)
                    (Vector256.LoadUnsafe(ref r0, (nuint)j) + scale * Vector256.LoadUnsafe(ref x0, (nuint)j)).StoreUnsafe(ref r0, (nuint)j);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var scale = Vector128.Create(vi);
                for (; j <= row.Length - 2; j += 2)
                    (Vector128.LoadUnsafe(ref r0, (nuint)j) + scale * Vector128.LoadUnsafe(ref x0, (nuint)j)).StoreUnsafe(ref r0, (nuint)j);
            }
            for (; j < row.Length; j++) row[j] += vi * rest[j];
        }
    }
}

/// <summary>
/// Everything the likelihood needs from the data when the rows stay where they are: the summarised frame (class levels,
/// reference levels, counts) and the signature sums. The engine builds the design (aliasing from X'X, which is itself a
/// sum over signatures) and the covariance patterns' pair blocks Σ_i z_ia z_ibᵀ from them, then iterates exactly as on
/// rows read into memory: it never knows where the rows came from. Filled by <see cref="Data.Sql.PatternSumsQuery"/>.
/// </summary>
public sealed class PatternSums
{
    /// <summary>The frame: levels, counts and covariate means, no rows (<see cref="ModelFrame.Summary"/> set).</summary>
    public required ModelFrame Frame { get; init; }
    /// <summary>The spec the sums were computed for: the data part (formula, subject, time, class, group) must match the fit's.</summary>
    public required MixedModelSpec Spec { get; init; }
    /// <summary>Class variables other than the time variable, whose level at each visit is part of the signature.</summary>
    public required IReadOnlyList<string> CodedClasses { get; init; }
    /// <summary>Valued quantities after y: each a product of covariates (a term's covariates), e.g. [FEV1_BL] or [AGE, WEIGHT].</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Monomials { get; init; }
    /// <summary>The sums per signature (group, visits observed, class levels).</summary>
    public required IReadOnlyList<SignatureSums> Signatures { get; init; }

    /// <summary>The same sums with one more note on the frame, which the fit's notes repeat.</summary>
    public PatternSums WithNote(string note) => new()
    {
        Frame = Frame.WithNote(note), Spec = Spec, CodedClasses = CodedClasses, Monomials = Monomials, Signatures = Signatures,
    };

    /// <summary>The monomial of a term's covariates, the key of <see cref="Monomials"/>.</summary>
    public static string MonomialKey(IEnumerable<string> covariates) => string.Join("\u0001", covariates.OrderBy(c => c, StringComparer.Ordinal));

    /// <summary>
    /// Why this spec cannot be fitted from sums alone, or null: the settings that need the rows, named as
    /// <see cref="RweStatsInputException.NameSettings"/> renders them ("{Blups}", "{Df} between-within"). Empirical standard errors, BLUPs and residuals are sums
    /// of per-subject products that depend on the estimates, spatial structures need each subject's own times, and
    /// between-within df need to know which terms vary within a subject: all need the rows.
    /// </summary>
    public static string? RowsNeeded(MixedModelSpec spec)
    {
        var needs = new List<string>();
        if (spec.StdErrors == StdErrorMethod.Empirical) needs.Add("{StdErrors} empirical");
        if (spec.Blups) needs.Add("{Blups}");
        if (spec.Residuals) needs.Add("{Residuals}");
        if (spec.Df == DfMethod.BetweenWithin) needs.Add("{Df} between-within");
        if (spec.Covariance != "auto" && CovarianceTypes.Of(spec.Covariance).Spatial)
            needs.Add($"{{Covariance}} {spec.Covariance} (subject-specific times)");
        return needs.Count == 0 ? null : string.Join(", ", needs);
    }

    /// <summary>
    /// The design and the covariance patterns. X'X over all design columns is the sum over signatures of their rows'
    /// cross-products at each visit (the diagonal pair blocks); the aliasing sweep runs on it; then each signature's
    /// pair blocks of the estimated columns and y are added to its pattern's (a ≤ b; the block of (b, a) is the
    /// transpose of (a, b)). Built in two passes so that no block is ever formed over all design columns: at 10⁶
    /// subjects × 10 visits those were 150 MB of mostly zeros, and most of the build's time.
    /// </summary>
    internal (FixedEffectsDesign design, IReadOnlyList<CovariancePattern> patterns) Build()
    {
        var frame = Frame;
        var layout = FixedEffectsDesign.ColumnLayout(frame);
        int full = layout.Sum(t => t.Size), t = frame.Time.Levels.Count, k1 = Monomials.Count + 1, n = t * k1;
        var monomialOf = Monomials.Select((m, i) => (MonomialKey(m), i + 1)).ToDictionary(x => x.Item1, x => x.Item2);
        var codedIndex = CodedClasses.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        // Per term: the valued quantity of its entries (0 = indicator: value 1).
        var termValue = layout.Select(term => term.Covariates.Count == 0 ? 0 : monomialOf[MonomialKey(term.Covariates)]).ToArray();
        int entries = layout.Count + 1;

        // The entries of each visit's row of Z = [X y] of a signature: one per term (its column from the levels at that
        // visit) and y (column full); the value index into Sums, −1 for an indicator.
        void RowEntries(SignatureSums sig, int[] positions, int[] columns, int[] values)
        {
            for (int a = 0; a < positions.Length; a++)
            {
                int position = positions[a];
                for (int term = 0; term < layout.Count; term++)
                {
                    int column = layout[term].Offset;
                    foreach (var (variable, coding, stride) in layout[term].Classes)
                    {
                        int level = variable == frame.Time.Name ? position : sig.Codes[position * CodedClasses.Count + codedIndex[variable]];
                        column += coding[level] * stride;
                    }
                    columns[a * entries + term] = column;
                    values[a * entries + term] = termValue[term] == 0 ? -1 : position * k1 + termValue[term];
                }
                columns[a * entries + layout.Count] = full;
                values[a * entries + layout.Count] = position * k1;
            }
        }
        // Σ_i z_ia,u z_ib,v: a count (two indicators), a sum (one indicator) or a sum of products.
        static double CrossProduct(SignatureSums sig, int vu, int vv, int n) =>
            vu < 0 && vv < 0 ? sig.Subjects : vu < 0 ? sig.Sums[vv] : vv < 0 ? sig.Sums[vu] : sig.Products[Math.Min(vu, vv) * n + Math.Max(vu, vv)];
        static int[] Positions(ulong visits, int t) => Enumerable.Range(0, t).Where(a => (visits >> a & 1) == 1).ToArray();

        var columns = new int[t * entries];
        var values = new int[t * entries];
        // First pass: X'X over all design columns (y excluded).
        var xtx = new double[full, full];
        foreach (var sig in Signatures)
        {
            var positions = Positions(sig.Visits, t);
            RowEntries(sig, positions, columns, values);
            for (int a = 0; a < positions.Length; a++)
                for (int u = 0; u < layout.Count; u++)
                    for (int v = 0; v < layout.Count; v++)
                        xtx[columns[a * entries + u], columns[a * entries + v]] += CrossProduct(sig, values[a * entries + u], values[a * entries + v], n);
        }
        var design = new FixedEffectsDesign(frame, xtx);
        var keep = design.Estimated.Append(full).ToArray();
        int w = keep.Length;
        var reducedIndex = Enumerable.Repeat(-1, full + 1).ToArray();
        for (int u = 0; u < w; u++) reducedIndex[keep[u]] = u;

        // Second pass: the patterns' pair blocks of the estimated columns and y. The signatures are grouped by pattern
        // (patterns in order of first appearance, each pattern's signatures in their order), then the patterns are
        // built in parallel: each block is summed by one thread in signature order, so the bits do not depend on the
        // number of threads. Most of this pass is touching fresh memory (m² blocks of (p+1)² numbers per pattern: 85 MB
        // at 10⁶ subjects × 10 visits), which two cores do in half the time. The blocks live as long as the fit, so they
        // are allocated on the pinned object heap: on the ordinary heap their 85 MB were copied from generation to
        // generation by the collections their own allocation set off (a third of this pass's time).
        var byPattern = new Dictionary<(int group, ulong visits), List<SignatureSums>>();
        var order = new List<(int group, ulong visits)>();
        foreach (var sig in Signatures)
        {
            var key = (sig.Group, sig.Visits);
            if (!byPattern.TryGetValue(key, out var list))
            {
                byPattern[key] = list = new List<SignatureSums>();
                order.Add(key);
            }
            list.Add(sig);
        }
        var patterns = new CovariancePattern[order.Count];
        Parallel.For(0, order.Count, () => (columns: new int[t * entries], values: new int[t * entries]), (k, _, scratch) =>
        {
            var key = order[k];
            var sigs = byPattern[key];
            var positions = Positions(key.visits, t);
            int m = positions.Length;
            var blocks = new double[m * m][];
            for (int a = 0; a < m; a++)
                for (int b = a; b < m; b++) blocks[a * m + b] = GC.AllocateArray<double>(w * w, pinned: true);
            long subjects = 0;
            var (columns, values) = scratch;
            foreach (var sig in sigs)
            {
                subjects += sig.Subjects;
                RowEntries(sig, positions, columns, values);
                for (int a = 0; a < m; a++)
                    for (int b = a; b < m; b++)
                    {
                        var block = blocks[a * m + b];
                        for (int u = 0; u < entries; u++)
                        {
                            int ru = reducedIndex[columns[a * entries + u]];
                            if (ru < 0) continue;
                            int vu = values[a * entries + u];
                            for (int v = 0; v < entries; v++)
                            {
                                int rv = reducedIndex[columns[b * entries + v]];
                                if (rv >= 0) block[ru * w + rv] += CrossProduct(sig, vu, values[b * entries + v], n);
                            }
                        }
                    }
            }
            for (int a = 0; a < m; a++)
                for (int b = 0; b < a; b++)
                {
                    var source = blocks[b * m + a];
                    var transposed = blocks[a * m + b] = GC.AllocateUninitializedArray<double>(w * w, pinned: true);
                    for (int u = 0; u < w; u++)
                        for (int v = 0; v < w; v++) transposed[u * w + v] = source[v * w + u];
                }
            patterns[k] = new CovariancePattern
            {
                Group = key.group, Visits = positions, Times = Array.Empty<double>(), SubjectCount = checked((int)subjects),
                PairBlocks = blocks, Width = w,
            };
            patterns[k].FindRowSupport();
            return scratch;
        }, _ => { });
        return (design, patterns);
    }

    /// <summary>Whether a fit's spec asks for the data these sums were computed from (same formula, columns and levels).</summary>
    internal bool Matches(MixedModelSpec spec) =>
        spec.Formula == Spec.Formula && spec.Subject == Spec.Subject && spec.Time == Spec.Time && spec.Group == Spec.Group &&
        spec.Baseline == Spec.Baseline && spec.ClassVariables.SequenceEqual(Spec.ClassVariables) &&
        (spec.TimeOrder ?? Array.Empty<string>()).SequenceEqual(Spec.TimeOrder ?? Array.Empty<string>()) &&
        spec.References.Count == Spec.References.Count && spec.References.All(r => Spec.References.TryGetValue(r.Key, out var v) && v == r.Value);
}
