using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Estimation;

namespace RweStats.Inference;

/// <summary>Which information matrix gives W, the asymptotic covariance of θ̂, in the Kenward–Roger computations.</summary>
public enum KenwardRogerInformation
{
    /// <summary>W = 2 H⁻¹ with H the observed Hessian of −2 log L_R: SAS PROC MIXED's default ("By default, the observed information matrix of the covariance parameter estimates is used") and mmrm's.</summary>
    Observed,
    /// <summary>W = 2 E⁻¹ with E = tr(P V_k P V_l) the expected Hessian: Kenward &amp; Roger (1997) and pbkrtest (what lmerTest reports).</summary>
    Expected,
}

/// <summary>
/// Kenward–Roger small-sample inference for L β (Kenward &amp; Roger 1997, Biometrics 53:983–997; SAS/STAT User's
/// Guide, The MIXED Procedure, MODEL statement DDFM=KENWARDROGER; the same algebra as mmrm's vignette
/// "Kenward-Roger"). With Φ = (Xᵀ V⁻¹ X)⁻¹, W the asymptotic covariance of the free covariance parameters and
/// the blocks P_i, Q_ij, R_ij of <see cref="KenwardRogerTerms"/>:
/// <para>Φ_A = Φ + 2 Φ { Σ_ij W_ij (Q_ij − P_i Φ P_j − ¼ R_ij) } Φ          (KR eq. 2 with the bias term of eq. 3)</para>
/// For a hypothesis of rank ℓ with Θ = L (Lᵀ Φ L)⁻¹ Lᵀ: A₁ = Σ_ij W_ij tr(ΘΦP_iΦ) tr(ΘΦP_jΦ),
/// A₂ = Σ_ij W_ij tr(ΘΦP_iΦΘΦP_jΦ), B = (A₁ + 6A₂)/(2ℓ), g = ((ℓ+1)A₁ − (ℓ+4)A₂)/((ℓ+2)A₂),
/// c₁ = g/(3ℓ+2(1−g)), c₂ = (ℓ−g)/(3ℓ+2(1−g)), c₃ = (ℓ+2−g)/(3ℓ+2(1−g)), E* = (1 − A₂/ℓ)⁻¹,
/// V* = (2/ℓ)(1 + c₁B)/((1 − c₂B)²(1 − c₃B)), ρ = V*/(2E*²), m = 4 + (ℓ+2)/(ℓρ − 1), λ = m/(E*(m − 2));
/// F* = λ/ℓ · β̂ᵀL(LᵀΦ_A L)⁻¹Lᵀβ̂ ~ F(ℓ, m). For ℓ = 1, λ = 1 and t = lᵀβ̂/√(lᵀΦ_A l) on m df.
/// <para>
/// The second-derivative term R_ij depends on the parameterisation. <c>linear</c> drops it (SAS DDFM=KR(LINEAR),
/// mmrm "Kenward-Roger-Linear"). In SAS's parameterisation V is linear in θ for UN, CS, VC, TOEP and the random
/// intercept, so there KR = KR(LINEAR); for AR(1), ARH(1), CSH, TOEPH, ANTE(1) and the spatial types they differ.
/// (mmrm parameterises UN by a log-Cholesky factor, so its "Kenward-Roger" for UN is not SAS's; its
/// "Kenward-Roger-Linear" is.)
/// </para>
/// Parameters held on the boundary (a variance at 0) are left out, as SAS does.
/// </summary>
public sealed class KenwardRoger : IDenominatorDf
{
    readonly Matrix<double> phi;
    readonly Matrix<double>[] p;   // P_i for the free parameters
    readonly Matrix<double> w;     // W over the free parameters
    readonly Matrix<double>[] phiPPhi; // Φ P_i Φ

    /// <summary>Kenward–Roger from C, its building blocks and the Hessian of −2 log L_R over the free parameters; <paramref name="linear"/> leaves out the second-derivative terms R_kl (KR(LINEAR)).</summary>
    public KenwardRoger(Matrix<double> covBeta, KenwardRogerTerms terms, Matrix<double> hessian, IReadOnlyList<int> freeParameters, bool linear)
    {
        phi = covBeta;
        int f = freeParameters.Count;
        p = freeParameters.Select(k => terms.P[k]).ToArray();
        var hFree = DenseMatrix.Create(f, f, (i, j) => hessian[freeParameters[i], freeParameters[j]]);
        w = f == 0 ? new DenseMatrix(0, 0) : 2 * hFree.Inverse();
        Linear = linear;
        int n = phi.RowCount;
        var inner = new DenseMatrix(n, n);
        for (int i = 0; i < f; i++)
            for (int j = 0; j < f; j++)
            {
                int ki = freeParameters[i], kj = freeParameters[j];
                Matrix<double> term = -(p[i] * phi * p[j]);
                if (terms.Q[ki, kj] is { } qij) term += qij;
                if (!linear && terms.R[ki, kj] is { } rij) term -= 0.25 * rij;
                inner.Add(w[i, j] * term, inner);
            }
        var adjusted = phi + 2 * phi * inner * phi;
        AdjustedCovBeta = 0.5 * (adjusted + adjusted.Transpose());
        phiPPhi = p.Select(pi => phi * pi * phi).ToArray();
    }

