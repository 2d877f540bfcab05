using System.Text;

namespace RweStats.Data;

/// <summary>
/// What a source declares a column to hold. A typed source says it: a SAS transport variable is character or numeric,
/// a Parquet/Arrow column, a database column or a data frame column has a type. A CSV file says nothing
/// (<see cref="None"/>): its columns are typed by <see cref="ColumnTyping"/>.
/// </summary>
public enum DeclaredType
{
    /// <summary>No type declared (a CSV file): decided from the cells by <see cref="ColumnTyping.IsNumeric"/>.</summary>
    None,
    /// <summary>Declared text (SAS character, Parquet string, VARCHAR/TEXT, dates, booleans): a class variable in a model, whatever characters it holds.</summary>
    Text,
    /// <summary>Declared numeric: a covariate in a model unless declared a class variable.</summary>
    Number,
}

/// <summary>
/// The one rule that types a column no source has typed (a CSV file, in memory, streamed or scanned by DuckDB), and
/// the one message for a cell of a numeric column that is not a number.
/// <para>
/// A column is numeric when more than half of its non-missing cells are numbers — counting a number written with a
/// decimal comma ("25,115") in a file read with a decimal point, so that such a column is reported rather than turned
/// into a class. In a numeric column, every other cell is an error naming file, line, column and value, and the ways
/// out: correct it, mark that text missing, declare the column a class variable, or read the file with a decimal comma.
/// So one mistyped cell ("fifty" among numbers) never turns a covariate into a class variable with as many levels as
/// values, which would fit a different model without a word. A column of texts with a few numbers stays a class.
/// </para>
/// </summary>
internal static class ColumnTyping
{
    /// <summary>Counts of a column's non-missing cells by kind; <see cref="IsNumeric"/> applies the rule.</summary>
    public sealed class Tally
    {
        public long Numbers { get; private set; }
        /// <summary>Cells that are numbers written with a decimal comma ("12,5") where a decimal point is expected.</summary>
        public long CommaNumbers { get; private set; }
        public long Texts { get; private set; }

        public void Add(ReadOnlySpan<byte> cell)
        {
            if (NumberParsing.TryParse(cell, out _)) Numbers++;
            else if (IsCommaDecimal(cell)) CommaNumbers++;
            else Texts++;
        }

        public void Add(string cell) => Add(KindOf(cell));

        /// <summary>Counts one cell of a kind found by <see cref="KindOf"/>.</summary>
        public void Add(CellKind kind)
        {
            if (kind == CellKind.Number) Numbers++;
            else if (kind == CellKind.CommaNumber) CommaNumbers++;
            else Texts++;
        }

        /// <summary>Adds counts made elsewhere (a database's COUNT).</summary>
        public void Add(long numbers, long commaNumbers, long texts)
        {
            Numbers += numbers; CommaNumbers += commaNumbers; Texts += texts;
        }

        public bool IsNumeric => ColumnTyping.IsNumeric(Numbers + CommaNumbers, Texts);
    }

    /// <summary>What a non-missing cell is, for <see cref="Tally"/>.</summary>
    public enum CellKind { Number, CommaNumber, Text }

    /// <summary>The kind of a cell given as text (a cell without a comma cannot have a decimal comma: no UTF-8 copy is made of it).</summary>
    public static CellKind KindOf(string cell) =>
        NumberParsing.TryParse(cell, out _) ? CellKind.Number
        : cell.Contains(',') && IsCommaDecimal(Encoding.UTF8.GetBytes(cell)) ? CellKind.CommaNumber
        : CellKind.Text;

    /// <summary>The rule: numeric when the cells that are numbers outnumber those that are not (missing cells aside).</summary>
    public static bool IsNumeric(long numbers, long texts) => numbers > texts;

    /// <summary>"12,5", "-0,25", "1,5e3": a number with one comma for its point (a decimal comma, or a thousands separator).</summary>
    public static bool IsCommaDecimal(ReadOnlySpan<byte> s)
    {
        if (!HasCommaDecimalShape(s)) return false;
        Span<byte> point = s.Length <= 64 ? stackalloc byte[s.Length] : new byte[s.Length];
        s.CopyTo(point);
        point[s.IndexOf((byte)',')] = (byte)'.';
        return NumberParsing.TryParse(point, out _);
    }

    /// <summary>One comma, between digits, and no point: the shape of a decimal comma (what the CSV reader turns into a point).</summary>
    internal static bool HasCommaDecimalShape(ReadOnlySpan<byte> s)
    {
        int comma = s.IndexOf((byte)',');
        if (comma <= 0 || comma != s.LastIndexOf((byte)',') || s.Contains((byte)'.')) return false;
        return char.IsAsciiDigit((char)s[comma - 1]) && comma + 1 < s.Length && char.IsAsciiDigit((char)s[comma + 1]);
    }

    /// <summary>
    /// Why a cell of a numeric column is not a number, and the ways out ("{…}" are settings as each front end names
    /// them, <see cref="RweStatsInputException.About"/>). <paramref name="canBeClass"/>: false for the model's response,
    /// which cannot be a class variable.
    /// </summary>
    public static string NotANumber(string column, string value, bool canBeClass = true) =>
        IsCommaDecimal(Encoding.UTF8.GetBytes(value))
            ? $"'{value}' is not a finite number: {WaysOut(column, value, canBeClass)}"
            : $"'{value}' is not a finite number in a column of numbers; {WaysOut(column, value, canBeClass)}";

    /// <summary>
    /// Whether a number a typed source hands over (a Parquet, DuckDB or database DOUBLE) is one RweStats reads: NaN and
    /// the infinities are not, as the CSV reader does not read "NaN" or "Inf" as numbers (<see cref="NumberParsing"/>);
    /// a missing value is a null (NULL), never a NaN. Every reader of numbers applies this rule, in memory, streamed or
    /// pushed down into a database, so a file gives the same answer whichever path reads it.
    /// </summary>
    public static bool IsNumber(double value) => double.IsFinite(value);

    /// <summary>The one message for a number that is not finite: where (file and row, or subject and visit), column, value.</summary>
    public static RweStatsInputException NotFinite(string where, string column, double value) =>
        new($"{where}: column '{column}': {NumberLabel.Text(value)} is not a finite number; RweStats reads finite numbers or NULL (missing)");

    /// <summary>What to do about such a cell: read a decimal comma, or correct it, mark it missing, declare a class.</summary>
    public static string WaysOut(string column, string value, bool canBeClass = true) =>
        IsCommaDecimal(Encoding.UTF8.GetBytes(value))
            ? $"it is written with a decimal comma; read the file with a decimal comma ({{{ModelSetting.DecimalComma}}})"
            : $"correct it, mark '{value}' missing ({{{ModelSetting.MissingTokens}}})" +
              (canBeClass ? $", or declare '{column}' a class variable ({{{ModelSetting.ClassVariables}}})" : "");
}
