using System.Globalization;
using System.Text;
using RweStats.Data;

namespace RweStats.Tests;

/// <summary>
/// A fixture written by the R scripts of tests/fixtures/r: '#' comment lines (provenance), then the CSV
/// model,quantity,term,value (RFC 4180 quoting, read with the library's own CSV reader). "Inf" and "NA" are R's.
/// </summary>
public sealed class RFixture
{
    readonly Dictionary<(string model, string quantity, string term), double> values = new();

    public static RFixture Load(string file)
    {
        var text = string.Join("\n", File.ReadAllLines(RepoPaths.Fixture("r", file)).Where(l => !l.StartsWith('#')));
        var table = CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), file, CsvDialect.Default with { MissingTokens = new HashSet<string>() });
        var fixture = new RFixture();
        for (int i = 0; i < table.RowCount; i++)
            fixture.values[(table.Columns[0][i]!, table.Columns[1][i]!, table.Columns[2][i] ?? "")] = table.Columns[3][i] switch
            {
                "Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NA" => double.NaN,
                var v => double.Parse(v!, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        return fixture;
    }

    public double this[string model, string quantity, string term = ""] =>
        values.TryGetValue((model, quantity, term), out var v) ? v : throw new KeyNotFoundException($"{model} {quantity} {term}");

    public bool Has(string model, string quantity, string term = "") => values.ContainsKey((model, quantity, term));

    public IEnumerable<string> Terms(string model, string quantity) =>
        values.Keys.Where(k => k.model == model && k.quantity == quantity).Select(k => k.term);

    /// <summary>R's coefficient name (visitM6, ARMCDTRT:AVISITVIS2) as RweStats names the column (visit[M6], ARMCD[TRT]:AVISIT[VIS2]).</summary>
    public static string OurTerm(string rName, IEnumerable<string> variables)
    {
        if (rName == "(Intercept)") return "Intercept";
        return string.Join(":", rName.Split(':').Select(part =>
        {
            var v = variables.Where(part.StartsWith).OrderByDescending(x => x.Length).First();
            return $"{v}[{part[v.Length..]}]";
        }));
    }
}
