using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>The objective and what comes with it at one θ.</summary>
public sealed record LikelihoodEvaluation
{
    /// <summary>−2 log L (ML) or −2 log L_R (REML), SAS's definition including the 2π constant; +∞ where V is not positive definite.</summary>
    public required double Value { get; init; }
    /// <summary>Gradient of <see cref="Value"/> in θ.</summary>
    public double[]? Gradient { get; init; }
    /// <summary>Observed Hessian of <see cref="Value"/> in θ.</summary>
    public Matrix<double>? Hessian { get; init; }
    /// <summary>Expected Hessian (2 × Fisher information): tr(M V_k M V_l), M = P (REML) or V⁻¹ (ML).</summary>
    public Matrix<double>? ExpectedHessian { get; init; }
    /// <summary>β̂(θ) = C Xᵀ V⁻¹ y, the generalised least-squares estimate at θ.</summary>
    public Vector<double>? Beta { get; init; }
    /// <summary>C = (Xᵀ V⁻¹ X)⁻¹, the model-based covariance of β̂.</summary>
    public Matrix<double>? CovBeta { get; init; }
    /// <summary>∂C/∂θ_k = C (Xᵀ V⁻¹ V_k V⁻¹ X) C (used by Satterthwaite); formed when first read (the Newton steps never read it).</summary>
    public Matrix<double>[]? CovBetaDerivatives { get => covBetaDerivatives?.Value; init => covBetaDerivatives = value is null ? null : new(value); }
    Lazy<Matrix<double>[]>? covBetaDerivatives;
    /// <summary>How to form <see cref="CovBetaDerivatives"/> when it is read.</summary>
    internal Func<Matrix<double>[]> CovBetaDerivativesWhenRead { init => covBetaDerivatives = new(value); }
    /// <summary>
    /// The Kenward–Roger building blocks (order 2 only): P_k = Xᵀ V⁻¹ V_k V⁻¹ X, Q_kl = Xᵀ V⁻¹ V_k V⁻¹ V_l V⁻¹ X
    /// (symmetrised, which leaves Σ_kl W_kl Q_kl unchanged for symmetric W) and R_kl = Xᵀ V⁻¹ V_kl V⁻¹ X
    /// (null where ∂²V/∂θ_k∂θ_l vanishes); Kenward &amp; Roger (1997), section 3. KR's P_k carries a minus sign,
    /// which cancels in every product it enters.
    /// </summary>
    public KenwardRogerTerms? KenwardRogerTerms { get; init; }
    /// <summary>False where V is not positive definite (<see cref="Value"/> is +∞).</summary>
    public bool IsFinite => double.IsFinite(Value);
}

/// <summary>The Kenward–Roger building blocks P_k, Q_kl and R_kl (see <see cref="LikelihoodEvaluation.KenwardRogerTerms"/>).</summary>
/// <param name="P">P_k = Xᵀ V⁻¹ V_k V⁻¹ X, one per covariance parameter.</param>
/// <param name="Q">Q_kl = Xᵀ V⁻¹ V_k V⁻¹ V_l V⁻¹ X (symmetrised).</param>
/// <param name="R">R_kl = Xᵀ V⁻¹ V_kl V⁻¹ X; null where ∂²V/∂θ_k∂θ_l vanishes.</param>
public sealed record KenwardRogerTerms(Matrix<double>[] P, Matrix<double>?[,] Q, Matrix<double>?[,] R);

/// <summary>
/// The (restricted) log-likelihood of the linear mixed model y_i ~ N(X_i β, V_i(θ)) with β profiled out,
/// written once for REML and ML with analytic first and second derivatives in θ.
///
/// −2 ℓ_R(θ) = log|V| + log|Xᵀ V⁻¹ X| + rᵀ V⁻¹ r + (n − p) log 2π          (REML)
/// −2 ℓ(θ)   = log|V| + rᵀ V⁻¹ r + n log 2π                                 (ML)
/// with r = y − X β̂(θ) (SAS/STAT User's Guide, The MIXED Procedure, "Estimating Covariance Parameters").
/// With P = V⁻¹ − V⁻¹X C XᵀV⁻¹, e = P y, M = P (REML) or V⁻¹ (ML), V_k = ∂V/∂θ_k:
///   ∂/∂θ_k  = tr(M V_k) − eᵀ V_k e
///   ∂²/∂θ_k∂θ_l = tr(M V_kl) − tr(M V_k M V_l) + 2 eᵀ V_k P V_l e − eᵀ V_kl e
/// (Jennrich &amp; Schluchter 1986; Wolfinger, Tobias &amp; Sall 1994). Every term reduces to sums over
/// covariance patterns of Z_iᵀ A Z_i, see <see cref="CovariancePattern"/>.
/// </summary>
public sealed class LikelihoodObjective
{
    readonly CovarianceModel covariance;
    readonly IReadOnlyList<CovariancePattern> patterns;
    readonly int p, n;

    /// <summary>The objective of a covariance model over the data's covariance patterns, with rank(X) = <paramref name="rank"/> and n = <paramref name="observations"/>.</summary>
    public LikelihoodObjective(CovarianceModel covariance, IReadOnlyList<CovariancePattern> patterns, int rank, int observations, EstimationMethod method)
    {
        this.covariance = covariance;
        this.patterns = patterns;
        p = rank;
        n = observations;
        Method = method;
        autoregressive = AutoregressivePrecision.Applies(covariance);
        sideBySide = PreparesSideBySide(patterns, rank + 1);
    }

    /// <summary>AR(1) without a random intercept: every pattern through its tridiagonal inverse (<see cref="AutoregressivePrecision"/>).</summary>
    readonly bool autoregressive;

    /// <summary>Evaluates every structure through the dense m×m matrices, AR(1) included (the reference the tests compare
    /// <see cref="AutoregressivePrecision"/> with).</summary>
    internal bool DenseOnly { get; init; }

