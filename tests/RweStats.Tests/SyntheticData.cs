using System.Globalization;
using RweStats.Data;
using RweStats.Simulation;

namespace RweStats.Tests;

/// <summary>Seeded longitudinal data sets for property tests: subjects × 4 visits, two arms, a covariate, random intercept + AR(1) noise, dropout.</summary>
public static class SyntheticData
{
    public static DataTable Make(ulong seed, int subjects = 40, double scale = 1, double shift = 0, double missing = 0.15)
    {
        var rng = new SeededRandom(seed);
        var rows = new List<string?[]>();
        for (int s = 1; s <= subjects; s++)
        {
            string arm = s % 2 == 0 ? "TRT" : "PBO";
            double x = Math.Round(rng.Normal(50, 10), 3), b = rng.Normal(0, 3), e = 0;
            for (int v = 1; v <= 4; v++)
            {
                e = 0.5 * e + rng.Normal(0, 2);
                double y = 20 + 2 * v + (arm == "TRT" ? 1.5 * v : 0) + 0.1 * x + b + e;
                bool drop = v > 1 && rng.NextDouble() < missing;
                rows.Add(new[] { $"S{s:000}", $"V{v}", v.ToString(CultureInfo.InvariantCulture), arm, x.ToString("R", CultureInfo.InvariantCulture),
                    drop ? null : (y * scale + shift).ToString("R", CultureInfo.InvariantCulture) });
            }
        }
        return FromRows(new[] { "id", "visit", "month", "arm", "x", "y" }, rows);
    }

    public static DataTable FromRows(string[] names, IReadOnlyList<string?[]> rows) =>
        new("synthetic.csv", names, names.Select((_, j) => rows.Select(r => r[j]).ToArray()).ToArray(), Enumerable.Range(2, rows.Count).ToArray());

    public static IReadOnlyList<string?[]> Rows(DataTable t) =>
        Enumerable.Range(0, t.RowCount).Select(i => t.Columns.Select(c => c[i]).ToArray()).ToList();
}
