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
public static class ImputeCommand
{
    public const string Usage = """
        rwestats impute --data FILE --subject COL --time COL --group ARM --reference LEVEL --formula "Y ~ ..." [options]

          --group ARM              the treatment-arm column (a class term of --formula; two arms)
          --reference LEVEL        the reference arm of every arm; or ARM=LEVEL per arm (repeatable)
          --formula "Y ~ TERMS"    the imputation model (an MMRM), e.g. "CHANGE ~ THERAPY * VISIT + BASVAL * VISIT"
          --covariance S           its covariance structure (default un), one for all subjects
          --covariance-by-arm      one covariance matrix per arm (rbmi same_cov = FALSE)
          --estimation reml|ml     how the imputation model is fitted (default reml)
          --ice FILE               intercurrent events: one row per subject with columns named as --subject and
                                   --time (the first visit affected) and an optional 'strategy' column
          --strategy S             strategy of events without one: MAR, JR, CR, CIR or LMCF (default MAR)
          --method M               condmean-jackknife (default), condmean-bootstrap, approx-bayes
          --samples N              bootstrap samples or imputations (default 1000)
          --seed N                 seed of the random methods (default 20240101); same seed, same numbers
          --threads N              samples analysed at once (default: one per processor); no effect on the numbers
          --analysis-covariates C  covariates of the ANCOVA at each visit besides the arm (comma-separated)
          --delta ARM=SHIFT        add SHIFT to the imputed values of ARM at every visit (repeatable; ARM=SHIFT@VISIT
                                   for one visit)
          --tipping-arm ARM        tipping-point grid: shift the imputed values of ARM ...
          --tipping-visit V        ... and test the treatment difference at visit V (default: the last visit)
          --tipping-grid A:B:N     ... over N equally spaced shifts from A to B (default -10:10:41)
          --figure FILE.png        the tipping-point figure (.png at 600 dpi, .svg or .pdf)
          --alpha A                1 - confidence level and test level (default 0.05)
          --time-order V1,V2,...   visit order; --class, --ref, --max-iterations, --data-format, --where,
                                   --decimal-comma as for 'rwestats fit'
          --format text|json       output format (default text); --out FILE writes it to FILE

        The JSON holds "results": [{"parameter": "trt" | "lsm_ref" | "lsm_alt", "visit", "estimate",
        "std_error", "lower", "upper", "p_value"}] with rbmi's naming: "ref" is the first arm in the data's level
        order, "alt" the second, "trt" = alt - ref (the "arms" entry names them).
        """;

    static readonly IReadOnlySet<string> ValueOptions = new HashSet<string>
    {
        "--data", "--subject", "--time", "--group", "--reference", "--formula", "--covariance", "--estimation", "--ice", "--strategy",
        "--method", "--samples", "--seed", "--threads", "--analysis-covariates", "--delta", "--tipping-arm", "--tipping-visit", "--tipping-grid",
        "--figure", "--alpha", "--time-order", "--class", "--ref", "--max-iterations", "--data-format", "--where", "--member", "--query",
        "--format", "--out",
    };
    static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--covariance-by-arm", "--decimal-comma" };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ValueOptions, Flags);
        if (a.Positional.Count > 0)
            throw new RweStatsInputException($"unexpected argument '{a.Positional[0]}'; options start with --");
        string arm = a.Required("--group"), subject = a.Required("--subject"), time = a.Required("--time");
        var covariance = (a.Value("--covariance") ?? "un").ToLowerInvariant();
        if (!Covariance.CovarianceTypes.Codes.Contains(covariance))
            throw new RweStatsInputException($"--covariance '{covariance}' is not a structure; use one of: {string.Join(", ", Covariance.CovarianceTypes.Codes)}");
        var refs = new Dictionary<string, string>();
        foreach (var r in a.Values("--ref"))
        {
            int eq = r.IndexOf('=');
            if (eq <= 0 || eq == r.Length - 1) throw new RweStatsInputException($"--ref '{r}': write it as COL=LEVEL");
            refs[r[..eq]] = r[(eq + 1)..];
        }
        var model = new MixedModelSpec
        {
            Formula = a.Required("--formula"), Subject = subject, Time = time,
            TimeOrder = a.Value("--time-order")?.Split(',', StringSplitOptions.TrimEntries),
            Covariance = covariance, Group = a.Flag("--covariance-by-arm") ? arm : null,
            Method = a.Choice("--estimation", ModelOptions.MethodChoices, EstimationMethod.Reml),
            ClassVariables = a.Values("--class").ToList(), References = refs,
            MaxIterations = (int)a.Number("--max-iterations", 50),
        };
        string? defaultReference = null;
        var references = new Dictionary<string, string>();
        foreach (var r in a.Values("--reference"))
        {
            int eq = r.IndexOf('=');
            if (eq < 0) defaultReference = r;
            else if (eq == 0 || eq == r.Length - 1) throw new RweStatsInputException($"--reference '{r}': write LEVEL, or ARM=LEVEL");
            else references[r[..eq]] = r[(eq + 1)..];
        }
        var table = ModelOptions.Read(a);
        var events = a.Value("--ice") is { } ice ? IntercurrentEvents.Read(TableReader.Read(new TableSource(ice)), subject, time) : Array.Empty<IntercurrentEvent>();
        var strategy = a.Value("--strategy") is { } code ? ImputationStrategies.Parse(code, "--strategy") : ImputationStrategy.MissingAtRandom;
        var samples = a.Number("--samples", 1000);
        if (samples != Math.Floor(samples) || samples < 2 || samples > 1e6)
            throw new RweStatsInputException($"--samples '{a.Value("--samples")}': give a whole number from 2 to 1000000");
        var seed = a.Number("--seed", 20240101);
        if (seed != Math.Floor(seed) || seed < 0)
            throw new RweStatsInputException($"--seed '{a.Value("--seed")}': give a whole number >= 0");
        var spec = new EstimandSpec
        {
            Model = model, Arm = arm, References = references, DefaultReference = defaultReference, Events = events, DefaultStrategy = strategy,
            Method = a.Choice("--method", ImputationMethods.ByName, ImputationMethod.ConditionalMeanJackknife), Samples = (int)samples, Seed = (ulong)seed,
            AnalysisCovariates = a.Value("--analysis-covariates")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>(),
            Delta = a.Values("--delta").Select(Delta).ToList(),
            Alpha = a.Number("--alpha", 0.05),
            Threads = Threads(a),
        };
        if (references.Count == 0 && defaultReference is null && (events.Any(e => e.Strategy is { } s && s != ImputationStrategy.MissingAtRandom) || (events.Count > 0 && strategy != ImputationStrategy.MissingAtRandom)))
            throw new RweStatsInputException("a reference-based strategy needs the reference arm: give --reference LEVEL (or ARM=LEVEL per arm)");

