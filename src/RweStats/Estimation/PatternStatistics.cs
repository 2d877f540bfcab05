using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>
/// Subjects that share a covariance pattern (group level and the set of visit positions observed; and,
/// for spatial structures, the actual times) share V_i. Everything the likelihood needs from the data is a
/// quadratic form Σ_i Z_iᵀ A Z_i with Z_i = [X_i y_i] and A an m×m matrix of the pattern (V⁻¹, V⁻¹ ∂V V⁻¹, …).
/// For a pattern with many subjects we keep the cross-product blocks Σ_i z_ia z_ibᵀ per visit pair (a, b),
/// so an evaluation costs O(m² (p+1)²) per pattern whatever the number of subjects; for a pattern with few
/// subjects we keep their Z_i and form Z_iᵀ A Z_i directly. Both give the same sums.
/// </summary>
public sealed class CovariancePattern
{
    /// <summary>The GROUP= level index of the pattern's subjects.</summary>
    public required int Group { get; init; }
    /// <summary>The visit positions observed (indices into the time levels): the pattern.</summary>
    public required int[] Visits { get; init; }
    /// <summary>The visit times of a spatial structure's subject; empty otherwise.</summary>
    public required double[] Times { get; init; }
    /// <summary>Subjects with this pattern.</summary>
    public required int SubjectCount { get; init; }
    /// <summary>Number of visits m in the pattern.</summary>
    public int Size => Visits.Length;

    // Either the pair blocks (m*m arrays of (p+1)^2) or the subjects' Z matrices (m × (p+1), row-major).
    internal double[][]? PairBlocks { get; init; }
    internal List<double[]>? SubjectRows { get; init; }
    /// <summary>p + 1: the columns of Z_i = [X_i y_i].</summary>
    public required int Width { get; init; } // p + 1

    /// <summary>acc += Σ_i Z_iᵀ A Z_i ((p+1) × (p+1), row-major); scratch: m (p+1) numbers, or null.</summary>
    internal void AddQuadratic(double[,] a, double[] acc, double[]? scratch = null)
    {
        int m = Size, w = Width;
        if (PairBlocks is not null)
        {
            AddWeighted(a, PairBlocks, acc, Support.Blocks, w);
            return;
        }
        var az = scratch ?? new double[m * w];
        foreach (var z in SubjectRows!)
        {
            MultiplyRows(a, z, w, az);
            for (int i = 0; i < m; i++)
                for (int u = 0; u < w; u++)
                {
                    double zu = z[i * w + u];
                    if (zu == 0) continue;
                    for (int v = 0; v < w; v++) acc[u * w + v] += zu * az[i * w + v];
                }
        }
    }

