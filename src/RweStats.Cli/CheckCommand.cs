using System.CommandLine;
using RweStats.PaperCheck;

namespace RweStats.Cli;

/// <summary>rwestats check: a paper's reported numbers checked without its data (the library's PaperChecker).</summary>
public sealed class CheckCommand
{
    readonly Argument<string> paper = new("PAPER") { Description = "the paper: .txt, .md or .pdf" };
    readonly Option<string?> format = SharedOptions.Choice("--format", "what is printed: text (default), json, md or html", "text", "json", "md", "html");
    readonly Option<string?> outDir = SharedOptions.Text("--out", "DIR", "also write check.md, check.html and check.json into DIR");
    readonly Option<string?> integer = SharedOptions.Text("--integer", "NAME,NAME", "measures to treat as integer-valued, beside those named as scores, points, scales or counts");
    readonly TypedOption<double> n = SharedOptions.Number("--n", "N", "the study's n when the text does not state it");
    readonly Option<string?> claims = SharedOptions.Text("--claims", "OUT.json", "draft the claims file 'rwestats verify' reads from the numbers found");

    public ToolCommand Command { get; }

    public CheckCommand()
    {
        Command = new ToolCommand("check", "reviewer mode without the data: the numbers a paper (.txt, .md, .pdf) cannot have")
        {
            Details = """
                  Reads a paper (.txt, .md or .pdf), finds the statistics it reports (English or French) and checks each
                  with arithmetic that needs no data: p against its test statistic and df, estimate, interval and p against
                  each other, GRIM/GRIMMER/DEBIT for means of integer-valued measures, medians and quartiles of
                  integer-valued measures under every common quantile definition, percentages against counts, and
                  within-patient p-values against the means, SDs and n of two visits. Each finding gives its line (and page
                  for a PDF), the numbers as printed, the check and its verdict: consistent, inconsistent or not_checkable.

                  exit codes: 0 whatever the verdicts, 2 unreadable file or bad option, 1 internal error
                """,
            ArgumentsError = "check takes one paper: rwestats check PAPER.txt|.md|.pdf",
        };
        Command.Arguments.Add(paper);
        foreach (var option in new Option[] { format, outDir, integer, n, claims }) Command.Options.Add(option);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output));
    }

    int Run(ParseResult a, TextWriter stdout)
    {
        var format = a.GetValue(this.format) ?? "text";
        var integer = (a.GetValue(this.integer) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? n = this.n.Get(a) is { } number ? (int)number : null;
        if (n is < 1) throw new RweStatsInputException($"option '--n': {n} is not a sample size (a whole number of at least 1)");
        var text = PaperText.Load(a.GetRequiredValue(paper));
        var report = PaperChecker.Check(text, new CheckOptions(integer, n));
        stdout.Write(format switch
        {
            "json" => CheckReportWriter.Json(report),
            "md" => CheckReportWriter.Markdown(report),
            "html" => CheckReportWriter.Html(report, text),
            _ => CheckReportWriter.Terminal(report),
        });
        if (a.GetValue(outDir) is { } dir)
        {
            Directory.CreateDirectory(dir);
            OutputFile.WriteAtomically(Path.Combine(dir, "check.md"), CheckReportWriter.Markdown(report));
            OutputFile.WriteAtomically(Path.Combine(dir, "check.html"), CheckReportWriter.Html(report, text));
            OutputFile.WriteAtomically(Path.Combine(dir, "check.json"), CheckReportWriter.Json(report));
        }
        if (a.GetValue(claims) is { } claimsPath) OutputFile.WriteAtomically(claimsPath, ClaimsDraft.Json(report));
        return 0;
    }
}
