using System.Globalization;
using RweStats.Descriptives;

namespace RweStats.Tests;

/// <summary>Quantiles against R's quantile(type = 1..9) (tests/fixtures/r/quantiles.csv, made by make_fixtures.R).</summary>
public class QuantileTests
{
    static Dictionary<string, double[]> Vectors()
    {
        // The input vectors are written in the fixture's comment lines: "# name (n=k): v1 v2 ...".
        var vectors = new Dictionary<string, double[]>();
        foreach (var line in File.ReadLines(RepoPaths.Fixture("r", "quantiles.csv")).Where(l => l.StartsWith("# ") && l.Contains("(n=")))
        {
            var name = line[2..line.IndexOf(' ', 2)];
            var values = line[(line.IndexOf("):", StringComparison.Ordinal) + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            vectors[name] = values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        return vectors;
    }

    [Fact]
    public void AllNineTypesMatchR()
    {
        var vectors = Vectors();
        Assert.Equal(8, vectors.Count);
        int checkedCount = 0;
        foreach (var line in File.ReadLines(RepoPaths.Fixture("r", "quantiles.csv")).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split(',');
            double p = double.Parse(f[1], CultureInfo.InvariantCulture), expected = double.Parse(f[3], CultureInfo.InvariantCulture);
            int type = int.Parse(f[2], CultureInfo.InvariantCulture);
            double ours = Quantiles.Compute(vectors[f[0]], p, type);
            Assert.True(Math.Abs(ours - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{f[0]} p={p} type={type}: ours {ours} vs R {expected}");
            checkedCount++;
        }
        Assert.Equal(8 * 7 * 9, checkedCount);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    [InlineData(4, 6)]
    public void SasDefinitionsAreRTypes(int sas, int r) => Assert.Equal(r, Quantiles.FromSasDefinition(sas));

    [Fact]
    public void PaperQuartileOfSledaiAtBaseline()
    {
        // 14 SELENA-SLEDAI values at M0 (Table 2): R type 7 gives Q1 = 4.25 (the paper prints 4.24).
        var m0 = new double[] { 14, 4, 7, 4, 6, 4, 8, 12, 6, 8, 5, 6, 19, 2 };
        Assert.Equal(4.25, Quantiles.Compute(m0, 0.25), 12);
        Assert.Equal(6, Quantiles.Compute(m0, 0.5), 12);
        Assert.Equal(8, Quantiles.Compute(m0, 0.75), 12);
    }
}
