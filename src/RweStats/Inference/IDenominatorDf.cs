using MathNet.Numerics.LinearAlgebra;

namespace RweStats.Inference;

/// <summary>
/// One denominator-degrees-of-freedom method (SAS MODEL / DDFM=; mmrm's <c>df_1d</c> / <c>df_md</c>, one function per
/// method behind one signature, R/testing.R). Implementations: <see cref="DenominatorDf"/> (residual, containment,
/// between-within: the design only), <see cref="SatterthwaiteDf"/> (model-based covariance),
/// <see cref="SandwichEstimator"/> (Satterthwaite with the empirical covariance: Bell–McCaffrey) and
/// <see cref="KenwardRoger"/> (KR and KR-linear, which also scale the F statistic).
/// <para>
/// Rows are given twice: reduced (the estimated, non-aliased columns of β, what the covariance matrices are over)
/// and as the design columns they involve in the full less-than-full-rank space (what the design-based methods
/// look at: the terms a contrast involves).
/// </para>
/// </summary>
public interface IDenominatorDf
{
    /// <summary>The df of one estimable function lᵀβ (l reduced; <paramref name="fullColumns"/> the design columns it involves).</summary>
    double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns);

    /// <summary>The df of a hypothesis L β = 0, L of full row rank (rows reduced).</summary>
    double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns);

    /// <summary>
    /// The F test of L β = 0 (L of full row rank, rows reduced): numerator df, denominator df and F. By default the Wald F
    /// (L β̂)ᵀ (L C Lᵀ)⁻¹ (L β̂) / rank with C the covariance the standard errors use; Kenward–Roger scales it.
    /// </summary>
    (int numDf, double denDf, double f) Test(Matrix<double> l, IReadOnlyCollection<int> fullColumns, Vector<double> beta, Matrix<double> covBeta)
    {
        var lb = l * beta;
        var lcl = l * covBeta * l.Transpose();
        double f = lb.DotProduct(lcl.Solve(lb)) / l.RowCount;
        return (l.RowCount, DfMd(l, fullColumns), f);
    }
}
