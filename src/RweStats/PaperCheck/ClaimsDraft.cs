using System.Text;
using System.Text.Json;
using RweStats.Claims;

namespace RweStats.PaperCheck;

/// <summary>
/// Drafts a claims file (schema rwestats-claims/1, read by <see cref="ClaimsFile"/>) from the statistics a paper
/// check found: descriptive claims (n, mean, sd, median, q1, q3, min, max) at the visit the sentence names, and model
/// claims (p_value, estimate) as contrasts of that visit against the baseline. The outcome is the measure the
/// sentence names; the analysis spec, outcome names and visit labels are for the reviewer to match to the data.
/// </summary>
public static class ClaimsDraft
{
    /// <summary>The draft claims file as JSON; <paramref name="baseline"/> is the visit model claims are contrasted with.</summary>
    public static string Json(CheckReport report, string baseline = "M0")
    {
        var claims = new List<(string id, string outcome, string statistic, string reported, string? visit, string? contrast, string where)>();
        var ids = new HashSet<string>();
        void Add(ReportedStatistic s, string statistic, PrintedNumber? value, string? reported = null, bool model = false)
        {
            if (value is null && reported is null) return;
            string outcome = Slug(s.Context.Measure ?? "outcome");
            string visit = s.Context.Visit is null or "baseline" ? baseline : s.Context.Visit;
            // A p-value with no follow-up visit named before it: the contrast is for the reviewer to name.
            string contrastVisit = visit == baseline ? "VISIT" : visit;
            string id = $"{outcome}_{visit}_{statistic}";
            for (int k = 2; !ids.Add(id); k++) id = $"{outcome}_{visit}_{statistic}_{k}";
            string where = $"{(report.FromPdf ? $"page {s.Context.Page}, " : "")}line {s.Context.Line}: '{s.Context.Quote.Replace('\n', ' ')}'";
            claims.Add((id, outcome, statistic, reported ?? value!.Text.Replace(',', '.'), model ? null : visit, model ? $"{contrastVisit} - {baseline}" : null, where));
        }
        foreach (var s in report.Statistics)
            switch (s)
            {
                case MedianWithQuartiles m:
                    Add(m, "median", m.Median); Add(m, "q1", m.Q1); Add(m, "q3", m.Q3); Add(m, "min", m.Min); Add(m, "max", m.Max);
                    break;
                case WithinPatientComparison w:
                    Add(w, "p_value", null, PText(w.P), model: true);
                    break;
                case MeanWithSpread mean when !report.Statistics.OfType<WithinPatientComparison>().Any(w => w.First == mean || w.Second == mean):
                    Add(mean, "mean", mean.Mean);
                    if (!mean.SpreadIsStandardError) Add(mean, "sd", mean.Spread);
                    break;
                case EstimateWithInterval e:
                    Add(e, "estimate", e.Estimate, model: true);
                    if (e.P is not null) Add(e, "p_value", null, PText(e.P), model: true);
                    break;
                case EstimateWithStandardError e:
                    Add(e, "estimate", e.Estimate, model: true);
                    Add(e, "std_error", e.StandardError, model: true);
                    Add(e, "p_value", null, PText(e.P), model: true);
                    break;
                case TestStatistic t:
                    Add(t, "p_value", null, PText(t.P), model: true);
                    break;
                case LonePValue p:
                    Add(p, "p_value", null, PText(p.P), model: true);
                    break;
            }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", ClaimsFile.Schema);
            w.WriteString("source", Path.GetFileName(report.Path));
            w.WriteString("comment", $"Drafted from the text: set \"analysis\" to the analysis spec of the data, rename the outcomes to its outcome names, check each visit and contrast (baseline taken as {baseline}) and delete the claims that do not belong to the data.");
            w.WriteString("analysis", "analysis.json");
            w.WriteStartArray("claims");
            foreach (var c in claims)
            {
                w.WriteStartObject();
                w.WriteString("id", c.id);
                w.WriteString("outcome", c.outcome);
                w.WriteString("statistic", c.statistic);
                w.WriteString("reported", c.reported);
                if (c.visit is not null) w.WriteString("visit", c.visit);
                if (c.contrast is not null) w.WriteString("contrast", c.contrast);
                w.WriteString("where", c.where);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static string PText(ReportedP p) => (p.Relation == "=" ? "" : p.Relation + " ") + p.Value.Text.Replace(',', '.').Replace(" ", "");

    static string Slug(string measure) => new string(measure.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
}
