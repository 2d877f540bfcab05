namespace RweStats.Data;

/// <summary>
/// The name a user most likely meant when the one given does not exist (a column, a spec key): the same name in
/// another case first ("ID" for "id"), otherwise the nearest by Levenshtein edit distance (insertions, deletions,
/// substitutions, case-insensitive) when it is small against the name's length, so that a typo gets a suggestion
/// and an unrelated name gets none.
/// </summary>
public static class ClosestName
{
    /// <summary>The candidate meant, or null when none is close enough to suggest.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var list = candidates.Where(c => c != name).ToList();
        var sameLetters = list.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null) return sameLetters;
        // At most one edit in a name of up to 4 characters, two up to 8, three beyond: "AVISTN" → "AVISITN",
        // "wieght" → "weight", never "y" → "id".
        int allowed = name.Length <= 4 ? 1 : name.Length <= 8 ? 2 : 3;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in list)
        {
            int d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance && d <= allowed && d < Math.Max(name.Length, c.Length)) { best = c; bestDistance = d; }
        }
        return best;
    }

    /// <summary>
    /// The one message for a column a source does not have, whatever the source (a file read into memory, a row filter,
    /// a database or DuckDB query): "SOURCE: no column 'AVALL' (named as ROLE); did you mean 'AVAL'? its columns are: …".
    /// </summary>
    public static string NoColumn(string source, string name, string? role, IReadOnlyList<string> columns) =>
        $"{source}: no column '{name}'{(role is null ? "" : $" (named as {role})")}; {Hint(name, columns)}its columns are: {string.Join(", ", columns)}";

    /// <summary>"did you mean 'X'? " or the empty string: to put before the list of names in an error message.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Find(name, candidates) is { } c ? $"did you mean '{c}'? " : "";

    /// <summary>Levenshtein distance (Wagner–Fischer dynamic programme, two rows).</summary>
    static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
