using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RweStats.Data;
using RweStats.Estimands;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Cli;

/// <summary>
/// "rwestats impute": an estimand analysis by reference-based imputation (rbmi's draws, impute, analyse, pool): the
/// imputation MMRM on the data before the intercurrent events, imputation by strategy and reference arm, ANCOVA of
/// each completed data set at each visit, pooled by the jackknife, the bootstrap or Rubin's rules; delta adjustment and
/// a tipping-point grid with its figure.
/// </summary>
public sealed class ImputeCommand
{
    static readonly Choices<ImputationMethod> Methods = new(ImputationMethods.ByName.Keys.ToArray(), ImputationMethods.ByName.Values.ToArray());

    readonly SharedOptions o;
    readonly Option<string> group = SharedOptions.Text("--group", "ARM", "the treatment-arm column (a class term of --formula; two arms)", required: true);
    readonly Option<string[]> reference = SharedOptions.Repeatable("--reference", "LEVEL", "the reference arm of every arm; or ARM=LEVEL per arm (repeatable)");
    readonly Option<string> formula = SharedOptions.Text("--formula", "Y ~ TERMS", "the imputation model (an MMRM), e.g. \"CHANGE ~ THERAPY * VISIT + BASVAL * VISIT\"", required: true);
    readonly Option<string?> covariance = SharedOptions.Text("--covariance", "S", $"its covariance structure, one for all subjects: {string.Join('|', Covariance.CovarianceTypes.Codes)} (default un)", [.. Covariance.CovarianceTypes.Codes]);
    readonly Option<bool> covarianceByArm = SharedOptions.Flag("--covariance-by-arm", "one covariance matrix per arm (rbmi same_cov = FALSE)");
    readonly TypedOption<EstimationMethod> estimation = SharedOptions.Choice("--estimation", "how the imputation model is fitted (default reml)", ModelOptions.MethodChoices);
    readonly Option<string?> ice = SharedOptions.Text("--ice", "FILE", "intercurrent events: one row per subject with columns named as --subject and --time (the first visit affected) and an optional 'strategy' column");
    readonly Option<string?> strategy = SharedOptions.Text("--strategy", "S", "strategy of events without one: MAR, JR, CR, CIR or LMCF (default MAR)", "MAR", "JR", "CR", "CIR", "LMCF");
    readonly TypedOption<ImputationMethod> method = SharedOptions.Choice("--method", "condmean-jackknife (default), condmean-bootstrap, approx-bayes", Methods);
    readonly TypedOption<double> samples = SharedOptions.Number("--samples", "N", "bootstrap samples or imputations (default 1000)");
    readonly TypedOption<double> seed = SharedOptions.Number("--seed", "N", "seed of the random methods (default 20240101); same seed, same numbers");
    readonly TypedOption<double> threads = SharedOptions.Number("--threads", "N", "samples analysed at once (default: one per processor); no effect on the numbers");
    static readonly Choices<AnalysisModel> Analyses = new(AnalysisModels.ByName.Keys.ToArray(), AnalysisModels.ByName.Values.ToArray());
    readonly TypedOption<AnalysisModel> analysisModel = SharedOptions.Choice("--analysis", "analysis of each completed data set: ancova (default; at each visit, outcome ~ arm + covariates) or mmrm (outcome ~ arm * visit + covariates, the visit contrasts)", Analyses);
    readonly Option<string?> analysisCovariates = SharedOptions.Text("--analysis-covariates", "C", "covariates of the analysis besides the arm (comma-separated)");
    readonly Option<string[]> delta = SharedOptions.Repeatable("--delta", "ARM=SHIFT", "add SHIFT to the imputed values of ARM at every visit (repeatable; ARM=SHIFT@VISIT for one visit)");
    readonly Option<string?> tippingArm = SharedOptions.Text("--tipping-arm", "ARM", "tipping-point grid: shift the imputed values of ARM ...");
    readonly Option<string?> tippingVisit = SharedOptions.Text("--tipping-visit", "V", "... and test the treatment difference at visit V (default: the last visit)");
    readonly Option<string?> tippingGrid = SharedOptions.Text("--tipping-grid", "A:B:N", "... over N equally spaced shifts from A to B (default -10:10:41)");
    readonly Option<string?> figure = SharedOptions.Text("--figure", "FILE.png", "the tipping-point figure (.png at 600 dpi, .svg or .pdf)");

    public ToolCommand Command { get; }

