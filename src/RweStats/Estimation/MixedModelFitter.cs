using System.Globalization;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Covariance;
using RweStats.Data;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>
/// Fits a linear mixed model y_i = X_i β + 1 b_i + e_i, b_i ~ N(0, σ_b²), e_i ~ N(0, R_i(θ)), and computes
/// everything SAS PROC MIXED reports for it: fit statistics, covariance parameters, fixed-effect solution,
/// Type 3 tests, LS means and their differences, and the visit-versus-baseline contrasts.
/// </summary>
public static partial class MixedModelFitter
{
    /// <summary>Fits the model and computes every table under the spec's inference settings (df method, standard errors, ...).</summary>
    public static MixedModelResult Fit(DataTable table, MixedModelSpec spec, bool perSubjectPatterns = false) =>
        FitModel(table, spec, perSubjectPatterns).Result(spec);

    /// <summary>Fits the model to a data frame (numeric columns as numbers, nulls as missing, other columns as class variables).</summary>
    public static MixedModelResult Fit(Microsoft.Data.Analysis.DataFrame frame, MixedModelSpec spec) => Fit(frame.ToDataTable(), spec);

    /// <summary>Fits the model once to a data frame; see <see cref="FitModel(DataTable, MixedModelSpec, bool)"/>.</summary>
    public static MixedModel FitModel(Microsoft.Data.Analysis.DataFrame frame, MixedModelSpec spec) => FitModel(frame.ToDataTable(), spec);

    /// <summary>
    /// Fits the model once (REML or ML by Newton–Raphson): the result answers every inference question — any df
    /// method, standard-error method, contrast, LS mean — without refitting.
    /// </summary>
    public static MixedModel FitModel(DataTable table, MixedModelSpec spec, bool perSubjectPatterns = false)
    {
        spec.Validate();
        bool spatial = CovarianceTypes.Of(spec.Covariance).Spatial;
        var frame = ModelFrame.Build(table, spec, spatial);
        var structure = CovarianceStructure.Create(spec.Covariance, frame.Time.Levels.Count);
        var covariance = new CovarianceModel(structure, spec.RandomIntercept, frame.Group?.Levels, frame.Group?.Name);
        var design = new FixedEffectsDesign(frame);
        if (design.Rank == 0)
            throw new RweStatsInputException($"formula \"{spec.Formula}\": every fixed-effect column is zero; nothing to estimate");

        var patterns = CovariancePattern.Build(frame, design, spatial, perSubjectPatterns);
        return FitPatterns(spec, frame, design, structure, covariance, patterns);
    }

    /// <summary>
    /// The fit from the covariance patterns' sums, wherever they were computed: from the rows in memory (above) or
    /// by a database's GROUP BY (<see cref="PatternSums"/>). Nothing below reads a row unless the spec asks for
    /// what needs them (empirical SE, BLUPs, residuals), which <see cref="PatternSums.RowsNeeded"/> refuses.
    /// </summary>
    static MixedModel FitPatterns(MixedModelSpec spec, ModelFrame frame, FixedEffectsDesign design, CovarianceStructure structure,
                                  CovarianceModel covariance, IReadOnlyList<CovariancePattern> patterns)
    {
        CheckIdentifiable(frame, design, covariance, patterns);
        string model = $"the {structure.SasType}{(spec.RandomIntercept ? " + random intercept" : "")} model for '{frame.Formula.Response}'";
        // Before any work: a fit beyond the budget is refused with its figures.
        FitCost.Estimate(covariance, patterns, design.Rank, spec.Budget).Require(spec.Budget, $"{model} over {frame.Time.Levels.Count} visits", structure.Type, frame.Time.Levels.Count);
        string name = $"{structure.SasType}{(spec.RandomIntercept ? " + RI" : "")} '{frame.Formula.Response}'";
        // One fit runs on one thread: its evaluations reuse their pattern workspaces (Scratch) instead of allocating
        // them anew each time, which with the collections that followed was a third of a small fit's time.
        var objective = new LikelihoodObjective(covariance, patterns, design.Rank, frame.ObservationsUsed, spec.Method)
        {
            Progress = spec.Progress, ModelName = name, Scratch = new LikelihoodObjective.EvaluationScratch(),
        };
        var search = new OptimumSearch(patterns, design.Rank, frame.ObservationsUsed, spec.Method, spec.MaxIterations, frame.SubjectCount,
            (model, modelObjective) => StartingValues(frame, design, model, modelObjective, patterns))
        {
            Budget = spec.Budget, Progress = spec.Progress, ModelName = name, SharedStarts = spec.SharedStarts,
        };
        var (theta, eval, report) = search.Minimise(covariance, objective);
        // Why it did not converge, in the model's terms, wherever the report is read (a parameter at the edge of its range).
        if (!report.Converged) report = report with { Message = report.Message + DegeneracyHint(covariance, theta, frame) };
        // With no estimates at the last iterate (the likelihood could not be evaluated there) there is nothing to report.
        bool nothingToReport = eval.Beta is null || eval.CovBeta is null;
        if (!report.Converged && (!spec.ReportNonConverged || nothingToReport))
            throw RweStatsInputException.About(ModelSetting.Covariance,
                $"{model} did not converge: {report.Message}; " +
                (nothingToReport && spec.ReportNonConverged
                    ? "the last iterate has no estimates to report; try a simpler {Covariance} (e.g. cs or ar1)"
                    : "try a simpler {Covariance} (e.g. cs or ar1), or add {ReportNonConverged} to see the last iterate"));
        return new MixedModel(spec, frame, design, covariance, objective, theta, eval, report);
    }

