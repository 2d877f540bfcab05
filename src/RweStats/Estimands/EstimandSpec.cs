using RweStats.Model;

namespace RweStats.Estimands;

/// <summary>An intercurrent event: the first visit of a subject it affects and the strategy for the visits from there on.</summary>
/// <param name="Strategy">Null: the default strategy of the <see cref="EstimandSpec"/>.</param>
public sealed record IntercurrentEvent(string Subject, string Visit, ImputationStrategy? Strategy = null);

/// <summary>How the imputation model's uncertainty is carried into the analysis (rbmi's <c>method_*</c>).</summary>
public enum ImputationMethod
{
    /// <summary>Conditional-mean imputation, standard errors by the leave-one-subject-out jackknife (deterministic; rbmi <c>method_condmean(type = "jackknife")</c>).</summary>
    ConditionalMeanJackknife,
    /// <summary>Conditional-mean imputation, inference from bootstrap samples of subjects, stratified by arm (rbmi <c>method_condmean(type = "bootstrap")</c>, normal type).</summary>
    ConditionalMeanBootstrap,
    /// <summary>Approximate Bayesian multiple imputation: each set's parameters from a bootstrap fit, values drawn from the conditional distribution, Rubin's rules (rbmi <c>method_approxbayes</c>).</summary>
    ApproximateBayesian,
}

/// <summary>The names of the methods, as the command line and the analysis spec write them.</summary>
public static class ImputationMethods
{
    /// <summary>The method of each name (condmean-jackknife, condmean-bootstrap, approx-bayes).</summary>
    public static readonly IReadOnlyDictionary<string, ImputationMethod> ByName = new Dictionary<string, ImputationMethod>
    {
        ["condmean-jackknife"] = ImputationMethod.ConditionalMeanJackknife,
        ["condmean-bootstrap"] = ImputationMethod.ConditionalMeanBootstrap,
        ["approx-bayes"] = ImputationMethod.ApproximateBayesian,
    };

    /// <summary>The method's name.</summary>
    public static string Name(this ImputationMethod method) => ByName.First(kv => kv.Value == method).Key;
}

/// <summary>
/// A delta adjustment (rbmi's <c>delta</c>): <see cref="Shift"/> added to every imputed value of the subjects of
/// <see cref="Arm"/> (null: every arm) at <see cref="Visits"/> (null: every visit) before the analysis.
/// </summary>
public sealed record DeltaAdjustment(double Shift, string? Arm = null, IReadOnlyList<string>? Visits = null);

/// <summary>
/// An estimand analysis by reference-based imputation, in rbmi's four steps: the imputation model (an MMRM of
/// <see cref="Model"/> fitted to the data before the events), the imputation by strategy and reference arm, the analysis
/// of each completed data set, and the pooling.
/// </summary>
public sealed record EstimandSpec
{
    /// <summary>The imputation model: formula (with the arm variable), subject, visit, covariance structure, REML/ML.</summary>
    public required MixedModelSpec Model { get; init; }
    /// <summary>The treatment-arm variable (a class term of the model's formula).</summary>
    public required string Arm { get; init; }
    /// <summary>The reference arm of each arm; an arm not listed takes <see cref="DefaultReference"/>.</summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();
    /// <summary>The reference arm of the arms not in <see cref="References"/> (null: the arm itself).</summary>
    public string? DefaultReference { get; init; }
    /// <summary>The intercurrent events (rbmi's data_ice): each subject's first visit affected and strategy.</summary>
    public IReadOnlyList<IntercurrentEvent> Events { get; init; } = Array.Empty<IntercurrentEvent>();
    /// <summary>The strategy of an event that names none.</summary>
    public ImputationStrategy DefaultStrategy { get; init; } = ImputationStrategy.MissingAtRandom;
    /// <summary>How the imputation model's uncertainty is carried into the analysis; default conditional mean with jackknife.</summary>
    public ImputationMethod Method { get; init; } = ImputationMethod.ConditionalMeanJackknife;
    /// <summary>Bootstrap samples or imputations (not used by the jackknife).</summary>
    public int Samples { get; init; } = 1000;
    /// <summary>The seed of the random methods: the same seed gives the same numbers at any number of threads.</summary>
    public ulong Seed { get; init; } = 20240101;
    /// <summary>The covariates of the analysis besides the arm (numeric or class columns, constant within a subject's visit row).</summary>
    public IReadOnlyList<string> AnalysisCovariates { get; init; } = Array.Empty<string>();
    /// <summary>The analysis of each completed data set: ANCOVA at each visit (default, rbmi's <c>ancova</c>) or the MMRM visit contrasts.</summary>
    public AnalysisModel Analysis { get; init; } = AnalysisModel.Ancova;
    /// <summary>Shifts added to the imputed values before the analysis (delta adjustment).</summary>
    public IReadOnlyList<DeltaAdjustment> Delta { get; init; } = Array.Empty<DeltaAdjustment>();
    /// <summary>How many samples are imputed and analysed at once (null: one per processor); the numbers do not depend on it.</summary>
    public int? Threads { get; init; }
    /// <summary>Confidence level 1 − α of the intervals; the tests are two-sided at α.</summary>
    public double Alpha { get; init; } = 0.05;
}
