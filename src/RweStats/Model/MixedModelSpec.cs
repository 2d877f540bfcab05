namespace RweStats.Model;

/// <summary>REML (SAS METHOD=REML, the default) or ML.</summary>
public enum EstimationMethod
{
    /// <summary>Restricted (residual) maximum likelihood: maximises the likelihood of error contrasts; −2 Res Log Likelihood.</summary>
    Reml,
    /// <summary>Maximum likelihood; −2 Log Likelihood (needed to compare models with different fixed effects).</summary>
    Ml,
}

/// <summary>Denominator degrees of freedom for t and F tests (SAS MODEL / DDFM=).</summary>
public enum DfMethod
{
    /// <summary>n − rank(X) for every effect (SAS DDFM=RESIDUAL).</summary>
    Residual,
    /// <summary>Containment df (SAS DDFM=CONTAIN); see <see cref="Inference.DenominatorDf"/>.</summary>
    Containment,
    /// <summary>Between-within df (Schluchter &amp; Elashoff 1990, as nlme and mmrm compute it); see <see cref="Inference.DenominatorDf"/>.</summary>
    BetweenWithin,
    /// <summary>Satterthwaite (1946) approximation from the asymptotic covariance of the covariance parameters (SAS DDFM=SATTERTHWAITE).</summary>
    Satterthwaite,
    /// <summary>Kenward &amp; Roger (1997): adjusted covariance of β̂ and approximate df (SAS DDFM=KR); REML only.</summary>
    KenwardRoger,
    /// <summary>Kenward–Roger without the second derivatives of V in the covariance parameters (SAS DDFM=KR(LINEAR);
    /// mmrm "Kenward-Roger-Linear"); the same as <see cref="KenwardRoger"/> for structures linear in their parameters.</summary>
    KenwardRogerLinear,
}

/// <summary>Standard errors of fixed-effect functions: model-based (C = (XᵀV⁻¹X)⁻¹, or Φ_A under Kenward–Roger) or empirical (sandwich; SAS EMPIRICAL).</summary>
public enum StdErrorMethod
{
    /// <summary>Model-based: C = (XᵀV̂⁻¹X)⁻¹ (or the Kenward–Roger adjusted Φ_A).</summary>
    Model,
    /// <summary>Empirical (sandwich) covariance, robust to a misspecified covariance structure (SAS EMPIRICAL; mmrm "Empirical").</summary>
    Empirical,
}

/// <summary>
/// How LS means weight the levels of the class variables they average over: equally (SAS LSMEANS default; emmeans
/// weights = "equal"), or by the levels' frequencies among the observations used (SAS LSMEANS / OM; emmeans
/// weights = "proportional", which for main effects of the averaged variables is the same).
/// </summary>
public enum LsMeansWeights
{
    /// <summary>Equal weights for the averaged levels (SAS LSMEANS default; emmeans weights = "equal").</summary>
    Equal,
    /// <summary>Weights proportional to the levels' frequencies among the observations used (SAS LSMEANS / OM).</summary>
    Observed,
}

/// <summary>Multiplicity adjustment of the visit contrasts and the LS-mean differences.</summary>
public enum MultiplicityAdjustment
{
    /// <summary>No adjustment: the unadjusted p-values only.</summary>
    None,
    /// <summary>Bonferroni: p̃ = min(1, m·p).</summary>
    Bonferroni,
    /// <summary>Holm (1979) step-down.</summary>
    Holm,
    /// <summary>Hochberg (1988) step-up.</summary>
    Hochberg,
    /// <summary>Dunnett (1955) single-step many-to-one comparisons (multivariate t).</summary>
    Dunnett,
}

/// <summary>
/// Everything that defines a mixed-model fit, as the user states it: the "fit" command line maps onto it
/// one option to one field. Immutable; the data are passed separately.
/// </summary>
public sealed record MixedModelSpec
{
    /// <summary>The fixed-effects formula, R style (see <see cref="Model.Formula"/>): <c>CHG ~ ARMCD*AVISIT + BASE</c>, the response on the left.</summary>
    public required string Formula { get; init; }
    /// <summary>The subject column: rows of one subject share the residual covariance matrix (SAS REPEATED / SUBJECT=).</summary>
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
    /// <summary>The residual covariance structure (SAS REPEATED / TYPE=): un, cs, ar1, toep and the other SAS types by their lower-case names, or "auto" to choose among candidates by an information criterion; default un.</summary>
    public string Covariance { get; init; } = "un";
    /// <summary>Numeric column with the time of each visit (e.g. ADaM AVISITN, months): orders the visits when <see cref="TimeOrder"/> is null, and gives the distances of the spatial structures.</summary>
    public string? TimeValue { get; init; }
    /// <summary>SAS GROUP=: a separate set of covariance parameters per level of this column.</summary>
    public string? Group { get; init; }
    /// <summary>Add a random subject intercept (SAS RANDOM INTERCEPT / SUBJECT=).</summary>
    public bool RandomIntercept { get; init; }
    /// <summary>REML (default) or ML.</summary>
    public EstimationMethod Method { get; init; } = EstimationMethod.Reml;
    /// <summary>The denominator df method of t and F tests (SAS DDFM=); default Satterthwaite.</summary>
    public DfMethod Df { get; init; } = DfMethod.Satterthwaite;
    /// <summary>Model-based (default) or empirical (sandwich) standard errors.</summary>
    public StdErrorMethod StdErrors { get; init; } = StdErrorMethod.Model;
    /// <summary>W in the Kenward–Roger computations: SAS's observed information by default; expected reproduces pbkrtest.</summary>
    public Inference.KenwardRogerInformation KenwardRogerInformation { get; init; } = Inference.KenwardRogerInformation.Observed;
    /// <summary>Custom contrasts on the LS-mean scale, "LABEL: 2*visit[M6] - visit[M0] - visit[M12]" (rows separated by ';').</summary>
    public IReadOnlyList<string> Contrasts { get; init; } = Array.Empty<string>();
    /// <summary>Contrasts of one effect's LS means by level names, "AVISIT*ARMCD: VIS4 TRT - VIS4 PBO".</summary>
    public IReadOnlyList<string> LsMeanContrasts { get; init; } = Array.Empty<string>();
    /// <summary>Multiplicity adjustment of the visit contrasts and LS-mean differences; default none.</summary>
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
    /// <summary>Significance level: confidence intervals are at 1 − <see cref="Alpha"/> (SAS ALPHA=); default 0.05.</summary>
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
    /// <summary>Searches of contained structures shared by fits of several structures to the same rows (the same
    /// formula, data, subjects and visits; see <see cref="Estimation.OptimumSearch.StartCache"/>); null: each fit makes its own.
    /// An optimisation only: the fit is the same with or without it.</summary>
    public Estimation.OptimumSearch.StartCache? SharedStarts { get; init; }

    /// <summary>Checks the settings that need no data (alpha in (0, 1), at least one iteration).</summary>
    /// <exception cref="RweStatsInputException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
            throw RweStatsInputException.About(ModelSetting.Alpha, $"{{Alpha}} {Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside (0, 1); use e.g. 0.05");
        if (MaxIterations < 1)
            throw RweStatsInputException.About(ModelSetting.MaxIterations, "{MaxIterations} must be at least 1");
    }
}
