using RweStats.Covariance;
using RweStats.Estimation;

namespace RweStats.Estimands;

/// <summary>One fit of the imputation model: β over the design's estimated columns and Σ (T × T) of each covariance group.</summary>
public sealed record ImputationParameters(double[] Beta, double[][,] Sigma);

/// <summary>
/// The imputation model (rbmi's <c>draws</c>): the MMRM the engine fitted to the data before the events, and its refits
/// on resampled subjects. A refit changes the pattern sums Σ_i Z_iᵀ A Z_i by one subject's Z_i (the jackknife: that
/// subject's blocks z_a z_bᵀ are subtracted from a copy of its pattern's, the other patterns are shared) or by the
/// bootstrap's counts (each pattern summed with the subjects' weights), and Newton–Raphson starts from the full fit's θ̂:
/// a leave-one-subject-out refit costs a few likelihood evaluations on the patterns, never a pass over the rows.
/// </summary>
public sealed class ImputationModel
{
    readonly MixedModel fit;
    readonly CovarianceModel covariance;
    readonly int t, p, w;
    readonly double[][] subjectZ;          // per fit subject, Z_i = [X_i y_i] row-major m × w
    readonly int[] subjectPattern;         // per fit subject, its pattern index
    readonly int[] subjectSize;
    readonly List<CovariancePattern> patterns;
    readonly int observations;
    readonly double[] theta;

