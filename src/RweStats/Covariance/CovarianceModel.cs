namespace RweStats.Covariance;

/// <summary>One covariance parameter of the whole model as reported: SAS's name, its GROUP= level, its kind.</summary>
public sealed record CovarianceParameter(string Name, string? Group, ParameterKind Kind);

/// <summary>
/// The marginal covariance of one subject, V_i = σ_b² J + R_i(θ): an optional random subject intercept
/// (SAS "RANDOM INTERCEPT / SUBJECT="; nlme "random = ~1|subject") plus a residual structure, with a
/// separate set of structure parameters per level of an optional group variable (SAS "REPEATED / GROUP=").
/// The parameter vector θ is laid out in the order SAS prints it: Intercept first, then per group level
/// the structure's parameters (with GROUP=, the scale parameter first and named "Variance").
/// </summary>
public sealed class CovarianceModel
{
    readonly int[][] structureToGlobal; // per group: structure parameter index -> θ index

    /// <exception cref="RweStatsInputException">A random intercept with a structure that cannot be identified alongside it.</exception>
    /// <summary>A residual structure, an optional random intercept and an optional GROUP= variable with its levels.</summary>
    public CovarianceModel(CovarianceStructure structure, bool randomIntercept, IReadOnlyList<string>? groupLevels = null, string? groupVariable = null)
    {
        Structure = structure;
        RandomIntercept = randomIntercept;
        GroupVariable = groupVariable;
        GroupLevels = groupLevels is { Count: > 0 } ? groupLevels : new[] { "" };
        if (randomIntercept && structure.RandomInterceptConflict is { } why)
            throw RweStatsInputException.About(ModelSetting.RandomIntercept, $"{{RandomIntercept}} with {{Covariance}} {structure.Code} is not identifiable: {why}");

        var parameters = new List<CovarianceParameter>();
        if (randomIntercept) parameters.Add(new CovarianceParameter("Intercept", null, ParameterKind.Variance));
        int q = structure.ParameterCount, scale = structure.ScaleParameterIndex;
        bool grouped = groupVariable is not null;
        structureToGlobal = new int[GroupLevels.Count][];
        for (int g = 0; g < GroupLevels.Count; g++)
        {
            var order = Enumerable.Range(0, q).ToList();
            if (grouped && scale >= 0) { order.Remove(scale); order.Insert(0, scale); }
            structureToGlobal[g] = new int[q];
            foreach (var k in order)
            {
                structureToGlobal[g][k] = parameters.Count;
                string name = grouped && k == scale ? "Variance" : structure.ParameterNames[k];
                parameters.Add(new CovarianceParameter(name, grouped ? $"{groupVariable} {GroupLevels[g]}" : null, structure.ParameterKinds[k]));
            }
        }
        Parameters = parameters;
    }

    /// <summary>The residual structure R_i(θ).</summary>
    public CovarianceStructure Structure { get; }
    /// <summary>True with a random subject intercept (σ_b² J).</summary>
    public bool RandomIntercept { get; }
    /// <summary>The GROUP= column, or null.</summary>
    public string? GroupVariable { get; }
    /// <summary>The GROUP= levels (one empty level without groups).</summary>
    public IReadOnlyList<string> GroupLevels { get; }
    /// <summary>The parameters of θ in SAS's order.</summary>
    public IReadOnlyList<CovarianceParameter> Parameters { get; }
    /// <summary>The length of θ.</summary>
    public int ParameterCount => Parameters.Count;

    /// <summary>The θ indices V_i depends on for a subject of this group: Intercept (if any), then its group's block.</summary>
    public int[] LocalParameters(int group)
    {
        var local = new List<int>();
        if (RandomIntercept) local.Add(0);
        local.AddRange(structureToGlobal[group]);
        return local.ToArray();
    }

    /// <summary>True when θ lies in the admissible region of every parameter (positive definiteness is checked by the likelihood).</summary>
    public bool IsAdmissible(ReadOnlySpan<double> theta)
    {
        for (int k = 0; k < theta.Length; k++)
        {
            double v = theta[k];
            if (!double.IsFinite(v)) return false;
            bool ok = Parameters[k].Kind switch
            {
                ParameterKind.Variance => k == 0 && RandomIntercept ? v >= 0 : v > 0,
                ParameterKind.Range => v > 0,
                ParameterKind.Correlation => v > -1 && v < 1,
                ParameterKind.PositiveCorrelation => v >= 0 && v < 1,
                _ => true,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>
    /// Fills V (m×m) for a subject with visits at the given positions (and times), and — when the arrays are
    /// given — dV[k] = ∂V/∂θ_local(k) and d2V[k, l] = ∂²V/∂θ_k∂θ_l (null where identically zero),
    /// indexed by <see cref="LocalParameters"/>.
    /// </summary>
    public void Build(ReadOnlySpan<double> theta, int group, ReadOnlySpan<int> visits, ReadOnlySpan<double> times,
                      double[,] v, double[][,]? dV, double[,][,]? d2V)
    {
        int m = visits.Length, q = Structure.ParameterCount, off = RandomIntercept ? 1 : 0;
        var map = structureToGlobal[group];
        Span<double> st = stackalloc double[q];
        for (int k = 0; k < q; k++) st[k] = theta[map[k]];
        Span<double> g = stackalloc double[q];
        bool wantHessian = d2V is not null && !Structure.IsLinear;
        Span<double> h = wantHessian ? stackalloc double[q * q] : Span<double>.Empty;
        double sb2 = RandomIntercept ? theta[0] : 0;
        for (int a = 0; a < m; a++)
            for (int b = a; b < m; b++)
            {
                g.Clear(); h.Clear();
                double ta = times.IsEmpty ? 0 : times[a], tb = times.IsEmpty ? 0 : times[b];
                double value = Structure.Element(st, visits[a], visits[b], ta, tb, g, h) + sb2;
                v[a, b] = v[b, a] = value;
                if (dV is null) continue;
                if (RandomIntercept) dV[0][a, b] = dV[0][b, a] = 1;
                for (int k = 0; k < q; k++) dV[off + k][a, b] = dV[off + k][b, a] = g[k];
                if (!wantHessian) continue;
                for (int k = 0; k < q; k++)
                    for (int l = 0; l < q; l++)
                    {
                        double hv = h[k * q + l];
                        if (hv == 0) continue;
                        var target = d2V![off + k, off + l] ??= new double[m, m];
                        target[a, b] = target[b, a] = hv;
                    }
            }
    }
}
