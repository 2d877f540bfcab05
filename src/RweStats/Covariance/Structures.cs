namespace RweStats.Covariance;

// Each structure below follows SAS PROC MIXED's definition (SAS/STAT User's Guide, The MIXED Procedure,
// REPEATED statement, TYPE= option, and the table "Covariance Structure Examples"): parameter order and
// names are those of SAS's "Covariance Parameter Estimates" table. a, b are visit positions (0-based),
// ta, tb actual times (spatial types only).

/// <summary>VC: independent errors with one variance, R = σ² I.</summary>
public sealed class VarianceComponents(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("vc");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; } = new[] { "Residual" };
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; } = new[] { ParameterKind.Variance };
    /// <inheritdoc/>
    public override int ScaleParameterIndex => 0;
    /// <inheritdoc/>
    public override bool IsLinear => true;

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        if (a != b) return 0;
        g[0] = 1;
        return theta[0];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) => new[] { e.MeanVariance };

    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma) => new[] { MeanAtLag(Dimension, 0, (a, _) => sigma[a, a]) };
}

/// <summary>UN: R[i, j] = σ_ij, every variance and covariance free. Parameters UN(i,j), i ≥ j, row by row.</summary>
public sealed class Unstructured : CovarianceStructure
{
    /// <summary>UN over <paramref name="dimension"/> visits: t(t + 1)/2 parameters.</summary>
    public Unstructured(int dimension) : base(dimension)
    {
        var names = new List<string>();
        var kinds = new List<ParameterKind>();
        for (int i = 1; i <= dimension; i++)
            for (int j = 1; j <= i; j++)
            {
                names.Add($"UN({i},{j})");
                kinds.Add(i == j ? ParameterKind.Variance : ParameterKind.Covariance);
            }
        ParameterNames = names;
        ParameterKinds = kinds;
    }

    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("un");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; }
    /// <inheritdoc/>
    public override bool IsLinear => true;

    static int Index(int a, int b) { int i = Math.Max(a, b), j = Math.Min(a, b); return i * (i + 1) / 2 + j; }

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        int k = Index(a, b);
        g[k] = 1;
        return theta[k];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e)
    {
        var start = new double[ParameterCount];
        for (int i = 0; i < Dimension; i++)
            for (int j = 0; j <= i; j++)
                start[Index(i, j)] = i == j ? e.Variance(i) : e.Correlation(i, j) * Math.Sqrt(e.Variance(i) * e.Variance(j));
        return start;
    }


    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma)
    {
        var theta = new double[ParameterCount];
        for (int i = 0; i < Dimension; i++)
            for (int j = 0; j <= i; j++) theta[Index(i, j)] = sigma[i, j];
        return theta;
    }
}

/// <summary>CS: R = σ₁ J + σ² I (SAS names "CS" for σ₁, the common covariance, and "Residual" for σ²).</summary>
public sealed class CompoundSymmetry(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("cs");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; } = new[] { "CS", "Residual" };
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; } = new[] { ParameterKind.Covariance, ParameterKind.Variance };
    /// <inheritdoc/>
    public override int ScaleParameterIndex => 1;
    /// <inheritdoc/>
    public override bool IsLinear => true;
    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        g[0] = 1;
        if (a == b) { g[1] = 1; return theta[0] + theta[1]; }
        return theta[0];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e)
    {
        double v = e.MeanVariance, r = Math.Max(e.MeanCorrelation, 0.05);
        return new[] { r * v, (1 - r) * v };
    }

    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma)
    {
        double v = MeanAtLag(Dimension, 0, (a, _) => sigma[a, a]);
        double c = 0;
        for (int lag = 1; lag < Dimension; lag++) c += MeanAtLag(Dimension, lag, (a, b) => sigma[a, b]) * (Dimension - lag);
        c = Dimension > 1 ? c / (Dimension * (Dimension - 1) / 2.0) : 0;
        return new[] { c, Math.Max(v - c, 0.01 * v) };
    }
}

/// <summary>Shared code of the structures whose elements are sqrt(v_a v_b) · ρ(a, b): CSH, ARH(1), TOEPH, ANTE(1).</summary>
public abstract class HeterogeneousCorrelationStructure(int dimension) : CovarianceStructure(dimension)
{
    /// <summary>Number of correlation parameters after the t variances.</summary>
    protected abstract int CorrelationCount { get; }

    /// <summary>The correlation between positions a ≠ b, and its derivatives in the correlation parameters.</summary>
    protected abstract double Correlation(ReadOnlySpan<double> rho, int a, int b, Span<double> gradient, Span<double> hessian);

