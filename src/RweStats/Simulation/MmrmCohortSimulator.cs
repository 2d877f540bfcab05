using System.Globalization;
using System.Text;

namespace RweStats.Simulation;

/// <summary>
/// Seeded registry-style MMRM cohorts for benchmarks: N subjects × T visits, two arms, a baseline covariate,
/// unstructured-like residual correlation (AR(1) with ρ = 0.6 plus a subject effect, heterogeneous variances),
/// and about 25 % missing outcomes, mostly through dropout (a subject who drops out stays missing).
/// Columns: id, visit (V1..VT), month, arm (PBO/TRT), base (baseline covariate), y.
/// </summary>
public static class MmrmCohortSimulator
{
    /// <summary>Writes a cohort of <paramref name="subjects"/> × <paramref name="visits"/> as CSV; the same seed gives the same file.</summary>
    public static void Write(TextWriter writer, int subjects, int visits, ulong seed)
    {
        if (subjects < 2 || visits < 2) throw new RweStatsInputException("simulate mmrm needs at least 2 subjects and 2 visits");
        var rng = new SeededRandom(seed);
        writer.Write("id,visit,month,arm,base,y\n");
        var sb = new StringBuilder(64);
        var inv = CultureInfo.InvariantCulture;
        // Per-visit dropout hazard so that about 25 % of post-baseline values are missing overall.
        double hazard = 1 - Math.Pow(0.75, 2.0 / visits);
        for (int s = 1; s <= subjects; s++)
        {
            bool trt = rng.NextDouble() < 0.5;
            double baseline = rng.Normal(50, 8), b = rng.Normal(0, 3), e = 0;
            bool dropped = false;
            for (int v = 1; v <= visits; v++)
            {
                e = 0.6 * e + Math.Sqrt(1 - 0.36) * rng.Normal();
                double y = 10 + 0.8 * v + (trt ? 0.5 * v : 0) + 0.3 * baseline + b + (1 + 0.1 * v) * 2 * e;
                if (v > 1 && !dropped && rng.NextDouble() < hazard) dropped = true;
                bool intermittent = !dropped && v > 1 && rng.NextDouble() < 0.03;
                sb.Clear();
                sb.Append(s.ToString(inv)).Append(",V").Append(v.ToString(inv)).Append(',').Append((3 * (v - 1)).ToString(inv))
                  .Append(trt ? ",TRT," : ",PBO,").Append(baseline.ToString("F2", inv)).Append(',');
                if (!dropped && !intermittent) sb.Append(y.ToString("F3", inv));
                sb.Append('\n');
                writer.Write(sb);
            }
        }
    }
}
