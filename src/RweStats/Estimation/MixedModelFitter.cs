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
public static class MixedModelFitter
{
    public static MixedModelResult Fit(DataTable table, MixedModelSpec spec, bool perSubjectPatterns = false)
    {
        spec.Validate();
        bool spatial = CovarianceStructure.Create(spec.Covariance, 2).UsesTimeValues;
        var frame = ModelFrame.Build(table, spec, spatial);
        var structure = CovarianceStructure.Create(spec.Covariance, frame.Time.Levels.Count);
        var covariance = new CovarianceModel(structure, spec.RandomIntercept, frame.Group?.Levels, frame.Group?.Name);
        var design = new FixedEffectsDesign(frame);
        var notes = new List<string>();
        if (design.Rank == 0)
            throw new RweStatsInputException($"formula \"{spec.Formula}\": every fixed-effect column is zero; nothing to estimate");
        CheckIdentifiable(frame, design, covariance);

        var patterns = CovariancePattern.Build(frame, design, spatial, perSubjectPatterns);
        var objective = new LikelihoodObjective(covariance, patterns, design.Rank, frame.ObservationsUsed, spec.Method);
        var search = new OptimumSearch(patterns, design.Rank, frame.ObservationsUsed, spec.Method, spec.MaxIterations, frame.SubjectCount,
            (model, modelObjective) => StartingValues(frame, design, model, modelObjective, patterns));
        var (theta, eval, report) = search.Minimise(covariance, objective);
        if (!report.Converged && !spec.ReportNonConverged)
            throw new RweStatsInputException(
                $"the {structure.SasType}{(spec.RandomIntercept ? " + random intercept" : "")} model for '{frame.Formula.Response}' did not converge: {report.Message}{DegeneracyHint(covariance, theta, frame)}; " +
                "try a simpler --covariance (e.g. cs or ar1), or add --report-nonconverged to see the last iterate");
        if (!report.Converged) notes.Add($"The fit did NOT converge ({report.Message}); every number below is from the last iterate and must not be used for inference.");

        int q = theta.Length;
        var free = Enumerable.Range(0, q).Where(k => !report.BoundaryParameters.Contains(k)).ToArray();
        SatterthwaiteDf? satterthwaite = null;
        if (report.HessianPositiveDefinite)
            satterthwaite = new SatterthwaiteDf(eval.CovBeta!, eval.CovBetaDerivatives!, eval.Hessian!, free);
        else
            notes.Add("The Hessian of the likelihood is not positive definite at the solution: covariance-parameter standard errors and Satterthwaite df are not available.");
        if (spec.Df == DfMethod.Satterthwaite && satterthwaite is null && spec.StdErrors == StdErrorMethod.Model && !spec.ReportNonConverged)
            throw new RweStatsInputException("Satterthwaite df cannot be computed because the likelihood's Hessian is not positive definite at the solution (an over-parameterised covariance?); use a simpler --covariance or --df between-within");
        bool kenwardRoger = spec.Df is DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear;
        KenwardRoger? kr = null;
        SandwichEstimator? sandwich = null;
        if (spec.StdErrors == StdErrorMethod.Empirical)
        {
            if (kenwardRoger)
                throw new RweStatsInputException("--df kenward-roger adjusts the model-based covariance and is not defined with --std-errors empirical (mmrm refuses the pair too); use --df satterthwaite, residual or between-within");
            sandwich = new SandwichEstimator(frame, design, covariance, theta, eval.Beta!, eval.CovBeta!);
            notes.Add("Standard errors are empirical (sandwich, SAS EMPIRICAL / mmrm \"Empirical\"): robust to a misspecified covariance structure, but they need many subjects." +
                      (spec.Df == DfMethod.Satterthwaite ? " Satterthwaite df use mmrm's Bell-McCaffrey form for the empirical covariance." : ""));
        }
        else if (kenwardRoger)
        {
            if (spec.Method != EstimationMethod.Reml)
                throw new RweStatsInputException("--df kenward-roger is defined for REML fits only (Kenward & Roger 1997; SAS and mmrm alike); use --method reml or --df satterthwaite");
            bool observed = spec.KenwardRogerInformation == KenwardRogerInformation.Observed;
            if (observed && !report.HessianPositiveDefinite && !spec.ReportNonConverged)
                throw new RweStatsInputException("Kenward-Roger df cannot be computed because the likelihood's Hessian is not positive definite at the solution (an over-parameterised covariance?); use a simpler --covariance");
            var krEval = objective.Evaluate(theta, 2, kenwardRogerTerms: true);
            kr = new KenwardRoger(krEval.CovBeta!, krEval.KenwardRogerTerms!, observed ? krEval.Hessian! : krEval.ExpectedHessian!, free,
                linear: spec.Df == DfMethod.KenwardRogerLinear);
            if (structure.IsLinear && spec.Df == DfMethod.KenwardRoger)
                notes.Add($"Kenward-Roger: {structure.SasType}{(spec.RandomIntercept ? " + random intercept" : "")} is linear in SAS's covariance parameters, so KR and KR(LINEAR) coincide.");
        }
        var designDf = spec.Df is DfMethod.Residual or DfMethod.Containment or DfMethod.BetweenWithin
            ? new DenominatorDf(design, spec.Df, spec.RandomIntercept) : null;
        var inference = new FixedEffectsInference(design, eval.Beta!, eval.CovBeta!, spec.Df, satterthwaite, designDf, spec.Alpha, kr, sandwich);

        // Covariance parameters.
        var covParams = new List<CovarianceParameterEstimate>();
        for (int k = 0; k < q; k++)
        {
            var info = covariance.Parameters[k];
            int fi = Array.IndexOf(free, k);
            double? se = satterthwaite is not null && fi >= 0 ? Math.Sqrt(satterthwaite.CovarianceOfTheta[fi, fi]) : null;
            bool boundary = report.BoundaryParameters.Contains(k) ||
                            (info.Kind is ParameterKind.Correlation or ParameterKind.PositiveCorrelation && Math.Abs(theta[k]) > 0.9999);
            if (boundary)
                notes.Add(info.Name == "Intercept" && theta[k] == 0
                    ? "The random-intercept variance is estimated at 0 (on the boundary): no between-subject variation beyond the residual structure; SAS reports the same and notes that G is not positive definite."
                    : $"Covariance parameter {info.Name} is on the boundary of its range ({theta[k].ToString("G4", CultureInfo.InvariantCulture)}).");
            covParams.Add(new CovarianceParameterEstimate(info.Name, info.Group, theta[k], se, boundary));
        }

        // Fit statistics exactly as SAS defines them (see shared/reference/sas/README.md).
        int qEff = free.Length;
        int parameters = spec.Method == EstimationMethod.Ml ? qEff + design.Rank : qEff;
        double nStar = spec.Method == EstimationMethod.Ml ? frame.ObservationsUsed : frame.ObservationsUsed - design.Rank;
        double f = eval.Value;
        var stats = new FitStatistics(f, f + 2 * parameters,
            f + 2 * parameters * nStar / (nStar - parameters - 1), f + parameters * Math.Log(frame.SubjectsRead));

        // Fixed effects: one entry per design column, aliased ones without a result (SAS prints 0 and ".").
        var fixedEffects = new List<FixedEffectEstimate>();
        for (int j = 0; j < design.ColumnCount; j++)
        {
            var col = design.Columns[j];
            EstimateResult? r = null;
            if (!col.Aliased) r = inference.Parameter(Array.IndexOf(design.Estimated, j));
            fixedEffects.Add(new FixedEffectEstimate(col.Name, col.Term.SasName, col.Levels, col.Aliased, r));
        }
        var unexpectedAliases = design.Columns.Where(c => c.Aliased && !IsReferenceAlias(c, frame)).Select(c => c.Name).ToList();
        if (unexpectedAliases.Count > 0)
            notes.Add($"Aliased (linearly dependent) columns set to 0 as SAS does: {string.Join(", ", unexpectedAliases)}.");

        // Type 3 tests.
        var type3 = new List<Type3Test>();
        foreach (var term in design.Terms.Where(t => !t.IsIntercept))
        {
            var test = inference.Test(Type3.HypothesisRows(design, term));
            if (test is { } t) type3.Add(new Type3Test(term.SasName, t.numDf, t.denDf, t.f, t.p));
            else notes.Add($"The Type 3 test of {term.SasName} is not estimable (empty cells?) and is not reported.");
        }

        // LS means: the time effect by default, plus the requested effects.
        var lsMeans = new List<LsMean>();
        var lsDiffs = new List<LsMeanDifference>();
        var effects = spec.LsMeans.Select(e => LsMeans.ParseEffect(e, design)).ToList();
        bool timeInModel = design.Terms.Any(t => t.Variables.Contains(frame.Time.Name));
        if (timeInModel && !effects.Any(e => e.Count == 1 && e[0].Name == frame.Time.Name))
            effects.Insert(0, new[] { frame.Time });
        foreach (var effect in effects)
        {
            string name = LsMeans.EffectName(effect);
            var rows = LsMeans.Rows(design, effect);
            var results = rows.Select(r => inference.Estimate(r.row)).ToList();
            for (int i = 0; i < rows.Count; i++)
            {
                lsMeans.Add(new LsMean(name, rows[i].levels, results[i]));
                if (results[i] is null) notes.Add($"LS mean {name} {LsMeans.Describe(rows[i].levels)} is not estimable.");
            }
            for (int i = 0; i < rows.Count; i++)
                for (int j = i + 1; j < rows.Count; j++)
                {
                    var diff = rows[i].row.Zip(rows[j].row, (a, b) => a - b).ToArray();
                    if (inference.Estimate(diff) is { } d) lsDiffs.Add(new LsMeanDifference(name, rows[i].levels, rows[j].levels, d));
                }
        }

        // Visit contrasts: each post-baseline visit minus baseline, from the time LS means.
        var visitContrasts = new List<VisitContrast>();
        if (timeInModel)
        {
            var rows = LsMeans.Rows(design, new[] { frame.Time });
            var baseRow = rows.First(r => r.levels[frame.Time.Name] == frame.Baseline).row;
            foreach (var (levels, row) in rows)
            {
                var visit = levels[frame.Time.Name];
                if (visit == frame.Baseline) continue;
                if (inference.Estimate(row.Zip(baseRow, (a, b) => a - b).ToArray()) is { } r)
                    visitContrasts.Add(new VisitContrast($"{visit} - {frame.Baseline}", visit, frame.Baseline, r));
                else notes.Add($"The contrast {visit} - {frame.Baseline} is not estimable.");
            }
        }
        else notes.Add($"The time variable '{frame.Time.Name}' is not a fixed effect of the formula, so no visit contrasts are computed; add it to the formula to compare visits.");

        // Custom contrasts on the LS-mean scale.
        var contrasts = new List<ContrastResult>();
        var parsed = spec.Contrasts.Select(c => ContrastParser.ParseCustom(c, design))
            .Concat(spec.LsMeanContrasts.Select(c => ContrastParser.ParseLsMeans(c, design))).ToList();
        foreach (var pc in parsed)
        {
            var rowResults = pc.Rows.Select(r => new ContrastRowResult(r.expression, inference.Estimate(r.row))).ToList();
            foreach (var rr in rowResults.Where(r => r.Result is null))
                notes.Add($"Contrast '{pc.Label}': row '{rr.Expression}' is not estimable.");
            FTest? test = null;
            if (pc.Rows.Count > 1 && inference.Test(pc.Rows.Select(r => r.row).ToList()) is { } t)
                test = new FTest(t.numDf, t.denDf, t.f, t.p);
            else if (pc.Rows.Count == 1 && rowResults[0].Result is { } e)
                test = new FTest(1, e.Df, e.TValue * e.TValue, e.PValue);
            contrasts.Add(new ContrastResult(pc.Label, pc.Kind, rowResults, test));
        }

        // Multiplicity: the visit contrasts form one family, each effect's LS-mean differences another.
        var integrationErrors = new List<double>();
        if (spec.Adjustment != MultiplicityAdjustment.None)
        {
            var visitRows = LsMeans.Rows(design, new[] { frame.Time });
            var baseRow = timeInModel ? visitRows.First(r => r.levels[frame.Time.Name] == frame.Baseline).row : null;
            var visitL = visitContrasts.Select(v => visitRows.First(r => r.levels[frame.Time.Name] == v.Visit).row.Zip(baseRow!, (a, b) => a - b).ToArray()).ToList();
            var adjusted = AdjustFamily(spec.Adjustment, visitContrasts.Select(v => v.Result).ToList(), visitL, inference, integrationErrors);
            for (int i = 0; i < visitContrasts.Count; i++) visitContrasts[i] = visitContrasts[i] with { AdjustedPValue = adjusted[i] };
            foreach (var effect in effects)
            {
                string name = LsMeans.EffectName(effect);
                var rows = LsMeans.Rows(design, effect);
                var family = Enumerable.Range(0, lsDiffs.Count).Where(i => lsDiffs[i].Effect == name).ToList();
                if (spec.Adjustment == MultiplicityAdjustment.Dunnett)
                {
                    // Many-to-one: the differences of every level against the first (control) level of the effect.
                    var control = rows[0].levels;
                    family = family.Where(i => SameLevels(lsDiffs[i].Levels, control)).ToList();
                }
                if (family.Count == 0) continue;
                var ls = family.Select(i => DiffRow(rows, lsDiffs[i])).ToList();
                var adj = AdjustFamily(spec.Adjustment, family.Select(i => lsDiffs[i].Result).ToList(), ls, inference, integrationErrors);
                for (int k = 0; k < family.Count; k++) lsDiffs[family[k]] = lsDiffs[family[k]] with { AdjustedPValue = adj[k] };
            }
            if (spec.Adjustment == MultiplicityAdjustment.Dunnett)
                notes.Add("Dunnett adjustment: single-step multivariate t over the comparisons with the control (baseline visit; first level of each LS-mean effect), each with its own df. " +
                          "The multivariate t probability is computed numerically, not exactly (randomised lattice rule, fixed seed): estimated absolute error at most " +
                          (integrationErrors.Count > 0 ? integrationErrors.Max() : 0).ToString("G2", CultureInfo.InvariantCulture) +
                          " (adjusted p-values below 1e-7 are the Bonferroni bound). Other LS-mean differences are not adjusted.");
        }

        IReadOnlyList<SubjectBlup>? blups = null;
        IReadOnlyList<ResidualRow>? residuals = null;
        if (spec.Blups || spec.Residuals)
        {
            var (b, r) = RandomEffectsPrediction.Compute(frame, design, covariance, theta, eval.Beta!, eval.CovBeta!);
            if (spec.Blups)
            {
                blups = b;
                if (!spec.RandomIntercept) notes.Add("--blups: the model has no random intercept, so there are no random effects to predict.");
            }
            if (spec.Residuals) residuals = r;
        }

        if (spec.Df == DfMethod.BetweenWithin)
            notes.Add("Between-within df follow Schluchter & Elashoff (1990) as nlme::lme and mmrm compute them (intercept at the within-subject level); SAS DDFM=BW differs with TYPE=UN.");

        return new MixedModelResult
        {
            Spec = spec, Response = frame.Formula.Response, SubjectCount = frame.SubjectsRead, SubjectsWithData = frame.SubjectCount,
            ObservationsRead = frame.ObservationsRead, ObservationsUsed = frame.ObservationsUsed,
            TimeLevels = frame.Time.Levels, Baseline = frame.Baseline, CovarianceSasType = structure.SasType,
            DesignColumns = design.ColumnCount, DesignRank = design.Rank, Convergence = report,
            FitStatistics = stats, CovarianceParameters = covParams, FixedEffects = fixedEffects, Type3Tests = type3,
            LsMeans = lsMeans, LsMeanDifferences = lsDiffs, VisitContrasts = visitContrasts, Notes = notes,
            Contrasts = contrasts, Blups = blups, Residuals = residuals,
        };
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
        double mean = frame.Response.Average();
        double total = frame.Response.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, frame.Response.Length - 1);
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

