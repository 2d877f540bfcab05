using MathNet.Numerics.LinearAlgebra.Double;

namespace RweStats.Estimands;

/// <summary>
/// How the missing outcomes after an intercurrent event are imputed (ICH E9(R1) hypothetical and treatment-policy
/// strategies by reference-based imputation; Carpenter, Roger &amp; Kenward 2013; rbmi's strategies).
/// </summary>
public enum ImputationStrategy
{
    /// <summary>Missing at random: the subject's own arm throughout (MAR).</summary>
    MissingAtRandom,
    /// <summary>Jump to reference (JR): the reference arm's mean after the event, the joint covariance of rbmi's <c>compute_sigma</c>.</summary>
    JumpToReference,
    /// <summary>Copy reference (CR): the reference arm's mean and covariance at every visit.</summary>
    CopyReference,
    /// <summary>Copy increments from reference (CIR): the own mean at the last visit before the event plus the reference arm's increments from it.</summary>
    CopyIncrementsFromReference,
    /// <summary>Last mean carried forward (LMCF): the own arm's mean at the last visit before the event, carried forward.</summary>
    LastMeanCarriedForward,
}

/// <summary>The strategies' codes as rbmi and the literature write them (MAR, JR, CR, CIR, LMCF).</summary>
public static class ImputationStrategies
{
    /// <summary>The strategy of each code, matched without regard to case.</summary>
    public static readonly IReadOnlyDictionary<string, ImputationStrategy> ByCode = new Dictionary<string, ImputationStrategy>(StringComparer.OrdinalIgnoreCase)
    {
        ["MAR"] = ImputationStrategy.MissingAtRandom,
        ["JR"] = ImputationStrategy.JumpToReference,
        ["CR"] = ImputationStrategy.CopyReference,
        ["CIR"] = ImputationStrategy.CopyIncrementsFromReference,
        ["LMCF"] = ImputationStrategy.LastMeanCarriedForward,
    };

