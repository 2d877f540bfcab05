using System.Globalization;
using RweStats.Model;

namespace RweStats.Data;

/// <summary>Totals over a source's rows that a frame without rows needs (outcome moments, covariate means, counts).</summary>
/// <param name="RowsRead">Every row of the source, whatever is missing.</param>
/// <param name="Used">Rows with the outcome and every required column present.</param>
/// <param name="CovariateSums">Σ over the rows used of each covariate, by name.</param>
public sealed record RowTotals(long RowsRead, long Used, double SumY, double SumY2, double MinY, double MaxY, IReadOnlyDictionary<string, double> CovariateSums)
{
    /// <summary>Each covariate's values among the rows used as the code check needs them (<see cref="CodeLikeCovariates"/>); null when not gathered.</summary>
    public IReadOnlyDictionary<string, CodeLikeValues>? CovariateValues { get; init; }
}

/// <summary>The class variables, visit order, baseline and group of a frame built from levels found in a source.</summary>
public sealed record FrameLevels(
    IReadOnlyDictionary<string, ClassVariable> Classes, ClassVariable Time, VisitOrdering Ordering, IReadOnlyList<string> Notes,
    string Baseline, ClassVariable? Group);

/// <summary>
/// The <see cref="ModelFrame"/> of pattern sums (levels, counts and means, no rows), built by the same rules as the
/// in-memory frame (<see cref="ModelFrame.Build"/>, <see cref="VisitOrder"/>) from what a scan of the source found:
/// shared by the database push-down and the streamed file so that both refuse and order alike.
/// </summary>
public static class SummaryFrame
{
    /// <summary>Refuses a source with no usable row or a constant outcome (one line, as the in-memory frame does).</summary>
    public static void CheckTotals(string label, ModelColumns roles, RowTotals totals)
    {
        if (totals.Used == 0)
            throw new RweStatsInputException($"{label}: no row has '{roles.Formula.Response}' and every model variable present; nothing to fit");
        if (totals.MinY == totals.MaxY)
            throw new RweStatsInputException($"{label}: outcome '{roles.Formula.Response}' is constant ({totals.MinY.ToString(CultureInfo.InvariantCulture)}) in every row used; there is no variation to model");
    }

    /// <summary>The levels of each class variable among the rows used (<paramref name="found"/>, any order), ordered.</summary>
    /// <param name="maxVisits">The most visits the caller's visit pattern holds (a 64-bit mask: 62).</param>
    public static FrameLevels Levels(string label, MixedModelSpec spec, ModelColumns roles, IReadOnlyDictionary<string, IReadOnlyList<string>> found, int maxVisits = 62)
    {
        var classVars = new Dictionary<string, ClassVariable>();
        VisitOrdering? visitOrdering = null;
        var notes = new List<string>();
        foreach (var name in roles.ModelClasses)
        {
            var present = found[name];
            IReadOnlyList<string> levels;
            if (name == spec.Time)
            {
                if (spec.TimeOrder is { } order)
                {
                    VisitOrder.RefuseRepeatedVisit(order);
                    var unknown = present.FirstOrDefault(l => !order.Contains(l));
                    if (unknown is not null)
                        throw RweStatsInputException.Naming($"{label}: visit '{unknown}' of column '{spec.Time}' is not in {{TimeOrder}} {string.Join(",", order)}; add it to the order or correct the value");
                }
                else if (spec.TimeValue is not null)
                    throw RweStatsInputException.Naming($"{label}: ordering the visits by {{TimeValue}} '{spec.TimeValue}' needs the rows; give {{TimeOrder}}, or read the rows (a file without {{PushDown}}, a database with {{PullRows}})");
                // The rule of the in-memory path (Model/VisitOrder.cs): as given, otherwise the natural order of the labels.
                visitOrdering = VisitOrder.Choose(present, spec.TimeOrder, null, null);
                if (VisitOrder.NaturalOrderCaveat(visitOrdering, spec.Time) is { } caveat) notes.Add(caveat);
                levels = visitOrdering.Levels;
            }
            else levels = ModelFrame.SortLevels(present);
            classVars[name] = ModelFrame.ClassVariableOf(label, spec, name, levels);
        }
        var time = classVars[spec.Time];
        if (time.Levels.Count < 2)
            throw new RweStatsInputException($"{label}: '{spec.Time}' has a single visit ('{time.Levels[0]}') among the rows used; a longitudinal model needs at least two visits");
        if (time.Levels.Count > maxVisits)
            throw new RweStatsInputException($"{label}: '{spec.Time}' has {time.Levels.Count} visits; the push-down forms the visit pattern as a 64-bit mask (at most {maxVisits} visits)");
        string baseline = VisitOrder.Baseline(spec.Baseline, time.Levels, spec.Time);
        ClassVariable? group = null;
        if (spec.Group is not null)
        {
            var levels = ModelFrame.SortLevels(found[spec.Group]);
            group = new ClassVariable(spec.Group, levels, levels[0]);
        }
        return new FrameLevels(classVars, time, visitOrdering!, notes, baseline, group);
    }

    /// <summary>The frame: levels, counts and means; no rows (<see cref="ModelFrame.Summary"/> set).</summary>
    public static ModelFrame Frame(string label, ModelColumns roles, FrameLevels levels, RowTotals totals, long subjectsRead, long subjects)
    {
        if (subjects < 2)
            throw new RweStatsInputException($"{label}: only one subject has usable data; a mixed model needs several subjects");
        double used = totals.Used, mean = totals.SumY / used;
        var covariateMeans = roles.Covariates.ToDictionary(c => c, c => totals.CovariateSums.TryGetValue(c, out var s) ? s / used : 0);
        var classVars = levels.Classes.ToDictionary(x => x.Key, x => x.Value);
        // The in-memory frame's notes, in its order: the visit order's, then the code-like covariates'.
        var notes = levels.Notes.ToList();
        foreach (var name in roles.Covariates)
            if (totals.CovariateValues?.GetValueOrDefault(name) is { } values && CodeLikeCovariates.Note(name, values, checked((int)subjects)) is { } note)
                notes.Add(note);
        return new ModelFrame
        {
            Source = label, Formula = roles.Formula, ObservationsRead = checked((int)totals.RowsRead), Rows = Array.Empty<int>(), Response = Array.Empty<double>(),
            ClassVariables = classVars, ClassCodes = classVars.Keys.ToDictionary(k => k, _ => Array.Empty<int>()),
            Covariates = roles.Covariates.ToDictionary(k => k, _ => Array.Empty<double>()), Time = levels.Time, Baseline = levels.Baseline,
            SubjectLabels = Array.Empty<string>(), SubjectStart = new[] { 0 }, VisitPosition = Array.Empty<int>(), Group = levels.Group,
            SubjectGroup = Array.Empty<int>(), SubjectsRead = checked((int)subjectsRead), VisitOrdering = levels.Ordering, Notes = notes,
            Summary = new FrameSummary(checked((int)totals.Used), checked((int)subjects), mean,
                Math.Max(0, (totals.SumY2 - used * mean * mean) / Math.Max(1, used - 1)), covariateMeans),
        };
    }
}
