using System.Text.RegularExpressions;

namespace RweStats;

/// <summary>
/// How much of a user's text (a label, a level, an expression, a value) is echoed back in a message or a report: at
/// most <see cref="MaxLength"/> characters, then an ellipsis. A 10 MB label repeated in every table made a 200 MB
/// report; a message stays one readable line.
/// </summary>
public static partial class Echo
{
    /// <summary>The most characters of a user's text echoed.</summary>
    public const int MaxLength = 200;

    /// <summary>The text, or its first <paramref name="max"/> characters and "…".</summary>
    public static string Shown(string text, int max = MaxLength) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>A message with every quoted text ('…' or "…") longer than <see cref="MaxLength"/> shortened by <see cref="Shown"/>.</summary>
    public static string InMessage(string message) =>
        message.Length <= MaxLength ? message : LongQuote().Replace(message, m => m.Value[0] + Shown(m.Value[1..^1]) + m.Value[^1]);

    [GeneratedRegex("'[^']{201,}'|\"[^\"]{201,}\"")]
    private static partial Regex LongQuote();
}
