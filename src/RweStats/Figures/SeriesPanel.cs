using System.Globalization;

namespace RweStats.Figures;

/// <summary>One subject's values at the panel's visits, in the panel's visit order; null is a missing value.</summary>
public sealed record SubjectValues(string Subject, IReadOnlyList<double?> Values);

/// <summary>The laboratory's reference interval, drawn as a shaded band.</summary>
public sealed record NormalRange(double Low, double High);

/// <summary>A model estimate at one visit with its confidence limits (LS mean and 95 % CI).</summary>
public sealed record VisitEstimate(string Visit, double Estimate, double Lower, double Upper);

/// <summary>A bracket from one visit to another labelled with the test's p-value (mixed-model contrast).</summary>
public sealed record SignificanceAnnotation(string FromVisit, string ToVisit, double PValue);

/// <summary>
/// One outcome over the visits, as one panel of a figure: the subjects' values, and optionally the model's LS means
/// and the p-values of visit contrasts. Built from results (arrays, a fit), never by reading files.
/// </summary>
public sealed record SeriesPanel
{
    /// <summary>Outcome name as the paper prints it, e.g. "Anti-dsDNA".</summary>
    public required string Outcome { get; init; }
    /// <summary>Unit, e.g. "IU/mL"; "" when dimensionless.</summary>
    public string Unit { get; init; } = "";
    /// <summary>Visit labels in time order, e.g. M0, M6, M12.</summary>
    public required IReadOnlyList<string> Visits { get; init; }
    /// <summary>Numeric visit times (e.g. months 0, 6, 12) to space visits by time; null: equally spaced categories.</summary>
    public IReadOnlyList<double>? VisitPositions { get; init; }
    public required IReadOnlyList<SubjectValues> Subjects { get; init; }
    public NormalRange? NormalRange { get; init; }
    /// <summary>Log10 y axis (for right-skewed markers such as anti-dsDNA); values must then be positive.</summary>
    public bool LogScale { get; init; }
    public IReadOnlyList<VisitEstimate>? LsMeans { get; init; }
    public IReadOnlyList<SignificanceAnnotation> Significance { get; init; } = Array.Empty<SignificanceAnnotation>();

    /// <summary>"Outcome (unit)", the y-axis title.</summary>
    public string AxisTitle => Unit.Length == 0 ? Outcome : $"{Outcome} ({Unit})";

    /// <summary>Subjects with a value at visit <paramref name="visitIndex"/>, in subject order.</summary>
    public IEnumerable<(string subject, double value)> ValuesAt(int visitIndex) =>
        Subjects.Where(s => s.Values[visitIndex].HasValue).Select(s => (s.Subject, s.Values[visitIndex]!.Value));

