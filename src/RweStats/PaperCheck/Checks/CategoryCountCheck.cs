namespace RweStats.PaperCheck.Checks;

/// <summary>
/// Counts of the levels of one variable whose levels exclude each other (mild/moderate/severe, women/men) against
/// their total: no patient is in two of them, so together they cannot count more patients than the total has. A sum
/// equal to the total is consistent; a smaller sum leaves patients in no level listed (a missing value or a level not
/// named), which the text does not settle. Without a total in the sentence, the totals that may apply are tried (an n
/// stated earlier in the paragraph, the study's n): the sum is inconsistent only above all of them. Levels whose words
/// do not make them exclusive are shown to be so by the same levels of another group adding up exactly to its n.
/// </summary>
internal static class CategoryCountCheck
{
    public const string Name = "category_counts";

    public static Finding Check(CategoryCounts s)
    {
        string sum = $"{string.Join(" + ", s.Categories.Select(c => $"{c.Count} {c.Level}"))} = {s.Sum}";
        // Events counted by type: an event is of one type.
        string exclusive = s.Variable.StartsWith("type of the ", StringComparison.Ordinal) ? "no event is of two types" : $"no patient is in two levels of the {s.Variable}";
        if (s.SentenceTotal is { } total)
        {
            if (s.Sum == total) return Finding.Of(s, Name, FindingVerdict.Consistent, $"{sum}: the total of {total} {s.TotalSource}");
            if (s.Sum > total && s.ExclusiveShown is { } shown)
                return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{sum}: more than the total of {total} {s.TotalSource}, though {shown}");
            if (s.Sum > total && s.MayOverlap)
                return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{sum}: more than the total of {total} {s.TotalSource}, but nothing says a patient is in one of them only");
            if (s.Sum > total)
                return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{sum}: more than the total of {total} {s.TotalSource}, though {exclusive}");
            if (s.Exhaustive)
                return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{sum}: less than the total of {total} {s.TotalSource}, though one of them counts the rest");
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{sum} of {total}: {total - s.Sum} in no level listed (a missing value or a level not named)");
        }
        if (s.OtherTotals.Count == 0) return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{sum}: no total stated to check it against");
        var match = s.OtherTotals.FirstOrDefault(t => t.N == s.Sum);
        if (match.Source is not null) return Finding.Of(s, Name, FindingVerdict.Consistent, $"{sum}: n = {match.N}, {match.Source}");
        int largest = s.OtherTotals.Max(t => t.N);
        var named = string.Join("; ", s.OtherTotals.Select(t => $"n = {t.N}, {t.Source}"));
        if (s.Sum > largest && s.MayOverlap)
            return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{sum}: more than any total that applies ({named}), but nothing says a patient is in one of them only");
        if (s.Sum > largest)
            return Finding.Of(s, Name, FindingVerdict.Inconsistent, $"{sum}: more than any total that applies ({named}), though {exclusive}");
        return Finding.Of(s, Name, FindingVerdict.NotCheckable, $"{sum}: equal to no total that applies ({named}); patients in no level listed, or another total");
    }
}
