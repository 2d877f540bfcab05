using System.Collections.Concurrent;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RweStats.Covariance;
using RweStats.Inference;
using RweStats.Model;
using LsMeanTables = RweStats.Inference.LsMeans;

namespace RweStats.Estimation;

/// <summary>
/// A fitted linear mixed model: the estimates and everything inference needs, computed once by
/// <see cref="MixedModelFitter.FitModel(Data.DataTable, MixedModelSpec, bool)"/> and then asked any number of questions without refitting (as one asks
/// MixedModels.jl's fitted model for <c>coef</c> and <c>vcov</c>, or mmrm's fit for <c>df_1d</c> under another
/// method): the fixed-effect solution, contrasts, LS means and their differences, Type 3 tests and the
/// visit-versus-baseline contrasts under any denominator-df method and standard-error method, BLUPs and residuals.
/// <para>
/// Held: β̂ and C = Cov(β̂) = (XᵀV⁻¹X)⁻¹ (reduced to the estimated, non-aliased columns), θ̂ with the observed
/// Hessian of −2 log L at θ̂ (twice the observed information) and, on demand, the expected Hessian, the derivatives
/// ∂C/∂θ that Satterthwaite needs and the Kenward–Roger terms P, Q, R, plus the frame, design and covariance
/// model they came from. Thread-safe: the lazily built pieces are built once.
/// </para>
/// </summary>
public sealed class MixedModel
{
    readonly LikelihoodObjective objective;
    readonly LikelihoodEvaluation evaluation;
    readonly Lazy<LikelihoodEvaluation> kenwardRogerEvaluation;
    readonly Lazy<SandwichEstimator> sandwich;
    readonly ConcurrentDictionary<(DfMethod, KenwardRogerInformation), Lazy<KenwardRoger>> kenwardRoger = new();
    readonly ConcurrentDictionary<DfMethod, DenominatorDf> designDf = new();
    readonly IReadOnlyList<string> fitNotes;
    readonly double[] theta;

    internal MixedModel(MixedModelSpec spec, ModelFrame frame, FixedEffectsDesign design, CovarianceModel covariance,
                        LikelihoodObjective objective, double[] theta, LikelihoodEvaluation evaluation, ConvergenceReport convergence)
    {
        Spec = spec;
        Frame = frame;
        Design = design;
        Covariance = covariance;
        this.objective = objective;
        this.theta = theta;
        this.evaluation = evaluation;
        Convergence = convergence;
        int q = theta.Length;
        FreeParameters = Enumerable.Range(0, q).Where(k => !convergence.BoundaryParameters.Contains(k)).ToArray();
        var notes = new List<string>(frame.Notes);
        if (!convergence.Converged) notes.Add($"The fit did NOT converge ({convergence.Message}); every number below is from the last iterate and must not be used for inference.");
        if (convergence.HessianPositiveDefinite)
            Satterthwaite = new SatterthwaiteDf(evaluation.CovBeta!, evaluation.CovBetaDerivatives!, evaluation.Hessian!, FreeParameters);
        else
            notes.Add("The Hessian of the likelihood is not positive definite at the solution: covariance-parameter standard errors and Satterthwaite df are not available.");
        fitNotes = notes;
        kenwardRogerEvaluation = new Lazy<LikelihoodEvaluation>(() => objective.Evaluate(theta, 2, kenwardRogerTerms: true));
        sandwich = new Lazy<SandwichEstimator>(() => new SandwichEstimator(Frame, Design, Covariance, theta, Beta, CovBeta));
        FitStatistics = ComputeFitStatistics();
    }

