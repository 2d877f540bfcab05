using System.Globalization;
using System.Text;

namespace RweStats.Bench;

/// <summary>
/// The whole-command benchmark's cohorts (bench/speed_table.sh), made from a seed by code of their own, independent of
/// the project's simulator (<c>rwestats simulate mmrm</c>) so that the engine is not timed on data shaped by itself:
///   dotnet run -c Release --project bench/RweStats.Bench -- cohort --subjects N --visits T [--seed 1] --out FILE.csv
/// An ADaM-like long file, one row per subject and scheduled visit in subject then visit order: USUBJID (text, e.g.
/// "S07-0000123": 40 sites, each a block of consecutive subjects, so the ids ascend as in a data set sorted by
/// USUBJID), ARMCD (PBO/TRT, 1:1), SEX (F/M), BASE, AVISIT (VIS01..VISnn), Y. Y = 50 + 0.6 BASE + visit effect
/// + arm-by-visit effect + 2 (SEX = M) + a subject effect + AR(1) noise (rho 0.6) whose SD grows with the visit, so the
/// unstructured covariance is neither CS nor AR(1). About 25 % of Y are missing (an empty cell): 5 % intermittent and
/// a monotone dropout whose hazard per visit is 0.4/T, or 0.8/T when the last value was high (MAR), for T visits.
/// Random numbers: SplitMix64 (Steele, Lea and Flood 2014) with Box–Muller normals, so a seed gives the same file whatever the .NET
/// version.
/// </summary>
public static class TrialCohort
{
    const int Sites = 40;

    public static int Run(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1]
            : fallback ?? throw new ArgumentException($"cohort: {name} is required");
        var inv = CultureInfo.InvariantCulture;
        int subjects = int.Parse(Arg("--subjects"), inv), visits = int.Parse(Arg("--visits"), inv);
        ulong seed = ulong.Parse(Arg("--seed", "1"), inv);
        var path = Arg("--out");
        var rng = new SplitMix64(seed);
        var visitEffect = Enumerable.Range(0, visits).Select(t => -0.8 * t).ToArray();
        var armEffect = Enumerable.Range(0, visits).Select(t => -0.5 * t * t / visits).ToArray();
        var sd = Enumerable.Range(0, visits).Select(t => 4.0 + 0.5 * t).ToArray();
        var e = new double[visits];
        var temp = path + ".tmp";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            w.NewLine = "\n";
            w.WriteLine("USUBJID,ARMCD,SEX,BASE,AVISIT,Y");
            var line = new StringBuilder(64);
            for (int s = 0; s < subjects; s++)
            {
                // Sites in blocks of consecutive subjects, so that the ids ascend as in an ADaM data set sorted by USUBJID.
                string id = $"S{(int)((long)s * Sites / subjects) + 1:D2}-{s + 1:D7}";
                bool treated = rng.NextDouble() < 0.5, male = rng.NextDouble() < 0.5;
                double baseline = Math.Round(50 + 10 * rng.NextNormal(), 2), subject = 3 * rng.NextNormal();
                e[0] = rng.NextNormal();
                for (int t = 1; t < visits; t++) e[t] = 0.6 * e[t - 1] + 0.8 * rng.NextNormal();
                int dropout = visits;
                for (int t = 1; t < visits && dropout == visits; t++)
                    if (rng.NextDouble() < (e[t - 1] > 1 ? 0.8 : 0.4) / visits) dropout = t;
                for (int t = 0; t < visits; t++)
                {
                    double y = 20 + 0.6 * baseline + visitEffect[t] + (treated ? armEffect[t] : 0) + (male ? 2 : 0) + subject + sd[t] * e[t];
                    bool missing = t >= dropout || rng.NextDouble() < 0.05;
                    line.Clear().Append(id).Append(treated ? ",TRT," : ",PBO,").Append(male ? "M," : "F,")
                        .Append(baseline.ToString("0.00", inv)).Append(",VIS").Append((t + 1).ToString("D2", inv)).Append(',');
                    if (!missing) line.Append(Math.Round(y, 3).ToString("0.000", inv));
                    w.WriteLine(line);
                }
            }
        }
        File.Move(temp, path, overwrite: true);
        return 0;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): the same stream for a seed everywhere.</summary>
    sealed class SplitMix64(ulong seed)
    {
        ulong state = seed;
        double? spare;

        ulong Next()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        public int NextInt(int n) => (int)(NextDouble() * n);

        /// <summary>Box–Muller: two normals from two uniforms, the second kept for the next call.</summary>
        public double NextNormal()
        {
            if (spare is { } s) { spare = null; return s; }
            double u = 1.0 - NextDouble(), v = NextDouble(), r = Math.Sqrt(-2 * Math.Log(u));
            spare = r * Math.Sin(2 * Math.PI * v);
            return r * Math.Cos(2 * Math.PI * v);
        }
    }
}
