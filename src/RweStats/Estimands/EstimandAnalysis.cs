using MathNet.Numerics.Distributions;

namespace RweStats.Estimands;

/// <summary>One pooled result (rbmi's <c>pool</c> row): a parameter at a visit with its interval and two-sided p-value.</summary>
/// <param name="Parameter">"trt" (second arm − first arm), "lsm_ref" (first arm's LS mean) or "lsm_alt" (second arm's).</param>
/// <param name="Df">The t df of Rubin's rules; null for the normal approximation of the jackknife and bootstrap.</param>
public sealed record PooledEstimate(string Parameter, string Visit, double Estimate, double StdError, double Lower, double Upper, double PValue, double? Df);

/// <summary>One point of a tipping-point grid: the shift added to the imputed values and the pooled treatment difference.</summary>
public sealed record TippingPointRow(double Shift, PooledEstimate Result);

/// <summary>A tipping-point analysis: the grid and the shift where the two-sided test at α stops (or starts) rejecting.</summary>
/// <param name="TippingShift">The smallest shift in absolute value, interpolated linearly in the p-value between grid points, where
/// p crosses α; null when the conclusion is the same over the whole grid.</param>
public sealed record TippingPointAnalysis(string Arm, string Visit, double Alpha, IReadOnlyList<TippingPointRow> Grid, double? TippingShift);

/// <summary>
/// The analyses of every imputed sample, ready to be pooled under any delta adjustment without imputing again: the
/// ANCOVA is linear in the imputed values, so a shift of the imputed values moves each sample's estimates linearly
/// (<see cref="AncovaFit"/>); the MMRM refits each completed data set with its imputed values shifted.
/// </summary>
public sealed class EstimandAnalysis
{
    readonly ISampleAnalyses samples;

    internal EstimandAnalysis(ImputationData data, EstimandSpec spec, ISampleAnalyses samples)
    {
        Data = data;
        Spec = spec;
        this.samples = samples;
    }

    /// <summary>The data by subject and visit, with the imputation model's fit.</summary>
    public ImputationData Data { get; }
    /// <summary>The estimand analysed.</summary>
    public EstimandSpec Spec { get; }
    /// <summary>How many completed data sets were analysed (with the full data's first, for the jackknife and the conditional-mean bootstrap).</summary>
    public int SampleCount => samples.Count;

    /// <summary>The analysis model's formula when the analysis is the MMRM; null for the ANCOVA.</summary>
    public string? AnalysisFormula => (samples as MmrmAnalyses)?.AnalysisFormula;

    /// <summary>Every parameter at every visit, pooled, under the spec's delta adjustment.</summary>
    public IReadOnlyList<PooledEstimate> Pool() => Pool(Spec.Delta);

    /// <summary>Every parameter at every visit, pooled, under a delta adjustment.</summary>
    public IReadOnlyList<PooledEstimate> Pool(IReadOnlyList<DeltaAdjustment> delta)
    {
        var shifts = Shifts(delta);
        var results = new List<PooledEstimate>();
        for (int v = 0; v < Data.VisitCount; v++)
            for (int parameter = 0; parameter < 3; parameter++)
                results.Add(PoolOne(parameter, v, shifts));
        return results;
    }

    /// <summary>
    /// The treatment difference at a visit over a grid of shifts of the imputed values of one arm (the usual tipping-point
    /// analysis: how much worse must the unobserved outcomes of the active arm be for the conclusion to change).
    /// </summary>
    public TippingPointAnalysis TippingPoint(string arm, string visit, IReadOnlyList<double> shifts)
    {
        if (!Data.Arms.Contains(arm)) throw new RweStatsInputException($"tipping point: '{arm}' is not an arm ({string.Join(", ", Data.Arms)})");
        int v = Data.Visits.ToList().IndexOf(visit);
        if (v < 0) throw new RweStatsInputException($"tipping point: '{visit}' is not a visit ({string.Join(", ", Data.Visits)})");
        if (shifts.Count == 0) throw new RweStatsInputException("tipping point: the grid of shifts is empty");
        int a = Data.Arms.ToList().IndexOf(arm);
        var grid = shifts.OrderBy(s => s).Select(s =>
        {
            // The arm's imputed values shifted at every visit (the ANCOVA at v reads visit v's only).
            var byVisit = Enumerable.Range(0, Data.VisitCount).Select(_ => new double[Data.Arms.Count]).ToArray();
            foreach (var byArm in byVisit) byArm[a] = s;
            return new TippingPointRow(s, PoolOne(0, v, byVisit));
        }).ToList();
        double? tipping = null;
        // The crossing nearest to no shift: the conclusion at δ = 0 is the one a sensitivity analysis challenges.
        foreach (var (left, right) in grid.Zip(grid.Skip(1)).OrderBy(pair => Math.Min(Math.Abs(pair.First.Shift), Math.Abs(pair.Second.Shift))))
        {
            bool rl = left.Result.PValue < Spec.Alpha, rr = right.Result.PValue < Spec.Alpha;
            if (rl == rr) continue;
            double fl = left.Result.PValue - Spec.Alpha, fr = right.Result.PValue - Spec.Alpha;
            tipping = left.Shift + (right.Shift - left.Shift) * fl / (fl - fr);
            break;
        }
        return new TippingPointAnalysis(arm, visit, Spec.Alpha, grid, tipping);
    }