    /// <exception cref="RweStatsInputException">The covariance structure uses subject-specific times.</exception>
    /// <summary>The imputation model of a fitted MMRM.</summary>
    public ImputationModel(MixedModel fit)
    {
        this.fit = fit;
        covariance = fit.Covariance;
        if (covariance.Structure.UsesTimeValues)
            throw new RweStatsInputException($"covariance {covariance.Structure.SasType}: reference-based imputation needs one covariance matrix per group over the visits; use a structure without subject-specific times (un, cs, ar1, toep, ...)");
        var frame = fit.Frame;
        var design = fit.Design;
        t = frame.Time.Levels.Count;
        p = design.Rank;
        w = p + 1;
        theta = fit.Theta.ToArray();
        observations = frame.ObservationsUsed;
        int n = frame.SubjectCount;
        subjectZ = new double[n][];
        subjectPattern = new int[n];
        subjectSize = new int[n];
        var keyIndex = new Dictionary<(int, ulong), int>();
        var keys = new List<(int group, int[] visits)>();
        for (int s = 0; s < n; s++)
        {
            int from = frame.SubjectStart[s], m = frame.SubjectStart[s + 1] - from;
            var z = new double[m * w];
            ulong mask = 0;
            for (int a = 0; a < m; a++)
            {
                design.FillRow(from + a, z.AsSpan(a * w, p));
                z[a * w + p] = frame.Response[from + a];
                mask |= 1UL << frame.VisitPosition[from + a];
            }
            subjectZ[s] = z;
            subjectSize[s] = m;
            var key = (frame.SubjectGroup[s], mask);
            if (!keyIndex.TryGetValue(key, out int k))
            {
                keyIndex[key] = k = keys.Count;
                keys.Add((frame.SubjectGroup[s], frame.VisitPosition[from..(from + m)]));
            }
            subjectPattern[s] = k;
        }
        patternKeys = keys;
        var ones = new double[n];
        Array.Fill(ones, 1);
        patterns = WeightedPatterns(ones);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < n; s++) index[frame.SubjectLabels[s]] = s;
        SubjectIndex = index;
        Full = Parameters(theta, fit.Beta.ToArray());
        fullTotals = new(() => new LikelihoodObjective(covariance, patterns, p, observations, fit.Spec.Method).Totals(theta, 1));
        if (fit.Convergence.BoundaryParameters.Count == 0 && fit.Convergence.HessianPositiveDefinite)
            try { fullHessian = fit.ObservedHessian.Cholesky(); } catch (ArgumentException) { fullHessian = null; }
    }

    readonly List<(int group, int[] visits)> patternKeys;
    readonly MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? fullHessian;

    /// <summary>gᵀH⁻¹g at which a refit stops: a thousandth of the engine's polish target, since the chord steps converge linearly.</summary>
    const double ChordTolerance = 1e-14;

    /// <summary>The fit subjects by label (subjects without an outcome before their event are not in the fit).</summary>
    public IReadOnlyDictionary<string, int> SubjectIndex { get; }

    /// <summary>The engine's fit to all the data before the events.</summary>
    public ImputationParameters Full { get; }

    /// <summary>The fitted model it imputes from.</summary>
    public MixedModel Fit => fit;

    /// <summary>The fit without one subject (index into the fit's subjects); null when the subject is not in the fit (the fit is then the full one).</summary>
    public ImputationParameters LeaveOneOut(int subject, string label)
    {
        int k = subjectPattern[subject];
        var old = patterns[k];
        var reduced = new List<CovariancePattern>(patterns);
        if (old.SubjectCount == 1) reduced.RemoveAt(k);
        else
        {
            var blocks = old.PairBlocks!.Select(b => (double[])b.Clone()).ToArray();
            AddSubject(blocks, subjectZ[subject], subjectSize[subject], -1);
            reduced[k] = new CovariancePattern { Group = old.Group, Visits = old.Visits, Times = Array.Empty<double>(), SubjectCount = old.SubjectCount - 1, PairBlocks = blocks, Width = w };
        }
        // The first step's totals at the full fit's θ̂: the full data's, computed once, less this subject's (one pattern
        // of one subject, from its rows Z_i: no pair blocks to form), instead of a pass over every pattern.
        var alone = new CovariancePattern { Group = old.Group, Visits = old.Visits, Times = Array.Empty<double>(), SubjectCount = 1, SubjectRows = new List<double[]> { subjectZ[subject] }, Width = w };
        var start = FullTotals is { } full && Objective(new[] { alone }, subjectSize[subject]).Totals(theta, 1) is { } mine
            ? full.Subtract(mine) : null;
        return Refit(reduced, observations - subjectSize[subject], $"without subject '{label}'", start);
    }

    /// <summary>The pattern totals of the full data at θ̂ (order 1), shared by every leave-one-out refit's first step.</summary>
    LikelihoodObjective.PatternTotals? FullTotals => fullTotals.Value;
    readonly Lazy<LikelihoodObjective.PatternTotals?> fullTotals;

    /// <summary>The fit to a resample: subject s counted weights[s] times (index into the fit's subjects).</summary>
    public ImputationParameters Resample(double[] weights, string what)
    {
        double obs = 0;
        for (int s = 0; s < weights.Length; s++) obs += weights[s] * subjectSize[s];
        return Refit(WeightedPatterns(weights), (int)obs, what);
    }

    ImputationParameters Refit(List<CovariancePattern> sample, int sampleObservations, string what, LikelihoodObjective.PatternTotals? startTotals = null)
    {
        var objective = Objective(sample, sampleObservations);
        if (fullHessian is not null)
        {
            // Newton steps with the full data's Hessian (a chord method): the resample moves the optimum little, so each
            // step gains a factor of about the resample's weight change on the curvature (1/n for the jackknife), and a
            // step needs only the gradient, not the Hessian. Stopped on the engine's own criterion gᵀH⁻¹g, tightened, at
            // the iterate whose β is returned; anything unusual falls back to the engine's Newton–Raphson.
            var th = (double[])theta.Clone();
            var hessian = fullHessian;
            double previous = double.PositiveInfinity;
            int refreshed = 0;
            for (int iteration = 0; iteration < 40; iteration++)
            {
                var e = iteration == 0 && startTotals is not null ? objective.EvaluateFrom(th, 1, startTotals) : objective.EvaluateGradientByResiduals(th);
                if (!e.IsFinite || e.Gradient is null) break;
                var g = MathNet.Numerics.LinearAlgebra.Double.DenseVector.OfArray(e.Gradient);
                var step = hessian.Solve(-g);
                double criterion = -g.DotProduct(step);
                if (criterion >= 0 && criterion <= ChordTolerance) return Parameters(th, e.Beta!.ToArray());
                // A resample far from the data (a bootstrap sample) moves the curvature too: when a chord step gains less
                // than a factor 20, the sample's own Hessian at the current iterate takes over (Newton's quadratic steps).
                if (iteration > 0 && !(criterion <= previous / 20) && refreshed < 3)
                {
                    var second = objective.Evaluate(th, 2);
                    if (!second.IsFinite || second.Hessian is null) break;
                    try { hessian = second.Hessian.Cholesky(); } catch (ArgumentException) { break; }
                    refreshed++;
                    step = hessian.Solve(-g);
                    criterion = -g.DotProduct(step);
                    if (criterion >= 0 && criterion <= ChordTolerance) return Parameters(th, e.Beta!.ToArray());
                }
                previous = criterion;
                for (int k = 0; k < th.Length; k++) th[k] += step[k];
                if (!covariance.IsAdmissible(th)) break;
            }
        }
        var (estimate, final, report) = NewtonRaphson.Minimise(objective, covariance, theta, fit.Spec.MaxIterations);
        if (!report.Converged || final.Beta is null || !final.IsFinite)
            throw new RweStatsInputException($"the imputation model fitted {what} did not converge ({report.Message}); the resampled data may not identify it (an arm or visit without outcomes?)");
        return Parameters(estimate, final.Beta.ToArray());
    }

    /// <summary>The likelihood of the model on resampled patterns, with this thread's workspaces (a refit runs on one thread).</summary>
    LikelihoodObjective Objective(IReadOnlyList<CovariancePattern> sample, int sampleObservations) =>
        new(covariance, sample, p, sampleObservations, fit.Spec.Method) { Scratch = scratch.Value };

    readonly ThreadLocal<LikelihoodObjective.EvaluationScratch> scratch = new(() => new LikelihoodObjective.EvaluationScratch());

    ImputationParameters Parameters(double[] th, double[] beta)
    {
        int groups = covariance.GroupLevels.Count;
        var sigma = new double[groups][,];
        var visits = Enumerable.Range(0, t).ToArray();
        for (int g = 0; g < groups; g++)
        {
            sigma[g] = new double[t, t];
            covariance.Build(th, g, visits, ReadOnlySpan<double>.Empty, sigma[g], null, null);
        }
        return new ImputationParameters(beta, sigma);
    }

    List<CovariancePattern> WeightedPatterns(double[] weights)
    {
        var blocks = patternKeys.Select(k => Enumerable.Range(0, k.visits.Length * k.visits.Length).Select(_ => new double[w * w]).ToArray()).ToArray();
        var counts = new double[patternKeys.Count];
        for (int s = 0; s < subjectZ.Length; s++)
        {
            if (weights[s] == 0) continue;
            AddSubject(blocks[subjectPattern[s]], subjectZ[s], subjectSize[s], weights[s]);
            counts[subjectPattern[s]] += weights[s];
        }
        var list = new List<CovariancePattern>();
        for (int k = 0; k < patternKeys.Count; k++)
            if (counts[k] > 0)
                list.Add(new CovariancePattern
                {
                    Group = patternKeys[k].group, Visits = patternKeys[k].visits, Times = Array.Empty<double>(),
                    SubjectCount = (int)counts[k], PairBlocks = blocks[k], Width = w,
                });
        return list;
    }

    /// <summary>blocks[a m + b] += weight z_a z_bᵀ for every visit pair (both triangles).</summary>
    void AddSubject(double[][] blocks, double[] z, int m, double weight)
    {
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++)
            {
                var block = blocks[a * m + b];
                for (int u = 0; u < w; u++)
                {
                    double zu = weight * z[a * w + u];
                    if (zu == 0) continue;
                    for (int v = 0; v < w; v++) block[u * w + v] += zu * z[b * w + v];
                }
            }
    }
}
