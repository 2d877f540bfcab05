using System.Text;
using System.Text.Json;
using RweStats.Model;

namespace RweStats.Reporting;

/// <summary>
/// The engine's JSON form of a fit: the contract external checks rely on (snake_case keys of the
/// "fit" command; keys are added, never renamed). Numbers are written at full round-trip precision;
/// a number that does not exist (aliased column, NaN df) is null.
/// </summary>
public static class FitJson
{
    public static string Serialize(MixedModelResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            Write(w, r);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, MixedModelResult r)
    {
        var spec = r.Spec;
        w.WriteStartObject();
        w.WriteString("response", r.Response);
        if (r.ResponseLabel is { } label) w.WriteString("response_label", label);
        w.WriteString("formula", spec.Formula);
        w.WriteNumber("n_subjects", r.SubjectCount);
        w.WriteNumber("n_subjects_with_data", r.SubjectsWithData);
        w.WriteNumber("n_observations_read", r.ObservationsRead);
        w.WriteNumber("n_observations_used", r.ObservationsUsed);
        w.WriteString("method", spec.Method == EstimationMethod.Reml ? "REML" : "ML");
        w.WriteString("covariance", r.CovarianceSasType);
        w.WriteBoolean("random_intercept", spec.RandomIntercept);
        if (spec.Group is not null) w.WriteString("group", spec.Group);
        w.WriteString("df_method", DfMethodNames.Name(spec.Df));
        w.WriteString("std_error_method", spec.StdErrors == StdErrorMethod.Empirical ? "empirical" : "model");
        if (spec.Df is DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear)
            w.WriteString("kenward_roger_information", spec.KenwardRogerInformation == Inference.KenwardRogerInformation.Expected ? "expected" : "observed");
        w.WriteString("adjustment", Inference.Multiplicity.Name(spec.Adjustment));
        w.WriteNumber("alpha", spec.Alpha);
        w.WriteString("time", spec.Time);
        w.WriteStartArray("time_levels");
        foreach (var l in r.TimeLevels) w.WriteStringValue(l);
        w.WriteEndArray();
        if (r.VisitOrdering is { } order)
        {
            // How time_levels were ordered: "given" (--time-order, visits.order), "time-value" or "natural".
            w.WriteString("visit_order_rule", order.RuleName);
            w.WriteString("visit_order", order.Description);
        }
        w.WriteString("baseline", r.Baseline);
        w.WriteBoolean("converged", r.Convergence.Converged);
        w.WriteNumber("iterations", r.Convergence.Iterations);
        w.WriteStartObject("convergence");
        Number(w, "criterion", r.Convergence.Criterion);
        Number(w, "max_abs_gradient", r.Convergence.MaxAbsGradient);
        w.WriteBoolean("hessian_positive_definite", r.Convergence.HessianPositiveDefinite);
        w.WriteNumber("evaluations", r.Convergence.Evaluations);
        w.WriteString("message", r.Convergence.Message);
        w.WriteNumber("starts_tried", r.Convergence.StartsTried);
        w.WriteNumber("starts_at_best", r.Convergence.StartsAtBest);
        w.WriteString("best_start", r.Convergence.BestStart);
        w.WriteEndObject();
        w.WriteStartObject("dimensions");
        w.WriteNumber("covariance_parameters", r.CovarianceParameters.Count);
        w.WriteNumber("columns_in_x", r.DesignColumns);
        w.WriteNumber("rank_of_x", r.DesignRank);
        w.WriteEndObject();

        w.WriteStartObject("fit_statistics");
        Number(w, "neg2_log_likelihood", r.FitStatistics.Neg2LogLikelihood);
        Number(w, "aic", r.FitStatistics.Aic);
        Number(w, "aicc", r.FitStatistics.Aicc);
        Number(w, "bic", r.FitStatistics.Bic);
        w.WriteEndObject();

        w.WriteStartArray("covariance_parameters");
        foreach (var c in r.CovarianceParameters)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            if (c.Group is null) w.WriteNull("group"); else w.WriteString("group", c.Group);
            Number(w, "estimate", c.Estimate);
            Number(w, "std_error", c.StdError);
            w.WriteBoolean("on_boundary", c.OnBoundary);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("fixed_effects");
        foreach (var f in r.FixedEffects)
        {
            w.WriteStartObject();
            w.WriteString("term", f.Term);
            w.WriteString("effect", f.Effect);
            Levels(w, "levels", f.Levels);
            w.WriteBoolean("aliased", f.Aliased);
            if (f.Result is null) Number(w, "estimate", 0.0);
            Estimate(w, f.Result);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("type3_tests");
        foreach (var t in r.Type3Tests)
        {
            w.WriteStartObject();
            w.WriteString("effect", t.Effect);
            w.WriteNumber("num_df", t.NumDf);
            Number(w, "den_df", t.DenDf);
            Number(w, "f_value", t.FValue);
            Number(w, "p_value", t.PValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("lsmeans");
        foreach (var l in r.LsMeans)
        {
            w.WriteStartObject();
            w.WriteString("effect", l.Effect);
            Levels(w, "levels", l.Levels);
            w.WriteBoolean("estimable", l.Result is not null);
            Estimate(w, l.Result);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("lsmean_differences");
        foreach (var d in r.LsMeanDifferences)
        {
            w.WriteStartObject();
            w.WriteString("effect", d.Effect);
            Levels(w, "levels", d.Levels);
            Levels(w, "other_levels", d.OtherLevels);
            Estimate(w, d.Result);
            Adjusted(w, spec, d.AdjustedPValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("visit_contrasts");
        foreach (var v in r.VisitContrasts)
        {
            w.WriteStartObject();
            w.WriteString("label", v.Label);
            w.WriteString("visit", v.Visit);
            w.WriteString("baseline", v.Baseline);
            Estimate(w, v.Result);
            Adjusted(w, spec, v.AdjustedPValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("contrasts");
        foreach (var c in r.Contrasts)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteString("kind", c.Kind);
            w.WriteStartArray("rows");
            foreach (var row in c.Rows)
            {
                w.WriteStartObject();
                w.WriteString("expression", row.Expression);
                w.WriteBoolean("estimable", row.Result is not null);
                Estimate(w, row.Result);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (c.Test is { } t)
            {
                w.WriteNumber("num_df", t.NumDf);
                Number(w, "den_df", t.DenDf);
                Number(w, "f_value", t.FValue);
                Number(w, "p_value", t.PValue);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (r.CovarianceSelection is { } sel) WriteSelection(w, sel);

        if (r.Blups is { } blups)
        {
            w.WriteStartArray("blups");
            foreach (var b in blups)
            {
                w.WriteStartObject();
                w.WriteString("subject", b.Subject);
                Number(w, "estimate", b.Estimate);
                Number(w, "std_error_prediction", b.StdErrorPrediction);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (r.Residuals is { } residuals)
        {
            w.WriteStartArray("residuals");
            foreach (var x in residuals)
            {
                w.WriteStartObject();
                w.WriteString("subject", x.Subject);
                w.WriteString("visit", x.Visit);
                Number(w, "observed", x.Observed);
                Number(w, "predicted_marginal", x.PredictedMarginal);
                Number(w, "predicted_conditional", x.PredictedConditional);
                Number(w, "residual_marginal", x.ResidualMarginal);
                Number(w, "residual_conditional", x.ResidualConditional);
                Number(w, "pearson_marginal", x.PearsonMarginal);
                Number(w, "pearson_conditional", x.PearsonConditional);
                Number(w, "scaled_residual", x.Scaled);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("notes");
        foreach (var n in r.Notes) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The "covariance_selection" object: the candidate table, the likelihood-ratio tests and the choice.</summary>
    public static void WriteSelection(Utf8JsonWriter w, Inference.CovarianceSelectionResult sel)
    {
        w.WriteStartObject("covariance_selection");
        w.WriteString("criterion", sel.Criterion.ToLowerInvariant());
        if (sel.Selected is null) w.WriteNull("selected"); else w.WriteString("selected", sel.Selected);
        w.WriteString("reason", sel.Reason);
        w.WriteStartArray("candidates");
        foreach (var c in sel.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Candidate.Label);
            w.WriteString("covariance", c.SasType);
            w.WriteBoolean("random_intercept", c.Candidate.RandomIntercept);
            w.WriteBoolean("converged", c.Converged);
            Number(w, "neg2_log_likelihood", c.Neg2LogLikelihood);
            Number(w, "q", c.Parameters);
            Number(w, "aic", c.Aic);
            Number(w, "aicc", c.Aicc);
            Number(w, "bic", c.Bic);
            w.WriteBoolean("selected", c.Candidate.Label == sel.Selected);
            if (!c.Converged) w.WriteString("message", c.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("likelihood_ratio_tests");
        foreach (var t in sel.Tests)
        {
            w.WriteStartObject();
            w.WriteString("reduced", t.Reduced);
            w.WriteString("full", t.Full);
            Number(w, "chi_square", t.ChiSquare);
            w.WriteNumber("df", t.Df);
            Number(w, "p_value", t.PValue);
            w.WriteBoolean("boundary_mixture", t.BoundaryMixture);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void Adjusted(Utf8JsonWriter w, MixedModelSpec spec, double? adjusted)
    {
        if (spec.Adjustment == MultiplicityAdjustment.None) return;
        Number(w, "p_value_adjusted", adjusted);
        w.WriteString("adjustment", adjusted is null ? "none" : Inference.Multiplicity.Name(spec.Adjustment));
    }

    static void Estimate(Utf8JsonWriter w, EstimateResult? e)
    {
        if (e is not null) Number(w, "estimate", e.Estimate);
        Number(w, "std_error", e?.StdError);
        Number(w, "df", e?.Df);
        Number(w, "t_value", e?.TValue);
        Number(w, "p_value", e?.PValue);
        Number(w, "lower", e?.Lower);
        Number(w, "upper", e?.Upper);
    }

    static void Levels(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> levels)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in levels) w.WriteString(k, v);
        w.WriteEndObject();
    }

    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