    bool Tridiagonal => autoregressive && !DenseOnly;

    /// <summary>REML or ML.</summary>
    public EstimationMethod Method { get; }
    /// <summary>Number of covariance parameters (the length of θ).</summary>
    public int ParameterCount => covariance.ParameterCount;

    /// <summary>Told after each evaluation with derivatives (one per Newton–Raphson iteration), with <see cref="ModelName"/>.</summary>
    public IProgress<FitProgress>? Progress { get; init; }
    /// <summary>How progress names the model ("UN model for 'FEV1'").</summary>
    public string ModelName { get; init; } = "";
    /// <summary>
    /// Workspaces to reuse from evaluation to evaluation, and from objective to objective over the same covariance model
    /// (the resampling refits: thousands of objectives of a few evaluations each); null: each evaluation allocates its
    /// own. One scratch serves one evaluation at a time: give each thread its own.
    /// </summary>
    public EvaluationScratch? Scratch { get; init; }

    /// <summary>The per-pattern-size workspaces and each group's local parameters, kept between evaluations.</summary>
    public sealed class EvaluationScratch
    {
        internal readonly Dictionary<int, PatternWorkspace> Workspaces = new();
        internal readonly Dictionary<int, int[]> LocalParameters = new();
        /// <summary>Per thread of the patterns prepared side by side, its workspaces (<see cref="InPatternOrder"/>).</summary>
        internal readonly List<Dictionary<int, PatternWorkspace>> Slots = new();
    }

    /// <summary>The time progress tells, from the start of the fit (shared by the fits an optimum search makes for its starts).</summary>
    internal System.Diagnostics.Stopwatch Clock { get; init; } = System.Diagnostics.Stopwatch.StartNew();
    int iterations;

    /// <summary>
    /// Scratch matrices for the patterns of one size (and one number of local parameters), reused from pattern to
    /// pattern within an evaluation: with subject-specific times (spatial structures) every subject is its own
    /// pattern, and the per-pattern work must not allocate.
    /// </summary>
    internal sealed class PatternWorkspace
    {
        public readonly int M, Parameters;
        public readonly double[,] W;                 // V, then V⁻¹ in place
        public readonly double[][,] DV;              // ∂V/∂θ_k
        public readonly double[,][,] D2V;            // ∂²V/∂θ_k∂θ_l (allocated by the covariance model where not 0)
        public readonly (int, int, double)[][] Entries; // non-zeros of each ∂V/∂θ_k
        public readonly int[] EntryCounts;
        /// <summary>W V_k W, formed when first read after the pattern is prepared: the pair-block paths of UN (the
        /// sandwiched blocks, the Hessian's sums over entry pairs) never read it.</summary>
        public double[][,] WdVW
        {
            get
            {
                if (!wdVWFormed)
                {
                    for (int k = 0; k < Parameters; k++) SmallDense.Sandwich(W, DV[k], EntriesOf(k), wdVW[k], sandwichScratch);
                    wdVWFormed = true;
                }
                return wdVW;
            }
        }
        readonly double[][,] wdVW;
        readonly double[,] sandwichScratch;
        bool wdVWFormed;
        /// <summary>Reads <see cref="WdVW"/> (formed then) for a caller that may not need it.</summary>
        public readonly Func<double[][,]> ReadWdVW;
        /// <summary>V, V⁻¹ and the derivatives were formed anew: W V_k W is formed again when read.</summary>
        public void Prepared() => wdVWFormed = false;
        public readonly double[,] Phi, Psi, Temp, Temp2, WPhiW, WPsiW;
        public readonly double[] Rows;               // m × (p+1) scratch for one subject's rows
        double[][,]? phiRight, psiRight;

        public PatternWorkspace(int m, int parameters, int width)
        {
            M = m;
            Parameters = parameters;
            W = new double[m, m];
            DV = NewMatrices(parameters, m);
            D2V = new double[parameters, parameters][,];
            Entries = Enumerable.Range(0, parameters).Select(_ => new (int, int, double)[m * m]).ToArray();
            EntryCounts = new int[parameters];
            wdVW = NewMatrices(parameters, m);
            sandwichScratch = new double[m, m];
            ReadWdVW = () => WdVW;
            (Phi, Psi, Temp, Temp2, WPhiW, WPsiW) = (new double[m, m], new double[m, m], new double[m, m], new double[m, m], new double[m, m], new double[m, m]);
            Rows = new double[m * width];
            Sandwich = new SandwichBuffers(m, width);
        }

        /// <summary>Buffers for <see cref="CovariancePattern"/>'s sandwiched pair blocks, allocated when first needed.</summary>
        public readonly SandwichBuffers Sandwich;

        /// <summary>The pattern's second-pass scalars (<see cref="EvaluateFrom"/>).</summary>
        public PairTerms Terms => terms ??= new PairTerms(Parameters);
        PairTerms? terms;

        public double[][,] PhiRight => phiRight ??= NewMatrices(Parameters, M);
        public double[][,] PsiRight => psiRight ??= NewMatrices(Parameters, M);

        public ReadOnlySpan<(int, int, double)> EntriesOf(int k) => Entries[k].AsSpan(0, EntryCounts[k]);

        static double[][,] NewMatrices(int count, int m) => Enumerable.Range(0, count).Select(_ => new double[m, m]).ToArray();
    }

