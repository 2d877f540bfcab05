using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RweStats.Claims;
using RweStats.Data;
using RweStats.Model;
using RweStats.Reporting;
using RweStats.Workflow;

namespace RweStats.Cli;

/// <summary>"rwestats verify CLAIMS.json": reviewer mode — which reported numbers the data reproduce, and under which analysis.</summary>
public sealed class VerifyCommand
{
    readonly Argument<string> claimsFile = new("CLAIMS.json") { Description = "the claims file (schema rwestats-claims/1)" };
    readonly Option<string?> outDir = SharedOptions.Text("--out", "DIR", "where verify.md, verify.json and the data files of the reproducing commands are written (default out/verify)");
    readonly TypedOption<double> top = SharedOptions.Number("--top", "N", "specifications listed per claim and in the ranking (default 10)");

    public ToolCommand Command { get; }

    public VerifyCommand()
    {
        Command = new ToolCommand("verify", "reviewer mode: check a paper's reported numbers against its data (CLAIMS.json)")
        {
            Details = """
                  Recomputes every number of a claims file (schema rwestats-claims/1: the analysis spec it refers to and the
                  reported values as printed) and judges each at its printed precision: reproduced, rounding slip, other
                  quantile definition, or not reproduced. Descriptive claims not reproduced are retried under other data
                  handlings (completers, LOCF, missing dose as 0, values after treatment stop excluded). Model claims
                  (p-values, estimates, SEs, df of named contrasts) are searched over residual structure (VC, CS, CSH, AR(1),
                  ARH(1), SP(POW), UN) x random intercept x REML/ML x df method x data handling. Claims of two-arm papers
                  ("kind": lsmean_difference, lsmean, type3 or fixed_effect, with "effect" and "levels") are searched the
                  same way and, with a "covariates" list in the claims file, over every subset of those covariates (and over
                  reference levels when a claim reads a fixed-effect row). Prints the verdicts and
                  writes verify.md, verify.json and the data files the reproducing commands use into DIR (default out/verify).
                """,
            ArgumentsError = "verify takes one claims file: rwestats verify CLAIMS.json",
        };
        Command.Arguments.Add(claimsFile);
        Command.Options.Add(outDir);
        Command.Options.Add(top);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output));
    }

    int Run(ParseResult a, TextWriter stdout)
    {
        var claims = ClaimsFile.Load(a.GetRequiredValue(claimsFile));
        var spec = AnalysisSpecReader.Load(claims.AnalysisSpecPath);
        StudyAnalysis.RefusePushDown(spec, "verify");
        int top = (int)(this.top.Get(a) ?? 10);
        var dir = a.GetValue(outDir) ?? "out/verify";
        var report = SpecificationSearch.Run(claims, spec, stdout.Write);
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        var commands = WriteDataFiles(report, dir);

        var text = Render(report, commands, top);
        stdout.Write(text);
        OutputFile.WriteAtomically(Path.Combine(dir, "verify.md"), text.Replace("\n  ", "\n    "));
        OutputFile.WriteAtomically(Path.Combine(dir, "verify.json"), Json(report, commands));
        stdout.WriteLine($"wrote {Path.GetFullPath(dir)} ({report.Fits} specifications from {report.ModelsFitted} model fits in {report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
        return 0;
    }

    /// <summary>For every (outcome, data handling) used by a reproducing or closest specification, the data file its command reads.</summary>
    static Dictionary<(string outcome, Specification spec), string> WriteDataFiles(VerifyReport report, string dir)
    {
        var commands = new Dictionary<(string, Specification), string>();
        var cache = new Dictionary<string, DataTable>();
        foreach (var search in report.ModelClaims)
        {
            var outcome = report.Spec.Outcomes.First(o => o.Name == search.Claim.Outcome);
            foreach (var s in search.Reproducing.Select(r => r.Specification).Concat(search.Closest is { } c ? new[] { c.Specification } : Array.Empty<Specification>()))
            {
                if (commands.ContainsKey((outcome.Name, s))) continue;
                var file = Path.Combine(dir, "data", $"{outcome.Name}_{s.DataHandling}.csv");
                if (!File.Exists(file) || !commands.Keys.Any(k => k.Item1 == outcome.Name && k.Item2.DataHandling == s.DataHandling))
                {
                    var (o, t) = DataHandling.Apply(s.DataHandling, report.Spec, outcome, StudyAnalysis.LoadOutcomeTable(report.Spec, outcome, cache));
                    OutputFile.WriteAtomically(file, DataCsv(report.Spec, o, t));
                }
                commands[(outcome.Name, s)] = SpecificationSearch.Command(report.Spec, outcome, s, file, report.Claims.Covariates);
            }
        }
        return commands;
    }

    /// <summary>The rows an outcome uses, with the columns the fit command needs.</summary>
    static string DataCsv(AnalysisSpec spec, OutcomeSpec outcome, DataTable table)
    {
        // The columns the fit command reads: roles, outcome and every column the model formula names (arm, covariates).
        var named = table.ColumnNames.Where(c => System.Text.RegularExpressions.Regex.IsMatch(outcome.Model.Formula, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(c)}(?![\w.])"));
        var cols = new[] { spec.Columns.Subject, spec.Columns.Visit, spec.Columns.TimeValue, outcome.Column }.Concat(named).Where(c => c is not null).Select(c => c!).Distinct().ToArray();
        var csv = new CsvText(cols);
        var filter = outcome.Rows;
        for (int i = 0; i < table.RowCount; i++)
        {
            if (filter is not null && !(table.Column(filter.Column, "rows")[i] is { } v && filter.Values.Contains(v))) continue;
            csv.Row(cols.Select(c => (object?)table.Column(c, "column")[i]).ToArray());
        }
        return csv.ToString();
    }

    static string Render(VerifyReport r, Dictionary<(string, Specification), string> commands, int top)
    {
        var s = new StringBuilder();
        s.AppendLine($"# Verification of {Path.GetFileName(r.Claims.Path)}");
        if (r.Claims.Source is not null) s.AppendLine($"Source: {r.Claims.Source}");
        s.AppendLine($"Analysis as specified: {Path.GetFileName(r.Spec.Path)}").AppendLine();
        s.AppendLine("## Claims recomputed as specified");
        FitText.Table(s, new[] { "Claim", "Reported", "Computed", "Verdict" },
            r.AsSpecified.Select(x => new[] { x.Claim.Describe(), x.Claim.Reported, x.Computed is { } c ? ClaimCheck.Format(c, x.Claim) : "-", ClaimCheck.VerdictText(x.Verdict) }));
        foreach (var x in r.AsSpecified.Where(x => x.Verdict != Verdict.Reproduced))
            s.AppendLine($"  - {x.Claim.Describe()}: {x.Reason}");
        s.AppendLine();
        if (r.DescriptiveAlternatives.Count > 0)
        {
            s.AppendLine("## Descriptive claims under other data handlings");
            foreach (var d in r.DescriptiveAlternatives)
                s.AppendLine($"  - {d.Claim.Describe()} (reported {d.Claim.Reported}): " +
                    (d.Reproducing.Count == 0 ? "reproduced by no data handling tried" :
                        "reproduced with " + string.Join("; ", d.Reproducing.Select(x => $"{x.DataHandling} data ({x.How})"))));
            s.AppendLine();
        }
        s.AppendLine($"## Model claims: {r.Fits} specifications searched, {r.ModelsFitted} models fitted ({r.FailedFits} could not be fitted: not identifiable or not converged)");
        FitText.Table(s, new[] { "Claim", "Reported", "Reproducing specifications", "Closest" },
            r.ModelClaims.Select(m => new[]
            {
                m.Claim.Describe(), m.Claim.Reported, m.Reproducing.Count.ToString(CultureInfo.InvariantCulture),
                m.Closest is { } c ? $"{ClaimCheck.Format(c.Computed, m.Claim)} ({c.Specification.Describe()})" : "-",
            }));
        foreach (var m in r.ModelClaims)
        {
            s.AppendLine($"  {m.Claim.Describe()} = {m.Claim.Reported}:");
            if (m.Reproducing.Count == 0)
            {
                s.AppendLine($"    not reproduced by any specification; closest {(m.Closest is { } c ? $"{ClaimCheck.Format(c.Computed, m.Claim)} with {c.Specification.Describe()}" : "none")}");
                if (m.Closest is { } cc && commands.TryGetValue((m.Claim.Outcome, cc.Specification), out var cmd)) s.AppendLine($"      {cmd}");
                continue;
            }
            foreach (var v in m.Reproducing.Take(top))
            {
                s.AppendLine($"    {ClaimCheck.Format(v.Computed, m.Claim)}  {v.Specification.Describe()}");
                if (commands.TryGetValue((m.Claim.Outcome, v.Specification), out var cmd)) s.AppendLine($"      {cmd}");
            }
            if (m.Reproducing.Count > top) s.AppendLine($"    ... and {m.Reproducing.Count - top} more (verify.json)");
        }
        s.AppendLine();
        s.AppendLine("## Specifications ranked by the model claims they reproduce together");
        if (r.Ranking.Count == 0) s.AppendLine("  none reproduces any model claim");
        foreach (var rank in r.Ranking.Take(top))
            s.AppendLine($"  {rank.ClaimIds.Count} of {r.ModelClaims.Count}: {rank.Specification.Describe()} — {string.Join(", ", rank.ClaimIds)}");
        s.AppendLine();
        return s.ToString();
    }

    static string Json(VerifyReport r, Dictionary<(string, Specification), string> commands)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("claims_file", r.Claims.Path);
            w.WriteString("analysis", r.Spec.Path);
            w.WriteNumber("specifications_searched", r.Fits);
            w.WriteNumber("specifications_failed", r.FailedFits);
            w.WriteNumber("models_fitted", r.ModelsFitted);
            w.WriteNumber("seconds", r.Elapsed.TotalSeconds);
            w.WriteStartArray("claims");
            foreach (var x in r.AsSpecified)
            {
                w.WriteStartObject();
                w.WriteString("id", x.Claim.Id);
                w.WriteString("claim", x.Claim.Describe());
                w.WriteString("reported", x.Claim.Reported);
                if (x.Computed is { } c && double.IsFinite(c)) w.WriteNumber("computed", c); else w.WriteNull("computed");
                w.WriteString("verdict", ClaimCheck.VerdictText(x.Verdict));
                w.WriteString("reason", x.Reason);
                var alt = r.DescriptiveAlternatives.FirstOrDefault(d => d.Claim == x.Claim);
                if (alt is not null)
                {
                    w.WriteStartArray("reproduced_with_data_handling");
                    foreach (var (dh, v, how) in alt.Reproducing) { w.WriteStartObject(); w.WriteString("data_handling", dh); w.WriteNumber("computed", v); w.WriteString("how", how); w.WriteEndObject(); }
                    w.WriteEndArray();
                }
                var m = r.ModelClaims.FirstOrDefault(mc => mc.Claim == x.Claim);
                if (m is not null)
                {
                    w.WriteStartArray("reproducing_specifications");
                    foreach (var v in m.Reproducing) WriteSpec(w, v, m.Claim, commands);
                    w.WriteEndArray();
                    if (m.Closest is { } cl) { w.WritePropertyName("closest"); WriteSpec(w, cl, m.Claim, commands); }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("ranking");
            foreach (var rank in r.Ranking)
            {
                w.WriteStartObject();
                w.WriteString("specification", rank.Specification.Describe());
                w.WriteNumber("claims_reproduced", rank.ClaimIds.Count);
                w.WriteStartArray("claim_ids");
                foreach (var id in rank.ClaimIds) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static void WriteSpec(Utf8JsonWriter w, SpecificationValue v, Claim claim, Dictionary<(string, Specification), string> commands)
    {
        w.WriteStartObject();
        w.WriteString("specification", v.Specification.Describe());
        w.WriteString("data_handling", v.Specification.DataHandling);
        w.WriteString("covariance", v.Specification.Covariance);
        w.WriteBoolean("random_intercept", v.Specification.RandomIntercept);
        w.WriteString("method", v.Specification.Method == Model.EstimationMethod.Reml ? "reml" : "ml");
        w.WriteString("df", DfMethodNames.Name(v.Specification.Df));
        if (v.Specification.Covariates is { } covariates) w.WriteString("covariates", covariates);
        if (v.Specification.References is { } references) w.WriteString("reference_levels", references);
        w.WriteNumber("computed", v.Computed);
        if (commands.TryGetValue((claim.Outcome, v.Specification), out var cmd)) w.WriteString("command", cmd);
        w.WriteEndObject();
    }
}
