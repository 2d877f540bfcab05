using System.Globalization;

namespace RweStats.Model;

/// <summary>How the order of the visit levels was chosen.</summary>
public enum VisitOrderRule
{
    /// <summary>Listed by the user: --time-order, or visits.order of an analysis spec.</summary>
    Given,
    /// <summary>By the numeric time of each visit in the --time-value column (e.g. ADaM AVISITN, months).</summary>
    TimeValue,
    /// <summary>By the labels in natural order (numbers inside labels compared as numbers).</summary>
    Natural,
}

/// <summary>The visit levels in time order, the rule that put them so, and that rule in words for the reports.</summary>
public sealed record VisitOrdering(IReadOnlyList<string> Levels, VisitOrderRule Rule, string Description)
{
    /// <summary>The rule's name in the JSON ("visit_order_rule") and the text report.</summary>
    public string RuleName => Rule switch { VisitOrderRule.Given => "given", VisitOrderRule.TimeValue => "time-value", _ => "natural" };
}

/// <summary>
/// The order of the visits — it decides which visits are neighbours for AR(1), ANTE(1), TOEP and the like, which
/// visit is the default baseline, and how the contrasts are labelled — chosen in one place, never from the order
/// in which the rows happen to come:
/// <list type="number">
/// <item>Given (--time-order, spec visits.order): exactly that list.</item>
/// <item>Otherwise, with --time-value COL (spec columns.time_value; e.g. ADaM AVISITN): the levels by the median of
/// COL over the rows used at that visit. The median makes actual, per-subject times (day 27, 29, 31 of a "Week 4"
/// visit) order their visit as well as a planned time does. A visit without any time value, or two visits with the
/// same median, are refused: the order would be a guess.</item>
/// <item>Otherwise the natural order of the labels: a label is cut into runs of digits and of other characters;
/// runs of digits compare as numbers (with a leading '-' after a space or at the start as a sign, and a decimal
/// part), other runs case-insensitively, so M0 &lt; M6 &lt; M12, Week 2 &lt; Week 12, VIS1 &lt; VIS10, Day -7 &lt; Day 1.
/// Labels starting with "Screening" come first, then those starting with "Baseline". Ties (Week 08 and Week 8)
/// fall back to ordinal order, so the result never depends on the rows' order.</item>
/// </list>
/// SAS and R sort the labels alphabetically (M0, M12, M6), which is wrong for the usual visit names; the natural
/// order is right for them, and the time value is right whatever the names.
/// </summary>
public static class VisitOrder
{
    /// <summary>The ordering of the given levels (each once) by the rule that applies.</summary>
    /// <param name="present">The visit levels found in the rows used.</param>
    /// <param name="given">--time-order / visits.order, or null.</param>
    /// <param name="timeValues">With --time-value: per level, the time values of its rows (missing ones left out); else null.</param>
    /// <param name="timeValueColumn">The --time-value column's name, for the messages.</param>
    public static VisitOrdering Choose(IReadOnlyCollection<string> present, IReadOnlyList<string>? given,
                                       IReadOnlyDictionary<string, List<double>>? timeValues, string? timeValueColumn)
    {
        if (given is not null)
            return new VisitOrdering(given.Where(present.Contains).ToList(), VisitOrderRule.Given, "as given ({TimeOrder})");
        if (timeValues is not null)
            return ByTimeValue(present, timeValues, timeValueColumn ?? "{TimeValue}");
        return new VisitOrdering(Natural(present), VisitOrderRule.Natural,
            "natural order of the labels (numbers within labels compared as numbers; Screening, then Baseline first)");
    }

    /// <summary>Refuses a given order (--time-order, visits.order) that lists a visit twice.</summary>
    public static void RefuseRepeatedVisit(IReadOnlyList<string> given)
    {
        if (given.Distinct().Count() != given.Count)
            throw RweStatsInputException.Naming($"{{TimeOrder}} lists a visit twice: {string.Join(",", given)}");
    }

    /// <summary>Levels by the median time value of their rows; refuses visits without a time and ties.</summary>
    public static VisitOrdering ByTimeValue(IReadOnlyCollection<string> present, IReadOnlyDictionary<string, List<double>> timeValues, string column)
    {
        var medians = new Dictionary<string, double>();
        foreach (var level in present)
        {
            if (!timeValues.TryGetValue(level, out var values) || values.Count == 0)
                throw RweStatsInputException.Naming(
                    $"visit '{level}' has no value of {{TimeValue}} '{column}' in the rows used, so it cannot be placed in time; give it one or list the visits with {{TimeOrder}}");
            medians[level] = Median(values);
        }
        var ordered = present.OrderBy(l => medians[l]).ThenBy(l => l, Comparer<string>.Create(CompareNatural)).ToList();
        for (int k = 1; k < ordered.Count; k++)
            if (medians[ordered[k]] == medians[ordered[k - 1]])
                throw RweStatsInputException.Naming(
                    $"visits '{ordered[k - 1]}' and '{ordered[k]}' have the same time in '{column}' (median {medians[ordered[k]].ToString("R", CultureInfo.InvariantCulture)}), so their order is ambiguous; list the visits with {{TimeOrder}}");
        bool single = present.All(l => timeValues[l].Distinct().Count() == 1);
        return new VisitOrdering(ordered, VisitOrderRule.TimeValue,
            single ? $"by the time value in '{column}'" : $"by the median time value in '{column}' per visit");
    }

