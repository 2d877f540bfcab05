using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace RweStats.PaperCheck;

/// <summary>One line of a paper as read: its page (1 for a text file), its 1-based line on that page (the file's line for a text file) and its text.</summary>
public sealed record PaperLine(int Page, int Line, string Text);

/// <summary>
/// A paper's text as lines, plus the same text as one running string ("flow") in which line breaks are spaces and a
/// word hyphenated across a line break is joined again ("immuno-\nmodulateurs" → "immunomodulateurs"), so that a
/// statistic split over lines, as text pulled from a PDF has it, is read as printed; every flow character maps back
/// to its line.
/// </summary>
public sealed class PaperText
{
    /// <summary>The file read.</summary>
    public string Path { get; }
    /// <summary>The text's lines, in reading order.</summary>
    public IReadOnlyList<PaperLine> Lines { get; }
    /// <summary>True when read from a PDF (findings then give page and line).</summary>
    public bool FromPdf { get; }

    /// <summary>The running text: lines joined (see the class summary), spaces of every kind as ' ', apostrophes and minus signs unified.</summary>
    public string Flow { get; }

    readonly int[] lineOfChar;

    internal PaperText(string path, IReadOnlyList<PaperLine> lines, bool fromPdf)
    {
        Path = path; Lines = lines; FromPdf = fromPdf;
        var flow = new StringBuilder();
        var map = new List<int>();
        var compounds = Compounds(lines);
        for (int i = 0; i < lines.Count; i++)
        {
            var text = Normalise(lines[i].Text).TrimEnd();
            if (i > 0)
            {
                // A blank line ends a paragraph: kept as a sentence break so that statistics of two paragraphs never pair.
                bool blank = text.Trim().Length == 0;
                bool hyphenated = flow.Length >= 2 && flow[^1] == '-' && char.IsLetter(flow[^2])
                                  && text.TrimStart().Length > 0 && char.IsLower(text.TrimStart()[0]);
                // A number written in words and hyphenated at its own hyphen ("Forty-" / "two patients took part",
                // "Soixante-" / "deux") keeps it: its words are read as one count.
                if (hyphenated && (CompoundNumber(flow, text.TrimStart()) || KeptCompound(compounds, flow, text.TrimStart()))) { text = text.TrimStart(); }
                else if (hyphenated) { flow.Length--; map.RemoveAt(map.Count - 1); text = text.TrimStart(); }
                else { flow.Append(blank ? '\n' : ' '); map.Add(i); text = text.TrimStart(); }
            }
            flow.Append(text);
            for (int k = 0; k < text.Length; k++) map.Add(i);
        }
        Flow = flow.ToString();
        lineOfChar = map.ToArray();
    }

    /// <summary>Where each line (by index in <see cref="Lines"/>) begins in the flow.</summary>
    public int FlowStartOfLine(int lineIndex) => Array.FindIndex(lineOfChar, l => l >= lineIndex) is var k and >= 0 ? k : Flow.Length;

    /// <summary>The line holding a flow character.</summary>
    public PaperLine LineAt(int flowIndex) => Lines[lineOfChar[Math.Clamp(flowIndex, 0, lineOfChar.Length - 1)]];

    /// <summary>Text as printed: the lines of a text or Markdown file.</summary>
    public static PaperText FromString(string path, string text) =>
        new(path, text.Replace("\r\n", "\n").Split('\n').Select((l, i) => new PaperLine(1, i + 1, l)).ToList(), false);

