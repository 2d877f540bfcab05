using System.CommandLine;
using System.Globalization;
using System.Text;
using RweStats.Claims;
using RweStats.Reporting;
using RweStats.Simulation;
using RweStats.Workflow;

namespace RweStats.Cli;

/// <summary>"analyze", "replicate" and "simulate": the study workflow over an analysis spec.</summary>
public static class StudyCommands
{
    static Option<bool> Pdf() => SharedOptions.Flag("--pdf", "also write each figure as a vector PDF of the preset's page size");

    /// <summary>The fit options of the commands that run a spec's models: --fit-budget (over the spec's model.fit_budget) and --quiet.</summary>
    sealed class FitOptions
    {
        readonly SharedOptions shared = new();
        public Option<string?> Budget => shared.FitBudget;
        public Option<bool> Quiet => shared.Quiet;

        public void AddTo(Command command)
        {
            Budget.Description = "the most a fit may take, over the spec's model.fit_budget: memory in GiB and operations of one iteration (default 4,5e11), or unlimited (docs/untrusted-input.md)";
            command.Options.Add(Budget);
            command.Options.Add(Quiet);
        }

        /// <summary>The spec's analysis with the budget of --fit-budget, each fit's progress on a terminal's standard error
        /// (unless --quiet) and the command's own lines on standard output.</summary>
        public StudyResult Run(ParseResult r, AnalysisSpec spec, TextWriter stdout, TextWriter stderr)
        {
            if (r.GetValue(Budget) is { } text) spec = spec.WithFitBudget(Estimation.FitBudget.Parse(text));
            using var line = FitProgressLine.For(r.GetValue(Quiet), stderr);
            return StudyAnalysis.Run(spec, FitProgressLine.Beside(line, stdout), line);
        }
    }