    /// <summary>into = A Z for a subject's Z (row-major m × w), zeros of A skipped.</summary>
    static void MultiplyRows(double[,] a, double[] z, int w, double[] into)
    {
        int m = a.GetLength(0);
        Array.Clear(into);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                double c = a[i, j];
                if (c == 0) continue;
                for (int u = 0; u < w; u++) into[i * w + u] += c * z[j * w + u];
            }
    }

    /// <summary>acc += Σ_ab D_ab blocks[a m + b] (zeros of D skipped; with <paramref name="rows"/>, only each block's rows
    /// that hold a non-zero, see <see cref="MultiplyAddRows"/>).</summary>
    internal static void AddWeighted(double[,] d, double[][] blocks, double[] acc, int[][]? rows = null, int width = 0)
    {
        int m = d.GetLength(0), ww = acc.Length;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                double c = d[i, j];
                if (c == 0) continue;
                if (rows is null) SmallDense.MultiplyAdd(c, blocks[i * m + j].AsSpan(0, ww), acc);
                else MultiplyAddRows(c, blocks[i * m + j], acc, rows[i * m + j], width);
            }
    }

    /// <summary>
    /// y += c x over the rows of x (width numbers each) listed as runs [start, count, start, count, ...]: the rows left
    /// out hold zeros only, and c·0 added to y changes nothing, so the bits are those of the whole product, at a third
    /// of its cost for a pattern-sum block (a visit's row of Z has one non-zero per term, so most rows of a pair block
    /// are zero). This needs c finite (∞·0 is NaN: the whole product then) and no −0 in y (every accumulator here
    /// starts at +0, and a sum that starts at +0 never becomes −0).
    /// </summary>
    static void MultiplyAddRows(double c, double[] x, Span<double> y, int[] runs, int width)
    {
        if (!double.IsFinite(c))
        {
            SmallDense.MultiplyAdd(c, x.AsSpan(0, y.Length), y);
            return;
        }
        for (int r = 0; r < runs.Length; r += 2)
            SmallDense.MultiplyAdd(c, x.AsSpan(runs[r] * width, runs[r + 1] * width), y.Slice(runs[r] * width, runs[r + 1] * width));
    }

    /// <summary>The rows of the pair blocks that hold a non-zero: per block (a m + b), and per column of blocks b (the
    /// union over a), as runs [start, count, ...]; found once per pattern, from the blocks as they are.</summary>
    /// <param name="Positions">Per visit position b, the columns v where some block B_ba has a non-zero row v (so column v of
    /// every B_ab is zero outside them).</param>
    /// <param name="Transposes">Whether every B_ab is B_baᵀ bit for bit (the sums make them so; a block edited in place, as
    /// the imputation's leave-one-out sums are, may not be).</param>
    sealed record RowSupport(int[][] Blocks, int[][] Columns, int[][] Positions, bool Transposes)
    {
        /// <summary>Per position b, <see cref="Positions"/> as runs of consecutive columns: [column, index in S_b, count, ...].</summary>
        public int[][] PositionRuns { get; } = Positions.Select(columns =>
        {
            var runs = new List<int>();
            for (int j = 0; j < columns.Length; j++)
                if (runs.Count > 0 && runs[^3] + runs[^1] == columns[j]) runs[^1]++;
                else { runs.Add(columns[j]); runs.Add(j); runs.Add(1); }
            return runs.ToArray();
        }).ToArray();
    }
    RowSupport? support;
    // Found by whichever thread needs it first (patterns are prepared on several threads, CovariancePattern.SandwichedBlocks).
    RowSupport Support => LazyInitializer.EnsureInitialized(ref support, FindSupport);

    /// <summary>Finds the pair blocks' row support now (<see cref="PatternSums.Build"/>: on the thread that built the
    /// blocks, while they are in its cache, instead of one pattern after the other at the fit's first pass).</summary>
    internal void FindRowSupport() => _ = Support;

    RowSupport FindSupport()
    {
        var blocks = PairBlocks ?? throw new InvalidOperationException("pair blocks are needed for their row support");
        int m = Size, w = Width;
        var nonZero = new bool[m * m][];
        for (int ab = 0; ab < m * m; ab++)
        {
            nonZero[ab] = new bool[w];
            for (int u = 0; u < w; u++) nonZero[ab][u] = blocks[ab].AsSpan(u * w, w).IndexOfAnyExcept(0.0) >= 0;
        }
        static int[] Runs(bool[] rows)
        {
            var runs = new List<int>();
            for (int u = 0; u < rows.Length; u++)
            {
                if (!rows[u]) continue;
                if (runs.Count > 0 && runs[^2] + runs[^1] == u) runs[^1]++;
                else { runs.Add(u); runs.Add(1); }
            }
            return runs.ToArray();
        }
        var columns = new int[m][];
        for (int b = 0; b < m; b++)
        {
            var any = new bool[w];
            for (int a = 0; a < m; a++)
                for (int u = 0; u < w; u++) any[u] |= nonZero[a * m + b][u];
            columns[b] = Runs(any);
        }
        var positions = new int[m][];
        for (int b = 0; b < m; b++)
        {
            var any = new bool[w];
            for (int a = 0; a < m; a++)
                for (int u = 0; u < w; u++) any[u] |= nonZero[b * m + a][u];
            positions[b] = Enumerable.Range(0, w).Where(u => any[u]).ToArray();
        }
        bool transposes = true;
        for (int a = 0; a < m && transposes; a++)
            for (int b = a; b < m && transposes; b++)
                for (int u = 0; u < w && transposes; u++)
                    for (int v = 0; v < w; v++)
                        if (BitConverter.DoubleToInt64Bits(blocks[a * m + b][u * w + v]) != BitConverter.DoubleToInt64Bits(blocks[b * m + a][v * w + u]))
                        {
                            transposes = false;
                            break;
                        }
        return new RowSupport(nonZero.Select(Runs).ToArray(), columns, positions, transposes);
    }

    /// <summary>
    /// acc[targets[k]] += Σ_i Z_iᵀ (A D_k A) Z_i for every k (the gradient's sums, A = V⁻¹, D_k = ∂V/∂θ_k). Since
    /// Σ_i Z_iᵀ A D A Z_i = Σ_cd D_cd Σ_i (A Z_i)_c (A Z_i)_dᵀ, the rows A Z_i (or their pair blocks) are formed once
    /// and each D_k then costs its non-zeros (one or two for UN) instead of m² block operations; for dense D_k and
    /// few parameters, the direct sums with A D_k A are cheaper and are used instead.
    /// </summary>
    /// <param name="entries">The non-zero entries of each D_k (the first entryCounts[k]).</param>
    /// <param name="scratch">m (p+1) numbers.</param>
    /// <param name="sandwich">Buffers for the sandwiched pair blocks, reused from pattern to pattern (without them every
    /// evaluation allocated 2 m² (p+1)² numbers per pattern: at 10 visits and 22 columns, 0.8 MB per pattern).</param>
    /// <param name="sandwiched">The pattern's sandwiched pair blocks at this A when formed beforehand
    /// (<see cref="SandwichedBlocksIfUsed"/>), else null.</param>
    internal void AddSandwichedQuadratics(double[,] a, double[][,] d, Func<double[][,]> ada, (int, int, double)[][] entries, int[] entryCounts,
                                          int[] targets, double[][] acc, double[] scratch, SandwichBuffers sandwich, double[][]? sandwiched = null)
    {
        int m = Size, w = Width, q = d.Length;
        int nonZeros = entryCounts.Sum();
        if (PairBlocks is not null)
        {
            if (UsesSandwichedBlocks(q, nonZeros))
            {
                var h = sandwiched ?? SandwichedBlocks(a, sandwich.G, sandwich.H, sandwich.Transposed);
                for (int k = 0; k < q; k++) AddWeighted(d[k], h, acc[targets[k]]);
            }
            else
            {
                var adaK = ada();
                for (int k = 0; k < q; k++) AddQuadratic(adaK[k], acc[targets[k]]);
            }
            return;
        }
        // Per subject: the direct sums cost q (m² w + m w²), the rows A Z_i once m² w and then nnz(D_k) w² per k.
        if ((long)q * (m * m * w + m * w * w) <= (long)m * m * w + (long)nonZeros * w * w)
        {
            var adaK = ada();
            for (int k = 0; k < q; k++) AddQuadratic(adaK[k], acc[targets[k]], scratch);
            return;
        }
        var u = scratch;
        foreach (var z in SubjectRows!)
        {
            MultiplyRows(a, z, w, u);
            for (int k = 0; k < q; k++)
            {
                var sum = acc[targets[k]];
                foreach (var (c, e, value) in entries[k].AsSpan(0, entryCounts[k]))
                    for (int s = 0; s < w; s++)
                    {
                        double us = value * u[c * w + s];
                        if (us == 0) continue;
                        for (int t = 0; t < w; t++) sum[s * w + t] += us * u[e * w + t];
                    }
            }
        }
    }

    /// <summary>Whether <see cref="AddSandwichedQuadratics"/> goes through the sandwiched pair blocks: pair blocks, and q
    /// derivatives with <paramref name="nonZeros"/> non-zeros in all costing more as m² block operations each.</summary>
    bool UsesSandwichedBlocks(int q, int nonZeros) => PairBlocks is not null && 2 * Size * Size * Size + nonZeros < q * Size * Size;

    /// <summary>The sandwiched pair blocks <see cref="AddSandwichedQuadratics"/> would form (into the buffers), or null where
    /// it would not form them: the costly part of a pattern's gradient sums, which depends on the pattern alone, so patterns
    /// can be prepared side by side and their sums added in pattern order.</summary>
    internal double[][]? SandwichedBlocksIfUsed(double[,] a, int q, int[] entryCounts, SandwichBuffers sandwich) =>
        UsesSandwichedBlocks(q, entryCounts.Sum()) ? SandwichedBlocks(a, sandwich.G, sandwich.H, sandwich.Transposed) : null;

    /// <summary>The pair blocks with A on both sides: H_cd = Σ_ab A_ac A_bd B_ab, the pair blocks of the rows A Z_i.</summary>
    /// <param name="g">m² blocks of at least (p+1)² numbers (overwritten).</param>
    /// <param name="h">The same, for the result.</param>
    /// <remarks>The products skip the rows of B_ab, and of G_cb, that hold zeros only (<see cref="MultiplyAddRows"/>): the
    /// same bits at about half the cost; this product is most of an evaluation's time for UN at 10 visits.</remarks>
    double[][] SandwichedBlocks(double[,] a, double[][] g, double[][] h, double[] transposed)
    {
        var pairBlocks = PairBlocks ?? throw new InvalidOperationException("pair blocks are needed for the sandwiched blocks");
        int m = Size, w = Width, ww = w * w;
        var rows = Support;
        if (rows.Transposes && SmallDense.AllFinite(a))
            return SandwichedBlocksByColumns(a, g, h, transposed);
        // G_cb = Σ_a A_ac B_ab: its rows are zero outside those of the blocks B_ab of column b.
        for (int c = 0; c < m; c++)
            for (int b = 0; b < m; b++)
            {
                var sum = g[c * m + b].AsSpan(0, ww);
                sum.Clear();
                for (int a2 = 0; a2 < m; a2++)
                {
                    double coefficient = a[a2, c];
                    if (coefficient == 0) continue;
                    MultiplyAddRows(coefficient, pairBlocks[a2 * m + b], sum, rows.Blocks[a2 * m + b], w);
                }
            }
        // H_cd = Σ_b G_cb A_bd
        for (int c = 0; c < m; c++)
            for (int d = 0; d < m; d++)
            {
                var sum = h[c * m + d].AsSpan(0, ww);
                sum.Clear();
                for (int b = 0; b < m; b++)
                {
                    double coefficient = a[b, d];
                    if (coefficient == 0) continue;
                    MultiplyAddRows(coefficient, g[c * m + b], sum, rows.Columns[b], w);
                }
            }
        return h;
    }

    /// <summary>
    /// <see cref="SandwichedBlocks"/>'s products over the non-zero columns only, with every entry the same sum of the same
    /// terms in the same order, so the same bits. Column v of every block B_ab is zero outside the columns of position b
    /// (<see cref="RowSupport.Positions"/>: the columns a visit's row of Z can hold a non-zero in, about a third of them),
    /// and so is column v of G_cb; the products of those zeros add nothing (c·0 added to a sum that starts at +0 leaves
    /// it as it is, c finite), so they are left out. G_cb is formed transposed, its rows read as rows of B_ba
    /// (B_ab = B_baᵀ bit for bit), then H_cd transposed, a row at a time, and copied out: each product then adds whole
    /// rows of the few non-zero columns into a block that stays in the cache, where the row-wise products read and
    /// wrote every block m³ times (at 10 visits, three times the memory of the cache).
    /// </summary>
    double[][] SandwichedBlocksByColumns(double[,] a, double[][] g, double[][] h, double[] transposed)
    {
        var pairBlocks = PairBlocks!;
        int m = Size, w = Width, ww = w * w;
        var positions = Support.Positions;
        // The columns S_b as runs [column, j, count, ...] of consecutive columns (consecutive rows of B_ba and of Gᵀ_cb):
        // one product per run rather than per row.
        var runs = Support.PositionRuns;
        // Gᵀ_cb[j, :] = Σ_a A_ac B_ba[S_b[j], :], the rows of G_cbᵀ at the columns S_b of position b.
        for (int c = 0; c < m; c++)
            for (int b = 0; b < m; b++)
            {
                var sum = g[c * m + b].AsSpan(0, positions[b].Length * w);
                sum.Clear();
                var bRuns = runs[b];
                for (int a2 = 0; a2 < m; a2++)
                {
                    double coefficient = a[a2, c];
                    if (coefficient == 0) continue;
                    var block = pairBlocks[b * m + a2];
                    for (int r = 0; r < bRuns.Length; r += 3)
                        SmallDense.MultiplyAdd(coefficient, block.AsSpan(bRuns[r] * w, bRuns[r + 2] * w), sum.Slice(bRuns[r + 1] * w, bRuns[r + 2] * w));
                }
            }
        // H_cdᵀ[v, :] = Σ_b A_bd Gᵀ_cb[j, :] over the b whose columns hold v = S_b[j]; then H_cd = (H_cdᵀ)ᵀ.
        var ht = transposed.AsSpan(0, ww);
        for (int c = 0; c < m; c++)
            for (int d = 0; d < m; d++)
            {
                ht.Clear();
                for (int b = 0; b < m; b++)
                {
                    double coefficient = a[b, d];
                    if (coefficient == 0) continue;
                    var bRuns = runs[b];
                    var gcb = g[c * m + b];
                    for (int r = 0; r < bRuns.Length; r += 3)
                        SmallDense.MultiplyAdd(coefficient, gcb.AsSpan(bRuns[r + 1] * w, bRuns[r + 2] * w), ht.Slice(bRuns[r] * w, bRuns[r + 2] * w));
                }
                var target = h[c * m + d];
                for (int u = 0; u < w; u++)
                    for (int v = 0; v < w; v++) target[u * w + v] = ht[v * w + u];
            }
        return h;
    }

    /// <summary>
    /// For every visit pair (a, b) of the pattern, the two scalars the Hessian needs from the data once β̂ and
    /// C = (XᵀV⁻¹X)⁻¹ are known: Φ_ab = Σ_i r_ia r_ib (w = [−β; 1]) and Ψ_ab = Σ_i x_iaᵀ C x_ib. Then for any m×m
    /// matrix A, Σ_i r_iᵀ A r_i = Σ_ab A_ab Φ_ab and tr(C Σ_i X_iᵀ A X_i) = Σ_ab A_ab Ψ_ab: each Hessian entry
    /// costs O(m²) per pattern instead of O(m² (p+1)²).
    /// </summary>
    /// <param name="scratch">At least m (p+1) numbers.</param>
    internal void ResidualAndLeverageSums(double[] w, double[,] c, double[,] phi, double[,] psi, double[] scratch)
    {
        int m = Size, width = Width, p = width - 1;
        Array.Clear(phi);
        Array.Clear(psi);
        if (PairBlocks is not null && Support.Transposes && SmallDense.AllFinite(w) && SmallDense.AllFinite(c))
        {
            // The same sums over the non-zero entries of each block only: B_ab is zero outside the columns of positions a
            // (rows) and b (columns), and a product with one of those zeros adds nothing to a sum that starts at +0 (w and
            // C finite), so every sum is the same bits at a tenth of the cost (a visit's row of Z has one non-zero per term).
            var positions = Support.Positions;
            for (int a = 0; a < m; a++)
                for (int b = a; b < m; b++)
                {
                    var block = PairBlocks[a * m + b];
                    var (rows, columns) = (positions[a], positions[b]);
                    double f = 0, g = 0;
                    foreach (int u in rows)
                    {
                        double t = 0;
                        foreach (int v in columns) t += block[u * width + v] * w[v];
                        f += w[u] * t;
                    }
                    foreach (int u in columns)
                    {
                        if (u >= p) break;
                        foreach (int v in rows)
                        {
                            if (v >= p) break;
                            g += c[u, v] * block[v * width + u];
                        }
                    }
                    phi[a, b] = phi[b, a] = f;
                    psi[a, b] = psi[b, a] = g;
                }
            return;
        }
        if (PairBlocks is not null)
        {
            for (int a = 0; a < m; a++)
                for (int b = a; b < m; b++)
                {
                    var block = PairBlocks[a * m + b];
                    double f = 0, g = 0;
                    for (int u = 0; u < width; u++)
                    {
                        double t = 0;
                        for (int v = 0; v < width; v++) t += block[u * width + v] * w[v];
                        f += w[u] * t;
                    }
                    for (int u = 0; u < p; u++)
                        for (int v = 0; v < p; v++) g += c[u, v] * block[v * width + u];
                    phi[a, b] = phi[b, a] = f;
                    psi[a, b] = psi[b, a] = g;
                }
            return;
        }
        var r = scratch.AsSpan(0, m);
        var cx = scratch.AsSpan(m, m * p);
        foreach (var z in SubjectRows!)
        {
            for (int a = 0; a < m; a++)
            {
                double t = 0;
                for (int u = 0; u < width; u++) t += z[a * width + u] * w[u];
                r[a] = t;
                for (int u = 0; u < p; u++)
                {
                    double s = 0;
                    for (int v = 0; v < p; v++) s += c[u, v] * z[a * width + v];
                    cx[a * p + u] = s;
                }
            }
            for (int a = 0; a < m; a++)
                for (int b = a; b < m; b++)
                {
                    double g = 0;
                    for (int u = 0; u < p; u++) g += z[a * width + u] * cx[b * p + u];
                    phi[a, b] += r[a] * r[b];
                    psi[a, b] += g;
                    if (a != b) { phi[b, a] = phi[a, b]; psi[b, a] = psi[a, b]; }
                }
        }
    }

    /// <summary>
    /// Σ_i r_ia r_ib (r_i = y_i − X_i β, w = [−β; 1]) at [a m + b]: the empirical covariance of residuals between the
    /// pattern's visits, from the same sums as the likelihood.
    /// </summary>
    internal double[] ResidualCrossProducts(double[] w)
    {
        int m = Size, width = Width;
        var sums = new double[m * m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++)
            {
                double sum = 0;
                if (PairBlocks is not null)
                {
                    var block = PairBlocks[a * m + b];
                    for (int u = 0; u < width; u++)
                    {
                        double t = 0;
                        for (int v = 0; v < width; v++) t += block[u * width + v] * w[v];
                        sum += w[u] * t;
                    }
                }
                else
                    foreach (var z in SubjectRows!)
                    {
                        double ra = 0, rb = 0;
                        for (int u = 0; u < width; u++) { ra += z[a * width + u] * w[u]; rb += z[b * width + u] * w[u]; }
                        sum += ra * rb;
                    }
                sums[a * m + b] = sum;
            }
        return sums;
    }

    /// <summary>
    /// Groups the subjects of a frame into patterns. <paramref name="perSubject"/> forces one pattern per
    /// subject (the reference path the tests compare the pattern path with).
    /// </summary>
    public static IReadOnlyList<CovariancePattern> Build(ModelFrame frame, FixedEffectsDesign design, bool spatial, bool perSubject = false)
    {
        int p = design.Rank, w = p + 1;
        // The subjects of each pattern, patterns in order of first appearance. A subject's rows are sorted by visit, so
        // the set of visits is the pattern: with at most 64 visits it is a bit mask (no text key per subject).
        var order = new List<List<int>>();
        bool mask = !perSubject && !spatial && frame.Time.Levels.Count <= 64;
        var byMask = new Dictionary<(int group, ulong visits), List<int>>();
        var byText = new Dictionary<string, List<int>>();
        for (int s = 0; s < frame.SubjectCount; s++)
        {
            int from = frame.SubjectStart[s], to = frame.SubjectStart[s + 1];
            List<int>? list;
            if (mask)
            {
                ulong visits = 0;
                for (int i = from; i < to; i++) visits |= 1UL << frame.VisitPosition[i];
                if (!byMask.TryGetValue((frame.SubjectGroup[s], visits), out list)) byMask[(frame.SubjectGroup[s], visits)] = list = NewPattern();
            }
            else
            {
                string key = perSubject ? $"s{s}" :
                    $"{frame.SubjectGroup[s]}|{string.Join(",", frame.VisitPosition[from..to])}" +
                    (spatial ? "|" + string.Join(",", frame.TimeValues![from..to].Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) : "");
                if (!byText.TryGetValue(key, out list)) byText[key] = list = NewPattern();
            }
            list.Add(s);
        }
        List<int> NewPattern() { var list = new List<int>(); order.Add(list); return list; }
        // Each pattern's sums are accumulated in fixed chunks of subjects (partial sums added in chunk order), the
        // chunks of all patterns in parallel: the same bits whatever the number of threads. Chunks are at least
        // MinChunk subjects and at most MaxChunks per pattern, so partial sums stay few at 10⁶ subjects.
        const int MinChunk = 2048, MaxChunks = 16;
        var work = new List<(int pattern, int from, int to)>();
        for (int k = 0; k < order.Count; k++)
        {
            int count = order[k].Count;
            if (count <= w) continue; // few subjects: their Z_i are kept as they are
            int chunk = Math.Max(MinChunk, (count + MaxChunks - 1) / MaxChunks);
            for (int from = 0; from < count; from += chunk) work.Add((k, from, Math.Min(count, from + chunk)));
        }
        var partial = new double[work.Count][][];
        int entries = design.MaxRowEntries + 1; // one per term, and y
        Parallel.For(0, work.Count, j =>
        {
            var (k, from, to) = work[j];
            var subjects = order[k];
            int m = frame.SubjectStart[subjects[0] + 1] - frame.SubjectStart[subjects[0]];
            var blocks = new double[m * m][];
            for (int ab = 0; ab < m * m; ab++) blocks[ab] = new double[w * w];
            // Row a of Z_i = [X_i y_i] as its non-zero entries (design rows are indicators of one level per term).
            var column = new int[m * entries];
            var value = new double[m * entries];
            var count = new int[m];
            // Subjects whose rows have their non-zeros in the same columns (same arm, site...) differ only in the values
            // of covariates and outcome: they are summed as sufficient statistics per signature and spread into the
            // blocks once, at the end of the chunk. Too many distinct signatures (time-varying class covariates):
            // the others are added to the blocks directly.
            var signatures = new Dictionary<long, List<RowSignature>>();
            var inOrder = new List<RowSignature>();
            int maxSignatures = 16 + (to - from) / 8;
            for (int t = from; t < to; t++)
            {
                int first = frame.SubjectStart[subjects[t]];
                long hash = m;
                for (int a = 0; a < m; a++)
                {
                    int c = design.RowEntries(first + a, column.AsSpan(a * entries, entries), value.AsSpan(a * entries, entries));
                    column[a * entries + c] = p;
                    value[a * entries + c] = frame.Response[first + a];
                    count[a] = c + 1;
                    hash = hash * 1_000_003 + c;
                    for (int e = 0; e < c; e++) hash = hash * 1_000_003 + column[a * entries + e];
                }
                if (!signatures.TryGetValue(hash, out var sameHash)) signatures[hash] = sameHash = new List<RowSignature>();
                RowSignature? signature = null;
                foreach (var candidate in sameHash)
                    if (candidate.Matches(column, count)) { signature = candidate; break; }
                if (signature is null && inOrder.Count < maxSignatures)
                {
                    signature = new RowSignature(column, count, entries, p, design);
                    sameHash.Add(signature);
                    inOrder.Add(signature);
                }
                if (signature is not null)
                {
                    signature.Add(value);
                    continue;
                }
                // Z[a, b] for a ≤ b only; Z[b, a] is its transpose.
                for (int a = 0; a < m; a++)
                    for (int b = a; b < m; b++)
                    {
                        var block = blocks[a * m + b];
                        int aOffset = a * entries, bOffset = b * entries;
                        for (int iu = 0; iu < count[a]; iu++)
                        {
                            int rowOffset = column[aOffset + iu] * w;
                            double zu = value[aOffset + iu];
                            for (int iv = 0; iv < count[b]; iv++)
                                block[rowOffset + column[bOffset + iv]] += zu * value[bOffset + iv];
                        }
                    }
            }
            foreach (var signature in inOrder) signature.SpreadInto(blocks, w);
            partial[j] = blocks;
        });

        var patterns = new List<CovariancePattern>();
        int next = 0;
        for (int k = 0; k < order.Count; k++)
        {
            var subjects = order[k];
            int first = frame.SubjectStart[subjects[0]], m = frame.SubjectStart[subjects[0] + 1] - first;
            bool useBlocks = subjects.Count > w;
            double[][]? blocks = null;
            List<double[]>? rows = null;
            if (useBlocks)
            {
                blocks = partial[next++];
                while (next < work.Count && work[next].pattern == k)
                {
                    var more = partial[next++];
                    for (int ab = 0; ab < m * m; ab++)
                        for (int r = 0; r < w * w; r++) blocks[ab][r] += more[ab][r];
                }
                for (int a = 0; a < m; a++)
                    for (int b = a + 1; b < m; b++)
                    {
                        var upper = blocks[a * m + b];
                        var lower = blocks[b * m + a];
                        for (int u = 0; u < w; u++)
                            for (int v = 0; v < w; v++) lower[u * w + v] = upper[v * w + u];
                    }
            }
            else
            {
                rows = new List<double[]>();
                foreach (var s in subjects)
                {
                    var z = new double[m * w];
                    FillZ(frame, design, s, m, z);
                    rows.Add(z);
                }
            }
            patterns.Add(new CovariancePattern
            {
                Group = frame.SubjectGroup[subjects[0]],
                Visits = frame.VisitPosition[first..(first + m)],
                Times = spatial ? frame.TimeValues![first..(first + m)] : Array.Empty<double>(),
                SubjectCount = subjects.Count,
                PairBlocks = blocks,
                SubjectRows = rows,
                Width = w,
            });
        }
        return patterns;
    }

    /// <summary>Z_i = [X_i y_i] of subject s, row-major m × (p+1).</summary>
    static void FillZ(ModelFrame frame, FixedEffectsDesign design, int s, int m, double[] z)
    {
        int from = frame.SubjectStart[s], w = design.Rank + 1;
        for (int a = 0; a < m; a++)
        {
            design.FillRow(from + a, z.AsSpan(a * w, w - 1));
            z[a * w + w - 1] = frame.Response[from + a];
        }
    }
}

