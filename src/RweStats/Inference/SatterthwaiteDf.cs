using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace RweStats.Inference;

/// <summary>
/// Satterthwaite denominator degrees of freedom (SAS DDFM=SATTERTHWAITE; SAS/STAT User's Guide, The MIXED
/// Procedure, "Satterthwaite Degrees of Freedom"; Giesbrecht &amp; Burns 1985; Fai &amp; Cornelius 1996).
/// For a single contrast l: ν = 2 (lᵀCl)² / (gᵀ A g), with C = (XᵀV⁻¹X)⁻¹, g_k = lᵀ (∂C/∂θ_k) l and
/// A = 2 H⁻¹ the asymptotic covariance of θ̂ (H the observed Hessian of −2 log L_R over the free θ).
/// For a rank-q hypothesis L: with LCLᵀ = U D Uᵀ, ν_m for each eigenvector u_m as above (l = Lᵀu_m),
/// E = Σ_{ν_m &gt; 2} ν_m / (ν_m − 2), and ν = 2E / (E − q) when E &gt; q.
/// </summary>
public sealed class SatterthwaiteDf : IDenominatorDf
{
    readonly Matrix<double> c;
    readonly Matrix<double>[] dC;   // ∂C/∂θ_k for the free parameters only
    readonly Matrix<double> a;      // A = 2 H⁻¹ over the free parameters

    /// <summary>From C, its derivatives ∂C/∂θ_k and the Hessian H of −2 log L over the free parameters.</summary>
    public SatterthwaiteDf(Matrix<double> covBeta, IReadOnlyList<Matrix<double>> covBetaDerivatives, Matrix<double> hessian, IReadOnlyList<int> freeParameters)
    {
        c = covBeta;
        dC = freeParameters.Select(k => covBetaDerivatives[k]).ToArray();
        var hFree = DenseMatrix.Create(freeParameters.Count, freeParameters.Count, (i, j) => hessian[freeParameters[i], freeParameters[j]]);
        a = freeParameters.Count == 0 ? new DenseMatrix(0, 0) : 2 * hFree.Inverse();
    }

    /// <summary>The asymptotic covariance matrix of the free covariance parameters (2 H⁻¹).</summary>
    public Matrix<double> CovarianceOfTheta => a;

    /// <summary>The df of a single contrast lᵀβ: 2 (lᵀCl)² / (gᵀ A g), g_k = lᵀ (∂C/∂θ_k) l (Satterthwaite 1946; SAS DDFM=SATTERTHWAITE).</summary>
    public double ForContrast(Vector<double> l)
    {
        double variance = Quadratic(c, l);
        var g = DenseVector.Create(dC.Length, k => Quadratic(dC[k], l));
        double denominator = Quadratic(a, g);
        if (!(denominator > 0)) return double.PositiveInfinity;
        return 2 * variance * variance / denominator;
    }

    /// <summary>
    /// lᵀ M l for a square M, the same bits as Math.NET's <c>l.DotProduct(M * l)</c>: its managed provider forms each
    /// (M l)_i as a sum over j from zero (added to a cleared result) and the dot product as a sum over i from zero, and
    /// so does this, in one pass and without the product's vector or the provider's copies of l and of every row of M
    /// (those allocations were most of the df's cost: the Satterthwaite df of a fit's contrasts are a few hundred of
    /// these, each over every covariance parameter).
    /// </summary>
    internal static double Quadratic(Matrix<double> m, Vector<double> l)
    {
        int n = l.Count;
        if (m.RowCount != n || m.ColumnCount != n || m.AsColumnMajorArray() is not { } values || l.AsArray() is not { } x)
            return l.DotProduct(m * l);
        double quadratic = 0;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += values[j * n + i] * x[j];
            quadratic += (0.0 + sum) * x[i];
        }
        return quadratic;
    }

    /// <inheritdoc/>
    public double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns) => ForContrast(l);

    /// <inheritdoc/>
    public double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns) => ForHypothesis(l);

    /// <summary>The df of the F test of Lβ = 0 (Fai &amp; Cornelius 1996, as SAS computes it).</summary>
    public double ForHypothesis(Matrix<double> l)
    {
        if (l.RowCount == 1) return ForContrast(l.Row(0));
        var lcl = l * c * l.Transpose();
        // A covariance of a fit that did not converge can hold NaN or ∞ (y near 1e308): no df, and Math.NET's
        // eigen-decomposition fails on it with an index error.
        if (!lcl.Enumerate().All(double.IsFinite)) return double.NaN;
        var evd = lcl.Evd(Symmetricity.Symmetric);
        double e = 0;
        int rank = 0;
        double maxEig = evd.EigenValues.Select(z => z.Real).Max();
        for (int m = 0; m < lcl.RowCount; m++)
        {
            double d = evd.EigenValues[m].Real;
            if (d <= 1e-10 * maxEig) continue;
            rank++;
            var lm = l.Transpose() * evd.EigenVectors.Column(m);
            double nu = ForContrast(lm);
            if (nu > 2) e += nu / (nu - 2);
        }
        return e > rank ? 2 * e / (e - rank) : double.NaN;
    }
}
