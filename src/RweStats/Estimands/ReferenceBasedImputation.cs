using RweStats.Data;
using RweStats.Simulation;

namespace RweStats.Estimands;

/// <summary>
/// Reference-based imputation in rbmi's four steps: <see cref="Draws"/> (the imputation model and its refits),
/// imputation (<see cref="ConditionalImputation"/>), analysis of each completed data set (<see cref="AncovaFit"/>) and
/// pooling (<see cref="EstimandAnalysis.Pool()"/>). Samples run in parallel, each with its own generator seeded from the
/// spec's seed and the sample's number, so the numbers do not depend on the number of threads.
/// </summary>
public static class ReferenceBasedImputation
{
    /// <summary>Reads the data, fits the imputation model, imputes and analyses every sample; pool the result at any delta.</summary>
    public static EstimandAnalysis Run(DataTable table, EstimandSpec spec)
    {
        if (!(spec.Alpha > 0 && spec.Alpha < 1))
            throw new RweStatsInputException($"alpha {spec.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside (0, 1)");
        if (spec.Method != ImputationMethod.ConditionalMeanJackknife && spec.Samples < 2)
            throw new RweStatsInputException($"{spec.Samples} samples: the bootstrap and multiple imputation need at least 2");
        var data = ImputationData.Build(table, spec);
        if (data.Arms.Count != 2)
            throw new RweStatsInputException($"the analysis compares two arms and '{spec.Arm}' has {data.Arms.Count} ({string.Join(", ", data.Arms)}); keep two arms (e.g. with a row filter)");
        var model = new ImputationModel(data.Fit);
        var samples = Draws(data, model, spec);
        var withMissing = Enumerable.Range(0, data.SubjectCount).Where(s => Enumerable.Range(0, data.VisitCount).Any(v => data.IsMissing(s, v))).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = spec.Threads is int threads and > 0 ? threads : -1 };
        if (spec.Analysis == AnalysisModel.Mmrm)
        {
            // The completed data sets, imputed as for the ANCOVA (the same subjects, in the same order, from the same
            // generator), then each analysed by the MMRM at the shifts the pooling asks for.
            var sets = new MmrmAnalyses.CompletedSet[samples.Count];
            Parallel.For(0, samples.Count, parallel, b =>
            {
                var sample = samples[b];
                var imputation = new ConditionalImputation(data, sample.Parameters());
                var outcome = (double[])data.Outcome.Clone();
                var subjects = sample.Counts is null ? withMissing.Where(s => s != sample.LeftOut) : Enumerable.Range(0, data.SubjectCount).Where(s => sample.Counts[s] > 0);
                foreach (var s in subjects) imputation.Complete(s, outcome.AsSpan(s * data.VisitCount, data.VisitCount), sample.Random);
                sets[b] = new MmrmAnalyses.CompletedSet(outcome, sample.Counts, sample.LeftOut);
            });
            return new EstimandAnalysis(data, spec, new MmrmAnalyses(data, spec, sets));
        }
        var observed = ObservedSums(data);
        // The jackknife's samples are every subject but one, imputed by their conditional means: summed by key.
        var moments = spec.Method == ImputationMethod.ConditionalMeanJackknife ? new ImputedMoments(data, withMissing, 2 + data.AnalysisCovariateNames.Count) : null;
        var fits = new AncovaFit[samples.Count][];
        Parallel.For(0, samples.Count, parallel, b =>
        {
            var sample = samples[b];
            var parameters = sample.Parameters();
            var imputation = new ConditionalImputation(data, parameters);
            fits[b] = moments is null ? Analyse(data, observed, withMissing, imputation, sample) : AnalyseByKeys(data, observed, moments, imputation, parameters, sample.LeftOut);
        });
        return new EstimandAnalysis(data, spec, new AncovaAnalyses(fits));
    }

    /// <summary>One analysed data set: its imputation model's parameters (computed when the sample is analysed), the
    /// subjects' multiplicities (null: every subject once), the subject left out (−1: none) and the generator of random imputation.</summary>
    sealed record Sample(Func<ImputationParameters> Parameters, int[]? Counts, int LeftOut, SeededRandom? Random);

    /// <summary>
    /// The samples of the method: the parameters of each (computed lazily, in parallel), the subjects of its completed
    /// data set (indices into the data; repeated in a bootstrap sample) and its generator (random imputation only).
    /// The jackknife and the conditional-mean bootstrap have the full data's sample first, as rbmi.
    /// </summary>
    static List<Sample> Draws(ImputationData data, ImputationModel model, EstimandSpec spec)
    {
        int n = data.SubjectCount;
        var list = new List<Sample>();
        // Data subject → fit subject (−1: no outcome before the event, so not in the fit).
        var fitIndex = data.SubjectLabels.Select(l => model.SubjectIndex.TryGetValue(l, out int k) ? k : -1).ToArray();
        switch (spec.Method)
        {
            case ImputationMethod.ConditionalMeanJackknife:
                list.Add(new Sample(() => model.Full, null, -1, null));
                for (int j = 0; j < n; j++)
                {
                    int left = j;
                    list.Add(new Sample(() => fitIndex[left] < 0 ? model.Full : model.LeaveOneOut(fitIndex[left], data.SubjectLabels[left]), null, left, null));
                }
                break;
            case ImputationMethod.ConditionalMeanBootstrap:
            case ImputationMethod.ApproximateBayesian:
                bool conditionalMean = spec.Method == ImputationMethod.ConditionalMeanBootstrap;
                if (conditionalMean) list.Add(new Sample(() => model.Full, null, -1, null));
                var byArm = Enumerable.Range(0, data.Arms.Count).Select(a => Enumerable.Range(0, n).Where(s => data.SubjectArm[s] == a).ToArray()).ToArray();
                for (int b = 0; b < spec.Samples; b++)
                {
                    // Each sample's generator from the seed and the sample's number: the draws do not depend on the threads.
                    var random = new SeededRandom(new SeededRandom(spec.Seed + (ulong)b).NextUInt64());
                    var counts = new int[n];
                    foreach (var arm in byArm) // stratified by arm, as rbmi's bootstrap
                        for (int i = 0; i < arm.Length; i++) counts[arm[Math.Min(arm.Length - 1, (int)(random.NextDouble() * arm.Length))]]++;
                    var weights = new double[model.SubjectIndex.Count];
                    for (int s = 0; s < n; s++) if (fitIndex[s] >= 0) weights[fitIndex[s]] += counts[s];
                    string what = $"to bootstrap sample {b + 1}";
                    list.Add(conditionalMean
                        ? new Sample(() => model.Resample(weights, what), counts, -1, null)
                        : new Sample(() => model.Resample(weights, what), null, -1, random));
                }
                break;
        }
        return list;
    }

    /// <summary>The analysis row x = (1, arm, covariates) of subject s at visit v.</summary>
    internal static void AnalysisRow(ImputationData data, int s, int v, Span<double> x)
    {
        int covariates = data.AnalysisCovariateNames.Count;
        x[0] = 1;
        x[1] = data.SubjectArm[s] == 1 ? 1 : 0;
        for (int c = 0; c < covariates; c++) x[2 + c] = data.AnalysisCovariates[(s * data.VisitCount + v) * covariates + c];
    }

    /// <summary>
    /// Per visit, the ANCOVA sums that no imputation changes (every subject once): the observed outcomes, and for the
    /// missing ones their analysis rows and delta directions (Y = (0, d)).
    /// </summary>
    static AncovaSums[] ObservedSums(ImputationData data)
    {
        int t = data.VisitCount, k = 2 + data.AnalysisCovariateNames.Count, d = 1 + data.Arms.Count;
        var sums = Enumerable.Range(0, t).Select(_ => new AncovaSums(k, d)).ToArray();
        Span<double> x = stackalloc double[k];
        Span<double> y = stackalloc double[d];
        for (int s = 0; s < data.SubjectCount; s++)
            for (int v = 0; v < t; v++)
            {
                AnalysisRow(data, s, v, x);
                y.Clear();
                if (data.IsMissing(s, v)) y[1 + data.SubjectArm[s]] = 1;
                else y[0] = data.Outcome[s * t + v];
                sums[v].Add(x, y, 1);
            }
        return sums;
    }

    /// <summary>
    /// The ANCOVA at every visit of one completed data set. Every subject once (the jackknife, multiple imputation): the
    /// observed sums, less the subject left out, plus the imputed values; a bootstrap sample: each subject by its count.
    /// </summary>
    static AncovaFit[] Analyse(ImputationData data, AncovaSums[] observed, int[] withMissing, ConditionalImputation imputation, Sample sample)
    {
        int t = data.VisitCount, k = 2 + data.AnalysisCovariateNames.Count, d = 1 + data.Arms.Count;
        Span<double> x = stackalloc double[k];
        Span<double> y = stackalloc double[d];
        Span<double> completed = stackalloc double[t];
        AncovaSums[] sums;
        if (sample.Counts is null)
        {
            sums = observed.Select(o => o.Clone()).ToArray();
            if (sample.LeftOut >= 0) RemoveObserved(data, sums, sample.LeftOut);
            foreach (var s in withMissing)
            {
                if (s == sample.LeftOut) continue;
                imputation.Complete(s, completed, sample.Random);
                for (int v = 0; v < t; v++)
                {
                    if (!data.IsMissing(s, v)) continue;
                    AnalysisRow(data, s, v, x);
                    AddOutcome(sums[v], x, completed[v], data.SubjectArm[s], 1); // the rest of (x, (ŷ, d)) is in the fixed sums
                }
            }
        }
        else
        {
            sums = Enumerable.Range(0, t).Select(_ => new AncovaSums(k, d)).ToArray();
            for (int s = 0; s < data.SubjectCount; s++)
            {
                if (sample.Counts[s] == 0) continue;
                imputation.Complete(s, completed, sample.Random);
                for (int v = 0; v < t; v++)
                {
                    AnalysisRow(data, s, v, x);
                    y.Clear();
                    y[0] = completed[v];
                    if (data.IsMissing(s, v)) y[1 + data.SubjectArm[s]] = 1;
                    sums[v].Add(x, y, sample.Counts[s]);
                }
            }
        }
        return Fit(data, sums);
    }

    /// <summary>Removes a subject's fixed contributions (observed outcomes; analysis rows and delta directions of its missing ones).</summary>
    static void RemoveObserved(ImputationData data, AncovaSums[] sums, int j)
    {
        int t = data.VisitCount, k = sums[0].K, d = sums[0].D;
        Span<double> x = stackalloc double[k];
        Span<double> y = stackalloc double[d];
        for (int v = 0; v < t; v++)
        {
            AnalysisRow(data, j, v, x);
            y.Clear();
            if (data.IsMissing(j, v)) y[1 + data.SubjectArm[j]] = 1;
            else y[0] = data.Outcome[j * t + v];
            sums[v].Add(x, y, -1);
        }
    }

    /// <summary>Adds weight × an imputed value's part of (x, (ŷ, d)): Σ x ŷ, Σ ŷ², Σ ŷ d (the rest is in the fixed sums).</summary>
    static void AddOutcome(AncovaSums sums, ReadOnlySpan<double> x, double value, int arm, double weight)
    {
        int k = sums.K, d = sums.D;
        for (int a = 0; a < k; a++) sums.Xy[a * d] += weight * x[a] * value;
        sums.Yy[0] += weight * value * value;
        sums.Yy[1 + arm] += weight * value;
        sums.Yy[(1 + arm) * d] += weight * value;
    }

    /// <summary>
    /// A jackknife sample by keys (<see cref="ImputedMoments"/>): the fixed sums less the subject left out, plus every key's
    /// imputed moments at this fit, less the left-out subject's own imputed values. Σ ŷ² is not formed: the per-sample
    /// residual variance is NaN (the jackknife pools estimates only).
    /// </summary>
    static AncovaFit[] AnalyseByKeys(ImputationData data, AncovaSums[] observed, ImputedMoments moments, ConditionalImputation imputation,
                                     ImputationParameters parameters, int leftOut)
    {
        int t = data.VisitCount, k = observed[0].K;
        var sums = observed.Select(o => o.Clone()).ToArray();
        moments.AddTo(sums, imputation, parameters.Beta);
        if (leftOut >= 0)
        {
            RemoveObserved(data, sums, leftOut);
            Span<double> completed = stackalloc double[t];
            Span<double> x = stackalloc double[k];
            imputation.Complete(leftOut, completed, null);
            for (int v = 0; v < t; v++)
                if (data.IsMissing(leftOut, v))
                {
                    AnalysisRow(data, leftOut, v, x);
                    AddOutcome(sums[v], x, completed[v], data.SubjectArm[leftOut], -1);
                }
        }
        foreach (var s in sums) s.Yy[0] = double.NaN;
        return Fit(data, sums);
    }

    static AncovaFit[] Fit(ImputationData data, AncovaSums[] sums)
    {
        int t = data.VisitCount;
        var fits = new AncovaFit[t];
        for (int v = 0; v < t; v++)
        {
            try { fits[v] = AncovaFit.Fit(sums[v]); }
            catch (ArgumentException)
            {
                throw new RweStatsInputException($"the analysis at visit '{data.Visits[v]}' is singular: an arm without subjects, or covariates ({string.Join(", ", data.AnalysisCovariateNames)}) collinear with the arm");
            }
        }
        return fits;
    }
}
