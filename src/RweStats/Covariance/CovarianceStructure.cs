namespace RweStats.Covariance;

/// <summary>What a covariance parameter is, which decides its admissible range and its starting value.</summary>
public enum ParameterKind
{
    /// <summary>A variance: strictly positive.</summary>
    Variance,
    /// <summary>A covariance: any sign (positive definiteness of the whole matrix is checked separately).</summary>
    Covariance,
    /// <summary>A correlation: strictly inside (-1, 1).</summary>
    Correlation,
    /// <summary>A correlation that must be non-negative, inside [0, 1) (SP(POW) on non-integer distances).</summary>
    PositiveCorrelation,
    /// <summary>A range (distance scale) of a spatial structure: strictly positive.</summary>
    Range,
}

/// <summary>
/// A residual covariance structure R(θ) over the levels of the repeated (time) variable, in SAS PROC MIXED's
/// parameterisation ("REPEATED / TYPE=", SAS/STAT User's Guide, The MIXED Procedure, Table "Covariance
/// Structure Examples"). A structure is defined element by element: <see cref="Element"/> returns R[a, b]
/// for the visits at positions a and b (and times ta, tb for spatial types) together with its first and
/// second derivatives in θ. The likelihood code needs nothing else, so adding a structure is one small class.
/// </summary>
public abstract class CovarianceStructure
{
    /// <summary>A structure over <paramref name="dimension"/> visit levels (at least one).</summary>
    protected CovarianceStructure(int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        Dimension = dimension;
    }

    /// <summary>The number of levels of the repeated variable (the size of a complete subject's matrix).</summary>
    public int Dimension { get; }

    /// <summary>This structure's row of the table of structures: its code, SAS name, nesting and identifiability.</summary>
    public abstract CovarianceType Type { get; }

    /// <summary>The name in a model specification: un, cs, ar1, ...</summary>
    public string Code => Type.Code;

    /// <summary>SAS's TYPE= name: UN, CS, AR(1), ...</summary>
    public string SasType => Type.SasType;

    /// <summary>Parameter names as SAS prints them in "Covariance Parameter Estimates" (without GROUP=).</summary>
    public abstract IReadOnlyList<string> ParameterNames { get; }

    /// <summary>What each parameter is (variance, covariance, correlation, range), in the order of <see cref="ParameterNames"/>: its admissible range.</summary>
    public abstract IReadOnlyList<ParameterKind> ParameterKinds { get; }

    /// <summary>q, the number of covariance parameters θ.</summary>
    public int ParameterCount => ParameterNames.Count;

    /// <summary>
    /// Index of the overall scale parameter that SAS names "Residual" without GROUP= (listed last) and
    /// "Variance" with GROUP= (listed first); -1 for structures that have none (UN, CSH, ARH(1), ...).
    /// </summary>
    public virtual int ScaleParameterIndex => -1;

    /// <summary>True when R depends on actual times (spatial types) rather than on visit positions only.</summary>
    public bool UsesTimeValues => Type.Spatial;

    /// <summary>True when each visit has a variance parameter of its own (UN, CSH, ARH(1), TOEPH, ANTE(1)).</summary>
    public bool HasVisitVariances => Type.Identifiability != Identifiability.Shared;

    /// <summary>
    /// Why the data cannot identify this structure's parameters (<see cref="CovarianceType.Identifiability"/>), or null
    /// (a message template: "{Covariance}" names the setting, see <see cref="RweStatsInputException.About"/>).
    /// <paramref name="pairCounts"/>[a, b] counts the subjects observed at both visits a and b (the diagonal: at visit
    /// a); <paramref name="where"/> names the GROUP= level (" in group X") or is empty.
    /// </summary>
    public string? IdentifiabilityProblem(int[,] pairCounts, IReadOnlyList<string> visitLevels, string where)
    {
        if (Type.Identifiability == Identifiability.Shared) return null;
        int t = visitLevels.Count;
        for (int a = 0; a < t; a++)
        {
            if (pairCounts[a, a] < 2) return VisitVarianceProblem(pairCounts, visitLevels, where, a);
            if (Type.Identifiability != Identifiability.EveryCovariance) continue;
            // UN(a, ·) amounts to regressing visit a on the visits observed with it: that needs more subjects at visit a
            // than there are such visits, or the conditional variance is 0 and the fit cannot converge; and every pair
            // of visits must be observed together for its covariance.
            int partners = Enumerable.Range(0, t).Count(b => b != a && pairCounts[a, b] > 0);
            if (pairCounts[a, a] <= partners)
                return $"{{Covariance}} {Code}: visit '{visitLevels[a]}' is observed in {pairCounts[a, a]} subject(s){where}, too few for its {partners + 1} UN parameters; use toeph, ar1 or ante1, or drop the visit";
            for (int b = 0; b < a; b++)
                if (pairCounts[a, b] == 0)
                    return $"{{Covariance}} {Code}: no subject{where} has both visits '{visitLevels[b]}' and '{visitLevels[a]}', so UN({a + 1},{b + 1}) is not identifiable; use toeph, ar1 or ante1";
        }
        return null;
    }

    /// <summary>The message for a visit with too few observations for its own variance.</summary>
    string VisitVarianceProblem(int[,] pairCounts, IReadOnlyList<string> visitLevels, string where, int a) =>
        $"{{Covariance}} {Code}: visit '{visitLevels[a]}' has {pairCounts[a, a]} observation(s){where}, too few to estimate its own variance; use a homogeneous structure (cs, ar1) or drop the visit";

    /// <summary>True when every element is linear in θ (second derivatives vanish): UN, CS, TOEP, VC.</summary>
    public virtual bool IsLinear => false;

