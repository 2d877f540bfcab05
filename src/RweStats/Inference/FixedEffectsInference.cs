using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>
/// Tests and intervals for linear functions L β of the fixed effects: estimate L β̂, variance L C Lᵀ,
/// and the denominator df of the chosen method. Every reported t and F test goes through here, so
/// solutions, LS means, differences, visit contrasts, custom contrasts and Type 3 tests share one definition.
/// C is the model-based covariance (XᵀV⁻¹X)⁻¹, Kenward–Roger's Φ_A under DDFM=KR, or the sandwich
/// estimator with --std-errors empirical; the df follow the method (Satterthwaite with the empirical
/// covariance: mmrm's Bell–McCaffrey form, see <see cref="SandwichEstimator"/>).
/// </summary>
public sealed class FixedEffectsInference
{
    readonly FixedEffectsDesign design;
    readonly Vector<double> beta;
    readonly Matrix<double> c;
    readonly IDenominatorDf df;
    readonly double alpha;

    /// <param name="design">The fixed-effects design (rows of L are over its columns).</param>
    /// <param name="beta">β̂ over the estimated columns.</param>
    /// <param name="covBeta">The covariance every standard error uses: C, Φ_A (Kenward–Roger) or the sandwich.</param>
    /// <param name="df">The denominator-df method.</param>
    /// <param name="alpha">1 − the confidence level of the intervals.</param>
    public FixedEffectsInference(FixedEffectsDesign design, Vector<double> beta, Matrix<double> covBeta, IDenominatorDf df, double alpha)
    {
        this.design = design;
        this.beta = beta;
        this.df = df;
        this.alpha = alpha;
        c = covBeta;
    }

    /// <summary>The covariance of β̂ every standard error uses (reduced parameter space).</summary>
    public Matrix<double> CovBeta => c;
    /// <summary>β̂ over the estimated columns.</summary>
    public Vector<double> Beta => beta;
    /// <summary>The fixed-effects design.</summary>
    public FixedEffectsDesign Design => design;
    /// <summary>The significance level of the confidence intervals (1 − α).</summary>
    public double Alpha => alpha;
    /// <summary>The denominator df method of the t and F tests.</summary>
    public IDenominatorDf DenominatorDf => df;

    /// <summary>Estimate, SE, df, t, p and CI of lᵀβ for a row in the full (all columns) space; null when not estimable.</summary>
    public EstimateResult? Estimate(double[] fullRow)
    {
        if (!design.IsEstimable(fullRow)) return null;
        var l = DenseVector.OfArray(design.Reduce(fullRow));
        double est = l.DotProduct(beta);
        double se = Math.Sqrt(Math.Max(l.DotProduct(c * l), 0));
        return Make(est, se, df.Df1(l, NonZero(fullRow).ToList()));
    }

    /// <summary>
    /// The k-th estimated parameter itself (SAS "Solution for Fixed Effects"). In the less-than-full-rank
    /// parameterisation a single parameter need not be estimable; like SAS, we report the generalised-inverse
    /// solution, which with the reference level last is the treatment-coded coefficient.
    /// </summary>
    public EstimateResult Parameter(int k)
    {
        var l = DenseVector.Create(beta.Count, i => i == k ? 1.0 : 0.0);
        return Make(beta[k], Math.Sqrt(Math.Max(c[k, k], 0)), df.Df1(l, new[] { design.Estimated[k] }));
    }

