// Writes THIRD-PARTY-NOTICES.md from the packages the library and the tool ship, or checks it (--check).
//
//   dotnet run scripts/third-party-notices.cs            # rewrite THIRD-PARTY-NOTICES.md
//   dotnet run scripts/third-party-notices.cs -- --check # exit 1 when the file is stale or a licence is copyleft
//
// The package list is `dotnet list package --include-transitive` of the packable projects (after a restore); each
// package's licence is the SPDX expression of its .nuspec in the NuGet packages folder. A package that states its
// licence only by URL is accepted when the URL is one recorded below with the licence read there; any other URL fails
// (read the licence, then record it). A GPL or AGPL licence with no permissive alternative fails: nothing the project
// ships may carry one.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ScriptPath())!, ".."));
string[] shippedProjects = ["src/RweStats/RweStats.csproj", "src/RweStats.Cli/RweStats.Cli.csproj"];
string noticesPath = Path.Combine(root, "THIRD-PARTY-NOTICES.md");
bool check = args.Contains("--check");

// Packages whose .nuspec gives a licence URL and no expression: the URL and the licence read at it.
var licenceByUrl = new Dictionary<string, string>
{
    ["https://github.com/MiloszKrajewski/K4os.Compression.LZ4/blob/master/LICENSE?raw=true"] = "MIT",
};

var packages = new SortedDictionary<string, (string Version, SortedSet<string> ShippedBy)>(StringComparer.OrdinalIgnoreCase);
string? packagesFolder = null;
foreach (var project in shippedProjects)
{
    var json = Run("dotnet", "list", Path.Combine(root, project), "package", "--include-transitive", "--format", "json");
    using var doc = JsonDocument.Parse(json);
    var label = project.Contains("Cli") ? "rwestats tool" : "RweStats library";
    foreach (var p in doc.RootElement.GetProperty("projects").EnumerateArray())
    foreach (var f in p.GetProperty("frameworks").EnumerateArray())
    foreach (var kind in new[] { "topLevelPackages", "transitivePackages" })
    {
        if (!f.TryGetProperty(kind, out var list)) continue;
        foreach (var pkg in list.EnumerateArray())
        {
            var id = pkg.GetProperty("id").GetString()!;
            var version = pkg.GetProperty("resolvedVersion").GetString()!;
            if (!packages.TryGetValue(id, out var entry))
                packages[id] = entry = (version, new SortedSet<string>(StringComparer.Ordinal));
            else if (entry.Version != version)
                Fail($"{id} resolves to {entry.Version} in one shipped project and {version} in another");
            entry.ShippedBy.Add(label);
        }
    }
    using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, Path.GetDirectoryName(project)!, "obj", "project.assets.json")));
    packagesFolder ??= assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
}
if (packages.Count == 0) Fail("no package found: restore the projects first (dotnet restore)");

var rows = new List<string>();
var problems = new List<string>();
foreach (var (id, (version, shippedBy)) in packages)
{
    var dir = Path.Combine(packagesFolder!, id.ToLowerInvariant(), version.ToLowerInvariant());
    var nuspecPath = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.nuspec").FirstOrDefault() : null;
    if (nuspecPath is null) { problems.Add($"{id} {version}: no .nuspec in {dir} (restore first)"); continue; }
    var meta = XDocument.Load(nuspecPath).Root!.Elements().First(e => e.Name.LocalName == "metadata");
    string? Get(string name) => meta.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    var licenceElement = meta.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
    string? licence = licenceElement?.Attribute("type")?.Value == "expression" ? licenceElement.Value.Trim() : null;
    var url = Get("licenseUrl");
    if (licence is null && url is not null && licenceByUrl.TryGetValue(url, out var recorded)) licence = recorded;
    if (licence is null)
    {
        problems.Add($"{id} {version}: the .nuspec states no SPDX licence expression (licence URL: {url ?? "none"}); read it and record it in scripts/third-party-notices.cs");
        continue;
    }
    if (IsCopyleftOnly(licence)) problems.Add($"{id} {version}: licence {licence} is copyleft (GPL/AGPL); the project ships no such dependency");
    var project = Get("projectUrl") ?? Get("repository") ?? "";
    var authors = Get("authors") ?? "";
    rows.Add($"| {id} | {version} | {licence} | {Escape(authors)} | {project} | {string.Join(", ", shippedBy)} |");
}

var text = new StringBuilder();
text.Append("""
    # Third-party notices

    RweStats is released under the MIT licence (LICENSE). The RweStats library and the `rwestats` .NET tool ship, or make
    NuGet install, the packages below; each is distributed under its own licence, as stated in its package metadata.
    The list is written by `dotnet run scripts/third-party-notices.cs` from `dotnet list package --include-transitive`
    of the two packable projects, and CI checks that it is current and that no licence in it is GPL or AGPL.

    | Package | Version | Licence (SPDX) | Authors | Project | Shipped by |
    | --- | --- | --- | --- | --- | --- |

    """.Replace("\r\n", "\n"));
foreach (var r in rows) text.Append(r).Append('\n');
text.Append("""

    ## Also shipped

    | Component | Licence | Where |
    | --- | --- | --- |
    | DejaVu Sans and DejaVu Sans Bold fonts (embedded, for figures) | Bitstream Vera Fonts licence with the DejaVu changes (permissive) | src/RweStats/Figures/Fonts/LICENSE.txt |

    Native libraries come inside the packages above under those packages' licences: DuckDB (MIT) in DuckDB.NET.Bindings.Full,
    Skia (BSD-3-Clause) in SkiaSharp.NativeAssets.*, HarfBuzz (MIT) in HarfBuzzSharp.NativeAssets.*.

    """.Replace("\r\n", "\n"));

foreach (var p in problems) Console.Error.WriteLine($"third-party notices: {p}");
if (check)
{
    var current = File.Exists(noticesPath) ? File.ReadAllText(noticesPath).Replace("\r\n", "\n") : "";
    if (current != text.ToString())
        problems.Add("THIRD-PARTY-NOTICES.md does not list the shipped packages as they resolve now: run `dotnet run scripts/third-party-notices.cs` and commit the file");
    if (problems.Count > 0) { Console.Error.WriteLine(problems.Last()); return 1; }
    Console.WriteLine($"third-party notices: {packages.Count} shipped packages listed, none GPL or AGPL");
    return 0;
}
if (problems.Count > 0) return 1;
File.WriteAllText(noticesPath, text.ToString());
Console.WriteLine($"third-party notices: wrote {packages.Count} packages to THIRD-PARTY-NOTICES.md");
return 0;

// "MIT", "MS-PL OR Apache-2.0": copyleft-only when every OR alternative names GPL or AGPL (LGPL is not in that set).
static bool IsCopyleftOnly(string expression) =>
    expression.Split(" OR ", StringSplitOptions.TrimEntries)
        .All(alt => alt.Trim('(', ')').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.StartsWith("GPL-", StringComparison.OrdinalIgnoreCase) || t.StartsWith("AGPL-", StringComparison.OrdinalIgnoreCase)));

static string Escape(string s) => s.Replace("|", "\\|");

static string Run(string file, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in arguments) start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEndAsync();
    var stdout = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) Fail($"{file} {string.Join(' ', arguments)} failed: {stdout}{stderr.Result}");
    return stdout;
}

static void Fail(string message)
{
    Console.Error.WriteLine($"third-party notices: {message}");
    Environment.Exit(1);
}

static string ScriptPath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
