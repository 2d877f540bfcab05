using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>The predicted (BLUP) random intercept of one subject with its prediction standard error.</summary>
public sealed record SubjectBlup(string Subject, double Estimate, double StdErrorPrediction);

/// <summary>
/// Residuals of one observation. Marginal: r = y − x β̂; conditional: r − b̂_i (with a random intercept, else
/// equal to the marginal one). Pearson: divided by √Var(y) (marginal) or √Var(y | b) (conditional).
/// Scaled: the subject's marginal residual vector premultiplied by the inverse lower Cholesky root of V_i
/// (SAS MODEL / VCIRY, "ScaledResid"); uncorrelated with unit variance under the model.
/// </summary>
public sealed record ResidualRow(string Subject, string Visit, double Observed,
    double PredictedMarginal, double PredictedConditional, double ResidualMarginal, double ResidualConditional,
    double PearsonMarginal, double PearsonConditional, double Scaled);

/// <summary>
/// Best linear unbiased predictions of the subject intercepts and residual diagnostics at θ̂
/// (SAS/STAT User's Guide, The MIXED Procedure, "Estimating Fixed and Random Effects in the Mixed Model" and
/// "Residual Diagnostics"; Henderson 1975):
/// b̂_i = σ_b² 1ᵀ V_i⁻¹ (y_i − X_i β̂), and the prediction error variance
/// Var(b̂_i − b_i) = σ_b² − σ_b⁴ (1ᵀ V_i⁻¹ 1 − a_iᵀ C a_i), a_i = X_iᵀ V_i⁻¹ 1, C = (XᵀV⁻¹X)⁻¹,
/// which accounts for β̂ being estimated (SAS's "Std Err Pred"; it equals the corresponding block of the
/// inverse of the mixed-model equations). nlme::ranef gives the same b̂_i.
/// </summary>
internal static class RandomEffectsPrediction
{
    public static (IReadOnlyList<SubjectBlup> blups, IReadOnlyList<ResidualRow> residuals) Compute(
        ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance, ReadOnlySpan<double> theta,
        Vector<double> beta, Matrix<double> covBeta)
    {
        double sb2 = covariance.RandomIntercept ? theta[0] : 0;
        var blups = new List<SubjectBlup>();
        var residuals = new List<ResidualRow>();
        for (int s = 0; s < frame.SubjectCount; s++)
        {
            var v = SandwichEstimator.SubjectCovariance(frame, covariance, theta, s);
            var (x, r, vInv) = SandwichEstimator.SubjectBlocks(frame, design, covariance, theta, beta, s);
            int m = r.Count, from = frame.SubjectStart[s];
            var one = DenseVector.Create(m, _ => 1.0);
            double b = 0;
            if (covariance.RandomIntercept)
            {
                var vInvOne = vInv * one;
                b = sb2 * vInvOne.DotProduct(r);
                var a = x.TransposeThisAndMultiply(vInvOne);
                double pev = sb2 - sb2 * sb2 * (one.DotProduct(vInvOne) - a.DotProduct(covBeta * a));
                blups.Add(new SubjectBlup(frame.SubjectLabels[s], b, Math.Sqrt(Math.Max(pev, 0))));
            }
            var scaled = v.Cholesky().Factor.Solve(r);
            for (int k = 0; k < m; k++)
            {
                double y = frame.Response[from + k], fitted = y - r[k];
                double rc = r[k] - b;
                double condVar = v[k, k] - sb2;
                residuals.Add(new ResidualRow(frame.SubjectLabels[s], frame.Time.Levels[frame.VisitPosition[from + k]], y,
                    fitted, fitted + b, r[k], rc, r[k] / Math.Sqrt(v[k, k]), rc / Math.Sqrt(condVar), scaled[k]));
            }
        }
        return (blups, residuals);
    }
}