    /// <summary>The correlation parameters from the (clamped) correlations of a complete Σ: exact when Σ has the structure's form.</summary>
    protected abstract double[] ProjectCorrelations(Func<int, int, double> correlation);

    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma) =>
        Enumerable.Range(0, Dimension).Select(a => sigma[a, a])
            .Concat(ProjectCorrelations((a, b) => CorrelationOf(sigma, a, b))).ToArray();

    // Names and kinds are built once (field ??=): Element reads ParameterCount for every matrix element, and building
    // the names there made a TOEPH likelihood evaluation 8 times slower than UN's on small data.
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds =>
        field ??= Enumerable.Repeat(ParameterKind.Variance, Dimension).Concat(Enumerable.Repeat(ParameterKind.Correlation, CorrelationCount)).ToList();

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        int t = Dimension, q = ParameterCount, c = CorrelationCount;
        if (a == b) { g[a] = 1; return theta[a]; }
        Span<double> rg = stackalloc double[c];
        Span<double> rh = h.IsEmpty ? Span<double>.Empty : stackalloc double[c * c];
        rg.Clear(); rh.Clear();
        double rho = Correlation(theta.Slice(t, c), a, b, rg, rh);
        double va = theta[a], vb = theta[b], s = Math.Sqrt(va * vb);
        // d s / d va = s / (2 va);  d² s / d va² = -s / (4 va²);  d² s / d va d vb = s / (4 va vb)
        g[a] = rho * s / (2 * va);
        g[b] = rho * s / (2 * vb);
        for (int k = 0; k < c; k++) g[t + k] = s * rg[k];
        if (!h.IsEmpty)
        {
            h[a * q + a] = -rho * s / (4 * va * va);
            h[b * q + b] = -rho * s / (4 * vb * vb);
            h[a * q + b] = h[b * q + a] = rho * s / (4 * va * vb);
            for (int k = 0; k < c; k++)
            {
                h[a * q + t + k] = h[(t + k) * q + a] = rg[k] * s / (2 * va);
                h[b * q + t + k] = h[(t + k) * q + b] = rg[k] * s / (2 * vb);
                for (int l = 0; l < c; l++) h[(t + k) * q + t + l] = s * rh[k * c + l];
            }
        }
        return rho * s;
    }
}

/// <summary>CSH: R[i, j] = σ_i σ_j (ρ for i ≠ j). Parameters Var(1..t), CSH.</summary>
public sealed class HeterogeneousCompoundSymmetry(int dimension) : HeterogeneousCorrelationStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("csh");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames => field ??= VarNames(Dimension).Append("CSH").ToList();
    /// <inheritdoc/>
    protected override int CorrelationCount => 1;
    /// <inheritdoc/>
    protected override double Correlation(ReadOnlySpan<double> rho, int a, int b, Span<double> g, Span<double> h)
    {
        g[0] = 1;
        return rho[0];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        Enumerable.Range(0, Dimension).Select(e.Variance).Append(Math.Max(e.MeanCorrelation, 0.05)).ToArray();

    /// <inheritdoc/>
    protected override double[] ProjectCorrelations(Func<int, int, double> r)
    {
        double s = 0; int n = 0;
        for (int lag = 1; lag < Dimension; lag++) { s += MeanAtLag(Dimension, lag, r) * (Dimension - lag); n += Dimension - lag; }
        return new[] { n > 0 ? s / n : 0 };
    }
}

/// <summary>AR(1): R[i, j] = σ² ρ^|i−j| over visit positions. Parameters AR(1), Residual.</summary>
public sealed class FirstOrderAutoregressive(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("ar1");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; } = new[] { "AR(1)", "Residual" };
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; } = new[] { ParameterKind.Correlation, ParameterKind.Variance };
    /// <inheritdoc/>
    public override int ScaleParameterIndex => 1;

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
        => ScaledPower(theta[1], theta[0], Math.Abs(a - b), g, h, rhoIndex: 0, sigmaIndex: 1, q: 2);

    /// <summary>σ² ρ^d with derivatives; shared by AR(1) and SP(POW).</summary>
    internal static double ScaledPower(double sigma2, double rho, double d, Span<double> g, Span<double> h, int rhoIndex, int sigmaIndex, int q)
    {
        if (d == 0)
        {
            g[sigmaIndex] = 1;
            return sigma2;
        }
        double p = Math.Pow(rho, d);
        double dp = d * Math.Pow(rho, d - 1);
        g[sigmaIndex] = p;
        g[rhoIndex] = sigma2 * dp;
        if (!h.IsEmpty)
        {
            double d2p = d == 1 ? 0 : d * (d - 1) * Math.Pow(rho, d - 2);
            h[rhoIndex * q + rhoIndex] = sigma2 * d2p;
            h[rhoIndex * q + sigmaIndex] = h[sigmaIndex * q + rhoIndex] = dp;
        }
        return sigma2 * p;
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        new[] { Math.Clamp(e.MeanCorrelationAtLag(1), 0.05, 0.9), e.MeanVariance };

    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma) => new[]
    {
        Dimension > 1 ? MeanAtLag(Dimension, 1, (a, b) => CorrelationOf(sigma, a, b)) : 0,
        MeanAtLag(Dimension, 0, (a, _) => sigma[a, a]),
    };
}

