using System.Collections.Concurrent;
using System.Diagnostics;
using RweStats.Covariance;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Reporting;
using RweStats.Workflow;

namespace RweStats.Claims;

/// <summary>One way the analysis may have been done: data handling plus model.</summary>
public sealed record Specification(string DataHandling, string Covariance, bool RandomIntercept, EstimationMethod Method, DfMethod Df)
{
    public string Describe() =>
        $"{CovarianceTypes.Of(Covariance).SasType}{(RandomIntercept ? " + random intercept" : "")}, {(Method == EstimationMethod.Reml ? "REML" : "ML")}, {DfMethodNames.Name(Df)} df, {DataHandling} data";
}

/// <summary>A specification that gives a claimed number, and the number it gives.</summary>
public sealed record SpecificationValue(Specification Specification, double Computed);

/// <summary>For one model claim: every specification reproducing it at its printed precision, and the closest miss.</summary>
public sealed record ModelClaimSearch(Claim Claim, IReadOnlyList<SpecificationValue> Reproducing, SpecificationValue? Closest);

/// <summary>For one descriptive claim not reproduced by the available data: the data handlings that reproduce it.</summary>
public sealed record DescriptiveAlternative(Claim Claim, IReadOnlyList<(string DataHandling, double Computed, string How)> Reproducing);

/// <summary>A specification and the model claims it reproduces together.</summary>
public sealed record SpecificationRank(Specification Specification, IReadOnlyList<string> ClaimIds);

public sealed record VerifyReport(
    ClaimsFile Claims, AnalysisSpec Spec, IReadOnlyList<ClaimResult> AsSpecified, IReadOnlyList<DescriptiveAlternative> DescriptiveAlternatives,
    IReadOnlyList<ModelClaimSearch> ModelClaims, IReadOnlyList<SpecificationRank> Ranking, int Fits, int FailedFits, TimeSpan Elapsed);

/// <summary>
/// Reviewer mode: recomputes every claim with the analysis as specified, then searches the specification space
/// — residual structure × random intercept × REML/ML × df method × data handling — for the model claims, and
/// the data handlings for descriptive claims. One fit serves all contrasts of an outcome and every df method
/// (<see cref="MixedModel"/>); fits run in parallel and results are ordered deterministically whatever the thread count.
/// </summary>
public static class SpecificationSearch
{
    public static readonly string[] Structures = { "vc", "cs", "csh", "ar1", "arh1", "sp-pow", "un" };
    public static readonly DfMethod[] DfMethods = { DfMethod.Residual, DfMethod.Containment, DfMethod.BetweenWithin, DfMethod.Satterthwaite, DfMethod.KenwardRoger };

