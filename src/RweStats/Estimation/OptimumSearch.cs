using System.Globalization;
using RweStats.Covariance;
using RweStats.Model;

namespace RweStats.Estimation;

/// <summary>
/// Finds the REML (or ML) optimum that a fit reports, not just the stationary point nearest the moment start.
///
/// With few subjects per covariance parameter, dropout and strong serial correlation, the restricted likelihood of a
/// heterogeneous structure can have several local maxima, and Newton–Raphson from one start reports whichever it
/// reaches (e.g. CSH on 13 subjects × 7 visits: −2 Res LL 250.66 at ρ = 0.35 where mmrm and nlme reach 242.40 at ρ = 0.71).
/// Where that can matter (a structure with correlation parameters or nested structures, and at most
/// <see cref="SubjectsPerParameter"/> subjects per covariance parameter), the fit is started from:
/// <list type="number">
/// <item>the moment estimates from the pattern sums (the single start used otherwise);</item>
/// <item>the fit of every structure it contains (<see cref="CovarianceStructure.ContainedStructures"/>: CS → CSH,
///   AR(1) → ARH(1) → ANTE(1), TOEP → TOEPH, … → UN), each searched the same way, mapped exactly into this structure
///   (<see cref="CovarianceStructure.Project"/>), so the start has the contained optimum's likelihood;</item>
/// <item>for a structure with visit variances, the fits of CSH and ARH(1) that it does not contain, projected onto it:
///   the visit variances are what differs between basins, and another correlation shape finds them;</item>
/// <item>the UN fit projected onto the structure, when UN is estimable on the data;</item>
/// <item>the two best points of a coarse grid of AR- and CS-shaped correlation matrices (ρ = 0.3, 0.6, 0.9) with the
///   variances of the best fit so far;</item>
/// <item>for a structure with correlation parameters, the lowest local minima of the profile −2LL over an AR- and a
///   CS-shaped correlation (ρ = 0.1 … 0.95, the correlations held and the variances optimised at each ρ).</item>
/// </list>
/// What the single grid missed (CSH on the two cohorts of tests/fixtures/r/hard-optima/): the grid kept the variances
/// of the fit found, and with those every other ρ scores worse, so each grid start fell back into that fit's basin;
/// the optimum has other visit variances (Var(1) 6.5 instead of 0.77), which the ARH(1) fit and the profile reach.
/// The lowest −2LL wins (the moment start's run on ties, so fits that were right stay bit-identical). Then the
/// nesting is checked: a structure's optimum cannot be worse than that of a structure it contains; when it is, the fit
/// restarts from the contained fit, and if that still fails the fit is reported as not converged, with the reason.
/// In every case a fit whose Hessian (over the parameters not on a boundary) is not positive definite at the end is a
/// stationary point but not a demonstrated minimum: it is not reported as converged.
/// </summary>
public sealed class OptimumSearch
{
    /// <summary>Above this many subjects per covariance parameter the likelihood is close to quadratic around the moment
    /// estimates and a single start is kept (registry-size data pay nothing).</summary>
    public const int SubjectsPerParameter = 20;

    /// <summary>Two −2LL values closer than this are the same optimum (the criterion of the R comparison suite is 1e-3).</summary>
    const double SameOptimum = 1e-4;

    static readonly double[] GridCorrelations = { 0.3, 0.6, 0.9 };

    /// <summary>The structures with visit variances and one correlation, whose fits start the other heterogeneous structures.</summary>
    static readonly string[] VisitVarianceStructures = { "csh", "arh1" };