/// <summary>ARH(1): R[i, j] = σ_i σ_j ρ^|i−j|. Parameters Var(1..t), ARH(1).</summary>
public sealed class HeterogeneousFirstOrderAutoregressive(int dimension) : HeterogeneousCorrelationStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("arh1");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames => field ??= VarNames(Dimension).Append("ARH(1)").ToList();
    /// <inheritdoc/>
    protected override int CorrelationCount => 1;

    /// <inheritdoc/>
    protected override double Correlation(ReadOnlySpan<double> rho, int a, int b, Span<double> g, Span<double> h)
    {
        int d = Math.Abs(a - b);
        g[0] = d * Math.Pow(rho[0], d - 1);
        if (!h.IsEmpty) h[0] = d == 1 ? 0 : d * (d - 1) * Math.Pow(rho[0], d - 2);
        return Math.Pow(rho[0], d);
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        Enumerable.Range(0, Dimension).Select(e.Variance).Append(Math.Clamp(e.MeanCorrelationAtLag(1), 0.05, 0.9)).ToArray();

    /// <inheritdoc/>
    protected override double[] ProjectCorrelations(Func<int, int, double> r) => new[] { Dimension > 1 ? MeanAtLag(Dimension, 1, r) : 0 };
}

/// <summary>TOEP: R[i, j] = σ_|i−j|. Parameters TOEP(2) … TOEP(t) for lags 1 … t−1, then Residual (lag 0).</summary>
public sealed class Toeplitz(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("toep");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames =>
        field ??= Enumerable.Range(2, Dimension - 1).Select(k => $"TOEP({k})").Append("Residual").ToList();
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds =>
        field ??= Enumerable.Repeat(ParameterKind.Covariance, Dimension - 1).Append(ParameterKind.Variance).ToList();
    /// <inheritdoc/>
    public override int ScaleParameterIndex => Dimension - 1;
    /// <inheritdoc/>
    public override bool IsLinear => true;
    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        int lag = Math.Abs(a - b);
        int k = lag == 0 ? Dimension - 1 : lag - 1;
        g[k] = 1;
        return theta[k];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e)
    {
        double v = e.MeanVariance;
        return Enumerable.Range(1, Dimension - 1).Select(lag => e.MeanCorrelationAtLag(lag) * v).Append(v).ToArray();
    }

    /// <inheritdoc/>
    public override double[]? Project(double[,] sigma) =>
        Enumerable.Range(1, Dimension - 1).Select(lag => MeanAtLag(Dimension, lag, (a, b) => sigma[a, b]))
            .Append(MeanAtLag(Dimension, 0, (a, _) => sigma[a, a])).ToArray();
}

/// <summary>TOEPH: R[i, j] = σ_i σ_j ρ_|i−j|. Parameters Var(1..t), TOEPH(1) … TOEPH(t−1).</summary>
public sealed class HeterogeneousToeplitz(int dimension) : HeterogeneousCorrelationStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("toeph");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames =>
        field ??= VarNames(Dimension).Concat(Enumerable.Range(1, Dimension - 1).Select(k => $"TOEPH({k})")).ToList();
    /// <inheritdoc/>
    protected override int CorrelationCount => Dimension - 1;
    /// <inheritdoc/>
    protected override double Correlation(ReadOnlySpan<double> rho, int a, int b, Span<double> g, Span<double> h)
    {
        int k = Math.Abs(a - b) - 1;
        g[k] = 1;
        return rho[k];
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        Enumerable.Range(0, Dimension).Select(e.Variance)
            .Concat(Enumerable.Range(1, Dimension - 1).Select(lag => e.MeanCorrelationAtLag(lag))).ToArray();

    /// <inheritdoc/>
    protected override double[] ProjectCorrelations(Func<int, int, double> r) =>
        Enumerable.Range(1, Dimension - 1).Select(lag => MeanAtLag(Dimension, lag, r)).ToArray();
}

