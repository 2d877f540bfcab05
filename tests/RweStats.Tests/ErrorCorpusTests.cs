using System.Text;

namespace RweStats.Tests;

/// <summary>
/// The malformed and hostile inputs of tests/corpus (cases.tsv: case, arguments, expected message): each must end
/// with exit code 2, exactly one line on standard error naming where the problem is, no stack trace, and no output file.
/// </summary>
public class ErrorCorpusTests
{
    static readonly string Corpus = Path.Combine(RepoPaths.Root, "tests", "corpus");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus, "cases.tsv")).Where(l => !l.StartsWith('#') && l.Length > 0))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2]);
        }
        return data;
    }

    /// <summary>Splits a command line on spaces, honouring double quotes.</summary>
    static List<string> Split(string args)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (var c in args)
        {
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted) { if (any) result.Add(current.ToString()); current.Clear(); any = false; continue; }
            current.Append(c);
            any = true;
        }
        if (any) result.Add(current.ToString());
        return result;
    }

    static (int code, string stdout, string stderr) Run(IEnumerable<string> args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (RweStats.Cli.Cli.Run(args.ToArray(), o, e), o.ToString(), e.ToString());
    }

    static void AssertInputError((int code, string stdout, string stderr) r, string expected, string? outPath)
    {
        Assert.True(r.code == 2, $"exit code {r.code}; stderr: {r.stderr}");
        var lines = r.stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "one line expected:\n" + r.stderr);
        Assert.StartsWith("rwestats: error: ", r.stderr);
        Assert.Contains(expected, r.stderr);
        Assert.DoesNotContain("   at ", r.stderr);
        if (outPath is not null)
            Assert.False(File.Exists(outPath) || (Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any()), "no output may be written");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CorpusCase(string name, string arguments, string expected)
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"rwestats-corpus-{name}-{Guid.NewGuid():N}");
        var args = Split(arguments).Select(a => a == "OUT" ? outPath
            : !a.StartsWith('-') && (a.EndsWith(".csv") || a.EndsWith(".json")) ? Path.Combine(Corpus, a) : a).ToList();
        if (args[0] == "fit" && !args.Contains("--out")) args.AddRange(new[] { "--out", outPath + ".txt" });
        AssertInputError(Run(args), expected, args[0] == "fit" ? outPath + ".txt" : outPath);
    }

    [Fact]
    public void AnExactFitIsRefusedWithItsReason()
    {
        // y = subject effect + visit effect exactly: the residual variance goes to 0 and no covariance can be estimated.
        var file = Path.Combine(Path.GetTempPath(), $"rwestats-exact-{Guid.NewGuid():N}.csv");
        var sb = new StringBuilder("id,visit,y\n");
        for (int s = 0; s < 6; s++)
            for (int v = 1; v <= 3; v++) sb.Append(s).Append(",V").Append(v).Append(',').Append(3 * s + v * v % 4).Append('\n');
        File.WriteAllText(file, sb.ToString());
        AssertInputError(Run(new[] { "fit", "--data", file, "--formula", "y ~ visit", "--subject", "id", "--time", "visit", "--covariance", "cs" }),
            "Residual tends to 0", null);
        File.Delete(file);
    }

    [Fact]
    public void AMillionVisitLabelsAreRefused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rwestats-million-{Guid.NewGuid():N}.csv");
        var sb = new StringBuilder("id,visit,y\n");
        for (int i = 0; i < 1_000_000; i++) sb.Append(i % 1000).Append(",V").Append(i).Append(',').Append(i % 7).Append('\n');
        File.WriteAllText(file, sb.ToString());
        AssertInputError(Run(new[] { "fit", "--data", file, "--formula", "y ~ 1", "--subject", "id", "--time", "visit" }),
            "class variable 'visit' has 1000000 levels", null);
        File.Delete(file);
    }

    [Fact]
    public void AFileLargerThanTheReaderTakesIsRefused()
    {
        // A sparse file (no disk used) one byte over the largest array: refused before anything is read.
        var file = Path.Combine(Path.GetTempPath(), $"rwestats-huge-{Guid.NewGuid():N}.csv");
        using (var stream = File.Create(file)) stream.SetLength(Array.MaxLength + 1L);
        try
        {
            AssertInputError(Run(new[] { "fit", "--data", file, "--formula", "y ~ visit", "--subject", "id", "--time", "visit" }),
                "RweStats reads CSV files up to", null);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void TenThousandVisitsInOneSubjectAreRefused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rwestats-long-subject-{Guid.NewGuid():N}.csv");
        var sb = new StringBuilder("id,visit,y\n");
        for (int i = 0; i < 10_000; i++) sb.Append("1,V").Append(i).Append(',').Append(i % 5).Append('\n');
        for (int i = 0; i < 3; i++) sb.Append("2,V").Append(i).Append(',').Append(i).Append('\n');
        File.WriteAllText(file, sb.ToString());
        AssertInputError(Run(new[] { "fit", "--data", file, "--formula", "y ~ 1", "--subject", "id", "--time", "visit", "--covariance", "ar1" }),
            "has 10000 levels", null);
        File.Delete(file);
    }

    [Fact]
    public void LongFieldsEmbeddedNewlinesAndQuotesAreReadAsData()
    {
        // A 1 MB subject label and labels with quotes and newlines are legal CSV: the fit runs.
        var file = Path.Combine(Path.GetTempPath(), $"rwestats-fields-{Guid.NewGuid():N}.csv");
        var longId = new string('x', 1_000_000);
        var ids = new[] { longId, "a \"quoted\" id", "multi\nline", "plain", "comma, inside" };
        var sb = new StringBuilder("id,visit,y\n");
        for (int s = 0; s < ids.Length; s++)
            for (int v = 1; v <= 3; v++)
                sb.Append('"').Append(ids[s].Replace("\"", "\"\"")).Append("\",V").Append(v).Append(',').Append((3 * s + v + (s * 7 + v * 3) % 5 * 0.3).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(file, sb.ToString());
        var r = Run(new[] { "fit", "--data", file, "--formula", "y ~ visit", "--subject", "id", "--time", "visit", "--covariance", "cs", "--format", "json" });
        Assert.True(r.code == 0, r.stderr);
        Assert.Contains("\"n_subjects\": 5", r.stdout);
        File.Delete(file);
    }
}

/// <summary>Inputs the fuzzer once crashed on, replayed: they must now end in 0 or 2, never an internal error.</summary>
public class FuzzRegressionTests
{
    [Theory]
    [InlineData("fuzz_tiny_df.csv", "un")] // Satterthwaite df → 0: Math.NET's t quantile root-finder failed (exit 1)
    public void FormerCrashesEndCleanly(string file, string covariance)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(new[] { "fit", "--data", Path.Combine(RepoPaths.Root, "tests", "corpus", file), "--formula", "y ~ visit*arm + x",
            "--subject", "id", "--time", "visit", "--covariance", covariance, "--time-value", "month", "--format", "json" }, o, e);
        Assert.True(code is 0 or 2, e.ToString());
    }
}
