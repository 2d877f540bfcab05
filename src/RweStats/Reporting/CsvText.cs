using System.Globalization;
using System.Text;

namespace RweStats.Reporting;

/// <summary>RFC 4180 CSV text with invariant, round-trip numbers (empty cell for a number that does not exist).</summary>
public sealed class CsvText
{
    readonly StringBuilder text = new();

    public CsvText(params string[] header) => Row(header);

    public CsvText Row(params object?[] cells)
    {
        text.AppendLine(string.Join(",", cells.Select(Cell)));
        return this;
    }

    static string Cell(object? c) => c switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s when s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
        _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
    };

    public override string ToString() => text.ToString();
}
