using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RweStats.Tests;

/// <summary>
/// Every code and command example of README.md and docs/*.md, exactly as the page prints it: each ```csharp block is
/// compiled with Roslyn against the library and run; each `./rwestats` line of a ```sh block is run by the command-line
/// tool (a child process, in a scratch folder that sees the repository's data/ and tests/), and must exit with 0. A
/// block that cannot run here (it names the reader's own file or server) says so in an HTML comment on the line above
/// it, `&lt;!-- not run: REASON --&gt;`; the test checks that such a block still calls known commands.
/// </summary>
[LongRunning(100)]
public class DocsExampleTests(DocsExampleTests.CommandRuns runs) : IClassFixture<DocsExampleTests.CommandRuns>
{
    /// <summary>
    /// Each distinct command line run once for the class: pages repeat commands (README.md and docs/index.md both show
    /// `./rwestats replicate`; README.md and docs/tutorial.md both `./rwestats analyze data/example.json --out results/`),
    /// and the same command in the same fresh scratch folder gives the same exit and standard error. Every page's
    /// example stays a test case of its own and asserts on that run.
    /// </summary>
    public sealed class CommandRuns
    {
        readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<(int Exit, string Stderr)>>> runs = new(StringComparer.Ordinal);

        public Task<(int Exit, string Stderr)> Run(string command) =>
            runs.GetOrAdd(command, c => new Lazy<Task<(int, string)>>(() => RunInScratchFolder(c))).Value;
    }

    static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>What `dotnet new console` (ImplicitUsings enabled) adds to every file: the reader starts there.</summary>
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    static readonly string[] Commands = { "fit", "analyze", "replicate", "plot", "verify", "check", "sensitivity", "simulate", "impute" };

    /// <summary>A fenced block of a page: its language, text, first line and the reason given when it is not run.</summary>
    public sealed record CodeBlock(string Page, int Line, string Language, string Text, string? NotRun);

