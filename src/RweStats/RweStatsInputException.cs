namespace RweStats;

/// <summary>
/// A problem with what the user gave us (data file, formula, options, model specification) rather than
/// a defect in RweStats. The command-line tool turns it into a one-line message and exit code 2.
/// The message always names where the problem is (file:line:column, spec key or model term) and how to fix it.
/// </summary>
public sealed class RweStatsInputException : Exception
{
    public RweStatsInputException(string message) : base(message) { }

    /// <summary>Formats "file:line: column 'c': message" the way compilers do, so editors can jump to it.</summary>
    public static RweStatsInputException AtCell(string file, int line, string? column, string message) =>
        new(column is null ? $"{file}:{line}: {message}" : $"{file}:{line}: column '{column}': {message}");

    /// <summary>The same for a row of a table: "file:line: …" for a text file, "file: observation N: …" for other sources.</summary>
    public static RweStatsInputException AtCell(Data.DataTable table, int row, string? column, string message) =>
        new(column is null ? $"{table.Location(row)}: {message}" : $"{table.Location(row)}: column '{column}': {message}");
}