    public int VisitIndex(string visit)
    {
        for (int i = 0; i < Visits.Count; i++) if (Visits[i] == visit) return i;
        return -1;
    }

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
        foreach (var a in Significance)
        {
            if (VisitIndex(a.FromVisit) < 0 || VisitIndex(a.ToVisit) < 0 || a.FromVisit == a.ToVisit)
                throw new RweStatsInputException($"{where}: significance bracket {a.FromVisit}–{a.ToVisit} needs two different visits of the panel ({string.Join(", ", Visits)})");
            if (!(a.PValue >= 0 && a.PValue <= 1)) throw new RweStatsInputException($"{where}: p-value {Inv(a.PValue)} for {a.FromVisit}–{a.ToVisit} is not in [0, 1]");
        }
    }

    static string Inv(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// A panel from wide arrays: <paramref name="values"/>[i][j] is subject i at visit j, NaN for missing.
    /// <paramref name="pValues"/>, when given, holds one p-value per visit for the contrast with the first visit
    /// (NaN or the baseline's own entry are ignored), e.g. the mixed model's "M6 − M0" and "M12 − M0" tests.
    /// </summary>
    public static SeriesPanel FromArrays(string outcome, string unit, IReadOnlyList<string> visits,
        IReadOnlyList<string> subjects, IReadOnlyList<IReadOnlyList<double>> values,
        IReadOnlyList<double>? pValues = null, NormalRange? normalRange = null, bool logScale = false,
        IReadOnlyList<double>? visitPositions = null)
    {
        if (values.Count != subjects.Count)
            throw new RweStatsInputException($"figure panel '{outcome}': {values.Count} rows of values for {subjects.Count} subjects");
        var panel = new SeriesPanel
        {
            Outcome = outcome, Unit = unit, Visits = visits.ToArray(), VisitPositions = visitPositions?.ToArray(),
            Subjects = subjects.Select((s, i) => new SubjectValues(s, values[i].Select(v => double.IsNaN(v) ? (double?)null : v).ToArray())).ToArray(),
            NormalRange = normalRange, LogScale = logScale,
        };
        if (pValues is not null)
        {
            if (pValues.Count != visits.Count) throw new RweStatsInputException($"figure panel '{outcome}': {pValues.Count} p-values for {visits.Count} visits");
            panel = panel with
            {
                Significance = Enumerable.Range(1, visits.Count - 1).Where(j => !double.IsNaN(pValues[j]))
                    .Select(j => new SignificanceAnnotation(visits[0], visits[j], pValues[j])).ToArray(),
            };
        }
        return panel;
    }

    /// <summary>A panel from long arrays, one entry per observation (as in a data file's rows); NaN values are missing.</summary>
    public static SeriesPanel FromObservations(string outcome, string unit, IReadOnlyList<string> visits,
        IReadOnlyList<string> subjectOfRow, IReadOnlyList<string> visitOfRow, IReadOnlyList<double> valueOfRow)
    {
        if (subjectOfRow.Count != visitOfRow.Count || subjectOfRow.Count != valueOfRow.Count)
            throw new RweStatsInputException($"figure panel '{outcome}': subject, visit and value arrays differ in length");
        var order = new List<string>();
        var rows = new Dictionary<string, double?[]>();
        for (int r = 0; r < subjectOfRow.Count; r++)
        {
            int j = visits.ToList().IndexOf(visitOfRow[r]);
            if (j < 0) throw new RweStatsInputException($"figure panel '{outcome}': row {r + 1} has visit '{visitOfRow[r]}', not one of {string.Join(", ", visits)}");
            if (!rows.TryGetValue(subjectOfRow[r], out var row))
            {
                rows[subjectOfRow[r]] = row = new double?[visits.Count];
                order.Add(subjectOfRow[r]);
            }
            if (double.IsNaN(valueOfRow[r])) continue;
            if (row[j].HasValue) throw new RweStatsInputException($"figure panel '{outcome}': subject {subjectOfRow[r]} has two values at {visitOfRow[r]}");
            row[j] = valueOfRow[r];
        }
        return new SeriesPanel
        {
            Outcome = outcome, Unit = unit, Visits = visits.ToArray(),
            Subjects = order.Select(s => new SubjectValues(s, rows[s])).ToArray(),
        };
    }

    /// <summary>
    /// Adds a mixed model's results: LS means of the time effect (those whose <see cref="LsMean.Effect"/> is
    /// <paramref name="timeVariable"/>) and a bracket per visit contrast with its p-value. For a model fitted on a
    /// transformed outcome (e.g. log anti-dsDNA), pass the back-transform (Math.Exp) so that estimates and limits are
    /// drawn on the data's scale (geometric means); p-values do not change.
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

    /// <summary>The adapter from a fit: LS means and visit contrasts of <paramref name="fit"/> onto the data panel.</summary>
    public SeriesPanel WithFit(MixedModelResult fit, Func<double, double>? backTransform = null) =>
        WithFit(fit.Spec.Time, fit.LsMeans, fit.VisitContrasts, backTransform);

    /// <summary>
    /// The whole panel in one call from the engine's lists: subjects' values (wide, NaN missing) plus the fit's
    /// LS means and visit contrasts.
    /// </summary>
    public static SeriesPanel FromFit(string outcome, string unit, IReadOnlyList<string> visits,
        IReadOnlyList<string> subjects, IReadOnlyList<IReadOnlyList<double>> values,
        string timeVariable, IReadOnlyList<LsMean> lsMeans, IReadOnlyList<VisitContrast> contrasts,
        Func<double, double>? backTransform = null, NormalRange? normalRange = null, bool logScale = false) =>
        FromArrays(outcome, unit, visits, subjects, values, normalRange: normalRange, logScale: logScale)
            .WithFit(timeVariable, lsMeans, contrasts, backTransform);
}
