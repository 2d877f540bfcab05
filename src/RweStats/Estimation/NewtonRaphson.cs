using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Covariance;

namespace RweStats.Estimation;

/// <summary>How the optimisation ended: what a user needs to judge the fit.</summary>
public sealed record ConvergenceReport(
    bool Converged,
    int Iterations,
    int Evaluations,
    /// <summary>SAS's relative Hessian criterion gᵀH⁻¹g / |f| at the solution.</summary>
    double Criterion,
    double MaxAbsGradient,
    /// <summary>True when the observed Hessian over the free parameters is positive definite at the solution.</summary>
    bool HessianPositiveDefinite,
    /// <summary>Indices of θ fixed on a boundary (a variance at 0).</summary>
    IReadOnlyList<int> BoundaryParameters,
    string Message,
    /// <summary>SAS's "Iteration History": the objective at the start (iteration 0) and after each iteration.</summary>
    IReadOnlyList<double> History)
{
    /// <summary>How many starting points were optimised (<see cref="OptimumSearch"/>); 1 = the moment estimates only.</summary>
    public int StartsTried { get; init; } = 1;

    /// <summary>How many of them reached the reported optimum (−2LL within 1e-4).</summary>
    public int StartsAtBest { get; init; } = 1;

    /// <summary>The start the reported optimum was reached from ("moment estimates", "from the CS fit", "UN fit projected", "grid …").</summary>
    public string BestStart { get; init; } = "moment estimates";
}

/// <summary>
/// Minimises −2 log-likelihood over θ on SAS's own parameter scale by Newton–Raphson with the observed
/// Hessian, falling back to Fisher scoring (expected Hessian) when the observed one is not positive
/// definite, with step halving to keep θ admissible and the objective decreasing. A variance that wants
/// to cross zero is held at zero (active set), as SAS does for G-side variances. Convergence is SAS's
/// default relative Hessian criterion gᵀH⁻¹g / |f| ≤ 1e-8 (PROC MIXED CONVH=).
/// </summary>
internal static class NewtonRaphson
{
    public const double CriterionTolerance = 1e-8;
    const double PolishTolerance = 1e-11;

