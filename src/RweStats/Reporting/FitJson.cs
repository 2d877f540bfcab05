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
        w.WriteString("formula", spec.Formula);
        w.WriteNumber("n_subjects", r.SubjectCount);
        w.WriteNumber("n_subjects_with_data", r.SubjectsWithData);
        w.WriteNumber("n_observations_read", r.ObservationsRead);
        w.WriteNumber("n_observations_used", r.ObservationsUsed);
        w.WriteString("method", spec.Method == EstimationMethod.Reml ? "REML" : "ML");
        w.WriteString("covariance", r.CovarianceSasType);
        w.WriteBoolean("random_intercept", spec.RandomIntercept);
        if (spec.Group is not null) w.WriteString("group", spec.Group);
        w.WriteString("df_method", DfName(spec.Df));
        w.WriteNumber("alpha", spec.Alpha);
        w.WriteString("time", spec.Time);
        w.WriteStartArray("time_levels");
        foreach (var l in r.TimeLevels) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteString("baseline", r.Baseline);
        w.WriteBoolean("converged", r.Convergence.Converged);
        w.WriteNumber("iterations", r.Convergence.Iterations);
        w.WriteStartObject("convergence");
        Number(w, "criterion", r.Convergence.Criterion);
        Number(w, "max_abs_gradient", r.Convergence.MaxAbsGradient);
        w.WriteBoolean("hessian_positive_definite", r.Convergence.HessianPositiveDefinite);
        w.WriteNumber("evaluations", r.Convergence.Evaluations);
        w.WriteString("message", r.Convergence.Message);
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
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("notes");
        foreach (var n in r.Notes) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string DfName(DfMethod df) => df switch
    {
        DfMethod.Residual => "residual",
        DfMethod.Containment => "containment",
        DfMethod.BetweenWithin => "between-within",
        _ => "satterthwaite",
    };

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

    static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
