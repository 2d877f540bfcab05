using MathNet.Numerics.Distributions;
using RweStats.Covariance;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>Information criterion used to pick a covariance structure (smaller is better, SAS's definitions).</summary>
public enum SelectionCriterion
{
    /// <summary>AIC = −2ℓ + 2d, d the covariance parameters off the boundary (plus rank(X) under ML), as SAS's "Fit Statistics".</summary>
    Aic,
    /// <summary>AICC = −2ℓ + 2d n*/(n* − d − 1), n* the observations used (less rank(X) under REML), as SAS.</summary>
    Aicc,
    /// <summary>BIC = −2ℓ + d log s, s the number of subjects, as SAS.</summary>
    Bic,
}

/// <summary>One candidate covariance model: a residual structure with or without a random subject intercept.</summary>
public sealed record CovarianceCandidate(string Covariance, bool RandomIntercept)
{
    /// <summary>The candidate as a candidate list writes it: the structure's code, "+ri" with a random intercept ("csh+ri").</summary>
    public string Label => Covariance + (RandomIntercept ? "+ri" : "");
}

/// <summary>A row of the selection table: the candidate's fit statistics exactly as its single fit reports them.</summary>
/// <remarks>Parameters is q as counted in the criteria (boundary estimates excluded); CovarianceParameters all of them.</remarks>
public sealed record CandidateFit(CovarianceCandidate Candidate, string SasType, bool Converged, double? Neg2LogLikelihood,
    int? Parameters, double? Aic, double? Aicc, double? Bic, string? Message, int? CovarianceParameters = null)
{
    /// <summary>The fitted candidate (converged ones): the selected one is reported from it, without refitting.</summary>
    public MixedModel? Model { get; init; }
    /// <summary>True when the candidate was not fitted because its estimated cost is beyond the fit budget (<see cref="Model.MixedModelSpec.Budget"/>).</summary>
    public bool BeyondBudget { get; init; }
}

/// <summary>A likelihood-ratio test of a candidate against one that contains it.</summary>
public sealed record LikelihoodRatioTest(string Reduced, string Full, double ChiSquare, int Df, double PValue, bool BoundaryMixture);

/// <summary>The comparison of the candidates and the choice.</summary>
/// <param name="Criterion">The criterion's name as SAS prints it (AIC, AICC, BIC).</param>
/// <param name="Candidates">One row per candidate, in the order of the candidate list.</param>
/// <param name="Tests">The likelihood-ratio tests of the nested pairs.</param>
/// <param name="Selected">The label of the converged candidate with the smallest criterion, or null when none converged.</param>
/// <param name="Reason">The choice in one sentence, as the report's notes print it.</param>
public sealed record CovarianceSelectionResult(string Criterion, IReadOnlyList<CandidateFit> Candidates,
    IReadOnlyList<LikelihoodRatioTest> Tests, string? Selected, string Reason);

/// <summary>
/// Fits a list of covariance models to the same data and mean model and compares them: −2 (Res) Log
/// Likelihood, the number of covariance parameters q counted in the criteria, AIC, AICC and BIC as each single
/// fit reports them (SAS PROC MIXED "Fit Statistics"), and likelihood-ratio tests for the nested pairs.
/// With REML the tests compare covariance structures under the same fixed effects, which is what REML
/// likelihoods allow. When the larger model adds the random-intercept variance, that variance is tested on the
/// boundary of its space and the reference distribution is the 50:50 mixture of χ²_{d−1} and χ²_d (Self &amp;
/// Liang 1987; Stram &amp; Lee 1994); otherwise χ²_d. Candidates are fitted in parallel; the table keeps the
/// order of the candidate list. Selection takes the converged candidate with the smallest criterion, so a UN
/// model that does not converge falls back to the best structured one (mmrm's practice of trying simpler
/// structures when UN fails).
/// </summary>
public static class CovarianceSelection
{
    /// <summary>The structures compared when the list is not given: UN, TOEPH, ARH(1), CSH, AR(1), CS.</summary>
    public static readonly IReadOnlyList<string> DefaultStructures = new[] { "un", "toeph", "arh1", "csh", "ar1", "cs" };

    /// <summary>Each structure with and without a random intercept, where the random intercept is identifiable.</summary>
    public static IReadOnlyList<CovarianceCandidate> Expand(IEnumerable<string> structures)
    {
        var list = new List<CovarianceCandidate>();
        foreach (var raw in structures)
        {
            var code = raw.Trim().ToLowerInvariant();
            bool explicitRi = code.EndsWith("+ri");
            if (explicitRi) code = code[..^3];
            if (CovarianceTypes.Find(code) is not { } type)
                throw RweStatsInputException.About(ModelSetting.Candidates, $"{{Candidates}}: '{raw.Trim()}' is not a structure; use some of: {string.Join(", ", CovarianceTypes.Codes)} (append +ri for the random-intercept version only)");
            bool riPossible = type.RandomInterceptConflict is null;
            if (!explicitRi) list.Add(new CovarianceCandidate(code, false));
            if (riPossible) list.Add(new CovarianceCandidate(code, true));
            else if (explicitRi) throw RweStatsInputException.About(ModelSetting.Candidates, $"{{Candidates}}: '{raw.Trim()}': a random intercept is not identifiable with {code}");
        }
        return list.Distinct().ToList();
    }

    /// <summary>The candidates compared on the rows of <paramref name="table"/>, and the selected one's fit with the table in its notes.</summary>
    public static (MixedModelResult selected, CovarianceSelectionResult table) SelectAndFit(
        DataTable table, MixedModelSpec spec, IReadOnlyList<CovarianceCandidate> candidates, SelectionCriterion criterion) =>
        SelectAndFit(s => MixedModelFitter.FitModel(table, s), spec, candidates, criterion);

    /// <summary>The same with any fit of the data, e.g. from pattern sums computed by a database (<see cref="PatternSums"/>).</summary>
    public static (MixedModelResult selected, CovarianceSelectionResult table) SelectAndFit(
        Func<MixedModelSpec, MixedModel> fitData, MixedModelSpec spec, IReadOnlyList<CovarianceCandidate> candidates, SelectionCriterion criterion)
    {
        var selection = Compare(fitData, spec, candidates, criterion);
        if (selection.Selected is null)
            throw RweStatsInputException.About(ModelSetting.Covariance, $"{{Covariance}} auto: no candidate converged ({string.Join("; ", selection.Candidates.Select(c => $"{c.Candidate.Label}: {c.Message}"))})");
        var chosen = candidates.First(c => c.Label == selection.Selected);
        var chosenSpec = spec with { Covariance = chosen.Covariance, RandomIntercept = chosen.RandomIntercept };
        var fit = (Fitted(selection, chosenSpec) ?? fitData(chosenSpec)).Result(chosenSpec);
        return (fit with { CovarianceSelection = selection, Notes = fit.Notes.Prepend(selection.Reason).ToList() }, selection);
    }

    /// <summary>The candidates fitted to the rows of <paramref name="table"/> and compared.</summary>
    public static CovarianceSelectionResult Compare(DataTable table, MixedModelSpec spec, IReadOnlyList<CovarianceCandidate> candidates, SelectionCriterion criterion) =>
        Compare(s => MixedModelFitter.FitModel(table, s), spec, candidates, criterion);

    /// <summary>The candidates fitted by <paramref name="fitData"/> (rows or pattern sums) and compared; each fit's statistics are its own.</summary>
    public static CovarianceSelectionResult Compare(Func<MixedModelSpec, MixedModel> fitData, MixedModelSpec spec, IReadOnlyList<CovarianceCandidate> candidates, SelectionCriterion criterion)
    {
        if (candidates.Count == 0) throw RweStatsInputException.About(ModelSetting.Candidates, "{Candidates}: the list is empty");
        var fits = new CandidateFit[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var c = candidates[i];
            // Candidates are compared on their likelihoods only, so the cheapest inference settings suffice.
            var s = spec with
            {
                Covariance = c.Covariance, RandomIntercept = c.RandomIntercept, Df = DfMethod.Residual, StdErrors = StdErrorMethod.Model,
                Contrasts = Array.Empty<string>(), LsMeanContrasts = Array.Empty<string>(), LsMeans = Array.Empty<string>(),
                Adjustment = MultiplicityAdjustment.None, Blups = false, Residuals = false, ReportNonConverged = false,
            };
            string sasType = CovarianceTypes.Of(c.Covariance).SasType + (c.RandomIntercept ? " + RI" : "");
            try
            {
                var model = fitData(s);
                var r = model.Result(s);
                var st = r.FitStatistics;
                int q = (int)Math.Round((st.Aic - st.Neg2LogLikelihood) / 2);
                fits[i] = new CandidateFit(c, sasType, true, st.Neg2LogLikelihood, q, st.Aic, st.Aicc, st.Bic, r.Convergence.Message, r.CovarianceParameters.Count)
                    { Model = model };
            }
            catch (RweStatsInputException e)
            {
                fits[i] = new CandidateFit(c, sasType, false, null, null, null, null, null, e.Message) { BeyondBudget = e.Setting == ModelSetting.FitBudget };
            }
        });

        var tests = new List<LikelihoodRatioTest>();
        for (int a = 0; a < fits.Length; a++)
            for (int b = 0; b < fits.Length; b++)
            {
                if (a == b || !fits[a].Converged || !fits[b].Converged) continue;
                var ca = candidates[a]; var cb = candidates[b];
                if (!IsNested(ca, cb)) continue;
                int df = fits[b].CovarianceParameters!.Value - fits[a].CovarianceParameters!.Value;
                if (df <= 0) continue;
                double chi = Math.Max(fits[a].Neg2LogLikelihood!.Value - fits[b].Neg2LogLikelihood!.Value, 0);
                bool mixture = cb.RandomIntercept && !ca.RandomIntercept;
                double p = mixture
                    ? 0.5 * Upper(chi, df) + 0.5 * (df - 1 == 0 ? (chi > 0 ? 0 : 1) : Upper(chi, df - 1))
                    : Upper(chi, df);
                tests.Add(new LikelihoodRatioTest(ca.Label, cb.Label, chi, df, p, mixture));
            }

        double? Score(CandidateFit f) => criterion switch { SelectionCriterion.Aic => f.Aic, SelectionCriterion.Aicc => f.Aicc, _ => f.Bic };
        var converged = fits.Where(f => f.Converged && Score(f) is { } v && double.IsFinite(v)).ToList();
        string name = criterion.ToString().ToUpperInvariant();
        if (converged.Count == 0) return new CovarianceSelectionResult(name, fits, tests, null, "no candidate converged");
        var best = converged.OrderBy(f => Score(f)!.Value).First();
        var failed = fits.Where(f => !f.Converged && !f.BeyondBudget).Select(f => f.Candidate.Label).ToList();
        var beyond = fits.Where(f => f.BeyondBudget).Select(f => f.Candidate.Label).ToList();
        string reason = $"Covariance structure selected by {name}: {best.SasType} ({name} {Score(best)!.Value.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}) among {converged.Count} converged candidate(s)" +
                        (failed.Count > 0 ? $"; did not converge or could not be fitted (not eligible): {string.Join(", ", failed)}" : "") +
                        (beyond.Count > 0 ? $"; beyond the fit budget, not fitted (not eligible): {string.Join(", ", beyond)}" : "") + ".";
        return new CovarianceSelectionResult(name, fits, tests, best.Candidate.Label, reason);
    }

    /// <summary>
    /// The selected candidate's fitted model when it answers <paramref name="spec"/> (the candidates are fitted without
    /// --report-nonconverged; a spec with it is refitted), else null.
    /// </summary>
    public static MixedModel? Fitted(CovarianceSelectionResult selection, MixedModelSpec spec) =>
        selection.Candidates.FirstOrDefault(c => c.Candidate.Label == selection.Selected)?.Model is { } m && MixedModel.SameModel(m.Spec, spec) ? m : null;

    static double Upper(double chi, int df) => df <= 0 ? (chi > 0 ? 0 : 1) : 1 - ChiSquared.CDF(df, chi);

    /// <summary>
    /// A ⊂ B, read from the table of structures (<see cref="CovarianceTypes"/>). Same random part, or adding the
    /// intercept: A ⊂ B (+RI) when the structure A is nested in B. Dropping it: A+RI ⊂ B when the structure that holds A
    /// plus a random intercept (<see cref="CovarianceType.WithRandomIntercept"/>: VC + RI is CS, AR(1) + RI a TOEP
    /// matrix, the heterogeneous ones UN matrices) is nested in B.
    /// </summary>
    public static bool IsNested(CovarianceCandidate a, CovarianceCandidate b)
    {
        if (!a.RandomIntercept || b.RandomIntercept)
            return a != b && CovarianceTypes.IsNested(a.Covariance, b.Covariance);
        return CovarianceTypes.Of(a.Covariance).WithRandomIntercept is { } holder && CovarianceTypes.IsNested(holder, b.Covariance);
    }
}
