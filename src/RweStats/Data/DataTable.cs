using System.Globalization;

namespace RweStats.Data;

/// <summary>
/// A rectangular table read from a file: every cell kept as the text it was (or null when missing),
/// with the file line of each row so that every later error can point at it.
/// Typing (numeric or class) is decided per use, not at read time, because the same column can be a
/// covariate in one model and a class variable in another (SAS CLASS statement, R factor()).
/// </summary>
public sealed record DataTable(string Source, IReadOnlyList<string> ColumnNames, string?[][] Columns, int[] LineNumbers)
{
    public int RowCount => LineNumbers.Length;

    public int ColumnIndex(string name)
    {
        for (int j = 0; j < ColumnNames.Count; j++)
            if (ColumnNames[j] == name) return j;
        return -1;
    }

    /// <summary>The column's cells, or an input error naming the file and the columns it does have.</summary>
    public string?[] Column(string name, string role)
    {
        int j = ColumnIndex(name);
        if (j < 0)
            throw new RweStatsInputException(
                $"{Source}: no column '{name}' (named as {role}); the file's columns are: {string.Join(", ", ColumnNames)}");
        return Columns[j];
    }

    /// <summary>True when every non-missing cell of the column reads as a finite number (invariant culture).</summary>
    public bool IsNumeric(string name)
    {
        var col = Column(name, "a model variable");
        bool any = false;
        foreach (var c in col)
        {
            if (c is null) continue;
            if (!NumberParsing.TryParse(c, out _)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// The column as integer codes into its distinct texts (in order of first appearance), −1 for missing: one pass,
    /// so that the model frame works on integers rather than hashing strings again and again.
    /// </summary>
    public EncodedColumn Encode(string name, string role)
    {
        var col = Column(name, role);
        var map = new Dictionary<string, int>();
        var codes = new int[col.Length];
        var levels = new List<string>();
        for (int i = 0; i < col.Length; i++)
        {
            if (col[i] is not { } text) { codes[i] = -1; continue; }
            if (!map.TryGetValue(text, out int c)) { map[text] = c = levels.Count; levels.Add(text); }
            codes[i] = c;
        }
        return new EncodedColumn(codes, levels.ToArray());
    }

    /// <summary>Parses one cell as a number or throws an error naming file, line and column.</summary>
    public double ParseNumber(string column, int row)
    {
        var cell = Column(column, "a numeric variable")[row];
        if (cell is null) return double.NaN;
        if (!NumberParsing.TryParse(cell, out var v))
            throw RweStatsInputException.AtCell(Source, LineNumbers[row], column,
                $"'{cell}' is not a finite number; fix the value or declare the column a class variable");
        return v;
    }
}

/// <summary>A column as codes (−1 = missing) into its distinct texts, in order of first appearance.</summary>
public sealed record EncodedColumn(int[] Codes, string[] Levels);

/// <summary>Culture-invariant number reading used everywhere RweStats reads a number from text.</summary>
public static class NumberParsing
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