    /// <param name="held">Parameters kept at their starting values (a profile over them); null: none.</param>
    public static (double[] theta, LikelihoodEvaluation final, ConvergenceReport report) Minimise(
        LikelihoodObjective objective, CovarianceModel covariance, double[] start, int maxIterations, IReadOnlyCollection<int>? held = null)
    {
        int q = start.Length;
        var theta = (double[])start.Clone();
        var pinned = new bool[q];
        var eval = objective.Evaluate(theta, 2);
        int evaluations = 1;
        var history = new List<double> { eval.Value };
        if (!eval.IsFinite)
            return (theta, eval, new ConvergenceReport(false, 0, evaluations, double.NaN, double.NaN, false, Array.Empty<int>(),
                "the starting covariance matrix is not positive definite", history));

        double criterion = double.NaN;
        int iteration = 0;
        bool converged = false;
        string message = "";
        int polished = 0;
        while (true)
        {
            UpdatePinned(covariance, theta, eval.Gradient!, pinned, held);
            var free = Enumerable.Range(0, q).Where(k => !pinned[k]).ToArray();
            var g = DenseVector.Create(free.Length, i => eval.Gradient![free[i]]);
            var (h, usedObserved) = SearchMatrix(eval, free);
            var step = h.Solve(-g);
            criterion = free.Length == 0 ? 0 : -g.DotProduct(step) / Math.Max(Math.Abs(eval.Value), 1e-8);
            // Converged when SAS's criterion is met; we polish to 1e-12 when Newton steps still help, so that
            // the reported estimates do not depend on where the iteration happened to cross 1e-8.
            // The polish target is absolute (gᵀH⁻¹g, invariant to rescaling y and to reparameterisation), so the same
            // data in other units give the same estimates; SAS's relative criterion divides by |f|, which is not.
            bool met = usedObserved && criterion >= 0 && criterion <= CriterionTolerance;
            double absolute = criterion * Math.Max(Math.Abs(eval.Value), 1e-8);
            if (free.Length == 0 || (met && (absolute <= PolishTolerance || polished >= 5)))
            {
                converged = true;
                message = "convergence criteria met";
                break;
            }
            if (iteration >= maxIterations)
            {
                message = $"did not converge in {maxIterations} iterations (criterion {criterion:G3})";
                break;
            }
            iteration++;
            if (met) polished++;

            // Step halving: keep θ admissible and the objective from increasing.
            double lambda = 1;
            LikelihoodEvaluation? next = null;
            double[] candidate = theta;
            // The full step is nearly always taken: its value is computed from the pattern totals with derivatives (the
            // same log|V| and Σ Zᵀ V⁻¹ Z, the same bits), which the evaluation at the new θ then reuses instead of a
            // second pass over the patterns. A shorter step's value is computed alone.
            LikelihoodObjective.PatternTotals? fullStep = null, taken = null;
            for (int half = 0; half < 40; half++, lambda /= 2)
            {
                candidate = (double[])theta.Clone();
                for (int i = 0; i < free.Length; i++) candidate[free[i]] += lambda * step[i];
                ClampVarianceAtZero(covariance, candidate);
                if (!covariance.IsAdmissible(candidate)) continue;
                LikelihoodEvaluation trial;
                if (half == 0)
                {
                    fullStep = objective.Totals(candidate, 1);
                    trial = fullStep is null ? new LikelihoodEvaluation { Value = double.PositiveInfinity } : objective.EvaluateFrom(candidate, 0, fullStep);
                }
                else trial = objective.Evaluate(candidate, 0);
                evaluations++;
                if (trial.IsFinite && trial.Value <= eval.Value + 1e-10 * Math.Abs(eval.Value))
                {
                    next = trial;
                    taken = half == 0 ? fullStep : null;
                    break;
                }
            }
            if (next is null)
            {
                // No decrease along the Newton direction: the optimum is reached to machine precision
                // when the gradient is already small; otherwise report failure honestly.
                double maxg = free.Length == 0 ? 0 : free.Max(k => Math.Abs(eval.Gradient![k]));
                converged = Math.Abs(criterion) <= CriterionTolerance || polished > 0;
                message = converged ? "convergence criteria met (no further decrease possible)" : $"line search failed (criterion {criterion:G3}, max |gradient| {maxg:G3})";
                break;
            }
            theta = candidate;
            eval = taken is not null ? objective.EvaluateFrom(theta, 2, taken) : objective.Evaluate(theta, 2);
            evaluations++;
            history.Add(eval.Value);
        }

        UpdatePinned(covariance, theta, eval.Gradient!, pinned, held);
        var freeFinal = Enumerable.Range(0, q).Where(k => !pinned[k]).ToArray();
        double maxGradient = freeFinal.Length == 0 ? 0 : freeFinal.Max(k => Math.Abs(eval.Gradient![k]));
        bool pd = freeFinal.Length == 0 || IsPositiveDefinite(Sub(eval.Hessian!, freeFinal));
        var boundary = Enumerable.Range(0, q).Where(k => pinned[k]).ToList();
        return (theta, eval, new ConvergenceReport(converged, iteration, evaluations, criterion, maxGradient, pd, boundary, message, history));
    }

    /// <summary>A variance with a lower bound of 0 (the random-intercept variance) that sits at 0 with a gradient pushing
    /// it below stays fixed, and so does every held parameter.</summary>
    static void UpdatePinned(CovarianceModel covariance, double[] theta, double[] gradient, bool[] pinned, IReadOnlyCollection<int>? held)
    {
        for (int k = 0; k < theta.Length; k++)
            pinned[k] = covariance.RandomIntercept && k == 0 && theta[k] <= 0 && gradient[k] >= 0 || held?.Contains(k) == true;
    }

    static void ClampVarianceAtZero(CovarianceModel covariance, double[] theta)
    {
        if (covariance.RandomIntercept && theta[0] < 0) theta[0] = 0;
    }

    static (Matrix<double> h, bool observed) SearchMatrix(LikelihoodEvaluation eval, int[] free)
    {
        var observed = Sub(eval.Hessian!, free);
        if (IsPositiveDefinite(observed)) return (observed, true);
        var expected = Sub(eval.ExpectedHessian!, free);
        if (IsPositiveDefinite(expected)) return (expected, false);
        double ridge = 1e-6 * Math.Max(1, expected.Diagonal().AbsoluteMaximum());
        return (expected + DenseMatrix.CreateDiagonal(free.Length, free.Length, ridge), false);
    }

    internal static Matrix<double> Sub(Matrix<double> m, int[] idx) => DenseMatrix.Create(idx.Length, idx.Length, (i, j) => m[idx[i], idx[j]]);

    internal static bool IsPositiveDefinite(Matrix<double> m)
    {
        if (m.RowCount == 0) return true;
        try { return double.IsFinite(m.Cholesky().DeterminantLn); }
        catch (ArgumentException) { return false; }
    }
}
