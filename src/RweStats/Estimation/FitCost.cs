using System.Globalization;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>One Newton–Raphson iteration of a fit: the model (structure and response), the iteration (evaluations of the
/// gradient and Hessian so far), −2 (restricted) log-likelihood there, and the time since the fit started.</summary>
public sealed record FitProgress(string Model, int Iteration, double Neg2LogLikelihood, TimeSpan Elapsed);

/// <summary>
/// The most work and memory a fit may take (<see cref="MixedModelSpec.Budget"/>): a fit whose estimate
/// (<see cref="FitCost"/>) exceeds either is refused before it starts, with the figures, instead of running for hours
/// or exhausting the machine's memory.
/// </summary>
/// <param name="MaxBytes">Working memory of the likelihood evaluation (default 4 GiB).</param>
/// <param name="MaxOperationsPerIteration">Floating-point operations of one Newton–Raphson iteration (default 5e11:
/// several minutes an iteration on one core).</param>
public sealed record FitBudget(long MaxBytes, double MaxOperationsPerIteration)
{
    /// <summary>4 GiB of working memory and 5e11 operations an iteration.</summary>
    public static FitBudget Default { get; } = new(4L << 30, 5e11);

    /// <summary>No limit (a caller that knows what it asks for).</summary>
    public static FitBudget Unlimited { get; } = new(long.MaxValue, double.PositiveInfinity);

    /// <summary>
    /// A budget as a front end writes it: "unlimited", or the memory in GiB, optionally followed by the operations of
    /// one iteration ("8", "8,2e12"); the operations scale with the memory when not given (5e11 per 4 GiB).
    /// </summary>
    /// <exception cref="RweStatsInputException">The text is none of these.</exception>
    public static FitBudget Parse(string text)
    {
        var t = text.Trim();
        if (t.Equals("unlimited", StringComparison.OrdinalIgnoreCase)) return Unlimited;
        var parts = t.Split(',', StringSplitOptions.TrimEntries);
        const NumberStyles Style = NumberStyles.Float;
        if (parts.Length is 1 or 2 && double.TryParse(parts[0], Style, CultureInfo.InvariantCulture, out var gib) && gib > 0 && gib <= 1e9)
        {
            double operations = Default.MaxOperationsPerIteration * gib / 4;
            if (parts.Length == 1 || double.TryParse(parts[1], Style, CultureInfo.InvariantCulture, out operations) && operations > 0 && double.IsFinite(operations))
                return new FitBudget((long)(gib * (1L << 30)), operations);
        }
        throw RweStatsInputException.About(ModelSetting.FitBudget,
            $"{{FitBudget}} '{Echo.Shown(text)}': write the memory in GiB, optionally with the operations of one iteration (e.g. 8 or 8,2e12), or unlimited");
    }

    /// <summary>The budget as <see cref="Parse"/> reads it ("4,5e+11", "unlimited").</summary>
    public override string ToString() => this == Unlimited ? "unlimited"
        : string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / (double)(1L << 30):0.###},{MaxOperationsPerIteration:0.###e+0}");
}

/// <summary>
/// The cost of a fit estimated from its covariance patterns before any likelihood is evaluated: covariance parameters,
/// floating-point operations of one Newton–Raphson iteration (one evaluation of −2LL with its gradient and Hessian,
/// <see cref="LikelihoodObjective.Evaluate"/>) and the working memory of that evaluation. Counted from what the
/// evaluation does per pattern of m visits with q local parameters: two m×m inversions (m³ each); W V_k W for each k
/// (2m³ dense, nnz(V_k) m² sparse, <see cref="SmallDense.Sandwich"/>); the pairs (k, l) of the second pass (the cheaper
/// of Σ nnz(V_k) nnz(V_l) and 4 q m³); m³ per non-zero second derivative; the (p+1)² quadratic forms per parameter;
/// and q³ for the Newton step. The non-zeros of the derivatives are counted on the largest pattern of each group
/// (scaled by (m/M)² for smaller ones). Memory: per distinct pattern size, the workspace's q m×m derivatives, their
/// sandwiches, right factors and entry lists, and the q×q matrices of the Hessian.
/// </summary>
public sealed record FitCost(int Parameters, double OperationsPerIteration, long Bytes)
{
    /// <summary>The cost of fitting the covariance model to these patterns with a design of rank <paramref name="rank"/>; when the memory alone exceeds <paramref name="budget"/>, the operations are not counted (NaN).</summary>
    public static FitCost Estimate(CovarianceModel covariance, IReadOnlyList<CovariancePattern> patterns, int rank, FitBudget budget)
    {
        int q = covariance.ParameterCount, w = rank + 1;
        if (AutoregressivePrecision.Applies(covariance)) return Autoregressive(q, w, patterns);
        var sizes = patterns.Select(p => (p.Size, Local: covariance.LocalParameters(p.Group).Length)).Distinct().ToList();
        double Memory(int second) => 8.0 * 8 * q * q + sizes.Sum(s => Workspace(s.Size, s.Local, second));
        // Memory first, from the sizes alone: a fit beyond the memory budget is refused before its derivatives are built.
        double bytes = Memory(0);
        double operations = double.NaN;
        if (bytes <= budget.MaxBytes)
        {
            // The derivatives' non-zeros on the largest pattern of each group, at an admissible θ (which entries are
            // non-zero depends on the structure, not on the values).
            var theta = covariance.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Variance or ParameterKind.Range => 1.0,
                ParameterKind.Correlation or ParameterKind.PositiveCorrelation => 0.3,
                _ => 0.0,
            }).ToArray();
            var nonZeros = new Dictionary<int, (int M, double[] Entries, int SecondDerivatives)>();
            foreach (var group in patterns.GroupBy(p => p.Group))
            {
                var largest = group.MaxBy(p => p.Size)!;
                int m = largest.Size, ql = covariance.LocalParameters(group.Key).Length;
                var dv = Enumerable.Range(0, ql).Select(_ => new double[m, m]).ToArray();
                var d2v = new double[ql, ql][,];
                covariance.Build(theta, group.Key, largest.Visits, largest.Times, new double[m, m], dv, d2v);
                var entries = dv.Select(d => (double)d.Cast<double>().Count(x => x != 0)).ToArray();
                int second = 0;
                for (int k = 0; k < ql; k++)
                    for (int l = k; l < ql; l++)
                        if (d2v[k, l] is not null || d2v[l, k] is not null) second++;
                nonZeros[group.Key] = (m, entries, second);
            }
            bytes = Memory(nonZeros.Values.Max(n => n.SecondDerivatives));
            operations = Math.Pow(q, 3) + 4.0 * q * q * w * w;
            foreach (var pattern in patterns)
            {
                var (largest, entries, second) = nonZeros[pattern.Group];
                double m = pattern.Size, scale = m * m / ((double)largest * largest), m3 = m * m * m;
                double sandwiches = 0, total = 0;
                foreach (var e in entries)
                {
                    double nnz = e * scale;
                    sandwiches += Math.Min(2 * m3, nnz * m * m);
                    total += nnz;
                }
                operations += 2 * m3 + 2 * sandwiches + Math.Min(total * total / 2, 4.0 * entries.Length * m3) + second * m3 +
                              (entries.Length + 3) * m * m * w * w;
            }
        }
        return new FitCost(q, operations, bytes >= long.MaxValue ? long.MaxValue : (long)bytes);
    }

    /// <summary>
    /// AR(1) through its tridiagonal inverse (<see cref="AutoregressivePrecision"/>): per subject kept as rows, five
    /// passes of O(m (p+1)²) (three tridiagonal quadratic forms, the ρ sandwich with its recursions); per pattern kept as
    /// pair blocks, the tridiagonal forms over 3m blocks and the dense ρ sandwich (three m×m matrices) over all m² blocks.
    /// </summary>
    static FitCost Autoregressive(int q, int w, IReadOnlyList<CovariancePattern> patterns)
    {
        double operations = Math.Pow(q, 3) + 4.0 * q * q * w * w, bytes = 8.0 * 8 * q * q;
        double largestDense = 0;
        foreach (var pattern in patterns)
        {
            double m = pattern.Size;
            if (pattern.PairBlocks is null) operations += pattern.SubjectCount * 5 * 2 * m * w * (w + 3);
            else
            {
                operations += 2 * 3 * 3 * m * w * w + 10 * m * m + 2 * m * m * w * w;
                largestDense = Math.Max(largestDense, 3 * 8 * m * m);
            }
        }
        bytes += largestDense + patterns.Max(p => 16.0 * p.Size * w);
        return new FitCost(q, operations, (long)Math.Min(bytes, long.MaxValue));
    }

    /// <summary>One workspace of <see cref="LikelihoodObjective"/> for m visits and q local parameters, in bytes:
    /// V and 7 scratch matrices, q derivatives, their sandwiches and right factors (8 bytes a value), their entry
    /// lists (16 bytes an entry), and the second derivatives that are not zero.</summary>
    static double Workspace(int m, int q, int secondDerivatives) => (double)m * m * (8.0 * (8 + 4 * q + secondDerivatives) + 16.0 * q);

    /// <summary>
    /// Refuses a fit whose estimate exceeds the budget, naming the model and the figures. The structures suggested
    /// instead are those of AR(1), CS and TOEP with fewer parameters than <paramref name="type"/> over the same visits
    /// (none for AR(1) itself, which has two).
    /// </summary>
    public void Require(FitBudget budget, string model, CovarianceType type, int visits)
    {
        if (Bytes > budget.MaxBytes || double.IsNaN(OperationsPerIteration) || OperationsPerIteration > budget.MaxOperationsPerIteration)
        {
            var simpler = new[] { "ar1", "cs", "toep" }.Select(CovarianceTypes.Of)
                .Where(t => t.ParameterCount(visits) < type.ParameterCount(visits)).Select(t => t.Code).ToList();
            string instead = simpler.Count > 0 ? $"use a structure with fewer parameters (e.g. {string.Join(", ", simpler)}), fewer visits," : "use fewer visits";
            throw RweStatsInputException.About(ModelSetting.FitBudget,
                $"{model}: {Parameters} covariance parameters; one iteration would take about {Describe()}, beyond the fit budget " +
                $"({Text(budget.MaxOperationsPerIteration)} operations, {Gigabytes(budget.MaxBytes)}); {instead} or a larger {{FitBudget}}");
        }
    }

    /// <summary>"3.2e+11 floating-point operations and 6.5 GB of memory".</summary>
    public string Describe() =>
        (double.IsNaN(OperationsPerIteration) ? "" : $"{Text(OperationsPerIteration)} floating-point operations and ") + $"{Gigabytes(Bytes)} of memory";

    static string Text(double x) => x.ToString("0.0e+0", CultureInfo.InvariantCulture);
    static string Gigabytes(long bytes) => (bytes / 1e9).ToString(bytes < 1e8 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " GB";
}