/// <summary>
/// The subjects of one pattern whose rows have their non-zeros in the same columns, summed as sufficient statistics:
/// their count, the sum of each valued entry (covariate terms and y) and the sum of each product of two valued
/// entries. Indicator entries are 1, so every cross-product Σ_i z_ia,u z_ib,v is one of these: a count (two
/// indicators), a sum (one indicator), or a sum of products. A subject then costs its valued pairs, (2m)² / 2 for
/// one covariate and y, instead of all (terms + 1)² products of each visit pair.
/// </summary>
internal sealed class RowSignature
{
    readonly int m, stride;
    readonly int[] columns, counts;
    readonly int[] valuedIndex;  // per entry (a·stride + e): its index among the valued entries, −1 for an indicator
    readonly int[] valuedEntry;  // the valued entries' positions
    readonly SubjectMoments moments;
    readonly double[] valued;    // the valued entries of the subject being added

    public RowSignature(int[] column, int[] count, int stride, int responseColumn, FixedEffectsDesign design)
    {
        m = count.Length;
        this.stride = stride;
        columns = (int[])column.Clone();
        counts = (int[])count.Clone();
        valuedIndex = new int[column.Length];
        Array.Fill(valuedIndex, -1);
        var valued = new List<int>();
        for (int a = 0; a < m; a++)
            for (int e = 0; e < counts[a]; e++)
            {
                int c = columns[a * stride + e];
                if (c != responseColumn && design.IsIndicator(c)) continue;
                valuedIndex[a * stride + e] = valued.Count;
                valued.Add(a * stride + e);
            }
        valuedEntry = valued.ToArray();
        moments = new SubjectMoments(valuedEntry.Length);
        this.valued = new double[valuedEntry.Length];
    }

