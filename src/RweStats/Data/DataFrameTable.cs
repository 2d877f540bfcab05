using System.Globalization;
using Microsoft.Data.Analysis;

namespace RweStats.Data;

/// <summary>
/// A Microsoft.Data.Analysis <see cref="DataFrame"/> as a <see cref="DataTable"/>, so that a data frame is accepted
/// wherever a table is: numeric columns (double, float, decimal, integer types) are held as numbers — no round trip
/// through text — with nulls and NaN as missing; every other column (string, bool, char, DateTime, ...) as texts
/// declared text, so that it is a class variable whatever it holds ("701" included), with nulls as missing. Rows are numbered from 1 in error messages ("DataFrame:3:").
/// </summary>
public static class DataFrameTable
{
    /// <summary>The data frame as a table; <paramref name="source"/> names it in error messages.</summary>
    public static DataTable ToDataTable(this DataFrame frame, string source = "DataFrame")
    {
        ArgumentNullException.ThrowIfNull(frame);
        int n = checked((int)frame.Rows.Count);
        var names = new List<string>();
        var columns = new ColumnStorage[frame.Columns.Count];
        for (int j = 0; j < frame.Columns.Count; j++)
        {
            var column = frame.Columns[j];
            if (names.Contains(column.Name))
                throw new RweStatsInputException($"{source}: column '{column.Name}' appears twice; column names must be unique");
            names.Add(column.Name);
            columns[j] = IsNumeric(column.DataType) ? Numbers(column, n, source) : Texts(column, n);
        }
        return new DataTable(source, names, columns, Enumerable.Range(1, n).ToArray());
    }

    static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int) || t == typeof(long) ||
        t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort);

    static NumericStorage Numbers(DataFrameColumn column, int n, string source)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            object? cell = column[i];
            double v = cell is null ? double.NaN : Convert.ToDouble(cell, CultureInfo.InvariantCulture);
            if (double.IsInfinity(v))
                throw RweStatsInputException.AtCell(source, i + 1, column.Name, $"{v.ToString(CultureInfo.InvariantCulture)} is not a finite number; use a finite value or null (missing)");
            values[i] = v;
        }
        return new NumericStorage(values, null);
    }

    static TextStorage Texts(DataFrameColumn column, int n)
    {
        var cells = new string?[n];
        for (int i = 0; i < n; i++)
            cells[i] = column[i] switch
            {
                null => null,
                string s => s.Length == 0 ? null : s, // as in a CSV file: an empty cell is missing
                DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };
        return new TextStorage(cells, DeclaredType.Text);
    }
}
