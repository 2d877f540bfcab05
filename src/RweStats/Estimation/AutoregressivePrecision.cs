using RweStats.Covariance;

namespace RweStats.Estimation;

/// <summary>
/// The AR(1) covariance of one pattern through its inverse, so that the likelihood, its gradient and its Hessian cost
/// O(m) per subject instead of O(m³) (<see cref="LikelihoodObjective"/>; AR(1) without a random intercept).
///
/// R_ab = ρ^|v_a − v_b| over the visit positions v_1 &lt; … &lt; v_m a subject has is the correlation of a Markov chain
/// observed at those visits — with gaps too, since ρ^(v_c − v_a) = ρ^(v_b − v_a) ρ^(v_c − v_b) — so the chain factorises as
/// x_1 ~ N(0, σ²), x_{j+1} | x_j ~ N(c_j x_j, σ² (1 − c_j²)) with c_j = ρ^(v_{j+1} − v_j), and (the exact AR(1)
/// likelihood; Box, Jenkins &amp; Reinsel, Time Series Analysis, ch. 7):
///   Q = R⁻¹ is tridiagonal: Q_jj = 1/(1 − c_{j−1}²) + c_j²/(1 − c_j²) (the first term is 1 at j = 1, the second 0 at
///   j = m), Q_j,j+1 = −c_j/(1 − c_j²);   log|V| = m log σ² + Σ_j log(1 − c_j²).
/// W = V⁻¹ = Q/σ² and its derivatives in θ = (ρ, σ²) are tridiagonal as well. The likelihood's terms in V_k = ∂V/∂θ_k
/// are written with them: W V_k W = −∂W/∂θ_k, and W V_k W V_l W + W V_l W V_k W − W V_kl W = ∂²W/∂θ_k∂θ_l; the one
/// product that is not tridiagonal, W_ρ V W_ρ, applies R = Q⁻¹ by a forward and a backward recursion.
/// </summary>
internal sealed class AutoregressivePrecision
{
    /// <summary>True when the model's patterns are evaluated this way: AR(1) without a random intercept (GROUP= or not).</summary>
    public static bool Applies(CovarianceModel covariance) => covariance.Structure is FirstOrderAutoregressive && !covariance.RandomIntercept;

    double[] c = [], dc = [], d2c = [];       // per consecutive pair: c_j, ∂c_j/∂ρ, ∂²c_j/∂ρ²
    double[] q = [], qo = [], dq = [], dqo = [], d2q = [], d2qo = []; // Q, ∂Q/∂ρ, ∂²Q/∂ρ²: diagonal and first off-diagonal
    double[] scratch = [];

    /// <summary>Visits of the pattern prepared.</summary>
    public int M { get; private set; }
    /// <summary>σ².</summary>
    public double Variance { get; private set; }
    /// <summary>log|V|.</summary>
    public double LogDet { get; private set; }
    /// <summary>∂ log|V| / ∂ρ = tr(W V_ρ) (in σ²: m/σ²).</summary>
    public double LogDetRho { get; private set; }
    /// <summary>∂² log|V| / ∂ρ² (in σ²: −m/σ⁴; mixed: 0).</summary>
    public double LogDetRhoRho { get; private set; }
    /// <summary>tr(W V_ρρ) = tr(Q ∂²R/∂ρ²) = 2 Σ_j Q_j,j+1 ∂²c_j/∂ρ² (the diagonal of R is constant).</summary>
    public double TraceWVRhoRho { get; private set; }
    /// <summary>True when some two visits of the pattern are two or more positions apart (∂²V/∂ρ² is not zero).</summary>
    public bool HasSecondDerivative { get; private set; }

