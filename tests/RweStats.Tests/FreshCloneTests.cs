using System.Diagnostics;
using RweStats.Reporting;

namespace RweStats.Tests;

/// <summary>What a new user meets first in a fresh clone: the launcher's first build, mistyped options and visit
/// labels, p-values as a paper prints them, an analysis whose outcome fails.</summary>
public class FreshCloneTests
{
    static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    static readonly string[] Fit = { "fit", "--data", RepoPaths.Data("example_cohort.csv"), "--formula", "y ~ visit*arm", "--subject", "id", "--time", "visit" };

    [Fact]
    public void MistypedOptionGetsTheClosestOptionAndTheCommandsHelp()
    {
        var (code, stdout, stderr) = Run(Fit.Concat(new[] { "--covarience", "ar1" }).ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("rwestats: error: unknown option '--covarience'; did you mean '--covariance'? see 'rwestats fit --help'", stderr.TrimEnd('\n'));
        // Nothing close: the help alone.
        Assert.Contains("unknown option '--colour'; see 'rwestats fit --help'", Run(Fit.Concat(new[] { "--colour", "red" }).ToArray()).stderr);
    }

    [Fact]
    public void FitWithoutOptionsNamesEveryRequiredOption()
    {
        var (code, _, stderr) = Run("fit");
        Assert.Equal(2, code);
        Assert.Equal("rwestats: error: missing required options '--data', '--formula', '--subject', '--time'; see 'rwestats fit --help'", stderr.TrimEnd('\n'));
        Assert.Contains("missing required options '--subject', '--time'", Run("fit", "--data", "x.csv", "--formula", "y ~ visit").stderr);
    }

    [Fact]
    public void MistypedVisitInTheTimeOrderNamesTheLabelTypedAndTheVisitMeant()
    {
        var (code, _, stderr) = Run(Fit.Concat(new[] { "--time-order", "V1,V3,V2x" }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("visit 'V2' is not in --time-order V1,V3,V2x; the order lists 'V2x', which no row has: did you mean 'V2'?", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void VisitOfTheTimeOrderWithoutDataGetsANote()
    {
        var (code, stdout, _) = Run(Fit.Concat(new[] { "--time-order", "V1,V2,V2b,V3" }).ToArray());
        Assert.Equal(0, code);
        Assert.Contains("the given visit order lists 'V2b', with no observation used", stdout);
    }

    [Theory]
    [InlineData(0.2189, "0.219")]
    [InlineData(0.0339, "0.0339")]
    [InlineData(0.0001133, "0.000113")]
    [InlineData(0.09996, "0.100")]
    [InlineData(1.0, "1.000")]
    [InlineData(2.345e-7, "2.35e-07")]
    [InlineData(3e-12, "< 1e-10")]
    [InlineData(double.NaN, "NA")]
    public void PValuesPrintWithThreeSignificantDigits(double p, string printed) => Assert.Equal(printed, NumberColumns.PValue(p));

    [Fact]
    public void TheTextReportPrintsPValuesAsAPaperDoes()
    {
        var (_, stdout, _) = Run(Fit);
        Assert.DoesNotContain("<.0001", stdout);
        // The visit p-values of the example are far below 10^-4: printed in scientific notation, not as 0.0000.
        Assert.Matches(@"visit\s+2\s+\d+\.\d\s+\d+\.\d\d\s+(\d\.\d\de-\d\d|< 1e-10)", stdout);
    }

    [Fact]
    public void AnalyzeReportsAFailedOutcomeOnce()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-once-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var spec = File.ReadAllText(RepoPaths.Data("example.json"))
                .Replace("example_cohort.csv", RepoPaths.Data("example_cohort.csv").Replace("\\", "/"))
                .Replace("*arm + base", "*arm + base + nosuchcolumn");
            var path = Path.Combine(dir, "spec.json");
            File.WriteAllText(path, spec);
            var (code, stdout, stderr) = Run("analyze", path, "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, code);
            Assert.Contains("nosuchcolumn", stderr);
            Assert.DoesNotContain("nosuchcolumn", stdout);
            Assert.Contains("failed", stdout);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// The launcher (./rwestats) run in a copy of the repository's layout with a stand-in for dotnet: the first run says
    /// it builds; files that builds write under obj/ and bin/ (newer than the tool) do not make it build again; a
    /// source edit does. For both of its builds: native (AOT, the executable run itself) and ReadyToRun (run by dotnet).
    /// </summary>
    [Theory]
    [InlineData("aot", "Aot/RweStats.Cli", "compiles it natively (AOT)")]
    [InlineData("readytorun", "ReadyToRun/RweStats.Cli.dll", "compiles in Release")]
    public void LauncherSaysWhenItBuildsAndIgnoresGeneratedFiles(string build, string toolPath, string says)
    {
        if (OperatingSystem.IsWindows()) return; // a bash script
        var root = Path.Combine(Path.GetTempPath(), $"rwestats-launcher-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "src", "RweStats", "obj"));
            Directory.CreateDirectory(Path.Combine(root, "bin"));
            File.Copy(Path.Combine(RepoPaths.Root, "rwestats"), Path.Combine(root, "rwestats"));
            File.WriteAllText(Path.Combine(root, "src", "RweStats", "Model.cs"), "// a source\n");
            // dotnet: "publish" writes the tool (and logs it), "exec"-style runs print "ran".
            var fake = Path.Combine(root, "bin", "dotnet");
            File.WriteAllText(fake, """
                #!/usr/bin/env bash
                if [ "$1" = publish ]; then
                  while [ $# -gt 0 ]; do
                    if [ "$1" = -o ]; then mkdir -p "$2"; touch "$2/RweStats.Cli.dll"; printf '#!/usr/bin/env bash\necho ran\n' > "$2/RweStats.Cli"; chmod +x "$2/RweStats.Cli"; fi
                    shift
                  done
                  echo published >> "$(dirname "$0")/publish.log"; exit 0
                fi
                [ "$1" = --info ] && exit 0
                echo ran
                """.Replace("\r\n", "\n"));
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(Path.Combine(root, "rwestats"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            (string stdout, string stderr) Launch()
            {
                var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
                start.ArgumentList.Add(Path.Combine(root, "rwestats"));
                start.Environment["PATH"] = Path.Combine(root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
                start.Environment["RWESTATS_BUILD"] = build;
                using var p = Process.Start(start)!;
                var err = p.StandardError.ReadToEndAsync();
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                Assert.Equal(0, p.ExitCode);
                return (output, err.Result);
            }
            int Publishes() => File.Exists(Path.Combine(root, "bin", "publish.log")) ? File.ReadAllLines(Path.Combine(root, "bin", "publish.log")).Length : 0;
            var dll = Path.Combine(root, "src", "RweStats.Cli", "bin", toolPath);

            var past = DateTime.UtcNow.AddMinutes(-10); // the sources as a clone has them, older than any build
            File.SetLastWriteTimeUtc(Path.Combine(root, "rwestats"), past);
            File.SetLastWriteTimeUtc(Path.Combine(root, "src", "RweStats", "Model.cs"), past);
            var first = Launch();
            Assert.Equal(1, Publishes());
            Assert.Contains("rwestats: building the tool (first run", first.stderr);
            Assert.Contains(says, first.stderr);
            Assert.Equal("ran\n", first.stdout);

            // What `dotnet test` or `dotnet pack` leave behind: generated sources under obj/, newer than the tool.
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(-5));
            File.WriteAllText(Path.Combine(root, "src", "RweStats", "obj", "RweStats.AssemblyInfo.cs"), "// generated\n");
            var second = Launch();
            Assert.Equal(1, Publishes());
            Assert.Equal("", second.stderr);

            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(-5));
            File.WriteAllText(Path.Combine(root, "src", "RweStats", "Model.cs"), "// an edit\n");
            var third = Launch();
            Assert.Equal(2, Publishes());
            Assert.Contains("building the tool again", third.stderr);
        }
        finally { Directory.Delete(root, true); }
    }
}
