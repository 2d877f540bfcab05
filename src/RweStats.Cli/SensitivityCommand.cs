using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Cli;

/// <summary>
/// "rwestats sensitivity": how much the visit-versus-baseline conclusions depend on the small-sample
/// machinery. For each outcome, the mean and covariance model is fitted once and asked for every combination of
/// denominator-df method (residual, containment, between-within, Satterthwaite, Kenward–Roger) and
/// standard-error method (model-based, empirical); every visit contrast's p-value is shown side by side.
/// A combination that is not defined (Kenward–Roger with empirical standard errors) or fails is reported as
/// not available, with the reason.
/// </summary>
public sealed class SensitivityCommand
{
    readonly SharedOptions o;
    readonly Option<string[]> outcome = SharedOptions.Repeatable("--outcome", "Y", "outcome column (repeatable): one model per outcome");
    readonly Option<string?> formula = SharedOptions.Text("--formula", "~ TERMS", "right-hand side of the model (default: ~ TIME); \"Y ~ TERMS\" without --outcome uses Y");

    public ToolCommand Command { get; }

    public SensitivityCommand(SharedOptions shared)
    {
        o = shared;
        Command = new ToolCommand("sensitivity", "visit-contrast p-values under every df method x model/empirical SEs")
        {
            Details = """
                  Prints, for each outcome, every visit-versus-baseline contrast (e.g. M6 - M0, M12 - M0) with its
                  p-value under each df method (residual, containment, between-within, satterthwaite, kenward-roger)
                  with model-based and with empirical (sandwich) standard errors. The data are read as 'rwestats fit'
                  reads them, with the same data and covariance options; from pattern sums (--push-down, or a database
                  without --pull-rows) the combinations that need the rows (empirical standard errors, between-within
                  df) are shown as not available, with the reason.
                """,
        };
        foreach (var option in new Option[] { o.Data }.Concat(o.Model.Take(2)).Append(outcome).Append(formula)
                     .Concat(o.DataSource.Skip(1)).Concat(o.Database).Concat(o.Model.Skip(2)).Concat(o.Report))
            Command.Options.Add(option);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
    }

    public static readonly IReadOnlyList<DfMethod> DfMethods = new[]
    {
        DfMethod.Residual, DfMethod.Containment, DfMethod.BetweenWithin, DfMethod.Satterthwaite, DfMethod.KenwardRoger,
    };
    public static readonly IReadOnlyList<StdErrorMethod> ErrorMethods = new[] { StdErrorMethod.Model, StdErrorMethod.Empirical };


    public sealed record Cell(DfMethod Df, StdErrorMethod Errors, EstimateResult? Result, string? Message);
    public sealed record ContrastRow(string Label, string Visit, string Baseline, IReadOnlyList<Cell> Cells);
    public sealed record OutcomeResult(string Outcome, string Formula, string Covariance, string? Selection, IReadOnlyList<ContrastRow> Contrasts, IReadOnlyList<string> Notes)
    {
        /// <summary>The outcome as the reports name it: with the data's label when there is one ("AVAL — Analysis Value").</summary>
        public string Title { get; init; } = Outcome;
    }

    int Run(ParseResult a, TextWriter stdout, TextWriter stderr)
    {
        string time = a.GetRequiredValue(o.Time);
        var (outcomes, rhs) = Outcomes(a, time);
        var format = ModelOptions.Format(a, o);
        // The data as "fit" reads them: a file in any format, a database, or the sums pushed down (--push-down).
        var data = FittingData.Open(a, o, stderr);
        using var progress = FitProgressLine.For(a.GetValue(o.Quiet), stderr);
        var results = outcomes.Select(y =>
        {
            var spec = data.Prepare(ModelOptions.Spec(a, o, $"{y} ~ {rhs}")) with { Progress = progress };
            var candidates = spec.Covariance == "auto" ? ModelOptions.Candidates(a, o) : [];
            return Analyse(data.Models(a, o, spec, stderr), spec, candidates, ModelOptions.SelectBy(a, o));
        }).ToList();
        var text = format == "json" ? Json(results) + "\n" : Text(results);
        ModelOptions.Write(a, o, text, stdout);
        return 0;
    }