    public static ToolCommand AnalyzeCommand()
    {
        var specFile = new Argument<string>("SPEC.json") { Description = "the analysis spec (schema rwestats-analysis/1, docs/analysis-spec.md)" };
        var outDir = SharedOptions.Text("--out", "DIR", "the folder the outputs are written into, replaced as a set", required: true);
        var pdf = Pdf();
        var command = new ToolCommand("analyze", "run an analysis spec: descriptives, classes, mixed models, report (SPEC.json --out DIR)")
        {
            Details = """
                  Runs every outcome of an analysis spec (schema rwestats-analysis/1, docs/analysis-spec.md) and writes into
                  DIR: descriptives.csv, classes.csv, contrasts.csv, fits.json, report.md, report.html (the report with the
                  figures inline, one self-contained file), and the spec's figures into DIR/figures (SVG and PNG at
                  600 dpi; vector PDF with --pdf). With "estimands" (reference-based imputation, docs/estimands.md) also
                  estimands.csv, tipping_points.csv and each tipping-point figure (figures/tipping_NAME).
                  One line of progress per outcome goes to standard output. An outcome that fails is reported on standard
                  error (one line) and the others still finish; the exit code is then 2. Nothing is written when every
                  outcome fails.
                  A source with "push_down": true (spec key data.push_down) is fitted from pattern sums computed where the
                  data are (the file streamed subject by subject or scanned by DuckDB, or the PostgreSQL server), as
                  'fit --push-down': the rows are never read, so its descriptive statistics are not computed and what
                  needs them is refused (docs/data-sources.md).
                """,
            ArgumentsError = "analyze takes one spec file: rwestats analyze SPEC.json --out DIR",
        };
        var fit = new FitOptions();
        command.Arguments.Add(specFile);
        command.Options.Add(outDir);
        command.Options.Add(pdf);
        fit.AddTo(command);
        command.SetAction(r => Analyze(r, fit, r.GetRequiredValue(specFile), r.GetRequiredValue(outDir), r.GetValue(pdf), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static ToolCommand ReplicateCommand()
    {
        var specFile = SharedOptions.Text("--spec", "SPEC.json", "the analysis spec (default data/belimumab.json)");
        var claims = SharedOptions.Text("--claims", "CLAIMS.json", "the published numbers (default: the claims file the spec names, data/belimumab_claims.json)");
        var outDir = SharedOptions.Text("--out", "DIR", "the folder of the analyze outputs and replication.csv (default out/belimumab)");
        var figures = SharedOptions.Text("--figures", "DIR", "the folder of the figures (default figures)");
        var pdf = Pdf();
        var command = new ToolCommand("replicate", "the main job: reproduce the belimumab study and compare with the paper")
        {
            Details = """
                  The main job: reproduces the belimumab study (descriptive table at M0/M6/M12, SELENA-SLEDAI activity
                  classes, mixed-model contrasts), compares each number with the paper's published value (claims file)
                  as reproduced / not reproduced with the reason found, prints it, writes the analyze outputs plus
                  replication.csv into --out and the figures into --figures (SVG and PNG at 600 dpi, vector PDF
                  with --pdf). 'rwestats verify data/belimumab_claims.json' searches which analysis gives each number.
                """,
        };
        var fit = new FitOptions();
        foreach (var option in new Option[] { specFile, claims, outDir, figures, pdf }) command.Options.Add(option);
        fit.AddTo(command);
        command.SetAction(r => Replicate(r, fit, r.GetValue(specFile), r.GetValue(claims), r.GetValue(outDir), r.GetValue(figures), r.GetValue(pdf),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static ToolCommand SimulateCommand()
    {
        const string cohorts = "simulate knows two cohorts: 'belimumab-biomarkers' and 'mmrm'; see rwestats simulate --help";
        var cohort = new Argument<string>("COHORT") { Description = "belimumab-biomarkers or mmrm" };
        cohort.CompletionSources.Add("belimumab-biomarkers", "mmrm");
        var seed = SharedOptions.Number("--seed", "N", "seed of the random numbers (default 2019 for belimumab-biomarkers, 1 for mmrm)");
        var outFile = SharedOptions.Text("--out", "FILE", "the CSV file written", required: true);
        var subjects = SharedOptions.Number("--subjects", "N", "mmrm: number of subjects (default 1000)");
        var visits = SharedOptions.Number("--visits", "T", "mmrm: number of visits (default 6)");
        var command = new ToolCommand("simulate", "write the synthetic belimumab biomarker cohort or a benchmark cohort")
        {
            Details = """
                  rwestats simulate belimumab-biomarkers [--seed 2019] --out FILE
                  rwestats simulate mmrm --subjects N --visits T [--seed 1] --out FILE

                  belimumab-biomarkers: a SYNTHETIC anti-dsDNA / CH50 / C3 / C4 cohort for the 14 belimumab patients at
                  M0/M6/M12, consistent with the paper's summaries. Every row is marked synthetic; it is not the study's data.
                  mmrm: a seeded registry-style cohort (two arms, a baseline covariate, ~25 % missing with dropout) for
                  benchmarks: columns id, visit, month, arm, base, y.
                """,
            ArgumentsError = cohorts,
        };
        command.Arguments.Add(cohort);
        foreach (var option in new Option[] { seed, outFile, subjects, visits }) command.Options.Add(option);
        command.SetAction(r =>
        {
            var stdout = r.InvocationConfiguration.Output;
            var path = r.GetRequiredValue(outFile);
            if (r.GetRequiredValue(cohort) == "mmrm")
            {
                int subjectCount = (int)(subjects.Get(r) ?? 1000), visitCount = (int)(visits.Get(r) ?? 6);
                double mmrmSeed = seed.Get(r) ?? 1;
                OutputFile.Write(path, w => Simulation.MmrmCohortSimulator.Write(w, subjectCount, visitCount, (ulong)mmrmSeed));
                stdout.WriteLine($"wrote {path} (SYNTHETIC, {subjectCount} subjects x {visitCount} visits, seed {mmrmSeed.ToString(CultureInfo.InvariantCulture)})");
                return 0;
            }
            if (r.GetRequiredValue(cohort) != "belimumab-biomarkers") throw new RweStatsInputException(cohorts);
            double belimumabSeed = seed.Get(r) ?? 2019;
            if (belimumabSeed < 0 || belimumabSeed != Math.Floor(belimumabSeed)) throw new RweStatsInputException("--seed is a whole number ≥ 0");
            OutputFile.WriteAtomically(path, BelimumabBiomarkerSimulator.GenerateCsv((ulong)belimumabSeed));
            stdout.WriteLine($"wrote {path} (SYNTHETIC, seed {belimumabSeed.ToString(CultureInfo.InvariantCulture)})");
            return 0;
        });
        return command;
    }

    public static ToolCommand PlotCommand()
    {
        var specFile = new Argument<string>("SPEC.json") { Description = "the analysis spec whose figures are drawn" };
        var outDir = SharedOptions.Text("--out", "DIR", "the folder the figures are written into", required: true);
        var pdf = Pdf();
        var command = new ToolCommand("plot", "draw the figures of an analysis spec (SPEC.json --out DIR)")
        {
            Details = """
                  Draws the figures of an analysis spec ("outputs": {"figures": ...}; by default one panel per outcome) into DIR:
                  SVG and PNG (600 dpi) always, a vector PDF of the preset's page size with --pdf (drawn by ScottPlot on
                  SkiaSharp; fonts shipped and embedded, nothing else to install). DIR is written as a set: the figures
                  replace its contents whole when all are drawn, and a folder of files RweStats did not write is refused.
                """,
            ArgumentsError = "plot takes one spec file: rwestats plot SPEC.json --out DIR",
        };
        var fit = new FitOptions();
        command.Arguments.Add(specFile);
        command.Options.Add(outDir);
        command.Options.Add(pdf);
        fit.AddTo(command);
        command.SetAction(r =>
        {
            var spec = AnalysisSpecReader.Load(r.GetRequiredValue(specFile));
            // Written as a set, as analyze writes its folder: locked, staged, and replacing DIR whole (OutputSet).
            using var set = OutputSet.Begin(r.GetRequiredValue(outDir));
            var study = fit.Run(r, spec, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            if (study.Outcomes.Any(o => o.Error is null))
            {
                WriteFigures(study, set.Staging, r.GetValue(pdf), r.InvocationConfiguration.Output);
                set.Commit();
            }
            return Finish(study, r.InvocationConfiguration.Error);
        });
        return command;
    }

    static int Analyze(ParseResult r, FitOptions fit, string specPath, string outDir, bool pdf, TextWriter stdout, TextWriter stderr)
    {
        var spec = AnalysisSpecReader.Load(specPath);
        // The folder is locked and checked before the analysis, and replaced as a set after it (OutputSet).
        using var set = OutputSet.Begin(outDir);
        var study = fit.Run(r, spec, stdout, stderr);
        if (study.Outcomes.Any(o => o.Error is null))
        {
            var figures = WriteFigures(study, Path.Combine(set.Staging, "figures"), pdf, stdout);
            WriteOutputs(study, set.Staging, null, null, figures);
            set.Commit();
            stdout.WriteLine($"wrote {set.Directory}: {study.Outcomes.Count(o => o.Error is null)} of {study.Outcomes.Count} outcomes analysed");
        }
        foreach (var w in study.Warnings) stderr.WriteLine("rwestats: warning: " + Cli.OneLine(w));
        return Finish(study, stderr);
    }

    static int Replicate(ParseResult r, FitOptions fit, string? specOption, string? claimsOption, string? outOption, string? figuresOption, bool pdf,
                         TextWriter stdout, TextWriter stderr)
    {
        var specPath = specOption ?? "data/belimumab.json";
        var spec = AnalysisSpecReader.Load(specPath);
        StudyAnalysis.RefusePushDown(spec, "replicate");
        var claimsPath = claimsOption ?? spec.ClaimsFile ?? throw new RweStatsInputException($"{specPath}: no \"claims\" file named; give --claims FILE");
        var claims = ClaimsFile.Load(claimsPath);
        var outDir = outOption ?? "out/belimumab";
        using var set = OutputSet.Begin(outDir);
        var study = fit.Run(r, spec, stdout, stderr);
        var results = ClaimCheck.CheckAll(claims.Claims, study);

        var text = new StringBuilder();
        text.AppendLine(spec.Title ?? "Replication").AppendLine();
        text.Append(ConsoleTables.Descriptives(study));
        text.Append(ConsoleTables.Classes(study));
        text.Append(ConsoleTables.Contrasts(study));
        text.Append(ConsoleTables.Comparison(results, claims));
        stdout.Write(text.ToString());
        var figures = WriteFigures(study, figuresOption ?? "figures", pdf, stdout);
        WriteOutputs(study, set.Staging, ComparisonMarkdown(results, claims), ComparisonCsv(results), figures);
        set.Commit();
        foreach (var w in study.Warnings) stderr.WriteLine("rwestats: warning: " + Cli.OneLine(w));
        stdout.WriteLine($"wrote {set.Directory}");
        return Finish(study, stderr);
    }

    /// <summary>SVG and PNG always; PDF when asked for (--pdf). Returns each figure's SVG for report.html.</summary>
    static IReadOnlyList<ReportFigure> WriteFigures(StudyResult study, string dir, bool pdf, TextWriter stdout)
    {
        var figures = Workflow.StudyFigures.Build(study);
        var written = new List<ReportFigure>();
        if (figures.Count == 0) return written;
        var formats = Figures.FigureFormats.Svg | Figures.FigureFormats.Png;
        if (pdf) formats |= Figures.FigureFormats.Pdf;
        // The figures are drawn side by side, one per core, taken in the spec's order as cores come free (the first,
        // usually the largest, starts first); each figure's files are the same bytes whichever thread draws it, and the
        // lines below are written in the spec's order.
        var outputs = new Figures.FigureOutput?[figures.Count];
        var failures = new Exception?[figures.Count];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(Enumerable.Range(0, figures.Count), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                try { outputs[i] = Figures.FigureWriter.Write(figures[i].Figure, dir, figures[i].Spec.Name, formats, pngDpi: 600); }
                catch (Exception e) { failures[i] = e; }
            });
        for (int i = 0; i < figures.Count; i++)
        {
            // The first figure that failed fails the command, with its own exception (as when they were drawn in turn).
            if (failures[i] is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            var (spec, figure) = figures[i];
            var output = outputs[i]!;
            stdout.WriteLine($"figure {spec.Name}: {string.Join(", ", output.Written.Select(Path.GetFileName))}");
            written.Add(new ReportFigure(spec.Name, figure.Title, File.ReadAllText(output.Written.Single(p => p.EndsWith(".svg", StringComparison.Ordinal)))));
        }
        return written;
    }

    static int Finish(StudyResult study, TextWriter stderr)
    {
        foreach (var o in study.Outcomes.Where(o => o.Error is not null))
            stderr.WriteLine($"rwestats: error: outcome '{o.Outcome.Name}': {Cli.OneLine(o.Error!)}");
        foreach (var e in study.Estimands.Where(e => e.Error is not null))
            stderr.WriteLine($"rwestats: error: {Cli.OneLine(e.Error!)}");
        return study.AllSucceeded ? 0 : 2;
    }

    /// <summary>The tables and the reports (Markdown and HTML, the figures inline), into the staging folder of an
    /// <see cref="OutputSet"/>.</summary>
    static void WriteOutputs(StudyResult study, string dir, string? comparisonMarkdown, string? comparisonCsv, IReadOnlyList<ReportFigure> figures)
    {
        OutputFile.WriteAtomically(Path.Combine(dir, "descriptives.csv"), StudyReport.DescriptivesCsv(study));
        if (study.Outcomes.Any(o => o.Classes.Count > 0))
            OutputFile.WriteAtomically(Path.Combine(dir, "classes.csv"), StudyReport.ClassesCsv(study));
        OutputFile.WriteAtomically(Path.Combine(dir, "contrasts.csv"), StudyReport.ContrastsCsv(study));
        OutputFile.WriteAtomically(Path.Combine(dir, "fits.json"), StudyReport.FitsJson(study));
        OutputFile.WriteAtomically(Path.Combine(dir, "report.md"), StudyReport.ReportMarkdown(study, comparisonMarkdown));
        OutputFile.WriteAtomically(Path.Combine(dir, "report.html"), StudyReportHtml.Html(study, comparisonMarkdown, figures));
        if (comparisonCsv is not null) OutputFile.WriteAtomically(Path.Combine(dir, "replication.csv"), comparisonCsv);
        if (study.Estimands.Any(e => e.Analysis is not null))
            OutputFile.WriteAtomically(Path.Combine(dir, "estimands.csv"), StudyReport.EstimandsCsv(study));
        if (study.Estimands.Any(e => e.TippingPoint is not null))
            OutputFile.WriteAtomically(Path.Combine(dir, "tipping_points.csv"), StudyReport.TippingPointsCsv(study));
    }

    static string ComparisonMarkdown(IReadOnlyList<ClaimResult> results, ClaimsFile claims)
    {
        var s = new StringBuilder();
        s.AppendLine("## Comparison with the published numbers").AppendLine();
        if (claims.Source is not null) s.AppendLine($"Source: {claims.Source}").AppendLine();
        s.AppendLine("| Claim | Where in the paper | Reported | Computed | Verdict | Reason |");
        s.AppendLine("|---|---|---:|---:|---|---|");
        foreach (var r in results)
            s.AppendLine($"| {r.Claim.Describe()} | {r.Claim.Where} | {r.Claim.Reported} | {(r.Computed is { } c ? ClaimCheck.FormatAtPrintedPrecision(c, r.Claim) : "—")} | {ClaimCheck.VerdictText(r.Verdict)} | {r.Reason} |");
        return s.ToString();
    }

    static string ComparisonCsv(IReadOnlyList<ClaimResult> results)
    {
        var csv = new CsvText("id", "outcome", "statistic", "visit", "class", "from", "to", "contrast", "reported", "computed", "verdict", "reason", "where");
        foreach (var r in results)
            csv.Row(r.Claim.Id, r.Claim.Outcome, r.Claim.Statistic, r.Claim.Visit, r.Claim.Class, r.Claim.From, r.Claim.To, r.Claim.Contrast,
                r.Claim.Reported, r.Computed, ClaimCheck.VerdictText(r.Verdict), r.Reason, r.Claim.Where);
        return csv.ToString();
    }
}

/// <summary>Plain-text tables for the terminal (the same numbers as the CSV files, rounded for reading).</summary>
public static class ConsoleTables
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Rows whose numeric columns (by index) have their decimal points under each other.</summary>
    static IEnumerable<string[]> Aligned(IReadOnlyList<string[]> rows, params int[] numericColumns)
    {
        var copy = rows.Select(r => (string[])r.Clone()).ToList();
        foreach (var j in numericColumns)
        {
            var aligned = NumberColumns.AlignDecimals(copy.Select(r => r[j]).ToList());
            for (int i = 0; i < copy.Count; i++) copy[i][j] = aligned[i];
        }
        return copy;
    }

    public static string Descriptives(StudyResult study)
    {
        var s = new StringBuilder("Descriptive statistics (R quantile type " + study.Spec.Descriptives.QuantileType.ToString(Inv) + ")\n");
        var rows = new List<string[]>();
        foreach (var o in study.Outcomes)
        {
            // One precision per outcome and column, as in report.md.
            var (d, raw) = StudyReport.DescriptiveDecimals(o);
            string F(double v, int k) => NumberColumns.Fixed(v, k);
            rows.AddRange(o.Descriptives.Select(x => new[]
            {
                o.Outcome.Name + (o.Outcome.Data.Synthetic ? " [SYNTHETIC]" : ""), x.Visit, x.N.ToString(Inv), x.Missing.ToString(Inv),
                F(x.Mean, d), F(x.Sd, d), F(x.Median, d), F(x.Q1, d), F(x.Q3, d), F(x.Min, raw), F(x.Max, raw),
            }));
        }
        FitText.Table(s, new[] { "Outcome", "Visit", "n", "Missing", "Mean", "SD", "Median", "Q1", "Q3", "Min", "Max" }, Aligned(rows, 4, 5, 6, 7, 8, 9, 10));
        return s.ToString();
    }

    public static string Classes(StudyResult study)
    {
        var s = new StringBuilder();
        foreach (var o in study.Outcomes.Where(o => o.Classes.Count > 0))
        {
            s.AppendLine($"Classes of {o.Outcome.Name}");
            FitText.Table(s, new[] { "Visit" }.Concat(o.Outcome.Classes.Select(StudyReport.ClassHeader)).Append("missing").ToArray(),
                o.Classes.Select(c => new[] { c.Visit }.Concat(c.Counts.Select(x => x.Count.ToString(Inv))).Append(c.Missing.ToString(Inv)).ToArray()));
        }
        return s.ToString();
    }

    public static string Contrasts(StudyResult study)
    {
        var s = new StringBuilder();
        s.AppendLine("Mixed-model visit contrasts");
        var methods = StudyReport.MethodsText(study);
        if (methods.Length > 0) s.AppendLine(methods);
        var rows = new List<string[]>();
        foreach (var o in study.Outcomes.Where(o => o.Fit is not null))
        {
            int d = StudyReport.EstimateDecimals(o.Fit!.VisitContrasts.Select(v => v.Result));
            rows.AddRange(o.Fit!.VisitContrasts.Select(v => new[]
            {
                o.Outcome.Name + (o.Outcome.Data.Synthetic ? " [SYNTHETIC]" : ""), v.Label, o.Outcome.Transform == "none" ? "identity" : o.Outcome.Transform,
                NumberColumns.Fixed(v.Result.Estimate, d), NumberColumns.Fixed(v.Result.StdError, d), FitText.F(v.Result.Df, "F1"), FitText.F(v.Result.TValue, "F2"),
                NumberColumns.PValue(v.Result.PValue), NumberColumns.Fixed(v.Result.Lower, d), NumberColumns.Fixed(v.Result.Upper, d),
            }));
        }
        FitText.Table(s, new[] { "Outcome", "Contrast", "Scale", "Estimate", "SE", "DF", "t", "p", "Lower", "Upper" }, Aligned(rows, 3, 4, 5, 6, 7, 8, 9));
        return s.ToString();
    }

    /// <summary>Where the paper prints a claim, shortly: the section before the quotation ("Résultats", "Discussion", "Tableau 2").</summary>
    static string Section(Claim c) => c.Where is { } w ? w.Split(':')[0].Trim() : "";

    public static string Comparison(IReadOnlyList<ClaimResult> results, ClaimsFile claims)
    {
        var s = new StringBuilder("Comparison with the published numbers\n");
        if (claims.Source is not null) s.AppendLine($"Source: {claims.Source}.");
        var rows = results.Select(r => new[]
        {
            r.Claim.Describe(), Section(r.Claim), r.Claim.Reported, r.Computed is { } c ? ClaimCheck.FormatAtPrintedPrecision(c, r.Claim) : "-", ClaimCheck.VerdictText(r.Verdict),
        }).ToList();
        FitText.Table(s, new[] { "Claim", "Where", "Reported", "Computed", "Verdict" }, Aligned(rows, 2, 3));
        s.AppendLine("Reasons:");
        foreach (var r in results.Where(r => r.Verdict != Verdict.Reproduced))
            s.AppendLine($"  - {r.Claim.Describe()} ({r.Claim.Where ?? "?"}): {r.Reason}");
        int ok = results.Count(r => r.Verdict is Verdict.Reproduced or Verdict.OtherQuantileDefinition);
        s.AppendLine($"  {ok} of {results.Count} published numbers reproduced ({results.Count(r => r.Verdict == Verdict.RoundingSlip)} rounding slips).").AppendLine();
        return s.ToString();
    }
}
