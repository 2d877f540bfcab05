using RweStats.Data;

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
        var fits = new AncovaFit[samples.Count][];
        Parallel.For(0, samples.Count, b =>
        {
            var (parameters, subjects, random) = samples[b];
            fits[b] = Analyse(data, new ConditionalImputation(data, parameters()), subjects, random);
        });
        return new EstimandAnalysis(data, spec, fits);
    }

    /// <summary>
    /// The samples of the method: the parameters of each (computed lazily, in parallel), the subjects of its completed
    /// data set (indices into the data; repeated in a bootstrap sample) and its generator (random imputation only).
    /// The jackknife and the conditional-mean bootstrap have the full data's sample first, as rbmi.
    /// </summary>
    static List<(Func<ImputationParameters> parameters, int[] subjects, Random? random)> Draws(ImputationData data, ImputationModel model, EstimandSpec spec)
    {
        int n = data.SubjectCount;
        var all = Enumerable.Range(0, n).ToArray();
        var list = new List<(Func<ImputationParameters>, int[], Random?)>();
        // Data subject → fit subject (−1: no outcome before the event, so not in the fit).
        var fitIndex = data.SubjectLabels.Select(l => model.SubjectIndex.TryGetValue(l, out int k) ? k : -1).ToArray();
        switch (spec.Method)
        {
            case ImputationMethod.ConditionalMeanJackknife:
                list.Add((() => model.Full, all, null));
                for (int j = 0; j < n; j++)
                {
                    int left = j;
                    var subjects = all.Where(s => s != left).ToArray();
                    list.Add((() => fitIndex[left] < 0 ? model.Full : model.LeaveOneOut(fitIndex[left], data.SubjectLabels[left]), subjects, null));
                }
                break;
            case ImputationMethod.ConditionalMeanBootstrap:
            case ImputationMethod.ApproximateBayesian:
                bool conditionalMean = spec.Method == ImputationMethod.ConditionalMeanBootstrap;
                if (conditionalMean) list.Add((() => model.Full, all, null));
                var byArm = Enumerable.Range(0, data.Arms.Count).Select(a => all.Where(s => data.SubjectArm[s] == a).ToArray()).ToArray();
                for (int b = 0; b < spec.Samples; b++)
                {
                    // Each sample's generator from the seed and the sample's number: the draws do not depend on the threads.
                    var random = new Random(SampleSeed(spec.Seed, b));
                    var resample = new List<int>(n);
                    foreach (var arm in byArm) // stratified by arm, as rbmi's bootstrap
                        for (int i = 0; i < arm.Length; i++) resample.Add(arm[random.Next(arm.Length)]);
                    var weights = new double[model.SubjectIndex.Count];
                    foreach (var s in resample) if (fitIndex[s] >= 0) weights[fitIndex[s]]++;
                    string what = $"to bootstrap sample {b + 1}";
                    list.Add((() => model.Resample(weights, what), conditionalMean ? resample.ToArray() : all, conditionalMean ? null : random));
                }
                break;
        }
        return list;
    }

    /// <summary>SplitMix64 of (seed, sample): a 31-bit seed per sample, well spread for neighbouring samples (Steele, Lea &amp; Flood 2014).</summary>
    static int SampleSeed(ulong seed, int sample)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL * (ulong)(sample + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>The ANCOVA at every visit of one completed data set (the subjects listed, in order).</summary>
    static AncovaFit[] Analyse(ImputationData data, ConditionalImputation imputation, int[] subjects, Random? random)
    {
        int t = data.VisitCount, n = subjects.Length, covariates = data.AnalysisCovariateNames.Count, k = 2 + covariates, arms = data.Arms.Count;
        var completed = new double[n * t];
        for (int i = 0; i < n; i++) imputation.Complete(subjects[i], completed.AsSpan(i * t, t), random);
        var fits = new AncovaFit[t];
        var x = new double[n * k];
        for (int v = 0; v < t; v++)
        {
            var directions = new double[1 + arms][];
            for (int d = 0; d <= arms; d++) directions[d] = new double[n];
            for (int i = 0; i < n; i++)
            {
                int s = subjects[i];
                x[i * k] = 1;
                x[i * k + 1] = data.SubjectArm[s] == 1 ? 1 : 0;
                for (int c = 0; c < covariates; c++) x[i * k + 2 + c] = data.AnalysisCovariates[(s * t + v) * covariates + c];
                directions[0][i] = completed[i * t + v];
                if (data.IsMissing(s, v)) directions[1 + data.SubjectArm[s]][i] = 1;
            }
            try { fits[v] = AncovaFit.Fit(x, n, k, directions); }
            catch (ArgumentException)
            {
                throw new RweStatsInputException($"the analysis at visit '{data.Visits[v]}' is singular: an arm without subjects or covariates ({string.Join(", ", data.AnalysisCovariateNames)}) collinear with the arm");
            }
        }
        return fits;
    }
}
