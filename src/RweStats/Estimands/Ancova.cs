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

    public static readonly string[] ParameterNames = { "trt", "lsm_ref", "lsm_alt" };

    /// <summary>
    /// Fits the ANCOVA of n subjects: x (n × k, columns 1, arm dummy, covariates) and the outcome directions
    /// (y, then the delta indicator of each arm), each n long.
    /// </summary>
    public static AncovaFit Fit(double[] x, int n, int k, double[][] directions)
    {
        var xtx = new DenseMatrix(k, k);
        var means = new double[k];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < k; a++)
            {
                double xa = x[i * k + a];
                means[a] += xa;
                if (xa == 0) continue;
                for (int b = 0; b < k; b++) xtx[a, b] += xa * x[i * k + b];
            }
        for (int a = 0; a < k; a++) means[a] /= n;
        var chol = xtx.Cholesky();
        var inverse = chol.Solve(DenseMatrix.CreateIdentity(k));
        int dirs = directions.Length;
        var coefficients = new double[dirs][];
        var residuals = new double[dirs][];
        for (int d = 0; d < dirs; d++)
        {
            var xty = new DenseVector(k);
            var y = directions[d];
            for (int i = 0; i < n; i++)
            {
                double yi = y[i];
                if (yi == 0) continue;
                for (int a = 0; a < k; a++) xty[a] += x[i * k + a] * yi;
            }
            var b = chol.Solve(xty).ToArray();
            coefficients[d] = b;
            var r = new double[n];
            for (int i = 0; i < n; i++)
            {
                double fitted = 0;
                for (int a = 0; a < k; a++) fitted += x[i * k + a] * b[a];
                r[i] = y[i] - fitted;
            }
            residuals[d] = r;
        }
        var gram = new double[dirs, dirs];
        for (int d = 0; d < dirs; d++)
            for (int f = d; f < dirs; f++)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += residuals[d][i] * residuals[f][i];
                gram[d, f] = gram[f, d] = s;
            }
        var fit = new AncovaFit(coefficients, gram, n - k, means, new double[3]);
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
