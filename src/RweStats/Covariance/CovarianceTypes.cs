namespace RweStats.Covariance;

/// <summary>What the data must show for a structure's parameters to be estimable.</summary>
public enum Identifiability
{
    /// <summary>Nothing beyond what every model needs (a few parameters shared by all visits).</summary>
    Shared,
    /// <summary>A variance per visit: every visit needs at least two observations.</summary>
    VisitVariances,
    /// <summary>UN: a variance per visit, more subjects at each visit than the visits observed with it, and every pair of visits observed together.</summary>
    EveryCovariance,
}

/// <summary>
/// One row of the table of covariance structures: everything the engine, the optimum search, the selection table and
/// the name lookups know about a structure besides its matrix (which its <see cref="CovarianceStructure"/> class builds).
/// </summary>
/// <param name="Code">The name in a model specification: un, cs, ar1, ...</param>
/// <param name="SasType">SAS PROC MIXED's REPEATED TYPE= name: UN, CS, AR(1), ...</param>
/// <param name="ParameterCount">The number of covariance parameters for t visits (without GROUP= and a random intercept).</param>
/// <param name="Contains">
/// The structures this one contains directly: every covariance matrix of a contained structure is also one of this
/// structure's, so this structure's optimum can be no worse on the same data. The nesting is the transitive closure.
/// </param>
/// <param name="Identifiability">What the data must show for the parameters to be estimable.</param>
/// <param name="Spatial">True when R depends on actual times (a time-value column) rather than on visit positions only.</param>
/// <param name="RandomInterceptConflict">
/// Why a random subject intercept cannot be added (a message part; "{Covariance}" and "{RandomIntercept}" name the
/// settings, see <see cref="RweStatsInputException.About"/>), or null when it can.
/// </param>
/// <param name="WithRandomIntercept">
/// The smallest structure of the table that contains this one plus a random intercept (VC + RI is CS; AR(1) + RI is
/// a TOEP matrix; the heterogeneous ones are UN matrices), or null when none does or a random intercept conflicts.
/// </param>
/// <param name="Create">The structure over t visits.</param>
public sealed record CovarianceType(string Code, string SasType, Func<int, int> ParameterCount, IReadOnlyList<string> Contains,
    Identifiability Identifiability, bool Spatial, string? RandomInterceptConflict, string? WithRandomIntercept,
    Func<int, CovarianceStructure> Create);

/// <summary>
/// The covariance structures RweStats fits: a closed set, one row each (SAS/STAT User's Guide, The MIXED Procedure,
/// REPEATED statement, TYPE= option; mmrm's COV_TYPES plays the same part). Nesting: VC ⊂ CS ⊂ CSH, VC ⊂ AR(1) ⊂ ARH(1)
/// ⊂ ANTE(1), CS, AR(1) ⊂ TOEP ⊂ TOEPH, CSH, ARH(1) ⊂ TOEPH, and every structure over visit positions ⊂ UN.
/// </summary>
public static class CovarianceTypes
{
    static int Triangle(int t) => t * (t + 1) / 2;

    /// <summary>Every structure, in the order messages list them.</summary>
    public static IReadOnlyList<CovarianceType> All { get; } = new CovarianceType[]
    {
        new("vc", "VC", _ => 1, [], Identifiability.Shared, false, null, "cs", t => new VarianceComponents(t)),
        new("un", "UN", Triangle, ["toeph", "ante1"], Identifiability.EveryCovariance, false,
            "UN already contains every covariance between visits, so a random intercept variance cannot be separated from it",
            null, t => new Unstructured(t)),
        new("cs", "CS", _ => 2, ["vc"], Identifiability.Shared, false,
            "CS is the random-intercept model (its CS parameter is the subject variance); use {Covariance} cs alone, or {RandomIntercept} with vc",
            null, t => new CompoundSymmetry(t)),
        new("csh", "CSH", t => t + 1, ["cs"], Identifiability.VisitVariances, false,
            "CSH already has a common correlation between all visits, which a random intercept would duplicate; use csh alone, or arh1/ante1 with {RandomIntercept}",
            null, t => new HeterogeneousCompoundSymmetry(t)),
        new("ar1", "AR(1)", _ => 2, ["vc"], Identifiability.Shared, false, null, "toep", t => new FirstOrderAutoregressive(t)),
        new("arh1", "ARH(1)", t => t + 1, ["ar1"], Identifiability.VisitVariances, false, null, "un", t => new HeterogeneousFirstOrderAutoregressive(t)),
        new("toep", "TOEP", t => t, ["cs", "ar1"], Identifiability.Shared, false,
            "TOEP's lag covariances already absorb a random intercept variance; use toep alone, or ar1 with {RandomIntercept}",
            null, t => new Toeplitz(t)),
        new("toeph", "TOEPH", t => 2 * t - 1, ["toep", "csh", "arh1"], Identifiability.VisitVariances, false,
            "TOEPH's lag correlations already absorb a random intercept; use toeph alone, or arh1/ante1 with {RandomIntercept}",
            null, t => new HeterogeneousToeplitz(t)),
        new("ante1", "ANTE(1)", t => 2 * t - 1, ["arh1"], Identifiability.VisitVariances, false, null, "un", t => new FirstOrderAntedependence(t)),
        new("sp-exp", "SP(EXP)", _ => 2, [], Identifiability.Shared, true, null, null, t => new SpatialExponential(t)),
        new("sp-pow", "SP(POW)", _ => 2, [], Identifiability.Shared, true, null, null, t => new SpatialPower(t)),
    };

    static readonly Dictionary<string, CovarianceType> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The codes, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Codes { get; } = All.Select(c => c.Code).ToList();

    /// <summary>The row of a code (any case), or null when there is none.</summary>
    public static CovarianceType? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The row of a code (any case).</summary>
    public static CovarianceType Of(string code) => Find(code) ??
        throw RweStatsInputException.About(ModelSetting.Covariance, $"{{Covariance}} '{code}' is not a structure; use one of: {string.Join(", ", Codes)}");

    /// <summary>True when every matrix of <paramref name="inner"/> is one of <paramref name="outer"/> (the closure of <see cref="CovarianceType.Contains"/>; reflexive).</summary>
    public static bool IsNested(string inner, string outer) =>
        string.Equals(inner, outer, StringComparison.OrdinalIgnoreCase) || Of(outer).Contains.Any(c => IsNested(inner, c));
}
