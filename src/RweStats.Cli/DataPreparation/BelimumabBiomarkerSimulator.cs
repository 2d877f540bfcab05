using System.Globalization;
using RweStats.Reporting;

namespace RweStats.Simulation;

/// <summary>
/// SYNTHETIC anti-dsDNA, CH50, C3 and C4 values for the 14 patients of the belimumab study at M0, M6 and M12.
/// The paper publishes only summaries of these biomarkers (Résultats; Figure 1): anti-dsDNA above normal
/// (&lt; 50 UI/mL) in 11 of 14 patients, three above 300 and the others 70–179 UI/mL; complement (CH50 38–79 UI/mL,
/// C3 0.79–1.53 g/L, C4 0.15–0.40 g/L) low in 8 of 14; anti-dsDNA falls and complement rises by M6. This generator
/// draws values consistent with those summaries (subject random effects and AR(1) visit noise) for patient
/// follow-up as in Table 2 (patient 13 stopped at month 3, 14 at month 4, 1 at month 8). It is a teaching and test
/// cohort; it is not, and must never be presented as, the study's data.
/// <para>Study-specific data preparation, so it lives with the command that writes it (<c>rwestats simulate
/// belimumab-biomarkers</c>), not in the library; the namespace is kept for its callers.</para>
/// </summary>
public static class BelimumabBiomarkerSimulator
{
    public const string Marker = "SYNTHETIC (rwestats simulate belimumab-biomarkers)";

    static readonly string[] Visits = { "M0", "M6", "M12" };
    static readonly double[] Months = { 0, 6, 12 };

    /// <summary>Which visits each patient attended (Table 2: 13 stopped before M6, 1 and 14 before M12).</summary>
    static bool Attended(int patient, int visit) => patient switch
    {
        13 => visit == 0,
        1 or 14 => visit <= 1,
        _ => true,
    };

    public static string GenerateCsv(ulong seed)
    {
        var rng = new SeededRandom(seed);
        // Baseline anti-dsDNA: 3 patients > 300, 8 in 70–179, 3 normal (< 50); complement low in 8 of 14.
        int[] order = Enumerable.Range(1, 14).OrderBy(_ => rng.NextDouble()).ToArray();
        var dsdnaBaseline = new Dictionary<int, double>();
        for (int k = 0; k < 14; k++)
            dsdnaBaseline[order[k]] = k < 3 ? rng.Uniform(310, 420) : k < 11 ? rng.Uniform(70, 179) : rng.Uniform(12, 45);
        var lowComplement = Enumerable.Range(1, 14).OrderBy(_ => rng.NextDouble()).Take(8).ToHashSet();

        var csv = new CsvText("patient", "visit", "month", "anti_dsdna", "ch50", "c3", "c4", "data_origin");
        for (int p = 1; p <= 14; p++)
        {
            bool low = lowComplement.Contains(p);
            double ch50Level = low ? rng.Normal(27, 5) : rng.Normal(56, 8);
            double c3Level = low ? rng.Normal(0.62, 0.08) : rng.Normal(1.05, 0.15);
            double c4Level = low ? rng.Normal(0.09, 0.025) : rng.Normal(0.22, 0.04);
            double e = 0; // AR(1) visit noise, correlation 0.5 between consecutive visits
            for (int v = 0; v < 3; v++)
            {
                e = v == 0 ? rng.Normal() : 0.5 * e + Math.Sqrt(1 - 0.25) * rng.Normal();
                if (!Attended(p, v)) { csv.Row(p, Visits[v], Months[v], null, null, null, null, Marker); continue; }
                // Anti-dsDNA falls by about 40 % by M6 (log scale), stays there at M12; complement rises by M6.
                double logDrop = v == 0 ? 0 : (v == 1 ? -0.5 : -0.45) * (dsdnaBaseline[p] > 50 ? 1 : 0.3);
                double dsdna = Math.Exp(Math.Log(dsdnaBaseline[p]) + logDrop + 0.15 * e);
                double rise = v == 0 ? 0 : (low ? 1.0 : 0.3) * (v == 1 ? 1 : 0.8);
                double ch50 = ch50Level + 9 * rise + 3 * e;
                double c3 = c3Level + 0.13 * rise + 0.04 * e;
                double c4 = Math.Max(0.02, c4Level + 0.045 * rise + 0.012 * e);
                csv.Row(p, Visits[v], Months[v], Math.Round(dsdna, 0), Math.Round(ch50, 0), Math.Round(c3, 2), Math.Round(c4, 3), Marker);
            }
        }
        return csv.ToString();
    }
}
