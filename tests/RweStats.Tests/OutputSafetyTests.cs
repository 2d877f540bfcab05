using static RweStats.Tests.InProcessCli;
using System.Diagnostics;

namespace RweStats.Tests;

/// <summary>
/// Outputs never replace what is not ours and never mix two runs: a device or FIFO is written through, a symbolic
/// link followed, a path the user cannot write is one line with exit 2, stale temporary files of a killed run are
/// removed, and an analyze folder is replaced as a set (locked, foreign files refused, files of earlier runs gone).
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-outputs-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static readonly string[] Fit = ["fit", "--data", RepoPaths.Data("fev_data.csv"), "--formula", "FEV1 ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT"];


    static void AssertInputError((int code, string stdout, string stderr) run, string reason)
    {
        Assert.True(run.code == 2, $"exit {run.code}: {run.stderr}");
        Assert.Single(run.stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(reason, run.stderr);
        Assert.DoesNotContain("internal error", run.stderr);
    }

    static string Shell(string command)
    {
        using var p = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true })!;
        string text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text.Trim();
    }

    [Fact]
    public async Task ADeviceOrAFifoIsWrittenThroughNeverReplaced()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(0, Run([.. Fit, "--out", "/dev/null"]).code);
        Assert.Equal("character special file", Shell("stat -c %F /dev/null"));
        var fifo = Path.Combine(dir, "pipe");
        Shell($"mkfifo '{fifo}'");
        var reader = Task.Run(() => File.ReadAllText(fifo));
        Assert.Equal(0, Run([.. Fit, "--out", fifo]).code);
        Assert.Contains("Model Information", await reader);
        Assert.Equal("fifo", Shell($"stat -c %F '{fifo}'"));
        // A full disk (/dev/full answers ENOSPC): the reason, exit 2.
        AssertInputError(Run([.. Fit, "--out", "/dev/full"]), "No space left on device");
    }

    [Fact]
    public void ASymbolicLinkIsFollowedAndStays()
    {
        if (OperatingSystem.IsWindows()) return;
        var real = Path.Combine(dir, "real.txt");
        File.WriteAllText(real, "old");
        var link = Path.Combine(dir, "link.txt");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, Run([.. Fit, "--out", link]).code);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Contains("Model Information", File.ReadAllText(real));
    }

    [Fact]
    public void AnUnwritablePathIsTheUsersErrorNotAnInternalOne()
    {
        File.WriteAllText(Path.Combine(dir, "file"), "x");
        AssertInputError(Run([.. Fit, "--out", dir]), "is a folder");
        AssertInputError(Run([.. Fit, "--out", Path.Combine(dir, "file", "out.txt")]), "is a file, not a folder");
        AssertInputError(Run([.. Fit, "--out", Path.Combine(dir, "nowhere", "out.txt")]), "does not exist");
        if (!OperatingSystem.IsWindows()) AssertInputError(Run([.. Fit, "--out", "/proc/rwestats-out.txt"]), "does not take new files");
        Assert.Equal(new[] { "file" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AStaleTemporaryFileOfAKilledRunIsRemoved()
    {
        var stale = Path.Combine(dir, $".out.txt.{int.MaxValue}.tmp");
        File.WriteAllText(stale, "half a report");
        Assert.Equal(0, Run([.. Fit, "--out", Path.Combine(dir, "out.txt")]).code);
        Assert.False(File.Exists(stale));
        Assert.Equal(new[] { "out.txt" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    string[] Analyze(string outDir) => ["analyze", RepoPaths.Data("example.json"), "--out", outDir];

    [Fact]
    public void AnAnalyzeFolderIsReplacedAsASet()
    {
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, Run(Analyze(outDir)).code);
        // Files of an earlier run that this run does not write (an outcome's figure, a table) are gone after it.
        File.WriteAllText(Path.Combine(outDir, "figures", "old_outcome.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(outDir, "replication.csv"), "stale");
        File.AppendAllLines(Path.Combine(outDir, ".rwestats-outputs"), ["replication.csv"]);
        var staging = Path.Combine(dir, $".out.{int.MaxValue}.tmp");
        Directory.CreateDirectory(staging);
        var second = Run(Analyze(outDir));
        Assert.True(second.code == 0, second.stderr);
        Assert.False(File.Exists(Path.Combine(outDir, "figures", "old_outcome.svg")));
        Assert.False(File.Exists(Path.Combine(outDir, "replication.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "fits.json")));
        Assert.False(Directory.Exists(staging));
        // Beside the folder: nothing left of the run (no staging folder, no lock, no previous set).
        Assert.Equal(new[] { "out" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AFolderWithOtherFilesIsRefusedAndLeftAlone()
    {
        var outDir = Path.Combine(dir, "mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes");
        AssertInputError(Run(Analyze(outDir)), "'notes.txt'");
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        Assert.Single(Directory.GetFileSystemEntries(outDir));
        // Beside the refused folder: nothing of the run, not even its lock file.
        Assert.Equal(new[] { "mine" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void ASecondRunIntoALockedFolderIsRefusedAtOnce()
    {
        var outDir = Path.Combine(dir, "busy");
        using (new FileStream(Path.Combine(dir, ".busy.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            AssertInputError(Run(Analyze(outDir)), "another rwestats run is writing this folder");
            Assert.False(Directory.Exists(outDir));
        }
        Assert.Equal(0, Run(Analyze(outDir)).code);
    }

    /// <summary>plot --out writes its figures as a set too: an earlier run's figure is gone, a foreign folder refused.</summary>
    [Fact]
    public void APlotFolderIsReplacedAsASet()
    {
        var outDir = Path.Combine(dir, "plots");
        var first = Run("plot", RepoPaths.Data("example.json"), "--out", outDir);
        Assert.True(first.code == 0, first.stderr);
        Assert.True(File.Exists(Path.Combine(outDir, ".rwestats-outputs")));
        var svgs = Directory.GetFiles(outDir, "*.svg").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(svgs);
        File.WriteAllText(Path.Combine(outDir, "old_outcome.svg"), "<svg/>");
        File.AppendAllLines(Path.Combine(outDir, ".rwestats-outputs"), ["old_outcome.svg"]);
        Assert.Equal(0, Run("plot", RepoPaths.Data("example.json"), "--out", outDir).code);
        Assert.False(File.Exists(Path.Combine(outDir, "old_outcome.svg")));
        Assert.Equal(svgs, Directory.GetFiles(outDir, "*.svg").Select(Path.GetFileName).ToList());
        Assert.Equal(new[] { "plots" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        var mine = Path.Combine(dir, "mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "my notes");
        AssertInputError(Run("plot", RepoPaths.Data("example.json"), "--out", mine), "'notes.txt'");
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(mine, "notes.txt")));
    }

    /// <summary>A report with a residual row per observation is streamed into --out: the same bytes as the report held
    /// as text and written to standard output (a writer, not a file), text and JSON.</summary>
    [Fact]
    public void AStreamedReportIsTheSameBytes()
    {
        string[] fit = ["fit", "--data", RepoPaths.Data("fev_data.csv"), "--formula", "FEV1 ~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID",
                        "--time", "AVISIT", "--covariance", "un", "--residuals"];
        var text = Path.Combine(dir, "fit.txt");
        var json = Path.Combine(dir, "fit.json");
        Assert.Equal(0, Run([.. fit, "--out", text]).code);
        Assert.Equal(0, Run([.. fit, "--format", "json", "--out", json]).code);
        Assert.Contains("Residuals", File.ReadAllText(text));
        Assert.Equal(Run(fit).stdout, File.ReadAllText(text));
        Assert.Equal(Run([.. fit, "--format", "json"]).stdout, File.ReadAllText(json));
    }
}
