using RweStats.Estimation;
using RweStats.Model;

namespace RweStats;

/// <summary>An estimate of a linear function of β with its test and confidence interval.</summary>
public sealed record EstimateResult(double Estimate, double StdError, double Df, double TValue, double PValue, double Lower, double Upper)
{
    /// <summary>"estimate 1.2346 (SE 0.4567, df 12.3), t = 2.70, p = 0.0191, CI 0.2345 to 2.2347": what printing it shows,
    /// with the text report's precision (p with three significant digits); the properties keep every digit.</summary>
    public override string ToString()
    {
        string p = Reporting.FitText.P(PValue);
        return $"estimate {Reporting.FitText.F(Estimate, "F4")} (SE {Reporting.FitText.F(StdError, "F4")}, df {Reporting.FitText.F(Df, "F1")}), " +
               $"t = {Reporting.FitText.F(TValue, "F2")}, p {(p.StartsWith('<') ? p : "= " + p)}, CI {Reporting.FitText.F(Lower, "F4")} to {Reporting.FitText.F(Upper, "F4")}";
    }
}

/// <summary>Information criteria as SAS PROC MIXED prints them ("Fit Statistics"; formulas in the SAS/STAT PROC MIXED
/// documentation, "Information Criteria"): with d the number of covariance parameters (REML) or covariance plus fixed-effect
/// parameters (ML), n* = N − rank(X) (REML) or N (ML) and s the number of subjects.</summary>
/// <param name="Neg2LogLikelihood">−2 Res Log Likelihood (REML) or −2 Log Likelihood (ML).</param>
/// <param name="Aic">AIC = −2ℓ + 2d.</param>
/// <param name="Aicc">AICC = −2ℓ + 2d·n*/(n* − d − 1).</param>
/// <param name="Bic">BIC = −2ℓ + d·log s.</param>
public sealed record FitStatistics(double Neg2LogLikelihood, double Aic, double Aicc, double Bic);

/// <summary>One row of SAS's "Covariance Parameter Estimates".</summary>
/// <param name="Name">The parameter's SAS name (UN(1,1), AR(1), CSH's Var(1), Residual, Intercept for the random-intercept variance, …).</param>
/// <param name="Group">The GROUP= level the parameter belongs to, or null without groups.</param>
/// <param name="Estimate">The REML or ML estimate (a variance, covariance or correlation).</param>
/// <param name="StdError">Asymptotic standard error from the inverse information of the covariance parameters (SAS's COVTEST
/// column); null when not computed or the parameter is not free.</param>
/// <param name="OnBoundary">True when the estimate sits on the boundary of its range (a variance at 0, a correlation at ±1).</param>
public sealed record CovarianceParameterEstimate(string Name, string? Group, double Estimate, double? StdError, bool OnBoundary);

/// <summary>One column of the fixed-effects solution (SAS "Solution for Fixed Effects"). Aliased columns have no result.</summary>
public sealed record FixedEffectEstimate(string Term, string Effect, IReadOnlyDictionary<string, string> Levels, bool Aliased, EstimateResult? Result);

/// <summary>A Type 3 F test of one model effect.</summary>
public sealed record Type3Test(string Effect, int NumDf, double DenDf, double FValue, double PValue);

/// <summary>A least-squares mean (SAS LSMEANS) of one level combination of a class effect.</summary>
/// <param name="Effect">The model effect, e.g. <c>AVISIT</c> or <c>ARMCD*AVISIT</c>.</param>
/// <param name="Levels">The level of each class variable of the effect.</param>
/// <param name="Result">The LS mean with its standard error, df, t test and confidence interval; null when not estimable.</param>
public sealed record LsMean(string Effect, IReadOnlyDictionary<string, string> Levels, EstimateResult? Result);

/// <summary>A difference of two LS means; <paramref name="AdjustedPValue"/> under --adjust (null when none or not in the family).</summary>
public sealed record LsMeanDifference(string Effect, IReadOnlyDictionary<string, string> Levels, IReadOnlyDictionary<string, string> OtherLevels, EstimateResult Result, double? AdjustedPValue = null);

/// <summary>A post-baseline visit against the baseline visit, from the LS means of the time variable.</summary>
public sealed record VisitContrast(string Label, string Visit, string Baseline, EstimateResult Result, double? AdjustedPValue = null);

/// <summary>An F test of a (possibly multi-row) hypothesis L β = 0.</summary>
public sealed record FTest(int NumDf, double DenDf, double FValue, double PValue);

/// <summary>One row of a custom contrast: its text and its t test (null when not estimable).</summary>
public sealed record ContrastRowResult(string Expression, EstimateResult? Result);