    /// <summary>The strategy's code (MAR, JR, CR, CIR, LMCF).</summary>
    public static string Code(this ImputationStrategy strategy) => strategy switch
    {
        ImputationStrategy.MissingAtRandom => "MAR",
        ImputationStrategy.JumpToReference => "JR",
        ImputationStrategy.CopyReference => "CR",
        ImputationStrategy.CopyIncrementsFromReference => "CIR",
        ImputationStrategy.LastMeanCarriedForward => "LMCF",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    /// <summary>The strategy of a code, or an input error naming where the code came from.</summary>
    public static ImputationStrategy Parse(string code, string where) =>
        ByCode.TryGetValue(code.Trim(), out var s) ? s
            : throw new RweStatsInputException($"{where}: strategy '{code}' is not one of {string.Join(", ", ByCode.Keys)}");

    /// <summary>
    /// The mean and covariance of a subject's outcomes at every visit under the strategy (rbmi's <c>strategy_*</c>
    /// functions): from the parameters of the subject's own arm (<paramref name="ownMean"/>, <paramref name="ownSigma"/>)
    /// and of its reference arm, with <paramref name="firstAffected"/> the index of the first visit after the event
    /// (visits before it are missing at random; <paramref name="firstAffected"/> = T when nothing is affected).
    /// </summary>
    public static (double[] mean, double[,] sigma) Parameters(ImputationStrategy strategy, double[] ownMean, double[,] ownSigma,
                                                                double[] referenceMean, double[,] referenceSigma, int firstAffected)
    {
        int t = ownMean.Length;
        var (own, reference) = MeanWeights(strategy, firstAffected, t);
        var mean = new double[t];
        for (int u = 0; u < t; u++)
            for (int w = 0; w < t; w++) mean[u] += own[u, w] * ownMean[w] + reference[u, w] * referenceMean[w];
        return (mean, Covariance(strategy, ownSigma, referenceSigma, firstAffected));
    }

    /// <summary>
    /// The strategy's mean as weights of the arms' means: μ = W_own μ_own + W_ref μ_ref (T × T each). MAR: μ_own; CR (or an
    /// event at the first visit under JR or CIR): μ_ref; JR: μ_own before the event, μ_ref from it; CIR: from the event,
    /// μ_own at the last visit before it plus μ_ref's increments from that visit; LMCF: μ_own at the last visit before it.
    /// </summary>
    public static (double[,] own, double[,] reference) MeanWeights(ImputationStrategy strategy, int firstAffected, int t)
    {
        var own = new double[t, t];
        var reference = new double[t, t];
        if (strategy == ImputationStrategy.MissingAtRandom || firstAffected >= t)
        {
            for (int u = 0; u < t; u++) own[u, u] = 1;
            return (own, reference);
        }
        if (strategy == ImputationStrategy.LastMeanCarriedForward && firstAffected == 0)
            throw new RweStatsInputException("LMCF cannot be used for a subject whose event is at the first visit: there is no mean to carry forward");
        if (strategy == ImputationStrategy.CopyReference || firstAffected == 0)
        {
            for (int u = 0; u < t; u++) reference[u, u] = 1;
            return (own, reference);
        }
        int last = firstAffected - 1;
        for (int u = 0; u < firstAffected; u++) own[u, u] = 1;
        for (int u = firstAffected; u < t; u++)
            switch (strategy)
            {
                case ImputationStrategy.JumpToReference: reference[u, u] = 1; break;
                case ImputationStrategy.CopyIncrementsFromReference: own[u, last] = 1; reference[u, u] = 1; reference[u, last] = -1; break;
                case ImputationStrategy.LastMeanCarriedForward: own[u, last] = 1; break;
            }
        return (own, reference);
    }

    /// <summary>The strategy's covariance: the own arm's for MAR and LMCF, the reference arm's for CR, the joint one of JR and CIR.</summary>
    public static double[,] Covariance(ImputationStrategy strategy, double[,] ownSigma, double[,] referenceSigma, int firstAffected)
    {
        int t = ownSigma.GetLength(0);
        if (strategy is ImputationStrategy.MissingAtRandom or ImputationStrategy.LastMeanCarriedForward || firstAffected >= t) return ownSigma;
        if (strategy == ImputationStrategy.CopyReference || firstAffected == 0) return referenceSigma;
        return ReferenceBasedSigma(ownSigma, referenceSigma, firstAffected);
    }

    /// <summary>
    /// The covariance of JR and CIR (Carpenter, Roger &amp; Kenward 2013, section 4.2; rbmi's <c>compute_sigma</c>): the own
    /// arm's Σ₁₁ = T₁₁ before the event, Σ₂₁ = R₂₁ R₁₁⁻¹ T₁₁ and Σ₂₂ = R₂₂ − R₂₁ R₁₁⁻¹ (R₁₁ − T₁₁) R₁₁⁻¹ R₁₂ after it,
    /// with T the own arm's covariance and R the reference arm's. Equal arms' covariances give Σ itself.
    /// </summary>
    static double[,] ReferenceBasedSigma(double[,] own, double[,] reference, int k)
    {
        if (ReferenceEquals(own, reference) || SameMatrix(own, reference)) return reference;
        int t = own.GetLength(0);
        var r = DenseMatrix.OfArray(reference);
        var tOwn = DenseMatrix.OfArray(own);
        var r11 = r.SubMatrix(0, k, 0, k);
        var t11 = tOwn.SubMatrix(0, k, 0, k);
        var a = r.SubMatrix(k, t - k, 0, k) * r11.Inverse();                  // R₂₁ R₁₁⁻¹
        var s21 = a * t11;
        var s22 = r.SubMatrix(k, t - k, k, t - k) - a * (r11 - t11) * a.Transpose();
        var sigma = new double[t, t];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) sigma[i, j] = t11[i, j];
        for (int i = 0; i < t - k; i++)
            for (int j = 0; j < k; j++) sigma[k + i, j] = sigma[j, k + i] = s21[i, j];
        for (int i = 0; i < t - k; i++) for (int j = 0; j < t - k; j++) sigma[k + i, k + j] = s22[i, j];
        return sigma;
    }

    static bool SameMatrix(double[,] a, double[,] b)
    {
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) if (a[i, j] != b[i, j]) return false;
        return true;
    }
}
