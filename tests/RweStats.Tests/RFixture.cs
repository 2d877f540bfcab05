using System.Globalization;
using System.Text;
using RweStats.Data;

namespace RweStats.Tests;

/// <summary>Values printed by tests/fixtures/r/make_fixtures.R: rows (model, quantity, term, value); '#' lines are provenance comments.</summary>
public sealed class RFixture
{
    readonly Dictionary<(string model, string quantity, string term), double> values = new();

    public static RFixture Load(string file)
    {
        var text = string.Join("\n", File.ReadAllLines(RepoPaths.Fixture("r", file)).Where(l => !l.StartsWith('#')));
        var table = CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), file, CsvDialect.Default with { MissingTokens = new HashSet<string>() });
        var fixture = new RFixture();
        for (int i = 0; i < table.RowCount; i++)
            fixture.values[(table.Columns[0][i]!, table.Columns[1][i]!, table.Columns[2][i] ?? "")] =
                double.Parse(table.Columns[3][i]!, NumberStyles.Float, CultureInfo.InvariantCulture);
        return fixture;
    }

    public double this[string model, string quantity, string term = ""] =>
        values.TryGetValue((model, quantity, term), out var v) ? v : throw new KeyNotFoundException($"{model} {quantity} {term}");

    public bool Has(string model, string quantity, string term = "") => values.ContainsKey((model, quantity, term));

    public IEnumerable<string> Terms(string model, string quantity) =>
        values.Keys.Where(k => k.model == model && k.quantity == quantity).Select(k => k.term);
}