    static bool SameLevels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    static double[] DiffRow(IReadOnlyList<(IReadOnlyDictionary<string, string> levels, double[] row)> rows, LsMeanDifference d)
    {
        var a = rows.First(r => SameLevels(r.levels, d.Levels)).row;
        var b = rows.First(r => SameLevels(r.levels, d.OtherLevels)).row;
        return a.Zip(b, (x, y) => x - y).ToArray();
    }

    /// <summary>Adjusted p-values of one family; Dunnett needs the correlation of the estimates, from L C Lᵀ.</summary>
    static double?[] AdjustFamily(MultiplicityAdjustment adjustment, IReadOnlyList<EstimateResult> results, IReadOnlyList<double[]> fullRows,
                                  FixedEffectsInference inference, List<double> integrationErrors)
    {
        if (results.Count == 0) return Array.Empty<double?>();
        if (adjustment != MultiplicityAdjustment.Dunnett)
            return Multiplicity.Adjust(adjustment, results.Select(r => r.PValue).ToList()).Select(p => (double?)p).ToArray();
        var l = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.OfRowArrays(fullRows.Select(inference.Design.Reduce).ToArray());
        var cov = l * inference.CovBeta * l.Transpose();
        var corr = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.Create(cov.RowCount, cov.RowCount, (i, j) => cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]));
        try
        {
            var (adjusted, error) = Multiplicity.DunnettWithError(results.Select(r => r.TValue).ToList(), results.Select(r => r.Df).ToList(), corr);
            integrationErrors.Add(error);
            return adjusted.Select(p => (double?)p).ToArray();
        }
        catch (ArgumentException)
        {
            return new double?[results.Count]; // singular correlation: not computed
        }
    }

    static bool IsReferenceAlias(DesignColumn c, ModelFrame frame) =>
        c.Levels.Any(kv => frame.ClassVariables[kv.Key].Reference == kv.Value);

    /// <summary>Refuses requests the data cannot identify, naming the parameter and the reason.</summary>
    static void CheckIdentifiable(ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance)
    {
        int residualDf = frame.ObservationsUsed - design.Rank;
        if (residualDf <= covariance.ParameterCount)
            throw new RweStatsInputException(
                $"too few observations for the model: {frame.ObservationsUsed} observations, {design.Rank} fixed effects and {covariance.ParameterCount} covariance parameters ({covariance.Structure.SasType}); use a structure with fewer parameters (e.g. cs or ar1)");
        int t = frame.Time.Levels.Count;
        for (int g = 0; g < covariance.GroupLevels.Count; g++)
        {
            var pairs = new int[t, t];
            for (int s = 0; s < frame.SubjectCount; s++)
            {
                if (frame.SubjectGroup[s] != g) continue;
                var visits = frame.VisitPosition[frame.SubjectStart[s]..frame.SubjectStart[s + 1]];
                foreach (var a in visits) foreach (var b in visits) pairs[a, b]++;
            }
            string where = covariance.GroupVariable is null ? "" : $" in group {covariance.GroupLevels[g]}";
            string code = covariance.Structure.Code;
            bool heterogeneous = code is "un" or "csh" or "arh1" or "toeph" or "ante1";
            for (int a = 0; a < t; a++)
            {
                if (heterogeneous && pairs[a, a] < 2)
                    throw new RweStatsInputException(
                        $"--covariance {code}: visit '{frame.Time.Levels[a]}' has {pairs[a, a]} observation(s){where}, too few to estimate its own variance; use a homogeneous structure (cs, ar1) or drop the visit");
                if (code == "un")
                {
                    // UN(a, ·) amounts to regressing visit a on the visits observed with it: that needs more subjects
                    // at visit a than there are such visits, or the conditional variance is 0 and the fit cannot converge.
                    int partners = Enumerable.Range(0, t).Count(b => b != a && pairs[a, b] > 0);
                    if (pairs[a, a] <= partners)
                        throw new RweStatsInputException(
                            $"--covariance un: visit '{frame.Time.Levels[a]}' is observed in {pairs[a, a]} subject(s){where}, too few for its {partners + 1} UN parameters; use toeph, ar1 or ante1, or drop the visit");
                }
                if (code == "un")
                    for (int b = 0; b < a; b++)
                        if (pairs[a, b] == 0)
                            throw new RweStatsInputException(
                                $"--covariance un: no subject{where} has both visits '{frame.Time.Levels[b]}' and '{frame.Time.Levels[a]}', so UN({a + 1},{b + 1}) is not identifiable; use toeph, ar1 or ante1");
            }
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
        foreach (var pattern in patterns) pattern.AddResidualCrossProducts(w, cov, counts);
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
