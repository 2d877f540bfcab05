using System.Globalization;

namespace RweStats.Tests;

/// <summary>
/// A fixture written by the R scripts of tests/fixtures/r: '#' comment lines, then the CSV
/// model,quantity,term,value (RFC 4180 quoting).
/// </summary>
public sealed class RFixture
{
    readonly Dictionary<(string model, string quantity, string term), double> values = new();

    public static RFixture Load(string file)
    {
        var f = new RFixture();
        foreach (var line in File.ReadLines(RepoPaths.Fixture("r", file)))
        {
            if (line.StartsWith('#') || line.StartsWith("model,quantity") || line.Length == 0) continue;
            var fields = Split(line);
            f.values[(fields[0], fields[1], fields[2])] = fields[3] switch
            {
                "Inf" => double.PositiveInfinity,
                "NA" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }
        return f;
    }

    public double this[string model, string quantity, string term = ""] =>
        values.TryGetValue((model, quantity, term), out var v) ? v : throw new KeyNotFoundException($"{model} {quantity} {term}");

    public bool Has(string model, string quantity, string term = "") => values.ContainsKey((model, quantity, term));

    public IEnumerable<string> Terms(string model, string quantity) =>
        values.Keys.Where(k => k.model == model && k.quantity == quantity).Select(k => k.term);

    static List<string> Split(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(c);
        }
        fields.Add(cur.ToString());
        return fields;
    }

    /// <summary>R's coefficient name (treatment coding, e.g. "ARMCDTRT:AVISITVIS2") as RweStats names the column ("ARMCD[TRT]:AVISIT[VIS2]").</summary>
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