    static IEnumerable<string> Pages() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md")
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal));

    public static IReadOnlyList<CodeBlock> Blocks(string page)
    {
        var lines = File.ReadAllText(Path.Combine(RepoPaths.Root, page)).Replace("\r\n", "\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            var open = Regex.Match(lines[i], "^(\\s*)```(\\w*)\\s*$");
            if (!open.Success) continue;
            string indent = open.Groups[1].Value;
            int end = i + 1;
            while (end < lines.Length && lines[end].Trim() != "```") end++;
            var text = string.Join("\n", lines[(i + 1)..end].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart()));
            int previous = i - 1;
            while (previous >= 0 && lines[previous].Trim().Length == 0) previous--;
            var notRun = previous >= 0 ? Regex.Match(lines[previous], "^\\s*<!-- not run: (.+?) -->\\s*$") : Match.Empty;
            blocks.Add(new CodeBlock(page, i + 1, open.Groups[2].Value, text, notRun.Success ? notRun.Groups[1].Value : null));
            i = end;
        }
        return blocks;
    }

    public static TheoryData<string, int> CSharpExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in Pages())
            foreach (var b in Blocks(page).Where(b => b.Language == "csharp" && b.NotRun is null))
                data.Add(page, b.Line);
        return data;
    }

    public static TheoryData<string, int, string> CommandExamples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var page in Pages())
            foreach (var b in Blocks(page).Where(b => b.Language is "sh" or "bash" && b.NotRun is null))
                foreach (var command in CommandLines(b.Text).Where(c => c.StartsWith("./rwestats ", StringComparison.Ordinal)))
                    data.Add(page, b.Line, command);
        return data;
    }

    /// <summary>The block's commands: continuation lines joined, comments and blank lines left out.</summary>
    static IEnumerable<string> CommandLines(string text) =>
        Regex.Replace(text, "\\\\\n\\s*", " ").Split('\n').Select(StripComment).Where(l => l.Length > 0);

    static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i].Trim();
        }
        return line.Trim();
    }

    /// <summary>A command line split as a POSIX shell splits it (single and double quotes, no expansion).</summary>
    static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; else word.Append(c); }
            else if (c is '"' or '\'') { quote = c; inWord = true; }
            else if (char.IsWhiteSpace(c)) { if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; } }
            else { word.Append(c); inWord = true; }
        }
        Assert.True(quote == '\0', $"unclosed quote in: {line}");
        if (inWord) words.Add(word.ToString());
        return words;
    }

    [Fact]
    public void EveryExampleBlockIsRunOrSaysWhyNot()
    {
        Assert.NotEmpty(CSharpExamples());
        Assert.NotEmpty(CommandExamples());
        foreach (var page in Pages())
            foreach (var b in Blocks(page).Where(b => b.Language is "sh" or "bash"))
                foreach (var line in CommandLines(b.Text))
                {
                    var words = ShellWords(line);
                    if (words[0] == "./rwestats")
                        Assert.True(words.Count > 1 && Commands.Contains(words[1]), $"{page}:{b.Line}: '{line}' names no rwestats command");
                    else if (b.NotRun is null)
                        // The test command is CI's own; any other command needs a reason not to be run here.
                        Assert.True(line.StartsWith("dotnet test", StringComparison.Ordinal),
                            $"{page}:{b.Line}: '{line}' is not run by the tests: mark the block <!-- not run: REASON -->");
                }
    }

    [Theory]
    [MemberData(nameof(CSharpExamples))]
    public async Task CSharpExampleCompilesAndRuns(string page, int line)
    {
        var code = Blocks(page).Single(b => b.Line == line).Text;
        var bin = AppContext.BaseDirectory;
        // Every framework assembly, and the library with its dependencies from this test's output folder.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(new[] { "RweStats.dll", "Microsoft.Data.Analysis.dll", "MathNet.Numerics.dll", "Microsoft.ML.DataView.dll", "Apache.Arrow.dll", "DuckDB.NET.Data.dll", "DuckDB.NET.Bindings.dll", "ScottPlot.dll" }
                .Select(f => Path.Combine(bin, f)))
            .Distinct().Select(p => MetadataReference.CreateFromFile(p)).ToList();
        var compilation = CSharpCompilation.Create("DocsExample",
            new[] { CSharpSyntaxTree.ParseText(code, Parse), CSharpSyntaxTree.ParseText(ImplicitUsings, Parse) },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        // The example runs beside the library: the host finds RweStats.dll and its dependencies in the app folder.
        var dll = Path.Combine(bin, $"DocsExample-{Guid.NewGuid():N}.dll");
        try
        {
            var result = compilation.Emit(dll);
            Assert.True(result.Success, $"the example of {page}:{line} does not compile:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
            var (exit, stdout, stderr) = await Run(RepoPaths.Root, "exec", "--runtimeconfig", Path.Combine(bin, "RweStats.Tests.runtimeconfig.json"), dll);
            Assert.True(exit == 0, $"the example of {page}:{line} failed ({exit}):\n{stderr}");
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"the example of {page}:{line} printed nothing");
            // Readable as printed: p with its significant digits (never "p = 0.0000"), a DataFrame's columns apart.
            Assert.DoesNotContain("p = 0.0000", stdout);
            if (stdout.Contains("std_error", StringComparison.Ordinal))
                Assert.Matches(@"estimate\s+std_error\s+df\s+t_value\s+p_value", stdout);
        }
        finally { File.Delete(dll); }
    }

    [Theory]
    [MemberData(nameof(CommandExamples))]
    public async Task CommandExampleRuns(string page, int line, string command)
    {
        var (exit, stderr) = await runs.Run(command);
        Assert.True(exit == 0, $"{page}:{line}: `{command}` exited with {exit}:\n{stderr}");
    }

    /// <summary>The command run by the command-line tool in a scratch folder that sees the repository's inputs; what
    /// the command writes stays there.</summary>
    static async Task<(int Exit, string Stderr)> RunInScratchFolder(string command)
    {
        var scratch = Directory.CreateTempSubdirectory("rwestats-docs-");
        try
        {
            foreach (var input in new[] { "data", "tests" })
                Directory.CreateSymbolicLink(Path.Combine(scratch.FullName, input), Path.Combine(RepoPaths.Root, input));
            var args = ShellWords(command).Skip(1).Prepend(Path.Combine(AppContext.BaseDirectory, "RweStats.Cli.dll")).ToArray();
            var (exit, _, stderr) = await Run(scratch.FullName, args);
            return (exit, stderr);
        }
        finally { scratch.Delete(true); }
    }

    static async Task<(int Exit, string Stdout, string Stderr)> Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout, await stderr);
    }
}