    /// <summary>
    /// V, V⁻¹, and with order ≥ 1 the derivatives of V (with their non-zero entries; W V_k W when read), of one pattern, into
    /// its workspace. Returns log|V|, or NaN when V is not positive definite.
    /// </summary>
    static double PreparePattern(CovarianceModel covariance, ReadOnlySpan<double> theta, CovariancePattern pattern, int order, PatternWorkspace ws)
    {
        int ql = ws.Parameters;
        if (order >= 1) foreach (var d in ws.DV) Array.Clear(d);
        if (order >= 2)
            for (int k = 0; k < ql; k++)
                for (int l = 0; l < ql; l++)
                    if (ws.D2V[k, l] is { } d) Array.Clear(d);
        covariance.Build(theta, pattern.Group, pattern.Visits, pattern.Times, ws.W, order >= 1 ? ws.DV : null, order >= 2 ? ws.D2V : null);
        double ld = SmallDense.InvertSpd(ws.W, ws.Temp, ws.Temp2); // ws.W now holds W = V⁻¹
        ws.Prepared();
        if (double.IsNaN(ld) || order < 1) return ld;
        // V_k is often sparse (UN: one or two non-zeros), so it is also kept as its list of entries. (W V_k W: when read.)
        for (int k = 0; k < ql; k++) ws.EntryCounts[k] = SmallDense.NonZeroEntries(ws.DV[k], ws.Entries[k]);
        return ld;
    }

    /// <param name="order">0: value (and β, C); 1: and gradient; 2: and Hessians and ∂C/∂θ.</param>
    /// <param name="kenwardRogerTerms">With order 2, also the p×p blocks Q_kl and R_kl Kenward–Roger needs (costlier).</param>
    public LikelihoodEvaluation Evaluate(ReadOnlySpan<double> theta, int order, bool kenwardRogerTerms = false)
    {
        var totals = Totals(theta, Math.Min(order, 1));
        return totals is null ? new LikelihoodEvaluation { Value = double.PositiveInfinity } : EvaluateFrom(theta, order, totals, kenwardRogerTerms);
    }

    /// <summary>
    /// The sums over the patterns that the value and the gradient need: log|V|, Σ Zᵀ V⁻¹ Z, tr(V⁻¹ V_k) and
    /// Σ Zᵀ V⁻¹ V_k V⁻¹ Z. They add over patterns (and subjects), so the totals of data that differ from others by a few
    /// subjects are the others' totals less those subjects' (<see cref="PatternTotals.Subtract"/>).
    /// </summary>
    public sealed record PatternTotals(double LogDetV, double[] QW, double[] TrWdV, double[][]? QdV)
    {
        /// <summary>These totals less <paramref name="other"/>'s (same model, same θ, same order).</summary>
        public PatternTotals Subtract(PatternTotals other)
        {
            static double[] Minus(double[] a, double[] b) { var r = (double[])a.Clone(); for (int i = 0; i < r.Length; i++) r[i] -= b[i]; return r; }
            return new PatternTotals(LogDetV - other.LogDetV, Minus(QW, other.QW), Minus(TrWdV, other.TrWdV),
                QdV is null || other.QdV is null ? null : QdV.Zip(other.QdV, Minus).ToArray());
        }
    }

    /// <summary>The pattern totals at θ, to order 0 (value) or 1 (and gradient); null when a V is not positive definite.</summary>
    public PatternTotals? Totals(ReadOnlySpan<double> theta, int order)
    {
        int q = covariance.ParameterCount, w = p + 1, ww = w * w;
        var qW = new double[ww];
        double logDetV = 0;
        var trWdV = new double[q];
        double[][]? qdV = order >= 1 ? NewBlocks(q, ww) : null;
        var workspaces = Scratch?.Workspaces ?? new Dictionary<int, PatternWorkspace>();
        var localOf = Scratch?.LocalParameters ?? new Dictionary<int, int[]>();
        PatternWorkspace Workspace(int m, int ql) =>
            workspaces.TryGetValue(m, out var ws) && ws.Parameters == ql ? ws : workspaces[m] = new PatternWorkspace(m, ql, w);
        int[] Local(int group) => localOf.TryGetValue(group, out var l) ? l : localOf[group] = covariance.LocalParameters(group);

        var ar = Tridiagonal ? new AutoregressivePrecision() : null;
        bool finite = true;
        // A pattern's sums added to the totals, in pattern order; false where V is not positive definite.
        bool Add(CovariancePattern pattern, int[] local, (PatternWorkspace Workspace, double LogDet, double[][]? Sandwiched) prepared)
        {
            var (ws, ld, sandwiched) = prepared;
            if (double.IsNaN(ld)) return finite = false;
            int nP = pattern.SubjectCount, ql = local.Length;
            logDetV += nP * ld;
            pattern.AddQuadratic(ws.W, qW, ws.Rows);
            if (order < 1) return true;
            for (int k = 0; k < ql; k++) trWdV[local[k]] += nP * SmallDense.TraceOfProduct(ws.EntriesOf(k), ws.W);
            pattern.AddSandwichedQuadratics(ws.W, ws.DV, ws.ReadWdVW, ws.Entries, ws.EntryCounts, local, qdV!, ws.Rows, ws.Sandwich, sandwiched);
            return true;
        }
        // With derivatives and many large patterns, the patterns are prepared side by side (V⁻¹, its derivatives, the
        // sandwiched pair blocks: most of the work, and a pattern's own) and added in pattern order.
        if (ar is null && order >= 1 && sideBySide)
        {
            var thetaCopy = theta.ToArray();
            var locals = patterns.Select(pattern => Local(pattern.Group)).ToArray();
            InPatternOrder(w, locals, (i, ws) => Prepare(thetaCopy, patterns[i], ws, order), (i, prepared) => Add(patterns[i], locals[i], prepared));
            return finite ? new PatternTotals(logDetV, qW, trWdV, qdV) : null;
        }
        foreach (var pattern in patterns)
        {
            int m = pattern.Size, nP = pattern.SubjectCount;
            var local = Local(pattern.Group);
            if (ar is not null)
            {
                // AR(1): W = Q/σ², and W V_k W = −∂W/∂θ_k: −Q_ρ/σ² for ρ, Q/σ⁴ for σ².
                int rho = local[0], sigma = local[1];
                double s2 = theta[sigma];
                if (!ar.Prepare(theta[rho], s2, pattern.Visits, Math.Min(order, 1))) return null;
                logDetV += nP * ar.LogDet;
                ar.AddQuadratic(pattern, ar.Precision, 1 / s2, qW);
                if (order < 1) continue;
                trWdV[rho] += nP * ar.LogDetRho;
                trWdV[sigma] += nP * (m / s2);
                ar.AddQuadratic(pattern, ar.PrecisionRho, -1 / s2, qdV![rho]);
                ar.AddQuadratic(pattern, ar.Precision, 1 / (s2 * s2), qdV![sigma]);
                continue;
            }
            if (!Add(pattern, local, Prepare(theta, pattern, Workspace(m, local.Length), order))) return null;
        }
        return new PatternTotals(logDetV, qW, trWdV, qdV);
    }