    /// <summary>
    /// Reads a .txt, .md or .pdf file; a PDF page by page with PdfPig, its words grouped into lines by their baseline
    /// and ordered left to right, a gap as wide as a table's column gap kept as a tab (two-column layouts read column by column when the columns do not share baselines).
    /// </summary>
    public static PaperText Load(string path)
    {
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        if (!path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new RweStatsInputException($"{path}: cannot be read ({e.Message})"); }
            if (text.Contains('\0')) throw new RweStatsInputException($"{path}: not a text file (binary content); give a .txt, .md or .pdf file");
            return FromString(path, text);
        }
        try
        {
            using var document = PdfDocument.Open(path);
            var lines = new List<PaperLine>();
            foreach (var page in document.GetPages())
            {
                int n = 0;
                // A blank line (the space between paragraphs) is no printed line: it keeps the number of the line above.
                foreach (var line in PageLines(page)) lines.Add(new PaperLine(page.Number, line.Length == 0 ? n : ++n, line));
            }
            return new PaperText(path, lines, true);
        }
        catch (RweStatsInputException) { throw; }
        catch (Exception e) { throw new RweStatsInputException($"{path}: not a readable PDF ({e.GetType().Name}: {e.Message.Split('\n')[0]})"); }
    }

    static IEnumerable<string> PageLines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) yield break;
        double height = words.Select(w => w.BoundingBox.Height).Where(h => h > 0).DefaultIfEmpty(10).Average();
        // Words whose baselines lie within a third of a line height are one line.
        var rows = new List<List<Word>>();
        foreach (var w in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].BoundingBox.Bottom - w.BoundingBox.Bottom) < height / 3) rows[^1].Add(w);
            else rows.Add(new List<Word> { w });
        }
        // The space between paragraphs (or before a heading, a table, a caption) is a wider step between baselines than
        // the line pitch: kept as a blank line, as a text file has it, so that a paragraph's end and a heading are
        // read in a PDF as in text. The pitch is the step of the lines within paragraphs: the page's lower quartile of
        // steps (a page of short paragraphs and headings has as many wide steps as narrow ones).
        var steps = rows.Zip(rows.Skip(1), (a, b) => a[0].BoundingBox.Bottom - b[0].BoundingBox.Bottom).Order().ToList();
        double pitch = steps.Count == 0 ? 0 : steps[steps.Count / 4];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (r > 0 && pitch > 0 && rows[r - 1][0].BoundingBox.Bottom - row[0].BoundingBox.Bottom > 1.6 * pitch) yield return "";
            var sb = new StringBuilder();
            Word? previous = null;
            foreach (var w in row.OrderBy(w => w.BoundingBox.Left))
            {
                // A gap wider than a line's height (a justified space stays well below it) parts the columns of a
                // table: kept as a tab, which the table reader splits cells at (the running text reads it as a space).
                // Pieces of one word set with a kerning shift ("Tw" "o", "FA" "CIT-Fatigue") touch or overlap: joined
                // as printed, where a space between words is a quarter of the line's height or more.
                double gap = previous is null ? 0 : w.BoundingBox.Left - previous.BoundingBox.Right;
                if (previous is not null && gap >= 0.1 * height) sb.Append(gap > 1.2 * height ? '\t' : ' ');
                sb.Append(w.Text);
                previous = w;
            }
            yield return sb.ToString();
        }
    }

    /// <summary>
    /// The paper's hyphenated pairs of words printed within a line ("dissection-alone", "x-ray"), and its words printed
    /// whole, lower-cased: how the paper itself writes a word decides whether a hyphen at a line's end is the word's own.
    /// </summary>
    static (HashSet<string> Pairs, HashSet<string> Words) Compounds(IReadOnlyList<PaperLine> lines)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
            foreach (Match m in WordRun.Matches(Normalise(line.Text)))
            {
                var parts = m.Value.ToLowerInvariant().Split('-');
                // A run ending the line with its hyphen is the break itself, not a compound.
                bool broken = m.Value.EndsWith('-');
                for (int k = 0; k < parts.Length; k++)
                {
                    if (parts[k].Length > 0) words.Add(parts[k]);
                    if (k + 1 < parts.Length && parts[k].Length > 0 && parts[k + 1].Length > 0 && !(broken && k + 2 == parts.Length)) pairs.Add(parts[k] + "-" + parts[k + 1]);
                }
            }
        return (pairs, words);
    }

    static readonly Regex WordRun = new(@"\p{L}+(?:-\p{L}*)*", RegexOptions.CultureInvariant);

    /// <summary>
    /// A word broken at its own hyphen ("dissection-" / "alone", "X-" / "ray") keeps it: the paper prints the pair
    /// hyphenated elsewhere and never the two parts joined as one word ("immuno-" / "modulateurs" is joined).
    /// </summary>
    static bool KeptCompound((HashSet<string> Pairs, HashSet<string> Words) compounds, StringBuilder flow, string next)
    {
        int i = flow.Length - 1;
        while (i > 0 && char.IsLetter(flow[i - 1])) i--;
        var before = flow.ToString(i, flow.Length - 1 - i).ToLowerInvariant();
        int j = 0;
        while (j < next.Length && char.IsLetter(next[j])) j++;
        var after = next[..j].ToLowerInvariant();
        return compounds.Pairs.Contains(before + "-" + after) && !compounds.Words.Contains(before + after);
    }

    static bool CompoundNumber(StringBuilder flow, string next)
    {
        int i = flow.Length - 1;
        while (i > 0 && char.IsLetter(flow[i - 1])) i--;
        var before = flow.ToString(i, flow.Length - 1 - i);
        int j = 0;
        while (j < next.Length && char.IsLetter(next[j])) j++;
        return CountWords.Values.ContainsKey(before) && CountWords.Values.ContainsKey(next[..j]);
    }

    /// <summary>A raised decimal point between digits ("p = 0·036", "7·5%", as The Lancet prints them) as a point.</summary>
    internal static string RaisedDecimalPointsAsPoints(string s) => s.Contains('\u00B7') ? RaisedDecimalPoint.Replace(s, ".") : s;
    static readonly Regex RaisedDecimalPoint = new(@"(?<=\d)\u00B7(?=\d)", RegexOptions.CultureInvariant);

    /// <summary>Non-breaking and thin spaces as spaces (runs of spaces as one), typographic apostrophes and minus signs as ASCII, ligatures undone.</summary>
    public static string Normalise(string s)
    {
        s = Compose(s);
        s = RaisedDecimalPointsAsPoints(s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch
            {
                '\u00A0' or '\u202F' or '\u2009' or '\u2007' or '\t' => " ",
                '\u2019' or '\u2018' => "'",
                '\u0131' => "i",
                '\u2212' or '\u2010' or '\u2011' => "-",
                '\uFB01' => "fi",
                '\uFB02' => "fl",
                _ => c.ToString(),
            });
        // Runs of spaces (justified or indented text) as one.
        for (int i = sb.Length - 1; i > 0; i--)
            if (sb[i] == ' ' && sb[i - 1] == ' ') sb.Remove(i, 1);
        // A PDF sets the 2 of "χ2" apart from the Greek letter (another font): "χ 2" is read as printed, "χ2".
        for (int i = sb.Length - 2; i > 0; i--)
            if (sb[i] == ' ' && sb[i - 1] == 'χ' && sb[i + 1] is '2' or '²') sb.Remove(i, 1);
        return sb.ToString();
    }

    /// <summary>
    /// Accents typed as a letter plus a combining mark (as PDF text extraction often gives, "me\u0301dian") composed
    /// into one letter ("médian"), so that words match; by table rather than string.Normalize, which the tool's
    /// invariant-globalisation mode does not provide beyond ASCII.
    /// </summary>
    static string Compose(string s)
    {
        if (!s.Any(c => c >= '\u0300' && c <= '\u036F')) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c >= '\u0300' && c <= '\u036F' && sb.Length > 0)
            {
                char b = sb[^1] == '\u0131' ? 'i' : sb[^1];
                int k = Bases.IndexOf(b);
                string marks = c switch { '\u0301' => Acute, '\u0300' => Grave, '\u0302' => Circumflex, '\u0308' => Diaeresis, '\u0327' => Cedilla, _ => "" };
                if (k >= 0 && marks.Length > k && marks[k] != '.') { sb[^1] = marks[k]; continue; }
                continue; // a mark with no composed letter: dropped, the base letter kept
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    const string Bases =      "aeiouAEIOUcC";
    const string Acute =      "áéíóúÁÉÍÓÚ..";
    const string Grave =      "àèìòùÀÈÌÒÙ..";
    const string Circumflex = "âêîôûÂÊÎÔÛ..";
    const string Diaeresis =  "äëïöüÄËÏÖÜ..";
    const string Cedilla =    "..........çÇ";
}