    public static VerifyReport Run(ClaimsFile claims, AnalysisSpec spec, Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var asSpecified = StudyAnalysis.Run(spec);
        var baseline = ClaimCheck.CheckAll(claims.Claims, asSpecified);
        var cache = new Dictionary<string, DataTable>();
        var warnings = new List<string>();

        // Descriptive claims not reproduced as specified: which data handling reproduces them?
        var alternatives = new List<DescriptiveAlternative>();
        foreach (var r in baseline.Where(r => !r.Claim.IsModelClaim && r.Verdict is Verdict.NotReproduced or Verdict.RoundingSlip))
        {
            var outcome = spec.Outcomes.FirstOrDefault(o => o.Name == r.Claim.Outcome);
            if (outcome is null) continue;
            var found = new List<(string, double, string)>();
            foreach (var variant in DataHandling.All.Where(v => v != "available" && DataHandling.Applies(v, spec, outcome)))
            {
                try
                {
                    var (o, t) = DataHandling.Apply(variant, spec, outcome, StudyAnalysis.LoadOutcomeTable(spec, outcome, cache));
                    var analysis = StudyAnalysis.AnalyseOutcome(spec, o, t, warnings, fit: false);
                    var check = ClaimCheck.Check(r.Claim, asSpecified with { Outcomes = new[] { analysis } });
                    if (check.Verdict is Verdict.Reproduced or Verdict.OtherQuantileDefinition && check.Computed is { } c)
                        found.Add((variant, c, check.Verdict == Verdict.Reproduced ? $"computed {ClaimCheck.Format(c, r.Claim)}" : check.Reason));
                }
                catch (RweStatsInputException) { }
            }
            alternatives.Add(new DescriptiveAlternative(r.Claim, found));
        }

        // Model claims: every specification, fitted once per outcome (all its contrasts at once).
        var modelClaims = claims.Claims.Where(c => c.IsModelClaim).ToList();
        var outcomes = spec.Outcomes.Where(o => modelClaims.Any(c => c.Outcome == o.Name)).ToList();
        var jobs = new List<(OutcomeSpec outcome, Specification spec)>();
        foreach (var outcome in outcomes)
            foreach (var data in DataHandling.All.Where(v => DataHandling.Applies(v, spec, outcome)))
                foreach (var cov in Structures.Where(s => s != "sp-pow" || spec.Columns.TimeValue is not null))
                    foreach (var ri in new[] { false, true })
                    {
                        if (ri && CovarianceTypes.Of(cov).RandomInterceptConflict is not null) continue;
                        foreach (var method in new[] { EstimationMethod.Reml, EstimationMethod.Ml })
                            foreach (var df in DfMethods)
                                if (df != DfMethod.KenwardRoger || method == EstimationMethod.Reml) // KR is defined for REML
                                    jobs.Add((outcome, new Specification(data, cov, ri, method, df)));
                    }
        var tables = new ConcurrentDictionary<(string, string), (OutcomeSpec, DataTable)>();
        foreach (var outcome in outcomes)
            foreach (var data in DataHandling.All.Where(v => DataHandling.Applies(v, spec, outcome)))
                tables[(outcome.Name, data)] = DataHandling.Apply(data, spec, outcome, StudyAnalysis.LoadOutcomeTable(spec, outcome, cache));

        // Only the inference differs between the df methods of one model: fit each model once and ask it for every df.
        var models = Enumerable.Range(0, jobs.Count)
            .GroupBy(k => (jobs[k].outcome.Name, jobs[k].spec with { Df = default }))
            .Select(g => g.ToArray()).ToList();
        var results = new IReadOnlyList<VisitContrast>?[jobs.Count];
        progress?.Invoke($"fitting {jobs.Count} specifications on {Environment.ProcessorCount} cores\n");
        Parallel.For(0, models.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, m =>
        {
            var group = models[m];
            var (outcome, first) = jobs[group[0]];
            var (o, table) = tables[(outcome.Name, first.DataHandling)];
            var model = o.Model with { Covariance = first.Covariance, RandomIntercept = first.RandomIntercept, Method = first.Method, Df = DfMethod.Residual };
            OutcomeAnalysis analysis;
            try { analysis = StudyAnalysis.AnalyseOutcome(spec, o with { Model = model }, table, new List<string>()); }
            catch (RweStatsInputException) { return; } // the model itself cannot be fitted: no df method gives a result
            foreach (var k in group)
            {
                try { results[k] = analysis.Model!.Result(analysis.Fit!.Spec with { Df = jobs[k].spec.Df }).VisitContrasts; }
                catch (RweStatsInputException) { results[k] = null; }
            }
        });

        var searches = new List<ModelClaimSearch>();
        foreach (var claim in modelClaims)
        {
            var values = new List<SpecificationValue>();
            for (int k = 0; k < jobs.Count; k++)
            {
                if (jobs[k].outcome.Name != claim.Outcome || results[k] is not { } contrasts) continue;
                var c = contrasts.FirstOrDefault(x => ClaimCheck.SameContrast(x.Label, claim.Contrast!));
                if (c is null) continue;
                double v = claim.Statistic switch { "p_value" => c.Result.PValue, "estimate" => c.Result.Estimate, "std_error" => c.Result.StdError, _ => c.Result.Df };
                values.Add(new SpecificationValue(jobs[k].spec, v));
            }
            var reproducing = values.Where(v => ClaimCheck.Judge(claim, v.Computed) == Verdict.Reproduced).ToList();
            var closest = values.Where(v => double.IsFinite(v.Computed)).OrderBy(v => Distance(claim, v.Computed)).FirstOrDefault();
            searches.Add(new ModelClaimSearch(claim, reproducing, closest));
        }

        var ranking = searches.SelectMany(s => s.Reproducing.Select(r => (r.Specification, s.Claim.Id)))
            .GroupBy(x => x.Specification)
            .Select(g => new SpecificationRank(g.Key, g.Select(x => x.Id).Distinct().ToList()))
            // Exact values weigh more than bounds ("p < 0.01" is reproduced by almost anything).
            .OrderByDescending(r => r.ClaimIds.Count(id => !modelClaims.First(c => c.Id == id).IsUpperBound))
            .ThenByDescending(r => r.ClaimIds.Count).ThenBy(r => r.Specification.Describe(), StringComparer.Ordinal).ToList();
        return new VerifyReport(claims, spec, baseline, alternatives, searches, ranking, jobs.Count, results.Count(r => r is null), clock.Elapsed);
    }

    /// <summary>How far a computed value is from the claim: on the log scale for p-values, in printed units otherwise.</summary>
    static double Distance(Claim claim, double computed) => claim.Statistic == "p_value" && computed > 0
        ? Math.Abs(Math.Log(computed / claim.ReportedValue))
        : Math.Abs(computed - claim.ReportedValue) / claim.Unit;

    /// <summary>The rwestats fit command that reproduces a specification on a data file (written for non-available data handlings).</summary>
    public static string Command(AnalysisSpec spec, OutcomeSpec outcome, Specification s, string dataFile) =>
        $"rwestats fit --data {Quote(dataFile)} --formula \"{outcome.Column} ~ {spec.Columns.Visit}\" --subject {spec.Columns.Subject} --time {spec.Columns.Visit} " +
        $"--time-order {string.Join(",", spec.VisitOrder)} --baseline {spec.Baseline} --covariance {s.Covariance}{(s.RandomIntercept ? " --random-intercept" : "")}" +
        $"{(CovarianceTypes.Of(s.Covariance).Spatial ? $" --time-value {spec.Columns.TimeValue}" : "")} --method {(s.Method == EstimationMethod.Reml ? "reml" : "ml")} --df {DfMethodNames.Name(s.Df)}";

    static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;
}