    /// <summary>True for KR(LINEAR).</summary>
    public bool Linear { get; }

    /// <summary>Φ_A, the bias-adjusted covariance of β̂ (SAS prints it with COVB under DDFM=KR).</summary>
    public Matrix<double> AdjustedCovBeta { get; }

    /// <summary>Standard error √(lᵀΦ_A l) and df m for one estimable function.</summary>
    public (double stdError, double df) ForContrast(Vector<double> l)
    {
        var (_, m, _) = Scaling(DenseMatrix.OfRowVectors(l));
        return (Math.Sqrt(Math.Max(l.DotProduct(AdjustedCovBeta * l), 0)), m);
    }

    /// <summary>The KR F test of L β = 0 for a full-row-rank L (rows = hypotheses): F*, ℓ, m, λ and the p-value.</summary>
    public (double f, int numDf, double denDf, double lambda, double p) Test(Matrix<double> l, Vector<double> beta)
    {
        int rank = l.RowCount;
        var lb = l * beta;
        var lal = l * AdjustedCovBeta * l.Transpose();
        double wald = lb.DotProduct(lal.Solve(lb)) / rank;
        var (lambda, m, _) = Scaling(l);
        double fStar = lambda * wald;
        return (fStar, rank, m, lambda, FixedEffectsInference.FPValue(fStar, rank, m));
    }

    /// <inheritdoc/>
    public double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns) => ForContrast(l).df;

    /// <inheritdoc/>
    public double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns) => Scaling(l).m;

    /// <summary>KR's test: F* = λ F with F from Φ_A (what SAS prints), on (ℓ, m) df.</summary>
    (int numDf, double denDf, double f) IDenominatorDf.Test(Matrix<double> l, IReadOnlyCollection<int> fullColumns, Vector<double> beta, Matrix<double> covBeta)
    {
        var kr = Test(l, beta);
        return (kr.numDf, kr.denDf, kr.f);
    }

    /// <summary>λ, m and E* of Kenward &amp; Roger (1997), section 4, for the hypothesis rows of <paramref name="l"/>.</summary>
    (double lambda, double m, double eStar) Scaling(Matrix<double> l)
    {
        int ell = l.RowCount, f = p.Length;
        if (f == 0) return (1, double.PositiveInfinity, 1);
        var theta = l.Transpose() * (l * phi * l.Transpose()).Inverse() * l;   // Θ
        var tp = phiPPhi.Select(x => theta * x).ToArray();                    // Θ Φ P_i Φ
        var traces = tp.Select(x => x.Trace()).ToArray();
        double a1 = 0, a2 = 0;
        for (int i = 0; i < f; i++)
            for (int j = 0; j < f; j++)
            {
                a1 += w[i, j] * traces[i] * traces[j];
                a2 += w[i, j] * TraceOfProduct(tp[i], tp[j]);
            }
        double b = (a1 + 6 * a2) / (2 * ell);
        double g = ((ell + 1) * a1 - (ell + 4) * a2) / ((ell + 2) * a2);
        double d = 3 * ell + 2 * (1 - g);
        double c1 = g / d, c2 = (ell - g) / d, c3 = (ell + 2 - g) / d;
        double eStar = 1 / (1 - a2 / ell);
        double vStar = 2.0 / ell * (1 + c1 * b) / ((1 - c2 * b) * (1 - c2 * b) * (1 - c3 * b));
        double rho = vStar / (2 * eStar * eStar);
        double m = 4 + (ell + 2) / (ell * rho - 1);
        double lambda = m / (eStar * (m - 2));
        if (!(a2 > 0)) return (1, double.PositiveInfinity, 1);
        return (lambda, m, eStar);
    }

    static double TraceOfProduct(Matrix<double> a, Matrix<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++) s += a[i, j] * b[j, i];
        return s;
    }
}