    public bool Matches(int[] column, int[] count)
    {
        for (int a = 0; a < m; a++)
        {
            if (count[a] != counts[a]) return false;
            if (!column.AsSpan(a * stride, count[a]).SequenceEqual(columns.AsSpan(a * stride, count[a]))) return false;
        }
        return true;
    }

    public void Add(double[] value)
    {
        for (int i = 0; i < valuedEntry.Length; i++) valued[i] = value[valuedEntry[i]];
        moments.Add(valued);
    }

    /// <summary>blocks[a m + b] += Σ_i z_ia z_ibᵀ for a ≤ b, from the statistics.</summary>
    public void SpreadInto(double[][] blocks, int w)
    {
        var (subjects, sums) = (moments.Subjects, moments.Sums);
        for (int a = 0; a < m; a++)
            for (int b = a; b < m; b++)
            {
                var block = blocks[a * m + b];
                for (int iu = 0; iu < counts[a]; iu++)
                {
                    int u = a * stride + iu, vu = valuedIndex[u], rowOffset = columns[u] * w;
                    for (int iv = 0; iv < counts[b]; iv++)
                    {
                        int v = b * stride + iv, vv = valuedIndex[v];
                        double sum = vu < 0 && vv < 0 ? subjects
                            : vu < 0 ? sums[vv]
                            : vv < 0 ? sums[vu]
                            : moments.Product(Math.Min(vu, vv), Math.Max(vu, vv));
                        block[rowOffset + columns[v]] += sum;
                    }
                }
            }
    }
}

/// <summary>Two sets of m² blocks of (p+1)² numbers for <see cref="CovariancePattern"/>'s sandwiched pair blocks of one
/// pattern size, allocated when first used (only patterns with pair blocks and enough parameters use them).</summary>
internal sealed class SandwichBuffers(int m, int width)
{
    double[][]? g, h;
    public double[][] G => g ??= New();
    public double[][] H => h ??= New();
    /// <summary>One block of (p+1)² numbers (a product formed transposed before it is copied out).</summary>
    public double[] Transposed => transposed ??= new double[width * width];
    double[]? transposed;
    double[][] New() => Enumerable.Range(0, m * m).Select(_ => new double[width * width]).ToArray();
}
