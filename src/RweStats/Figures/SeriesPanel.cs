using System.Globalization;
using RweStats.Data;

namespace RweStats.Figures;

/// <summary>
/// One subject's values at the panel's visits, in order, null where missing; <paramref name="Group"/> is the subject's
/// group (e.g. the arm "PBO" or "TRT") in a panel with groups, null in a single-series panel.
/// </summary>
public sealed record SubjectValues(string Subject, IReadOnlyList<double?> Values, string? Group = null);

/// <summary>The laboratory's reference interval, drawn as a shaded band.</summary>
public sealed record NormalRange(double Low, double High);

/// <summary>An LS mean at one visit with its confidence limits; <paramref name="Group"/>: its group in a panel with groups (time × group), else null.</summary>
public sealed record VisitEstimate(string Visit, double Estimate, double Lower, double Upper, string? Group = null);

/// <summary>
/// A bracket labelled with a test's p-value, from (<paramref name="FromVisit"/>, <paramref name="Group"/>) to
/// (<paramref name="ToVisit"/>, <see cref="ToGroup"/>); a null group is the visit's centre. A visit contrast (M12 − M0),
/// a group's own with <paramref name="Group"/>, or with <paramref name="OtherGroup"/> too a comparison between groups
/// (TRT vs PBO at VIS2, <see cref="BetweenGroups"/>), drawn as a small bracket between the two boxes.
/// </summary>
public sealed record SignificanceAnnotation(string FromVisit, string ToVisit, double PValue, string? Group = null, string? OtherGroup = null)
{
    /// <summary>The group at the <see cref="ToVisit"/> end: <see cref="OtherGroup"/> when given, else <see cref="Group"/>.</summary>
    public string? ToGroup => OtherGroup ?? Group;

    /// <summary>True for a comparison of two groups (at one visit or two).</summary>
    public bool IsBetweenGroups => OtherGroup is not null && OtherGroup != Group;

    /// <summary>Group <paramref name="group"/> against <paramref name="otherGroup"/> at one visit (e.g. an LS-mean difference).</summary>
    public static SignificanceAnnotation BetweenGroups(string visit, string group, string otherGroup, double pValue) =>
        new(visit, visit, pValue, group, otherGroup);
}

/// <summary>
/// One observation in long form, as a data file's row: subject, group (null when the panel has none), visit and
/// value (NaN when missing).
/// </summary>
public sealed record PanelObservation(string Subject, string? Group, string Visit, double Value)
{
    /// <summary>
    /// The rows of a table already read (e.g. by <see cref="CsvTableReader"/>): one observation per row with a subject
    /// and a visit, the value from <paramref name="valueColumn"/> (missing cells are NaN). A row without a group, when
    /// a group column is named, is an error.
    /// </summary>
    public static IReadOnlyList<PanelObservation> FromTable(DataTable table, string subjectColumn, string? groupColumn, string timeColumn, string valueColumn)
    {
        table.Column(valueColumn, "the figure's outcome");
        var subjects = table.Column(subjectColumn, "the subject");
        var times = table.Column(timeColumn, "the time variable");
        var groups = groupColumn is null ? null : table.Column(groupColumn, "the group");
        var result = new List<PanelObservation>();
        for (int r = 0; r < table.RowCount; r++)
        {
            if (subjects[r] is not { } subject || times[r] is not { } visit) continue;
            string? group = null;
            if (groups is not null && (group = groups[r]) is null)
                throw RweStatsInputException.AtCell(table, r, groupColumn!, "no group for this row; every row of a figure with groups needs one");
            result.Add(new PanelObservation(subject, group, visit, table.ParseNumber(valueColumn, r)));
        }
        return result;
    }
}

