using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RweStats.Tests;

/// <summary>
/// The README's C# example, exactly as the README prints it: extracted from README.md, compiled with Roslyn against
/// the library and its dependencies, and run (in a child process, from the repository root) — so the README cannot
/// drift from the API.
/// </summary>
public class ReadmeExampleTests
{
    const string Section = "## Using RweStats from C#";

    static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>What `dotnet new console` (ImplicitUsings enabled) adds to every file: the README's reader starts there.</summary>
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    static string ExampleCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no section '{Section}'");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal);
        Assert.True(start >= 0, "the section has no ```csharp block");
        start += "```csharp\n".Length;
        int end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    [Fact]
    public async Task ReadmeCSharpExampleCompilesAndRuns()
    {
        var code = ExampleCode();
        var bin = AppContext.BaseDirectory;
        // Every framework assembly, and the library with its dependencies from this test's output folder.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(new[] { "RweStats.dll", "Microsoft.Data.Analysis.dll", "MathNet.Numerics.dll", "Microsoft.ML.DataView.dll", "Apache.Arrow.dll" }
                .Select(f => Path.Combine(bin, f)))
            .Distinct().Select(p => MetadataReference.CreateFromFile(p)).ToList();
        var compilation = CSharpCompilation.Create("ReadmeExample",
            new[] { CSharpSyntaxTree.ParseText(code, Parse), CSharpSyntaxTree.ParseText(ImplicitUsings, Parse) },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        // The example runs beside the library: the host finds RweStats.dll and its dependencies in the app folder.
        var dll = Path.Combine(bin, $"ReadmeExample-{Guid.NewGuid():N}.dll");
        try
        {
            var result = compilation.Emit(dll);
            Assert.True(result.Success, "the README example does not compile:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var a in new[] { "exec", "--runtimeconfig", Path.Combine(bin, "RweStats.Tests.runtimeconfig.json"), dll })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var errors = await stderr;
            Assert.True(process.ExitCode == 0, $"the README example failed ({process.ExitCode}):\n{errors}");
            Assert.Contains("V3 - V1 (Satterthwaite):", stdout);
            Assert.Contains("V3 - V1 (KenwardRoger):", stdout);
            Assert.Contains("estimate", stdout); // the solution DataFrame's header
            // Readable as printed: p with its significant digits (never "p = 0.0000"), the table's columns apart.
            Assert.DoesNotContain("p = 0.0000", stdout);
            Assert.Matches(@"V3 - V1 \(Satterthwaite\): estimate -?\d+\.\d{4} \(SE \d+\.\d{4}, df \d+\.\d\), t = -?\d+\.\d\d, p (= \d|< 1e-10)", stdout);
            Assert.Matches(@"term\s+effect\s+.*\s+estimate\s+std_error\s+df\s+t_value\s+p_value\s+lower\s+upper", stdout);
        }
        finally { File.Delete(dll); }
    }
}