/// <summary>
/// ANTE(1): R[i, j] = σ_i σ_j Π_{k=i}^{j−1} ρ_k (first-order antedependence; mmrm's "adh").
/// Parameters Var(1..t), Rho(1) … Rho(t−1).
/// </summary>
public sealed class FirstOrderAntedependence(int dimension) : HeterogeneousCorrelationStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("ante1");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames =>
        field ??= VarNames(Dimension).Concat(Enumerable.Range(1, Dimension - 1).Select(k => $"Rho({k})")).ToList();
    /// <inheritdoc/>
    protected override int CorrelationCount => Dimension - 1;

    /// <inheritdoc/>
    protected override double Correlation(ReadOnlySpan<double> rho, int a, int b, Span<double> g, Span<double> h)
    {
        int lo = Math.Min(a, b), hi = Math.Max(a, b), c = CorrelationCount;
        double product = 1;
        for (int k = lo; k < hi; k++) product *= rho[k];
        for (int k = lo; k < hi; k++)
        {
            double others = 1;
            for (int m = lo; m < hi; m++) if (m != k) others *= rho[m];
            g[k] = others;
            if (h.IsEmpty) continue;
            for (int l = lo; l < hi; l++)
            {
                if (l == k) continue;
                double rest = 1;
                for (int m = lo; m < hi; m++) if (m != k && m != l) rest *= rho[m];
                h[k * c + l] = rest;
            }
        }
        return product;
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        Enumerable.Range(0, Dimension).Select(e.Variance)
            .Concat(Enumerable.Range(0, Dimension - 1).Select(k => Math.Clamp(e.Correlation(k, k + 1), 0.05, 0.9))).ToArray();

    /// <inheritdoc/>
    protected override double[] ProjectCorrelations(Func<int, int, double> r) =>
        Enumerable.Range(0, Dimension - 1).Select(k => r(k, k + 1)).ToArray();
}

/// <summary>SP(EXP)(c): R[i, j] = σ² exp(−d_ij / θ), d_ij = |t_i − t_j| on the time-value column. Parameters SP(EXP), Residual.</summary>
public sealed class SpatialExponential(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("sp-exp");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; } = new[] { "SP(EXP)", "Residual" };
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; } = new[] { ParameterKind.Range, ParameterKind.Variance };
    /// <inheritdoc/>
    public override int ScaleParameterIndex => 1;

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
    {
        double d = Math.Abs(ta - tb), range = theta[0], s2 = theta[1];
        if (d == 0) { g[1] = 1; return s2; }
        double e = Math.Exp(-d / range);
        double de = e * d / (range * range);                       // d e / d θ
        g[0] = s2 * de;
        g[1] = e;
        if (!h.IsEmpty)
        {
            double d2e = de * d / (range * range) - 2 * e * d / (range * range * range);
            h[0] = s2 * d2e;
            h[1] = h[2] = de;
        }
        return s2 * e;
    }

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e)
    {
        // exp(−d/θ) = r at the typical distance d between consecutive visits.
        double r = Math.Clamp(e.MeanCorrelationAtLag(1), 0.05, 0.9);
        return new[] { -e.Lag1Distance / Math.Log(r), e.MeanVariance };
    }
}

/// <summary>SP(POW)(c): R[i, j] = σ² ρ^d_ij, d_ij = |t_i − t_j|. Parameters SP(POW), Residual.</summary>
public sealed class SpatialPower(int dimension) : CovarianceStructure(dimension)
{
    /// <inheritdoc/>
    public override CovarianceType Type { get; } = CovarianceTypes.Of("sp-pow");
    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames { get; } = new[] { "SP(POW)", "Residual" };
    /// <inheritdoc/>
    public override IReadOnlyList<ParameterKind> ParameterKinds { get; } = new[] { ParameterKind.PositiveCorrelation, ParameterKind.Variance };
    /// <inheritdoc/>
    public override int ScaleParameterIndex => 1;

    /// <inheritdoc/>
    public override double Element(ReadOnlySpan<double> theta, int a, int b, double ta, double tb, Span<double> g, Span<double> h)
        => FirstOrderAutoregressive.ScaledPower(theta[1], theta[0], Math.Abs(ta - tb), g, h, rhoIndex: 0, sigmaIndex: 1, q: 2);

    /// <inheritdoc/>
    public override double[] StartingValues(EmpiricalCovariance e) =>
        // ρ^d = r at the typical distance d between consecutive visits.
        new[] { Math.Pow(Math.Clamp(e.MeanCorrelationAtLag(1), 0.05, 0.9), 1 / Math.Max(e.Lag1Distance, 1e-12)), e.MeanVariance };
}
