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

public sealed record FitStatistics(double Neg2LogLikelihood, double Aic, double Aicc, double Bic);

public sealed record CovarianceParameterEstimate(string Name, string? Group, double Estimate, double? StdError, bool OnBoundary);

/// <summary>One column of the fixed-effects solution (SAS "Solution for Fixed Effects"). Aliased columns have no result.</summary>
public sealed record FixedEffectEstimate(string Term, string Effect, IReadOnlyDictionary<string, string> Levels, bool Aliased, EstimateResult? Result);

/// <summary>A Type 3 F test of one model effect.</summary>
public sealed record Type3Test(string Effect, int NumDf, double DenDf, double FValue, double PValue);

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
    public required MixedModelSpec Spec { get; init; }
    public required string Response { get; init; }
    /// <summary>The response column's label in the data (a SAS variable label such as "Analysis Value"), or null.</summary>
    public string? ResponseLabel { get; init; }
    /// <summary>Subjects as SAS counts them (rows with the model's class variables present, outcome possibly missing).</summary>
    public required int SubjectCount { get; init; }
    /// <summary>Subjects with at least one observation used.</summary>
    public required int SubjectsWithData { get; init; }
    public required int ObservationsRead { get; init; }
    public required int ObservationsUsed { get; init; }
    public required IReadOnlyList<string> TimeLevels { get; init; }
    /// <summary>How <see cref="TimeLevels"/> were put in order (given, by time value, natural order of the labels).</summary>
    public VisitOrdering? VisitOrdering { get; init; }
    public required string Baseline { get; init; }
    public required string CovarianceSasType { get; init; }
    public required int DesignColumns { get; init; }
    public required int DesignRank { get; init; }
    public required ConvergenceReport Convergence { get; init; }
    public required FitStatistics FitStatistics { get; init; }
    public required IReadOnlyList<CovarianceParameterEstimate> CovarianceParameters { get; init; }
    public required IReadOnlyList<FixedEffectEstimate> FixedEffects { get; init; }
    public required IReadOnlyList<Type3Test> Type3Tests { get; init; }
    public required IReadOnlyList<LsMean> LsMeans { get; init; }
    public required IReadOnlyList<LsMeanDifference> LsMeanDifferences { get; init; }
    public required IReadOnlyList<VisitContrast> VisitContrasts { get; init; }
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
