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
/// The probability is computed by <see cref="MultivariateT"/>, not exactly: a randomised lattice rule with a
/// fixed seed (reproducible) whose error is estimated from its random shifts and reported; in dimension ≤ 3 it
/// is below 1e-6 (checked against mvtnorm).</item>
/// </list>
/// </summary>
public static class Multiplicity
{
    /// <summary>The adjustment's name as the reports and the JSON write it ("holm").</summary>
    public static string Name(MultiplicityAdjustment a) => a switch
    {
        MultiplicityAdjustment.Bonferroni => "bonferroni",
        MultiplicityAdjustment.Holm => "holm",
        MultiplicityAdjustment.Hochberg => "hochberg",
        MultiplicityAdjustment.Dunnett => "dunnett",
        _ => "none",
    };

    /// <summary>Bonferroni: each p-value times the number of tests, capped at 1.</summary>
    public static double[] Bonferroni(IReadOnlyList<double> p) => p.Select(x => Math.Min(1, x * p.Count)).ToArray();

    /// <summary>Holm's step-down adjustment (Holm 1979): the k-th smallest p-value times (m − k + 1), made non-decreasing, capped at 1; as R's p.adjust("holm").</summary>
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

    /// <summary>Hochberg's step-up adjustment (Hochberg 1988): the k-th smallest p-value times (m − k + 1), made non-increasing from the largest, capped at 1; as R's p.adjust("hochberg").</summary>
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
    /// <remarks>
    /// The exact value lies between the raw p and the Bonferroni bound m·p (Bonferroni's inequality), so the
    /// numerical result is kept inside those bounds, and when m·p &lt; 1e-7 (far below the integration error) the
    /// bound m·p itself is reported without integrating.
    /// </remarks>
    public static double[] Dunnett(IReadOnlyList<double> t, IReadOnlyList<double> df, Matrix<double> correlation) =>
        DunnettWithError(t, df, correlation).adjusted;

    /// <summary>As <see cref="Dunnett"/>, with a bound on the integration error (3 × the largest standard error over the random shifts).</summary>
    public static (double[] adjusted, double errorBound) DunnettWithError(IReadOnlyList<double> t, IReadOnlyList<double> df, Matrix<double> correlation)
    {
        var mvt = new MultivariateT(correlation);
        int m = t.Count;
        var adjusted = t.Select((ti, i) =>
        {
            if (!double.IsFinite(ti)) return double.NaN;
            double raw = FixedEffectsInference.Make(ti, 1, df[i], 0.05).PValue;
            double bonferroni = Math.Min(1, m * raw);
            if (bonferroni < 1e-7) return bonferroni;
            return Math.Clamp(1 - mvt.ProbabilityMaxAbsBelow(Math.Abs(ti), df[i]), raw, bonferroni);
        }).ToArray();
        return (adjusted, 3 * mvt.LargestStandardError);
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
/// randomised Richtmyer lattice rule (8 random shifts; the lattice grows until their standard error is below
/// 2.5e-7) and the baker's (tent) periodising transform (Genz &amp; Bretz 2009,
/// "Computation of Multivariate Normal and t Probabilities", sections 4.1 and 4.2.2), and over S with
/// 32-point Gauss–Legendre in ln S. Dimension 1 is closed form.
/// </summary>
internal sealed class MultivariateT
{
    const int Shifts = 8, OuterNodes = 32;
    // Lattice sizes (primes), tried in turn until the standard error over the random shifts is below TargetError.
    static readonly int[] LatticeSizes = { 1021, 4093, 16381 };
    const double TargetError = 2.5e-7;
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

    /// <summary>The largest standard error (over the random shifts) of any rectangle probability computed so far.</summary>
    public double LargestStandardError { get; private set; }

    public double ProbabilityMaxAbsBelow(double c, double df)
    {
        if (k == 1)
            return double.IsPositiveInfinity(df) || df > 1e7 ? 1 - 2 * Phi(-c) : 1 - 2 * StudentT.CDF(0, 1, df, -c);
        if (double.IsPositiveInfinity(df) || df > 1e7) return NormalRectangle(c);
        // ∫ Φ_R(c s) f_S(s) ds over x = ln s: the density of x is smooth, unimodal at 0 with sd ≈ 1/√(2ν) and
        // decays double-exponentially, so Gauss–Legendre on the range where it exceeds e^-40 of its mode converges fast.
        double half = df / 2;
        double logConst = Math.Log(2) + half * Math.Log(half) - MathNet.Numerics.SpecialFunctions.GammaLn(half);
        double LogDensity(double x) => logConst + df * x - half * Math.Exp(2 * x);
        double mode = LogDensity(0), step = 0.5 / Math.Sqrt(2 * df);
        double lo = 0, hi = 0;
        while (LogDensity(lo) - mode > -40) lo -= step;
        while (LogDensity(hi) - mode > -40) hi += step;
        return GaussLegendreRule.Integrate(x => Math.Exp(LogDensity(x)) * NormalRectangle(c * Math.Exp(x)), lo, hi, OuterNodes);
    }

    static double Phi(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>Φ⁻¹ by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37:477–484, 1988), relative accuracy about 1e-16.</summary>
    static double PhiInverse(double p)
    {
        double q = p - 0.5, r;
        if (Math.Abs(q) <= 0.425)
        {
            r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r
                        + 3.387132872796366608)
                   / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1.0);
        }
        r = q < 0 ? p : 1 - p;
        r = Math.Sqrt(-Math.Log(r));
        double x;
        if (r <= 5)
        {
            r -= 1.6;
            x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r
                    + 1.42343711074968357734)
                / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0);
        }
        else
        {
            r -= 5;
            x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r
                    + 6.6579046435011037772)
                / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -x : x;
    }

    /// <summary>P(|Z_j| &lt; b for all j), Z ~ N(0, R).</summary>
    double NormalRectangle(double b)
    {
        if (b <= 0) return 0;
        int dims = k - 1;
        var z = Enumerable.Range(0, dims).Select(j => Math.Sqrt(Primes[j % Primes.Length]) % 1.0).ToArray();
        var y = new double[k];
        double mean = 0, standardError = 0;
        var estimates = new double[shifts.Length];
        foreach (int points in LatticeSizes)
        {
            for (int si = 0; si < shifts.Length; si++)
            {
                var shift = shifts[si];
                double sum = 0;
                for (int n = 1; n <= points; n++)
                {
                    double d = Phi(-b / l[0, 0]), e = Phi(b / l[0, 0]), f = e - d;
                    for (int i = 1; i < k && f > 0; i++)
                    {
                        double frac = (n * z[i - 1] + shift[i - 1]) % 1.0;
                        double w = Math.Abs(2 * frac - 1);
                        y[i - 1] = PhiInverse(Math.Clamp(d + w * (e - d), 1e-300, 1 - 1e-16));
                        double s = 0;
                        for (int j = 0; j < i; j++) s += l[i, j] * y[j];
                        d = Phi((-b - s) / l[i, i]);
                        e = Phi((b - s) / l[i, i]);
                        f *= e - d;
                    }
                    sum += f;
                }
                estimates[si] = sum / points;
            }
            mean = estimates.Average();
            double variance = estimates.Sum(x => (x - mean) * (x - mean)) / (shifts.Length - 1);
            standardError = Math.Sqrt(variance / shifts.Length);
            if (standardError < TargetError) break;
        }
        LargestStandardError = Math.Max(LargestStandardError, standardError);
        return mean;
    }
}
