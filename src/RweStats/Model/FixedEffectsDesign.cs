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
    /// <summary>The formula's terms with the intercept first, in SAS's order.</summary>
    public IReadOnlyList<Term> Terms { get; }
    /// <summary>Every column of X (aliased ones included), term by term.</summary>
    public IReadOnlyList<DesignColumn> Columns { get; }
    /// <summary>Indices of the non-aliased columns: the parameters actually estimated.</summary>
    public int[] Estimated { get; }
    /// <summary>rank(X): the number of estimated columns.</summary>
    public int Rank => Estimated.Length;
    /// <summary>Means of the covariates over the rows used: where SAS evaluates LS means.</summary>
    public IReadOnlyDictionary<string, double> CovariateMeans { get; }

    readonly ModelFrame frame;
    readonly TermLayout[] layouts;
    readonly int[] estimatedIndex; // design column → index among Estimated, −1 when aliased
    readonly bool[] indicator;     // per estimated column: its term has no covariate

    /// <summary>How a term's column is found from a row: its first column, and per class variable the row's codes.</summary>
    readonly record struct TermLayout(int Offset, ClassCoding[] Classes, double[][] Covariates);
    /// <summary>Level index of each row, its position in coding order, and the variable's stride within the term.</summary>
    readonly record struct ClassCoding(int[] Codes, int[] CodingPosition, int Stride);
    // For aliased column j: x_j = Σ_k relation[j][k] x_Estimated[k]; a function l'β is estimable iff
    // l_j = Σ_k relation[j][k] l_Estimated[k] for every aliased j (l orthogonal to the null space of X).
    readonly Dictionary<int, double[]> aliasRelation = new();

    /// <summary>The design of a model frame.</summary>
    public FixedEffectsDesign(ModelFrame frame) : this(frame, null) { }

    /// <summary>
    /// The design of a frame whose rows are elsewhere: X'X over all design columns (in <see cref="ColumnLayout"/>'s
    /// order) comes from sums computed where the data live (<see cref="Estimation.PatternSums"/>), and the aliasing
    /// sweep runs on it exactly as on the X'X of the rows. Such a design has no rows (<see cref="RowEntries"/> is not
    /// available).
    /// </summary>
    internal FixedEffectsDesign(ModelFrame frame, double[,]? fullCrossProducts)
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
        if (p > 10_000 || (fullCrossProducts is null && (long)n * p > 400_000_000))
            throw new RweStatsInputException(
                $"formula \"{frame.Formula.Text}\": the fixed-effects design would have {p} columns for {n} observations; drop high-order interactions of many-level class variables");
        // A row has one non-zero column per term: the column of its class levels' combination (first variable slowest,
        // levels in coding order), valued by the product of the term's covariates. X is never stored: a row is
        // computed from the frame's codes when needed (8 bytes × n × p saved; 1.3 GB at 10⁶ subjects × 10 visits).
        this.layouts = ColumnLayout(frame).Select(term => new TermLayout(term.Offset,
            term.Classes.Select(c => new ClassCoding(frame.ClassCodes[c.Variable], c.CodingPosition, c.Stride)).ToArray(),
            term.Covariates.Select(v => frame.Covariates[v]).ToArray())).ToArray();
        var xtx = fullCrossProducts is null ? new double[p, p] : (double[,])fullCrossProducts.Clone();
        Span<int> columns = stackalloc int[layouts.Length];
        Span<double> values = stackalloc double[layouts.Length];
        for (int i = 0; i < n && fullCrossProducts is null; i++)
        {
            int count = FullRowEntries(i, columns, values);
            for (int ia = 0; ia < count; ia++)
            {
                int a = columns[ia];
                double xa = values[ia];
                for (int ib = ia; ib < count; ib++) xtx[a, columns[ib]] += xa * values[ib]; // columns ascend with the term
            }
        }
        for (int a = 0; a < p; a++)
            for (int b = 0; b < a; b++) xtx[a, b] = xtx[b, a];
        var aliased = SweepAliasing(xtx, out var estimated, out var factor);
        for (int j = 0; j < p; j++)
            if (!double.IsFinite(xtx[j, j]))
                throw new RweStatsInputException(
                    $"formula \"{frame.Formula.Text}\": column {ColumnName(specs[j].term, specs[j].levels)} has values so large that their squares overflow (e.g. 1e308); rescale the covariate");
        estimatedIndex = new int[p];
        Array.Fill(estimatedIndex, -1);
        for (int k = 0; k < estimated.Length; k++) estimatedIndex[estimated[k]] = k;
        indicator = estimated.Select(j => layouts[specs[j].termIndex].Covariates.Length == 0).ToArray();
        Estimated = estimated;
        foreach (var j in Enumerable.Range(0, p).Where(j => aliased[j]))
            aliasRelation[j] = Regress(factor, xtx, estimated, j);

        Columns = specs.Select((s, j) => new DesignColumn(s.term, s.termIndex, s.levels, ColumnName(s.term, s.levels), aliased[j])).ToList();
        CovariateMeans = frame.Summary?.CovariateMeans ?? frame.Covariates.ToDictionary(kv => kv.Key, kv => kv.Value.Average());
    }

    /// <summary>One term's columns: the first, per class variable its stride and each level's position in coding order, and its covariates.</summary>
    internal sealed record TermColumns(int Offset, int Size, IReadOnlyList<(string Variable, int[] CodingPosition, int Stride)> Classes, IReadOnlyList<string> Covariates);

    /// <summary>
    /// Where each term's columns are, from the levels alone: a row's column for term t is Offset + Σ CodingPosition[level] ×
    /// Stride over the term's class variables (first variable slowest, levels in coding order), valued by the product of
    /// the term's covariates.
    /// </summary>
    internal static IReadOnlyList<TermColumns> ColumnLayout(ModelFrame frame)
    {
        var result = new List<TermColumns>();
        int columnOffset = 0;
        foreach (var term in frame.Formula.TermsWithIntercept)
        {
            var classVars = term.Variables.Where(frame.ClassVariables.ContainsKey).Select(v => frame.ClassVariables[v]).ToList();
            var strides = new int[classVars.Count];
            int size = 1;
            for (int k = classVars.Count - 1; k >= 0; k--) { strides[k] = size; size *= classVars[k].Levels.Count; }
            var classes = classVars.Select((cv, k) =>
            {
                var coding = cv.CodingOrder;
                return (cv.Name, cv.Levels.Select(l => coding.ToList().IndexOf(l)).ToArray(), strides[k]);
            }).ToList();
            var covs = term.Variables.Where(v => !frame.ClassVariables.ContainsKey(v)).ToList();
            result.Add(new TermColumns(columnOffset, size, classes, covs));
            columnOffset += size;
        }
        return result;
    }

    /// <summary>Number of columns of X.</summary>
    public int ColumnCount => Columns.Count;

    /// <summary>Whether estimated column k is an indicator (its term has no covariate): its non-zeros are all 1.</summary>
    public bool IsIndicator(int k) => indicator[k];

    /// <summary>The most non-zero entries a row of X can have: one per term.</summary>
    public int MaxRowEntries => layouts.Length;

    /// <summary>
    /// The non-zero entries of row i of X restricted to the estimated columns (column index among
    /// <see cref="Estimated"/>, value), at most <see cref="MaxRowEntries"/>; returns how many were written.
    /// </summary>
    public int RowEntries(int i, Span<int> columns, Span<double> values)
    {
        int count = FullRowEntries(i, columns, values), kept = 0;
        for (int e = 0; e < count; e++)
        {
            int k = estimatedIndex[columns[e]];
            if (k < 0 || values[e] == 0) continue;
            columns[kept] = k;
            values[kept++] = values[e];
        }
        return kept;
    }

    /// <summary>Row i of X over the estimated columns, dense (length <see cref="Rank"/>).</summary>
    public void FillRow(int i, Span<double> row)
    {
        row.Clear();
        Span<int> columns = stackalloc int[layouts.Length];
        Span<double> values = stackalloc double[layouts.Length];
        int count = RowEntries(i, columns, values);
        for (int e = 0; e < count; e++) row[columns[e]] = values[e];
    }

    /// <summary>Row i over all design columns: per term, the column of the row's level combination and its covariate product.</summary>
    int FullRowEntries(int i, Span<int> columns, Span<double> values)
    {
        for (int t = 0; t < layouts.Length; t++)
        {
            var layout = layouts[t];
            int index = layout.Offset;
            foreach (var c in layout.Classes) index += c.CodingPosition[c.Codes[i]] * c.Stride;
            double v = 1;
            foreach (var c in layout.Covariates) v *= c[i];
            columns[t] = index;
            values[t] = v;
        }
        return layouts.Length;
    }

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
    /// <summary>A row over all columns restricted to the estimated ones.</summary>
    public double[] Reduce(double[] l) => Estimated.Select(j => l[j]).ToArray();

    /// <summary>The model frame the design was built from.</summary>
    public ModelFrame Frame => frame;
}