    /// <summary>
    /// Each pattern prepared by one of two or more threads (<paramref name="prepare"/>: the pattern's own work, in a
    /// workspace of that thread), then added to the totals by the same thread (<paramref name="add"/>) once every earlier
    /// pattern is added: the totals are the same bits as one pattern after the other whatever the number of threads, and
    /// each thread's workspaces stay in its cache. Stops at the first pattern whose add returns false.
    /// </summary>
    void InPatternOrder<T>(int width, int[][] locals, Func<int, PatternWorkspace, T> prepare, Func<int, T, bool> add)
    {
        int workers = Math.Min(Environment.ProcessorCount, 8), next = -1, added = 0;
        bool stop = false;
        var slots = Scratch?.Slots ?? new List<Dictionary<int, PatternWorkspace>>();
        while (slots.Count < workers) slots.Add(new Dictionary<int, PatternWorkspace>());
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var workspaces = slots[worker];
            try
            {
                for (int i = Interlocked.Increment(ref next); i < patterns.Count; i = Interlocked.Increment(ref next))
                {
                    var pattern = patterns[i];
                    if (!workspaces.TryGetValue(pattern.Size, out var ws) || ws.Parameters != locals[i].Length)
                        workspaces[pattern.Size] = ws = new PatternWorkspace(pattern.Size, locals[i].Length, width);
                    var prepared = prepare(i, ws);
                    // Patterns are taken in order, so the one before is being prepared or added by a thread that waits for
                    // none after it: the wait ends (yielding, never sleeping: a wait per pattern).
                    var spin = new SpinWait();
                    while (Volatile.Read(ref added) != i)
                    {
                        if (Volatile.Read(ref stop)) return;
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                    if (Volatile.Read(ref stop)) return;
                    if (!add(i, prepared)) Volatile.Write(ref stop, true);
                    Volatile.Write(ref added, i + 1);
                }
            }
            catch
            {
                Volatile.Write(ref stop, true);
                throw;
            }
        });
    }

    /// <summary>Whether an evaluation with derivatives prepares its patterns side by side: more than one core, and the
    /// sandwiched pair blocks costing more than about 3·10⁷ operations in all (below that, starting the threads costs more
    /// than they save: small fits, and fits already run side by side).</summary>
    readonly bool sideBySide;

    /// <summary>Whether evaluations with derivatives prepare the patterns side by side (by default when the work is large
    /// enough, <see cref="PreparesSideBySide"/>); the tests compare both ways bit for bit.</summary>
    internal bool SideBySide { get => sideBySide; init => sideBySide = value; }

    static bool PreparesSideBySide(IReadOnlyList<CovariancePattern> patterns, int width)
    {
        if (Environment.ProcessorCount < 2 || patterns.Count < 16) return false;
        double work = 0;
        foreach (var pattern in patterns)
            if (pattern.PairBlocks is not null) work += 2.0 * pattern.Size * pattern.Size * pattern.Size * width * width;
        return work >= 3e7;
    }

    /// <summary>A pattern's part of the totals that depends on it alone: V⁻¹ and its derivatives
    /// (<see cref="PreparePattern"/>) and, with order ≥ 1, its sandwiched pair blocks when the gradient sums use them.</summary>
    (PatternWorkspace Workspace, double LogDet, double[][]? Sandwiched) Prepare(ReadOnlySpan<double> theta, CovariancePattern pattern, PatternWorkspace ws, int order)
    {
        double ld = PreparePattern(covariance, theta, pattern, Math.Min(order, 1), ws);
        var sandwiched = order >= 1 && !double.IsNaN(ld) ? pattern.SandwichedBlocksIfUsed(ws.W, ws.Parameters, ws.EntryCounts, ws.Sandwich) : null;
        return (ws, ld, sandwiched);
    }

    /// <summary>The evaluation at θ from the pattern totals at θ (order ≥ 1 needs totals of order 1; order 2 passes over the patterns again).</summary>
    public LikelihoodEvaluation EvaluateFrom(ReadOnlySpan<double> theta, int order, PatternTotals totals, bool kenwardRogerTerms = false)
    {
        int q = covariance.ParameterCount, w = p + 1, ww = w * w;
        bool reml = Method == EstimationMethod.Reml;
        var (qW, logDetV, trWdV, qdV) = (totals.QW, totals.LogDetV, totals.TrWdV, totals.QdV);
        if (order >= 1 && qdV is null) throw new ArgumentException("the totals were summed to order 0", nameof(totals));
        var workspaces = Scratch?.Workspaces ?? new Dictionary<int, PatternWorkspace>();
        var localOf = Scratch?.LocalParameters ?? new Dictionary<int, int[]>();
        PatternWorkspace Workspace(int m, int ql) =>
            workspaces.TryGetValue(m, out var ws) && ws.Parameters == ql ? ws : workspaces[m] = new PatternWorkspace(m, ql, w);
        int[] Local(int group) => localOf.TryGetValue(group, out var l) ? l : localOf[group] = covariance.LocalParameters(group);

        if (GeneralisedLeastSquares(qW, logDetV) is not var (value, beta, c, wvec)) return new LikelihoodEvaluation { Value = double.PositiveInfinity };
        if (order < 1) return new LikelihoodEvaluation { Value = value, Beta = beta, CovBeta = c };

        var s = new Matrix<double>[q];
        var gradient = new double[q];
        for (int k = 0; k < q; k++)
        {
            s[k] = XBlock(qdV![k]);
            double tr = trWdV[k] - (reml ? TraceProduct(c, s[k]) : 0);
            gradient[k] = tr - Quad(qdV[k], wvec, w);
        }
        if (order < 2) return new LikelihoodEvaluation { Value = value, Beta = beta, CovBeta = c, Gradient = gradient };
        Progress?.Report(new FitProgress(ModelName, Interlocked.Increment(ref iterations), value, Clock.Elapsed));

        // Second pass over the patterns: for M_kl = W V_k W V_l W and W V_kl W, the scalars
        // tr(W V_k W V_l), rᵀ M_kl r, tr(C XᵀM_kl X), tr(W V_kl), rᵀ W V_kl W r, tr(C Xᵀ W V_kl W X)
        // through the per-pattern sums Φ and Ψ (CovariancePattern.ResidualAndLeverageSums).
        var trWdVWdV = new double[q, q];
        var rMr = new double[q, q];
        var cT = new double[q, q];
        var trWd2V = new double[q, q];
        var rd2r = new double[q, q];
        var cR = new double[q, q];
        var cArray = c.ToArray();
        double[,][]? qM = kenwardRogerTerms ? new double[q, q][] : null;
        double[,][]? qd2 = kenwardRogerTerms ? new double[q, q][] : null;
        // Second pass: each pattern's matrices are formed again in its workspace rather than kept from the first
        // pass (with subject-specific times that would be every subject's matrices at once).
        var ar = Tridiagonal ? new AutoregressivePrecision() : null;
        // A pattern's scalars (PairTerms) added to the totals, in pattern order.
        void Add(int[] local, PairTerms t)
        {
            for (int k = 0, pair = 0; k < local.Length; k++)
                for (int l = k; l < local.Length; l++, pair++)
                {
                    int gk = Math.Min(local[k], local[l]), gl = Math.Max(local[k], local[l]);
                    trWdVWdV[gk, gl] += t.TraceW[pair];
                    rMr[gk, gl] += t.TracePhi[pair];
                    cT[gk, gl] += t.TracePsi[pair];
                    if (!t.Second[pair]) continue;
                    trWd2V[gk, gl] += t.TraceWd2V[pair];
                    rd2r[gk, gl] += t.Residual2[pair];
                    cR[gk, gl] += t.Leverage2[pair];
                }
        }
        // Without the Kenward–Roger blocks (sums of matrices), the patterns' scalars are computed side by side and added in
        // pattern order, as in Totals.
        if (ar is null && !kenwardRogerTerms && sideBySide)
        {
            var thetaCopy = theta.ToArray();
            var locals = patterns.Select(pattern => Local(pattern.Group)).ToArray();
            InPatternOrder(w, locals, (i, ws) =>
            {
                SecondPassTerms(thetaCopy, patterns[i], locals[i], ws, wvec, cArray, ws.Terms, null, null);
                return ws.Terms;
            }, (i, terms) => { Add(locals[i], terms); return true; });
        }
        else
            foreach (var pattern in patterns)
            {
                var local = Local(pattern.Group);
                if (ar is not null)
                {
                    AddAutoregressivePattern(ar, theta, pattern, local, wvec, cArray, trWdVWdV, rMr, cT, trWd2V, rd2r, cR, qM, qd2);
                    continue;
                }
                var ws = Workspace(pattern.Size, local.Length);
                SecondPassTerms(theta, pattern, local, ws, wvec, cArray, ws.Terms, qM, qd2);
                Add(local, ws.Terms);
            }

        // a_k = Xᵀ W V_k W r  (p-vector)
        var a = new Vector<double>[q];
        for (int k = 0; k < q; k++) a[k] = XRowTimes(qdV![k], wvec, w);
        var cs = s.Select(sk => c * sk).ToArray();
        // The q² pairs below read C S_k and C a_l as plain arrays, each formed once (not once per pair, through indexers).
        var csValues = cs.Select(m => m.ToColumnMajorArray()).ToArray();
        var ca = a.Select(al => c * al).ToArray();
        var hessian = new DenseMatrix(q, q);
        var expected = new DenseMatrix(q, q);
        for (int k = 0; k < q; k++)
            for (int l = k; l < q; l++)
            {
                double trMVkMVl = trWdVWdV[k, l];
                if (reml) trMVkMVl += -2 * cT[k, l] + TraceProduct(csValues[k], csValues[l], p);
                double ePe = rMr[k, l] - a[k].DotProduct(ca[l]); // e' V_k P V_l e
                double trMVkl = trWd2V[k, l] - (reml ? cR[k, l] : 0);
                double h = trMVkl - trMVkMVl + 2 * ePe - rd2r[k, l];
                hessian[k, l] = hessian[l, k] = h;
                expected[k, l] = expected[l, k] = trMVkMVl;
            }
        KenwardRogerTerms? krTerms = null;
        if (kenwardRogerTerms)
        {
            var qTerms = new Matrix<double>?[q, q];
            var rTerms = new Matrix<double>?[q, q];
            for (int k = 0; k < q; k++)
                for (int l = k; l < q; l++)
                {
                    if (qM![k, l] is { } mkl) qTerms[k, l] = qTerms[l, k] = XBlock(mkl);
                    if (qd2![k, l] is { } d2) rTerms[k, l] = rTerms[l, k] = XBlock(d2);
                }
            krTerms = new KenwardRogerTerms(s, qTerms, rTerms);
        }
        return new LikelihoodEvaluation
        {
            Value = value, Beta = beta, CovBeta = c, Gradient = gradient, Hessian = hessian,
            ExpectedHessian = expected, CovBetaDerivativesWhenRead = () => cs.Select(csk => csk * c).ToArray(), KenwardRogerTerms = krTerms,
        };
    }

    /// <summary>One pattern's scalars of the second pass (<see cref="EvaluateFrom"/>), per pair k ≤ l of its parameters;
    /// with <paramref name="qM"/> and <paramref name="qd2"/>, the Kenward–Roger sums are added to them too.</summary>
    void SecondPassTerms(ReadOnlySpan<double> theta, CovariancePattern pattern, int[] local, PatternWorkspace ws, double[] wvec, double[,] cArray,
        PairTerms terms, double[,][]? qM, double[,][]? qd2)
    {
        int ww = (p + 1) * (p + 1);
        int m = pattern.Size, nP = pattern.SubjectCount, ql = local.Length;
        PreparePattern(covariance, theta, pattern, 2, ws);
        var wInv = ws.W;
        var (phi, psi) = (ws.Phi, ws.Psi);
        pattern.ResidualAndLeverageSums(wvec, cArray, phi, psi, ws.Rows);
        // With M_kl = W V_k W V_l W: Σ_ab (M_kl)_ab Φ_ab = tr(V_k W V_l · WΦW), likewise for Ψ, and
        // tr(W V_k W V_l) = tr(V_k W V_l · W). Two ways to evaluate, by cost: over the entry pairs of V_k and V_l,
        // Σ (V_k)_cd (V_l)_ef W_de (WΦW)_fc (UN: a few terms per pair), or with right factors W V_l W Φ W formed
        // once per l (m³ each) and then the entries of V_k (dense V_k, few parameters).
        long pairCost = 0, rightCost = 4L * ql * m * m * m;
        for (int k = 0; k < ql; k++)
            for (int l = k; l < ql; l++) pairCost += (long)ws.EntryCounts[k] * ws.EntryCounts[l];
        bool byPairs = pairCost <= rightCost;
        if (byPairs)
        {
            SmallDense.Multiply(wInv, phi, ws.Temp);
            SmallDense.Multiply(ws.Temp, wInv, ws.WPhiW);
            SmallDense.Multiply(wInv, psi, ws.Temp);
            SmallDense.Multiply(ws.Temp, wInv, ws.WPsiW);
        }
        else
            for (int l = 0; l < ql; l++)
            {
                SmallDense.Multiply(ws.WdVW[l], phi, ws.Temp);
                SmallDense.Multiply(ws.Temp, wInv, ws.PhiRight[l]);
                SmallDense.Multiply(ws.WdVW[l], psi, ws.Temp);
                SmallDense.Multiply(ws.Temp, wInv, ws.PsiRight[l]);
            }
        // The m×m matrices read through their first element (row-major: [i, j] at i m + j), without the checks of a
        // two-dimensional index, in the pairs' inner loop below (a pattern of 10 visits has 1 540 pairs).
        ref double w0 = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference((Array)wInv));
        ref double phiW0 = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference((Array)ws.WPhiW));
        ref double psiW0 = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference((Array)ws.WPsiW));
        for (int k = 0, pair = 0; k < ql; k++)
        {
            var entriesK = ws.EntriesOf(k);
            for (int l = k; l < ql; l++, pair++)
            {
                terms.Second[pair] = false;
                if (byPairs)
                {
                    double traceW = 0, tracePhi = 0, tracePsi = 0;
                    var entriesL = ws.EntriesOf(l);
                    foreach (var (c2, d, vk) in entriesK)
                        foreach (var (e, f, vl) in entriesL)
                        {
                            double x = vk * vl * Unsafe.Add(ref w0, d * m + e);
                            if (x == 0) continue;
                            int fc = f * m + c2;
                            traceW += x * Unsafe.Add(ref w0, fc);
                            tracePhi += x * Unsafe.Add(ref phiW0, fc);
                            tracePsi += x * Unsafe.Add(ref psiW0, fc);
                        }
                    terms.TraceW[pair] = nP * traceW;
                    terms.TracePhi[pair] = tracePhi;
                    terms.TracePsi[pair] = tracePsi;
                }
                else
                {
                    terms.TraceW[pair] = nP * SmallDense.TraceOfProduct(entriesK, ws.WdVW[l]);
                    terms.TracePhi[pair] = SmallDense.TraceOfProduct(entriesK, ws.PhiRight[l]);
                    terms.TracePsi[pair] = SmallDense.TraceOfProduct(entriesK, ws.PsiRight[l]);
                }
                int gk = Math.Min(local[k], local[l]), gl = Math.Max(local[k], local[l]);
                if (qM is not null)
                {
                    SmallDense.Multiply(wInv, ws.DV[k], ws.Temp);
                    SmallDense.Multiply(ws.Temp, ws.WdVW[l], ws.Temp2);
                    pattern.AddQuadratic(ws.Temp2, qM[gk, gl] ??= new double[ww], ws.Rows);
                }
                var d2 = ws.D2V[k, l] ?? ws.D2V[l, k];
                if (d2 is null) continue;
                terms.Second[pair] = true;
                terms.TraceWd2V[pair] = nP * SmallDense.TraceOfProduct(wInv, d2);
                SmallDense.Multiply(wInv, d2, ws.Temp);
                SmallDense.Multiply(ws.Temp, wInv, ws.Temp2); // W V_kl W
                terms.Residual2[pair] = Contract(ws.Temp2, phi);
                terms.Leverage2[pair] = Contract(ws.Temp2, psi);
                if (qd2 is not null) pattern.AddQuadratic(ws.Temp2, qd2[gk, gl] ??= new double[ww], ws.Rows);
            }
        }
    }

    /// <summary>A pattern's second-pass scalars per pair of its parameters (k ≤ l, row by row): nP tr(W V_k W V_l),
    /// rᵀ M_kl r and tr(C Xᵀ M_kl X); where ∂²V/∂θ_k∂θ_l ≠ 0 (<see cref="Second"/>), nP tr(W V_kl), rᵀ W V_kl W r and
    /// tr(C Xᵀ W V_kl W X).</summary>
    internal sealed class PairTerms(int parameters)
    {
        public readonly double[] TraceW = Pairs(parameters), TracePhi = Pairs(parameters), TracePsi = Pairs(parameters),
            TraceWd2V = Pairs(parameters), Residual2 = Pairs(parameters), Leverage2 = Pairs(parameters);
        public readonly bool[] Second = new bool[parameters * (parameters + 1) / 2];
        static double[] Pairs(int q) => new double[q * (q + 1) / 2];
    }

    /// <summary>
    /// β̂ = C Xᵀ V⁻¹ y with C = (Xᵀ V⁻¹ X)⁻¹ from Σ Zᵀ V⁻¹ Z, the −2 log-likelihood (REML or ML) and w = [−β̂; 1] (so that
    /// r = Z w); null when Xᵀ V⁻¹ X is not positive definite.
    /// </summary>
    (double Value, Vector<double> Beta, Matrix<double> C, double[] W)? GeneralisedLeastSquares(double[] qW, double logDetV)
    {
        int w = p + 1;
        var xtwx = XBlock(qW);
        var xtwy = DenseVector.Create(p, i => qW[i * w + p]);
        Matrix<double> c;
        double logDetXtWX;
        try
        {
            var chol = xtwx.Cholesky();
            logDetXtWX = chol.DeterminantLn;
            c = chol.Solve(DenseMatrix.CreateIdentity(p));
        }
        catch (ArgumentException) { return null; }
        if (!double.IsFinite(logDetXtWX)) return null;
        var beta = c * xtwy;
        var wvec = new double[w];
        for (int i = 0; i < p; i++) wvec[i] = -beta[i];
        wvec[p] = 1;
        double rWr = Quad(qW, wvec, w);
        double value = Method == EstimationMethod.Reml
            ? logDetV + logDetXtWX + rWr + (n - p) * Math.Log(2 * Math.PI)
            : logDetV + rWr + n * Math.Log(2 * Math.PI);
        return (value, beta, c, wvec);
    }

    /// <summary>
    /// The value, β̂, C and gradient at θ in two passes over the patterns, without the sandwiched sums Σ Zᵀ W V_k W Z
    /// of <see cref="Totals"/> (W = V⁻¹): the first pass sums log|V| and Σ Zᵀ W Z, which give β̂ and C; the second
    /// contracts each W V_k W with the pattern's residual and leverage sums Φ and Ψ
    /// (<see cref="CovariancePattern.ResidualAndLeverageSums"/>), since Σ_i r_iᵀ W V_k W r_i = Σ_ab (W V_k W)_ab Φ_ab and
    /// tr(C Σ_i X_iᵀ W V_k W X_i) = Σ_ab (W V_k W)_ab Ψ_ab. A parameter then costs O(m²) per pattern instead of
    /// O(m² (p+1)²): for UN at 6 visits and 19 columns of Z, a gradient costs about a tenth. The same numbers as
    /// <see cref="Evaluate"/> with order 1 (to rounding); the resampling refits use it, whose later steps need
    /// gradients only and whose first step needs the additive totals.
    /// </summary>
    public LikelihoodEvaluation EvaluateGradientByResiduals(ReadOnlySpan<double> theta)
    {
        int q = covariance.ParameterCount, w = p + 1;
        bool reml = Method == EstimationMethod.Reml;
        var qW = new double[w * w];
        double logDetV = 0;
        var workspaces = Scratch?.Workspaces ?? new Dictionary<int, PatternWorkspace>();
        var localOf = Scratch?.LocalParameters ?? new Dictionary<int, int[]>();
        PatternWorkspace Workspace(int m, int ql) =>
            workspaces.TryGetValue(m, out var ws) && ws.Parameters == ql ? ws : workspaces[m] = new PatternWorkspace(m, ql, w);
        int[] Local(int group) => localOf.TryGetValue(group, out var l) ? l : localOf[group] = covariance.LocalParameters(group);
        foreach (var pattern in patterns)
        {
            var ws = Workspace(pattern.Size, Local(pattern.Group).Length);
            double ld = PreparePattern(covariance, theta, pattern, 0, ws);
            if (double.IsNaN(ld)) return new LikelihoodEvaluation { Value = double.PositiveInfinity };
            logDetV += pattern.SubjectCount * ld;
            pattern.AddQuadratic(ws.W, qW, ws.Rows);
        }
        if (GeneralisedLeastSquares(qW, logDetV) is not var (value, beta, c, wvec)) return new LikelihoodEvaluation { Value = double.PositiveInfinity };
        var cArray = c.ToArray();
        var gradient = new double[q];
        foreach (var pattern in patterns)
        {
            int nP = pattern.SubjectCount;
            var local = Local(pattern.Group);
            var ws = Workspace(pattern.Size, local.Length);
            PreparePattern(covariance, theta, pattern, 1, ws);
            pattern.ResidualAndLeverageSums(wvec, cArray, ws.Phi, ws.Psi, ws.Rows);
            for (int k = 0; k < local.Length; k++)
            {
                double g = nP * SmallDense.TraceOfProduct(ws.EntriesOf(k), ws.W) - Contract(ws.WdVW[k], ws.Phi);
                if (reml) g -= Contract(ws.WdVW[k], ws.Psi);
                gradient[local[k]] += g;
            }
        }
        return new LikelihoodEvaluation { Value = value, Beta = beta, CovBeta = c, Gradient = gradient };
    }

    /// <summary>
    /// The second pass's sums for one AR(1) pattern (<see cref="AutoregressivePrecision"/>), the same quantities as the
    /// dense path's: with W_k = ∂W/∂θ_k, W_kl = ∂²W/∂θ_k∂θ_l, A_kl = Σ Zᵀ W V_k W V_l W Z = Σ Zᵀ W_k V W_l Z and
    /// S_kl = Σ Zᵀ W_kl Z, Σ Zᵀ W V_kl W Z = A_kl + A_lk − S_kl; and tr(W V_k W V_l) = tr(W V_kl) − ∂²log|V|/∂θ_k∂θ_l.
    /// In θ = (ρ, σ²), W_σ V = −I/σ², so only A_ρρ = Σ Zᵀ Q_ρ R Q_ρ Z/σ² needs R:
    /// A_ρσ = S_ρσ = −Σ Zᵀ Q_ρ Z/σ⁴, A_σσ = Σ Zᵀ Q Z/σ⁶ = S_σσ/2, S_ρρ = Σ Zᵀ Q_ρρ Z/σ².
    /// </summary>
    void AddAutoregressivePattern(AutoregressivePrecision ar, ReadOnlySpan<double> theta, CovariancePattern pattern, int[] local,
        double[] wvec, double[,] c, double[,] trWdVWdV, double[,] rMr, double[,] cT, double[,] trWd2V, double[,] rd2r, double[,] cR,
        double[,][]? qM, double[,][]? qd2)
    {
        int w = p + 1, ww = w * w, m = pattern.Size, nP = pattern.SubjectCount;
        int rho = local[0], sigma = local[1];
        double s2 = theta[sigma];
        ar.Prepare(theta[rho], s2, pattern.Visits, 2);
        var (u0, u1, u2, sandwich) = (new double[ww], new double[ww], new double[ww], new double[ww]);
        ar.AddQuadratic(pattern, ar.Precision, 1, u0);
        ar.AddQuadratic(pattern, ar.PrecisionRho, 1, u1);
        ar.AddQuadratic(pattern, ar.PrecisionRhoRho, 1, u2);
        ar.AddRhoSandwich(pattern, 1, sandwich);
        double s4 = s2 * s2, s6 = s4 * s2; // σ⁴, σ⁶
        // (k, l, A_kl, S_kl, tr(W V_kl), ∂²log|V|/∂θ_k∂θ_l, V_kl ≠ 0)
        var pairs = new (int K, int L, double[] A, double[] S, double Trace, double LogDet, bool Second)[]
        {
            (rho, rho, Scaled(sandwich, 1 / s2), Scaled(u2, 1 / s2), ar.TraceWVRhoRho, ar.LogDetRhoRho, ar.HasSecondDerivative),
            (rho, sigma, Scaled(u1, -1 / s4), Scaled(u1, -1 / s4), ar.LogDetRho / s2, 0, m > 1),
            (sigma, sigma, Scaled(u0, 1 / s6), Scaled(u0, 2 / s6), 0, -m / s4, false),
        };
        foreach (var (k, l, a, sKl, trace, logDet, second) in pairs)
        {
            int gk = Math.Min(k, l), gl = Math.Max(k, l);
            double residual = Quad(a, wvec, w), leverage = TraceWithC(c, a, w);
            trWdVWdV[gk, gl] += nP * (trace - logDet);
            rMr[gk, gl] += residual;
            cT[gk, gl] += leverage;
            if (qM is not null) Add(qM[gk, gl] ??= new double[ww], a, 1);
            if (!second) continue;
            trWd2V[gk, gl] += nP * trace;
            rd2r[gk, gl] += 2 * residual - Quad(sKl, wvec, w);
            cR[gk, gl] += 2 * leverage - TraceWithC(c, sKl, w);
            if (qd2 is not null)
            {
                var target = qd2[gk, gl] ??= new double[ww];
                Add(target, a, 2);
                Add(target, sKl, -1);
            }
        }

        static double[] Scaled(double[] x, double factor) => x.Select(v => v * factor).ToArray();
        static void Add(double[] into, double[] x, double factor) { for (int i = 0; i < into.Length; i++) into[i] += factor * x[i]; }
        // tr(C Σ Xᵀ A X) from the (p+1)×(p+1) block of Σ Zᵀ A Z.
        static double TraceWithC(double[,] c, double[] block, int w)
        {
            double sum = 0;
            for (int u = 0; u < w - 1; u++)
                for (int v = 0; v < w - 1; v++) sum += c[u, v] * block[v * w + u];
            return sum;
        }
    }

    /// <summary>Σ_ab A_ab B_ab.</summary>
    static double Contract(double[,] a, double[,] b)
    {
        double sum = 0;
        int m = a.GetLength(0);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) sum += a[i, j] * b[i, j];
        return sum;
    }

    static double[][] NewBlocks(int q, int size) => Enumerable.Range(0, q).Select(_ => new double[size]).ToArray();

    Matrix<double> XBlock(double[] block)
    {
        int w = p + 1;
        return DenseMatrix.Create(p, p, (i, j) => 0.5 * (block[i * w + j] + block[j * w + i]));
    }

    static Vector<double> XRowTimes(double[] block, double[] v, int w)
    {
        int p = w - 1;
        var r = new DenseVector(p);
        for (int i = 0; i < p; i++)
        {
            double s = 0;
            for (int j = 0; j < w; j++) s += block[i * w + j] * v[j];
            r[i] = s;
        }
        return r;
    }

    static double Quad(double[] block, double[] v, int w)
    {
        double s = 0;
        for (int i = 0; i < w; i++)
        {
            double t = 0;
            for (int j = 0; j < w; j++) t += block[i * w + j] * v[j];
            s += v[i] * t;
        }
        return s;
    }

    static double TraceProduct(Matrix<double> a, Matrix<double> b) =>
        TraceProduct(a.ToColumnMajorArray(), b.ToColumnMajorArray(), a.RowCount);

    /// <summary>tr(A B) = Σ_i Σ_j A_ij B_ji for n×n matrices given column-major (A_ij = a[i + j n]).</summary>
    static double TraceProduct(double[] a, double[] b, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s += a[i + j * n] * b[j + i * n];
        return s;
    }
}