    /// <summary>
    /// An F test of L β = 0 (rows in the full space); null when not estimable or of rank 0. Under Kenward–Roger
    /// the F value is KR's scaled F* = λ F with F computed from Φ_A (what SAS prints).
    /// </summary>
    public (int numDf, double denDf, double f, double p)? Test(IReadOnlyList<double[]> fullRows)
    {
        if (fullRows.Count == 0 || fullRows.Any(r => !design.IsEstimable(r))) return null;
        // Keep a maximal set of linearly independent rows, in the order given (SAS uses the rows of its Type 3
        // L matrix as they are: the Satterthwaite F df of Fai & Cornelius depends on that basis, the F value does not).
        var kept = new List<double[]>();
        var orthonormal = new List<Vector<double>>();
        foreach (var row in fullRows.Select(design.Reduce))
        {
            var v = DenseVector.OfArray(row);
            var residual = v.Clone();
            foreach (var u in orthonormal) residual -= residual.DotProduct(u) * u;
            if (residual.L2Norm() <= 1e-8 * Math.Max(v.L2Norm(), 1e-300)) continue;
            orthonormal.Add(residual / residual.L2Norm());
            kept.Add(row);
        }
        if (kept.Count == 0) return null;
        var basis = DenseMatrix.OfRowArrays(kept.ToArray());
        var (numDf, denDf, f) = df.Test(basis, fullRows.SelectMany(NonZero).Distinct().ToList(), beta, c);
        return (numDf, denDf, f, FPValue(f, numDf, denDf));
    }

    static IEnumerable<int> NonZero(double[] row) => Enumerable.Range(0, row.Length).Where(j => row[j] != 0);

    /// <summary>
    /// The critical values of this inference's intervals by df: the estimates of one table mostly share their df (all of
    /// them under the residual, containment and between-within methods), and each quantile is a root search on the
    /// incomplete beta function.
    /// </summary>
    readonly System.Collections.Concurrent.ConcurrentDictionary<double, double> quantiles = new();

    EstimateResult Make(double estimate, double se, double df) => Make(estimate, se, df, alpha, d => quantiles.GetOrAdd(d, TQuantile, alpha));

    /// <summary>Two-sided t test and (1 − α) confidence limits; df = ∞ means the normal distribution.</summary>
    public static EstimateResult Make(double estimate, double se, double df, double alpha) => Make(estimate, se, df, alpha, d => TQuantile(d, alpha));

    static EstimateResult Make(double estimate, double se, double df, double alpha, Func<double, double> tQuantile)
    {
        double t = estimate / se;
        double p, quantile;
        if (double.IsPositiveInfinity(df) || df > 1e7)
        {
            p = 2 * Normal.CDF(0, 1, -Math.Abs(t));
            quantile = Normal.InvCDF(0, 1, 1 - alpha / 2);
        }
        else if (df > 0)
        {
            // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2): accurate far into the tail.
            p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
            quantile = tQuantile(df);
        }
        else { p = double.NaN; quantile = double.NaN; }
        return new EstimateResult(estimate, se, df, t, p, estimate - quantile * se, estimate + quantile * se);
    }

    /// <summary>
    /// The two-sided critical value q with P(|T_df| &gt; q) = α. Math.NET's root finder fails for very small df, so
    /// it falls back to bisection on the same incomplete-beta tail; ∞ when q exceeds the double range (df → 0).
    /// </summary>
    static double TQuantile(double df, double alpha)
    {
        if (df >= 1)
        {
            try { return StudentT.InvCDF(0, 1, df, 1 - alpha / 2); }
            catch (MathNet.Numerics.NonConvergenceException) { }
        }
        double Tail(double q) => SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + q * q));
        double lo = 0, hi = 1;
        while (Tail(hi) > alpha) { hi *= 2; if (hi > 1e300) return double.PositiveInfinity; }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Tail(mid) > alpha) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>P(F(d1, d2) &gt; f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2).</summary>
    public static double FPValue(double f, int numDf, double denDf)
    {
        if (!(denDf > 0) || double.IsNaN(f)) return double.NaN;
        if (double.IsPositiveInfinity(denDf)) return 1 - ChiSquared.CDF(numDf, f * numDf);
        return SpecialFunctions.BetaRegularized(denDf / 2, numDf / 2.0, denDf / (denDf + numDf * f));
    }
}
