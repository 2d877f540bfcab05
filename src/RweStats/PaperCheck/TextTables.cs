using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

/// <summary>
/// One value cell of a simple text table: its row's label ("Women, n (%)"), its column's header ("Active (n = 32)")
/// and the n that header states, the row's and header's words that say what the cells hold ("n (%)", "mean (SD)",
/// "median (IQR)"), and where the cell is in the running text.
/// </summary>
/// <param name="Group">The label of the line above a run of rows that carries no values itself ("Sex, n (%)", "NYHA class"): the variable whose levels the rows are; null outside such a run.</param>
/// <param name="Column">The cell's 0-based value column.</param>
/// <param name="RowN">The n of the cell's row, from a column headed "n" (a table by visit: "Week 24   41   17.95 (9.86)"); null when the table has none.</param>
/// <param name="RowP">The row's p cell ("0.06", "&lt;0.001", "NS"), as printed, and where it is in the running text; null when the row has none.</param>
public sealed record TableCell(string RowLabel, string? Header, int? ColumnN, string Descriptor, string Text, int Start, int End,
                               string? Group = null, int Column = 0, int Row = 0, int? RowN = null, (string Text, int Start, int End)? RowP = null);

/// <summary>
/// Finds the simple text tables of a paper: runs of lines whose cells are apart by a tab, two spaces or more (as
/// plain-text tables and typeset tables read from a PDF have them) or by '|' (Markdown), with a label cell first and
/// value cells ("12 (86)", "5.3 ± 1.2", "6 [4–8]") after it; the header line above gives each column its n.
/// </summary>
internal static class TextTables
{
    static readonly Regex CellGap = new(@"\t+|\s{2,}", RegexOptions.CultureInvariant);
    static readonly Regex MarkdownRule = new(@"^\s*\|?\s*:?-{2,}", RegexOptions.CultureInvariant);
    /// <summary>A value cell: a number (or a count of a denominator, "12/30") followed by a bracketed number, "±", or a percent sign.</summary>
    static readonly Regex ValueCell = new(@"^[-\u2212]?(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*/\s*(?:\d{1,3}(?:[ ,\u00A0\u202F]\d{3})+(?!\d)|\d+))?\s*(?:%\s*)?(?:[\(\[]\s*[-\u2212]?[\d.,]+|±|\+/-|%$)", RegexOptions.CultureInvariant);
    static readonly Regex PCell = new(@"^(?:[pP]\s*)?[<>≤≥=]?\s*(?:0?[.,]\d+|1(?:[.,]0+)?)$|^(?:NS|n\.s\.)$", RegexOptions.CultureInvariant);
    /// <summary>A header cell naming the column of each row's n: "n", "N", "No.", "n patients", "Effectif".</summary>
    /// <summary>A column holding each row's n: "n", "No.", "Effectif", the people it counts with it ("Students, n", "Patients, N"), or those
    /// people alone ("Respondents", "Répondants", "Participants": "Intensive care  612  301 (49.2)").</summary>
    static readonly Regex NHeader = new(@"^(?:[\p{L}][\p{L} -]*,\s*)?(?:[nN]|[nN]o\.|[nN] (?:patients|participants)|[Ee]ffectifs?|[Nn]ombre de patients|[Rr]espondents|[Rr]épondants|[Pp]articipants)$", RegexOptions.CultureInvariant);
    /// <summary>A header cell naming the column of each row's p: "P", "p-value", "P value", "p*", "Valeur de p".</summary>
    static readonly Regex PHeader = new(@"^(?:[pP](?:[- ]?value)?|[Vv]aleur de [pP]|[pP]-valeur)\s*[*†‡a-d]?$", RegexOptions.CultureInvariant);
    /// <summary>An estimate column whose limits stand in the next column ("OR   95% CI   p": "2.14   1.19–3.85   0.011").</summary>
    static readonly Regex EstimateHeader = new(@"^(?:a?OR|a?HR|sHR|RR|IRR|β|(?i:beta|coefficient|estimate|odds ratio|hazard ratio|risk ratio|rate ratio|relative risk|rapport de cotes|risque relatif|(?:mean |adjusted )?difference|différence))\b[^\d]{0,20}$", RegexOptions.CultureInvariant);
    static readonly Regex LimitsHeader = new(@"^(?:\d{2}\s*%\s*(?:CI|IC|CrI)|(?:CI|IC)\s*(?:à\s*)?\d{2}\s*%?|(?:\d{2}\s*%\s*)?confidence interval|intervalle de confiance(?: à \d{2}\s*%)?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    /// <summary>A column of estimates with their intervals ("Estimated treatment difference (95% CI)", "HR (IC à 95 %)") and one such cell.</summary>
    static readonly Regex IntervalColumn = new(@"\b(?:CI|IC|CrI|confidence interval|intervalle de confiance)\b", RegexOptions.CultureInvariant);
    static readonly Regex IntervalCell = new(@"^[-\u2212]?[\d.,]+\s*[\(\[]\s*[-\u2212]?[\d.,]+\s*(?:to|à|–|—|-|;|,)\s*[-\u2212]?[\d.,]+\s*[\)\]]$", RegexOptions.CultureInvariant);
    static readonly Regex BareNumber = new(@"^[-\u2212]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$", RegexOptions.CultureInvariant);
    static readonly Regex BareLimits = new(@"^[\(\[]?\s*[-\u2212]?[\d.,]+\s*(?:to|à|–|—|-|;|,)\s*[-\u2212]?[\d.,]+\s*[\)\]]?$", RegexOptions.CultureInvariant);
    /// <summary>A reference level's cell in a table of ratios: "1 (ref)", "1.00 (reference)", "Ref.", "réf".</summary>
    static readonly Regex ReferenceCell = new(@"^(?:1(?:[.,]0+)?\s*)?[\(\[]?\s*(?:ref|reference|référence|réf)\.?\s*[\)\]]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    static readonly Regex RunningTextEnd = new(@"\b(?:from|to|of|was|were|is|at|by|with|and|than|de|à|du|des|est|était|sont|étaient|et|avec|par|que)$", RegexOptions.CultureInvariant);
    static readonly Regex ColumnN = new(@"(?<![\w])[nN]\s*=\s*(?<n>" + StatisticExtractor.WholeCount + @")|\(\s*(?<n>\d+)\s*\)\s*$", RegexOptions.CultureInvariant);
    /// <summary>A value cell as a single-space table sets it: "12 (40.0)", "2,216/8,167 (27.1)", "12 (40.0 %)", "5.3 ± 1.2", "10.5 (4.2)", "6 [4–8]", "6 (4-8)".</summary>
    const string SpacedValue = @"-?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*/\s*(?:\d{1,3}(?:[,\u00A0\u202F]\d{3})+(?!\d)|\d+))?\s*(?:[\(\[]\s*-?[\d.,]+\s*%?\s*(?:[-–;,]\s*-?[\d.,]+\s*)?[\)\]]|(?:±|\+/-)\s*[\d.,]+|%)";
    /// <summary>A row of a table whose columns are one space apart: a label with a letter, then value cells to the end of the line.</summary>
    static readonly Regex SpacedRow = new(@"^(?<label>.*?[A-Za-zÀ-ÿ%)].*?)(?<cells>(?:\s+" + SpacedValue + @")+)\s*$", RegexOptions.CultureInvariant);
    static readonly Regex SpacedCell = new(SpacedValue, RegexOptions.CultureInvariant);
    /// <summary>A header whose columns are one space apart, each column named with its n: "Characteristic Active (n = 32) Placebo (n = 31)".</summary>
    static readonly Regex SpacedHeaderColumn = new(@"(?:\S+\s*)?\(\s*[nN]\s*=\s*\d+\s*\)", RegexOptions.CultureInvariant);

    public static IEnumerable<TableCell> Cells(PaperText text)
    {
        var lines = text.Lines;
        string[]? header = null;
        string? group = null;
        bool inTable = false; // the line above was a header, a row or a group label of a table
        int searchFrom = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var raw = lines[i].Text;
            if (string.IsNullOrWhiteSpace(raw)) { group = null; inTable = false; continue; }
            if (MarkdownRule.IsMatch(raw) && !raw.Any(char.IsLetterOrDigit)) continue;
            var cells = Split(raw);
            if (cells.Length < 2)
            {
                // Columns one space apart: a header names each column with its n; a row ends in value cells; within a
                // table, a line with no value at all labels the rows below it (a variable and its levels).
                // Only under a header whose last column states its n: a justified line of running text has wide gaps too.
                bool namedColumns = inTable && header is not null && ColumnN.IsMatch(header[^1]);
                if (SpacedHeader(raw) is { } spacedHeader) { header = spacedHeader; group = null; inTable = true; continue; }
                if (namedColumns && SpacedRow.Match(raw) is { Success: true } sm && sm.Groups["label"].Length <= 80 && !sm.Groups["label"].Value.TrimEnd().EndsWith('.'))
                    cells = new[] { sm.Groups["label"].Value.Trim() }.Concat(SpacedCell.Matches(sm.Groups["cells"].Value).Select(c => c.Value.Trim())).ToArray();
                else if (namedColumns && !raw.Any(char.IsDigit) && raw.Trim().Length <= 60 && !raw.TrimEnd().EndsWith('.'))
                {
                    group = PaperText.Normalise(raw.Trim().Trim('|').Trim());
                    continue;
                }
                else { header = null; group = null; inTable = false; continue; }
            }
            int values = cells.Skip(1).Count(c => ValueCell.IsMatch(c));
            // Header cells align with the value columns from the right (a header may leave the label column empty); a
            // header that names its label column ("Outcome", "Characteristic") aligns from the left when a row has
            // more or fewer cells than it (a column a PDF set without its header, a p cell left out of a row).
            bool labelledHeader = header is { Length: >= 2 } && header[0].Length > 0 && !ColumnN.IsMatch(header[0]) && !ValueCell.IsMatch(header[0]);
            int HeaderIndex(int j) => header is null ? -1 : labelledHeader && cells.Length != header.Length ? (j < header.Length ? j : -1) : header.Length - (cells.Length - j);
            bool IsHeaded(int j, Regex named) => HeaderIndex(j) is var h && h >= 0 && header is not null && named.IsMatch(PaperText.Normalise(header[h]).Trim());
            // The last cell may be the row's p ("<0.001", "0.64", "NS"): a table comparing its columns (or one estimate
            // under a "P" column); a cell under an "n" column is the row's n.
            bool IsP(int j) => j == cells.Length - 1 && (values >= 2 || IsHeaded(j, PHeader)) && PCell.IsMatch(cells[j]);
            bool IsN(int j) => IsHeaded(j, NHeader) && Regex.IsMatch(cells[j], @"^(?:\d{1,6}|\d{1,3}(?:[, \u00A0\u202F]\d{3})+)$");
            bool IsLimits(int j) => BareLimits.IsMatch(cells[j]) && IsHeaded(j, LimitsHeader);
            bool IsEstimate(int j) => j + 1 < cells.Length && BareNumber.IsMatch(cells[j]) && IsHeaded(j, EstimateHeader) && IsLimits(j + 1);
            values += Enumerable.Range(1, cells.Length - 1).Count(IsEstimate);
            // A line of justified running text has wide gaps too ("the 52 in the usual-care group, it changed from  309±99"):
            // a row label does not open with a lower-case word and end on a word that runs on into the number.
            if (cells[0].Length > 0 && char.IsLower(cells[0][0]) && RunningTextEnd.IsMatch(cells[0])) { header = null; group = null; inTable = false; continue; }
            // A reference level's row ("Male sex   1.00   Ref.   —") holds no statistic and is no header either.
            bool IsReference(int j) => ReferenceCell.IsMatch(cells[j]) || (IsHeaded(j, EstimateHeader) && Regex.IsMatch(cells[j], @"^1(?:[.,]0+)?$"));
            if (header is not null && cells.Length >= 3 && Enumerable.Range(1, cells.Length - 1).All(j => IsReference(j) || cells[j] is "-" or "–" or "—" or "NA")
                && Enumerable.Range(1, cells.Length - 1).Any(j => ReferenceCell.IsMatch(cells[j]))) continue;
            // A group's bare estimate beside the comparison's interval ("| HbA1c, LS mean change | −1.38 | −0.29 | −1.09 (−1.25 to −0.93) | <0.001 |").
            bool IsBareBesideInterval(int j) => BareNumber.IsMatch(cells[j]) && Enumerable.Range(1, cells.Length - 1).Any(k => k != j && IntervalCell.IsMatch(cells[k]) && IsHeaded(k, IntervalColumn));
            bool row = !ValueCell.IsMatch(cells[0]) && values >= 1 && Enumerable.Range(1, cells.Length - 1).All(j => ValueCell.IsMatch(cells[j]) || IsBareBesideInterval(j)
                || cells[j] is "-" or "–" or "—" or "NA" or "NR" or "ND" || IsP(j) || IsN(j) || IsEstimate(j) || (IsLimits(j) && IsEstimate(j - 1)) || ReferenceCell.IsMatch(cells[j]));
            if (!row)
            {
                // A line of cells that are not values is the header of the rows below it; a label alone, the variable of the rows below.
                bool labelOnly = cells.Skip(1).All(c => c.Length == 0 || c is "-" or "–" or "—");
                if (labelOnly && inTable && header is not null && ColumnN.IsMatch(header[^1])) { group = PaperText.Normalise(cells[0]); continue; }
                header = cells.Skip(1).Any(c => ValueCell.IsMatch(c)) ? null : cells;
                group = null;
                inTable = header is not null;
                continue;
            }
            inTable = true;
            // A row whose label says what it holds ("Women, n (%)") is a variable of its own, not a level of the group above.
            var rowGroup = group is not null && !Regex.IsMatch(cells[0], @"\(\s*%\s*\)|mean|median|moyenne|médiane", RegexOptions.IgnoreCase) ? group : null;
            int lineStart = text.FlowStartOfLine(i);
            searchFrom = Math.Max(searchFrom, lineStart);
            var label = PaperText.Normalise(cells[0]);
            // A label the line above began and left open on a comma ("Days from injury to treatment," then "  median (IQR)
            // 1 (0–3)  5.3 (4–9)", as a narrow column wraps it): one label, the row's own, not a group of rows.
            if (group is not null && group.TrimEnd().EndsWith(',') && string.IsNullOrEmpty(rowGroup) && Regex.IsMatch(label, @"^\p{Ll}|^[nN]\s*\("))
            {
                label = group.TrimEnd() + " " + label;
                group = null;
            }
            int? rowN = Enumerable.Range(1, cells.Length - 1).Where(IsN).Select(j => (int?)StatisticExtractor.ParseWhole(cells[j])).FirstOrDefault();
            (string Text, int Start, int End)? rowP = null;
            if (IsP(cells.Length - 1))
            {
                var p = PaperText.Normalise(cells[^1]);
                // The row's last cell: looked for back from the end of its line, never inside a value cell before it.
                int lineEnd = Math.Min(text.Flow.Length, text.FlowStartOfLine(i + 1));
                int pAt = lineEnd > searchFrom ? text.Flow.LastIndexOf(p, lineEnd - 1, lineEnd - searchFrom, StringComparison.Ordinal) : -1;
                if (pAt >= 0) rowP = (p, pAt, pAt + p.Length);
            }
            for (int j = 1; j < cells.Length; j++)
            {
                var cell = PaperText.Normalise(cells[j]);
                int at = text.Flow.IndexOf(cell, searchFrom, StringComparison.Ordinal);
                if (at < 0) continue;
                searchFrom = at + cell.Length;
                int h = HeaderIndex(j);
                if (IsEstimate(j))
                {
                    // The estimate and its limits as one cell: "2.14   1.19–3.85" under "aOR (95% CI)".
                    var limits = PaperText.Normalise(cells[j + 1]);
                    int lat = text.Flow.IndexOf(limits, searchFrom, StringComparison.Ordinal);
                    if (lat < 0 || header is null) continue;
                    searchFrom = lat + limits.Length;
                    var both = cell + " " + limits; // a Markdown row has a '|' between them
                    var named = PaperText.Normalise(header[h]) + " (" + PaperText.Normalise(header[h + 1]) + ")";
                    yield return new TableCell(label, named, null, label + " | " + named + " | " + PaperText.Normalise(string.Join(" ", header)), both, at, searchFrom, rowGroup, j - 1, i, rowN, rowP);
                    j++;
                    continue;
                }
                if (!ValueCell.IsMatch(cell)) continue;
                string? head = h >= 0 && header is not null ? PaperText.Normalise(header[h]) : null;
                int? n = head is not null && ColumnN.Match(head) is { Success: true } m ? StatisticExtractor.ParseWhole(m.Groups["n"].Value) : null;
                var descriptor = label + " | " + (head ?? "") + " | " + (header is null ? "" : PaperText.Normalise(string.Join(" ", header)));
                var groupWords = rowGroup is null ? "" : rowGroup + " | ";
                yield return new TableCell(label, head, n, groupWords + descriptor, cell, at, at + cell.Length, rowGroup, j - 1, i, rowN, rowP);
            }
        }
    }

    /// <summary>The cells of a single-space header: the text before the first named column, then each column ("Active (n = 32)").</summary>
    static string[]? SpacedHeader(string raw)
    {
        var columns = SpacedHeaderColumn.Matches(raw);
        if (columns.Count == 0 || raw.TrimEnd().Length != columns[^1].Index + columns[^1].Length || raw.Contains('.') && Regex.IsMatch(raw, @"\.\s+[A-Z]")) return null;
        return new[] { raw[..columns[0].Index].Trim() }.Concat(columns.Select(c => c.Value.Trim())).ToArray();
    }

    /// <summary>A line's cells, a raised decimal point between digits read as a point ("1·3 (1–2)", The Lancet's style), as the running text reads it.</summary>
    static string[] Split(string raw)
    {
        raw = PaperText.RaisedDecimalPointsAsPoints(raw);
        if (raw.TrimStart().StartsWith('|'))
            return raw.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        return CellGap.Split(raw.Trim()).Where(c => c.Length > 0).ToArray();
    }
}
