using System.Globalization;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Estimands;

/// <summary>The analysis of each completed data set (rbmi's <c>analyse</c> function).</summary>
public enum AnalysisModel
{
    /// <summary>ANCOVA at each visit, outcome ~ arm + covariates (rbmi's <c>ancova</c>).</summary>
    Ancova,
    /// <summary>
    /// An MMRM of all visits, outcome ~ arm * visit + covariates with the imputation model's covariance structure (REML),
    /// and at each visit the LS means of the two arms and their difference (the MMRM visit contrasts).
    /// </summary>
    Mmrm,
}

/// <summary>The names of the analyses, as the command line and the analysis spec write them.</summary>
public static class AnalysisModels
{
    /// <summary>The analysis of each name (ancova, mmrm).</summary>
    public static readonly IReadOnlyDictionary<string, AnalysisModel> ByName = new Dictionary<string, AnalysisModel>
    {
        ["ancova"] = AnalysisModel.Ancova,
        ["mmrm"] = AnalysisModel.Mmrm,
    };

    /// <summary>The analysis's name.</summary>
    public static string Name(this AnalysisModel analysis) => ByName.First(kv => kv.Value == analysis).Key;
}

/// <summary>
/// The analyses of the completed data sets, for pooling: each parameter's estimate and standard error at a visit under a
/// shift of the imputed values (per visit and arm), and the complete-data df of Rubin's rules.
/// </summary>
internal interface ISampleAnalyses
{
    /// <summary>How many completed data sets.</summary>
    int Count { get; }
    /// <summary>Sample b's estimate and standard error of a parameter (trt, lsm_ref, lsm_alt) at visit v, the imputed values of arm a at visit u shifted by shifts[u][a].</summary>
    (double Estimate, double StdError) At(int sample, int visit, int parameter, double[][] shifts);
    /// <summary>The complete-data df ν_com of Rubin's rules at a visit (the first data set's).</summary>
    double CompleteDf(int visit, int parameter, double[][] shifts);
}

/// <summary>The ANCOVA of each completed data set at each visit: any shift is exact from each fit (<see cref="AncovaFit.At"/>).</summary>
internal sealed class AncovaAnalyses(AncovaFit[][] fits) : ISampleAnalyses
{
    public int Count => fits.Length;
    public (double Estimate, double StdError) At(int sample, int visit, int parameter, double[][] shifts) => fits[sample][visit].At(parameter, shifts[visit]);
    public double CompleteDf(int visit, int parameter, double[][] shifts) => fits[0][visit].ResidualDf;
}

/// <summary>
/// The MMRM of each completed data set (<see cref="AnalysisModel.Mmrm"/>): outcome ~ arm * visit + the analysis
/// covariates, the imputation model's covariance structure, REML, fitted by the engine to the completed rows (one per
/// subject and visit; a bootstrap sample's repeated subjects as distinct subjects, as rbmi's resampled data sets); at each
/// visit the LS means of the two arms (class variables other than the arm and visit averaged with equal weights,
/// covariates at their mean over the completed rows, as SAS LSMEANS and emmeans) and their difference, second arm −
/// first. The GLS estimate is not linear in the imputed values (the covariance is re-estimated), so each delta
/// adjustment refits every data set; the fits of each shift are kept. Standard errors are model-based; the df of each
/// estimate (Rubin's ν_com) is Satterthwaite's for multiple imputation and n − rank(X) otherwise (the jackknife and the
/// bootstrap pool the estimates only).
/// </summary>
internal sealed class MmrmAnalyses : ISampleAnalyses
{
    /// <summary>One completed data set: every subject's completed outcomes ([s * T + v]), its subjects' multiplicities (null: once each) and the subject left out (−1: none).</summary>
    internal sealed record CompletedSet(double[] Outcome, int[]? Counts, int LeftOut);

    /// <summary>Per visit, per parameter (trt, lsm_ref, lsm_alt): estimate, standard error, df.</summary>
    sealed record VisitContrasts(double[] Estimate, double[] StdError, double[] Df);

    readonly ImputationData data;
    readonly EstimandSpec spec;
    readonly IReadOnlyList<CompletedSet> sets;
    readonly string?[][] columns;
    readonly Dictionary<string, VisitContrasts[][]> byShift = new(StringComparer.Ordinal);
    readonly MixedModelSpec model;
    readonly DfMethod df;

    public MmrmAnalyses(ImputationData data, EstimandSpec spec, IReadOnlyList<CompletedSet> sets)
    {
        this.data = data;
        this.spec = spec;
        this.sets = sets;
        columns = data.Table.Columns.ToArray();
        string response = Formula.Parse(spec.Model.Formula).Response;
        var terms = new[] { $"{spec.Arm} * {spec.Model.Time}" }.Concat(spec.AnalysisCovariates);
        model = new MixedModelSpec
        {
            Formula = $"{response} ~ {string.Join(" + ", terms)}", Subject = spec.Model.Subject, Time = spec.Model.Time,
            TimeOrder = data.Visits.ToArray(), Covariance = spec.Model.Covariance, Method = EstimationMethod.Reml,
            ClassVariables = spec.Model.ClassVariables, References = spec.Model.References, MaxIterations = spec.Model.MaxIterations,
        };
        df = spec.Method == ImputationMethod.ApproximateBayesian ? DfMethod.Satterthwaite : DfMethod.Residual;
    }

