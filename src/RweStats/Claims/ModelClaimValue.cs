using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Claims;

/// <summary>
/// The value a fitted model gives for a model claim under a df method: a visit-versus-baseline contrast (Contrast),
/// an LS mean, a difference of LS means (either order: the reverse difference is negated), a Type 3 test or a row of
/// the fixed-effect solution. Levels match by their values in any order ("VIS4 TRT" = "TRT VIS4"); effects by their
/// factors in any order ("ARMCD*AVISIT" = "AVISIT*ARMCD"). Null when the model has no such quantity.
/// </summary>
public static class ModelClaimValue
{
    /// <param name="weights">The LS-means weighting; null: the model's own.</param>
    public static double? Of(Claim claim, MixedModel model, DfMethod df, LsMeansWeights? weights = null) =>
        Of(claim, new Tables(model, df, weights));

    /// <summary>
    /// The values of several claims under one df method and LS-means weighting, by claim id (a claim the model has no
    /// quantity for is left out): each table the claims read (visit contrasts, Type 3 tests, an effect's LS means, the
    /// solution) is computed once for all of them.
    /// </summary>
    public static Dictionary<string, double> Of(IEnumerable<Claim> claims, MixedModel model, DfMethod df, LsMeansWeights? weights = null)
    {
        var tables = new Tables(model, df, weights);
        var values = new Dictionary<string, double>();
        foreach (var claim in claims)
            if (Of(claim, tables) is { } v) values[claim.Id] = v;
        return values;
    }

    /// <summary>The tables of one model under one df method and weighting, each computed when first read.</summary>
    sealed class Tables(MixedModel model, DfMethod df, LsMeansWeights? weights)
    {
        IReadOnlyList<VisitContrast>? visitContrasts;
        IReadOnlyList<Type3Test>? type3;
        IReadOnlyList<FixedEffectEstimate>? solution;
        readonly Dictionary<string, (IReadOnlyList<LsMean> means, IReadOnlyList<LsMeanDifference> differences)> lsMeans = new(StringComparer.Ordinal);

        public IReadOnlyList<VisitContrast> VisitContrasts => visitContrasts ??= model.VisitContrasts(df, weights: weights);
        public IReadOnlyList<Type3Test> Type3Tests => type3 ??= model.Type3Tests(df);
        public IReadOnlyList<FixedEffectEstimate> Solution => solution ??= model.Solution(df);
        public (IReadOnlyList<LsMean> means, IReadOnlyList<LsMeanDifference> differences) LsMeans(string effect) =>
            lsMeans.TryGetValue(effect, out var t) ? t : lsMeans[effect] = model.LsMeans(effect, df, weights: weights);
    }

    static double? Of(Claim claim, Tables tables)
    {
        switch (claim.Kind)
        {
            case null:
                var v = tables.VisitContrasts.FirstOrDefault(c => ClaimCheck.SameContrast(c.Label, claim.Contrast!))?.Result;
                return v is null ? null : Pick(claim.Statistic, v, 1);
            case "type3":
                var t = tables.Type3Tests.FirstOrDefault(x => SameEffect(x.Effect, claim.Effect!));
                return t is null ? null : claim.Statistic switch
                {
                    "f_value" => t.FValue, "p_value" => t.PValue, "df" => t.DenDf, "num_df" => t.NumDf, _ => null,
                };
            case "lsmean":
                var m = tables.LsMeans(claim.Effect!).means.FirstOrDefault(x => SameLevels(x.Levels.Values, claim.Levels!))?.Result;
                return m is null ? null : Pick(claim.Statistic, m, 1);
            case "lsmean_difference":
                var sides = claim.Levels!.Split(" - ", 2, StringSplitOptions.TrimEntries);
                if (sides.Length != 2) return null;
                foreach (var d in tables.LsMeans(claim.Effect!).differences)
                {
                    if (SameLevels(d.Levels.Values, sides[0]) && SameLevels(d.OtherLevels.Values, sides[1])) return Pick(claim.Statistic, d.Result, 1);
                    if (SameLevels(d.Levels.Values, sides[1]) && SameLevels(d.OtherLevels.Values, sides[0])) return Pick(claim.Statistic, d.Result, -1);
                }
                return null;
            default: // fixed_effect
                var f = tables.Solution.FirstOrDefault(x => SameEffect(x.Effect, claim.Effect!) && SameLevels(x.Levels.Values, claim.Levels!));
                return f?.Result is null ? null : Pick(claim.Statistic, f.Result, 1);
        }
    }

    /// <summary>One statistic of an estimate; sign −1 for the reverse difference (estimate, t and the interval's ends swap sign and places).</summary>
    static double? Pick(string statistic, EstimateResult r, int sign) => statistic switch
    {
        "estimate" => sign * r.Estimate, "std_error" => r.StdError, "df" => r.Df, "t_value" => sign * r.TValue, "p_value" => r.PValue,
        "lower" => sign > 0 ? r.Lower : -r.Upper, "upper" => sign > 0 ? r.Upper : -r.Lower, _ => null,
    };

    static bool SameEffect(string a, string b) =>
        a.Split('*').Select(x => x.Trim()).Order(StringComparer.Ordinal).SequenceEqual(b.Split('*').Select(x => x.Trim()).Order(StringComparer.Ordinal));

    static bool SameLevels(IEnumerable<string> levels, string claimed) =>
        levels.Order(StringComparer.Ordinal).SequenceEqual(claimed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
