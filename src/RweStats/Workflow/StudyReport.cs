using System.Globalization;
using System.Text;
using System.Text.Json;
using RweStats.Estimands;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Workflow;

/// <summary>The files "analyze" writes, as text: descriptives.csv, classes.csv, contrasts.csv, fits.json and report.md.</summary>
public static class StudyReport
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>descriptives.csv: n, missing, mean, SD, variance, median, quartiles, minimum, maximum and the extra quantiles per outcome and visit.</summary>
    public static string DescriptivesCsv(StudyResult study)
    {
        var extra = study.Spec.Descriptives.ExtraQuantiles;
        var csv = new CsvText(new[] { "outcome", "visit", "n", "missing", "mean", "sd", "variance", "median", "q1", "q3", "min", "max" }
            .Concat(extra.Select(p => "q" + (p * 100).ToString("0.###", Inv))).ToArray());
        foreach (var o in study.Outcomes)
            foreach (var d in o.Descriptives)
                csv.Row(new object?[] { d.Outcome, d.Visit, d.N, d.Missing, d.Mean, d.Sd, d.Variance, d.Median, d.Q1, d.Q3, d.Min, d.Max }
                    .Concat(d.ExtraQuantiles.Select(q => (object?)q.Value)).ToArray());
        return csv.ToString();
    }

    /// <summary>classes.csv: the count of each value class per outcome and visit, with the unclassified and missing.</summary>
    public static string ClassesCsv(StudyResult study)
    {
        var csv = new CsvText("outcome", "visit", "class", "min", "max", "count", "unclassified", "missing");
        foreach (var o in study.Outcomes)
            foreach (var c in o.Classes)
                foreach (var (label, count) in c.Counts)
                {
                    var vc = o.Outcome.Classes.Single(x => x.Label == label);
                    csv.Row(c.Outcome, c.Visit, label, vc.Min, vc.Max, count, c.Unclassified, c.Missing);
                }
        return csv.ToString();
    }

    /// <summary>contrasts.csv: each outcome's visit-versus-baseline contrasts from the mixed model, back-transformed to ratios for log outcomes, with the model settings.</summary>
    public static string ContrastsCsv(StudyResult study)
    {
        var csv = new CsvText("outcome", "contrast", "visit", "baseline", "scale", "estimate", "std_error", "df", "t_value", "p_value", "lower", "upper",
            "ratio", "ratio_lower", "ratio_upper", "covariance", "random_intercept", "method", "df_method", "alpha", "synthetic_data");
        foreach (var o in study.Outcomes)
        {
            if (o.Fit is null) continue;
            var f = o.Fit;
            foreach (var v in f.VisitContrasts)
            {
                var r = v.Result;
                double? Back(double x) => o.Outcome.Transform switch { "log" => Math.Exp(x), "log10" => Math.Pow(10, x), _ => null };
                csv.Row(o.Outcome.Name, v.Label, v.Visit, v.Baseline, o.Outcome.Transform == "none" ? "identity" : o.Outcome.Transform,
                    r.Estimate, r.StdError, r.Df, r.TValue, r.PValue, r.Lower, r.Upper, Back(r.Estimate), Back(r.Lower), Back(r.Upper),
                    f.CovarianceSasType, f.Spec.RandomIntercept, f.Spec.Method == EstimationMethod.Reml ? "REML" : "ML", DfMethodNames.Name(f.Spec.Df),
                    f.Spec.Alpha, o.Outcome.Data.Synthetic);
            }
        }
        return csv.ToString();
    }

    /// <summary>fits.json: the spec and, per outcome, its model fit (or its error).</summary>
    public static string FitsJson(StudyResult study)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("spec", study.Spec.Path);
            w.WriteStartArray("outcomes");
            foreach (var o in study.Outcomes)
            {
                w.WriteStartObject();
                w.WriteString("outcome", o.Outcome.Name);
                w.WriteBoolean("synthetic_data", o.Outcome.Data.Synthetic);
                if (o.Error is not null) w.WriteString("error", o.Error);
                else { w.WritePropertyName("fit"); FitJson.Write(w, o.Fit!, AnalysisSpecReader.KeyOf); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// One sentence for a Methods section, generated from the fit itself: every fixed effect (class effects,
    /// interactions, covariates), the random intercept, the residual structure, REML or ML, the comparisons made
    /// (visits against baseline, groups at each visit), the df method, the standard errors, the multiplicity
    /// adjustment, α and the software version. It names no outcome, so outcomes fitted alike share it.
    /// </summary>
    public static string MethodsSentence(MixedModelResult fit)
    {
        var spec = fit.Spec;
        string structure = fit.CovarianceSasType switch
        {
            "UN" => "an unstructured residual covariance matrix",
            "CS" => "a compound-symmetry residual covariance",
            "CSH" => "a heterogeneous compound-symmetry residual covariance",
            "AR(1)" => "first-order autoregressive (AR(1)) correlated residuals",
            "ARH(1)" => "heterogeneous first-order autoregressive (ARH(1)) residuals",
            "TOEP" => "a Toeplitz residual covariance",
            "TOEPH" => "a heterogeneous Toeplitz residual covariance",
            "ANTE(1)" => "first-order antedependence (ANTE(1)) residuals",
            "SP(EXP)" => "spatial exponential correlated residuals over actual time",
            "SP(POW)" => "spatial power correlated residuals over actual time",
            _ => "independent residuals",
        };
        if (spec.Group is not null) structure += $" with separate parameters for each level of {spec.Group}";
        string df = spec.Df switch
        {
            DfMethod.Satterthwaite => "Satterthwaite's approximation",
            DfMethod.BetweenWithin => "the between-within method",
            DfMethod.Containment => "the containment method",
            DfMethod.KenwardRoger => "the Kenward–Roger method (with its adjusted standard errors)",
            DfMethod.KenwardRogerLinear => "the Kenward–Roger method without second derivatives of the covariance (KR-linear)",
            _ => "the residual degrees of freedom",
        };
        var formula = Formula.Parse(spec.Formula);
        var classVariables = fit.FixedEffects.SelectMany(f => f.Levels.Keys).Append(spec.Time).ToHashSet();
        string Variable(string v) => classVariables.Contains(v) ? $"{v} (categorical)" : $"{v} (covariate)";
        var effects = formula.Terms.Select(t => t.Variables.Count == 1 ? Variable(t.Variables[0]) : $"the {string.Join(" × ", t.Variables)} interaction").ToList();
        string fixedPart = effects.Count == 0 ? "a fixed intercept only" : $"fixed effects for {JoinAnd(effects)}{(formula.HasIntercept ? "" : " (no intercept)")}";
        var randomAndResidual = (spec.RandomIntercept ? "a random subject intercept and " : "") + structure;

        var comparisons = new List<string>();
        var others = fit.VisitContrasts.Select(v => v.Visit).ToList();
        if (others.Count > 0) comparisons.Add($"{JoinAnd(others)} were compared with {fit.Baseline}");
        foreach (var effect in spec.LsMeans)
        {
            var parts = effect.Split('*', ':').Select(p => p.Trim()).ToList();
            if (parts.Count == 2 && parts.Contains(spec.Time))
                comparisons.Add($"the levels of {parts.First(p => p != spec.Time)} were compared at each visit");
        }
        string tests = comparisons.Count == 0 ? "fixed effects were tested" : JoinAnd(comparisons);
        string errors = spec.StdErrors == StdErrorMethod.Empirical ? ", empirical (sandwich) standard errors" : "";
        string adjustment = spec.Adjustment == MultiplicityAdjustment.None ? "" : $", p-values adjusted by {Inference.Multiplicity.Name(spec.Adjustment)}";
        return $"A linear mixed model with {fixedPart}, {randomAndResidual} was estimated by " +
               $"{(spec.Method == EstimationMethod.Reml ? "restricted maximum likelihood (REML)" : "maximum likelihood (ML)")}; " +
               $"{tests} by t tests on the least-squares means with denominator degrees of freedom by {df}{errors}{adjustment} " +
               $"(two-sided α = {spec.Alpha.ToString("0.###", Inv)}; {SoftwareVersion}).";
    }

    /// <summary>"RweStats 0.1.0": the library's version, without the source revision.</summary>
    public static string SoftwareVersion
    {
        get
        {
            var info = typeof(MixedModelResult).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
            return "RweStats " + (info?.Split('+')[0] ?? typeof(MixedModelResult).Assembly.GetName().Version?.ToString(3) ?? "");
        }
    }

    static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>
    /// The Methods paragraph: one sentence when every outcome was fitted with the same model, otherwise one per
    /// group of outcomes fitted alike (each names its outcomes).
    /// </summary>
    public static string MethodsText(StudyResult study)
    {
        var fitted = study.Outcomes.Where(o => o.Fit is not null).ToList();
        var groups = fitted.GroupBy(o => MethodsSentence(o.Fit!)).ToList();
        if (groups.Count == 0) return "";
        // The transformation is the spec's, not the fit's: said once per scale.
        var scales = fitted.Where(o => o.Outcome.Transform != "none").GroupBy(o => o.Outcome.Transform)
            .Select(g => $" {JoinAnd(g.Select(o => o.Outcome.Label).ToList())} {(g.Count() == 1 ? "was" : "were")} analysed on the {(g.Key == "log" ? "natural-log" : "log10")} scale.");
        string transforms = string.Concat(scales);
        if (groups.Count == 1) return "Methods: each outcome was analysed separately." + transforms + " " + groups[0].Key;
        return "Methods: each outcome was analysed separately." + transforms + "\n" +
               string.Join("\n", groups.Select(g => $"- {string.Join(", ", g.Select(o => o.Outcome.Label))}: {g.Key}"));
    }

    /// <summary>report.md: the tables, the Methods paragraph and, when given, the comparison with the paper.</summary>
    public static string ReportMarkdown(StudyResult study, string? comparisonMarkdown = null)
    {
        var s = new StringBuilder();
        s.AppendLine($"# {study.Spec.Title ?? "Analysis report"}");
        s.AppendLine();
        s.AppendLine($"Specification: `{Path.GetFileName(study.Spec.Path)}`. Quantiles: R type {study.Spec.Descriptives.QuantileType}.");
        var synthetic = study.Outcomes.Where(o => o.Outcome.Data.Synthetic).Select(o => o.Outcome.Label).ToList();
        if (synthetic.Count > 0)
            s.AppendLine().AppendLine($"**Synthetic data**: {string.Join(", ", synthetic)} {(synthetic.Count == 1 ? "comes" : "come")} from a simulated cohort (not the study's data); {(synthetic.Count == 1 ? "its" : "their")} numbers illustrate the method only.");
        s.AppendLine();
        s.AppendLine("## Descriptive statistics");
        s.AppendLine();
        s.AppendLine("| Outcome | Visit | n | Missing | Mean (SD) | Median [Q1–Q3] | Min–Max |");
        s.AppendLine("|---|---|---:|---:|---|---|---|");
        foreach (var o in study.Outcomes)
        {
            var (d, dRaw) = DescriptiveDecimals(o);
            foreach (var x in o.Descriptives)
                s.AppendLine($"| {Label(o)} | {x.Visit} | {x.N} | {x.Missing} | {F(x.Mean, d)} ({F(x.Sd, d)}) | {F(x.Median, d)} [{F(x.Q1, d)}–{F(x.Q3, d)}] | {F(x.Min, dRaw)}–{F(x.Max, dRaw)} |");
        }
        var pushedDown = study.Outcomes.Where(o => o.Error is null && o.Outcome.Data.PushDown).Select(Label).ToList();
        if (pushedDown.Count > 0)
            s.AppendLine().AppendLine($"Not computed for {string.Join(", ", pushedDown)}: fitted from sums computed where the data are (\"data.push_down\"), which never reads the rows these statistics need.");
        if (study.Outcomes.Any(o => o.Classes.Count > 0))
        {
            s.AppendLine().AppendLine("## Classes").AppendLine();
            foreach (var o in study.Outcomes.Where(o => o.Classes.Count > 0))
            {
                s.AppendLine($"| {Label(o)} | " + string.Join(" | ", o.Outcome.Classes.Select(ClassHeader)) + " | missing |");
                s.AppendLine("|---|" + string.Concat(o.Outcome.Classes.Select(_ => "---:|")) + "---:|");
                foreach (var c in o.Classes)
                    s.AppendLine($"| {c.Visit} | " + string.Join(" | ", c.Counts.Select(x => x.Count.ToString(Inv))) + $" | {c.Missing} |");
                s.AppendLine();
            }
        }
        var changes = study.Outcomes.SelectMany(o => o.PercentChanges.Select(c => (o, c))).ToList();
        if (changes.Count > 0)
        {
            s.AppendLine("## Change of the mean").AppendLine();
            foreach (var (o, c) in changes)
            {
                int d = DescriptiveDecimals(o).summary;
                s.AppendLine($"- {c.Outcome}: mean {F(c.MeanFrom, d)} at {c.From} (n = {c.NFrom}) to {F(c.MeanTo, d)} at {c.To} (n = {c.NTo}): {c.Percent.ToString("+0.0;-0.0", Inv)} %");
            }
            s.AppendLine();
        }
        s.AppendLine("## Mixed models").AppendLine();
        var methods = MethodsText(study);
        if (methods.Length > 0) s.AppendLine(methods).AppendLine();
        s.AppendLine("| Outcome | Covariance | -2 Res LL | AIC | Subjects | Obs. used | Converged |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var o in study.Outcomes)
        {
            if (o.Fit is not { } f) { s.AppendLine($"| {Label(o)} | failed: {o.Error} | | | | | |"); continue; }
            s.AppendLine($"| {Label(o)} | {f.CovarianceSasType}{(f.Spec.RandomIntercept ? " + RI" : "")} | {f.FitStatistics.Neg2LogLikelihood.ToString("F2", Inv)} | {f.FitStatistics.Aic.ToString("F2", Inv)} | {f.SubjectsWithData} | {f.ObservationsUsed} | {(f.Convergence.Converged ? "yes" : "NO")} |");
        }
        s.AppendLine().AppendLine("## Visit contrasts").AppendLine();
        s.AppendLine("| Outcome | Contrast | Estimate | SE | df | t | p | 95 % CI |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var o in study.Outcomes.Where(o => o.Fit is not null))
        {
            int d = EstimateDecimals(o.Fit!.VisitContrasts.Select(v => v.Result));
            foreach (var v in o.Fit!.VisitContrasts)
                s.AppendLine($"| {Label(o)}{Scale(o)} | {v.Label} | {EstimateCells(v.Result, d)} |");
        }
        var between = study.Outcomes.Where(o => o.Fit is not null).Select(o => (o, rows: BetweenGroupComparisons(o.Fit!))).Where(x => x.rows.Count > 0).ToList();
        if (between.Count > 0)
        {
            s.AppendLine().AppendLine("## Comparisons between groups at each visit").AppendLine();
            s.AppendLine("Differences of the least-squares means of visit × group at the same visit (the brackets of the grouped figures).").AppendLine();
            s.AppendLine("| Outcome | Visit | Comparison | Estimate | SE | df | t | p | 95 % CI |");
            s.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var (o, rows) in between)
            {
                int d = EstimateDecimals(rows.Select(r => r.Result));
                foreach (var r in rows)
                    s.AppendLine($"| {Label(o)}{Scale(o)} | {r.Visit} | {r.Label} | {EstimateCells(r.Result, d)} |");
            }
        }
        if (study.Estimands.Count > 0) s.AppendLine().Append(EstimandsMarkdown(study));
        if (comparisonMarkdown is not null) s.AppendLine().AppendLine(comparisonMarkdown);
        if (study.Warnings.Count > 0)
        {
            s.AppendLine().AppendLine("## Warnings").AppendLine();
            foreach (var w in study.Warnings) s.AppendLine("- " + w);
        }
        return s.ToString();
    }

    /// <summary>
    /// The estimand analyses: per estimand, what was imputed and how (a Methods sentence generated from the analysis),
    /// the pooled treatment difference and LS means of each arm at each visit, and the tipping point.
    /// </summary>
    public static string EstimandsMarkdown(StudyResult study)
    {
        var s = new StringBuilder();
        s.AppendLine("## Estimands: reference-based imputation").AppendLine();
        foreach (var e in study.Estimands)
        {
            var outcome = study.Outcomes.Single(o => o.Outcome.Name == e.Settings.Outcome);
            s.AppendLine($"### {e.Settings.Name}: {Label(outcome)}").AppendLine();
            if (e.Analysis is not { } analysis) { s.AppendLine($"Failed: {e.Error}").AppendLine(); continue; }
            var data = analysis.Data;
            var spec = analysis.Spec;
            string alt = data.Arms[1], reference = data.Arms[0];
            s.AppendLine(EstimandMethods(analysis)).AppendLine();
            bool rubin = e.Results.Any(r => r.Df is not null);
            string level = (100 * (1 - spec.Alpha)).ToString("0.##", Inv);
            s.AppendLine($"| Visit | Parameter | Estimate | SE |{(rubin ? " df |" : "")} {level} % CI | p |");
            s.AppendLine($"|---|---|---:|---:|{(rubin ? "---:|" : "")}---|---:|");
            int d = NumberColumns.Decimals(e.Results.Select(r => r.StdError).Where(double.IsFinite).DefaultIfEmpty(1).Max());
            foreach (var r in e.Results)
            {
                string parameter = r.Parameter switch { "trt" => $"Difference {alt} − {reference}", "lsm_ref" => $"LS mean {reference}", _ => $"LS mean {alt}" };
                s.AppendLine($"| {r.Visit} | {parameter} | {F(r.Estimate, d)} | {F(r.StdError, d)} |{(rubin ? $" {(r.Df ?? double.NaN).ToString("F1", Inv)} |" : "")} {F(r.Lower, d)} to {F(r.Upper, d)} | {PValue(r.PValue)} |");
            }
            if (e.TippingPoint is { } t)
            {
                var grid = t.Grid;
                s.AppendLine().AppendLine($"Tipping point: the imputed values of {t.Arm} shifted from {N(grid[0].Shift)} to {N(grid[^1].Shift)} ({grid.Count} shifts; " +
                    $"figure `tipping_{e.Settings.Name}`, every shift in `tipping_points.csv`): " + (t.TippingShift is { } tip
                        ? $"the two-sided test of the difference at visit {t.Visit} at α = {t.Alpha.ToString("0.###", Inv)} changes its conclusion at a shift of {tip.ToString("G4", Inv)}."
                        : $"the conclusion of the test of the difference at visit {t.Visit} at α = {t.Alpha.ToString("0.###", Inv)} is the same over the whole grid."));
            }
            s.AppendLine();
        }
        return s.ToString();
    }

    /// <summary>The Methods sentence of an estimand analysis, generated from the analysis itself.</summary>
    public static string EstimandMethods(Estimands.EstimandAnalysis analysis)
    {
        var data = analysis.Data;
        var spec = analysis.Spec;
        var counts = Enumerable.Range(0, data.SubjectCount).Where(s => data.FirstAffected[s] < data.VisitCount)
            .GroupBy(s => data.Strategy[s]).OrderBy(g => g.Key).Select(g => $"{Estimands.ImputationStrategies.Code(g.Key)} {g.Count()}").ToList();
        string events = counts.Count == 0 ? "no subject has an intercurrent event, so every missing value was imputed under missing at random"
            : $"the values after an intercurrent event were imputed by strategy ({string.Join(", ", counts)} subjects), other missing values under missing at random";
        string references = string.Join(", ", data.Arms.Select((arm, k) => $"{arm} → {data.Arms[data.ReferenceArm[k]]}"));
        string method = spec.Method switch
        {
            Estimands.ImputationMethod.ConditionalMeanJackknife => $"conditional-mean imputation with leave-one-subject-out jackknife standard errors ({analysis.SampleCount} analysed data sets)",
            Estimands.ImputationMethod.ConditionalMeanBootstrap => $"conditional-mean imputation with bootstrap standard errors ({analysis.SampleCount - 1} bootstrap samples stratified by arm, seed {spec.Seed})",
            _ => $"approximate Bayesian multiple imputation ({analysis.SampleCount} imputations, seed {spec.Seed}) pooled by Rubin's rules",
        };
        string response = Formula.Parse(spec.Model.Formula).Response;
        return $"Imputation model: a mixed model for repeated measures, {spec.Model.Formula}, {data.Fit.Structure.SasType} covariance{(spec.Model.Group is { } g ? $" by {g}" : "")}, " +
               $"{(spec.Model.Method == EstimationMethod.Reml ? "REML" : "ML")}, fitted to the data before the intercurrent events; {events}; reference arms {references}; " +
               $"{method}. " + (analysis.AnalysisFormula is { } mmrm
                   ? $"Analysis of each completed data set: a mixed model for repeated measures, {mmrm}, {data.Fit.Structure.SasType} covariance, REML, the LS means of each arm at each visit and their difference"
                   : $"Analysis at each visit: ANCOVA of {response} on {spec.Arm}{string.Concat(spec.AnalysisCovariates.Select(c => " + " + c))}") +
               $"{(spec.Delta.Count > 0 ? $", imputed values shifted by the delta adjustment ({string.Join("; ", spec.Delta.Select(DeltaText))})" : "")} " +
               $"({SoftwareVersion}, following rbmi).";
    }

    static string DeltaText(Estimands.DeltaAdjustment d) =>
        $"{N(d.Shift)} to {d.Arm ?? "every arm"}{(d.Visits is { } v ? $" at {string.Join(", ", v)}" : "")}";

    /// <summary>estimands.csv: every pooled parameter of every estimand.</summary>
    public static string EstimandsCsv(StudyResult study)
    {
        var csv = new CsvText("estimand", "outcome", "method", "samples", "parameter", "arm", "visit", "estimate", "std_error", "df", "lower", "upper", "p_value", "alpha");
        foreach (var e in study.Estimands)
        {
            if (e.Analysis is not { } a) continue;
            foreach (var r in e.Results)
                csv.Row(e.Settings.Name, e.Settings.Outcome, a.Spec.Method.Name(), a.SampleCount, r.Parameter,
                    r.Parameter switch { "trt" => $"{a.Data.Arms[1]} - {a.Data.Arms[0]}", "lsm_ref" => a.Data.Arms[0], _ => a.Data.Arms[1] },
                    r.Visit, r.Estimate, r.StdError, r.Df, r.Lower, r.Upper, r.PValue, a.Spec.Alpha);
        }
        return csv.ToString();
    }

    /// <summary>tipping_points.csv: every shift of every tipping-point grid, with the tipping shift.</summary>
    public static string TippingPointsCsv(StudyResult study)
    {
        var csv = new CsvText("estimand", "outcome", "arm", "visit", "shift", "estimate", "std_error", "df", "lower", "upper", "p_value", "alpha", "tipping_shift");
        foreach (var e in study.Estimands)
        {
            if (e.TippingPoint is not { } t) continue;
            foreach (var row in t.Grid)
                csv.Row(e.Settings.Name, e.Settings.Outcome, t.Arm, t.Visit, row.Shift, row.Result.Estimate, row.Result.StdError, row.Result.Df,
                    row.Result.Lower, row.Result.Upper, row.Result.PValue, t.Alpha, t.TippingShift);
        }
        return csv.ToString();
    }

    /// <summary>A between-group comparison at one visit: "TRT - PBO" at "V2".</summary>
    public sealed record GroupComparison(string Visit, string Label, EstimateResult Result);

    /// <summary>
    /// From the LS-mean differences of a visit × group effect (spec model.lsmeans "VISIT*GROUP"), the pairs at the
    /// same visit, in visit order; each as "level − reference" when the group's reference level is one side.
    /// </summary>
    public static IReadOnlyList<GroupComparison> BetweenGroupComparisons(MixedModelResult fit)
    {
        string time = fit.Spec.Time;
        var rows = new List<GroupComparison>();
        foreach (var d in fit.LsMeanDifferences)
        {
            if (d.Levels.Count != 2 || !d.Levels.ContainsKey(time) || !d.OtherLevels.ContainsKey(time)) continue;
            string group = d.Levels.Keys.First(k => k != time);
            if (!d.OtherLevels.ContainsKey(group) || d.Levels[time] != d.OtherLevels[time] || d.Levels[group] == d.OtherLevels[group]) continue;
            string a = d.Levels[group], b = d.OtherLevels[group];
            var r = d.Result;
            // Written as "other level - reference" when the reference level is on the left (SAS prints PBO - TRT).
            bool flip = fit.Spec.References.TryGetValue(group, out var reference) && a == reference;
            if (flip) { (a, b) = (b, a); r = r with { Estimate = -r.Estimate, TValue = -r.TValue, Lower = -r.Upper, Upper = -r.Lower }; }
            rows.Add(new GroupComparison(d.Levels[time], $"{a} - {b}", r));
        }
        var order = fit.TimeLevels.Select((l, k) => (l, k)).ToDictionary(x => x.l, x => x.k);
        return rows.OrderBy(r => order.TryGetValue(r.Visit, out var k) ? k : int.MaxValue).ToList();
    }

    static string Scale(OutcomeAnalysis o) => o.Outcome.Transform != "none" ? $" ({o.Outcome.Transform} scale)" : "";

    static string EstimateCells(EstimateResult r, int d) =>
        $"{F(r.Estimate, d)} | {F(r.StdError, d)} | {r.Df.ToString("F1", Inv)} | {r.TValue.ToString("F2", Inv)} | {PValue(r.PValue)} | {F(r.Lower, d)} to {F(r.Upper, d)}";

    /// <summary>Decimals of an outcome's estimate, SE and limits: three significant digits of its largest SE.</summary>
    public static int EstimateDecimals(IEnumerable<EstimateResult> results)
    {
        var ses = results.Select(r => r.StdError).Where(double.IsFinite).ToList();
        return NumberColumns.Decimals(ses.Count == 0 ? 1 : ses.Max());
    }

    /// <summary>
    /// Decimals of an outcome's descriptive columns: mean, SD and quantiles at three significant digits of its
    /// largest mean, at most one decimal beyond the data's own; min and max at the data's own decimals.
    /// </summary>
    public static (int summary, int raw) DescriptiveDecimals(OutcomeAnalysis o)
    {
        int raw = NumberColumns.DataDecimals(o.ValuesBySubject.Values.SelectMany(v => v.Values));
        var means = o.Descriptives.Select(d => Math.Abs(d.Mean)).Where(v => double.IsFinite(v) && v > 0).ToList();
        int summary = NumberColumns.Decimals(means.Count == 0 ? 1 : means.Max(), raw);
        return (summary, Math.Min(summary, raw));
    }

    /// <summary>"low (0–30)", "high (30.001–1000)": both bounds of every class written alike.</summary>
    public static string ClassHeader(Descriptives.ValueClass c) => $"{c.Label} ({NumberColumns.Bound(c.Min)}–{NumberColumns.Bound(c.Max)})";

    static string F(double v, int decimals) => NumberColumns.Fixed(v, decimals);

    static string Label(OutcomeAnalysis o) => o.Outcome.Label + (o.Outcome.Unit is { } u ? $" ({u})" : "") + (o.Outcome.Data.Synthetic ? " [synthetic]" : "");

    /// <summary>A number as the report tables print it ("NA" when not finite).</summary>
    public static string N(double v) => !double.IsFinite(v) ? "NA" : Math.Abs(v) >= 100 ? v.ToString("F1", Inv) : v.ToString("0.###", Inv);

    /// <summary>p-values for manuscripts, as the figures print them: 2 significant digits, "&lt; 0.001" below 0.001.</summary>
    public static string PValue(double p) => double.IsFinite(p) ? Figures.PValueText.Value(p, Figures.PValueFormat.Bounded) : "NA";
}
