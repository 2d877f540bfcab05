using MathNet.Numerics.LinearAlgebra.Double;

namespace RweStats.Estimands;

/// <summary>
/// The ANCOVA of one completed data set at one visit (rbmi's <c>ancova_single</c>): outcome ~ arm + covariates by least
/// squares over two arms, the arm a 0/1 dummy of the second arm. The LS means are rbmi's counterfactual ones: the mean
/// over the data set's subjects of the predictions with every subject in the arm, L = [1, arm, mean covariates].
/// <para>
/// A delta adjustment adds δ_a to the imputed values of arm a, so the outcome is y + Σ_a δ_a d_a: the fit keeps the
/// coefficients of y and of each d_a and the Gram matrix of their residuals, and any δ is then exact without refitting
/// (the coefficients are linear in δ and the residual sum of squares quadratic).
/// </para>
/// </summary>
public sealed record AncovaFit(double[][] Coefficients, double[,] ResidualGram, int ResidualDf, double[] Contrast, double[] Variance)
{
    /// <summary>Rows: trt (alt − ref), lsm_ref, lsm_alt. The estimate at arm shifts δ (one per arm).</summary>
    public (double estimate, double stdError) At(int parameter, ReadOnlySpan<double> delta)
    {
        int k = Coefficients[0].Length, directions = Coefficients.Length;
        Span<double> weights = stackalloc double[directions];
        weights[0] = 1;
        for (int a = 1; a < directions; a++) weights[a] = delta[a - 1];
        double estimate = 0, rss = 0;
        var l = Row(parameter, k);
        for (int d = 0; d < directions; d++)
        {
            if (weights[d] == 0) continue;
            double e = 0;
            for (int j = 0; j < k; j++) e += l[j] * Coefficients[d][j];
            estimate += weights[d] * e;
            for (int f = 0; f < directions; f++) rss += weights[d] * weights[f] * ResidualGram[d, f];
        }
        return (estimate, Math.Sqrt(Math.Max(rss, 0) / ResidualDf * Variance[parameter]));
    }

    double[] Row(int parameter, int k)
    {
        var l = new double[k];
        switch (parameter)
        {
            case 0: l[1] = 1; break;
            case 1: l[0] = 1; for (int j = 2; j < k; j++) l[j] = Contrast[j]; break;
            default: l[0] = 1; l[1] = 1; for (int j = 2; j < k; j++) l[j] = Contrast[j]; break;
        }
        return l;
    }

    /// <summary>The reported parameters, as rbmi names them: the treatment difference and the two arms' LS means.</summary>
    public static readonly string[] ParameterNames = { "trt", "lsm_ref", "lsm_alt" };

    /// <summary>The fit from the sums of one visit's completed data (<see cref="AncovaSums"/>).</summary>
    public static AncovaFit Fit(AncovaSums sums)
    {
        int k = sums.K, dirs = sums.D;
        var xtx = DenseMatrix.Create(k, k, (a, b) => sums.Xx[a * k + b]);
        var chol = xtx.Cholesky();
        var inverse = chol.Solve(DenseMatrix.CreateIdentity(k));
        var coefficients = new double[dirs][];
        for (int d = 0; d < dirs; d++)
            coefficients[d] = chol.Solve(DenseVector.Create(k, a => sums.Xy[a * dirs + d])).ToArray();
        // Residual cross-products e_dᵀ e_f = y_dᵀ y_f − b_dᵀ Xᵀ y_f (the normal equations).
        var gram = new double[dirs, dirs];
        for (int d = 0; d < dirs; d++)
            for (int f = d; f < dirs; f++)
            {
                double s = sums.Yy[d * dirs + f];
                for (int a = 0; a < k; a++) s -= coefficients[d][a] * sums.Xy[a * dirs + f];
                gram[d, f] = gram[f, d] = s;
            }
        var means = new double[k];
        for (int a = 0; a < k; a++) means[a] = sums.X[a] / sums.Count;
        var fit = new AncovaFit(coefficients, gram, (int)Math.Round(sums.Count) - k, means, new double[3]);
        for (int parameter = 0; parameter < 3; parameter++)
        {
            var l = fit.Row(parameter, k);
            double v = 0;
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) v += l[a] * inverse[a, b] * l[b];
            fit.Variance[parameter] = v;
        }
        return fit;
    }
}

/// <summary>
/// The sufficient statistics of the ANCOVA at one visit: Σ w x xᵀ, Σ w x Yᵀ, Σ w Y Yᵀ, Σ w x and Σ w over the subjects,
/// with x = (1, arm, covariates) and Y = (y, d_1, ..., d_A) the outcome and the delta directions. A jackknife sample is
/// the full data's sums less one subject plus the imputed values, so its cost is that of the imputed subjects alone.
/// </summary>
public sealed class AncovaSums
{
    /// <summary>Columns of x: intercept, arm and the covariates.</summary>
    public int K { get; }
    /// <summary>Columns of Y: the outcome and the delta directions.</summary>
    public int D { get; }
    /// <summary>Σ w x xᵀ, row-major K × K.</summary>
    public double[] Xx { get; }
    /// <summary>Σ w x Yᵀ, row-major K × D.</summary>
    public double[] Xy { get; }
    /// <summary>Σ w Y Yᵀ, row-major D × D.</summary>
    public double[] Yy { get; }
    /// <summary>Σ w x.</summary>
    public double[] X { get; }
    /// <summary>Σ w: the number of subjects (weighted).</summary>
    public double Count { get; set; }

    /// <summary>Zero sums for K columns of x and D of Y.</summary>
    public AncovaSums(int k, int d)
    {
        K = k;
        D = d;
        Xx = new double[k * k];
        Xy = new double[k * d];
        Yy = new double[d * d];
        X = new double[k];
    }

    /// <summary>A copy whose sums can be changed independently.</summary>
    public AncovaSums Clone()
    {
        var c = new AncovaSums(K, D) { Count = Count };
        Xx.CopyTo(c.Xx, 0);
        Xy.CopyTo(c.Xy, 0);
        Yy.CopyTo(c.Yy, 0);
        X.CopyTo(c.X, 0);
        return c;
    }

    /// <summary>Adds weight × one subject's (x, Y); a negative weight removes it.</summary>
    public void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double weight)
    {
        int k = K, d = D;
        Count += weight;
        for (int a = 0; a < k; a++)
        {
            double xa = weight * x[a];
            if (xa == 0) continue;
            X[a] += xa;
            for (int b = 0; b < k; b++) Xx[a * k + b] += xa * x[b];
            for (int f = 0; f < d; f++) Xy[a * d + f] += xa * y[f];
        }
        for (int e = 0; e < d; e++)
        {
            double ye = weight * y[e];
            if (ye == 0) continue;
            for (int f = 0; f < d; f++) Yy[e * d + f] += ye * y[f];
        }
    }
}