    /// <summary>
    /// The likelihood of a spatial structure can be flat (independence plateau) or bimodal in its range parameter,
    /// so Newton–Raphson from a single start may settle on the wrong side: start instead from the best of a grid of
    /// ranges around the moment estimate (the same multiplier for every group).
    /// </summary>
    static double[] ProfileSpatialStart(CovarianceModel covariance, LikelihoodObjective objective, double[] theta)
    {
        var structureParameter = covariance.Parameters.Select((p, k) => (p, k))
            .Where(x => x.p.Kind is ParameterKind.Range or ParameterKind.PositiveCorrelation).Select(x => x.k).ToList();
        if (structureParameter.Count == 0) return theta;
        var best = theta;
        double bestValue = objective.Evaluate(theta, 0).Value;
        foreach (var factor in new[] { 0.125, 0.25, 0.5, 2, 4, 8, 16, 32 })
        {
            var candidate = (double[])theta.Clone();
            foreach (var k in structureParameter)
                candidate[k] = covariance.Parameters[k].Kind == ParameterKind.Range
                    ? theta[k] * factor
                    : Math.Pow(theta[k], 1 / factor); // ρ^(1/f): the correlation at the same distance as a range × f
            if (!covariance.IsAdmissible(candidate)) continue;
            double value = objective.Evaluate(candidate, 0).Value;
            if (value < bestValue) { bestValue = value; best = candidate; }
        }
        return best;
    }

