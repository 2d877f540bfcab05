using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using MathNet.Numerics.LinearAlgebra;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>
/// Multiplicity-adjusted p-values for a family of tests.
/// <list type="bullet">
/// <item>Bonferroni: min(1, m p).</item>
/// <item>Holm (1979) step-down: p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j)).</item>
/// <item>Hochberg (1988) step-up: p̃_(i) = min_{j ≥ i} min(1, (m − j + 1) p_(j)).</item>
/// (the definitions of R's p.adjust)
/// <item>Dunnett (1955) single-step, many-to-one: p̃_i = 1 − P(max_j |T_j| &lt; |t_i|) with T multivariate t on ν df
/// whose correlation is that of the contrast estimates (SAS ADJUST=DUNNETT, multcomp/emmeans "mvt"). When the
/// contrasts' df differ (Satterthwaite, KR), each p̃_i uses its own ν_i; emmeans and SAS use one df.
/// The probability is computed by <see cref="MultivariateT"/>, not exactly: its absolute error is below about
/// 1e-5 (a randomised lattice rule with a fixed seed, so results are reproducible).</item>
/// </list>
/// </summary>
public static class Multiplicity
{
    public static string Name(MultiplicityAdjustment a) => a switch
    {
        MultiplicityAdjustment.Bonferroni => "bonferroni",
        MultiplicityAdjustment.Holm => "holm",
        MultiplicityAdjustment.Hochberg => "hochberg",
        MultiplicityAdjustment.Dunnett => "dunnett",
        _ => "none",
    };

    public static double[] Bonferroni(IReadOnlyList<double> p) => p.Select(x => Math.Min(1, x * p.Count)).ToArray();

    public static double[] Holm(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adj = new double[m];
        double running = 0;
        for (int r = 0; r < m; r++)
        {
            running = Math.Max(running, Math.Min(1, (m - r) * p[order[r]]));
            adj[order[r]] = running;
        }
        return adj;
    }

    public static double[] Hochberg(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adj = new double[m];
        double running = 1;
        for (int r = m - 1; r >= 0; r--)
        {
            running = Math.Min(running, Math.Min(1, (m - r) * p[order[r]]));
            adj[order[r]] = running;
        }
        return adj;
    }

    /// <summary>Single-step multivariate-t adjusted p-values for t statistics with correlation <paramref name="correlation"/>.</summary>
    public static double[] Dunnett(IReadOnlyList<double> t, IReadOnlyList<double> df, Matrix<double> correlation)
    {
        var mvt = new MultivariateT(correlation);
        return t.Select((ti, i) => double.IsFinite(ti) ? Math.Clamp(1 - mvt.ProbabilityMaxAbsBelow(Math.Abs(ti), df[i]), 0, 1) : double.NaN).ToArray();
    }

    /// <summary>Applies a p-value-only adjustment (everything but Dunnett).</summary>
    public static double[] Adjust(MultiplicityAdjustment a, IReadOnlyList<double> p) => a switch
    {
        MultiplicityAdjustment.Bonferroni => Bonferroni(p),
        MultiplicityAdjustment.Holm => Holm(p),
        MultiplicityAdjustment.Hochberg => Hochberg(p),
        MultiplicityAdjustment.None => p.ToArray(),
        _ => throw new ArgumentException("Dunnett needs the statistics and their correlation", nameof(a)),
    };
}

/// <summary>
/// P(max_j |T_j| &lt; c) for T = Z / S, Z ~ N(0, R), ν S² ~ χ²_ν: the two-sided equicoordinate multivariate t
/// probability. Genz (1992) separation of variables for the normal rectangle probability, integrated with a
/// randomised Richtmyer lattice rule and the baker's (tent) periodising transform (Genz &amp; Bretz 2009,
/// "Computation of Multivariate Normal and t Probabilities", sections 4.1 and 4.2.2), and over S with
/// 64-point Gauss–Legendre on the χ_ν probability scale. Dimension 1 is closed form.
/// </summary>
public sealed class MultivariateT
{
    const int LatticePoints = 1021, Shifts = 8, OuterNodes = 64;
    static readonly double[] Primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97 };
    readonly Matrix<double> l;
    readonly int k;
    readonly double[][] shifts;

    public MultivariateT(Matrix<double> correlation)
    {
        k = correlation.RowCount;
        l = correlation.Cholesky().Factor;
        var random = new Random(20240229); // fixed seed: reproducible output
        shifts = Enumerable.Range(0, Shifts).Select(_ => Enumerable.Range(0, Math.Max(k - 1, 1)).Select(_ => random.NextDouble()).ToArray()).ToArray();
    }

    public double ProbabilityMaxAbsBelow(double c, double df)
    {
        if (k == 1)
            return double.IsPositiveInfinity(df) || df > 1e7 ? 1 - 2 * Normal.CDF(0, 1, -c) : 1 - 2 * StudentT.CDF(0, 1, df, -c);
        if (double.IsPositiveInfinity(df) || df > 1e7) return NormalRectangle(c);
        // ∫ Φ_R(c s) dF_S(s): integrate over u = F_{χ²_ν}(ν s²) in (0, 1).
        return GaussLegendreRule.Integrate(u =>
        {
            double s = Math.Sqrt(ChiSquared.InvCDF(df, u) / df);
            return NormalRectangle(c * s);
        }, 0, 1, OuterNodes);
    }

    /// <summary>P(|Z_j| &lt; b for all j), Z ~ N(0, R).</summary>
    double NormalRectangle(double b)
    {
        if (b <= 0) return 0;
        int dims = k - 1;
        var z = Enumerable.Range(0, dims).Select(j => Math.Sqrt(Primes[j % Primes.Length]) % 1.0).ToArray();
        var y = new double[k];
        double total = 0;
        foreach (var shift in shifts)
        {
            double sum = 0;
            for (int n = 1; n <= LatticePoints; n++)
            {
                double d = Normal.CDF(0, 1, -b / l[0, 0]), e = Normal.CDF(0, 1, b / l[0, 0]), f = e - d;
                for (int i = 1; i < k && f > 0; i++)
                {
                    double frac = (n * z[i - 1] + shift[i - 1]) % 1.0;
                    double w = Math.Abs(2 * frac - 1);
                    y[i - 1] = Normal.InvCDF(0, 1, Math.Clamp(d + w * (e - d), 1e-300, 1 - 1e-16));
                    double s = 0;
                    for (int j = 0; j < i; j++) s += l[i, j] * y[j];
                    d = Normal.CDF(0, 1, (-b - s) / l[i, i]);
                    e = Normal.CDF(0, 1, (b - s) / l[i, i]);
                    f *= e - d;
                }
                sum += f;
            }
            total += sum / LatticePoints;
        }
        return total / shifts.Length;
    }
}