    /// <summary>Q and, with order ≥ 1, ∂Q/∂ρ and ∂²Q/∂ρ² of the pattern at (ρ, σ²); false when V is not positive definite.</summary>
    public bool Prepare(double rho, double sigma2, ReadOnlySpan<int> visits, int order)
    {
        int m = visits.Length;
        if (!(sigma2 > 0) || !double.IsFinite(sigma2) || !double.IsFinite(rho)) return false;
        if (c.Length < m)
        {
            c = new double[m]; dc = new double[m]; d2c = new double[m];
            q = new double[m]; qo = new double[m]; dq = new double[m]; dqo = new double[m]; d2q = new double[m]; d2qo = new double[m];
        }
        M = m;
        Variance = sigma2;
        double logDet = m * Math.Log(sigma2), logDetRho = 0, logDetRhoRho = 0, traceRhoRho = 0;
        HasSecondDerivative = false;
        q.AsSpan(0, m).Clear(); dq.AsSpan(0, m).Clear(); d2q.AsSpan(0, m).Clear();
        q[0] = 1;
        for (int j = 0; j + 1 < m; j++)
        {
            int d = visits[j + 1] - visits[j];
            if (d >= 2 || j > 0) HasSecondDerivative = true;
            double cj = Math.Pow(rho, d), e = 1 - cj * cj;
            if (!(e > 0)) return false;
            double dcj = d * Math.Pow(rho, d - 1), d2cj = d == 1 ? 0 : d * (d - 1) * Math.Pow(rho, d - 2);
            (c[j], dc[j], d2c[j]) = (cj, dcj, d2cj);
            // α = 1/e (the next diagonal), β = c²/e (this diagonal), γ = −c/e (off-diagonal) and their derivatives in c.
            double alpha = 1 / e, beta = cj * cj / e, gamma = -cj / e;
            q[j] += beta;
            q[j + 1] += alpha;
            qo[j] = gamma;
            logDet += Math.Log(e);
            if (order < 1) continue;
            double e2 = e * e, e3 = e2 * e;
            double dAlpha = 2 * cj / e2, dGamma = -(1 + cj * cj) / e2;                        // ∂/∂c (α and β alike)
            double d2Alpha = 2 * (1 + 3 * cj * cj) / e3, d2Gamma = -2 * cj * (3 + cj * cj) / e3; // ∂²/∂c²
            double rAlpha = dAlpha * dcj, rGamma = dGamma * dcj;                              // ∂/∂ρ
            double rrAlpha = d2Alpha * dcj * dcj + dAlpha * d2cj, rrGamma = d2Gamma * dcj * dcj + dGamma * d2cj;
            dq[j] += rAlpha; dq[j + 1] += rAlpha; dqo[j] = rGamma;
            d2q[j] += rrAlpha; d2q[j + 1] += rrAlpha; d2qo[j] = rrGamma;
            logDetRho += -2 * cj * dcj / e;
            logDetRhoRho += -2 * (dcj * dcj * (1 + cj * cj) + cj * d2cj * e) / e2;
            traceRhoRho += 2 * gamma * d2cj;
        }
        LogDet = logDet;
        LogDetRho = logDetRho;
        LogDetRhoRho = logDetRhoRho;
        TraceWVRhoRho = traceRhoRho;
        return true;
    }

    /// <summary>Q (diagonal, off-diagonal).</summary>
    public (double[] Diagonal, double[] OffDiagonal) Precision => (q, qo);
    /// <summary>∂Q/∂ρ.</summary>
    public (double[] Diagonal, double[] OffDiagonal) PrecisionRho => (dq, dqo);
    /// <summary>∂²Q/∂ρ².</summary>
    public (double[] Diagonal, double[] OffDiagonal) PrecisionRhoRho => (d2q, d2qo);

    /// <summary>acc += scale Σ_i Z_iᵀ T Z_i for the tridiagonal T (diagonal, off-diagonal) of the pattern.</summary>
    public void AddQuadratic(CovariancePattern pattern, (double[] Diagonal, double[] OffDiagonal) t, double scale, double[] acc)
    {
        int m = M, w = pattern.Width;
        var (diagonal, off) = t;
        if (pattern.PairBlocks is { } blocks)
        {
            for (int a = 0; a < m; a++)
            {
                SmallDense.MultiplyAdd(scale * diagonal[a], blocks[a * m + a], acc);
                if (a + 1 < m)
                {
                    SmallDense.MultiplyAdd(scale * off[a], blocks[a * m + a + 1], acc);
                    SmallDense.MultiplyAdd(scale * off[a], blocks[(a + 1) * m + a], acc);
                }
            }
            return;
        }
        var tz = Scratch(m * w);
        foreach (var z in pattern.SubjectRows!)
        {
            // T Z (m × w), then Zᵀ (T Z).
            for (int a = 0; a < m; a++)
                for (int u = 0; u < w; u++)
                {
                    double s = diagonal[a] * z[a * w + u];
                    if (a > 0) s += off[a - 1] * z[(a - 1) * w + u];
                    if (a + 1 < m) s += off[a] * z[(a + 1) * w + u];
                    tz[a * w + u] = s;
                }
            AddCrossProduct(z, tz, m, w, scale, acc);
        }
    }

