namespace RweStats.Estimands;

/// <summary>
/// The conditional-mean imputation summed by key for the ANCOVA, without imputing subject by subject. Subjects with the
/// same arm, strategy, first affected visit and missing visits share the conditional distribution, and their conditional
/// mean at a missing visit v is linear in β and in their observed values:
/// ŷ_v = Σ_u (W_own − R W_own,o)[v, u] x_own,u β + Σ_u (W_ref − R W_ref,o)[v, u] x_ref,u β + Σ_o R[v, o] y_o,
/// with W the strategy's mean weights (<see cref="ImputationStrategies.MeanWeights"/>) and R = Σ_mo Σ_oo⁻¹. So the sums
/// the ANCOVA needs, Σ_s a_s,v ŷ_s,v (a the analysis row), are fixed moments of each key's subjects — Σ a_v x_uᵀ and
/// Σ a_v y_o, computed once — times β and R of each fit: a jackknife sample's imputation costs its keys, not its
/// subjects. Σ ŷ² is not formed (it is quadratic in β), so the per-sample residual variance is not available on this
/// path: the jackknife and the bootstrap pool the estimates only.
/// </summary>
internal sealed class ImputedMoments
{
    sealed record Key(int Arm, ImputationStrategy Strategy, int First, ulong Missing, int[] MissingVisits, int[] ObservedVisits,
                      double[,] OwnWeights, double[,] ReferenceWeights, double[] OwnMoments, double[] ReferenceMoments, double[] OutcomeMoments);

    readonly ImputationData data;
    readonly List<Key> keys = new();
    readonly int t, p, k;

    public ImputedMoments(ImputationData data, int[] subjectsWithMissing, int analysisColumns)
    {
        this.data = data;
        t = data.VisitCount;
        p = data.Rank;
        k = analysisColumns;
        var groups = subjectsWithMissing.GroupBy(s =>
        {
            ulong missing = 0;
            for (int v = 0; v < t; v++) if (data.IsMissing(s, v)) missing |= 1UL << v;
            int first = Math.Min(data.FirstAffected[s], t);
            return (data.SubjectArm[s], first >= t ? ImputationStrategy.MissingAtRandom : data.Strategy[s], first, missing);
        });
        Span<double> x = stackalloc double[k];
        foreach (var g in groups)
        {
            var (arm, strategy, first, missing) = g.Key;
            var missingVisits = Enumerable.Range(0, t).Where(v => (missing >> v & 1) == 1).ToArray();
            var observedVisits = Enumerable.Range(0, t).Where(v => (missing >> v & 1) == 0).ToArray();
            var (own, reference) = ImputationStrategies.MeanWeights(strategy, first, t);
            bool usesReference = strategy != ImputationStrategy.MissingAtRandom;
            int nm = missingVisits.Length, no = observedVisits.Length;
            var ownMoments = new double[nm * t * k * p];
            var referenceMoments = usesReference ? new double[nm * t * k * p] : Array.Empty<double>();
            var outcomeMoments = new double[nm * no * k];
            foreach (var s in g)
                for (int i = 0; i < nm; i++)
                {
                    ReferenceBasedImputation.AnalysisRow(data, s, missingVisits[i], x);
                    for (int u = 0; u < t; u++)
                    {
                        int rowOffset = (s * t + u) * p;
                        for (int a = 0; a < k; a++)
                        {
                            double xa = x[a];
                            if (xa == 0) continue;
                            int offset = ((i * t + u) * k + a) * p;
                            for (int j = 0; j < p; j++) ownMoments[offset + j] += xa * data.OwnRows[rowOffset + j];
                            if (usesReference)
                                for (int j = 0; j < p; j++) referenceMoments[offset + j] += xa * data.ReferenceRows[rowOffset + j];
                        }
                    }
                    for (int o = 0; o < no; o++)
                    {
                        double y = data.Outcome[s * t + observedVisits[o]];
                        for (int a = 0; a < k; a++) outcomeMoments[(i * no + o) * k + a] += x[a] * y;
                    }
                }
            keys.Add(new Key(arm, strategy, first, missing, missingVisits, observedVisits, own, reference, ownMoments, referenceMoments, outcomeMoments));
        }
    }

    /// <summary>Adds every key's Σ a ŷ (and each arm's Σ ŷ, the cross-product of y with its delta direction) to the visits' sums.</summary>
    public void AddTo(AncovaSums[] sums, ConditionalImputation imputation, double[] beta)
    {
        int d = sums[0].D;
        Span<double> acc = stackalloc double[k];
        var projected = new double[t * k]; // per u, per a: moments · β
        foreach (var key in keys)
        {
            var c = imputation.ConditionalOf(key.Arm, key.Strategy, key.First, key.Missing);
            int nm = key.MissingVisits.Length, no = key.ObservedVisits.Length;
            for (int i = 0; i < nm; i++)
            {
                int v = key.MissingVisits[i];
                acc.Clear();
                Accumulate(key.OwnMoments, key.OwnWeights, i, v, c, key, beta, projected, acc);
                if (key.ReferenceMoments.Length > 0) Accumulate(key.ReferenceMoments, key.ReferenceWeights, i, v, c, key, beta, projected, acc);
                for (int o = 0; o < no; o++)
                {
                    double r = c.Regression[i, o];
                    if (r == 0) continue;
                    for (int a = 0; a < k; a++) acc[a] += r * key.OutcomeMoments[(i * no + o) * k + a];
                }
                var s = sums[v];
                for (int a = 0; a < k; a++) s.Xy[a * d] += acc[a];
                s.Yy[1 + key.Arm] += acc[0]; // x_0 = 1: Σ ŷ over the key
                s.Yy[(1 + key.Arm) * d] += acc[0];
            }
        }
    }

    /// <summary>acc += Σ_u (W − R W_o)[v, u] (moments_(i, u) β), the mean part of the key's Σ a ŷ_v.</summary>
    void Accumulate(double[] moments, double[,] weights, int i, int v, ConditionalImputation.Conditional c, Key key, double[] beta, double[] projected, Span<double> acc)
    {
        int no = key.ObservedVisits.Length;
        for (int u = 0; u < t; u++)
        {
            double coefficient = weights[v, u];
            for (int o = 0; o < no; o++) coefficient -= c.Regression[i, o] * weights[key.ObservedVisits[o], u];
            if (coefficient == 0) continue;
            for (int a = 0; a < k; a++)
            {
                int offset = ((i * t + u) * k + a) * p;
                double dot = 0;
                for (int j = 0; j < p; j++) dot += moments[offset + j] * beta[j];
                acc[a] += coefficient * dot;
            }
        }
    }
}
