using MathNet.Numerics.LinearAlgebra;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>
/// The degrees-of-freedom methods that depend on the design only (no covariance parameters):
/// <list type="bullet">
/// <item><b>residual</b>: n − rank(X) for every effect (SAS DDFM=RESIDUAL).</item>
/// <item><b>containment</b>: SAS DDFM=CONTAIN. No random effect contains a fixed effect here (the only random
/// effect is the subject intercept), so every effect gets n − rank([X Z]): n − rank(X) without a random
/// intercept, n − s − p_within with one (the rank of [X Z] is s plus the within-subject columns).</item>
/// <item><b>between-within</b>: Schluchter &amp; Elashoff (1990), as nlme::lme and mmrm compute it. Terms constant
/// within every subject get s − (1 + p_between) (the 1 only with an intercept), the others n − s − p_within;
/// the intercept gets the within-subject df. Differs from SAS DDFM=BW, which gives every effect the
/// between-subject df with TYPE=UN and partitions the within df by subject-by-effect interactions.</item>
/// </list>
/// </summary>
public sealed class DenominatorDf : IDenominatorDf
{
    readonly double[] dfByTerm;
    readonly FixedEffectsDesign design;

    /// <summary>The df of <paramref name="method"/> (residual, containment or between-within) for each term of the design.</summary>
    public DenominatorDf(FixedEffectsDesign design, DfMethod method, bool randomIntercept)
    {
        if (method is not (DfMethod.Residual or DfMethod.Containment or DfMethod.BetweenWithin))
            throw new ArgumentException($"{DfMethodNames.Name(method)} df depend on the covariance parameters, not on the design only", nameof(method));
        this.design = design;
        var frame = design.Frame;
        int n = frame.ObservationsUsed, s = frame.SubjectCount, terms = design.Terms.Count;
        var within = new bool[terms];
        int pBetween = 0, pWithin = 0;
        for (int t = 0; t < terms; t++)
        {
            if (design.Terms[t].IsIntercept) continue;
            within[t] = VariesWithinSubject(design, t);
            int cols = design.Estimated.Count(j => design.Columns[j].TermIndex == t);
            if (within[t]) pWithin += cols; else pBetween += cols;
        }
        bool intercept = design.Terms.Count > 0 && design.Terms[0].IsIntercept;
        double dfWithin = n - s - pWithin, dfBetween = s - ((intercept ? 1 : 0) + pBetween);
        dfByTerm = new double[terms];
        for (int t = 0; t < terms; t++)
            dfByTerm[t] = method switch
            {
                DfMethod.Residual => n - design.Rank,
                DfMethod.Containment => randomIntercept ? dfWithin : n - design.Rank,
                DfMethod.BetweenWithin => design.Terms[t].IsIntercept || within[t] ? dfWithin : dfBetween,
                _ => double.NaN,
            };
        WithinSubjectTerms = within;
    }

    /// <summary>Per term, true when it varies within some subject (between-within counts it in the within-subject df).</summary>
    public bool[] WithinSubjectTerms { get; }

    /// <summary>The df of a term (index into design.Terms).</summary>
    public double ForTerm(int term) => dfByTerm[term];

    /// <summary>A contrast involving several terms gets the smallest df among them (mmrm's rule for between-within).</summary>
    public double ForColumns(IEnumerable<int> columns, FixedEffectsDesign design)
    {
        var terms = columns.Select(j => design.Columns[j].TermIndex).Distinct().ToList();
        return terms.Count == 0 ? dfByTerm.Min() : terms.Min(t => dfByTerm[t]);
    }

    /// <inheritdoc/>
    public double Df1(Vector<double> l, IReadOnlyCollection<int> fullColumns) => ForColumns(fullColumns, design);

    /// <inheritdoc/>
    public double DfMd(Matrix<double> l, IReadOnlyCollection<int> fullColumns) => ForColumns(fullColumns, design);

    static bool VariesWithinSubject(FixedEffectsDesign design, int term)
    {
        var frame = design.Frame;
        // A summarised frame (pattern sums from a database) has no rows; only residual and containment df, which
        // do not use this, are offered for it (PatternSums.RowsNeeded refuses between-within).
        if (frame.Summary is not null) return false;
        var cols = Enumerable.Range(0, design.ColumnCount).Where(j => design.Columns[j].TermIndex == term && !design.Columns[j].Aliased)
            .Select(j => Array.IndexOf(design.Estimated, j)).ToArray();
        var first = new double[design.Rank];
        var row = new double[design.Rank];
        for (int s = 0; s < frame.SubjectCount; s++)
        {
            int from = frame.SubjectStart[s], to = frame.SubjectStart[s + 1];
            design.FillRow(from, first);
            for (int i = from + 1; i < to; i++)
            {
                design.FillRow(i, row);
                foreach (var c in cols)
                    if (row[c] != first[c]) return true;
            }
        }
        return false;
    }
}