    /// <summary>
    /// R[a, b] and its derivatives. <paramref name="gradient"/> has length q, <paramref name="hessian"/> q×q
    /// (row-major); both are zero on entry and only non-zero entries need writing. Hessian may be empty when
    /// only the gradient is wanted.
    /// </summary>
    public abstract double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb,
                                   Span<double> gradient, Span<double> hessian);

    /// <summary>Starting values from the empirical covariance of OLS residuals over visits.</summary>
    public abstract double[] StartingValues(EmpiricalCovariance empirical);

    /// <summary>Why a random intercept cannot be added (not identifiable), or null when it can (a message part, see <see cref="CovarianceType.RandomInterceptConflict"/>).</summary>
    public string? RandomInterceptConflict => Type.RandomInterceptConflict;

    /// <summary>
    /// Codes of the structures this one contains directly (<see cref="CovarianceType.Contains"/>): this structure's
    /// optimum can be no worse than theirs. <see cref="Project"/> maps a contained fit into this structure's θ.
    /// </summary>
    public IReadOnlyList<string> ContainedStructures => Type.Contains;

    /// <summary>
    /// This structure's θ from a complete, positive definite covariance matrix over the visit positions: exact when
    /// Σ has this structure's form (so the fit of a contained structure maps to the same matrix and likelihood), and
    /// otherwise a moment projection (variances per visit, correlations or covariances averaged by lag). Null when
    /// the structure cannot be written from Σ over visit positions (the spatial structures use actual times).
    /// </summary>
    public virtual double[]? Project(double[,] sigma) => null;

    /// <summary>R(θ) for a subject observed at every visit position (not for spatial structures, whose R depends on times).</summary>
    public double[,] Matrix(ReadOnlySpan<double> theta)
    {
        int t = Dimension;
        var m = new double[t, t];
        Span<double> g = stackalloc double[ParameterCount];
        for (int a = 0; a < t; a++)
            for (int b = a; b < t; b++)
            {
                g.Clear();
                m[a, b] = m[b, a] = Element(theta, a, b, a, b, g, Span<double>.Empty);
            }
        return m;
    }

    /// <summary>The correlation of positions a and b of Σ, kept inside (−0.99, 0.99) so that a projection stays admissible.</summary>
    protected static double CorrelationOf(double[,] sigma, int a, int b) =>
        Math.Clamp(sigma[a, b] / Math.Sqrt(sigma[a, a] * sigma[b, b]), -0.99, 0.99);

    /// <summary>Mean over the pairs of positions at a lag of f(a, a + lag).</summary>
    protected static double MeanAtLag(int dimension, int lag, Func<int, int, double> f)
    {
        double s = 0;
        for (int a = 0; a + lag < dimension; a++) s += f(a, a + lag);
        return s / (dimension - lag);
    }

    /// <summary>Creates a structure from its code (any case; see <see cref="CovarianceTypes"/>).</summary>
    public static CovarianceStructure Create(string code, int dimension) => CovarianceTypes.Of(code).Create(dimension);

    /// <summary>Names Var(1) ... Var(t) for the heterogeneous structures.</summary>
    protected static IEnumerable<string> VarNames(int t) => Enumerable.Range(1, t).Select(i => $"Var({i})");
}

/// <summary>
/// The empirical covariance of OLS residuals between visit positions (pairwise available cases):
/// what starting values are derived from. Averages summarise it for the structured types.
/// </summary>
public sealed record EmpiricalCovariance(double[,] Covariance, int[,] PairCounts)
{
    /// <summary>Mean time distance between consecutive visits of a subject (spatial structures; 1 when times are not used).</summary>
    public double Lag1Distance { get; init; } = 1;

    /// <summary>The number of visit positions.</summary>
    public int Dimension => Covariance.GetLength(0);

    /// <summary>Mean of the visit variances estimated from two residuals or more (1 when none is, or they sum to 0).</summary>
    public double MeanVariance
    {
        get
        {
            double s = 0; int n = 0;
            for (int a = 0; a < Dimension; a++) if (PairCounts[a, a] > 1) { s += Covariance[a, a]; n++; }
            return n > 0 && s > 0 ? s / n : 1.0;
        }
    }

    /// <summary>The variance at visit position <paramref name="a"/>, or <see cref="MeanVariance"/> when it rests on fewer than two residuals.</summary>
    public double Variance(int a) => PairCounts[a, a] > 1 && Covariance[a, a] > 0 ? Covariance[a, a] : MeanVariance;

    /// <summary>The correlation of positions a and b, kept inside [−0.9, 0.9] as a starting value; 0 when fewer than three subjects have both.</summary>
    public double Correlation(int a, int b)
    {
        if (PairCounts[a, b] < 3) return 0;
        double r = Covariance[a, b] / Math.Sqrt(Variance(a) * Variance(b));
        return Math.Clamp(r, -0.9, 0.9);
    }

    /// <summary>Mean correlation at a given lag |a - b| (0 when the lag is never observed).</summary>
    public double MeanCorrelationAtLag(int lag)
    {
        double s = 0; int n = 0;
        for (int a = 0; a + lag < Dimension; a++)
            if (PairCounts[a, a + lag] >= 3) { s += Correlation(a, a + lag); n++; }
        return n > 0 ? Math.Clamp(s / n, -0.9, 0.9) : 0;
    }

    /// <summary>The mean over the lags of <see cref="MeanCorrelationAtLag"/>: one correlation for CS-like starting values.</summary>
    public double MeanCorrelation
    {
        get
        {
            double s = 0; int n = 0;
            for (int lag = 1; lag < Dimension; lag++) { s += MeanCorrelationAtLag(lag); n++; }
            return n > 0 ? s / n : 0;
        }
    }
}
