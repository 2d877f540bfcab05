using RweStats.PaperCheck;

namespace RweStats.Cli;

/// <summary>rwestats check: a paper's reported numbers checked without its data (the library's PaperChecker).</summary>
public static class CheckCommand
{
    public const string Usage = """
        rwestats check PAPER [--format text|json|md|html] [--out DIR] [--integer "NAME,NAME"] [--n N] [--claims OUT.json]

          Reads a paper (.txt, .md or .pdf), finds the statistics it reports (English or French) and checks each
          with arithmetic that needs no data: p against its test statistic and df, estimate, interval and p against
          each other, GRIM/GRIMMER/DEBIT for means of integer-valued measures, medians and quartiles of
          integer-valued measures under every common quantile definition, percentages against counts, and
          within-patient p-values against the means, SDs and n of two visits. Each finding gives its line (and page
          for a PDF), the numbers as printed, the check and its verdict: consistent, inconsistent or not_checkable.

          --format     what is printed: text (default), json, md or html
          --out DIR    also write check.md, check.html and check.json into DIR
          --integer    measures to treat as integer-valued, beside those named as scores, points, scales or counts
          --n N        the study's n when the text does not state it
          --claims F   draft the claims file 'rwestats verify' reads from the numbers found

          exit codes: 0 whatever the verdicts, 2 unreadable file or bad option, 1 internal error
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, new HashSet<string> { "--format", "--out", "--integer", "--n", "--claims" }, new HashSet<string>());
        if (a.Positional.Count != 1) throw new RweStatsInputException("check takes one paper: rwestats check PAPER.txt|.md|.pdf");
        var format = a.Choice("--format", new Dictionary<string, string> { ["text"] = "text", ["json"] = "json", ["md"] = "md", ["html"] = "html" }, "text");
        var integer = (a.Value("--integer") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? n = a.Value("--n") is null ? null : (int)a.Number("--n", 0);
        if (n is < 1) throw new RweStatsInputException($"option '--n': {n} is not a sample size (a whole number of at least 1)");
        var text = PaperText.Load(a.Positional[0]);
        var report = PaperChecker.Check(text, new CheckOptions(integer, n));
        stdout.Write(format switch
        {
            "json" => CheckReportWriter.Json(report),
            "md" => CheckReportWriter.Markdown(report),
            "html" => CheckReportWriter.Html(report, text),
            _ => CheckReportWriter.Terminal(report),
        });
        if (a.Value("--out") is { } dir)
        {
            Directory.CreateDirectory(dir);
            OutputFile.WriteAtomically(Path.Combine(dir, "check.md"), CheckReportWriter.Markdown(report));
            OutputFile.WriteAtomically(Path.Combine(dir, "check.html"), CheckReportWriter.Html(report, text));
            OutputFile.WriteAtomically(Path.Combine(dir, "check.json"), CheckReportWriter.Json(report));
        }
        if (a.Value("--claims") is { } claims) OutputFile.WriteAtomically(claims, ClaimsDraft.Json(report));
        return 0;
    }
}