    /// <summary>The specification the model was fitted with (its inference settings are the defaults of <see cref="Result()"/>).</summary>
    public MixedModelSpec Spec { get; }
    public ModelFrame Frame { get; }
    public FixedEffectsDesign Design { get; }
    public CovarianceModel Covariance { get; }
    public CovarianceStructure Structure => Covariance.Structure;
    public ConvergenceReport Convergence { get; }
    /// <summary>θ̂ in SAS's order and parameterisation (see <see cref="CovarianceParameters"/> for names).</summary>
    public IReadOnlyList<double> Theta => theta;
    /// <summary>The indices of θ not held on a boundary (what standard errors and small-sample df use).</summary>
    public IReadOnlyList<int> FreeParameters { get; }
    /// <summary>β̂ over the estimated (non-aliased) design columns, <see cref="FixedEffectsDesign.Estimated"/>.</summary>
    public Vector<double> Beta => evaluation.Beta!;
    /// <summary>C = (XᵀV⁻¹X)⁻¹, the model-based covariance of β̂ (estimated columns).</summary>
    public Matrix<double> CovBeta => evaluation.CovBeta!;
    /// <summary>The observed Hessian of −2 log L (REML or ML) in θ at θ̂: twice the observed information.</summary>
    public Matrix<double> ObservedHessian => evaluation.Hessian!;
    /// <summary>The expected Hessian tr(M V_k M V_l) at θ̂: twice the expected (Fisher) information.</summary>
    public Matrix<double> ExpectedHessian => kenwardRogerEvaluation.Value.ExpectedHessian!;
    /// <summary>Satterthwaite's df (model-based covariance); null when the Hessian is not positive definite.</summary>
    public SatterthwaiteDf? Satterthwaite { get; }
    public FitStatistics FitStatistics { get; }
    /// <summary>The −2 (restricted) log-likelihood at θ̂.</summary>
    public double Neg2LogLikelihood => evaluation.Value;

    /// <summary>Covariance parameters with the standard errors of 2 H⁻¹ (free parameters), SAS "Covariance Parameter Estimates".</summary>
    public IReadOnlyList<CovarianceParameterEstimate> CovarianceParameters => CovarianceParameterTable(null);

    // ---- Inference objects -------------------------------------------------------------------------------------

    /// <summary>
    /// Tests and intervals for linear functions of β under a df method and a standard-error method. Refuses (input
    /// error) the pairs that are not defined for this fit, with the reason: Satterthwaite or KR without a positive
    /// definite Hessian, Kenward–Roger with empirical standard errors or with ML.
    /// </summary>
    public FixedEffectsInference Inference(DfMethod df, StdErrorMethod errors = StdErrorMethod.Model,
                                           KenwardRogerInformation information = KenwardRogerInformation.Observed, double? alpha = null) =>
        CreateInference(df, errors, information, alpha ?? Spec.Alpha, null);

    FixedEffectsInference CreateInference(DfMethod df, StdErrorMethod errors, KenwardRogerInformation information, double alpha, List<string>? notes)
    {
        if (!(alpha > 0 && alpha < 1))
            throw RweStatsInputException.About(ModelSetting.Alpha, $"{{Alpha}} {alpha.ToString(CultureInfo.InvariantCulture)} is outside (0, 1); use e.g. 0.05");
        if (df == DfMethod.Satterthwaite && Satterthwaite is null && errors == StdErrorMethod.Model && !Spec.ReportNonConverged)
            throw RweStatsInputException.About(ModelSetting.Df, "Satterthwaite df cannot be computed because the likelihood's Hessian is not positive definite at the solution (an over-parameterised covariance?); use a simpler {Covariance} or {Df} between-within");
        bool isKenwardRoger = df is DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear;
        if (errors == StdErrorMethod.Empirical)
        {
            if (isKenwardRoger)
                throw RweStatsInputException.About(ModelSetting.Df, "{Df} kenward-roger adjusts the model-based covariance and is not defined with {StdErrors} empirical (mmrm refuses the pair too); use {Df} satterthwaite, residual or between-within");
            var s = sandwich.Value;
            notes?.Add("Standard errors are empirical (sandwich, SAS EMPIRICAL / mmrm \"Empirical\"): robust to a misspecified covariance structure, but they need many subjects." +
                       (df == DfMethod.Satterthwaite ? " Satterthwaite df use mmrm's Bell-McCaffrey form for the empirical covariance." : ""));
            IDenominatorDf method = df == DfMethod.Satterthwaite ? s : DesignDf(df);
            return new FixedEffectsInference(Design, Beta, s.CovBeta, method, alpha);
        }
        if (isKenwardRoger)
        {
            var kr = KenwardRoger(df, information);
            if (Structure.IsLinear && df == DfMethod.KenwardRoger)
                notes?.Add($"Kenward-Roger: {Structure.SasType}{(Spec.RandomIntercept ? " + random intercept" : "")} is linear in SAS's covariance parameters, so KR and KR(LINEAR) coincide.");
            return new FixedEffectsInference(Design, Beta, kr.AdjustedCovBeta, kr, alpha);
        }
        // Satterthwaite is null only when the Hessian is not positive definite and --report-nonconverged asked for the
        // tables anyway: the df are then not available (NaN), as before.
        IDenominatorDf dfMethod = df == DfMethod.Satterthwaite ? (IDenominatorDf?)Satterthwaite ?? NotAvailable.Instance : DesignDf(df);
        return new FixedEffectsInference(Design, Beta, CovBeta, dfMethod, alpha);
    }

