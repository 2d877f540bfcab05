using System.Globalization;
using RweStats.Estimation;

namespace RweStats.Cli;

/// <summary>
/// A fit's progress (<see cref="MixedModelSpec.Progress"/>) as one line on standard error, rewritten in place once the
/// fit has run for <see cref="After"/> — model, iteration, −2LL, elapsed — and erased when the command ends. Only
/// when standard error is a terminal (never into a log or a pipe) and without --quiet.
/// </summary>
sealed class FitProgressLine(TextWriter stderr) : IProgress<FitProgress>, IDisposable
{
    static readonly TimeSpan After = TimeSpan.FromSeconds(2);
    readonly object gate = new();
    int width;

    /// <summary>The progress line of a command, or null when it is not to be shown.</summary>
    public static FitProgressLine? For(bool quiet, TextWriter stderr) =>
        quiet || !ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected ? null : new FitProgressLine(stderr);

    public void Report(FitProgress p)
    {
        if (p.Elapsed < After) return;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"fitting {p.Model}: iteration {p.Iteration}, -2LL {p.Neg2LogLikelihood:F4}, {p.Elapsed.TotalSeconds:F0} s");
        lock (gate)
        {
            stderr.Write("\r" + line.PadRight(width));
            width = Math.Max(width, line.Length);
            stderr.Flush();
        }
    }

    /// <summary>Erases the line (when shown), so that other text can be written on the terminal.</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (width > 0)
            {
                stderr.Write("\r" + new string(' ', width) + "\r");
                stderr.Flush();
            }
            width = 0;
        }
    }

    public void Dispose() => Clear();

    /// <summary>
    /// A command's own lines of progress on <paramref name="stdout"/> ("[1/3] FEV1: " … "converged\n") beside the fit's
    /// line: with a progress line, each line is written whole when it ends, after the fit's line is erased, so the two
    /// never share a terminal line; without one, the text is written as it comes.
    /// </summary>
    public static Action<string> Beside(FitProgressLine? line, TextWriter stdout)
    {
        if (line is null) return stdout.Write;
        var pending = new System.Text.StringBuilder();
        return text =>
        {
            pending.Append(text);
            int end = pending.ToString().LastIndexOf('\n');
            if (end < 0) return;
            line.Clear();
            stdout.Write(pending.ToString(0, end + 1));
            stdout.Flush();
            pending.Remove(0, end + 1);
        };
    }
}
