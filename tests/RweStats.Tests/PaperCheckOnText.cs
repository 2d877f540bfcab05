using RweStats.PaperCheck;

namespace RweStats.Tests;

/// <summary>
/// The paper check run on a short text, as the tests of the sentence forms use it: the report, the verdicts of one
/// check in the order of the text, or its single verdict.
/// </summary>
static class PaperCheckOnText
{
    public static CheckReport CheckText(string text, CheckOptions? options = null) =>
        PaperChecker.Check(PaperText.FromString("paper.txt", text), options ?? CheckOptions.Default);

    /// <summary>The verdicts of one check, in the order their statistics stand in the text.</summary>
    public static List<string> Verdicts(string text, string check) =>
        CheckText(text).Findings.Where(f => f.Check == check).OrderBy(f => f.Start).Select(f => Finding.VerdictName(f.Verdict)).ToList();

    /// <summary>The verdict of the one finding of a check, or null when the check finds nothing.</summary>
    public static string? Verdict(string text, string check) =>
        CheckText(text).Findings.Where(f => f.Check == check).Select(f => Finding.VerdictName(f.Verdict)).SingleOrDefault();
}