    /// <summary>The analysis model's formula, for the report.</summary>
    public string AnalysisFormula => model.Formula;

    public int Count => sets.Count;

    public (double Estimate, double StdError) At(int sample, int visit, int parameter, double[][] shifts)
    {
        var c = Contrasts(shifts)[sample][visit];
        return (c.Estimate[parameter], c.StdError[parameter]);
    }

    public double CompleteDf(int visit, int parameter, double[][] shifts) => Contrasts(shifts)[0][visit].Df[parameter];

    VisitContrasts[][] Contrasts(double[][] shifts)
    {
        string key = string.Join(";", shifts.Select(s => string.Join(",", s.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))));
        lock (byShift)
        {
            if (byShift.TryGetValue(key, out var done)) return done;
            var results = new VisitContrasts[sets.Count][];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = spec.Threads is int threads and > 0 ? threads : -1 };
            Parallel.For(0, sets.Count, parallel, b => results[b] = Fit(sets[b], shifts, b));
            return byShift[key] = results;
        }
    }

    /// <summary>The MMRM of one completed data set, its imputed values shifted.</summary>
    VisitContrasts[] Fit(CompletedSet set, double[][] shifts, int sample)
    {
        int t = data.VisitCount, n = data.SubjectCount;
        var table = data.Table;
        int outcomeColumn = table.ColumnIndex(Formula.Parse(model.Formula).Response), subjectColumn = table.ColumnIndex(model.Subject);
        var rows = new List<int>();
        var outcome = new List<string?>();
        var subject = new List<string?>();
        for (int s = 0; s < n; s++)
        {
            int copies = set.Counts is null ? (s == set.LeftOut ? 0 : 1) : set.Counts[s];
            for (int copy = 0; copy < copies; copy++)
                for (int v = 0; v < t; v++)
                {
                    double y = set.Outcome[s * t + v];
                    if (data.IsMissing(s, v)) y += shifts[v][data.SubjectArm[s]];
                    rows.Add(data.TableRows[s * t + v]);
                    outcome.Add(y.ToString("R", CultureInfo.InvariantCulture));
                    // A bootstrap sample's repeated subject is a subject of its own (rbmi renumbers them).
                    subject.Add(copy == 0 ? data.SubjectLabels[s] : $"{data.SubjectLabels[s]}#{copy + 1}");
                }
        }
        var selected = new string?[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            if (c == outcomeColumn) { selected[c] = outcome.ToArray(); continue; }
            if (c == subjectColumn) { selected[c] = subject.ToArray(); continue; }
            var source = columns[c];
            selected[c] = rows.Select(r => source[r]).ToArray();
        }
        var completed = table.Derive(table.ColumnNames, selected, rows.Select(r => table.LineNumbers[r]).ToArray());
        MixedModel fit;
        try { fit = MixedModelFitter.FitModel(completed, model); }
        catch (RweStatsInputException e)
        {
            throw new RweStatsInputException($"the analysis MMRM of completed data set {sample + 1} ({model.Formula}): {e.Message}");
        }
        if (!fit.Convergence.Converged)
            throw new RweStatsInputException($"the analysis MMRM of completed data set {sample + 1} ({model.Formula}) did not converge");
        var cells = Inference.LsMeans.Rows(fit.Design, Inference.LsMeans.ParseEffect($"{spec.Arm}*{model.Time}", fit.Design), model.LsMeansWeights);
        double[] Row(int arm, string visit) => cells.First(c => c.levels[spec.Arm] == data.Arms[arm] && c.levels[model.Time] == visit).row;
        var result = new VisitContrasts[t];
        for (int v = 0; v < t; v++)
        {
            var reference = Row(0, data.Visits[v]);
            var alternative = Row(1, data.Visits[v]);
            var difference = alternative.Zip(reference, (a, r) => a - r).ToArray();
            var contrasts = new VisitContrasts(new double[3], new double[3], new double[3]);
            foreach (var (l, parameter) in new[] { (difference, 0), (reference, 1), (alternative, 2) })
            {
                var e = fit.Estimate(l, df) ?? throw new RweStatsInputException($"the analysis MMRM ({model.Formula}): the LS means at visit '{data.Visits[v]}' are not estimable");
                (contrasts.Estimate[parameter], contrasts.StdError[parameter], contrasts.Df[parameter]) = (e.Estimate, e.StdError, e.Df);
            }
            result[v] = contrasts;
        }
        return result;
    }
}
