namespace RweStats.Data;

/// <summary>
/// Converts a wide table (one row per subject, one column per outcome × visit named by a pattern such as
/// "{outcome}_{visit}") to the long form the models use (one row per subject × visit). Columns that match no
/// pattern are carried to every row of the subject. Each long row keeps the wide row's line for errors.
/// </summary>
internal static class WideToLong
{
    public static DataTable Convert(DataTable wide, string subject, string visitColumn, IReadOnlyList<string> visits,
                                    IReadOnlyList<string> outcomes, string pattern)
    {
        var subjectCells = wide.Column(subject, "the subject column");
        var patternColumns = new HashSet<string>();
        var sources = new Dictionary<(string outcome, string visit), int>();
        foreach (var o in outcomes)
            foreach (var v in visits)
            {
                var name = pattern.Replace("{outcome}", o).Replace("{visit}", v);
                int j = wide.ColumnIndex(name);
                if (j >= 0) { sources[(o, v)] = j; patternColumns.Add(name); }
            }
        foreach (var o in outcomes)
            if (!visits.Any(v => sources.ContainsKey((o, v))))
                throw new RweStatsInputException(
                    $"{wide.Source}: no column for outcome '{o}' matches the wide pattern '{pattern}' (expected e.g. '{pattern.Replace("{outcome}", o).Replace("{visit}", visits[0])}')");
        var carried = wide.ColumnNames.Where(n => !patternColumns.Contains(n) && n != visitColumn).ToList();
        var names = carried.Append(visitColumn).Concat(outcomes).ToList();
        int rows = wide.RowCount * visits.Count;
        var columns = names.Select(_ => new string?[rows]).ToArray();
        var lines = new int[rows];
        var seen = new Dictionary<string, int>();
        for (int i = 0; i < wide.RowCount; i++)
        {
            if (subjectCells[i] is { } s && !seen.TryAdd(s, wide.LineNumbers[i]))
                throw RweStatsInputException.AtCell(wide, i, subject,
                    $"subject '{s}' has a second row (first at {wide.RowWord} {seen[s]}); a wide file has one row per subject");
            for (int k = 0; k < visits.Count; k++)
            {
                int r = i * visits.Count + k;
                lines[r] = wide.LineNumbers[i];
                for (int c = 0; c < carried.Count; c++) columns[c][r] = wide.Columns[wide.ColumnIndex(carried[c])][i];
                columns[carried.Count][r] = visits[k];
                for (int o = 0; o < outcomes.Count; o++)
                    columns[carried.Count + 1 + o][r] = sources.TryGetValue((outcomes[o], visits[k]), out var j) ? wide.Columns[j][i] : null;
            }
        }
        return wide.Derive(names, columns, lines);
    }
}
