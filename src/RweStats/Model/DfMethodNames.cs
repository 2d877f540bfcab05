namespace RweStats.Model;

/// <summary>One denominator-df method: its name on the command line, in the analysis spec and in the JSON.</summary>
public sealed record DfMethodName(DfMethod Method, string Name);

/// <summary>
/// The one table of denominator-df method names shared by the command line (--df), the analysis spec ("df") and the
/// JSON output ("df_method"). A name not in it is an error, never a fallback.
/// </summary>
public static class DfMethodNames
{
    /// <summary>Every df method with its name.</summary>
    public static IReadOnlyList<DfMethodName> All { get; } = new[]
    {
        new DfMethodName(DfMethod.Residual, "residual"),
        new DfMethodName(DfMethod.Containment, "containment"),
        new DfMethodName(DfMethod.BetweenWithin, "between-within"),
        new DfMethodName(DfMethod.Satterthwaite, "satterthwaite"),
        new DfMethodName(DfMethod.KenwardRoger, "kenward-roger"),
        new DfMethodName(DfMethod.KenwardRogerLinear, "kenward-roger-linear"),
    };

    /// <summary>The names, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>The name of a method (an undefined enum value is a programming error).</summary>
    public static string Name(DfMethod method) =>
        All.FirstOrDefault(d => d.Method == method)?.Name ?? throw new ArgumentOutOfRangeException(nameof(method), method, "not a denominator-df method");

    /// <summary>The df method of a name.</summary>
    public static bool TryParse(string name, out DfMethod method)
    {
        var entry = All.FirstOrDefault(d => d.Name == name);
        method = entry?.Method ?? default;
        return entry is not null;
    }

    /// <summary>The method of a name; an unknown name is an input error listing the known ones.</summary>
    public static DfMethod Parse(string name) => TryParse(name, out var m) ? m
        : throw new RweStatsInputException($"unknown denominator-df method '{name}'; use one of: {string.Join(", ", Names)}");
}