    /// <summary>The correlations of the profile (<see cref="ProfileMinima"/>).</summary>
    static readonly double[] ProfileCorrelations = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 };

    /// <summary>Newton steps over the variances at each point of the profile.</summary>
    const int ProfileIterations = 6;

    /// <summary>How many local minima of the profiles are optimised as starts.</summary>
    const int ProfileStarts = 3;

    readonly IReadOnlyList<CovariancePattern> patterns;
    readonly int rank, observations, maxIterations, subjects;
    readonly EstimationMethod method;
    readonly Func<CovarianceModel, LikelihoodObjective, double[]> momentStart;
    readonly Dictionary<string, Run> searched = new();
    Run? unstructuredMoment;

    /// <param name="momentStart">The moment-estimate start of a covariance model (the fitter's single start).</param>
    public OptimumSearch(IReadOnlyList<CovariancePattern> patterns, int rank, int observations, EstimationMethod method,
                         int maxIterations, int subjects, Func<CovarianceModel, LikelihoodObjective, double[]> momentStart)
    {
        this.patterns = patterns;
        this.rank = rank;
        this.observations = observations;
        this.method = method;
        this.maxIterations = maxIterations;
        this.subjects = subjects;
        this.momentStart = momentStart;
    }

    /// <summary>The budget every model the search fits must fit in (<see cref="FitCost"/>): a contained or related
    /// structure beyond it gives no start (its fit would cost more than the one asked for).</summary>
    public FitBudget Budget { get; init; } = FitBudget.Default;
    /// <summary>Told after each iteration of the fits the search makes for its starts.</summary>
    public IProgress<FitProgress>? Progress { get; init; }
    /// <summary>How progress names the model asked for; a start's fit is named after it ("TOEPH 'y', start: ARH(1)").</summary>
    public string ModelName { get; init; } = "";

    sealed record Run(string Start, double[] Theta, LikelihoodEvaluation Evaluation, ConvergenceReport Report)
    {
        public double Value => Evaluation.IsFinite ? Evaluation.Value : double.PositiveInfinity;
        public bool Sound => Report.Converged && Report.HessianPositiveDefinite;
        /// <summary>Optimised with <see cref="ProbeIterations"/> steps only.</summary>
        public bool Probe { get; init; }
    }

    /// <summary>True when the search uses several starts for this model (otherwise the moment start only).</summary>
    public bool UsesMultipleStarts(CovarianceModel covariance)
    {
        var s = covariance.Structure;
        bool canMatter = StartingStructures(s).Any() || s.ParameterKinds.Contains(ParameterKind.Correlation);
        return canMatter && !s.UsesTimeValues && subjects <= SubjectsPerParameter * covariance.ParameterCount;
    }

    /// <summary>Minimises the objective from the starts the search uses; returns θ̂, the evaluation there and the convergence report.</summary>
    public (double[] theta, LikelihoodEvaluation eval, ConvergenceReport report) Minimise(CovarianceModel covariance, LikelihoodObjective objective)
    {
        clock = objective.Clock;
        var (chosen, runs, violation) = Search(covariance, objective, top: true);
        var report = chosen.Report with
        {
            StartsTried = runs.Count,
            StartsAtBest = runs.Count(r => r.Value <= chosen.Value + SameOptimum),
            BestStart = chosen.Start,
        };
        if (violation is not null)
            report = report with { Converged = false, Message = violation };
        else if (report.Converged && !report.HessianPositiveDefinite)
            report = report with
            {
                Converged = false,
                Message = "stopped at a stationary point where the Hessian is not positive definite (a saddle point or a flat ridge, not a demonstrated minimum)",
            };
        return (chosen.Theta, chosen.Evaluation, report);
    }

    /// <summary>
    /// The search for one model. The moment start is optimised to convergence (as a single-start fit would be); every
    /// other start gets <see cref="TopProbeIterations"/> Newton steps first (enough to converge from a start in the right
    /// basin) and only the best of them is continued (<see cref="Settle"/>). Contained structures are searched with
    /// their own contained structures' fits as starts, every run probed (<paramref name="top"/> false): their fits are
    /// starts and bounds only. The UN projection and the grid are for the structure requested.
    /// </summary>
    (Run chosen, List<Run> runs, string? violation) Search(CovarianceModel covariance, LikelihoodObjective objective, bool top)
    {
        var runs = new List<Run> { Optimise(covariance, objective, "moment estimates", momentStart(covariance, objective), top ? null : ProbeIterations) };
        if (!UsesMultipleStarts(covariance)) return (runs[0], runs, null);

        // Starts from the contained structures' fits (each searched the same way, once per fit).
        var contained = new List<(CovarianceModel model, Run run)>();
        foreach (var code in StartingStructures(covariance.Structure))
        {
            if (Related(covariance, code) is not { } inner || SearchContained(inner) is not { } innerRun) continue;
            contained.Add((inner, innerRun));
            if (innerRun.Evaluation.IsFinite && Embed(inner, innerRun.Theta, covariance) is { } start)
                runs.Add(Optimise(covariance, objective, $"from the {inner.Structure.SasType} fit", start, top ? TopProbeIterations : ProbeIterations));
        }

        // The UN fit projected onto the structure.
        if (top && covariance.Structure.Code != "un" && UnstructuredMoment(covariance) is { } un && un.Evaluation.IsFinite &&
            Embed(un.Model, un.Run.Theta, covariance) is { } projected)
            runs.Add(Optimise(covariance, objective, "UN fit projected", projected, TopProbeIterations));

        // A coarse grid of correlation shapes with the variances of the best fit so far: the two best points.
        var sofar = Best(runs);
        if (top && sofar.Evaluation.IsFinite)
        {
            var grid = new List<(double value, string label, double[] theta)>();
            foreach (var shape in new[] { "AR", "CS" })
                foreach (var r in GridCorrelations)
                {
                    if (Reshape(covariance, sofar.Theta, shape, r) is not { } theta) continue;
                    double value = objective.Evaluate(theta, 0).Value;
                    if (double.IsFinite(value)) grid.Add((value, $"grid {shape} ρ = {Label(r)}", theta));
                }
            foreach (var g in grid.OrderBy(g => g.value).Take(2))
                runs.Add(Optimise(covariance, objective, g.label, g.theta, TopProbeIterations));
        }

        // Starts from the fits of the one-correlation structures with visit variances that this one does not contain
        // (CSH for ARH(1) and ANTE(1), ARH(1) for CSH), projected: the visit variances are what varies between basins,
        // and a structure with another correlation shape finds them where this one's own starts do not (CSH on 13
        // subjects × 7 visits: from the moment, CS and grid starts 250.66 with Var(1) 0.77 at ρ 0.35; from the ARH(1)
        // fit, Var(1) 3.4, the optimum 242.40 with Var(1) 6.5 at ρ 0.71).
        if (top && covariance.Structure.HasVisitVariances)
        {
            var inside = Contained(covariance.Structure);
            foreach (var code in VisitVarianceStructures)
            {
                if (code == covariance.Structure.Code || inside.Contains(code) || Related(covariance, code) is not { } sibling ||
                    SearchContained(sibling) is not { } siblingRun) continue;
                if (siblingRun.Evaluation.IsFinite && Embed(sibling, siblingRun.Theta, covariance) is { } start)
                    runs.Add(Optimise(covariance, objective, $"{sibling.Structure.SasType} fit projected", start, TopProbeIterations));
            }
        }

        // The correlation/variance basins the grid cannot leave (it keeps the variances of the fit found): the local
        // minima of the profile over the correlations, the variances following each ρ.
        var correlations = Enumerable.Range(0, covariance.ParameterCount)
            .Where(k => covariance.Parameters[k].Kind == ParameterKind.Correlation).ToArray();
        if (top && correlations.Length > 0 && Best(runs) is { Evaluation.IsFinite: true } best)
            foreach (var (label, theta) in ProfileMinima(covariance, objective, best.Theta, correlations))
                runs.Add(Optimise(covariance, objective, label, theta, TopProbeIterations));

        // A contained structure's fit is only a start (and a bound): its probed best is enough.
        var chosen = top ? Settle(covariance, objective, runs) : Best(runs);
        // Post-fit check: no worse than any contained structure; if it is, restart from that fit (with more iterations).
        string? violation = null;
        foreach (var (inner, innerRun) in contained)
        {
            if (!(chosen.Value > innerRun.Value + Tolerance(innerRun.Value))) continue;
            if (Embed(inner, innerRun.Theta, covariance) is { } start)
            {
                runs.Add(Optimise(covariance, objective, $"restart from the {inner.Structure.SasType} fit", start, 4 * maxIterations));
                chosen = Settle(covariance, objective, runs);
            }
            if (chosen.Value > innerRun.Value + Tolerance(innerRun.Value))
                violation = $"the {covariance.Structure.SasType} optimum found (−2LL {F(chosen.Value)}) is worse than that of {inner.Structure.SasType}, " +
                            $"which it contains ({F(innerRun.Value)}): the search did not find the {covariance.Structure.SasType} optimum";
        }
        return (chosen, runs, violation);
    }

    /// <summary>
    /// The contained structures whose fits are starts: all but VC, the independence boundary (ρ = 0) of CS and AR(1),
    /// whose single variance the moment start already has.
    /// </summary>
    static IEnumerable<string> StartingStructures(CovarianceStructure s) => s.ContainedStructures.Where(c => c != "vc");

    /// <summary>The search of a contained or related structure, once per structure; null when its fit is beyond the budget.</summary>
    Run? SearchContained(CovarianceModel model)
    {
        if (searched.TryGetValue(model.Structure.Code, out var done)) return done;
        var key = (model.Structure.Code, model.RandomIntercept, method);
        if (SharedStarts is { } shared && shared.Contained.TryGetValue(key, out var sharedRun)) return searched[model.Structure.Code] = (Run)sharedRun;
        if (!WithinBudget(model)) return null;
        var objective = Objective(model);
        var (chosen, _, _) = Search(model, objective, top: false);
        searched[model.Structure.Code] = chosen;
        SharedStarts?.Contained.TryAdd(key, chosen);
        return chosen;
    }

    /// <summary>
    /// The searches of contained structures, shared by the fits of several structures to the same pattern sums (the
    /// specification search fits VC … UN to each data set): such a search depends only on the sums, the structure,
    /// the random intercept and the method, so each is made once and every fit that starts from it reads the same run.
    /// Safe to share between threads: two fits that search the same structure at once compute the same run.
    /// </summary>
    public sealed class StartCache
    {
        internal readonly System.Collections.Concurrent.ConcurrentDictionary<(string code, bool randomIntercept, EstimationMethod method), object> Contained = new();
    }

    /// <summary>Contained-structure searches shared with other fits to the same pattern sums; null: this fit's own.</summary>
    public StartCache? SharedStarts { get; init; }

    /// <summary>Every structure <paramref name="structure"/> contains, directly or through another.</summary>
    static HashSet<string> Contained(CovarianceStructure structure)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(structure.ContainedStructures);
        while (stack.Count > 0)
            if (stack.Pop() is var code && seen.Add(code))
                foreach (var inner in CovarianceStructure.Create(code, structure.Dimension).ContainedStructures) stack.Push(inner);
        return seen;
    }

    /// <summary>The UN fit from its moment start, for projection onto other structures; null when UN is not estimable here.</summary>
    (CovarianceModel Model, Run Run, LikelihoodEvaluation Evaluation)? UnstructuredMoment(CovarianceModel covariance)
    {
        if (covariance.RandomIntercept || Related(covariance, "un") is not { } model || !UnstructuredEstimable(model) || !WithinBudget(model)) return null;
        if (unstructuredMoment is null)
        {
            var objective = Objective(model);
            unstructuredMoment = Optimise(model, objective, "moment estimates", momentStart(model, objective), UnstructuredIterations);
        }
        return (model, unstructuredMoment, unstructuredMoment.Evaluation);
    }

    /// <summary>UN is estimable when the structure's own identifiability check (the fitter's refusal) passes in every group.</summary>
    bool UnstructuredEstimable(CovarianceModel un)
    {
        int t = un.Structure.Dimension;
        var levels = Enumerable.Range(1, t).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        for (int g = 0; g < un.GroupLevels.Count; g++)
        {
            var pairs = new int[t, t];
            foreach (var p in patterns)
            {
                if (p.Group != g) continue;
                foreach (var a in p.Visits) foreach (var b in p.Visits) pairs[a, b] += p.SubjectCount;
            }
            if (un.Structure.IdentifiabilityProblem(pairs, levels, "") is not null) return false;
        }
        return true;
    }

    /// <summary>The same model (random intercept, GROUP=) with another structure; null when that combination is not identifiable.</summary>
    static CovarianceModel? Related(CovarianceModel covariance, string code)
    {
        var structure = CovarianceStructure.Create(code, covariance.Structure.Dimension);
        if (covariance.RandomIntercept && structure.RandomInterceptConflict is not null) return null;
        return new CovarianceModel(structure, covariance.RandomIntercept,
            covariance.GroupVariable is null ? null : covariance.GroupLevels, covariance.GroupVariable);
    }

    LikelihoodObjective Objective(CovarianceModel model) =>
        new(model, patterns, rank, observations, method)
        {
            Progress = Progress, ModelName = $"{ModelName}, start: {model.Structure.SasType}", Clock = clock,
            // The search runs on one thread: each structure's objectives reuse one set of pattern workspaces.
            Scratch = scratches.TryGetValue(model.Structure.Code, out var s) ? s : scratches[model.Structure.Code] = new(),
        };
    readonly Dictionary<string, LikelihoodObjective.EvaluationScratch> scratches = new();
    System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>True when a fit of the model is within the budget (UN over 60 visits, a start for TOEPH, is not).</summary>
    bool WithinBudget(CovarianceModel model)
    {
        var cost = FitCost.Estimate(model, patterns, rank, Budget);
        return cost.Bytes <= Budget.MaxBytes && cost.OperationsPerIteration <= Budget.MaxOperationsPerIteration;
    }

    /// <summary>
    /// The profile −2LL over the correlations: for each ρ of <see cref="ProfileCorrelations"/> and each shape (AR: ρ^|a−b|,
    /// CS: ρ), the correlation parameters are held at that shape (projected onto the structure) and the variances
    /// optimised (<see cref="ProfileIterations"/> Newton steps). Each local minimum of a shape's profile is a
    /// basin; the <see cref="ProfileStarts"/> lowest are returned as starts with every parameter free.
    /// Why: the variances that go with a correlation differ between basins (CSH on 13 subjects × 7 visits: Var(3) 68.9
    /// at ρ = 0.35, −2LL 250.66; the optimum 242.40 is at ρ = 0.71 with other variances), so a correlation grid at
    /// the variances of the fit found scores every other ρ worse and never leaves that fit's basin.
    /// </summary>
    List<(string label, double[] theta)> ProfileMinima(CovarianceModel covariance, LikelihoodObjective objective, double[] theta, int[] correlations)
    {
        var minima = new List<(double value, string label, double[] theta)>();
        foreach (var shape in new[] { "CS", "AR" })
        {
            var profile = new List<(double rho, double value, double[] theta)>();
            foreach (var r in ProfileCorrelations)
            {
                if (Reshape(covariance, theta, shape, r) is not { } start) continue;
                // The point's held optimum and its value only (not its evaluation): a profile has twenty points a fit.
                var key = RunKey(objective, ProfileIterations, correlations, start);
                if (!profiled.TryGetValue(key, out var point))
                {
                    var (held, eval, _) = NewtonRaphson.Minimise(objective, covariance, start, ProfileIterations, correlations);
                    profiled[key] = point = (held, eval.IsFinite, eval.Value);
                }
                if (point.finite) profile.Add((r, point.value, (double[])point.theta.Clone()));
            }
            for (int i = 0; i < profile.Count; i++)
                if ((i == 0 || profile[i].value <= profile[i - 1].value) && (i == profile.Count - 1 || profile[i].value <= profile[i + 1].value))
                    minima.Add((profile[i].value, $"profile {shape} ρ = {Label(profile[i].rho)}", profile[i].theta));
        }
        return minima.OrderBy(m => m.value).Take(ProfileStarts).Select(m => (m.label, m.theta)).ToList();
    }

    /// <summary>
    /// θ of <paramref name="outer"/> with the covariance matrices of <paramref name="inner"/> at θ_inner, group by group
    /// (exact when inner is contained in outer); the random-intercept variance is carried over. Null when not admissible.
    /// </summary>
    static double[]? Embed(CovarianceModel inner, double[] innerTheta, CovarianceModel outer) =>
        Map(outer, innerTheta[0], g => inner.Structure.Matrix(Block(inner, innerTheta, g)));

    /// <summary>θ with each group's correlation matrix replaced by an AR- or CS-shaped one at ρ, keeping its variances.</summary>
    static double[]? Reshape(CovarianceModel model, double[] theta, string shape, double rho) =>
        Map(model, theta[0], g =>
        {
            var sigma = model.Structure.Matrix(Block(model, theta, g));
            int t = sigma.GetLength(0);
            var reshaped = new double[t, t];
            for (int a = 0; a < t; a++)
                for (int b = 0; b < t; b++)
                    reshaped[a, b] = Math.Sqrt(sigma[a, a] * sigma[b, b]) *
                                     (a == b ? 1 : shape == "AR" ? Math.Pow(rho, Math.Abs(a - b)) : rho);
            return reshaped;
        });

    static double[]? Map(CovarianceModel model, double intercept, Func<int, double[,]> sigmaOfGroup)
    {
        var theta = new double[model.ParameterCount];
        int off = model.RandomIntercept ? 1 : 0;
        if (model.RandomIntercept) theta[0] = intercept;
        for (int g = 0; g < model.GroupLevels.Count; g++)
        {
            if (model.Structure.Project(sigmaOfGroup(g)) is not { } local) return null;
            var map = model.LocalParameters(g);
            for (int k = 0; k < local.Length; k++) theta[map[off + k]] = local[k];
        }
        return model.IsAdmissible(theta) ? theta : null;
    }

    /// <summary>The structure parameters of group g (without the random intercept).</summary>
    static double[] Block(CovarianceModel model, double[] theta, int g)
    {
        int off = model.RandomIntercept ? 1 : 0;
        return model.LocalParameters(g).Skip(off).Select(k => theta[k]).ToArray();
    }

    /// <summary>Newton steps a start other than the moment estimates gets before only the best start is continued.</summary>
    const int ProbeIterations = 8;

    /// <summary>Newton steps of the other starts of the structure requested: with 8, a TOEP start on 24 subjects × 7
    /// visits that reaches a 0.56 lower −2LL (561.91, mmrm 562.47) was still behind the start that wins.</summary>
    const int TopProbeIterations = 12;

    /// <summary>Newton steps of the UN fit that is projected (up to 36 parameters at 8 visits): a start needs its shape, not its last digits.</summary>
    const int UnstructuredIterations = 4;

    Run Optimise(CovarianceModel model, LikelihoodObjective objective, string label, double[] start, int? iterations = null)
    {
        var (theta, eval, report) = Minimise(objective, model, start, iterations ?? maxIterations);
        return new Run(label, theta, eval, report) { Probe = iterations is { } i && i < maxIterations };
    }

    /// <summary>
    /// Newton–Raphson from a start, run once per objective, start (bit for bit) and iteration budget: different starts
    /// often map to the same θ (a CS- and an AR-shaped correlation matrix have the same lag-1 correlations, which is all
    /// that AR(1) and ARH(1) take from them, so the two profiles, and the grid's points, of those structures are the same
    /// runs), and a run is a function of those alone. The profile's points likewise (<see cref="profiled"/>).
    /// </summary>
    (double[] theta, LikelihoodEvaluation eval, ConvergenceReport report) Minimise(LikelihoodObjective objective, CovarianceModel model, double[] start, int iterations)
    {
        var key = RunKey(objective, iterations, null, start);
        if (!runsFrom.TryGetValue(key, out var run)) runsFrom[key] = run = NewtonRaphson.Minimise(objective, model, start, iterations);
        return ((double[])run.theta.Clone(), run.eval, run.report);
    }
    readonly Dictionary<(LikelihoodObjective, int, string, string), (double[] theta, LikelihoodEvaluation eval, ConvergenceReport report)> runsFrom = new();
    readonly Dictionary<(LikelihoodObjective, int, string, string), (double[] theta, bool finite, double value)> profiled = new();

    static (LikelihoodObjective, int, string, string) RunKey(LikelihoodObjective objective, int iterations, int[]? held, double[] start) =>
        (objective, iterations, held is null ? "" : string.Join(",", held), string.Join(",", start.Select(BitConverter.DoubleToInt64Bits)));

    /// <summary>The best run, after continuing it with the full iteration budget when it was only probed and did not converge.</summary>
    Run Settle(CovarianceModel model, LikelihoodObjective objective, List<Run> runs)
    {
        while (true)
        {
            var best = Best(runs);
            if (!best.Probe || best.Report.Converged) return best;
            var continued = Optimise(model, objective, best.Start, best.Theta);
            runs[runs.IndexOf(best)] = continued.Value <= best.Value ? continued : best with { Probe = false };
        }
    }

    /// <summary>The lowest −2LL; among runs at the same optimum the first sound one (the moment start's when it is one).</summary>
    static Run Best(List<Run> runs)
    {
        double min = runs.Min(r => r.Value);
        if (double.IsPositiveInfinity(min)) return runs[0];
        var atBest = runs.Where(r => r.Value <= min + Tolerance(min)).ToList();
        return atBest.FirstOrDefault(r => r.Sound) ?? atBest.First(r => r.Value == min);
    }

    static double Tolerance(double value) => 1e-6 * Math.Max(1, Math.Abs(value));

    static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    static string Label(double rho) => rho.ToString(CultureInfo.InvariantCulture);
}