    /// <summary>
    /// A note when a given order runs against the time values (e.g. "M12" listed before "M6" while its times are
    /// later), or null. The given order is still used: it is what was asked for.
    /// </summary>
    public static string? DisagreementWithTimeValues(IReadOnlyList<string> levels, IReadOnlyDictionary<string, List<double>> timeValues, string column)
    {
        var medians = levels.Select(l => timeValues.TryGetValue(l, out var v) && v.Count > 0 ? Median(v) : double.NaN).ToList();
        for (int k = 1; k < levels.Count; k++)
            if (medians[k] < medians[k - 1])
                return $"The visit order given lists '{levels[k - 1]}' before '{levels[k]}', but their median times in '{column}' are " +
                       $"{medians[k - 1].ToString("G6", CultureInfo.InvariantCulture)} and {medians[k].ToString("G6", CultureInfo.InvariantCulture)}; the order given was used — check it.";
        return null;
    }

    /// <summary>A note when labels carry no number (other than Screening/Baseline): natural order is then alphabetical, which may not be time order.</summary>
    public static string? NaturalOrderCaveat(VisitOrdering ordering, string timeColumn)
    {
        if (ordering.Rule != VisitOrderRule.Natural) return null;
        var unnumbered = ordering.Levels.Where(l => Rank(l) == 2 && !l.Any(char.IsAsciiDigit)).ToList();
        if (unnumbered.Count == 0) return null;
        return $"Visit labels of '{timeColumn}' without a number ({string.Join(", ", unnumbered.Select(l => $"'{l}'"))}) were placed alphabetically, " +
               $"which need not be their order in time; the order used is {string.Join(", ", ordering.Levels)}. Give {{TimeOrder}} or {{TimeValue}} if it is wrong.";
    }

    /// <summary>The labels in natural order.</summary>
    public static IReadOnlyList<string> Natural(IEnumerable<string> labels) =>
        labels.Distinct().OrderBy(l => l, Comparer<string>.Create(CompareNatural)).ToList();

    /// <summary>Natural comparison of two visit labels (see the class comment).</summary>
    public static int CompareNatural(string a, string b)
    {
        int c = Rank(a).CompareTo(Rank(b));
        if (c != 0) return c;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            bool na = NumberAt(a, i, out double va, out int ea), nb = NumberAt(b, j, out double vb, out int eb);
            if (na && nb)
            {
                c = va.CompareTo(vb);
                if (c != 0) return c;
                i = ea; j = eb;
                continue;
            }
            if (na != nb) return na ? -1 : 1; // a number sorts before text at the same place ("V1" before "VA")
            c = char.ToLowerInvariant(a[i]).CompareTo(char.ToLowerInvariant(b[j]));
            if (c != 0) return c;
            i++; j++;
        }
        c = (a.Length - i).CompareTo(b.Length - j); // the shorter (a prefix) first
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    /// <summary>0 for Screening…, 1 for Baseline…, 2 otherwise.</summary>
    static int Rank(string label)
    {
        var t = label.TrimStart();
        if (t.StartsWith("screening", StringComparison.OrdinalIgnoreCase)) return 0;
        if (t.StartsWith("baseline", StringComparison.OrdinalIgnoreCase)) return 1;
        return 2;
    }

    /// <summary>A number starting at position i: digits with an optional decimal part, and a '-' sign at the start or after white space.</summary>
    static bool NumberAt(string s, int i, out double value, out int end)
    {
        value = 0; end = i;
        int k = i;
        bool negative = false;
        if (s[k] == '-' && k + 1 < s.Length && char.IsAsciiDigit(s[k + 1]) && (k == 0 || char.IsWhiteSpace(s[k - 1]))) { negative = true; k++; }
        if (!char.IsAsciiDigit(s[k])) return false;
        int start = k;
        while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
        if (k + 1 < s.Length && s[k] == '.' && char.IsAsciiDigit(s[k + 1]))
        {
            k++;
            while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
        }
        value = double.Parse(s.AsSpan(start, k - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        end = k;
        return true;
    }

    static double Median(List<double> values) => Descriptives.Quantiles.Compute(values, 0.5);

    /// <summary>
    /// The default baseline: a visit labelled "Baseline" (any case) when there is one — with Screening listed
    /// before it, the first visit is not the baseline — otherwise the first visit in the order.
    /// </summary>
    public static string DefaultBaseline(IReadOnlyList<string> levels) =>
        levels.FirstOrDefault(l => l.Trim().Equals("baseline", StringComparison.OrdinalIgnoreCase)) ?? levels[0];

    /// <summary>The baseline: --baseline when given (refused unless a visit with data), else <see cref="DefaultBaseline"/>.</summary>
    public static string Baseline(string? given, IReadOnlyList<string> levels, string timeColumn)
    {
        string baseline = given ?? DefaultBaseline(levels);
        if (!levels.Contains(baseline))
            throw RweStatsInputException.Naming($"{{Baseline}} {baseline}: not a visit of '{timeColumn}' with data; visits are {string.Join(", ", levels)}");
        return baseline;
    }
}
