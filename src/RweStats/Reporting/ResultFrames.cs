using Microsoft.Data.Analysis;
using RweStats.Descriptives;

namespace RweStats.Reporting;

/// <summary>
/// Every result table of a fit as a Microsoft.Data.Analysis <see cref="DataFrame"/>, one row per line of the table
/// SAS prints, with the column names of the JSON output (estimate, std_error, df, t_value, p_value, lower, upper, ...).
/// Class-variable levels get one string column each; a value that does not exist (aliased column, non-estimable
/// LS mean, NaN df) is null.
/// </summary>
public static class ResultFrames
{
    /// <summary>The fixed-effect solution (SAS "Solution for Fixed Effects").</summary>
    public static DataFrame SolutionFrame(this MixedModelResult r)
    {
        var levels = LevelColumns(r.FixedEffects.Select(f => f.Levels));
        var frame = new DataFrame(new StringDataFrameColumn("term", r.FixedEffects.Select(f => f.Term)),
                                  new StringDataFrameColumn("effect", r.FixedEffects.Select(f => f.Effect)));
        AddLevels(frame, levels, r.FixedEffects.Select(f => f.Levels).ToList());
        frame.Columns.Add(new BooleanDataFrameColumn("aliased", r.FixedEffects.Select(f => f.Aliased)));
        AddEstimates(frame, r.FixedEffects.Select(f => f.Result).ToList());
        return frame;
    }

    /// <summary>Covariance parameter estimates with their standard errors (SAS "Covariance Parameter Estimates").</summary>
    public static DataFrame CovarianceParametersFrame(this MixedModelResult r) => new(
        new StringDataFrameColumn("name", r.CovarianceParameters.Select(c => c.Name)),
        new StringDataFrameColumn("group", r.CovarianceParameters.Select(c => c.Group)),
        Doubles("estimate", r.CovarianceParameters.Select(c => (double?)c.Estimate)),
        Doubles("std_error", r.CovarianceParameters.Select(c => c.StdError)),
        new BooleanDataFrameColumn("on_boundary", r.CovarianceParameters.Select(c => c.OnBoundary)));

    /// <summary>−2 (Res) Log Likelihood, AIC, AICC, BIC: one row.</summary>
    public static DataFrame FitStatisticsFrame(this MixedModelResult r) => new(
        Doubles("neg2_log_likelihood", new double?[] { r.FitStatistics.Neg2LogLikelihood }),
        Doubles("aic", new double?[] { r.FitStatistics.Aic }),
        Doubles("aicc", new double?[] { r.FitStatistics.Aicc }),
        Doubles("bic", new double?[] { r.FitStatistics.Bic }));

    /// <summary>Type 3 tests of the fixed effects.</summary>
    public static DataFrame Type3Frame(this MixedModelResult r) => new(
        new StringDataFrameColumn("effect", r.Type3Tests.Select(t => t.Effect)),
        new Int32DataFrameColumn("num_df", r.Type3Tests.Select(t => (int?)t.NumDf)),
        Doubles("den_df", r.Type3Tests.Select(t => (double?)t.DenDf)),
        Doubles("f_value", r.Type3Tests.Select(t => (double?)t.FValue)),
        Doubles("p_value", r.Type3Tests.Select(t => (double?)t.PValue)));

    /// <summary>LS means, every effect's in one frame (column "effect" names it; one column per class variable).</summary>
    public static DataFrame LsMeansFrame(this MixedModelResult r)
    {
        var frame = new DataFrame(new StringDataFrameColumn("effect", r.LsMeans.Select(l => l.Effect)));
        AddLevels(frame, LevelColumns(r.LsMeans.Select(l => l.Levels)), r.LsMeans.Select(l => l.Levels).ToList());
        AddEstimates(frame, r.LsMeans.Select(l => l.Result).ToList());
        return frame;
    }

    /// <summary>Differences of LS means: the levels of the first mean in columns named as the variables, of the second with "_other".</summary>
    public static DataFrame LsMeanDifferencesFrame(this MixedModelResult r)
    {
        var d = r.LsMeanDifferences;
        var frame = new DataFrame(new StringDataFrameColumn("effect", d.Select(x => x.Effect)));
        var names = LevelColumns(d.Select(x => x.Levels).Concat(d.Select(x => x.OtherLevels)));
        AddLevels(frame, names, d.Select(x => x.Levels).ToList());
        AddLevels(frame, names, d.Select(x => x.OtherLevels).ToList(), "_other");
        AddEstimates(frame, d.Select(x => (EstimateResult?)x.Result).ToList());
        frame.Columns.Add(Doubles("p_value_adjusted", d.Select(x => x.AdjustedPValue)));
        return frame;
    }

    /// <summary>Each post-baseline visit against the baseline.</summary>
    public static DataFrame VisitContrastsFrame(this MixedModelResult r)
    {
        var v = r.VisitContrasts;
        var frame = new DataFrame(new StringDataFrameColumn("label", v.Select(x => x.Label)),
                                  new StringDataFrameColumn("visit", v.Select(x => x.Visit)),
                                  new StringDataFrameColumn("baseline", v.Select(x => x.Baseline)));
        AddEstimates(frame, v.Select(x => (EstimateResult?)x.Result).ToList());
        frame.Columns.Add(Doubles("p_value_adjusted", v.Select(x => x.AdjustedPValue)));
        return frame;
    }

    /// <summary>Custom contrasts: one row per contrast row, with the contrast's joint F test repeated on each of its rows.</summary>
    public static DataFrame ContrastsFrame(this MixedModelResult r) => ContrastsFrame(r.Contrasts);

