namespace RweStats.Model;

/// <summary>REML (SAS METHOD=REML, the default) or ML.</summary>
public enum EstimationMethod { Reml, Ml }

/// <summary>Denominator degrees of freedom for t and F tests (SAS MODEL / DDFM=).</summary>
public enum DfMethod { Residual, Containment, BetweenWithin, Satterthwaite, KenwardRoger, KenwardRogerLinear }

/// <summary>Standard errors of fixed-effect functions: model-based (C = (XᵀV⁻¹X)⁻¹, or Φ_A under Kenward–Roger) or empirical (sandwich; SAS EMPIRICAL).</summary>
public enum StdErrorMethod { Model, Empirical }

/// <summary>
/// How LS means weight the levels of the class variables they average over: equally (SAS LSMEANS default; emmeans
/// weights = "equal"), or by the levels' frequencies among the observations used (SAS LSMEANS / OM; emmeans
/// weights = "proportional", which for main effects of the averaged variables is the same).
/// </summary>
public enum LsMeansWeights { Equal, Observed }

/// <summary>Multiplicity adjustment of the visit contrasts and the LS-mean differences.</summary>
public enum MultiplicityAdjustment { None, Bonferroni, Holm, Hochberg, Dunnett }

/// <summary>
/// Everything that defines a mixed-model fit, as the user states it: the "fit" command line maps onto it
/// one option to one field. Immutable; the data are passed separately.
/// </summary>
public sealed record MixedModelSpec
{
    public required string Formula { get; init; }
    public required string Subject { get; init; }
    /// <summary>The repeated (visit) variable: always a class variable; its levels index the residual matrix.</summary>
    public required string Time { get; init; }
    /// <summary>
    /// Visit levels in time order; null: by <see cref="TimeValue"/> when given, otherwise the natural order of the
    /// labels (M0 &lt; M6 &lt; M12) — never the order of the rows; the rule is <see cref="VisitOrder"/>.
    /// </summary>
    public IReadOnlyList<string>? TimeOrder { get; init; }
    /// <summary>The visit the others are compared with; null: the visit labelled "Baseline" if any, else the first level of the time order.</summary>
    public string? Baseline { get; init; }
    public string Covariance { get; init; } = "un";
    /// <summary>Numeric column with the time of each visit (e.g. ADaM AVISITN, months): orders the visits when <see cref="TimeOrder"/> is null, and gives the distances of the spatial structures.</summary>
    public string? TimeValue { get; init; }
    /// <summary>SAS GROUP=: a separate set of covariance parameters per level of this column.</summary>
    public string? Group { get; init; }
    public bool RandomIntercept { get; init; }
    public EstimationMethod Method { get; init; } = EstimationMethod.Reml;
    public DfMethod Df { get; init; } = DfMethod.Satterthwaite;
    public StdErrorMethod StdErrors { get; init; } = StdErrorMethod.Model;
    /// <summary>W in the Kenward–Roger computations: SAS's observed information by default; expected reproduces pbkrtest.</summary>
    public Inference.KenwardRogerInformation KenwardRogerInformation { get; init; } = Inference.KenwardRogerInformation.Observed;
    /// <summary>Custom contrasts on the LS-mean scale, "LABEL: 2*visit[M6] - visit[M0] - visit[M12]" (rows separated by ';').</summary>
    public IReadOnlyList<string> Contrasts { get; init; } = Array.Empty<string>();
    /// <summary>Contrasts of one effect's LS means by level names, "AVISIT*ARMCD: VIS4 TRT - VIS4 PBO".</summary>
    public IReadOnlyList<string> LsMeanContrasts { get; init; } = Array.Empty<string>();
    public MultiplicityAdjustment Adjustment { get; init; } = MultiplicityAdjustment.None;
    /// <summary>Report subject-intercept BLUPs with prediction standard errors.</summary>
    public bool Blups { get; init; }
    /// <summary>Report marginal and conditional residuals (raw, Pearson, Cholesky-scaled).</summary>
    public bool Residuals { get; init; }
    /// <summary>Numeric columns to treat as class variables (SAS CLASS statement).</summary>
    public IReadOnlyList<string> ClassVariables { get; init; } = Array.Empty<string>();
    /// <summary>Reference level per class variable (treatment coding); estimable results do not depend on it.</summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();
    /// <summary>Effects to compute LS means for, e.g. "AVISIT*ARMCD" (or "AVISIT:ARMCD").</summary>
    public IReadOnlyList<string> LsMeans { get; init; } = Array.Empty<string>();
    /// <summary>The weights of the averaged class levels in LS means and visit contrasts (an inference setting: asked of the fitted model without refitting).</summary>
    public LsMeansWeights LsMeansWeights { get; init; } = LsMeansWeights.Equal;
    public double Alpha { get; init; } = 0.05;
    /// <summary>SAS MAXITER default.</summary>
    public int MaxIterations { get; init; } = 50;
    /// <summary>Report tests even when the fit did not converge (they are withheld otherwise).</summary>
    public bool ReportNonConverged { get; init; }
    /// <summary>The most work and memory a fit may take, checked against its estimate before it starts
    /// (<see cref="Estimation.FitCost"/>); <see cref="Estimation.FitBudget.Default"/> unless set.</summary>
    public Estimation.FitBudget Budget { get; init; } = Estimation.FitBudget.Default;
    /// <summary>Told after each Newton–Raphson iteration (model, iteration, −2LL, time since the fit started); null:
    /// nothing is told. A front end decides what to show (the command line: a line on a terminal's standard error).</summary>
    public IProgress<Estimation.FitProgress>? Progress { get; init; }

    public void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
            throw RweStatsInputException.About(ModelSetting.Alpha, $"{{Alpha}} {Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside (0, 1); use e.g. 0.05");
        if (MaxIterations < 1)
            throw RweStatsInputException.About(ModelSetting.MaxIterations, "{MaxIterations} must be at least 1");
    }
}
