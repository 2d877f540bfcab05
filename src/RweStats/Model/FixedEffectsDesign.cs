namespace RweStats.Model;

/// <summary>One column of the less-than-full-rank (SAS "GLM") design: its term and, per class variable, its level.</summary>
public sealed record DesignColumn(Term Term, int TermIndex, IReadOnlyDictionary<string, string> Levels, string Name, bool Aliased);

/// <summary>
/// The fixed-effects design X, built the way SAS PROC MIXED builds it: every term gets one column per
/// combination of its class levels (an indicator, times any covariates of the term), with each class
/// variable's reference level ordered last. Columns that are linear combinations of earlier ones are
/// found by a sequential sweep of X'X and aliased (estimate 0, SAS prints them as 0 with "." for the SE):
/// with the reference level last this reproduces treatment coding, and it handles empty cells and
/// collinear covariates without failing (SAS/STAT User's Guide, "Parameterization of PROC MIXED Models").
/// Estimable functions L'β are checked against the aliasing relations before any LS mean or contrast.
/// </summary>
public sealed class FixedEffectsDesign
{
    public IReadOnlyList<Term> Terms { get; }
    public IReadOnlyList<DesignColumn> Columns { get; }
    /// <summary>Indices of the non-aliased columns: the parameters actually estimated.</summary>
    public int[] Estimated { get; }
    /// <summary>X restricted to the non-aliased columns (n × rank).</summary>
    public double[,] X { get; }
    public int Rank => Estimated.Length;
    /// <summary>Means of the covariates over the rows used: where SAS evaluates LS means.</summary>
    public IReadOnlyDictionary<string, double> CovariateMeans { get; }

    readonly ModelFrame frame;
    // For aliased column j: x_j = Σ_k relation[j][k] x_Estimated[k]; a function l'β is estimable iff
    // l_j = Σ_k relation[j][k] l_Estimated[k] for every aliased j (l orthogonal to the null space of X).
    readonly Dictionary<int, double[]> aliasRelation = new();

    public FixedEffectsDesign(ModelFrame frame)
    {
        this.frame = frame;
        Terms = frame.Formula.TermsWithIntercept;
        var specs = new List<(Term term, int termIndex, Dictionary<string, string> levels)>();
        for (int t = 0; t < Terms.Count; t++)
        {
            var combos = new List<Dictionary<string, string>> { new() };
            foreach (var v in Terms[t].Variables)
            {
                if (!frame.ClassVariables.TryGetValue(v, out var cv)) continue;
                combos = combos.SelectMany(c => cv.CodingOrder.Select(l => new Dictionary<string, string>(c) { [v] = l })).ToList();
            }
            foreach (var c in combos) specs.Add((Terms[t], t, c));
        }

        int n = frame.ObservationsUsed, p = specs.Count;
        if (p > 10_000 || (long)n * p > 400_000_000)
            throw new RweStatsInputException(
                $"formula \"{frame.Formula.Text}\": the fixed-effects design would have {p} columns for {n} observations; drop high-order interactions of many-level class variables");
        // A row has one non-zero column per term: the column of its class levels' combination (first variable slowest,
        // levels in coding order), valued by the product of the term's covariates. Computed term by term.
        var termLayouts = new List<(int offset, (int[] codes, int[] codingPosition, int stride)[] classes, double[][] covariates)>();
        int columnOffset = 0;
        for (int t = 0; t < Terms.Count; t++)
        {
            var classVars = Terms[t].Variables.Where(frame.ClassVariables.ContainsKey).Select(v => frame.ClassVariables[v]).ToList();
            var strides = new int[classVars.Count];
            int size = 1;
            for (int k = classVars.Count - 1; k >= 0; k--) { strides[k] = size; size *= classVars[k].Levels.Count; }
            var classes = classVars.Select((cv, k) =>
            {
                var coding = cv.CodingOrder;
                var position = cv.Levels.Select(l => coding.ToList().IndexOf(l)).ToArray();
                return (frame.ClassCodes[cv.Name], position, strides[k]);
            }).ToArray();
            var covs = Terms[t].Variables.Where(v => !frame.ClassVariables.ContainsKey(v)).Select(v => frame.Covariates[v]).ToArray();
            termLayouts.Add((columnOffset, classes, covs));
            columnOffset += size;
        }
        void FillRow(int i, double[] row)
        {
            Array.Clear(row);
            foreach (var (offset, classes, covs) in termLayouts)
            {
                int index = offset;
                foreach (var (codes, position, stride) in classes) index += position[codes[i]] * stride;
                double v = 1;
                foreach (var c in covs) v *= c[i];
                row[index] = v;
            }
        }
        var xtx = new double[p, p];
        var buffer = new double[p];
        var nonZero = new int[p];
        for (int i = 0; i < n; i++)
        {
            FillRow(i, buffer);
            int count = 0;
            for (int j = 0; j < p; j++) if (buffer[j] != 0) nonZero[count++] = j;
            for (int ia = 0; ia < count; ia++)
            {
                int a = nonZero[ia];
                double xa = buffer[a];
                for (int ib = ia; ib < count; ib++) xtx[a, nonZero[ib]] += xa * buffer[nonZero[ib]];
            }
        }
        for (int a = 0; a < p; a++)
            for (int b = 0; b < a; b++) xtx[a, b] = xtx[b, a];
        var aliased = SweepAliasing(xtx, out var estimated, out var factor);
        for (int j = 0; j < p; j++)
            if (!double.IsFinite(xtx[j, j]))
                throw new RweStatsInputException(
                    $"formula \"{frame.Formula.Text}\": column {ColumnName(specs[j].term, specs[j].levels)} has values so large that their squares overflow (e.g. 1e308); rescale the covariate");
        X = new double[n, estimated.Length];
        for (int i = 0; i < n; i++)
        {
            FillRow(i, buffer);
            for (int k = 0; k < estimated.Length; k++) X[i, k] = buffer[estimated[k]];
        }
        Estimated = estimated;
        foreach (var j in Enumerable.Range(0, p).Where(j => aliased[j]))
            aliasRelation[j] = Regress(factor, xtx, estimated, j);

        Columns = specs.Select((s, j) => new DesignColumn(s.term, s.termIndex, s.levels, ColumnName(s.term, s.levels), aliased[j])).ToList();
        CovariateMeans = frame.Covariates.ToDictionary(kv => kv.Key, kv => kv.Value.Average());
    }