/// <summary>
/// One outcome over the visits, as one panel of a figure: the subjects' values, and optionally the model's LS means
/// and the p-values of visit contrasts. Built from observations (<see cref="FromObservations"/>) and a fit, never by reading files.
/// </summary>
public sealed record SeriesPanel
{
    /// <summary>Outcome name as the paper prints it, e.g. "Anti-dsDNA".</summary>
    public required string Outcome { get; init; }
    /// <summary>A word for the panel title only, e.g. "SYNTHETIC": "Anti-dsDNA (SYNTHETIC)", the axis title stays "Anti-dsDNA (IU/mL)".</summary>
    public string? Note { get; init; }
    /// <summary>The panel title: the outcome, with the <see cref="Note"/> in parentheses when there is one.</summary>
    public string Heading => Note is null ? Outcome : $"{Outcome} ({Note})";
    /// <summary>Unit, e.g. "IU/mL"; "" when dimensionless.</summary>
    public string Unit { get; init; } = "";
    /// <summary>Visit labels in time order, e.g. M0, M6, M12.</summary>
    public required IReadOnlyList<string> Visits { get; init; }
    /// <summary>Numeric visit times (e.g. months 0, 6, 12) to space visits by time; null: equally spaced categories.</summary>
    public IReadOnlyList<double>? VisitPositions { get; init; }
    /// <summary>Each subject's values at <see cref="Visits"/> (null where missing).</summary>
    public required IReadOnlyList<SubjectValues> Subjects { get; init; }
    /// <summary>The normal range drawn as a band, or null.</summary>
    public NormalRange? NormalRange { get; init; }
    /// <summary>Log10 y axis (for right-skewed markers such as anti-dsDNA); values must then be positive.</summary>
    public bool LogScale { get; init; }
    /// <summary>LS means with their confidence intervals per visit (and group), or null.</summary>
    public IReadOnlyList<VisitEstimate>? LsMeans { get; init; }
    /// <summary>The p-value brackets between visits.</summary>
    public IReadOnlyList<SignificanceAnnotation> Significance { get; init; } = Array.Empty<SignificanceAnnotation>();
    /// <summary>Order of the groups (colours, slots, legend); null: ordinal order of the names, as the engine orders class levels.</summary>
    public IReadOnlyList<string>? GroupOrder { get; init; }

    /// <summary>The panel's groups in display order (<see cref="GroupOrder"/>, then the others); empty for a single-series panel.</summary>
    public IReadOnlyList<string> Groups => (GroupOrder ?? Array.Empty<string>())
        .Concat(Subjects.Select(s => s.Group).OfType<string>().Distinct().Order(StringComparer.Ordinal).Where(g => GroupOrder?.Contains(g) != true)).ToList();

    /// <summary>True when the subjects belong to groups drawn side by side at each visit.</summary>
    public bool IsGrouped => Subjects.Any(s => s.Group is not null);

    /// <summary>
    /// "Outcome (unit)", the y-axis title. An outcome that already ends in a parenthesis, e.g. "Anti-dsDNA (SYNTHETIC)",
    /// takes the unit into it, "Anti-dsDNA (IU/mL; SYNTHETIC)", rather than two parentheses in a row.
    /// </summary>
    public string AxisTitle
    {
        get
        {
            if (Unit.Length == 0) return Outcome;
            int open = Outcome.LastIndexOf(" (", StringComparison.Ordinal);
            if (Outcome.EndsWith(')') && open > 0 && Outcome.IndexOf(')', open) == Outcome.Length - 1)
                return $"{Outcome[..open]} ({Unit}; {Outcome[(open + 2)..^1]})";
            return $"{Outcome} ({Unit})";
        }
    }

    /// <summary>True when some subject misses a visit between two it has (its trajectory bridges the gap, dashed).</summary>
    public bool HasMissedVisits => Subjects.Any(s => Trajectories.Segments(s, null).Any(g => g.To > g.From + 1));

    /// <summary>The index of a visit in <see cref="Visits"/>, or −1.</summary>
    public int VisitIndex(string visit) => Visits.ToList().IndexOf(visit);

