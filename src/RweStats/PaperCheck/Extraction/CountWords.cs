namespace RweStats.PaperCheck;

/// <summary>
/// Counts written in words ("Fourteen patients", "Cent vingt patients"), read by several families of statistics (a
/// study's n, counts of categories, a visit after a measure): a type of its own, so that each family's patterns find
/// them initialised whatever order the partial files of <see cref="StatisticExtractor"/> are initialised in.
/// </summary>
internal static class CountWords
{
    /// <summary>The value of each word.</summary>
    internal static readonly Dictionary<string, int> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["onze"] = 11, ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["trente"] = 30,
        ["quarante"] = 40, ["cinquante"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["soixante"] = 60, ["hundred"] = 100, ["cent"] = 100,
    };
    /// <summary>A count written in words, one word or several: "Fourteen", "twenty-eight", "Cent vingt", "quatre-vingt-dix",
    /// "soixante et onze", "one hundred and twenty"; "Mille deux cent trente-six", "One thousand two hundred" are read whole, from their first word.</summary>
    internal static readonly string Pattern = @"(?:mille|(?:one\s+)?thousand|" + Alternatives + @")(?:(?:[\s-]+|\s+et\s+(?=un\b|onze\b)|(?<=hundred)\s+and\s+)(?:" + Alternatives + @"|un|one|cents|thousand|mille))*";
    static string Alternatives => "quatre-vingts?|" + string.Join("|", Values.Keys.OrderByDescending(k => k.Length));
}
