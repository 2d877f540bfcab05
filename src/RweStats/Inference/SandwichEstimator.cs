using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>
/// The empirical ("sandwich", robust) covariance of β̂ and the degrees of freedom mmrm pairs with it.
/// <para>
/// Covariance (SAS PROC MIXED EMPIRICAL option, "Liang and Zeger 1986"; mmrm vcov = "Empirical"):
/// C_emp = C (Σ_i X_iᵀ V_i⁻¹ r_i r_iᵀ V_i⁻¹ X_i) C with C = (Xᵀ V⁻¹ X)⁻¹ and r_i = y_i − X_i β̂, no small-sample
/// scaling (s = 1, A_i = I in mmrm's notation).
/// </para>
/// <para>
/// Degrees of freedom with --df satterthwaite (mmrm vignette "Satterthwaite", section "Satterthwaite degrees of
/// freedom for empirical covariance", after Bell &amp; McCaffrey 2002): in the whitened model X̃_i = V_i^{-1/2} X_i,
/// with g_i = (I − H̃)ᵀ_i X̃_i C c, G_ij = g_iᵀ g_j and ν = tr(G)² / Σ_ij G_ij². Writing M_i = X_iᵀ V_i⁻¹ X_i and
/// d_i = M_i C c, this reduces to G_ij = δ_ij (Cc)ᵀ d_i − d_iᵀ C d_j, an s × s matrix (s subjects) that needs no
/// N × N algebra. For a rank-q hypothesis, mmrm's rule: the 1-df ν of each eigenvector of L C_emp Lᵀ, combined
/// as E = Σ ν_m/(ν_m − 2), ν = 2E/(E − q) (2 when some ν_m ≤ 2, their mean when all are equal).
/// </para>
/// </summary>
public sealed class SandwichEstimator : IDenominatorDf
{
    readonly Matrix<double> c;
    readonly Matrix<double>[] information; // M_i = X_iᵀ V_i⁻¹ X_i per subject

    /// <summary>The empirical covariance of a fit: its frame, design, covariance model at θ̂, β̂ and C = (XᵀV⁻¹X)⁻¹.</summary>
    public SandwichEstimator(ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance, ReadOnlySpan<double> theta,
                             Vector<double> beta, Matrix<double> covBeta)
    {
        c = covBeta;
        int p = design.Rank, s = frame.SubjectCount;
        information = new Matrix<double>[s];
        var meat = new DenseMatrix(p, p);
        for (int subject = 0; subject < s; subject++)
        {
            var (xi, ri, vInv) = SubjectBlocks(frame, design, covariance, theta, beta, subject);
            var xtv = xi.TransposeThisAndMultiply(vInv);
            information[subject] = xtv * xi;
            var score = xtv * ri;
            meat.Add(score.OuterProduct(score), meat);
        }
        CovBeta = c * meat * c;
        CovBeta = 0.5 * (CovBeta + CovBeta.Transpose());
    }

    /// <summary>C_emp.</summary>
    public Matrix<double> CovBeta { get; }

    /// <summary>X_i, r_i and V_i⁻¹ of one subject (rows in visit order).</summary>
    internal static (Matrix<double> x, Vector<double> r, Matrix<double> vInv) SubjectBlocks(
        ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance, ReadOnlySpan<double> theta, Vector<double> beta, int subject)
    {
        var v = SubjectCovariance(frame, covariance, theta, subject);
        int from = frame.SubjectStart[subject], m = frame.SubjectStart[subject + 1] - from, p = design.Rank;
        var x = new DenseMatrix(m, p);
        var row = new double[p];
        for (int a = 0; a < m; a++)
        {
            design.FillRow(from + a, row);
            x.SetRow(a, row);
        }
        var y = DenseVector.Create(m, a => frame.Response[from + a]);
        return (x, y - x * beta, v.Inverse());
    }

    /// <summary>V_i(θ) of one subject.</summary>
    internal static Matrix<double> SubjectCovariance(ModelFrame frame, CovarianceModel covariance, ReadOnlySpan<double> theta, int subject)
    {
        int from = frame.SubjectStart[subject], m = frame.SubjectStart[subject + 1] - from;
        var visits = frame.VisitPosition[from..(from + m)];
        var times = frame.TimeValues is null ? Array.Empty<double>() : frame.TimeValues[from..(from + m)];
        var v = new double[m, m];
        covariance.Build(theta, frame.SubjectGroup[subject], visits, times, v, null, null);
        return DenseMatrix.OfArray(v);
    }

    /// <summary>Bell–McCaffrey / mmrm df of one contrast (reduced parameter space).</summary>
    public double ForContrast(Vector<double> l)
    {
        var cl = c * l;
        int s = information.Length;
        var d = information.Select(mi => mi * cl).ToArray();
        var cd = d.Select(di => c * di).ToArray();
        double trace = 0, sumSq = 0;
        for (int i = 0; i < s; i++)
        {
            double gii = cl.DotProduct(d[i]) - d[i].DotProduct(cd[i]);
            trace += gii;
            sumSq += gii * gii;
            for (int j = i + 1; j < s; j++)
            {
                double gij = -d[i].DotProduct(cd[j]);
                sumSq += 2 * gij * gij;
            }
        }
        return sumSq > 0 ? trace * trace / sumSq : double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns) => ForContrast(l);

    /// <inheritdoc/>
    public double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns) => ForHypothesis(l);

    /// <summary>mmrm's multi-df rule on the eigenvectors of L C_emp Lᵀ (rows of L: a basis of the hypothesis).</summary>
    public double ForHypothesis(Matrix<double> l)
    {
        if (l.RowCount == 1) return ForContrast(l.Row(0));
        var lcl = l * CovBeta * l.Transpose();
        if (!lcl.Enumerate().All(double.IsFinite)) return double.NaN; // a fit that did not converge (see SatterthwaiteDf)
        var evd = lcl.Evd(Symmetricity.Symmetric);
        double max = evd.EigenValues.Select(z => z.Real).Max();
        var dfs = new List<double>();
        for (int m = 0; m < l.RowCount; m++)
            if (evd.EigenValues[m].Real > 1e-10 * max)
                dfs.Add(ForContrast(l.Transpose() * evd.EigenVectors.Column(m)));
        return CombineEigenDf(dfs);
    }

    /// <summary>mmrm's h_md_denom_df: one value as is; all (nearly) equal: their mean; any ≤ 2: 2; else 2E/(E − q).</summary>
    public static double CombineEigenDf(IReadOnlyList<double> dfs)
    {
        if (dfs.Count == 1) return dfs[0];
        if (dfs.All(x => Math.Abs(x - dfs[0]) < 1.5e-8)) return dfs.Average();
        if (dfs.Any(x => x <= 2)) return 2;
        double e = dfs.Sum(x => x / (x - 2));
        return 2 * e / (e - dfs.Count);
    }
}
