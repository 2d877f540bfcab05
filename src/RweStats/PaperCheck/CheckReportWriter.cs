using System.Net;
using System.Text;
using System.Text.Json;

namespace RweStats.PaperCheck;

/// <summary>The findings of a paper check as terminal text, Markdown, self-contained HTML (each quote highlighted in its sentence) and JSON.</summary>
public static class CheckReportWriter
{
    static string Where(Finding f, CheckReport r) => r.FromPdf ? $"p. {f.Page}, line {f.Line}" : $"line {f.Line}";

    static string Summary(CheckReport r) =>
        $"{r.Findings.Count} findings on {r.Statistics.Count} statistics: {r.Count(FindingVerdict.Inconsistent)} inconsistent, " +
        $"{r.Count(FindingVerdict.Consistent)} consistent, {r.Count(FindingVerdict.NotCheckable)} not checkable " +
        $"(language {r.Language}; study n {(r.StudyN is { } n ? $"{n} from {r.StudyNSource}" : "not stated")})";

    /// <summary>The findings as terminal text.</summary>
    public static string Terminal(CheckReport r)
    {
        var s = new StringBuilder();
        s.AppendLine($"{Path.GetFileName(r.Path)}: {Summary(r)}");
        foreach (var f in r.Findings.OrderBy(f => f.Verdict == FindingVerdict.Inconsistent ? 0 : f.Verdict == FindingVerdict.NotCheckable ? 2 : 1).ThenBy(f => f.Start))
            s.AppendLine($"  {Finding.VerdictName(f.Verdict).ToUpperInvariant(),-14} {Where(f, r),-16} {f.Check,-16} \"{OneLine(f.Quote)}\"\n{"",19}{f.Explanation}");
        return s.ToString();
    }

    /// <summary>The findings as Markdown.</summary>
    public static string Markdown(CheckReport r)
    {
        var s = new StringBuilder();
        s.AppendLine($"# Check of {Path.GetFileName(r.Path)}").AppendLine().AppendLine(Summary(r)).AppendLine();
        s.AppendLine("| Verdict | Where | Check | Quote | Explanation |").AppendLine("|---|---|---|---|---|");
        foreach (var f in r.Findings)
            s.AppendLine($"| {Finding.VerdictName(f.Verdict)} | {Where(f, r)} | {f.Check} | `{OneLine(f.Quote).Replace("`", "'")}` | {f.Explanation.Replace("|", "\\|")} |");
        return s.ToString();
    }

    /// <summary>The findings as one self-contained HTML page, each quote highlighted in its sentence.</summary>
    public static string Html(CheckReport r, PaperText text)
    {
        var s = new StringBuilder();
        s.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Check of " + WebUtility.HtmlEncode(Path.GetFileName(r.Path)) + "</title>");
        s.AppendLine("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}" +
                     "mark{background:#ffe08a}.inconsistent{background:#fde2e1}.consistent{background:#e6f4e6}.not_checkable{background:#eee}</style></head><body>");
        s.AppendLine($"<h1>Check of {WebUtility.HtmlEncode(Path.GetFileName(r.Path))}</h1><p>{WebUtility.HtmlEncode(Summary(r))}</p>");
        s.AppendLine("<table><tr><th>Verdict</th><th>Where</th><th>Check</th><th>In context</th><th>Explanation</th></tr>");
        foreach (var f in r.Findings)
        {
            int from = Math.Max(0, f.Start - 120), to = Math.Min(text.Flow.Length, f.End + 80);
            string context = WebUtility.HtmlEncode(text.Flow[from..f.Start]) + "<mark>" + WebUtility.HtmlEncode(text.Flow[f.Start..f.End]) + "</mark>" + WebUtility.HtmlEncode(text.Flow[f.End..to]);
            string v = Finding.VerdictName(f.Verdict);
            s.AppendLine($"<tr class=\"{v}\"><td>{v}</td><td>{WebUtility.HtmlEncode(Where(f, r))}</td><td>{f.Check}</td><td>…{context}…</td><td>{WebUtility.HtmlEncode(f.Explanation)}</td></tr>");
        }
        s.AppendLine("</table></body></html>");
        return s.ToString();
    }

    /// <summary>The findings as JSON.</summary>
    public static string Json(CheckReport r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", r.Path);
            w.WriteString("language", r.Language);
            if (r.StudyN is { } n) w.WriteNumber("study_n", n); else w.WriteNull("study_n");
            w.WriteNumber("statistics", r.Statistics.Count);
            w.WriteStartArray("findings");
            foreach (var f in r.Findings)
            {
                w.WriteStartObject();
                w.WriteString("check", f.Check);
                w.WriteString("verdict", Finding.VerdictName(f.Verdict));
                w.WriteNumber("line", f.Line);
                w.WriteNumber("page", f.Page);
                w.WriteString("quote", f.Quote);
                w.WriteString("explanation", f.Explanation);
                w.WriteString("statistic", f.Statistic);
                if (f.Measure is null) w.WriteNull("measure"); else w.WriteString("measure", f.Measure);
                if (f.N is { } fn) w.WriteNumber("n", fn); else w.WriteNull("n");
                if (f.Visit is null) w.WriteNull("visit"); else w.WriteString("visit", f.Visit);
                if (f.Definitions.Count > 0)
                {
                    w.WriteStartArray("definitions");
                    foreach (var d in f.Definitions) w.WriteStringValue(d);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static string OneLine(string s) => s.Replace('\n', ' ');
}
