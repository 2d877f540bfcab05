using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Estimation;
using RweStats.Simulation;

namespace RweStats.Estimands;

/// <summary>
/// The imputation of one fit of the model (rbmi's <c>impute</c>): for each subject with missing outcomes, the mean and
/// covariance at every visit under its strategy (own arm, reference arm, first affected visit), then the distribution of
/// the missing values given the observed ones, μ_m + Σ_mo Σ_oo⁻¹ (y_o − μ_o) with covariance Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om:
/// its mean (conditional-mean imputation) or a draw from it (multiple imputation). Observed values after a non-MAR
/// event are conditioned on, as in rbmi, though the model was fitted without them.
/// </summary>
internal sealed class ConditionalImputation
{
    readonly ImputationData data;
    readonly ImputationParameters parameters;
    readonly int t, p;
    // The regression Σ_mo Σ_oo⁻¹ and the Cholesky factor of the conditional covariance depend on the subject only
    // through its arms' covariance groups, strategy, first affected visit and missing visits: computed once per key.
    readonly Dictionary<(int own, int reference, ImputationStrategy strategy, int first, ulong missing), Conditional> conditionals = new();

    /// <summary>The distribution of the missing visits given the observed ones, for one key: Σ_mo Σ_oo⁻¹ and the Cholesky
    /// factor of Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om (formed when first drawn from: conditional-mean imputation needs the regression only).</summary>
    internal sealed record Conditional(int[] Missing, int[] Observed, double[,] Regression, Lazy<double[,]> CholeskyFactor);

    public ConditionalImputation(ImputationData data, ImputationParameters parameters)
    {
        this.data = data;
        this.parameters = parameters;
        t = data.VisitCount;
        p = data.Rank;
    }

    /// <summary>
    /// Writes subject s's completed outcomes into <paramref name="into"/> (T values): observed values as they are, missing ones
    /// imputed by their conditional mean (<paramref name="random"/> null) or a draw.
    /// </summary>
    public void Complete(int s, Span<double> into, SeededRandom? random)
    {
        ulong missing = 0;
        for (int v = 0; v < t; v++)
        {
            double y = data.Outcome[s * t + v];
            into[v] = y;
            if (double.IsNaN(y)) missing |= 1UL << v;
        }
        if (missing == 0) return;
        var strategy = data.Strategy[s];
        int first = data.FirstAffected[s], arm = data.SubjectArm[s];
        var c = ConditionalOf(arm, strategy, first, missing);
        var ownMean = Means(data.OwnRows, s);
        var referenceMean = strategy == ImputationStrategy.MissingAtRandom || first >= t ? ownMean : Means(data.ReferenceRows, s);
        var (ownWeights, referenceWeights) = ImputationStrategies.MeanWeights(strategy, first, t);
        var mean = new double[t];
        for (int u = 0; u < t; u++)
            for (int w = 0; w < t; w++) mean[u] += ownWeights[u, w] * ownMean[w] + referenceWeights[u, w] * referenceMean[w];
        int nm = c.Missing.Length, no = c.Observed.Length;
        Span<double> residual = stackalloc double[no];
        for (int o = 0; o < no; o++) residual[o] = into[c.Observed[o]] - mean[c.Observed[o]];
        Span<double> z = stackalloc double[nm];
        if (random is not null)
            for (int i = 0; i < nm; i++) z[i] = random.Normal();
        for (int i = 0; i < nm; i++)
        {
            double value = mean[c.Missing[i]];
            for (int o = 0; o < no; o++) value += c.Regression[i, o] * residual[o];
            if (random is not null)
            {
                var factor = c.CholeskyFactor.Value;
                for (int j = 0; j <= i; j++) value += factor[i, j] * z[j];
            }
            into[c.Missing[i]] = value;
        }
    }

    /// <summary>The conditional distribution of a subject of this arm, strategy, first affected visit and missing visits (bit mask).</summary>
    internal Conditional ConditionalOf(int arm, ImputationStrategy strategy, int first, ulong missing)
    {
        int ownGroup = data.ArmCovarianceGroup[arm], referenceGroup = data.ArmCovarianceGroup[data.ReferenceArm[arm]];
        if (first >= t) { strategy = ImputationStrategy.MissingAtRandom; first = t; }
        var key = (ownGroup, referenceGroup, strategy, first, missing);
        lock (conditionals)
        {
            if (!conditionals.TryGetValue(key, out var c))
                conditionals[key] = c = Prepare(ImputationStrategies.Covariance(strategy, parameters.Sigma[ownGroup], parameters.Sigma[referenceGroup], first), missing);
            return c;
        }
    }

    double[] Means(double[] rows, int s)
    {
        var mean = new double[t];
        var beta = parameters.Beta;
        for (int v = 0; v < t; v++)
        {
            double m = 0;
            int offset = (s * t + v) * p;
            for (int j = 0; j < p; j++) m += rows[offset + j] * beta[j];
            mean[v] = m;
        }
        return mean;
    }

    static Conditional Prepare(double[,] sigma, ulong missingMask)
    {
        int t = sigma.GetLength(0);
        var missing = Enumerable.Range(0, t).Where(v => (missingMask >> v & 1) == 1).ToArray();
        var observed = Enumerable.Range(0, t).Where(v => (missingMask >> v & 1) == 0).ToArray();
        DenseMatrix MissingBlock() => DenseMatrix.Create(missing.Length, missing.Length, (i, j) => sigma[missing[i], missing[j]]);
        if (observed.Length == 0)
            return new Conditional(missing, observed, new double[missing.Length, 0], new(() => MissingBlock().Cholesky().Factor.ToArray()));
        // Σ_mo Σ_oo⁻¹ with Σ_oo inverted in place through its Cholesky factor (a few visits: plain arrays, no allocation
        // beyond the result; once per key and fit, the jackknife's most frequent small operation).
        int nm = missing.Length, no = observed.Length;
        var inverse = new double[no, no];
        for (int i = 0; i < no; i++) for (int j = 0; j < no; j++) inverse[i, j] = sigma[observed[i], observed[j]];
        if (double.IsNaN(SmallDense.InvertSpd(inverse, new double[no, no], new double[no, no])))
            throw new RweStatsInputException("the imputation model's covariance at the observed visits is not positive definite");
        var regression = new double[nm, no];
        for (int i = 0; i < nm; i++)
            for (int j = 0; j < no; j++)
            {
                double r = 0;
                for (int o = 0; o < no; o++) r += sigma[missing[i], observed[o]] * inverse[o, j];
                regression[i, j] = r;
            }
        return new Conditional(missing, observed, regression, new(() =>
        {
            var smo = DenseMatrix.Create(nm, no, (i, j) => sigma[missing[i], observed[j]]);
            var conditional = MissingBlock() - DenseMatrix.OfArray(regression) * smo.Transpose();
            conditional = (conditional + conditional.Transpose()) / 2;
            return conditional.Cholesky().Factor.ToArray();
        }));
    }
}
