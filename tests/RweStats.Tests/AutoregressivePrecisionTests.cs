using MathNet.Numerics.LinearAlgebra;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// AR(1) through its tridiagonal inverse (<see cref="AutoregressivePrecision"/>) against the dense m×m algebra every
/// other structure uses: the value, gradient, observed and expected Hessians, ∂C/∂θ and the Kenward–Roger terms, on
/// patterns with gaps (intermittent missing visits), held as pair blocks or as subjects' rows, REML and ML, with GROUP=.
/// </summary>
public class AutoregressivePrecisionTests
{
    public static TheoryData<EstimationMethod, bool, bool> Cases()
    {
        var data = new TheoryData<EstimationMethod, bool, bool>();
        foreach (var method in new[] { EstimationMethod.Reml, EstimationMethod.Ml })
            foreach (bool perSubject in new[] { false, true })
                foreach (bool grouped in new[] { false, true })
                    data.Add(method, perSubject, grouped);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheTridiagonalPathEqualsTheDenseOne(EstimationMethod method, bool perSubject, bool grouped)
    {
        var spec = new MixedModelSpec
        {
            Formula = "y ~ visit*arm + x", Subject = "id", Time = "visit", TimeOrder = ["V1", "V2", "V3", "V4"],
            Covariance = "ar1", Group = grouped ? "arm" : null, Method = method,
        };
        var table = SyntheticData.Make(7, subjects: 150, missing: 0.3);
        var model = MixedModelFitter.FitModel(table, spec);
        var cov = model.Covariance;
        var patterns = CovariancePattern.Build(model.Frame, model.Design, spatial: false, perSubject);
        Assert.Contains(patterns, p => p.Visits.Zip(p.Visits.Skip(1)).Any(v => v.Second - v.First > 1)); // gaps
        LikelihoodObjective Objective(bool dense) =>
            new(cov, patterns, model.Design.Rank, model.Frame.ObservationsUsed, method) { DenseOnly = dense };
        // Away from the optimum, every ρ and σ² distinct.
        var theta = model.Theta.Select((v, k) => cov.Parameters[k].Kind == Covariance.ParameterKind.Variance ? v * (1.2 + 0.1 * k) : v * 0.6).ToArray();
        var fast = Objective(false).Evaluate(theta, 2, kenwardRogerTerms: true);
        var dense = Objective(true).Evaluate(theta, 2, kenwardRogerTerms: true);

        Close(dense.Value, fast.Value, "−2LL");
        for (int k = 0; k < theta.Length; k++) Close(dense.Gradient![k], fast.Gradient![k], $"gradient[{k}]");
        Close(dense.Hessian!, fast.Hessian!, "Hessian");
        Close(dense.ExpectedHessian!, fast.ExpectedHessian!, "expected Hessian");
        Close(dense.CovBeta!, fast.CovBeta!, "C");
        for (int k = 0; k < theta.Length; k++) Close(dense.CovBetaDerivatives![k], fast.CovBetaDerivatives![k], $"∂C/∂θ{k}");
        var (kd, kf) = (dense.KenwardRogerTerms!, fast.KenwardRogerTerms!);
        for (int k = 0; k < theta.Length; k++)
        {
            Close(kd.P[k], kf.P[k], $"P[{k}]");
            for (int l = 0; l < theta.Length; l++)
            {
                Assert.Equal(kd.Q[k, l] is null, kf.Q[k, l] is null);
                Assert.Equal(kd.R[k, l] is null, kf.R[k, l] is null);
                if (kd.Q[k, l] is { } q) Close(q, kf.Q[k, l]!, $"Q[{k},{l}]");
                if (kd.R[k, l] is { } r) Close(r, kf.R[k, l]!, $"R[{k},{l}]");
            }
        }
    }

    /// <summary>Where V is not positive definite (ρ at ±1 is outside the admissible range) both paths say so.</summary>
    [Fact]
    public void ANonPositiveDefiniteCovarianceIsInfiniteOnBothPaths()
    {
        var spec = new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "ar1" };
        var model = MixedModelFitter.FitModel(SyntheticData.Make(3), spec);
        var patterns = CovariancePattern.Build(model.Frame, model.Design, false);
        foreach (bool dense in new[] { false, true })
        {
            var objective = new LikelihoodObjective(model.Covariance, patterns, model.Design.Rank, model.Frame.ObservationsUsed, EstimationMethod.Reml)
                { DenseOnly = dense };
            Assert.False(objective.Evaluate([1.0, 2.0], 2).IsFinite);
            Assert.False(objective.Evaluate([0.5, -1.0], 0).IsFinite);
        }
    }

    static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: dense {expected:R}, tridiagonal {actual:R}");

    static void Close(Matrix<double> expected, Matrix<double> actual, string what)
    {
        double scale = Math.Max(1, expected.Enumerate().Max(Math.Abs));
        for (int i = 0; i < expected.RowCount; i++)
            for (int j = 0; j < expected.ColumnCount; j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= 1e-9 * scale, $"{what}[{i},{j}]: dense {expected[i, j]:R}, tridiagonal {actual[i, j]:R}");
    }
}