    (IReadOnlyList<string> outcomes, string rhs) Outcomes(ParseResult a, string time)
    {
        var formula = a.GetValue(this.formula);
        string rhs = time;
        string? response = null;
        if (formula is not null)
        {
            int tilde = formula.IndexOf('~');
            if (tilde < 0) throw new RweStatsInputException($"--formula '{formula}': write the right-hand side as \"~ TERMS\"");
            rhs = formula[(tilde + 1)..].Trim();
            if (formula[..tilde].Trim() is { Length: > 0 } lhs) response = lhs;
            if (rhs.Length == 0) throw new RweStatsInputException($"--formula '{formula}': no terms after '~'");
        }
        var outcomes = a.GetValue(outcome)!.ToList();
        if (outcomes.Count == 0 && response is not null) outcomes.Add(response);
        if (outcomes.Count == 0) throw new RweStatsInputException("missing required option '--outcome' (repeat it for several outcomes)");
        return (outcomes, rhs);
    }

    public static OutcomeResult Analyse(DataTable table, MixedModelSpec baseSpec) =>
        Analyse(s => MixedModelFitter.FitModel(table, s), baseSpec, CovarianceSelection.Expand(CovarianceSelection.DefaultStructures), SelectionCriterion.Aic);

    /// <summary>
    /// The table of one outcome from its models (fitted on rows or on pattern sums): a model fitted from sums has no rows,
    /// so the combinations that need them (empirical standard errors, between-within df) are reported as not available.
    /// </summary>
    /// <param name="candidates">The structures compared when the spec's covariance is "auto" (--candidates).</param>
    /// <param name="criterion">How they are compared (--select-by).</param>
    public static OutcomeResult Analyse(Func<MixedModelSpec, MixedModel> fitData, MixedModelSpec baseSpec,
        IReadOnlyList<CovarianceCandidate> candidates, SelectionCriterion criterion)
    {
        var spec = baseSpec;
        string? selection = null;
        MixedModel? selected = null;
        var notes = new List<string>();
        if (spec.Covariance == "auto")
        {
            var sel = CovarianceSelection.Compare(fitData, spec, candidates, criterion);
            if (sel.Selected is null) throw new RweStatsInputException($"{spec.Formula}: --covariance auto: no candidate converged");
            var chosen = sel.Candidates.First(c => c.Candidate.Label == sel.Selected).Candidate;
            spec = spec with { Covariance = chosen.Covariance, RandomIntercept = chosen.RandomIntercept };
            selection = sel.Reason;
            selected = CovarianceSelection.Fitted(sel, spec);
        }
        // One optimisation; every df method and error method is asked of the same fitted model.
        MixedModel? model = null;
        string? fitError = null;
        try { model = selected ?? fitData(spec); }
        catch (RweStatsInputException e) { fitError = e.MessageNaming(ModelOptions.OptionName); }
        var fits = new List<(DfMethod df, StdErrorMethod se, MixedModelResult? fit, string? error)>();
        foreach (var se in ErrorMethods)
            foreach (var df in DfMethods)
            {
                if (model is null) { fits.Add((df, se, null, fitError)); continue; }
                if (model.Frame.Summary is not null && PatternSums.RowsNeeded(spec with { Df = df, StdErrors = se }) is { } needs)
                {
                    fits.Add((df, se, null, $"{RweStatsInputException.NameSettings(needs, ModelOptions.OptionName)} need(s) the rows, which are not read when the sums are computed where the data are (drop --push-down, or --pull-rows for a database)"));
                    continue;
                }
                try { fits.Add((df, se, model.Result(spec with { Df = df, StdErrors = se }), null)); }
                catch (RweStatsInputException e) { fits.Add((df, se, null, e.MessageNaming(ModelOptions.OptionName))); }
            }
        var reference = fits.FirstOrDefault(f => f.fit is not null).fit
            ?? throw new RweStatsInputException($"{spec.Formula}: no combination could be fitted ({fits[0].error})");
        foreach (var n in reference.Notes.Where(n => !n.StartsWith("Standard errors are empirical") && !n.StartsWith("Between-within") && !n.StartsWith("Kenward-Roger:")))
            notes.Add(RweStatsInputException.NameSettings(n, ModelOptions.OptionName));
        var rows = reference.VisitContrasts.Select(v => new ContrastRow(v.Label, v.Visit, v.Baseline,
            fits.Select(f => new Cell(f.df, f.se, f.fit?.VisitContrasts.FirstOrDefault(x => x.Label == v.Label)?.Result, f.error)).ToList())).ToList();
        string cov = reference.CovarianceSasType + (spec.RandomIntercept ? " + random intercept" : "");
        return new OutcomeResult(reference.Response, spec.Formula, cov, selection, rows, notes) { Title = FitText.Outcome(reference) };
    }