        var analysis = ReferenceBasedImputation.Run(table, spec);
        var results = analysis.Pool();
        TippingPointAnalysis? tipping = null;
        if (a.Value("--tipping-arm") is { } tippingArm)
        {
            var (from, to, count) = Grid(a.Value("--tipping-grid") ?? "-10:10:41");
            var shifts = Enumerable.Range(0, count).Select(i => count == 1 ? from : from + (to - from) * i / (count - 1)).ToList();
            tipping = analysis.TippingPoint(tippingArm, a.Value("--tipping-visit") ?? analysis.Data.Visits[^1], shifts);
            if (a.Value("--figure") is { } figure)
            {
                var full = Path.GetFullPath(figure);
                if (!Directory.Exists(Path.GetDirectoryName(full)))
                    throw new RweStatsInputException($"--figure {figure}: folder '{Path.GetDirectoryName(full)}' does not exist");
                var format = Path.GetExtension(full).ToLowerInvariant() switch
                {
                    ".png" => Figures.FigureFormats.Png, ".svg" => Figures.FigureFormats.Svg, ".pdf" => Figures.FigureFormats.Pdf,
                    _ => throw new RweStatsInputException($"--figure {figure}: name a .png, .svg or .pdf file"),
                };
                var drawing = new TippingPointFigure
                {
                    Analysis = tipping, Outcome = Formula.Parse(model.Formula).Response,
                    Difference = $"{analysis.Data.Arms[1]} − {analysis.Data.Arms[0]}",
                };
                Figures.FigureWriter.Write(drawing, Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full), format, pngDpi: 600);
            }
        }
        else if (a.Value("--figure") is not null || a.Value("--tipping-visit") is not null || a.Value("--tipping-grid") is not null)
            throw new RweStatsInputException("--figure, --tipping-visit and --tipping-grid belong to a tipping-point analysis: give --tipping-arm ARM");

        var text = ModelOptions.Format(a) == "json" ? Json(analysis, results, tipping) + "\n" : Text(analysis, results, tipping);
        ModelOptions.Write(a, text, stdout);
        return 0;
    }

    static int? Threads(Arguments a)
    {
        if (a.Value("--threads") is null) return null;
        double threads = a.Number("--threads", 0);
        if (threads < 1 || threads > 1024 || threads != Math.Floor(threads))
            throw new RweStatsInputException($"--threads '{a.Value("--threads")}': give a whole number from 1 to 1024");
        return (int)threads;
    }

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

    static string Json(EstimandAnalysis analysis, IReadOnlyList<PooledEstimate> results, TippingPointAnalysis? tipping)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", analysis.Spec.Method.Name());
            w.WriteNumber("samples", analysis.SampleCount);
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
        sb.AppendLine($"Reference-based imputation: {analysis.Spec.Method.Name()}, {analysis.SampleCount} analysed data sets, {data.SubjectCount} subjects");
        sb.AppendLine($"Imputation model: {analysis.Spec.Model.Formula}, covariance {data.Fit.Structure.SasType}, -2 log-likelihood {data.Fit.Neg2LogLikelihood.ToString("F4", CultureInfo.InvariantCulture)}");
        var strategies = Enumerable.Range(0, data.SubjectCount).Where(s => data.FirstAffected[s] < data.VisitCount || data.Strategy[s] != ImputationStrategy.MissingAtRandom)
            .GroupBy(s => data.Strategy[s]).Select(g => $"{g.Key.Code()} {g.Count()}");
        sb.AppendLine($"Intercurrent events: {string.Join(", ", strategies.DefaultIfEmpty("none"))}; reference arms: {string.Join(", ", data.Arms.Select((arm, k) => $"{arm} -> {data.Arms[data.ReferenceArm[k]]}"))}");
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
