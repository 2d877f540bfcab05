using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

/// <summary>
/// One value cell of a simple text table: its row's label ("Women, n (%)"), its column's header ("Active (n = 32)")
/// and the n that header states, the row's and header's words that say what the cells hold ("n (%)", "mean (SD)",
/// "median (IQR)"), and where the cell is in the running text.
/// </summary>
public sealed record TableCell(string RowLabel, string? Header, int? ColumnN, string Descriptor, string Text, int Start, int End);

/// <summary>
/// Finds the simple text tables of a paper: runs of lines whose cells are apart by a tab, two spaces or more (as
/// plain-text tables and typeset tables read from a PDF have them) or by '|' (Markdown), with a label cell first and
/// value cells ("12 (86)", "5.3 ± 1.2", "6 [4–8]") after it; the header line above gives each column its n.
/// </summary>
public static class TextTables
{
    static readonly Regex CellGap = new(@"\t+|\s{2,}", RegexOptions.CultureInvariant);
    static readonly Regex MarkdownRule = new(@"^\s*\|?\s*:?-{2,}", RegexOptions.CultureInvariant);
    /// <summary>A value cell: a number followed by a bracketed number, "±", or a percent sign.</summary>
    static readonly Regex ValueCell = new(@"^-?(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:%\s*)?(?:[\(\[]\s*-?[\d.,]+|±|\+/-|%$)", RegexOptions.CultureInvariant);
    static readonly Regex ColumnN = new(@"(?<![\w])[nN]\s*=\s*(?<n>\d+)|\(\s*(?<n>\d+)\s*\)\s*$", RegexOptions.CultureInvariant);

    public static IEnumerable<TableCell> Cells(PaperText text)
    {
        var lines = text.Lines;
        string[]? header = null;
        int searchFrom = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var raw = lines[i].Text;
            if (string.IsNullOrWhiteSpace(raw)) { continue; }
            if (MarkdownRule.IsMatch(raw) && !raw.Any(char.IsLetterOrDigit)) continue;
            var cells = Split(raw);
            if (cells.Length < 2) { header = null; continue; }
            int values = cells.Skip(1).Count(c => ValueCell.IsMatch(c));
            bool row = !ValueCell.IsMatch(cells[0]) && values >= 1 && cells.Skip(1).All(c => ValueCell.IsMatch(c) || c is "-" or "–" or "—" or "NA" or "NR" or "ND");
            if (!row)
            {
                // A line of cells that are not values is the header of the rows below it.
                header = cells.Skip(1).Any(c => ValueCell.IsMatch(c)) ? null : cells;
                continue;
            }
            int lineStart = text.FlowStartOfLine(i);
            searchFrom = Math.Max(searchFrom, lineStart);
            var label = PaperText.Normalise(cells[0]);
            for (int j = 1; j < cells.Length; j++)
            {
                var cell = PaperText.Normalise(cells[j]);
                int at = text.Flow.IndexOf(cell, searchFrom, StringComparison.Ordinal);
                if (at < 0) continue;
                searchFrom = at + cell.Length;
                if (!ValueCell.IsMatch(cell)) continue;
                // Header cells align with the value columns from the right (a header may leave the label column empty).
                int h = header is null ? -1 : header.Length - (cells.Length - j);
                string? head = h >= 0 && header is not null ? PaperText.Normalise(header[h]) : null;
                int? n = head is not null && ColumnN.Match(head) is { Success: true } m ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
                var descriptor = label + " | " + (head ?? "") + " | " + (header is null ? "" : PaperText.Normalise(string.Join(" ", header)));
                yield return new TableCell(label, head, n, descriptor, cell, at, at + cell.Length);
            }
        }
    }

    static string[] Split(string raw)
    {
        if (raw.TrimStart().StartsWith('|'))
            return raw.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        return CellGap.Split(raw.Trim()).Where(c => c.Length > 0).ToArray();
    }
}