    /// <summary>Residual, containment or between-within df of this design (cached per method).</summary>
    public DenominatorDf DesignDf(DfMethod df) => designDf.GetOrAdd(df, m => new DenominatorDf(Design, m, Spec.RandomIntercept));

    /// <summary>Kenward–Roger (or KR-linear) with the observed or expected information; REML only.</summary>
    public KenwardRoger KenwardRoger(DfMethod df, KenwardRogerInformation information = KenwardRogerInformation.Observed)
    {
        if (df is not (DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear))
            throw new ArgumentException("not a Kenward-Roger method", nameof(df));
        if (Spec.Method != EstimationMethod.Reml)
            throw RweStatsInputException.About(ModelSetting.Df, "{Df} kenward-roger is defined for REML fits only (Kenward & Roger 1997; SAS and mmrm alike); use {Method} reml or {Df} satterthwaite");
        bool observed = information == KenwardRogerInformation.Observed;
        if (observed && !Convergence.HessianPositiveDefinite && !Spec.ReportNonConverged)
            throw RweStatsInputException.About(ModelSetting.Df, "Kenward-Roger df cannot be computed because the likelihood's Hessian is not positive definite at the solution (an over-parameterised covariance?); use a simpler {Covariance}");
        return kenwardRoger.GetOrAdd((df, information), key => new Lazy<KenwardRoger>(() =>
        {
            var e = kenwardRogerEvaluation.Value;
            return new KenwardRoger(e.CovBeta!, e.KenwardRogerTerms!, key.Item2 == KenwardRogerInformation.Observed ? e.Hessian! : e.ExpectedHessian!,
                FreeParameters, linear: key.Item1 == DfMethod.KenwardRogerLinear);
        })).Value;
    }

    /// <summary>The empirical (sandwich) covariance of β̂ and its Bell–McCaffrey df.</summary>
    public SandwichEstimator Sandwich => sandwich.Value;

