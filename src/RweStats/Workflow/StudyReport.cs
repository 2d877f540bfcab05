using System.Globalization;
using System.Text;
using System.Text.Json;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Workflow;

/// <summary>The files "analyze" writes, as text: descriptives.csv, classes.csv, contrasts.csv, fits.json and report.md.</summary>
public static class StudyReport
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

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
                    f.CovarianceSasType, f.Spec.RandomIntercept, f.Spec.Method == EstimationMethod.Reml ? "REML" : "ML", FitJson.DfName(f.Spec.Df),
                    f.Spec.Alpha, o.Outcome.Data.Synthetic);
            }
        }
        return csv.ToString();
    }

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
                else { w.WritePropertyName("fit"); FitJson.Write(w, o.Fit!); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One sentence for a Methods section, stating exactly the model that was fitted.</summary>
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
        string df = spec.Df switch
        {
            DfMethod.Satterthwaite => "Satterthwaite's approximation",
            DfMethod.BetweenWithin => "the between-within method",
            DfMethod.Containment => "the containment method",
            DfMethod.KenwardRoger => "the Kenward–Roger method (with its adjusted standard errors)",
            DfMethod.KenwardRogerLinear => "the Kenward–Roger method without second derivatives of the covariance (KR-linear)",
            _ => "the residual degrees of freedom",
        };
        var others = fit.TimeLevels.Where(l => l != fit.Baseline).ToList();
        return $"Each outcome was analysed with a linear mixed model with visit as a fixed categorical effect{(spec.RandomIntercept ? ", a random subject intercept" : "")} and {structure}, " +
               $"estimated by {(spec.Method == EstimationMethod.Reml ? "restricted maximum likelihood (REML)" : "maximum likelihood")}; " +
               $"{string.Join(" and ", others)} were compared with {fit.Baseline} by t tests on the least-squares means with denominator degrees of freedom by {df} " +
               $"(two-sided α = {spec.Alpha.ToString("0.###", Inv)}; RweStats).";
    }

    public static string ReportMarkdown(StudyResult study, string? comparisonMarkdown = null)
    {
        var s = new StringBuilder();
        s.AppendLine($"# {study.Spec.Title ?? "Analysis report"}");
        s.AppendLine();
        s.AppendLine($"Specification: `{Path.GetFileName(study.Spec.Path)}`. Quantiles: R type {study.Spec.Descriptives.QuantileType}.");
        if (study.Outcomes.Any(o => o.Outcome.Data.Synthetic))
            s.AppendLine().AppendLine($"**Synthetic data**: {string.Join(", ", study.Outcomes.Where(o => o.Outcome.Data.Synthetic).Select(o => o.Outcome.Label))} come from a simulated cohort (not the study's data); their numbers illustrate the method only.");
        s.AppendLine();
        s.AppendLine("## Descriptive statistics");
        s.AppendLine();
        s.AppendLine("| Outcome | Visit | n | Missing | Mean (SD) | Median [Q1–Q3] | Min–Max |");
        s.AppendLine("|---|---|---:|---:|---|---|---|");
        foreach (var o in study.Outcomes)
            foreach (var d in o.Descriptives)
                s.AppendLine($"| {Label(o)} | {d.Visit} | {d.N} | {d.Missing} | {N(d.Mean)} ({N(d.Sd)}) | {N(d.Median)} [{N(d.Q1)}–{N(d.Q3)}] | {N(d.Min)}–{N(d.Max)} |");
        if (study.Outcomes.Any(o => o.Classes.Count > 0))
        {
            s.AppendLine().AppendLine("## Classes").AppendLine();
            foreach (var o in study.Outcomes.Where(o => o.Classes.Count > 0))
            {
                s.AppendLine($"| {Label(o)} | " + string.Join(" | ", o.Outcome.Classes.Select(c => $"{c.Label} ({N(c.Min)}–{N(c.Max)})")) + " | missing |");
                s.AppendLine("|---|" + string.Concat(o.Outcome.Classes.Select(_ => "---:|")) + "---:|");
                foreach (var c in o.Classes)
                    s.AppendLine($"| {c.Visit} | " + string.Join(" | ", c.Counts.Select(x => x.Count.ToString(Inv))) + $" | {c.Missing} |");
                s.AppendLine();
            }
        }
        var changes = study.Outcomes.SelectMany(o => o.PercentChanges).ToList();
        if (changes.Count > 0)
        {
            s.AppendLine("## Change of the mean").AppendLine();
            foreach (var c in changes)
                s.AppendLine($"- {c.Outcome}: mean {N(c.MeanFrom)} at {c.From} (n = {c.NFrom}) to {N(c.MeanTo)} at {c.To} (n = {c.NTo}): {c.Percent.ToString("+0.0;-0.0", Inv)} %");
            s.AppendLine();
        }
        s.AppendLine("## Mixed models").AppendLine();
        var firstFit = study.Outcomes.FirstOrDefault(o => o.Fit is not null)?.Fit;
        if (firstFit is not null) s.AppendLine("Methods: " + MethodsSentence(firstFit)).AppendLine();
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
            foreach (var v in o.Fit!.VisitContrasts)
                s.AppendLine($"| {Label(o)}{(o.Outcome.Transform != "none" ? $" ({o.Outcome.Transform} scale)" : "")} | {v.Label} | {N(v.Result.Estimate)} | {N(v.Result.StdError)} | {v.Result.Df.ToString("F1", Inv)} | {v.Result.TValue.ToString("F2", Inv)} | {PValue(v.Result.PValue)} | {N(v.Result.Lower)} to {N(v.Result.Upper)} |");
        if (comparisonMarkdown is not null) s.AppendLine().AppendLine(comparisonMarkdown);
        if (study.Warnings.Count > 0)
        {
            s.AppendLine().AppendLine("## Warnings").AppendLine();
            foreach (var w in study.Warnings) s.AppendLine("- " + w);
        }
        return s.ToString();
    }

    static string Label(OutcomeAnalysis o) => o.Outcome.Label + (o.Outcome.Unit is { } u ? $" ({u})" : "") + (o.Outcome.Data.Synthetic ? " [synthetic]" : "");

    public static string N(double v) => !double.IsFinite(v) ? "NA" : Math.Abs(v) >= 100 ? v.ToString("F1", Inv) : v.ToString("0.###", Inv);

    /// <summary>p-values for manuscripts, as the figures print them: 2 significant digits, "&lt; 0.001" below 0.001.</summary>
    public static string PValue(double p) => double.IsFinite(p) ? Figures.PValueText.Value(p, Figures.PValueFormat.Bounded) : "NA";
}
