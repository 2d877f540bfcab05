using System.Text.Json;
using System.Text.Json.Serialization;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Reporting;

/// <summary>
/// The engine's JSON form of a fit: the contract external checks rely on (snake_case keys of the
/// "fit" command; keys are added, never renamed). Numbers are written at full round-trip precision;
/// a number that does not exist (aliased column, NaN df) is null. The records below are the document's
/// shape, in its key order; System.Text.Json writes them through a source-generated context (<see cref="Context"/>):
/// no reflection at run time, so the same code runs in a natively compiled (AOT, trimmed) tool.
/// </summary>
public static partial class FitJson
{
    /// <summary>snake_case keys, NaN and infinities as null, optional keys left out when they have no value (the
    /// options of <see cref="Context"/>, which knows the document's types).</summary>
    public static readonly JsonSerializerOptions Options = Context.Default.Options;

    /// <summary>The document's types, their serialization generated at compile time with the options above.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, Converters = [typeof(FiniteOrNull)])]
    [JsonSerializable(typeof(FitDocument))]
    [JsonSerializable(typeof(SelectionJson))]
    internal sealed partial class Context : JsonSerializerContext;

    /// <summary>The fit as the JSON document of "rwestats fit --format json" (indented, without a final line break); the
    /// settings its notes name ("{TimeOrder}") as <paramref name="naming"/> names them (null: the library's words).</summary>
    public static string Serialize(MixedModelResult r, Func<ModelSetting, string?>? naming = null) => JsonSerializer.Serialize(Document(r, naming), Context.Default.FitDocument);

    /// <summary>The fit's JSON document written as the next value of <paramref name="w"/> (one fit of a fits.json).</summary>
    public static void Write(Utf8JsonWriter w, MixedModelResult r, Func<ModelSetting, string?>? naming = null) => JsonSerializer.Serialize(w, Document(r, naming), Context.Default.FitDocument);

    /// <summary>
    /// The same JSON as <see cref="Serialize"/> into a text writer: serialized straight into the stream under a UTF-8
    /// file writer (a report with a residual row per observation is never held as text), as text otherwise.
    /// </summary>
    public static void Write(TextWriter writer, MixedModelResult r, Func<ModelSetting, string?>? naming = null)
    {
        if (writer is StreamWriter { Encoding: System.Text.UTF8Encoding } file)
        {
            file.Flush();
            JsonSerializer.Serialize(file.BaseStream, Document(r, naming), Context.Default.FitDocument);
        }
        else writer.Write(Serialize(r, naming));
    }

    /// <summary>Writes the "covariance_selection" property: the criterion, each candidate structure with its fit statistics, the one chosen and the likelihood-ratio tests.</summary>
    public static void WriteSelection(Utf8JsonWriter w, CovarianceSelectionResult sel)
    {
        w.WritePropertyName("covariance_selection");
        JsonSerializer.Serialize(w, Selection(sel), Context.Default.SelectionJson);
    }

