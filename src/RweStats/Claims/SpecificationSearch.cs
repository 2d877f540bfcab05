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
    /// <summary>The covariates adjusted for ("RACE + SEX", "" for none) when the search tries the reviewer's covariates; null when it does not.</summary>
    public string? Covariates { get; init; }

    /// <summary>The reference levels of the class variables ("as specified", "first level", "last level") when the search tries them; null when it does not.</summary>
    public string? References { get; init; }

    /// <summary>The weights of the class levels LS means average over, when the search tries them (claims on LS means or visit contrasts); null when it does not.</summary>
    public LsMeansWeights? Weights { get; init; }

    /// <summary>A one-line description: structure, random intercept, REML/ML, df method, data handling and any tried settings.</summary>
    public string Describe() =>
        $"{CovarianceTypes.Of(Covariance).SasType}{(RandomIntercept ? " + random intercept" : "")}, {(Method == EstimationMethod.Reml ? "REML" : "ML")}, {DfMethodNames.Name(Df)} df, {DataHandling} data" +
        (Covariates is null ? "" : Covariates.Length == 0 ? ", no covariates" : $", adjusted for {Covariates}") +
        (References is null ? "" : $", reference levels {References}") +
        (Weights is null ? "" : Weights == LsMeansWeights.Equal ? ", equal LS-means weights" : ", LS means weighted by observed margins");
}

/// <summary>A specification that gives a claimed number, and the number it gives.</summary>
public sealed record SpecificationValue(Specification Specification, double Computed);

/// <summary>For one model claim: every specification reproducing it at its printed precision, and the closest miss.</summary>
public sealed record ModelClaimSearch(Claim Claim, IReadOnlyList<SpecificationValue> Reproducing, SpecificationValue? Closest);

/// <summary>For one descriptive claim not reproduced by the available data: the data handlings that reproduce it.</summary>
public sealed record DescriptiveAlternative(Claim Claim, IReadOnlyList<(string DataHandling, double Computed, string How)> Reproducing);

/// <summary>A specification and the model claims it reproduces together.</summary>
public sealed record SpecificationRank(Specification Specification, IReadOnlyList<string> ClaimIds);

/// <summary>What reviewer mode found: every claim recomputed as specified, and the specifications that reproduce the claims.</summary>
/// <param name="Claims">The claims checked.</param>
/// <param name="Spec">The analysis as specified.</param>
/// <param name="AsSpecified">Each claim recomputed with the analysis as specified.</param>
/// <param name="DescriptiveAlternatives">Data handlings reproducing the descriptive claims the data as given do not.</param>
/// <param name="ModelClaims">For each model claim, the specifications reproducing it and the closest miss.</param>
/// <param name="Ranking">Specifications ranked by the model claims they reproduce together.</param>
/// <param name="Fits">Specifications evaluated.</param>
/// <param name="FailedFits">Specifications that gave no result (their fit or df method failed).</param>
/// <param name="Elapsed">Wall-clock time of the search.</param>
public sealed record VerifyReport(
    ClaimsFile Claims, AnalysisSpec Spec, IReadOnlyList<ClaimResult> AsSpecified, IReadOnlyList<DescriptiveAlternative> DescriptiveAlternatives,
    IReadOnlyList<ModelClaimSearch> ModelClaims, IReadOnlyList<SpecificationRank> Ranking, int Fits, int FailedFits, TimeSpan Elapsed)
{
    /// <summary>The models optimised for the <see cref="Fits"/> specifications searched: one per model, whatever its df methods.</summary>
    public int ModelsFitted { get; init; }
}