    public int ColumnCount => Columns.Count;

    static string ColumnName(Term term, IReadOnlyDictionary<string, string> levels) =>
        term.IsIntercept ? "Intercept" : string.Join(":", term.Variables.Select(v => levels.TryGetValue(v, out var l) ? $"{v}[{l}]" : v));

    /// <summary>
    /// Sequential Cholesky sweep of X'X in column order (SAS's G2 sweep): a column whose residual sum of
    /// squares after the earlier non-aliased columns is below 1e-9 of its own is aliased.
    /// </summary>
    static bool[] SweepAliasing(double[,] xtx, out int[] estimated, out double[,] factor)
    {
        int p = xtx.GetLength(0);
        var aliased = new bool[p];
        var kept = new List<int>();
        var l = new double[p, p]; // Cholesky factor rows for kept columns
        for (int j = 0; j < p; j++)
        {
            // Solve L r = X'x_j over kept columns, residual = x_j'x_j - r'r.
            var r = new double[kept.Count];
            for (int a = 0; a < kept.Count; a++)
            {
                double s = xtx[kept[a], j];
                for (int b = 0; b < a; b++) s -= l[a, b] * r[b];
                r[a] = s / l[a, a];
            }
            double d = xtx[j, j] - r.Sum(v => v * v);
            if (xtx[j, j] == 0 || d <= 1e-9 * xtx[j, j]) { aliased[j] = true; continue; }
            int k = kept.Count;
            for (int b = 0; b < k; b++) l[k, b] = r[b];
            l[k, k] = Math.Sqrt(d);
            kept.Add(j);
        }
        estimated = kept.ToArray();
        factor = l;
        return aliased;
    }

    /// <summary>
    /// x_j = X_basis a: solves (X_basisᵀX_basis) a = X_basisᵀ x_j with the sweep's own Cholesky factor L
    /// (L Lᵀ = X_basisᵀX_basis), so the relation is exactly the one the sweep used to alias column j.
    /// </summary>
    static double[] Regress(double[,] l, double[,] xtx, int[] basis, int j)
    {
        int k = basis.Length;
        var r = new double[k];
        for (int a = 0; a < k; a++)
        {
            double s = xtx[basis[a], j];
            for (int b = 0; b < a; b++) s -= l[a, b] * r[b];
            r[a] = s / l[a, a];
        }
        var coef = new double[k];
        for (int a = k - 1; a >= 0; a--)
        {
            double s = r[a];
            for (int b = a + 1; b < k; b++) s -= l[b, a] * coef[b];
            coef[a] = s / l[a, a];
        }
        return coef;
    }

    /// <summary>
    /// A row L in the full (all columns) parameter space: each term's columns get the product over the term's
    /// variables of the class weight of the column's level and the covariate value. Terms for which
    /// <paramref name="includeTerm"/> is false get zeros.
    /// </summary>
    public double[] Row(Func<ClassVariable, string, double> classWeight, Func<string, double> covariateValue, Func<Term, bool>? includeTerm = null)
    {
        var row = new double[Columns.Count];
        for (int j = 0; j < Columns.Count; j++)
        {
            var c = Columns[j];
            if (includeTerm is not null && !includeTerm(c.Term)) continue;
            double v = 1;
            foreach (var name in c.Term.Variables)
                v *= frame.ClassVariables.TryGetValue(name, out var cv) ? classWeight(cv, c.Levels[name]) : covariateValue(name);
            row[j] = v;
        }
        return row;
    }

    /// <summary>True when L'β is estimable (L orthogonal to the null space of X), to a relative tolerance.</summary>
    public bool IsEstimable(double[] l)
    {
        double scale = l.Sum(Math.Abs) + 1e-300;
        foreach (var (j, rel) in aliasRelation)
        {
            double implied = 0;
            for (int k = 0; k < Estimated.Length; k++) implied += rel[k] * l[Estimated[k]];
            if (Math.Abs(implied - l[j]) > 1e-8 * scale) return false;
        }
        return true;
    }

    /// <summary>L restricted to the estimated parameters (aliased parameters are 0).</summary>
    public double[] Reduce(double[] l) => Estimated.Select(j => l[j]).ToArray();

    public ModelFrame Frame => frame;
}
