using RweStats.Model;

namespace RweStats.Inference;

/// <summary>
/// Least-squares means (SAS LSMEANS; "population marginal means", Searle, Speed &amp; Milliken 1980): for each
/// combination of levels of the effect's class variables, the model prediction with every other class
/// variable averaged over its levels (equal weights, or SAS OM's observed margins: <see cref="LsMeansWeights"/>) and
/// every covariate at its mean over the rows used.
/// </summary>
public static class LsMeans
{
    /// <summary>Parses "A*B" or "A:B" into class variables of the model, or throws an error naming the effect.</summary>
    public static IReadOnlyList<ClassVariable> ParseEffect(string effect, FixedEffectsDesign design)
    {
        var names = effect.Split(new[] { '*', ':' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw RweStatsInputException.About(ModelSetting.LsMeans, $"{{LsMeans}} '{effect}': empty effect");
        var modelVariables = design.Terms.SelectMany(t => t.Variables).ToHashSet();
        var result = new List<ClassVariable>();
        foreach (var n in names)
        {
            if (!modelVariables.Contains(n) || !design.Frame.ClassVariables.TryGetValue(n, out var cv))
                throw RweStatsInputException.About(ModelSetting.LsMeans, 
                    $"{{LsMeans}} '{effect}': '{n}' is not a class variable of the model; LS means are for class effects ({string.Join(", ", design.Frame.ClassVariables.Keys.Where(modelVariables.Contains))})");
            result.Add(cv);
        }
        return result;
    }

    /// <summary>
    /// The LS-mean rows L (full column space) for every level combination, first variable varying slowest. The class
    /// variables not in the effect are averaged with equal weights, or with their levels' frequencies among the
    /// observations used (SAS OM: each averaged variable's own margin, so an interaction of two averaged variables
    /// gets the product of their margins).
    /// </summary>
    public static IReadOnlyList<(IReadOnlyDictionary<string, string> levels, double[] row)> Rows(FixedEffectsDesign design, IReadOnlyList<ClassVariable> effect,
                                                                                              LsMeansWeights weights = LsMeansWeights.Equal)
    {
        var combos = new List<Dictionary<string, string>> { new() };
        foreach (var cv in effect)
            combos = combos.SelectMany(c => cv.Levels.Select(l => new Dictionary<string, string>(c) { [cv.Name] = l })).ToList();
        var margins = new Dictionary<string, double[]>();
        double Margin(ClassVariable cv, string level)
        {
            if (weights == LsMeansWeights.Equal) return 1.0 / cv.Levels.Count;
            if (!margins.TryGetValue(cv.Name, out var shares))
            {
                if (design.Frame.Summary is not null)
                    throw new RweStatsInputException($"LS means weighted by the observed margins need the frequency of each level of '{cv.Name}', which a fit from summed data does not keep; use equal weights");
                var codes = design.Frame.ClassCodes[cv.Name];
                shares = new double[cv.Levels.Count];
                foreach (var c in codes) shares[c] += 1.0 / codes.Length;
                margins[cv.Name] = shares;
            }
            return shares[cv.IndexOf(level)];
        }
        return combos.Select(combo => ((IReadOnlyDictionary<string, string>)combo, design.Row(
            (cv, level) => combo.TryGetValue(cv.Name, out var fixedLevel) ? (level == fixedLevel ? 1.0 : 0.0) : Margin(cv, level),
            name => design.CovariateMeans[name]))).ToList();
    }

    public static string EffectName(IReadOnlyList<ClassVariable> effect) => string.Join("*", effect.Select(e => e.Name));

    public static string Describe(IReadOnlyDictionary<string, string> levels) => string.Join(" ", levels.Values);
}

/// <summary>
/// Type 3 tests (SAS "Type 3 Tests of Fixed Effects"). For an effect E with class variables S and covariates Q,
/// the hypothesis is that all contrasts among E's "cell" rows vanish, where a cell row fixes S's levels,
/// averages the other class variables with equal weights, and keeps only the terms whose covariates are
/// exactly Q (other covariates at 0). With S = {} the single cell row is tested against 0. The F value does not
/// depend on the contrasts chosen; the multi-df Satterthwaite df does (Fai &amp; Cornelius 1996 decompose L C Lᵀ),
/// so the rows are SAS's: each level minus the reference level. This is SAS's
/// Type III hypothesis when no cell is empty (equal-weight marginal means; Searle 1987, ch. 4); with empty
/// cells an effect may be untestable and is reported so.
/// </summary>
public static class Type3
{
    public static IReadOnlyList<double[]> HypothesisRows(FixedEffectsDesign design, Term effect)
    {
        var frame = design.Frame;
        var classes = effect.Variables.Where(frame.ClassVariables.ContainsKey).Select(v => frame.ClassVariables[v]).ToList();
        var covariates = effect.Variables.Where(v => !frame.ClassVariables.ContainsKey(v)).ToHashSet();
        bool SameCovariates(Term t)
        {
            var tc = t.Variables.Where(v => !frame.ClassVariables.ContainsKey(v)).ToHashSet();
            return tc.SetEquals(covariates);
        }
        var combos = new List<Dictionary<string, string>> { new() };
        foreach (var cv in classes)
            combos = combos.SelectMany(c => cv.Levels.Select(l => new Dictionary<string, string>(c) { [cv.Name] = l })).ToList();
        var cells = combos.Select(combo => design.Row(
            (cv, level) => combo.TryGetValue(cv.Name, out var f) ? (level == f ? 1.0 : 0.0) : 1.0 / cv.Levels.Count,
            _ => 1.0, SameCovariates)).ToList();
        if (classes.Count == 0) return cells;

        // Contrast matrix: Kronecker product over S of (level − reference level) differences, the rows of SAS's
        // Type 3 L (the reference level is SAS's last level).
        var contrasts = new List<double[]> { new[] { 1.0 } };
        foreach (var cv in classes)
        {
            int a = cv.Levels.Count, reference = cv.IndexOf(cv.Reference);
            var next = new List<double[]>();
            foreach (var left in contrasts)
                for (int k = 0; k < a; k++)
                {
                    if (k == reference) continue;
                    var d = new double[a];
                    d[k] = 1; d[reference] = -1;
                    next.Add(left.SelectMany(x => d.Select(y => x * y)).ToArray());
                }
            contrasts = next;
        }
        return contrasts.Select(k =>
        {
            var row = new double[design.ColumnCount];
            for (int c = 0; c < cells.Count; c++)
                if (k[c] != 0)
                    for (int j = 0; j < row.Length; j++) row[j] += k[c] * cells[c][j];
            return row;
        }).ToList();
    }
}