    /// <summary>acc += scale Σ_i Z_iᵀ Q_ρ R Q_ρ Z_i (Q_ρ = ∂Q/∂ρ, R = Q⁻¹ the pattern's correlation matrix).</summary>
    public void AddRhoSandwich(CovariancePattern pattern, double scale, double[] acc)
    {
        int m = M, w = pattern.Width;
        if (pattern.PairBlocks is { } blocks)
        {
            // The dense m×m matrix Q_ρ R Q_ρ, then its weighted sum of the pair blocks: O(m² (p+1)²), as the blocks are.
            var r = new double[m, m];
            for (int a = 0; a < m; a++)
            {
                r[a, a] = 1;
                for (int b = a + 1; b < m; b++) r[a, b] = r[b, a] = r[a, b - 1] * c[b - 1];
            }
            var rq = new double[m, m]; // R Q_ρ
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                {
                    double s = r[a, b] * dq[b];
                    if (b > 0) s += r[a, b - 1] * dqo[b - 1];
                    if (b + 1 < m) s += r[a, b + 1] * dqo[b];
                    rq[a, b] = s;
                }
            var sandwich = r; // Q_ρ (R Q_ρ), scaled, into r's storage
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                {
                    double s = dq[a] * rq[a, b];
                    if (a > 0) s += dqo[a - 1] * rq[a - 1, b];
                    if (a + 1 < m) s += dqo[a] * rq[a + 1, b];
                    sandwich[a, b] = scale * s;
                }
            CovariancePattern.AddWeighted(sandwich, blocks, acc);
            return;
        }
        var work = Scratch(2 * m * w);
        var g = work.AsSpan(0, m * w);
        var h = work.AsSpan(m * w, m * w);
        foreach (var z in pattern.SubjectRows!)
        {
            // G = Q_ρ Z; H = R G by the chain's recursions: forward F_a = g_a + c_{a−1} F_{a−1}, backward
            // B_a = g_a + c_a B_{a+1}, (R g)_a = F_a + B_a − g_a.
            for (int a = 0; a < m; a++)
                for (int u = 0; u < w; u++)
                {
                    double s = dq[a] * z[a * w + u];
                    if (a > 0) s += dqo[a - 1] * z[(a - 1) * w + u];
                    if (a + 1 < m) s += dqo[a] * z[(a + 1) * w + u];
                    g[a * w + u] = s;
                }
            for (int u = 0; u < w; u++)
            {
                double forward = 0;
                for (int a = 0; a < m; a++)
                {
                    forward = g[a * w + u] + (a > 0 ? c[a - 1] * forward : 0);
                    h[a * w + u] = forward;
                }
                double backward = 0;
                for (int a = m - 1; a >= 0; a--)
                {
                    backward = g[a * w + u] + (a + 1 < m ? c[a] * backward : 0);
                    h[a * w + u] += backward - g[a * w + u];
                }
            }
            AddCrossProduct(g, h, m, w, scale, acc);
        }
    }

    /// <summary>acc[u w + v] += scale Σ_a x[a w + u] y[a w + v].</summary>
    static void AddCrossProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m, int w, double scale, double[] acc)
    {
        for (int a = 0; a < m; a++)
            for (int u = 0; u < w; u++)
            {
                double xu = scale * x[a * w + u];
                if (xu == 0) continue;
                for (int v = 0; v < w; v++) acc[u * w + v] += xu * y[a * w + v];
            }
    }

    double[] Scratch(int length) => scratch.Length >= length ? scratch : scratch = new double[length];
}