    /// <summary>Contrasts asked of a fitted model (<see cref="Estimation.MixedModel.Contrast"/>) as a frame.</summary>
    public static DataFrame ContrastsFrame(this IEnumerable<ContrastResult> contrasts)
    {
        var rows = contrasts.SelectMany(c => c.Rows.Select(row => (c, row))).ToList();
        var frame = new DataFrame(new StringDataFrameColumn("label", rows.Select(x => x.c.Label)),
                                  new StringDataFrameColumn("kind", rows.Select(x => x.c.Kind)),
                                  new StringDataFrameColumn("row", rows.Select(x => x.row.Expression)));
        AddEstimates(frame, rows.Select(x => x.row.Result).ToList());
        frame.Columns.Add(new Int32DataFrameColumn("f_num_df", rows.Select(x => x.c.Test?.NumDf)));
        frame.Columns.Add(Doubles("f_den_df", rows.Select(x => x.c.Test?.DenDf)));
        frame.Columns.Add(Doubles("f_value", rows.Select(x => x.c.Test?.FValue)));
        frame.Columns.Add(Doubles("f_p_value", rows.Select(x => x.c.Test?.PValue)));
        return frame;
    }

    /// <summary>Descriptive statistics per outcome and visit (the columns of descriptives.csv; extra quantiles as q_P).</summary>
    public static DataFrame DescriptivesFrame(this IEnumerable<DescriptiveStatistics> descriptives)
    {
        var d = descriptives.ToList();
        var frame = new DataFrame(new StringDataFrameColumn("outcome", d.Select(x => x.Outcome)),
                                  new StringDataFrameColumn("visit", d.Select(x => x.Visit)),
                                  new Int32DataFrameColumn("n", d.Select(x => (int?)x.N)),
                                  new Int32DataFrameColumn("missing", d.Select(x => (int?)x.Missing)),
                                  Doubles("mean", d.Select(x => (double?)x.Mean)),
                                  Doubles("sd", d.Select(x => (double?)x.Sd)),
                                  Doubles("variance", d.Select(x => (double?)x.Variance)),
                                  Doubles("median", d.Select(x => (double?)x.Median)),
                                  Doubles("q1", d.Select(x => (double?)x.Q1)),
                                  Doubles("q3", d.Select(x => (double?)x.Q3)),
                                  Doubles("min", d.Select(x => (double?)x.Min)),
                                  Doubles("max", d.Select(x => (double?)x.Max)));
        var probabilities = d.SelectMany(x => x.ExtraQuantiles.Select(q => q.Probability)).Distinct().ToList();
        foreach (var p in probabilities)
            frame.Columns.Add(Doubles("q_" + p.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                d.Select(x => x.ExtraQuantiles.Where(q => q.Probability == p).Select(q => (double?)q.Value).FirstOrDefault())));
        return frame;
    }

    /// <summary>
    /// The frame as a text table a reader can scan (what <c>Console.WriteLine(frame.ToText())</c> prints, where the
    /// frame's own ToString runs wide columns together): one line per row, columns aligned as the text report aligns
    /// them (<see cref="FitText.Table"/>), numbers with four decimals, df with one, p-values with three significant
    /// digits (<see cref="NumberColumns.PValue"/>), "." for a value that does not exist. The frame keeps every digit.
    /// </summary>
    public static string ToText(this DataFrame frame)
    {
        var columns = frame.Columns.ToList();
        var rows = new List<string[]>();
        for (long i = 0; i < frame.Rows.Count; i++)
            rows.Add(columns.Select(c => Cell(c.Name, c[i])).ToArray());
        var s = new System.Text.StringBuilder();
        FitText.Table(s, columns.Select(c => c.Name).ToArray(), rows);
        return s.ToString();
    }

    static string Cell(string column, object? value) => value switch
    {
        null => ".",
        double d when column.Contains("p_value") => FitText.P(d),
        double d when column is "df" or "num_df" or "den_df" => FitText.F(d, "F1"),
        double d => FitText.F(d, "F4"),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ".",
    };

    /// <summary>A double column; null for a missing value and for NaN or ±∞ (as the JSON writes null).</summary>
    static DoubleDataFrameColumn Doubles(string name, IEnumerable<double?> values) =>
        new(name, values.Select(v => v is { } x && double.IsFinite(x) ? v : null));

    static void AddEstimates(DataFrame frame, IReadOnlyList<EstimateResult?> results)
    {
        frame.Columns.Add(Doubles("estimate", results.Select(e => e?.Estimate)));
        frame.Columns.Add(Doubles("std_error", results.Select(e => e?.StdError)));
        frame.Columns.Add(Doubles("df", results.Select(e => e?.Df)));
        frame.Columns.Add(Doubles("t_value", results.Select(e => e?.TValue)));
        frame.Columns.Add(Doubles("p_value", results.Select(e => e?.PValue)));
        frame.Columns.Add(Doubles("lower", results.Select(e => e?.Lower)));
        frame.Columns.Add(Doubles("upper", results.Select(e => e?.Upper)));
    }

    /// <summary>The class variables named in any of the level sets, in order of first appearance.</summary>
    static List<string> LevelColumns(IEnumerable<IReadOnlyDictionary<string, string>> levels) =>
        levels.SelectMany(l => l.Keys).Distinct().ToList();

    static void AddLevels(DataFrame frame, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyDictionary<string, string>> levels, string suffix = "")
    {
        foreach (var name in names)
            frame.Columns.Add(new StringDataFrameColumn(name + suffix, levels.Select(l => l.TryGetValue(name, out var v) ? v : null)));
    }
}
