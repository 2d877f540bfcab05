using System.Globalization;

namespace RweStats.Model;

/// <summary>
/// A numeric column named in the formula is a covariate (SAS and R do the same): one slope. When its values are
/// really codes — a site "701", "703", "705", a centre number, a dose group 1/2/3 — that slope is a wrong model that
/// runs without complaint. This check says so in the fit's notes (the rule itself is kept).
/// <para>
/// A covariate looks like a code when every value used is a whole number, it has between
/// <see cref="MinDistinct"/> and <see cref="MaxDistinct"/> distinct values (two values only when they are not 0/1:
/// a 0/1 indicator is a deliberate dummy and fits the same either way), and each value is shared on average by at
/// least <see cref="MinSubjectsPerValue"/> subjects. An ordinary covariate fails at least one: a measured baseline
/// (FEV1 25.27) is not whole, an integer score has many values (a SLEDAI baseline over 60 patients), or few
/// subjects per value (8 distinct scores among 14 patients).
/// </para>
/// </summary>
public static class CodeLikeCovariates
{
    public const int MinDistinct = 2;
    public const int MaxDistinct = 10;
    public const int MinSubjectsPerValue = 5;

    /// <summary>The note for one covariate, or null when it does not look like a code.</summary>
    /// <param name="name">The column.</param>
    /// <param name="values">Its value on each row used.</param>
    /// <param name="subjects">Subjects with data.</param>
    public static string? Note(string name, IReadOnlyList<double> values, int subjects)
    {
        var seen = new CodeLikeValues();
        foreach (var v in values) seen.Add(v);
        return Note(name, seen, subjects);
    }

    /// <summary>The same note from the values gathered while a source was read (a streamed file, a database).</summary>
    public static string? Note(string name, CodeLikeValues values, int subjects)
    {
        if (!values.Possible) return null;
        var distinct = values.Distinct;
        if (distinct.Count < MinDistinct) return null;
        if (distinct.Count == 2 && distinct.Contains(0) && distinct.Contains(1)) return null;
        if (distinct.Count * MinSubjectsPerValue > subjects) return null;
        var shown = distinct.OrderBy(v => v).Select(v => v.ToString("R", CultureInfo.InvariantCulture));
        return $"'{name}' is numeric with only {distinct.Count} distinct whole values ({string.Join(", ", shown)}), so it entered the model as a covariate " +
               $"(one linear slope). If these numbers are codes (a site, a centre, a group), make it a class variable: {{ClassVariables}} {name}.";
    }
}

/// <summary>
/// What the code check needs of a covariate's values, gathered value by value (rows read in chunks, merged): its
/// distinct values while every value is whole and there are at most <see cref="CodeLikeCovariates.MaxDistinct"/>;
/// once a value is not whole or there are more, only that it cannot be a code.
/// </summary>
public sealed class CodeLikeValues
{
    readonly HashSet<double> distinct = new();

    /// <summary>Every value so far is whole, and there are at most MaxDistinct of them.</summary>
    public bool Possible { get; private set; } = true;

    /// <summary>The distinct values, while <see cref="Possible"/>.</summary>
    public IReadOnlySet<double> Distinct => distinct;

    public void Add(double value)
    {
        if (!Possible) return;
        if (value != Math.Floor(value) || (distinct.Add(value) && distinct.Count > CodeLikeCovariates.MaxDistinct)) RuleOut();
    }

    public void Add(CodeLikeValues other)
    {
        if (!other.Possible) RuleOut();
        else foreach (var v in other.distinct) Add(v);
    }

    /// <summary>A value seen that no code has (not whole, or one value too many).</summary>
    public void RuleOut()
    {
        Possible = false;
        distinct.Clear();
    }
}