    /// <summary>A df method that has no value here (Satterthwaite without a positive definite Hessian, under --report-nonconverged).</summary>
    sealed class NotAvailable : IDenominatorDf
    {
        public static readonly NotAvailable Instance = new();
        public double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns) => double.NaN;
        public double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns) => double.NaN;
    }

    // ---- Questions asked of the fit ----------------------------------------------------------------------------

    /// <summary>One estimable function lᵀβ (l over all design columns); null when not estimable.</summary>
    public EstimateResult? Estimate(double[] l, DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) => Inference(df, errors).Estimate(l);

    /// <summary>The F test of L β = 0 (rows over all design columns); null when not estimable.</summary>
    public FTest? Test(IReadOnlyList<double[]> l, DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) =>
        Inference(df, errors).Test(l) is { } t ? new FTest(t.numDf, t.denDf, t.f, t.p) : null;

    /// <summary>A contrast in the syntax of --contrast ("LABEL: visit[M12] - visit[M0]"; rows separated by ';').</summary>
    public ContrastResult Contrast(string contrast, DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) =>
        EvaluateContrast(ContrastParser.ParseCustom(contrast, Design), Inference(df, errors), null);

    /// <summary>A contrast of one effect's LS means by level names, in the syntax of --contrast-lsmeans ("AVISIT*ARMCD: VIS4 TRT - VIS4 PBO").</summary>
    public ContrastResult LsMeanContrast(string contrast, DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) =>
        EvaluateContrast(ContrastParser.ParseLsMeans(contrast, Design), Inference(df, errors), null);

    /// <summary>The fixed-effect solution, one entry per design column (aliased ones without a result, as SAS prints 0).</summary>
    public IReadOnlyList<FixedEffectEstimate> Solution(DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) => SolutionTable(Inference(df, errors));

    /// <summary>Type 3 tests of every model effect (not estimable ones left out).</summary>
    public IReadOnlyList<Type3Test> Type3Tests(DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) => Type3Table(Inference(df, errors), null);

    /// <summary>LS means of an effect ("visit", "visit*arm") and their pairwise differences.</summary>
    /// <param name="weights">How the other class variables are averaged; null: as the model's specification says.</param>
    public (IReadOnlyList<LsMean> means, IReadOnlyList<LsMeanDifference> differences) LsMeans(string effect, DfMethod df, StdErrorMethod errors = StdErrorMethod.Model,
                                                                                               LsMeansWeights? weights = null)
    {
        var means = new List<LsMean>();
        var diffs = new List<LsMeanDifference>();
        LsMeanTable(LsMeanTables.ParseEffect(effect, Design), Inference(df, errors), weights ?? Spec.LsMeansWeights, means, diffs, null);
        return (means, diffs);
    }

    /// <summary>Each post-baseline visit minus the baseline visit, from the LS means of the time variable.</summary>
    public IReadOnlyList<VisitContrast> VisitContrasts(DfMethod df, StdErrorMethod errors = StdErrorMethod.Model, LsMeansWeights? weights = null) =>
        VisitContrastTable(Inference(df, errors), weights ?? Spec.LsMeansWeights, null);

    /// <summary>Subject-intercept BLUPs with prediction standard errors (empty without a random intercept).</summary>
    public IReadOnlyList<SubjectBlup> Blups() => RandomEffectsPrediction.Compute(Frame, Design, Covariance, theta, Beta, CovBeta).blups;

    /// <summary>Marginal and conditional residuals (raw, Pearson, Cholesky-scaled).</summary>
    public IReadOnlyList<ResidualRow> Residuals() => RandomEffectsPrediction.Compute(Frame, Design, Covariance, theta, Beta, CovBeta).residuals;

    // ---- The whole report --------------------------------------------------------------------------------------

    /// <summary>Every table of the fit under the inference settings it was fitted with.</summary>
    public MixedModelResult Result() => Result(Spec);

    /// <summary>Every table under another df method and standard-error method, without refitting.</summary>
    public MixedModelResult Result(DfMethod df, StdErrorMethod errors = StdErrorMethod.Model) => Result(Spec with { Df = df, StdErrors = errors });

    /// <summary>
    /// Every table SAS PROC MIXED reports, under the inference settings of <paramref name="spec"/> (df, standard errors,
    /// KR information, α, LS means, contrasts, adjustment, BLUPs, residuals). The model settings of
    /// <paramref name="spec"/> must be those the model was fitted with.
    /// </summary>
    public MixedModelResult Result(MixedModelSpec spec)
    {
        if (!SameModel(spec, Spec))
            throw new ArgumentException("the specification describes another model than the one fitted (formula, data roles, covariance or method differ); fit it", nameof(spec));
        spec.Validate();
        var notes = new List<string>(fitNotes);
        var inference = CreateInference(spec.Df, spec.StdErrors, spec.KenwardRogerInformation, spec.Alpha, notes);
        var frame = Frame;
        var design = Design;

        var covParams = CovarianceParameterTable(notes);
        var fixedEffects = SolutionTable(inference);
        var unexpectedAliases = design.Columns.Where(c => c.Aliased && !IsReferenceAlias(c, frame)).Select(c => c.Name).ToList();
        if (unexpectedAliases.Count > 0)
            notes.Add($"Aliased (linearly dependent) columns set to 0 as SAS does: {string.Join(", ", unexpectedAliases)}.");

        var type3 = Type3Table(inference, notes);

        // LS means: the time effect by default, plus the requested effects.
        var lsMeans = new List<LsMean>();
        var lsDiffs = new List<LsMeanDifference>();
        var effects = spec.LsMeans.Select(e => LsMeanTables.ParseEffect(e, design)).ToList();
        bool timeInModel = TimeInModel;
        if (timeInModel && !effects.Any(e => e.Count == 1 && e[0].Name == frame.Time.Name))
            effects.Insert(0, new[] { frame.Time });
        foreach (var effect in effects) LsMeanTable(effect, inference, spec.LsMeansWeights, lsMeans, lsDiffs, notes);

        var visitContrasts = VisitContrastTable(inference, spec.LsMeansWeights, notes).ToList();

        // Custom contrasts on the LS-mean scale.
        var parsed = spec.Contrasts.Select(c => ContrastParser.ParseCustom(c, design))
            .Concat(spec.LsMeanContrasts.Select(c => ContrastParser.ParseLsMeans(c, design))).ToList();
        var contrasts = parsed.Select(pc => EvaluateContrast(pc, inference, notes)).ToList();

        if (spec.Adjustment != MultiplicityAdjustment.None)
            Adjust(spec.Adjustment, inference, spec.LsMeansWeights, effects, visitContrasts, lsDiffs, notes);

        IReadOnlyList<SubjectBlup>? blups = null;
        IReadOnlyList<ResidualRow>? residuals = null;
        if (spec.Blups || spec.Residuals)
        {
            var (b, r) = RandomEffectsPrediction.Compute(frame, design, Covariance, theta, Beta, CovBeta);
            if (spec.Blups)
            {
                blups = b;
                if (!spec.RandomIntercept) notes.Add("{Blups}: the model has no random intercept, so there are no random effects to predict.");
            }
            if (spec.Residuals) residuals = r;
        }

        if (spec.Df == DfMethod.BetweenWithin)
            notes.Add("Between-within df follow Schluchter & Elashoff (1990) as nlme::lme and mmrm compute them (intercept at the within-subject level); SAS DDFM=BW differs with TYPE=UN.");

        return new MixedModelResult
        {
            Spec = spec, Response = frame.Formula.Response, ResponseLabel = frame.ResponseLabel, SubjectCount = frame.SubjectsRead, SubjectsWithData = frame.SubjectCount,
            ObservationsRead = frame.ObservationsRead, ObservationsUsed = frame.ObservationsUsed,
            TimeLevels = frame.Time.Levels, VisitOrdering = frame.VisitOrdering, Baseline = frame.Baseline, CovarianceSasType = Structure.SasType,
            DesignColumns = design.ColumnCount, DesignRank = design.Rank, Convergence = Convergence,
            FitStatistics = FitStatistics, CovarianceParameters = covParams, FixedEffects = fixedEffects, Type3Tests = type3,
            LsMeans = lsMeans, LsMeanDifferences = lsDiffs, VisitContrasts = visitContrasts, Notes = notes,
            Contrasts = contrasts, Blups = blups, Residuals = residuals,
        };
    }

    /// <summary>True when two specifications describe the same fitted model (they may differ in inference settings only).</summary>
    public static bool SameModel(MixedModelSpec a, MixedModelSpec b) =>
        a.Formula == b.Formula && a.Subject == b.Subject && a.Time == b.Time && SameList(a.TimeOrder, b.TimeOrder) && a.Baseline == b.Baseline &&
        a.Covariance == b.Covariance && a.TimeValue == b.TimeValue && a.Group == b.Group && a.RandomIntercept == b.RandomIntercept &&
        a.Method == b.Method && SameList(a.ClassVariables, b.ClassVariables) && a.MaxIterations == b.MaxIterations &&
        a.ReportNonConverged == b.ReportNonConverged &&
        a.References.Count == b.References.Count && a.References.All(kv => b.References.TryGetValue(kv.Key, out var v) && v == kv.Value);

    static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    // ---- Tables ------------------------------------------------------------------------------------------------

    bool TimeInModel => Design.Terms.Any(t => t.Variables.Contains(Frame.Time.Name));

    /// <summary>Fit statistics exactly as SAS defines them (see shared/reference/sas/README.md).</summary>
    FitStatistics ComputeFitStatistics()
    {
        int qEff = FreeParameters.Count;
        int parameters = Spec.Method == EstimationMethod.Ml ? qEff + Design.Rank : qEff;
        double nStar = Spec.Method == EstimationMethod.Ml ? Frame.ObservationsUsed : Frame.ObservationsUsed - Design.Rank;
        double f = evaluation.Value;
        return new FitStatistics(f, f + 2 * parameters,
            f + 2 * parameters * nStar / (nStar - parameters - 1), f + parameters * Math.Log(Frame.SubjectsRead));
    }

    List<CovarianceParameterEstimate> CovarianceParameterTable(List<string>? notes)
    {
        var covParams = new List<CovarianceParameterEstimate>();
        var free = (int[])FreeParameters;
        for (int k = 0; k < Theta.Count; k++)
        {
            var info = Covariance.Parameters[k];
            int fi = Array.IndexOf(free, k);
            double? se = Satterthwaite is not null && fi >= 0 ? Math.Sqrt(Satterthwaite.CovarianceOfTheta[fi, fi]) : null;
            bool boundary = Convergence.BoundaryParameters.Contains(k) ||
                            (info.Kind is ParameterKind.Correlation or ParameterKind.PositiveCorrelation && Math.Abs(Theta[k]) > 0.9999);
            if (boundary)
                notes?.Add(info.Name == "Intercept" && Theta[k] == 0
                    ? "The random-intercept variance is estimated at 0 (on the boundary): no between-subject variation beyond the residual structure; SAS reports the same and notes that G is not positive definite."
                    : $"Covariance parameter {info.Name} is on the boundary of its range ({Theta[k].ToString("G4", CultureInfo.InvariantCulture)}).");
            covParams.Add(new CovarianceParameterEstimate(info.Name, info.Group, Theta[k], se, boundary));
        }
        return covParams;
    }

    List<FixedEffectEstimate> SolutionTable(FixedEffectsInference inference)
    {
        var fixedEffects = new List<FixedEffectEstimate>();
        for (int j = 0; j < Design.ColumnCount; j++)
        {
            var col = Design.Columns[j];
            EstimateResult? r = null;
            if (!col.Aliased) r = inference.Parameter(Array.IndexOf(Design.Estimated, j));
            fixedEffects.Add(new FixedEffectEstimate(col.Name, col.Term.SasName, col.Levels, col.Aliased, r));
        }
        return fixedEffects;
    }

    List<Type3Test> Type3Table(FixedEffectsInference inference, List<string>? notes)
    {
        var type3 = new List<Type3Test>();
        foreach (var term in Design.Terms.Where(t => !t.IsIntercept))
        {
            var test = inference.Test(Type3.HypothesisRows(Design, term));
            if (test is { } t) type3.Add(new Type3Test(term.SasName, t.numDf, t.denDf, t.f, t.p));
            else notes?.Add($"The Type 3 test of {term.SasName} is not estimable (empty cells?) and is not reported.");
        }
        return type3;
    }

    void LsMeanTable(IReadOnlyList<ClassVariable> effect, FixedEffectsInference inference, LsMeansWeights weights, List<LsMean> lsMeans, List<LsMeanDifference> lsDiffs, List<string>? notes)
    {
        string name = LsMeanTables.EffectName(effect);
        var rows = LsMeanTables.Rows(Design, effect, weights);
        var results = rows.Select(r => inference.Estimate(r.row)).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            lsMeans.Add(new LsMean(name, rows[i].levels, results[i]));
            if (results[i] is null) notes?.Add($"LS mean {name} {LsMeanTables.Describe(rows[i].levels)} is not estimable.");
        }
        for (int i = 0; i < rows.Count; i++)
            for (int j = i + 1; j < rows.Count; j++)
            {
                var diff = rows[i].row.Zip(rows[j].row, (a, b) => a - b).ToArray();
                if (inference.Estimate(diff) is { } d) lsDiffs.Add(new LsMeanDifference(name, rows[i].levels, rows[j].levels, d));
            }
    }

    List<VisitContrast> VisitContrastTable(FixedEffectsInference inference, LsMeansWeights weights, List<string>? notes)
    {
        var visitContrasts = new List<VisitContrast>();
        var frame = Frame;
        if (TimeInModel)
        {
            var rows = LsMeanTables.Rows(Design, new[] { frame.Time }, weights);
            var baseRow = rows.First(r => r.levels[frame.Time.Name] == frame.Baseline).row;
            foreach (var (levels, row) in rows)
            {
                var visit = levels[frame.Time.Name];
                if (visit == frame.Baseline) continue;
                if (inference.Estimate(row.Zip(baseRow, (a, b) => a - b).ToArray()) is { } r)
                    visitContrasts.Add(new VisitContrast($"{visit} - {frame.Baseline}", visit, frame.Baseline, r));
                else notes?.Add($"The contrast {visit} - {frame.Baseline} is not estimable.");
            }
        }
        else notes?.Add($"The time variable '{frame.Time.Name}' is not a fixed effect of the formula, so no visit contrasts are computed; add it to the formula to compare visits.");
        return visitContrasts;
    }

    static ContrastResult EvaluateContrast(ParsedContrast pc, FixedEffectsInference inference, List<string>? notes)
    {
        var rowResults = pc.Rows.Select(r => new ContrastRowResult(r.expression, inference.Estimate(r.row))).ToList();
        foreach (var rr in rowResults.Where(r => r.Result is null))
            notes?.Add($"Contrast '{pc.Label}': row '{rr.Expression}' is not estimable.");
        FTest? test = null;
        if (pc.Rows.Count > 1 && inference.Test(pc.Rows.Select(r => r.row).ToList()) is { } t)
            test = new FTest(t.numDf, t.denDf, t.f, t.p);
        else if (pc.Rows.Count == 1 && rowResults[0].Result is { } e)
            test = new FTest(1, e.Df, e.TValue * e.TValue, e.PValue);
        return new ContrastResult(pc.Label, pc.Kind, rowResults, test);
    }

    /// <summary>Multiplicity: the visit contrasts form one family, each effect's LS-mean differences another.</summary>
    void Adjust(MultiplicityAdjustment adjustment, FixedEffectsInference inference, LsMeansWeights weights, IReadOnlyList<IReadOnlyList<ClassVariable>> effects,
                List<VisitContrast> visitContrasts, List<LsMeanDifference> lsDiffs, List<string> notes)
    {
        var frame = Frame;
        var design = Design;
        var integrationErrors = new List<double>();
        var visitRows = LsMeanTables.Rows(design, new[] { frame.Time }, weights);
        var baseRow = TimeInModel ? visitRows.First(r => r.levels[frame.Time.Name] == frame.Baseline).row : null;
        var visitL = visitContrasts.Select(v => visitRows.First(r => r.levels[frame.Time.Name] == v.Visit).row.Zip(baseRow!, (a, b) => a - b).ToArray()).ToList();
        var adjusted = AdjustFamily(adjustment, visitContrasts.Select(v => v.Result).ToList(), visitL, inference, integrationErrors);
        for (int i = 0; i < visitContrasts.Count; i++) visitContrasts[i] = visitContrasts[i] with { AdjustedPValue = adjusted[i] };
        foreach (var effect in effects)
        {
            string name = LsMeanTables.EffectName(effect);
            var rows = LsMeanTables.Rows(design, effect, weights);
            var family = Enumerable.Range(0, lsDiffs.Count).Where(i => lsDiffs[i].Effect == name).ToList();
            if (adjustment == MultiplicityAdjustment.Dunnett)
            {
                // Many-to-one: the differences of every level against the first (control) level of the effect.
                var control = rows[0].levels;
                family = family.Where(i => SameLevels(lsDiffs[i].Levels, control)).ToList();
            }
            if (family.Count == 0) continue;
            var ls = family.Select(i => DiffRow(rows, lsDiffs[i])).ToList();
            var adj = AdjustFamily(adjustment, family.Select(i => lsDiffs[i].Result).ToList(), ls, inference, integrationErrors);
            for (int k = 0; k < family.Count; k++) lsDiffs[family[k]] = lsDiffs[family[k]] with { AdjustedPValue = adj[k] };
        }
        if (adjustment == MultiplicityAdjustment.Dunnett)
            notes.Add("Dunnett adjustment: single-step multivariate t over the comparisons with the control (baseline visit; first level of each LS-mean effect), each with its own df. " +
                      "The multivariate t probability is computed numerically, not exactly (randomised lattice rule, fixed seed): estimated absolute error at most " +
                      (integrationErrors.Count > 0 ? integrationErrors.Max() : 0).ToString("G2", CultureInfo.InvariantCulture) +
                      " (adjusted p-values below 1e-7 are the Bonferroni bound). Other LS-mean differences are not adjusted.");
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
}
