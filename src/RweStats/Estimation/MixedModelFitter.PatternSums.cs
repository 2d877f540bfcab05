using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Estimation;

public static partial class MixedModelFitter
{
    /// <summary>
    /// The fit from pattern sums computed where the data live (e.g. one GROUP BY query in PostgreSQL): the same
    /// design, starting values, iterations and inference as <see cref="Fit(Data.DataTable, MixedModelSpec, bool)"/>
    /// on the rows, so the same numbers up to the order of summation. The spec may differ from the one the sums were
    /// computed for only in what does not change the sums (covariance structure, random intercept, method, df,
    /// contrasts...); what needs the rows (<see cref="PatternSums.RowsNeeded"/>) is refused.
    /// </summary>
    public static MixedModelResult Fit(PatternSums sums, MixedModelSpec spec) => FitModel(sums, spec).Result(spec);

    /// <summary>Fits the model once from pattern sums; the fitted model answers every inference question the sums allow.</summary>
    public static MixedModel FitModel(PatternSums sums, MixedModelSpec spec)
    {
        spec.Validate();
        if (!sums.Matches(spec))
            throw new ArgumentException("the pattern sums were computed for another formula, subject, time, class or group specification");
        if (PatternSums.RowsNeeded(spec) is { } needs)
            throw RweStatsInputException.Naming($"{needs} need(s) the rows, not only the pattern sums; read the rows instead (a file without {{PushDown}}, a database with {{PullRows}})");
        var frame = sums.Frame;
        var structure = CovarianceStructure.Create(spec.Covariance, frame.Time.Levels.Count);
        var covariance = new CovarianceModel(structure, spec.RandomIntercept, frame.Group?.Levels, frame.Group?.Name);
        var (design, patterns) = sums.Build();
        if (design.Rank == 0)
            throw new RweStatsInputException($"formula \"{spec.Formula}\": every fixed-effect column is zero; nothing to estimate");
        return FitPatterns(spec, frame, design, structure, covariance, patterns);
    }
}
