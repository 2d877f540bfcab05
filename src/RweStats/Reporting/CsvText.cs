using System.Globalization;
using CsvHelper;

namespace RweStats.Reporting;

/// <summary>
/// RFC 4180 CSV text written by CsvHelper, with invariant, round-trip numbers (an empty cell for a number that does not
/// exist). A cell is quoted only when it holds a comma, a quote or a line break, so cells with spaces stay bare.
/// </summary>
public sealed class CsvText
{
    static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = Environment.NewLine };

    readonly StringWriter text = new(CultureInfo.InvariantCulture);
    readonly CsvWriter writer;

    /// <summary>A CSV document with this header row.</summary>
    public CsvText(params string[] header)
    {
        writer = CsvWriter.Create(text, Options, leaveOpen: true);
        Row(header);
    }

    /// <summary>Appends a row (numbers in invariant culture).</summary>
    public CsvText Row(params object?[] cells)
    {
        writer.WriteRecord(cells.Select(Cell).ToArray());
        return this;
    }

    static string Cell(object? c) => c switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The CSV text.</summary>
    public override string ToString()
    {
        writer.Flush();
        return text.ToString();
    }
}
