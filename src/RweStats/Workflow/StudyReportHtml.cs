using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace RweStats.Workflow;

/// <summary>A figure of the study as the HTML report carries it: its file name (without extension), title and SVG text.</summary>
/// <param name="Name">The figure's name in the spec (its files are NAME.svg, NAME.png).</param>
/// <param name="Title">The figure's title, used as its caption.</param>
/// <param name="Svg">The SVG document of the figure, as written to NAME.svg.</param>
public sealed record ReportFigure(string Name, string Title, string Svg);

/// <summary>
/// report.html: the report.md of a study (same tables, Methods sentence and comparison with published numbers, rendered
/// from that Markdown by Markdig) with the figures inline as SVG, in one self-contained file: no script, no network
/// request (no external style sheet, font or image), print-friendly CSS. An author sends it to co-authors; a
/// reviewer opens it in any browser.
/// </summary>
public static class StudyReportHtml
{
    // Raw HTML in the Markdown (a label with "<") is written as text, never as markup.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The HTML document: <see cref="StudyReport.ReportMarkdown"/> as HTML, then a Figures section.</summary>
    /// <param name="study">The analysed study.</param>
    /// <param name="comparisonMarkdown">The comparison with published numbers (replicate), or null.</param>
    /// <param name="figures">The study's figures, in the order they were written.</param>
    public static string Html(StudyResult study, string? comparisonMarkdown, IReadOnlyList<ReportFigure> figures)
    {
        var body = Markdown.ToHtml(StudyReport.ReportMarkdown(study, comparisonMarkdown), Pipeline);
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        s.Append($"<meta name=\"generator\" content=\"{WebUtility.HtmlEncode(StudyReport.SoftwareVersion)}\">\n");
        s.Append($"<title>{WebUtility.HtmlEncode(study.Spec.Title ?? "Analysis report")}</title>\n");
        s.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        s.Append(body);
        if (figures.Count > 0)
        {
            s.Append("<h2>Figures</h2>\n");
            for (int k = 0; k < figures.Count; k++)
            {
                var f = figures[k];
                s.Append($"<figure id=\"figure-{WebUtility.HtmlEncode(f.Name)}\">\n");
                s.Append(InlineSvg(f.Svg, $"figure{k + 1}-"));
                s.Append($"<figcaption>Figure {k + 1}. {WebUtility.HtmlEncode(f.Title)} ({WebUtility.HtmlEncode(f.Name)}.svg)</figcaption>\n</figure>\n");
            }
        }
        s.Append("</main>\n</body>\n</html>\n");
        return s.ToString();
    }

    /// <summary>
    /// An SVG document as an element of the page: without its XML declaration, and with its ids (clip paths) prefixed,
    /// since every id of a page shares one name space and each figure numbers its clip paths from 1.
    /// </summary>
    static string InlineSvg(string svg, string idPrefix)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException("the figure's text is not an SVG document", nameof(svg));
        var element = svg[start..];
        element = Regex.Replace(element, "\\bid=\"([^\"]+)\"", m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        element = Regex.Replace(element, "url\\(#([^)]+)\\)", m => $"url(#{idPrefix}{m.Groups[1].Value})");
        element = Regex.Replace(element, "href=\"#([^\"]+)\"", m => $"href=\"#{idPrefix}{m.Groups[1].Value}\"");
        return element.TrimEnd() + "\n";
    }

    // Screen: a readable column, tables with rules and right-aligned numbers (Markdig writes the Markdown's alignment as
    // style="text-align: right"), figures widened to the column. Print: A4 margins, figures at their own size (the
    // journal's column width), no table row or figure split across pages, header rows repeated.
    const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #fff; color: #111; font: 15px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #bbb; padding-bottom: 0.2rem; }
        table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
        th, td { border-top: 1px solid #ccc; border-bottom: 1px solid #ccc; padding: 0.25rem 0.55rem; vertical-align: top; }
        thead th { border-bottom: 2px solid #444; text-align: left; background: #f3f3f3; }
        tbody tr:nth-child(even) { background: #fafafa; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
        figure { margin: 1.5rem 0; }
        figure svg { display: block; width: 100%; max-width: 42rem; height: auto; }
        figcaption { font-size: 0.85rem; color: #333; margin-top: 0.4rem; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          table { font-size: 8pt; }
          thead { display: table-header-group; }
          tr, figure { break-inside: avoid; }
          figure svg { width: auto; max-width: 100%; }
          tbody tr:nth-child(even), thead th { background: none; }
        }

        """;
}
