using System.Globalization;

namespace RweStats.Cli;

/// <summary>
/// Command-line arguments of one command: "--name value" options (repeatable where declared),
/// "--flag" switches and positional arguments. Unknown options are usage errors (exit code 2).
/// </summary>
public sealed class Arguments
{
    readonly Dictionary<string, List<string>> options = new();
    readonly HashSet<string> flags = new();
    readonly string? command;
    public List<string> Positional { get; } = new();

    /// <param name="command">The command these arguments belong to ("fit"): its help is what an error points to.</param>
    public Arguments(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions, string? command = null)
    {
        this.command = command;
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--")) { Positional.Add(a); continue; }
            string name = a; string? inline = null;
            int eq = a.IndexOf('=');
            if (eq > 0) { name = a[..eq]; inline = a[(eq + 1)..]; }
            if (flagOptions.Contains(name)) { flags.Add(name); continue; }
            if (!valueOptions.Contains(name))
                throw new RweStatsInputException(UnknownOption(name, valueOptions.Concat(flagOptions)));
            string value;
            if (inline is not null) value = inline;
            else if (e.MoveNext()) value = e.Current;
            else throw new RweStatsInputException($"option '{name}' needs a value");
            if (!options.TryGetValue(name, out var list)) options[name] = list = new List<string>();
            list.Add(value);
        }
    }

    public bool Flag(string name) => flags.Contains(name);

    public string? Value(string name)
    {
        if (!options.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw new RweStatsInputException($"option '{name}' given {list.Count} times; give it once");
        return list[0];
    }

    public string Required(string name) => Value(name) ?? throw new RweStatsInputException($"missing required option '{name}'; {SeeHelp}");

    /// <summary>Refuses the arguments when any of these options is missing, naming every one that is.</summary>
    public void RequireAll(params string[] names)
    {
        var missing = names.Where(n => !options.ContainsKey(n)).ToList();
        if (missing.Count > 1)
            throw new RweStatsInputException($"missing required options {string.Join(", ", missing.Select(n => $"'{n}'"))}; {SeeHelp}");
        if (missing.Count == 1) Required(missing[0]);
    }

    string SeeHelp => command is null ? "see 'rwestats help'" : $"see 'rwestats {command} --help'";

    /// <summary>"unknown option '--covarience'; did you mean '--covariance'? see 'rwestats fit --help'": the closest of the
    /// command's options by edit distance (<see cref="Data.ClosestName"/>), and the command's own help.</summary>
    string UnknownOption(string name, IEnumerable<string> known) =>
        $"unknown option '{name}'; {Data.ClosestName.Hint(name, known)}{SeeHelp}";

    public IReadOnlyList<string> Values(string name) => options.TryGetValue(name, out var list) ? list : new List<string>();

    public double Number(string name, double fallback)
    {
        var v = Value(name);
        if (v is null) return fallback;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw new RweStatsInputException($"option '{name}': '{v}' is not a number");
        return d;
    }

    public T Choice<T>(string name, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        var v = Value(name);
        if (v is null) return fallback;
        if (!choices.TryGetValue(v.ToLowerInvariant(), out var c))
            throw new RweStatsInputException($"option '{name}': '{v}' is not one of {string.Join(", ", choices.Keys)}");
        return c;
    }
}
