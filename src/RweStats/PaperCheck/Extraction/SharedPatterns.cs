using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// The patterns every family of statistics shares (a printed number, a count, a range separator) and the sentence boundaries of the running text.
internal static partial class StatisticExtractor
{
    const RegexOptions Opt = RegexOptions.CultureInvariant;
    const RegexOptions OptI = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>A printed number: optional minus, digits with one decimal separator (or a leading separator: ".036").</summary>
    const string Num = @"-?(?:\d+(?:[.,]\d+)?|[.,]\d+)";
    /// <summary>A count as printed, with a space between its thousands ("1 287", French and SI style) or without.</summary>
    internal const string WholeCount = @"(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![.,]?\d)|\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d+)";

    /// <summary>The value of a <see cref="WholeCount"/>.</summary>
    internal static int ParseWhole(string printed) => char.IsLetter(printed.TrimStart()[0]) && ParseCount(printed) is { } inWords ? inWords // "the nine participants"
        : int.Parse(Regex.Replace(printed, @"[\s,]", ""), NumberStyles.None, CultureInfo.InvariantCulture);
    /// <summary>The auxiliary verbs, English and French, that end a group's or a unit's words: a verb follows, not a name.</summary>
    const string Auxiliary = "was|were|is|are|had|has|have|avait|avaient|était|étaient|ont|est|sont";
    const string Sep = @"\s*(?:to|à|–|—|-|;|,)\s*";

    /// <summary>A full stop before a capital, or a blank line not followed by a lower-case word (that one is a page break inside a sentence).</summary>
    static readonly Regex SentenceBreak = new(@"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|\n(?!\s*[a-zà-ÿ])", Opt);

    public static bool IsFrench(string flow)
    {
        int fr = Regex.Matches(flow, @"\b(?:les|des|est|une|et|du|été|avec|pour|dans)\b").Count;
        int en = Regex.Matches(flow, @"\b(?:the|and|of|was|were|with|for|in|is)\b").Count;
        return fr > en;
    }

    static int[] SentenceStarts(string flow) => new[] { 0 }.Concat(SentenceBreak.Matches(flow).Select(m => m.Index + m.Length)).ToArray();
    static int SentenceIndex(int[] starts, int at) { int i = Array.BinarySearch(starts, at); return i >= 0 ? i : ~i - 1; }
    static int SentenceStart(int[] starts, int at) => starts[Math.Max(0, SentenceIndex(starts, at))];
    static int SentenceEnd(int[] starts, string flow, int at) { int i = SentenceIndex(starts, at); return i + 1 < starts.Length ? starts[i + 1] : flow.Length; }
}