/// <summary>A custom contrast (--contrast, --contrast-lsmeans): each row's estimate and, jointly, an F test.</summary>
public sealed record ContrastResult(string Label, string Kind, IReadOnlyList<ContrastRowResult> Rows, FTest? Test);

/// <summary>Everything a fit produces; the JSON and text reports are views of this record.</summary>
public sealed record MixedModelResult
{
    /// <summary>The specification the model was fitted with.</summary>
    public required MixedModelSpec Spec { get; init; }
    /// <summary>The response (outcome) column.</summary>
    public required string Response { get; init; }
    /// <summary>The response column's label in the data (a SAS variable label such as "Analysis Value"), or null.</summary>
    public string? ResponseLabel { get; init; }
    /// <summary>Subjects as SAS counts them (rows with the model's class variables present, outcome possibly missing).</summary>
    public required int SubjectCount { get; init; }
    /// <summary>Subjects with at least one observation used.</summary>
    public required int SubjectsWithData { get; init; }
    /// <summary>Rows read from the data (SAS "Number of Observations Read").</summary>
    public required int ObservationsRead { get; init; }
    /// <summary>Rows used in the fit: response and every model variable present (SAS "Number of Observations Used").</summary>
    public required int ObservationsUsed { get; init; }
    /// <summary>The levels of the time (visit) variable, in visit order.</summary>
    public required IReadOnlyList<string> TimeLevels { get; init; }
    /// <summary>How <see cref="TimeLevels"/> were put in order (given, by time value, natural order of the labels).</summary>
    public VisitOrdering? VisitOrdering { get; init; }
    /// <summary>The baseline visit: the reference of the visit contrasts.</summary>
    public required string Baseline { get; init; }
    /// <summary>The residual covariance structure as SAS names it in REPEATED /TYPE= (UN, CS, AR(1), TOEPH, …).</summary>
    public required string CovarianceSasType { get; init; }
    /// <summary>Columns of the fixed-effects design matrix X (aliased columns included).</summary>
    public required int DesignColumns { get; init; }
    /// <summary>The rank of X: the number of estimable fixed-effect columns.</summary>
    public required int DesignRank { get; init; }
    /// <summary>How the optimiser ended (converged or not, iterations, boundary parameters).</summary>
    public required ConvergenceReport Convergence { get; init; }
    /// <summary>−2 (Res) Log Likelihood and the information criteria.</summary>
    public required FitStatistics FitStatistics { get; init; }
    /// <summary>The covariance parameter estimates, in SAS's order.</summary>
    public required IReadOnlyList<CovarianceParameterEstimate> CovarianceParameters { get; init; }
    /// <summary>The fixed-effects solution, one row per column of X.</summary>
    public required IReadOnlyList<FixedEffectEstimate> FixedEffects { get; init; }
    /// <summary>Type 3 F tests of the fixed effects, with the fit's denominator df method.</summary>
    public required IReadOnlyList<Type3Test> Type3Tests { get; init; }
    /// <summary>LS means of the class effects.</summary>
    public required IReadOnlyList<LsMean> LsMeans { get; init; }
    /// <summary>Pairwise differences of LS means within each effect.</summary>
    public required IReadOnlyList<LsMeanDifference> LsMeanDifferences { get; init; }
    /// <summary>Each post-baseline visit against the baseline visit.</summary>
    public required IReadOnlyList<VisitContrast> VisitContrasts { get; init; }
    /// <summary>The custom contrasts asked for in the specification (empty when none).</summary>
    public IReadOnlyList<ContrastResult> Contrasts { get; init; } = Array.Empty<ContrastResult>();
    /// <summary>Subject-intercept BLUPs (only with --blups and a random intercept).</summary>
    public IReadOnlyList<Inference.SubjectBlup>? Blups { get; init; }
    /// <summary>Residuals (only with --residuals).</summary>
    public IReadOnlyList<Inference.ResidualRow>? Residuals { get; init; }
    /// <summary>The candidate table when the structure was chosen among candidates (covariance "auto").</summary>
    public Inference.CovarianceSelectionResult? CovarianceSelection { get; init; }
    /// <summary>
    /// Plain-language notes: how the data reached the fit ("Data: …"), boundary estimates, aliased columns, non-estimable
    /// LS means, df caveats. A setting is named by its placeholder ("{TimeOrder}", "{ClassVariables}"), which
    /// <see cref="RweStatsInputException.NameSettings"/> (and the reports, <see cref="Reporting.FitText"/>,
    /// <see cref="Reporting.FitJson"/>) render in the library's words or a front end's.
    /// </summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
