using System.Globalization;
using System.Text.RegularExpressions;
using RweStats.Data;
using RweStats.Workflow;

namespace RweStats.Claims;

/// <summary>
/// The ways an analysis may have treated missing or off-treatment values, which reviewer mode tries when a
/// published number is not reproduced by the available data:
/// <list type="bullet">
/// <item><b>available</b>: every observed value (likelihood over all available observations);</item>
/// <item><b>completers</b>: only subjects observed at every visit;</item>
/// <item><b>locf</b>: a missing value replaced by the subject's last observed value (last observation carried forward);</item>
/// <item><b>excluded-as-zero</b>: subjects outside the outcome's row filter kept with their missing values set to 0
/// (a missing dose of a drug the patient does not take recorded as 0 mg);</item>
/// <item><b>on-treatment</b>: values at visits after the subject stopped treatment (spec "treatment_stop") removed.</item>
/// </list>
/// </summary>
public static class DataHandling
{
    /// <summary>The data handlings, by name.</summary>
    public static readonly string[] All = { "available", "completers", "locf", "excluded-as-zero", "on-treatment" };

    /// <summary>Whether the variant means anything for this outcome (e.g. excluded-as-zero needs a row filter).</summary>
    public static bool Applies(string variant, AnalysisSpec spec, OutcomeSpec outcome) => variant switch
    {
        "excluded-as-zero" => outcome.Rows is not null,
        "on-treatment" => spec.TreatmentStop is not null,
        _ => true,
    };

    /// <summary>The outcome and its table under the data handling <paramref name="variant"/>.</summary>
    public static (OutcomeSpec outcome, DataTable table) Apply(string variant, AnalysisSpec spec, OutcomeSpec outcome, DataTable table)
    {
        var subject = table.Column(spec.Columns.Subject, "columns.subject");
        var visit = table.Column(spec.Columns.Visit, "columns.visit");
        int col = table.ColumnIndex(outcome.Column);
        if (col < 0) return (outcome, table); // the analysis reports the missing column itself
        var values = (string?[])table.Columns[col].Clone();
        bool Kept(int i) => outcome.Rows is not { } f || (table.Column(f.Column, "rows.column")[i] is { } v && f.Values.Contains(v));
        var visitIndex = spec.VisitOrder.Select((v, k) => (v, k)).ToDictionary(x => x.v, x => x.k);
        var rowsBySubject = Enumerable.Range(0, table.RowCount).GroupBy(i => subject[i]!)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => visitIndex.GetValueOrDefault(visit[i]!, int.MaxValue)).ToList());
        switch (variant)
        {
            case "available":
                return (outcome, table);
            case "completers":
                foreach (var rows in rowsBySubject.Values)
                {
                    bool complete = spec.VisitOrder.All(v => rows.Any(i => visit[i] == v && values[i] is not null));
                    if (!complete) foreach (var i in rows) values[i] = null;
                }
                break;
            case "locf":
                foreach (var rows in rowsBySubject.Values)
                {
                    string? last = null;
                    foreach (var i in rows) { if (values[i] is null) values[i] = last; else last = values[i]; }
                }
                break;
            case "excluded-as-zero":
                for (int i = 0; i < table.RowCount; i++)
                    if (!Kept(i) && values[i] is null) values[i] = "0";
                outcome = outcome with { Rows = null };
                break;
            case "on-treatment":
                var rule = spec.TreatmentStop!;
                var notes = table.Column(rule.Column, "treatment_stop.column");
                var time = table.Column(spec.Columns.TimeValue!, "columns.time_value");
                var regex = new Regex(rule.Pattern, RegexOptions.IgnoreCase);
                foreach (var rows in rowsBySubject.Values)
                {
                    double? stop = rows.Select(i => notes[i] is { } n ? regex.Match(n) : Match.Empty).Where(m => m.Success)
                        .Select(m => (double?)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).FirstOrDefault();
                    if (stop is null) continue;
                    foreach (var i in rows)
                        if (time[i] is { } t && NumberParsing.TryParse(t, out var month) && month > stop) values[i] = null;
                }
                break;
            default:
                throw new RweStatsInputException($"unknown data handling '{variant}'; use one of: {string.Join(", ", All)}");
        }
        var columns = table.Columns.Select((c, j) => j == col ? values : c).ToArray();
        return (outcome, table.Derive(table.ColumnNames, columns, table.LineNumbers));
    }
}
