using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Test statistics: t, F, χ², z, r and H with their df (in brackets, inline as a subscript, after the value).
internal static partial class StatisticExtractor
{
    /// <summary>
    /// "t(28) = 2.20", "t[28] = 2.20", "F(2, 45) = 3.1", Kruskal–Wallis "H(2) = 7.1" (its χ² approximation), "χ2(2, N = 80) = 6.1", "z = 2.1", and a t or F with its df run on as a
    /// subscript set inline: "t28 = 2.20", "t 28 = 2.20", "F2,45 = 3.1".
    /// </summary>
    static readonly Regex Test = new(@"(?<![\w])(?<test>t|F|z|Z|r_?s|[Rr]ho|ρ|r|H(?=\s*\()|χ\s?2|χ²|[cC]hi\s?2|[cC]hi²|[cC]hi-square|X2)(?:(?<=t)\s+de\s+(?:Welch|Student)|\s+for\s+(?:linear\s+)?trend|\s+(?:de|pour)\s+(?:la\s+)?tendance(?:\s+linéaire)?|\s+(?:du|of\s+the)\s+(?:test\s+(?:du\s+)?)?log-?rank(?:\s+test)?)?(?:\s*\((?<df>[^()=]{1,25}?(?:[nN]\s*=\s*\d+(?:[, ]\d{3})*)?)\)|\s*\[(?<df>[^\[\]=]{1,25}?(?:[nN]\s*=\s*\d+(?:[, ]\d{3})*)?)\]|(?<=[tF])\s?(?<df>\d{1,4}(?:\s?[,;]\s?\d{1,4})?))?\s*=\s*(?<val>" + Num + ")", Opt);

    /// <summary>A chi-square test named without a value of its own ("chi-square test"; not "χ² = 1.95, p = 0.16", whose p is its own).</summary>
    static readonly Regex ChiSquareTest = new(@"(?:\b(?:chi-?squared?|chi2|khi-?deux|khi2)\b|χ\s?2|χ²)(?!\s*(?:\([^()]{0,20}\)|\[[^\[\]]{0,20}\])?\s*=)", OptI);
    static readonly Regex DfAfter = new(@"\G\s*[,;]\s*(?:(?:df|ddl)\s*=\s*\d+(?:[.,]\d+)?|[nN]\s*=\s*" + WholeCount + @")|\G\s*[\(\[]\s*(?:(?:df|ddl)\s*[=:]?\s*)?\d+(?:\s*[,;]\s*\d+)?(?:\s*(?:df|ddl))?\s*[\)\]]", Opt);
    /// <summary>
    /// The df printed after a statistic's value: "df = 28", "ddl = 28", "df 1, 38", "(1 df)", ", 2 df,", "2 degrees of
    /// freedom", and an F's bracket right after its value: "F = 3.95 (1, 38)".
    /// </summary>
    static readonly Regex DfInGap = new(@"\b(?:df|ddl)\s*[=:]?\s*(?<d1>\d+(?:[.,]\d+)?)(?:\s*[,;]\s*(?<d2>\d+(?:[.,]\d+)?)(?!\s*%))?|(?<![\w.,])(?<d1>\d+)\s*(?:df|ddl|degrees? of freedom|degrés de liberté)\b|^\s*[\(\[]\s*(?<d1>\d+)\s*[,;]\s*(?<d2>\d+)\s*[\)\]]", Opt);
    /// <summary>Spearman's rank correlation ("rs = 0.31", "rho = 0.31", "ρ = 0.31"): its p from the t approximation with
    /// n − 2 df, as statistical packages come close to it past small samples (below 50 pairs an exact or Edgeworth p may differ: not checked).</summary>
    /// <summary>The people a correlation is of, closing the bracket of its p: "(r = 0,21 ; p &lt; 0,001 ; 1 106 femmes)", "(r = 0.30, p = 0.01, 120 patients)".</summary>
    static readonly Regex PeopleClosingP = new(@"^\s*[,;]\s*(?<n>" + WholeCount + @")\s+" + PeopleWords + @"\s*[\)\]]", Opt);
    static bool IsSpearman(string t) => t is "rs" or "r_s" or "rho" or "Rho" or "ρ";
    const int SpearmanMinDf = 48;
    static string NormaliseTest(string t) => t switch
    {
        "t" => "t", "F" => "F", "z" or "Z" => "z", "r" => "r", _ when IsSpearman(t) => "r", _ => "chi2",
    };

    /// <summary>
    /// The df of a test: "(28)", "[28]", "(2, 45)", "(2 ; 45)", "(1, N = 90)", or after the value: "df = 1", "(1 df)",
    /// "(df 1, 38)", an F's "(1, 38)"; a correlation's n (df n − 2) before its p or right after it ("; p &lt; 0.001; n = 120",
    /// "p = 0.04 (n = 303)", "; p &lt; 0.001; 120 patients)").
    /// </summary>
    static (PrintedNumber?, PrintedNumber?) Df(string test, string? inParens, string gap, string afterP, bool french)
    {
        var text = inParens is null ? null : Regex.Replace(inParens, @"[,;]?\s*[nN]\s*=\s*" + WholeCount, "").Replace("ddl", "").Replace("df", "").Replace("=", "").Trim();
        if (string.IsNullOrEmpty(text))
        {
            var m = DfInGap.Match(gap);
            if (m.Success && (test != "F" || m.Groups["d2"].Success))
                return (PrintedNumber.Parse(m.Groups["d1"].Value, french), test == "F" ? PrintedNumber.Parse(m.Groups["d2"].Value, french) : null);
            if (m.Success && test == "F") return (null, null);
            // A correlation's df is n - 2: "r = .30 (n = 50), p = .034", "r = .30, p = .034, n = 50".
            // The n may be written with a thousands separator ("n = 1 104", "n = 1,104").
            var n = NEquals.Match(gap);
            if (!n.Success) n = NAfterP.Match(afterP);
            if (!n.Success) n = PeopleClosingP.Match(afterP);
            return test == "r" && n.Success ? (PrintedNumber.Parse((ParseWhole(n.Groups["n"].Value) - 2).ToString(CultureInfo.InvariantCulture), false), null) : (null, null);
        }
        if (test == "F")
        {
            var parts = text.Contains(';') ? text.Split(';') : text.Split(',');
            if (parts.Length == 2) return (PrintedNumber.Parse(parts[0], false), PrintedNumber.Parse(parts[1], false));
            return (null, null);
        }
        var first = text.Split(new[] { ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd(',');
        return (PrintedNumber.Parse(first, french), null);
    }
}
