namespace RweStats.Tests;

/// <summary>Locates files of the repository (data/, tests/fixtures/) from the test binaries, whatever the working folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RweStats.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RweStats.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Data(string name) => Path.Combine(Root, "data", name);
    public static string Fixture(params string[] parts) => Path.Combine(new[] { Root, "tests", "fixtures" }.Concat(parts).ToArray());
}