    public ImputeCommand(SharedOptions shared)
    {
        o = shared;
        Command = new ToolCommand("impute", "estimands: reference-based imputation (MAR, JR, CR, CIR, LMCF), tipping points")
        {
            Details = """
                  The JSON holds "results": [{"parameter": "trt" | "lsm_ref" | "lsm_alt", "visit", "estimate",
                  "std_error", "lower", "upper", "p_value"}] with rbmi's naming: "ref" is the first arm in the data's level
                  order, "alt" the second, "trt" = alt - ref (the "arms" entry names them). docs/estimands.md describes
                  the method.
                """,
        };
        foreach (var option in new Option[] { o.Data, o.Subject, o.Time, group, reference, formula, covariance, covarianceByArm, estimation, ice, strategy,
                     method, samples, seed, threads, analysisModel, analysisCovariates, delta, tippingArm, tippingVisit, tippingGrid, figure, o.Alpha, o.TimeOrder,
                     o.Class, o.Ref, o.MaxIterations }.Concat(o.DataSource.Skip(1)).Concat(o.Report))
            Command.Options.Add(option);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output));
    }

    int Run(ParseResult a, TextWriter stdout)
    {
        string arm = a.GetRequiredValue(group), subject = a.GetRequiredValue(o.Subject), time = a.GetRequiredValue(o.Time);
        var covariance = (a.GetValue(this.covariance) ?? "un").ToLowerInvariant();
        if (!Covariance.CovarianceTypes.Codes.Contains(covariance))
            throw new RweStatsInputException($"--covariance '{covariance}' is not a structure; use one of: {string.Join(", ", Covariance.CovarianceTypes.Codes)}");
        var refs = ModelOptions.References(a.GetValue(o.Ref)!);
        var model = new MixedModelSpec
        {
            Formula = a.GetRequiredValue(formula), Subject = subject, Time = time,
            TimeOrder = a.GetValue(o.TimeOrder)?.Split(',', StringSplitOptions.TrimEntries),
            Covariance = covariance, Group = a.GetValue(covarianceByArm) ? arm : null,
            Method = estimation.Get(a) ?? EstimationMethod.Reml,
            ClassVariables = a.GetValue(o.Class)!.ToList(), References = refs,
            MaxIterations = (int)(o.MaxIterations.Get(a) ?? 50),
        };
        string? defaultReference = null;
        var references = new Dictionary<string, string>();
        foreach (var r in a.GetValue(reference)!)
        {
            int eq = r.IndexOf('=');
            if (eq < 0) defaultReference = r;
            else if (eq == 0 || eq == r.Length - 1) throw new RweStatsInputException($"--reference '{r}': write LEVEL, or ARM=LEVEL");
            else references[r[..eq]] = r[(eq + 1)..];
        }
        var table = ModelOptions.Read(a, o);
        var events = a.GetValue(ice) is { } icePath ? IntercurrentEvents.Read(TableReader.Read(new TableSource(icePath)), subject, time) : Array.Empty<IntercurrentEvent>();
        var strategy = a.GetValue(this.strategy) is { } code ? ImputationStrategies.Parse(code, "--strategy") : ImputationStrategy.MissingAtRandom;
        var samples = this.samples.Get(a) ?? 1000;
        if (samples != Math.Floor(samples) || samples < 2 || samples > 1e6)
            throw new RweStatsInputException($"--samples '{Given(a, this.samples)}': give a whole number from 2 to 1000000");
        var seed = this.seed.Get(a) ?? 20240101;
        if (seed != Math.Floor(seed) || seed < 0)
            throw new RweStatsInputException($"--seed '{Given(a, this.seed)}': give a whole number >= 0");
        var spec = new EstimandSpec
        {
            Model = model, Arm = arm, References = references, DefaultReference = defaultReference, Events = events, DefaultStrategy = strategy,
            Method = method.Get(a) ?? ImputationMethod.ConditionalMeanJackknife, Samples = (int)samples, Seed = (ulong)seed,
            Analysis = analysisModel.Get(a) ?? AnalysisModel.Ancova,
            AnalysisCovariates = a.GetValue(analysisCovariates)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>(),
            Delta = a.GetValue(delta)!.Select(Delta).ToList(),
            Alpha = o.Alpha.Get(a) ?? 0.05,
            Threads = Threads(a),
        };
        if (references.Count == 0 && defaultReference is null && (events.Any(e => e.Strategy is { } s && s != ImputationStrategy.MissingAtRandom) || (events.Count > 0 && strategy != ImputationStrategy.MissingAtRandom)))
            throw new RweStatsInputException("a reference-based strategy needs the reference arm: give --reference LEVEL (or ARM=LEVEL per arm)");

        var analysis = ReferenceBasedImputation.Run(table, spec);
        var results = analysis.Pool();
        TippingPointAnalysis? tipping = null;
        if (a.GetValue(this.tippingArm) is { } tippingArm)
        {
            var (from, to, count) = Grid(a.GetValue(tippingGrid) ?? "-10:10:41");
            var shifts = Enumerable.Range(0, count).Select(i => count == 1 ? from : from + (to - from) * i / (count - 1)).ToList();
            tipping = analysis.TippingPoint(tippingArm, a.GetValue(tippingVisit) ?? analysis.Data.Visits[^1], shifts);
            if (a.GetValue(this.figure) is { } figure)
            {
                var full = Path.GetFullPath(figure);
                if (!Directory.Exists(Path.GetDirectoryName(full)))
                    throw new RweStatsInputException($"--figure {figure}: folder '{Path.GetDirectoryName(full)}' does not exist");
                var format = Path.GetExtension(full).ToLowerInvariant() switch
                {
                    ".png" => Figures.FigureFormats.Png, ".svg" => Figures.FigureFormats.Svg, ".pdf" => Figures.FigureFormats.Pdf,
                    _ => throw new RweStatsInputException($"--figure {figure}: name a .png, .svg or .pdf file"),
                };
                var drawing = new Figures.TippingPointFigure
                {
                    Analysis = tipping, Outcome = Formula.Parse(model.Formula).Response,
                    Difference = $"{analysis.Data.Arms[1]} − {analysis.Data.Arms[0]}",
                };
                Figures.FigureWriter.Write(drawing, Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full), format, pngDpi: 600);
            }
        }
        else if (a.GetValue(figure) is not null || a.GetValue(tippingVisit) is not null || a.GetValue(tippingGrid) is not null)
            throw new RweStatsInputException("--figure, --tipping-visit and --tipping-grid belong to a tipping-point analysis: give --tipping-arm ARM");

        var text = ModelOptions.Format(a, o) == "json" ? Json(analysis, results, tipping) + "\n" : Text(analysis, results, tipping);
        ModelOptions.Write(a, o, text, stdout);
        return 0;
    }

    int? Threads(ParseResult a)
    {
        if (this.threads.Get(a) is not { } threads) return null;
        if (threads < 1 || threads > 1024 || threads != Math.Floor(threads))
            throw new RweStatsInputException($"--threads '{Given(a, this.threads)}': give a whole number from 1 to 1024");
        return (int)threads;
    }

    /// <summary>The value as the user typed it, for an error message.</summary>
    static string Given(ParseResult a, Option option) => a.GetResult(option)?.Tokens is [.., var last] ? last.Value : "";

    static DeltaAdjustment Delta(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new RweStatsInputException($"--delta '{text}': write ARM=SHIFT or ARM=SHIFT@VISIT");
        var rest = text[(eq + 1)..];
        int at = rest.IndexOf('@');
        var shiftText = at < 0 ? rest : rest[..at];
        if (!double.TryParse(shiftText, NumberStyles.Float, CultureInfo.InvariantCulture, out var shift) || !double.IsFinite(shift))
            throw new RweStatsInputException($"--delta '{text}': '{shiftText}' is not a number");
        return new DeltaAdjustment(shift, text[..eq], at < 0 ? null : new[] { rest[(at + 1)..] });
    }

    static (double from, double to, int count) Grid(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 3 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from) &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var to) &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= 100000 && double.IsFinite(from) && double.IsFinite(to))
            return (from, to, count);
        throw new RweStatsInputException($"--tipping-grid '{text}': write FROM:TO:N, e.g. -10:10:41");
    }

    static string Method(ImputationMethod m) => Methods.Name(m);

    static string Json(EstimandAnalysis analysis, IReadOnlyList<PooledEstimate> results, TippingPointAnalysis? tipping)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", Method(analysis.Spec.Method));
            w.WriteNumber("samples", analysis.SampleCount);
            if (analysis.Spec.Analysis != AnalysisModel.Ancova)
            {
                // Written only for an analysis other than the default, so that the ANCOVA's JSON stays as it was.
                w.WriteString("analysis", analysis.Spec.Analysis.Name());
                w.WriteString("analysis_formula", analysis.AnalysisFormula);
            }
            w.WriteStartObject("arms");
            w.WriteString("ref", analysis.Data.Arms[0]);
            w.WriteString("alt", analysis.Data.Arms[1]);
            w.WriteEndObject();
            w.WriteNumber("subjects", analysis.Data.SubjectCount);
            w.WriteStartArray("results");
            foreach (var r in results) WriteResult(w, r);
            w.WriteEndArray();
            if (tipping is not null)
            {
                w.WriteStartObject("tipping_point");
                w.WriteString("arm", tipping.Arm);
                w.WriteString("visit", tipping.Visit);
                w.WriteNumber("alpha", tipping.Alpha);
                if (tipping.TippingShift is { } s) w.WriteNumber("tipping_shift", s); else w.WriteNull("tipping_shift");
                w.WriteStartArray("grid");
                foreach (var row in tipping.Grid)
                {
                    w.WriteStartObject();
                    w.WriteNumber("shift", row.Shift);
                    WriteFields(w, row.Result);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteResult(Utf8JsonWriter w, PooledEstimate r)
    {
        w.WriteStartObject();
        w.WriteString("parameter", r.Parameter);
        w.WriteString("visit", r.Visit);
        WriteFields(w, r);
        w.WriteEndObject();
    }

    static void WriteFields(Utf8JsonWriter w, PooledEstimate r)
    {
        w.WriteNumber("estimate", r.Estimate);
        w.WriteNumber("std_error", r.StdError);
        w.WriteNumber("lower", r.Lower);
        w.WriteNumber("upper", r.Upper);
        w.WriteNumber("p_value", r.PValue);
        if (r.Df is { } df) w.WriteNumber("df", df);
    }

    static string Text(EstimandAnalysis analysis, IReadOnlyList<PooledEstimate> results, TippingPointAnalysis? tipping)
    {
        var sb = new StringBuilder();
        var data = analysis.Data;
        string F(double x) => NumberColumns.Fixed(x, 4);
        sb.AppendLine($"Reference-based imputation: {Method(analysis.Spec.Method)}, {analysis.SampleCount} analysed data sets, {data.SubjectCount} subjects");
        sb.AppendLine($"Imputation model: {analysis.Spec.Model.Formula}, covariance {data.Fit.Structure.SasType}, -2 log-likelihood {data.Fit.Neg2LogLikelihood.ToString("F4", CultureInfo.InvariantCulture)}");
        var strategies = Enumerable.Range(0, data.SubjectCount).Where(s => data.FirstAffected[s] < data.VisitCount || data.Strategy[s] != ImputationStrategy.MissingAtRandom)
            .GroupBy(s => data.Strategy[s]).Select(g => $"{g.Key.Code()} {g.Count()}");
        sb.AppendLine($"Intercurrent events: {string.Join(", ", strategies.DefaultIfEmpty("none"))}; reference arms: {string.Join(", ", data.Arms.Select((arm, k) => $"{arm} -> {data.Arms[data.ReferenceArm[k]]}"))}");
        if (analysis.AnalysisFormula is { } mmrm)
            sb.AppendLine($"MMRM of each completed data set: {mmrm}, covariance {data.Fit.Structure.SasType}, REML; LS means at each visit; ref = {data.Arms[0]}, alt = {data.Arms[1]}, trt = alt - ref");
        else
            sb.AppendLine($"ANCOVA at each visit: {analysis.Spec.Model.Formula.Split('~')[0].Trim()} ~ {analysis.Spec.Arm}{string.Concat(analysis.Spec.AnalysisCovariates.Select(c => " + " + c))}; ref = {data.Arms[0]}, alt = {data.Arms[1]}, trt = alt - ref");
        sb.AppendLine();
        sb.AppendLine($"{"parameter",-10} {"visit",-10} {"estimate",12} {"std error",12} {"lower",12} {"upper",12} {"p-value",10}");
        foreach (var r in results)
            sb.AppendLine($"{r.Parameter,-10} {r.Visit,-10} {F(r.Estimate),12} {F(r.StdError),12} {F(r.Lower),12} {F(r.Upper),12} {NumberColumns.PValue(r.PValue),10}");
        if (tipping is not null)
        {
            sb.AppendLine();
            sb.AppendLine($"Tipping point: shift of the imputed values of {tipping.Arm}, treatment difference at visit {tipping.Visit}");
            sb.AppendLine($"{"shift",10} {"estimate",12} {"lower",12} {"upper",12} {"p-value",10}");
            foreach (var row in tipping.Grid)
                sb.AppendLine($"{F(row.Shift),10} {F(row.Result.Estimate),12} {F(row.Result.Lower),12} {F(row.Result.Upper),12} {NumberColumns.PValue(row.Result.PValue),10}");
            sb.AppendLine(tipping.TippingShift is { } s
                ? $"The conclusion at alpha = {tipping.Alpha.ToString(CultureInfo.InvariantCulture)} changes at a shift of {s.ToString("G4", CultureInfo.InvariantCulture)}."
                : $"The conclusion at alpha = {tipping.Alpha.ToString(CultureInfo.InvariantCulture)} does not change over the grid.");
        }
        return sb.ToString();
    }
}