    /// <summary>Checks the panel is drawable and says what is wrong in the user's terms if not.</summary>
    public void Validate()
    {
        string where = $"figure panel '{Outcome}'";
        if (string.IsNullOrWhiteSpace(Outcome)) throw new RweStatsInputException("a figure panel needs an outcome name");
        if (Visits.Count == 0) throw new RweStatsInputException($"{where}: no visits");
        if (Visits.Distinct().Count() != Visits.Count) throw new RweStatsInputException($"{where}: visit labels repeat ({string.Join(", ", Visits)})");
        if (VisitPositions is { } pos)
        {
            if (pos.Count != Visits.Count) throw new RweStatsInputException($"{where}: {pos.Count} visit positions for {Visits.Count} visits");
            for (int i = 1; i < pos.Count; i++)
                if (!(pos[i] > pos[i - 1])) throw new RweStatsInputException($"{where}: visit positions must increase ({Visits[i - 1]} → {Visits[i]})");
        }
        if (Subjects.Select(s => s.Subject).Distinct().Count() != Subjects.Count) throw new RweStatsInputException($"{where}: a subject id appears twice");
        foreach (var s in Subjects)
        {
            if (s.Values.Count != Visits.Count) throw new RweStatsInputException($"{where}: subject {s.Subject} has {s.Values.Count} values for {Visits.Count} visits");
            for (int j = 0; j < Visits.Count; j++)
            {
                if (s.Values[j] is not { } v) continue;
                if (!double.IsFinite(v)) throw new RweStatsInputException($"{where}: subject {s.Subject} at {Visits[j]}: value is not a finite number (use null for missing)");
                if (LogScale && v <= 0) throw new RweStatsInputException($"{where}: subject {s.Subject} at {Visits[j]}: {Inv(v)} cannot be shown on a log scale; use a linear axis or a positive detection limit");
            }
        }
        if (!Subjects.Any(s => s.Values.Any(v => v.HasValue))) throw new RweStatsInputException($"{where}: no values to plot");
        if (NormalRange is { } nr && !(double.IsFinite(nr.Low) && double.IsFinite(nr.High) && nr.Low < nr.High))
            throw new RweStatsInputException($"{where}: normal range {Inv(nr.Low)}–{Inv(nr.High)} must have low < high");
        if (LsMeans is { } ls)
            foreach (var e in ls)
            {
                if (VisitIndex(e.Visit) < 0) throw new RweStatsInputException($"{where}: LS mean for unknown visit '{e.Visit}'");
                if (!(double.IsFinite(e.Estimate) && double.IsFinite(e.Lower) && double.IsFinite(e.Upper) && e.Lower <= e.Estimate && e.Estimate <= e.Upper))
                    throw new RweStatsInputException($"{where}: LS mean at {e.Visit} needs finite lower ≤ estimate ≤ upper");
                if (LogScale && e.Lower <= 0) throw new RweStatsInputException($"{where}: LS mean CI at {e.Visit} reaches {Inv(e.Lower)}, not drawable on a log scale; back-transform the model's estimates");
            }
        var groups = Groups;
        if (IsGrouped)
        {
            if (Subjects.FirstOrDefault(s => s.Group is null) is { } lone)
                throw new RweStatsInputException($"{where}: subject {lone.Subject} has no group; in a panel with groups every subject needs one");
            if (Subjects.FirstOrDefault(s => s.Group!.Length == 0) is { } blank)
                throw new RweStatsInputException($"{where}: subject {blank.Subject} has an empty group name");
            if (GroupOrder is { } order && order.Distinct().Count() != order.Count)
                throw new RweStatsInputException($"{where}: the group order lists a group twice ({string.Join(", ", order)})");
            if (LsMeans?.FirstOrDefault(e => e.Group is null || !groups.Contains(e.Group)) is { } stray)
                throw new RweStatsInputException($"{where}: LS mean at {stray.Visit} is for group '{stray.Group ?? "(none)"}'; in a panel with groups each LS mean names one of the groups ({string.Join(", ", groups)})");
            if (LsMeans?.GroupBy(e => (e.Visit, e.Group)).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new RweStatsInputException($"{where}: two LS means for {twice.Key.Group} at {twice.Key.Visit}");
        }
        else if (LsMeans?.FirstOrDefault(e => e.Group is not null) is { } grouped)
            throw new RweStatsInputException($"{where}: LS mean at {grouped.Visit} is for group '{grouped.Group}', but the panel's subjects have no groups");
        else if (GroupOrder is { Count: > 0 })
            throw new RweStatsInputException($"{where}: a group order is given, but the panel's subjects have no groups");
        foreach (var a in Significance)
        {
            string what = a.Group is null && a.OtherGroup is null ? $"significance bracket {a.FromVisit}–{a.ToVisit}" : $"significance bracket {a.FromVisit} {a.Group} – {a.ToVisit} {a.ToGroup}";
            if (new[] { a.Group, a.OtherGroup }.FirstOrDefault(g => g is not null && !groups.Contains(g)) is { } unknown)
                throw new RweStatsInputException($"{where}: {what} names group '{unknown}', " + (IsGrouped ? $"a group the panel does not have ({string.Join(", ", groups)})" : "but the panel's subjects have no groups"));
            if (VisitIndex(a.FromVisit) < 0 || VisitIndex(a.ToVisit) < 0 || (a.FromVisit == a.ToVisit && a.Group == a.ToGroup))
                throw new RweStatsInputException($"{where}: {what} needs two different visits of the panel ({string.Join(", ", Visits)})" + (IsGrouped ? " or two different groups" : ""));
            if (!(a.PValue >= 0 && a.PValue <= 1)) throw new RweStatsInputException($"{where}: p-value {Inv(a.PValue)} for {what} is not in [0, 1]");
        }
    }

    static string Inv(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds a mixed model's results: the LS means of the effect <paramref name="timeVariable"/> and a bracket per visit
    /// contrast. For a model of a transformed outcome (log anti-dsDNA) pass the back-transform (Math.Exp): estimates and
    /// limits are then drawn on the data's scale (geometric means); p-values do not change.
    /// </summary>
    public SeriesPanel WithFit(string timeVariable, IReadOnlyList<LsMean> lsMeans, IReadOnlyList<VisitContrast> contrasts,
        Func<double, double>? backTransform = null)
    {
        var f = backTransform ?? (x => x);
        var estimates = lsMeans
            .Where(l => l.Effect == timeVariable && l.Result is not null && l.Levels.TryGetValue(timeVariable, out var v) && VisitIndex(v) >= 0)
            .Select(l => new VisitEstimate(l.Levels[timeVariable], f(l.Result!.Estimate), f(l.Result.Lower), f(l.Result.Upper)))
            .OrderBy(e => VisitIndex(e.Visit)).ToArray();
        var brackets = contrasts
            .Where(c => VisitIndex(c.Visit) >= 0 && VisitIndex(c.Baseline) >= 0 && !double.IsNaN(c.Result.PValue))
            .Select(c => new SignificanceAnnotation(c.Baseline, c.Visit, c.Result.PValue)).ToArray();
        return this with { LsMeans = estimates.Length > 0 ? estimates : LsMeans, Significance = brackets };
    }

    /// <summary>
    /// A panel from observations in long form (<see cref="PanelObservation.FromTable(DataTable, string, string?, string, string)"/>),
    /// with groups when they carry them. A visit not in <paramref name="visits"/> is an error; NaN is missing.
    /// </summary>
    public static SeriesPanel FromObservations(string outcome, string unit, IReadOnlyList<string> visits, IReadOnlyList<PanelObservation> observations)
    {
        string where = $"figure panel '{outcome}'";
        var visitIndex = new Dictionary<string, int>();
        for (int j = 0; j < visits.Count; j++) visitIndex.TryAdd(visits[j], j);
        var order = new List<string>();
        var rows = new Dictionary<string, (double?[] values, string? group)>();
        for (int r = 0; r < observations.Count; r++)
        {
            var o = observations[r];
            if (!visitIndex.TryGetValue(o.Visit, out int j))
                throw new RweStatsInputException($"{where}: observation {r + 1} (subject {o.Subject}) has visit '{o.Visit}', not one of {string.Join(", ", visits)}");
            if (!rows.TryGetValue(o.Subject, out var row))
            {
                rows[o.Subject] = row = (new double?[visits.Count], o.Group);
                order.Add(o.Subject);
            }
            else if (row.group != o.Group)
                throw new RweStatsInputException($"{where}: subject {o.Subject} is in group '{row.group}' and in group '{o.Group}'; a subject belongs to one group");
            if (double.IsNaN(o.Value)) continue;
            if (row.values[j].HasValue) throw new RweStatsInputException($"{where}: subject {o.Subject} has two values at {o.Visit}");
            row.values[j] = o.Value;
        }
        return new SeriesPanel
        {
            Outcome = outcome, Unit = unit, Visits = visits.ToArray(),
            Subjects = order.Select(s => new SubjectValues(s, rows[s].values, rows[s].group)).ToArray(),
        };
    }

    /// <summary>
    /// Adds a mixed model's results to a panel with groups: the LS means of the time × group effect (its variables
    /// exactly <paramref name="timeVariable"/> and <paramref name="groupVariable"/>, e.g. "AVISIT*ARMCD", which the fit
    /// must have been asked for in MixedModelSpec.LsMeans) and brackets for the differences between groups at each
    /// visit. Without a <see cref="GroupOrder"/> the groups take the fit's level order; the back-transform is as in <see cref="WithFit"/>.
    /// </summary>
    public SeriesPanel WithGroupedFit(string timeVariable, string groupVariable, IReadOnlyList<LsMean> lsMeans,
        IReadOnlyList<LsMeanDifference> differences, Func<double, double>? backTransform = null)
    {
        string where = $"figure panel '{Outcome}'";
        if (!IsGrouped) throw new RweStatsInputException($"{where}: the subjects have no groups; build the panel from observations with groups or use WithFit");
        var f = backTransform ?? (x => x);
        // An LS mean's levels name exactly its effect's variables.
        bool IsEffect(IReadOnlyDictionary<string, string> levels) =>
            levels.Count == 2 && levels.ContainsKey(timeVariable) && levels.ContainsKey(groupVariable) && timeVariable != groupVariable;
        var means = lsMeans.Where(l => IsEffect(l.Levels)).ToList();
        if (means.Count == 0)
            throw new RweStatsInputException($"{where}: the fit has no LS means of {timeVariable}*{groupVariable}; fit with LsMeans = {{ \"{timeVariable}*{groupVariable}\" }}");
        var fitGroups = means.Select(l => l.Levels[groupVariable]).Distinct().ToList();
        var ordered = this with { GroupOrder = GroupOrder ?? fitGroups.Where(Groups.Contains).ToArray() };
        var groups = ordered.Groups.ToList();
        if (groups.FirstOrDefault(g => !fitGroups.Contains(g)) is { } missing)
            throw new RweStatsInputException($"{where}: group '{missing}' is not a level of {groupVariable} in the fit ({string.Join(", ", fitGroups)})");
        int Rank(string g) => groups.IndexOf(g);
        var estimates = means
            .Where(l => l.Result is not null && VisitIndex(l.Levels[timeVariable]) >= 0 && Rank(l.Levels[groupVariable]) >= 0)
            .Select(l => new VisitEstimate(l.Levels[timeVariable], f(l.Result!.Estimate), f(l.Result.Lower), f(l.Result.Upper), l.Levels[groupVariable]))
            .OrderBy(e => VisitIndex(e.Visit)).ThenBy(e => Rank(e.Group!)).ToArray();
        var brackets = differences
            .Where(d => IsEffect(d.Levels) && !double.IsNaN(d.Result.PValue))
            .Where(d => d.Levels[timeVariable] == d.OtherLevels[timeVariable] && d.Levels[groupVariable] != d.OtherLevels[groupVariable])
            .Where(d => VisitIndex(d.Levels[timeVariable]) >= 0 && Rank(d.Levels[groupVariable]) >= 0 && Rank(d.OtherLevels[groupVariable]) >= 0)
            .Select(d =>
            {
                // Earlier group (in display order) first, so that the bracket reads left to right.
                string a = d.Levels[groupVariable], b = d.OtherLevels[groupVariable];
                if (Rank(a) > Rank(b)) (a, b) = (b, a);
                return SignificanceAnnotation.BetweenGroups(d.Levels[timeVariable], a, b, d.Result.PValue);
            })
            .OrderBy(a => VisitIndex(a.FromVisit)).ThenBy(a => Rank(a.Group!)).ThenBy(a => Rank(a.OtherGroup!)).ToArray();
        return ordered with { LsMeans = estimates, Significance = brackets };
    }

}