    /// <summary>Names a parameter that ran to the edge of its range: the usual reason a fit does not converge.</summary>
    static string DegeneracyHint(CovarianceModel covariance, double[] theta, ModelFrame frame)
    {
        double mean = frame.Summary?.ResponseMean ?? frame.Response.Average();
        double total = frame.Summary?.ResponseVariance ?? frame.Response.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, frame.Response.Length - 1);
        if (!double.IsFinite(total))
            return $" (the values of '{frame.Formula.Response}' are too large for double precision: their variance overflows; rescale the column)";
        for (int k = 0; k < theta.Length; k++)
        {
            var p = covariance.Parameters[k];
            if (p.Kind == ParameterKind.Variance && !(covariance.RandomIntercept && k == 0) && theta[k] < 1e-6 * total)
                return $" ({p.Name} tends to 0: the fixed effects{(covariance.RandomIntercept ? " and subject intercepts" : "")} fit the data (almost) exactly, leaving no residual variation to estimate a covariance from)";
            if (p.Kind is ParameterKind.Correlation or ParameterKind.PositiveCorrelation && Math.Abs(theta[k]) > 0.999)
                return $" ({p.Name} tends to {(theta[k] > 0 ? "+1" : "-1")}: visits are (almost) perfectly correlated)";
        }
        return "";
    }

    /// <summary>Refuses requests the data cannot identify, naming the parameter and the reason.</summary>
    static void CheckIdentifiable(ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance, IReadOnlyList<CovariancePattern> patterns)
    {
        int residualDf = frame.ObservationsUsed - design.Rank;
        if (residualDf <= covariance.ParameterCount)
            throw new RweStatsInputException(
                $"too few observations for the model: {frame.ObservationsUsed} observations, {design.Rank} fixed effects and {covariance.ParameterCount} covariance parameters ({covariance.Structure.SasType}); use a structure with fewer parameters (e.g. cs or ar1)");
        int t = frame.Time.Levels.Count;
        for (int g = 0; g < covariance.GroupLevels.Count; g++)
        {
            var pairs = new int[t, t]; // subjects with both visits, counted from the patterns (no pass over the rows)
            foreach (var pattern in patterns)
            {
                if (pattern.Group != g) continue;
                foreach (var a in pattern.Visits) foreach (var b in pattern.Visits) pairs[a, b] += pattern.SubjectCount;
            }
            string where = covariance.GroupVariable is null ? "" : $" in group {covariance.GroupLevels[g]}";
            if (covariance.Structure.IdentifiabilityProblem(pairs, frame.Time.Levels, where) is { } problem)
                throw RweStatsInputException.About(ModelSetting.Covariance, problem);
        }
    }

    /// <summary>
    /// Starting values: OLS residuals give an empirical covariance between visits; each structure derives its
    /// parameters from it. With a random intercept, a share of the common covariance goes to σ_b².
    /// When the result is not positive definite, correlations and covariances start at 0.
    /// </summary>
    static double[] StartingValues(ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance, LikelihoodObjective objective,
                                   IReadOnlyList<CovariancePattern> patterns)
    {
        // OLS from the pattern sums (Σ ZᵢᵀZᵢ with A = I): no pass over the rows. The non-aliased columns are of full
        // rank, but a badly scaled design can defeat Cholesky; a pseudo-inverse then.
        int p = design.Rank, width = p + 1, t = frame.Time.Levels.Count;
        var sums = new double[width * width];
        foreach (var pattern in patterns)
        {
            var identity = new double[pattern.Size, pattern.Size];
            for (int a = 0; a < pattern.Size; a++) identity[a, a] = 1;
            pattern.AddQuadratic(identity, sums);
        }
        var xtx = DenseMatrix.Create(p, p, (i, j) => sums[i * width + j]);
        var xty = DenseVector.Create(p, i => sums[i * width + p]);
        MathNet.Numerics.LinearAlgebra.Vector<double> beta;
        try { beta = xtx.Cholesky().Solve(xty); }
        catch (ArgumentException) { beta = xtx.PseudoInverse() * xty; }
        var w = new double[width];
        for (int i = 0; i < p; i++) w[i] = -beta[i];
        w[p] = 1;
        var cov = new double[t, t];
        var counts = new int[t, t];
        // Each pattern's sums are its own (formed side by side), added in pattern order: the same bits on any number of cores.
        var crossProducts = new double[patterns.Count][];
        if (objective.SideBySide) Parallel.For(0, patterns.Count, i => crossProducts[i] = patterns[i].ResidualCrossProducts(w));
        else for (int i = 0; i < patterns.Count; i++) crossProducts[i] = patterns[i].ResidualCrossProducts(w);
        for (int i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            int m = pattern.Size;
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                {
                    cov[pattern.Visits[a], pattern.Visits[b]] += crossProducts[i][a * m + b];
                    counts[pattern.Visits[a], pattern.Visits[b]] += pattern.SubjectCount;
                }
        }
        for (int a = 0; a < t; a++)
            for (int b = 0; b < t; b++)
                if (counts[a, b] > 0) cov[a, b] /= counts[a, b];
        double lag1 = 1;
        if (covariance.Structure.UsesTimeValues && frame.TimeValues is { } times)
        {
            double sum = 0; int n = 0;
            for (int s = 0; s < frame.SubjectCount; s++)
                for (int i = frame.SubjectStart[s] + 1; i < frame.SubjectStart[s + 1]; i++)
                {
                    double d = Math.Abs(times[i] - times[i - 1]);
                    if (d > 0) { sum += d; n++; }
                }
            if (n > 0) lag1 = sum / n;
        }
        var empirical = new EmpiricalCovariance(cov, counts) { Lag1Distance = lag1 };
        var structureStart = covariance.Structure.StartingValues(empirical);

        double share = covariance.RandomIntercept ? Math.Clamp(empirical.MeanCorrelation, 0.1, 0.5) : 0;
        var theta = new double[covariance.ParameterCount];
        if (covariance.RandomIntercept) theta[0] = share * empirical.MeanVariance;
        for (int g = 0; g < covariance.GroupLevels.Count; g++)
        {
            var local = covariance.LocalParameters(g);
            int off = covariance.RandomIntercept ? 1 : 0;
            for (int k = 0; k < structureStart.Length; k++)
            {
                var kind = covariance.Structure.ParameterKinds[k];
                theta[local[off + k]] = kind == ParameterKind.Variance ? (1 - share) * structureStart[k] : structureStart[k];
            }
        }
        if (covariance.Structure.UsesTimeValues) theta = ProfileSpatialStart(covariance, objective, theta);
        if (objective.Evaluate(theta, 0).IsFinite) return theta;
        for (int k = 0; k < theta.Length; k++)
            theta[k] = covariance.Parameters[k].Kind switch
            {
                ParameterKind.Covariance => 0,
                ParameterKind.Correlation or ParameterKind.PositiveCorrelation => 0.1,
                _ => theta[k],
            };
        return theta;
    }
}