    /// <summary>A number, or null when it does not exist (null, NaN, infinite).</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>Writes a double that is not finite as null (the JSON contract's "does not exist").</summary>
    sealed class FiniteOrNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }

        public override bool HandleNull => false;
    }

    const JsonIgnoreCondition Optional = JsonIgnoreCondition.WhenWritingNull;

    /// <summary>The columns of an estimate. "estimate" is left out when there is none (not estimable); NaN is written as null.</summary>
    internal abstract record EstimateColumns
    {
        [JsonPropertyOrder(1), JsonIgnore(Condition = Optional)] public double? Estimate { get; init; }
        [JsonPropertyOrder(2)] public double? StdError { get; init; }
        [JsonPropertyOrder(3)] public double? Df { get; init; }
        [JsonPropertyOrder(4)] public double? TValue { get; init; }
        [JsonPropertyOrder(5)] public double? PValue { get; init; }
        [JsonPropertyOrder(6)] public double? Lower { get; init; }
        [JsonPropertyOrder(7)] public double? Upper { get; init; }
        /// <summary>With a multiplicity adjustment only: the adjusted p-value (NaN: none) and the method applied.</summary>
        [JsonPropertyOrder(8), JsonIgnore(Condition = Optional)] public double? PValueAdjusted { get; init; }
        [JsonPropertyOrder(9), JsonIgnore(Condition = Optional)] public string? Adjustment { get; init; }

        protected EstimateColumns(EstimateResult? e, double? estimateWhenNone = null)
        {
            Estimate = e?.Estimate ?? estimateWhenNone;
            (StdError, Df, TValue, PValue, Lower, Upper) = (e?.StdError, e?.Df, e?.TValue, e?.PValue, e?.Lower, e?.Upper);
        }

        protected EstimateColumns(EstimateResult e, MixedModelSpec spec, double? adjusted) : this(e)
        {
            if (spec.Adjustment == MultiplicityAdjustment.None) return;
            PValueAdjusted = adjusted ?? double.NaN;
            Adjustment = adjusted is null ? "none" : Multiplicity.Name(spec.Adjustment);
        }
    }

    internal sealed record FitDocument(
        string Response,
        [property: JsonIgnore(Condition = Optional)] string? ResponseLabel,
        string Formula,
        int NSubjects, int NSubjectsWithData, int NObservationsRead, int NObservationsUsed,
        string Method, string Covariance, bool RandomIntercept,
        [property: JsonIgnore(Condition = Optional)] string? Group,
        string DfMethod, string StdErrorMethod,
        [property: JsonIgnore(Condition = Optional)] string? KenwardRogerInformation,
        string Adjustment, double Alpha, string Time, IReadOnlyList<string> TimeLevels,
        [property: JsonIgnore(Condition = Optional)] string? VisitOrderRule,
        [property: JsonIgnore(Condition = Optional)] string? VisitOrder,
        string Baseline, bool Converged, int Iterations, ConvergenceJson Convergence, DimensionsJson Dimensions,
        FitStatistics FitStatistics, IReadOnlyList<CovarianceParameterJson> CovarianceParameters,
        IReadOnlyList<FixedEffectJson> FixedEffects, IReadOnlyList<Type3Test> Type3Tests,
        [property: JsonPropertyName("lsmeans")] IReadOnlyList<LsMeanJson> LsMeans,
        [property: JsonPropertyName("lsmean_differences")] IReadOnlyList<LsMeanDifferenceJson> LsMeanDifferences,
        IReadOnlyList<VisitContrastJson> VisitContrasts, IReadOnlyList<ContrastJson> Contrasts,
        [property: JsonIgnore(Condition = Optional)] SelectionJson? CovarianceSelection,
        [property: JsonIgnore(Condition = Optional)] IReadOnlyList<SubjectBlup>? Blups,
        [property: JsonIgnore(Condition = Optional)] IReadOnlyList<ResidualJson>? Residuals,
        IReadOnlyList<string> Notes);

    internal sealed record ConvergenceJson(double Criterion, double MaxAbsGradient, bool HessianPositiveDefinite, int Evaluations,
        string Message, int StartsTried, int StartsAtBest, string BestStart);

    internal sealed record DimensionsJson(int CovarianceParameters, [property: JsonPropertyName("columns_in_x")] int ColumnsInX,
        [property: JsonPropertyName("rank_of_x")] int RankOfX);

    internal sealed record CovarianceParameterJson(string Name, string? Group, double Estimate, double? StdError, bool OnBoundary);

    internal sealed record FixedEffectJson(string Term, string Effect, IReadOnlyDictionary<string, string> Levels, bool Aliased, [property: JsonIgnore] EstimateResult? Result)
        : EstimateColumns(Result, estimateWhenNone: 0.0);

    internal sealed record LsMeanJson(string Effect, IReadOnlyDictionary<string, string> Levels, bool Estimable, [property: JsonIgnore] EstimateResult? Result) : EstimateColumns(Result);

    internal sealed record LsMeanDifferenceJson(string Effect, IReadOnlyDictionary<string, string> Levels, IReadOnlyDictionary<string, string> OtherLevels,
        [property: JsonIgnore] EstimateResult Result, [property: JsonIgnore] MixedModelSpec Spec, [property: JsonIgnore] double? Adjusted) : EstimateColumns(Result, Spec, Adjusted);

    internal sealed record VisitContrastJson(string Label, string Visit, string Baseline, [property: JsonIgnore] EstimateResult Result, [property: JsonIgnore] MixedModelSpec Spec, [property: JsonIgnore] double? Adjusted)
        : EstimateColumns(Result, Spec, Adjusted);

    internal sealed record ContrastRowJson(string Expression, bool Estimable, [property: JsonIgnore] EstimateResult? Result) : EstimateColumns(Result);

    /// <summary>A contrast; the F test's columns only when it has one.</summary>
    internal sealed record ContrastJson(string Label, string Kind, IReadOnlyList<ContrastRowJson> Rows,
        [property: JsonIgnore(Condition = Optional)] int? NumDf, [property: JsonIgnore(Condition = Optional)] double? DenDf,
        [property: JsonIgnore(Condition = Optional)] double? FValue, [property: JsonIgnore(Condition = Optional)] double? PValue);

    internal sealed record ResidualJson(string Subject, string Visit, double Observed, double PredictedMarginal, double PredictedConditional,
        double ResidualMarginal, double ResidualConditional, double PearsonMarginal, double PearsonConditional, double ScaledResidual);

    internal sealed record SelectionJson(string Criterion, string? Selected, string Reason, IReadOnlyList<CandidateJson> Candidates,
        IReadOnlyList<LikelihoodRatioTestJson> LikelihoodRatioTests);

    internal sealed record CandidateJson(string Label, string Covariance, bool RandomIntercept, bool Converged, double? Neg2LogLikelihood,
        int? Q, double? Aic, double? Aicc, double? Bic, bool Selected, [property: JsonIgnore(Condition = Optional)] string? Message);

    internal sealed record LikelihoodRatioTestJson(string Reduced, string Full, double ChiSquare, int Df, double PValue, bool BoundaryMixture);

    /// <summary>The document of a fit.</summary>
    internal static FitDocument Document(MixedModelResult r, Func<ModelSetting, string?>? naming = null)
    {
        var spec = r.Spec;
        var c = r.Convergence;
        return new FitDocument(
            r.Response, r.ResponseLabel, spec.Formula,
            r.SubjectCount, r.SubjectsWithData, r.ObservationsRead, r.ObservationsUsed,
            spec.Method == EstimationMethod.Reml ? "REML" : "ML", r.CovarianceSasType, spec.RandomIntercept, spec.Group,
            DfMethodNames.Name(spec.Df), spec.StdErrors == StdErrorMethod.Empirical ? "empirical" : "model",
            spec.Df is Model.DfMethod.KenwardRoger or Model.DfMethod.KenwardRogerLinear
                ? spec.KenwardRogerInformation == Inference.KenwardRogerInformation.Expected ? "expected" : "observed"
                : null,
            Multiplicity.Name(spec.Adjustment), spec.Alpha, spec.Time, r.TimeLevels,
            r.VisitOrdering?.RuleName, r.VisitOrdering is { } order ? RweStatsInputException.NameSettings(order.Description, naming) : null,
            r.Baseline, c.Converged, c.Iterations,
            new ConvergenceJson(c.Criterion, c.MaxAbsGradient, c.HessianPositiveDefinite, c.Evaluations, c.Message, c.StartsTried, c.StartsAtBest, c.BestStart),
            new DimensionsJson(r.CovarianceParameters.Count, r.DesignColumns, r.DesignRank),
            r.FitStatistics,
            r.CovarianceParameters.Select(p => new CovarianceParameterJson(p.Name, p.Group, p.Estimate, p.StdError, p.OnBoundary)).ToList(),
            r.FixedEffects.Select(f => new FixedEffectJson(f.Term, f.Effect, f.Levels, f.Aliased, f.Result)).ToList(),
            r.Type3Tests,
            r.LsMeans.Select(l => new LsMeanJson(l.Effect, l.Levels, l.Result is not null, l.Result)).ToList(),
            r.LsMeanDifferences.Select(d => new LsMeanDifferenceJson(d.Effect, d.Levels, d.OtherLevels, d.Result, spec, d.AdjustedPValue)).ToList(),
            r.VisitContrasts.Select(v => new VisitContrastJson(v.Label, v.Visit, v.Baseline, v.Result, spec, v.AdjustedPValue)).ToList(),
            r.Contrasts.Select(k => new ContrastJson(k.Label, k.Kind,
                k.Rows.Select(row => new ContrastRowJson(row.Expression, row.Result is not null, row.Result)).ToList(),
                k.Test?.NumDf, k.Test?.DenDf, k.Test?.FValue, k.Test?.PValue)).ToList(),
            r.CovarianceSelection is { } sel ? Selection(sel) : null,
            r.Blups,
            r.Residuals?.Select(x => new ResidualJson(x.Subject, x.Visit, x.Observed, x.PredictedMarginal, x.PredictedConditional,
                x.ResidualMarginal, x.ResidualConditional, x.PearsonMarginal, x.PearsonConditional, x.Scaled)).ToList(),
            r.Notes.Select(n => RweStatsInputException.NameSettings(n, naming)).ToList());
    }

    static SelectionJson Selection(CovarianceSelectionResult sel) => new(
        sel.Criterion.ToLowerInvariant(), sel.Selected, sel.Reason,
        sel.Candidates.Select(c => new CandidateJson(c.Candidate.Label, c.SasType, c.Candidate.RandomIntercept, c.Converged,
            c.Neg2LogLikelihood, c.Parameters, c.Aic, c.Aicc, c.Bic, c.Candidate.Label == sel.Selected, c.Converged ? null : c.Message)).ToList(),
        sel.Tests.Select(t => new LikelihoodRatioTestJson(t.Reduced, t.Full, t.ChiSquare, t.Df, t.PValue, t.BoundaryMixture)).ToList());
}