    static string Label(DfMethod df) => DfMethodNames.Name(df);

    public static string Json(IReadOnlyList<OutcomeResult> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("command", "sensitivity");
            w.WriteStartArray("df_methods");
            foreach (var d in DfMethods) w.WriteStringValue(Label(d));
            w.WriteEndArray();
            w.WriteStartArray("std_error_methods");
            foreach (var e in ErrorMethods) w.WriteStringValue(e == StdErrorMethod.Model ? "model" : "empirical");
            w.WriteEndArray();
            w.WriteStartArray("outcomes");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("response", r.Outcome);
                w.WriteString("formula", r.Formula);
                w.WriteString("covariance", r.Covariance);
                if (r.Selection is not null) w.WriteString("covariance_selection", r.Selection);
                w.WriteStartArray("contrasts");
                foreach (var c in r.Contrasts)
                {
                    w.WriteStartObject();
                    w.WriteString("label", c.Label);
                    w.WriteString("visit", c.Visit);
                    w.WriteString("baseline", c.Baseline);
                    w.WriteStartArray("results");
                    foreach (var cell in c.Cells)
                    {
                        w.WriteStartObject();
                        w.WriteString("df_method", Label(cell.Df));
                        w.WriteString("std_error_method", cell.Errors == StdErrorMethod.Model ? "model" : "empirical");
                        w.WriteBoolean("available", cell.Result is not null);
                        FitJson.Number(w, "estimate", cell.Result?.Estimate);
                        FitJson.Number(w, "std_error", cell.Result?.StdError);
                        FitJson.Number(w, "df", cell.Result?.Df);
                        FitJson.Number(w, "t_value", cell.Result?.TValue);
                        FitJson.Number(w, "p_value", cell.Result?.PValue);
                        if (cell.Result is null) w.WriteString("message", cell.Message ?? "not estimable");
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("notes");
                foreach (var n in r.Notes) w.WriteStringValue(n);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Text(IReadOnlyList<OutcomeResult> results)
    {
        var s = new StringBuilder();
        foreach (var r in results)
        {
            s.AppendLine($"Sensitivity of visit contrasts: {r.Title}");
            s.AppendLine($"  Model: {r.Formula}; covariance {r.Covariance}");
            if (r.Selection is not null) s.AppendLine("  " + r.Selection);
            s.AppendLine();
            foreach (var se in ErrorMethods)
            {
                s.AppendLine(se == StdErrorMethod.Model ? "p-values, model-based standard errors" : "p-values, empirical (sandwich) standard errors");
                var header = new[] { "Contrast", "Estimate" }.Concat(DfMethods.Select(Label)).ToArray();
                FitText.Table(s, header, r.Contrasts.Select(c =>
                {
                    var cells = c.Cells.Where(x => x.Errors == se).ToList();
                    var est = cells.FirstOrDefault(x => x.Result is not null)?.Result?.Estimate;
                    return new[] { c.Label, FitText.F(est, "F4") }
                        .Concat(DfMethods.Select(d => cells.First(x => x.Df == d).Result is { } e ? $"{FitText.P(e.PValue)} (df {FitText.F(e.Df, "F1")})" : "n/a")).ToArray();
                }));
            }
            var unavailable = r.Contrasts.SelectMany(c => c.Cells).Where(c => c.Result is null && c.Message is not null)
                .Select(c => $"{Label(c.Df)} / {(c.Errors == StdErrorMethod.Model ? "model" : "empirical")}: {c.Message}").Distinct().ToList();
            if (unavailable.Count + r.Notes.Count > 0)
            {
                s.AppendLine("Notes");
                foreach (var n in unavailable.Concat(r.Notes)) s.AppendLine("  - " + n);
                s.AppendLine();
            }
        }
        return s.ToString();
    }
}