/// <summary>
/// Reviewer mode: recomputes every claim with the analysis as specified, then searches the specification space
/// — residual structure × random intercept × REML/ML × df method × data handling — for the model claims, and
/// the data handlings for descriptive claims. One fit serves all contrasts of an outcome and every df method
/// (<see cref="MixedModel"/>); fits run in parallel and results are ordered deterministically whatever the thread count.
/// </summary>
public static class SpecificationSearch
{
    /// <summary>The residual structures the search tries (SAS VC, CS, CSH, AR(1), ARH(1), SP(POW), UN).</summary>
    public static readonly string[] Structures = { "vc", "cs", "csh", "ar1", "arh1", "sp-pow", "un" };
    /// <summary>The df methods the search tries.</summary>
    public static readonly DfMethod[] DfMethods = { DfMethod.Residual, DfMethod.Containment, DfMethod.BetweenWithin, DfMethod.Satterthwaite, DfMethod.KenwardRoger };

    /// <param name="structures">The residual structures to search (default <see cref="Structures"/>).</param>
    /// <param name="dfMethods">The df methods to search (default <see cref="DfMethods"/>).</param>
    public static VerifyReport Run(ClaimsFile claims, AnalysisSpec spec, Action<string>? progress = null,
                                   IReadOnlyList<string>? structures = null, IReadOnlyList<DfMethod>? dfMethods = null)
    {
        var clock = Stopwatch.StartNew();
        // As specified: the outcomes the claims name (no claim reads another outcome or an estimand).
        var asSpecified = StudyAnalysis.Run(spec with { Outcomes = spec.Outcomes.Where(o => claims.Claims.Any(c => c.Outcome == o.Name)).ToList(), Estimands = Array.Empty<Workflow.EstimandSettings>() });
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
                foreach (var cov in (structures ?? Structures).Where(s => s != "sp-pow" || spec.Columns.TimeValue is not null))
                    foreach (var ri in new[] { false, true })
                    {
                        if (ri && CovarianceTypes.Of(cov).RandomInterceptConflict is not null) continue;
                        foreach (var method in new[] { EstimationMethod.Reml, EstimationMethod.Ml })
                            foreach (var covariates in CovariateSets(claims.Covariates))
                                foreach (var references in ReferenceChoices(modelClaims.Where(c => c.Outcome == outcome.Name)))
                                    foreach (var weights in WeightChoices(modelClaims.Where(c => c.Outcome == outcome.Name), covariates))
                                        foreach (var df in dfMethods ?? DfMethods)
                                            if (df != DfMethod.KenwardRoger || method == EstimationMethod.Reml) // KR is defined for REML
                                                jobs.Add((outcome, new Specification(data, cov, ri, method, df) { Covariates = covariates, References = references, Weights = weights }));
                    }
        var tables = new ConcurrentDictionary<(string, string), (OutcomeSpec, DataTable)>();
        foreach (var outcome in outcomes)
            foreach (var data in DataHandling.All.Where(v => DataHandling.Applies(v, spec, outcome)))
                tables[(outcome.Name, data)] = DataHandling.Apply(data, spec, outcome, StudyAnalysis.LoadOutcomeTable(spec, outcome, cache));

        // Only the inference differs between the df methods and the LS-means weightings of one model: fit each model
        // once and ask it for every df and weighting. Reference-level choices that name the same levels (the levels as
        // specified may be the first or the last) are one model too.
        var resolved = new Dictionary<(string, string, string, string), string>();
        string ReferencesOf(OutcomeSpec outcome, Specification s)
        {
            var key = (outcome.Name, s.DataHandling, s.Covariates ?? "", s.References ?? "");
            lock (resolved)
            {
                if (resolved.TryGetValue(key, out var r)) return r;
                var model = outcome.Model;
                if (s.Covariates is not null) model = model with { Formula = WithCovariates(model.Formula, claims.Covariates, s.Covariates) };
                var refs = References(model, tables[(outcome.Name, s.DataHandling)].Item2, s.References ?? "as specified");
                return resolved[key] = string.Join(";", refs.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
            }
        }
        // The rows each (outcome, data handling) gives its models, derived once for all of them; null when the outcome's
        // values cannot be modelled (then none of its models can be fitted).
        var modelTables = tables.ToDictionary(kv => kv.Key, kv =>
        {
            try { return StudyAnalysis.ModelTable(kv.Value.Item1, kv.Value.Item2); }
            catch (RweStatsInputException) { return null; }
        });
        var models = Enumerable.Range(0, jobs.Count)
            .GroupBy(k => (jobs[k].outcome.Name, jobs[k].spec with { Df = default, Weights = null, References = null }, ReferencesOf(jobs[k].outcome, jobs[k].spec)))
            .Select(g => g.ToArray()).ToList();
        // The structures fitted to one data set (same rows, model terms, random intercept and method) share their
        // searches of contained structures (CS inside CSH, AR(1) inside ARH(1), all inside UN), made once, not once per fit.
        var startCaches = models.Select(g => jobs[g[0]]).Select(j => (j.outcome.Name, j.spec.DataHandling, j.spec.Covariates, j.spec.RandomIntercept, j.spec.Method, ReferencesOf(j.outcome, j.spec)))
            .Distinct().ToDictionary(k => k, _ => new OptimumSearch.StartCache());
        var results = new Dictionary<string, double>?[jobs.Count];
        progress?.Invoke($"fitting {jobs.Count} specifications on {Environment.ProcessorCount} cores\n");
        Parallel.For(0, models.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, m =>
        {
            var group = models[m];
            var (outcome, first) = jobs[group[0]];
            var (o, table) = tables[(outcome.Name, first.DataHandling)];
            if (modelTables[(outcome.Name, first.DataHandling)] is not { } modelTable) return;
            var model = o.Model with { Covariance = first.Covariance, RandomIntercept = first.RandomIntercept, Method = first.Method, Df = DfMethod.Residual };
            if (first.Covariates is not null) model = model with { Formula = WithCovariates(model.Formula, claims.Covariates, first.Covariates) };
            model = model with { References = References(model, table, first.References ?? "as specified") };
            var starts = startCaches[(outcome.Name, first.DataHandling, first.Covariates, first.RandomIntercept, first.Method, ReferencesOf(outcome, first))];
            MixedModel fitted;
            try { fitted = StudyAnalysis.FitModel(spec, o with { Model = model }, modelTable, starts); }
            catch (RweStatsInputException) { return; } // the model itself cannot be fitted: no df method gives a result
            var outcomeClaims = modelClaims.Where(c => c.Outcome == outcome.Name).ToList();
            foreach (var k in group)
            {
                try { results[k] = ModelClaimValue.Of(outcomeClaims, fitted, jobs[k].spec.Df, jobs[k].spec.Weights); }
                catch (RweStatsInputException) { results[k] = null; }
            }
        });

        var searches = new List<ModelClaimSearch>();
        foreach (var claim in modelClaims)
        {
            var values = new List<SpecificationValue>();
            for (int k = 0; k < jobs.Count; k++)
            {
                if (jobs[k].outcome.Name != claim.Outcome || results[k] is not { } computed || !computed.TryGetValue(claim.Id, out var v)) continue;
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
        return new VerifyReport(claims, spec, baseline, alternatives, searches, ranking, jobs.Count, results.Count(r => r is null), clock.Elapsed)
        {
            ModelsFitted = models.Count,
        };
    }

    /// <summary>Every subset of the reviewer's covariates, as "A + B" ("" for none); one null entry (no search) when there are none.</summary>
    static IEnumerable<string?> CovariateSets(IReadOnlyList<string> covariates)
    {
        if (covariates.Count == 0) { yield return null; yield break; }
        for (int mask = 0; mask < 1 << covariates.Count; mask++)
            yield return string.Join(" + ", covariates.Where((_, i) => (mask >> i & 1) == 1));
    }

    /// <summary>Reference levels change only the fixed-effect solution: searched (as specified, first and last level of each class variable) only when a claim reads a solution row.</summary>
    static IEnumerable<string?> ReferenceChoices(IEnumerable<Claim> claims) =>
        claims.Any(c => c.Kind == "fixed_effect") ? new[] { "as specified", "first level", "last level" } : new string?[] { null };

    /// <summary>
    /// LS-means weightings change LS means and visit contrasts, not the fit: both are tried when a claim reads one of
    /// those and the model adjusts for some of the reviewer's covariates (the class levels LS means average over).
    /// </summary>
    static IEnumerable<LsMeansWeights?> WeightChoices(IEnumerable<Claim> claims, string? covariates) =>
        !string.IsNullOrEmpty(covariates) && claims.Any(c => c.Kind is null or "lsmean" or "lsmean_difference")
            ? new LsMeansWeights?[] { LsMeansWeights.Equal, LsMeansWeights.Observed } : new LsMeansWeights?[] { null };

    /// <summary>The formula with the reviewer's covariates removed from its right-hand side and the chosen ones added.</summary>
    public static string WithCovariates(string formula, IReadOnlyList<string> candidates, string chosen)
    {
        int tilde = formula.IndexOf('~');
        var terms = formula[(tilde + 1)..].Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !candidates.Contains(t, StringComparer.Ordinal)).ToList();
        terms.AddRange(chosen.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return $"{formula[..tilde].TrimEnd()} ~ {string.Join(" + ", terms)}";
    }

    /// <summary>The reference level of every class variable of the formula but the visit: as specified, or the first or last of its sorted values (R's and SAS's defaults).</summary>
    static IReadOnlyDictionary<string, string> References(ModelSettings model, DataTable table, string choice)
    {
        bool InFormula(string name) => System.Text.RegularExpressions.Regex.IsMatch(model.Formula, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(name)}(?![\w.])");
        // A covariate the search left out keeps no reference level.
        var result = model.References.Where(kv => InFormula(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        if (choice == "as specified") return result;
        foreach (var name in table.ColumnNames.Where(InFormula))
        {
            var values = table.Column(name, "column").OfType<string>().Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            bool classLike = values.Count is >= 2 and <= 50 && values.Any(v => !double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            if (classLike || model.ClassVariables.Contains(name)) result[name] = choice == "first level" ? values[0] : values[^1];
        }
        return result;
    }

    /// <summary>How far a computed value is from the claim: on the log scale for p-values, in printed units otherwise.</summary>
    static double Distance(Claim claim, double computed) => claim.Statistic == "p_value" && computed > 0
        ? Math.Abs(Math.Log(computed / claim.ReportedValue))
        : Math.Abs(computed - claim.ReportedValue) / claim.Unit;

    /// <summary>The rwestats fit command that reproduces a specification on a data file (written for non-available data handlings).</summary>
    public static string Command(AnalysisSpec spec, OutcomeSpec outcome, Specification s, string dataFile, IReadOnlyList<string>? candidates = null)
    {
        var formula = spec.ModelFor(outcome, outcome.Column).Formula;
        if (s.Covariates is not null && candidates is not null) formula = WithCovariates(formula, candidates, s.Covariates);
        var refs = outcome.Model.References.Where(kv => System.Text.RegularExpressions.Regex.IsMatch(formula, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(kv.Key)}(?![\w.])"));
        return $"rwestats fit --data {Quote(dataFile)} --formula \"{formula}\" --subject {spec.Columns.Subject} --time {spec.Columns.Visit} " +
            $"--time-order {string.Join(",", spec.VisitOrder)} --baseline {spec.Baseline} --covariance {s.Covariance}{(s.RandomIntercept ? " --random-intercept" : "")}" +
            $"{(CovarianceTypes.Of(s.Covariance).Spatial ? $" --time-value {spec.Columns.TimeValue}" : "")} --method {(s.Method == EstimationMethod.Reml ? "reml" : "ml")} --df {DfMethodNames.Name(s.Df)}" +
            (s.References is null or "as specified" ? string.Concat(refs.Select(kv => $" --ref {kv.Key}={kv.Value}")) : $" (reference levels: {s.References} of each class variable)");
    }

    static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;
}