    /// <summary>Per visit, the shift of each arm's imputed values.</summary>
    double[][] Shifts(IReadOnlyList<DeltaAdjustment> delta)
    {
        var shifts = Enumerable.Range(0, Data.VisitCount).Select(_ => new double[Data.Arms.Count]).ToArray();
        foreach (var d in delta)
        {
            int arm = d.Arm is null ? -1 : Data.Arms.ToList().IndexOf(d.Arm);
            if (d.Arm is not null && arm < 0) throw new RweStatsInputException($"delta adjustment: '{d.Arm}' is not an arm ({string.Join(", ", Data.Arms)})");
            var visits = d.Visits ?? Data.Visits;
            foreach (var visit in visits)
            {
                int v = Data.Visits.ToList().IndexOf(visit);
                if (v < 0) throw new RweStatsInputException($"delta adjustment: '{visit}' is not a visit ({string.Join(", ", Data.Visits)})");
                for (int a = 0; a < Data.Arms.Count; a++) if (arm < 0 || a == arm) shifts[v][a] += d.Shift;
            }
        }
        return shifts;
    }

    /// <param name="shifts">Per visit, the shift of each arm's imputed values.</param>
    PooledEstimate PoolOne(int parameter, int v, double[][] shifts)
    {
        string name = AncovaFit.ParameterNames[parameter], visit = Data.Visits[v];
        double alpha = Spec.Alpha;
        int count = samples.Count;
        var estimates = new double[count];
        var errors = new double[count];
        for (int b = 0; b < count; b++) (estimates[b], errors[b]) = samples.At(b, v, parameter, shifts);
        switch (Spec.Method)
        {
            case ImputationMethod.ConditionalMeanJackknife:
            {
                // rbmi pool_internal.jackknife: se² = (N−1)/N Σ (θ̂_(−i) − mean)², normal interval around the full-data estimate.
                var (nj, ss) = ResampleSpread(estimates);
                return Normal(name, visit, estimates[0], Math.Sqrt((nj - 1.0) / nj * ss), alpha);
            }
            case ImputationMethod.ConditionalMeanBootstrap:
            {
                // rbmi pool_bootstrap_normal: the bootstrap estimates' standard deviation around the full-data estimate.
                var (nb, ss) = ResampleSpread(estimates);
                return Normal(name, visit, estimates[0], Math.Sqrt(ss / (nb - 1)), alpha);
            }
            default:
                return Rubin(name, visit, estimates, errors, samples.CompleteDf(v, parameter, shifts), alpha);
        }
    }

    /// <summary>The resampled estimates (all but the first, the full-data one): their count and their sum of squares
    /// about their mean, shared by the jackknife and the bootstrap variances.</summary>
    static (int Count, double SumOfSquares) ResampleSpread(double[] estimates)
    {
        int n = estimates.Length - 1;
        double mean = 0;
        for (int b = 1; b <= n; b++) mean += estimates[b];
        mean /= n;
        double ss = 0;
        for (int b = 1; b <= n; b++) ss += (estimates[b] - mean) * (estimates[b] - mean);
        return (n, ss);
    }

    static PooledEstimate Normal(string name, string visit, double estimate, double se, double alpha)
    {
        double z = Normal_Quantile(1 - alpha / 2);
        double p = 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(estimate / se));
        return new PooledEstimate(name, visit, estimate, se, estimate - z * se, estimate + z * se, p, null);
    }

    static double Normal_Quantile(double q) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, q);

    /// <summary>
    /// Rubin's rules (Rubin 1987) with Barnard &amp; Rubin's (1999) small-sample df, as rbmi's <c>rubin_rules</c> and
    /// <c>rubin_df</c>: T = W̄ + (1 + 1/M) B, ν from the complete-data df ν_com (the ANCOVA's residual df).
    /// </summary>
    static PooledEstimate Rubin(string name, string visit, double[] estimates, double[] errors, double completeDf, double alpha)
    {
        int m = estimates.Length;
        double mean = estimates.Average();
        double within = errors.Select(e => e * e).Average();
        double between = estimates.Sum(e => (e - mean) * (e - mean)) / (m - 1);
        double total = within + between + between / m;
        double lambda = (1 + 1.0 / m) * between / total;
        double observedDf = (completeDf + 1) / (completeDf + 3) * completeDf * (1 - lambda);
        double df = lambda == 0 ? observedDf : (m - 1) / (lambda * lambda) * observedDf / ((m - 1) / (lambda * lambda) + observedDf);
        double se = Math.Sqrt(total);
        double q = StudentT.InvCDF(0, 1, df, 1 - alpha / 2);
        double p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(mean / se));
        return new PooledEstimate(name, visit, mean, se, mean - q * se, mean + q * se, p, df);
    }
}
