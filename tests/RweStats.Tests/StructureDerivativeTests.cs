using RweStats.Covariance;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// Every covariance structure's analytic first and second derivatives, checked against central finite differences:
/// element by element (R[a, b](θ) of the structure alone), and through the REML objective at a point away from the
/// optimum (the structure with and without a random intercept, where one is identifiable).
/// </summary>
public class StructureDerivativeTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var c in CovarianceTypes.Codes) data.Add(c);
        return data;
    }

    public static TheoryData<string, bool> Models()
    {
        var data = new TheoryData<string, bool>();
        foreach (var c in CovarianceTypes.Codes)
        {
            data.Add(c, false);
            if (CovarianceTypes.Of(c).RandomInterceptConflict is null) data.Add(c, true);
        }
        return data;
    }

    /// <summary>An interior θ by parameter kind (distinct values, so that no symmetry hides an error).</summary>
    static double[] Interior(CovarianceStructure s) => s.ParameterKinds.Select((kind, k) => kind switch
    {
        ParameterKind.Variance => 2 + 0.37 * k,
        ParameterKind.Covariance => 0.3 + 0.05 * k,
        ParameterKind.Correlation => 0.55 - 0.07 * k,
        ParameterKind.PositiveCorrelation => 0.6,
        _ => 2.5, // range
    }).ToArray();

    [Theory]
    [MemberData(nameof(Codes))]
    public void ElementDerivativesMatchFiniteDifferences(string code)
    {
        var times = new[] { 0.0, 1.5, 4, 7 };
        foreach (int dim in new[] { 3, 4 })
        {
            var s = CovarianceStructure.Create(code, dim);
            Assert.Equal(code, s.Code);
            Assert.Equal(s.ParameterNames.Count, s.ParameterKinds.Count);
            int q = s.ParameterCount;
            var theta = Interior(s);
            for (int a = 0; a < dim; a++)
                for (int b = 0; b < dim; b++)
                {
                    var g = new double[q];
                    var h = new double[q * q];
                    s.Element(theta, a, b, times[a], times[b], g, h);
                    for (int k = 0; k < q; k++)
                    {
                        double step = 1e-6 * Math.Max(1, Math.Abs(theta[k]));
                        var plus = (double[])theta.Clone(); plus[k] += step;
                        var minus = (double[])theta.Clone(); minus[k] -= step;
                        var gp = new double[q]; var gm = new double[q];
                        double fp = s.Element(plus, a, b, times[a], times[b], gp, new double[q * q]);
                        double fm = s.Element(minus, a, b, times[a], times[b], gm, new double[q * q]);
                        double fd = (fp - fm) / (2 * step);
                        Assert.True(Math.Abs(fd - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{code} dim {dim} dR[{a},{b}]/dθ{k}: {g[k]} vs {fd}");
                        for (int l = 0; l < q; l++)
                        {
                            double fd2 = (gp[l] - gm[l]) / (2 * step);
                            Assert.True(Math.Abs(fd2 - h[k * q + l]) <= 1e-5 * Math.Max(1, Math.Abs(fd2)),
                                $"{code} dim {dim} d²R[{a},{b}]/dθ{k}dθ{l}: {h[k * q + l]} vs {fd2}");
                        }
                    }
                }
            if (s.IsLinear)
                Assert.All(Enumerable.Range(0, dim), a =>
                {
                    var h = new double[q * q];
                    s.Element(theta, a, (a + 1) % dim, times[a], times[(a + 1) % dim], new double[q], h);
                    Assert.All(h, x => Assert.Equal(0, x));
                });
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ObjectiveGradientAndHessianMatchFiniteDifferences(string code, bool randomIntercept)
    {
        var spec = new MixedModelSpec
        {
            Formula = "y ~ visit*arm + x", Subject = "id", Time = "visit", TimeOrder = new[] { "V1", "V2", "V3", "V4" },
            Covariance = code, RandomIntercept = randomIntercept, TimeValue = "month",
        };
        var table = SyntheticData.Make(29, subjects: 60);
        var model = MixedModelFitter.FitModel(table, spec with { ReportNonConverged = true });
        var cov = model.Covariance;
        var objective = new LikelihoodObjective(cov, CovariancePattern.Build(model.Frame, model.Design, cov.Structure.UsesTimeValues),
            model.Design.Rank, model.Frame.ObservationsUsed, EstimationMethod.Reml);
        // Away from the optimum (there the gradient is 0 and would test nothing): variances up, the rest shrunk.
        var theta = model.Theta.Select((v, k) => cov.Parameters[k].Kind switch
        {
            ParameterKind.Variance => Math.Max(v, 0.5) * 1.3,
            ParameterKind.Range => v * 1.2,
            _ => v * 0.7,
        }).ToArray();
        Assert.True(cov.IsAdmissible(theta));
        AssertObjectiveDerivatives(objective, theta);
    }

    /// <summary>The objective's analytic gradient and Hessian at θ against central differences of its value and gradient.</summary>
    internal static void AssertObjectiveDerivatives(LikelihoodObjective objective, double[] theta)
    {
        var e = objective.Evaluate(theta, 2);
        Assert.True(e.IsFinite);
        for (int k = 0; k < theta.Length; k++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(theta[k]));
            var plus = (double[])theta.Clone(); plus[k] += h;
            var minus = (double[])theta.Clone(); minus[k] -= h;
            var ep = objective.Evaluate(plus, 1);
            var em = objective.Evaluate(minus, 1);
            double fd = (ep.Value - em.Value) / (2 * h);
            Assert.True(Math.Abs(fd - e.Gradient![k]) <= 1e-4 * Math.Max(1, Math.Abs(fd)), $"gradient[{k}] {e.Gradient[k]} vs {fd}");
            for (int l = 0; l < theta.Length; l++)
            {
                double fd2 = (ep.Gradient![l] - em.Gradient![l]) / (2 * h);
                Assert.True(Math.Abs(fd2 - e.Hessian![k, l]) <= 1e-4 * Math.Max(1, Math.Abs(fd2)), $"H[{k},{l}] {e.Hessian[k, l]} vs {fd2}");
            }
        }
    }
}
