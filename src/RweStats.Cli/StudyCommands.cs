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
    public const string AnalyzeUsage = """
        rwestats analyze SPEC.json --out DIR [--pdf]

          Runs every outcome of an analysis spec (schema rwestats-analysis/1, see README) and writes into DIR:
          descriptives.csv, classes.csv, contrasts.csv, fits.json, report.md, report.html (the report with the
          figures inline, one self-contained file), and the spec's figures into DIR/figures (SVG and PNG at
          600 dpi; vector PDF with --pdf).
          One line of progress per outcome goes to standard output. An outcome that fails is reported on standard
          error (one line) and the others still finish; the exit code is then 2. Nothing is written when every
          outcome fails.
          A source with "push_down": true (spec key data.push_down) is fitted from pattern sums computed where the
          data are (the file streamed subject by subject or scanned by DuckDB, or the PostgreSQL server), as
          'fit --push-down': the rows are never read, so its descriptive statistics are not computed and what
          needs them is refused (README).
        """;

    public const string ReplicateUsage = """
        rwestats replicate [--spec data/belimumab.json] [--claims data/belimumab_claims.json] [--out out/belimumab]
                           [--figures figures] [--pdf]

          The main job: reproduces the belimumab study (descriptive table at M0/M6/M12, SELENA-SLEDAI activity
          classes, mixed-model contrasts), compares each number with the paper's published value (claims file)
          as reproduced / not reproduced with the reason found, prints it, writes the analyze outputs plus
          replication.csv into --out and the figures into --figures (SVG and PNG at 600 dpi, vector PDF
          with --pdf). 'rwestats verify data/belimumab_claims.json' searches which analysis gives each number.
        """;

    public const string SimulateUsage = """
        rwestats simulate belimumab-biomarkers [--seed 2019] --out FILE
        rwestats simulate mmrm --subjects N --visits T [--seed 1] --out FILE

          belimumab-biomarkers: a SYNTHETIC anti-dsDNA / CH50 / C3 / C4 cohort for the 14 belimumab patients at
          M0/M6/M12, consistent with the paper's summaries. Every row is marked synthetic; it is not the study's data.
          mmrm: a seeded registry-style cohort (two arms, a baseline covariate, ~25 % missing with dropout) for
          benchmarks: columns id, visit, month, arm, base, y.
        """;

    public static int Analyze(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, new HashSet<string> { "--out" }, new HashSet<string> { "--pdf" }, "analyze");
        if (a.Positional.Count != 1) throw new RweStatsInputException("analyze takes one spec file: rwestats analyze SPEC.json --out DIR");
        var spec = AnalysisSpecReader.Load(a.Positional[0]);
        // The folder is locked and checked before the analysis, and replaced as a set after it (OutputSet).
        using var set = OutputSet.Begin(a.Required("--out"));
        var study = StudyAnalysis.Run(spec, stdout.Write);
        if (study.Outcomes.Any(o => o.Error is null))
        {
            var figures = WriteFigures(study, Path.Combine(set.Staging, "figures"), a.Flag("--pdf"), stdout);
            WriteOutputs(study, set.Staging, null, null, figures);
            set.Commit();
            stdout.WriteLine($"wrote {set.Directory}: {study.Outcomes.Count(o => o.Error is null)} of {study.Outcomes.Count} outcomes analysed");
        }
        foreach (var w in study.Warnings) stderr.WriteLine("rwestats: warning: " + Cli.OneLine(w));
        return Finish(study, stderr);
    }

    public static int Replicate(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, new HashSet<string> { "--spec", "--claims", "--out", "--figures" }, new HashSet<string> { "--pdf" }, "replicate");
        var specPath = a.Value("--spec") ?? "data/belimumab.json";
        var spec = AnalysisSpecReader.Load(specPath);
        StudyAnalysis.RefusePushDown(spec, "replicate");
        var claimsPath = a.Value("--claims") ?? spec.ClaimsFile ?? throw new RweStatsInputException($"{specPath}: no \"claims\" file named; give --claims FILE");
        var claims = ClaimsFile.Load(claimsPath);
        var outDir = a.Value("--out") ?? "out/belimumab";
        using var set = OutputSet.Begin(outDir);
        var study = StudyAnalysis.Run(spec, stdout.Write);
        var results = ClaimCheck.CheckAll(claims.Claims, study);

        var text = new StringBuilder();
        text.AppendLine(spec.Title ?? "Replication").AppendLine();
        text.Append(ConsoleTables.Descriptives(study));
        text.Append(ConsoleTables.Classes(study));
        text.Append(ConsoleTables.Contrasts(study));
        text.Append(ConsoleTables.Comparison(results, claims));
        stdout.Write(text.ToString());
        var figures = WriteFigures(study, a.Value("--figures") ?? "figures", a.Flag("--pdf"), stdout);
        WriteOutputs(study, set.Staging, ComparisonMarkdown(results, claims), ComparisonCsv(results), figures);
        set.Commit();
        foreach (var w in study.Warnings) stderr.WriteLine("rwestats: warning: " + Cli.OneLine(w));
        stdout.WriteLine($"wrote {set.Directory}");
        return Finish(study, stderr);
    }

    public static int Simulate(string[] args, TextWriter stdout)
    {
        var a = new Arguments(args, new HashSet<string> { "--seed", "--out", "--subjects", "--visits" }, new HashSet<string>(), "simulate");
        if (a.Positional is ["mmrm"])
        {
            int subjects = (int)a.Number("--subjects", 1000), visits = (int)a.Number("--visits", 6);
            var path = a.Required("--out");
            OutputFile.Write(path, w => Simulation.MmrmCohortSimulator.Write(w, subjects, visits, (ulong)a.Number("--seed", 1)));
            stdout.WriteLine($"wrote {path} (SYNTHETIC, {subjects} subjects x {visits} visits, seed {a.Number("--seed", 1).ToString(CultureInfo.InvariantCulture)})");
            return 0;
        }
        if (a.Positional is not ["belimumab-biomarkers"])
            throw new RweStatsInputException("simulate knows two cohorts: 'belimumab-biomarkers' and 'mmrm'; see rwestats simulate --help");
        double seed = a.Number("--seed", 2019);
        if (seed < 0 || seed != Math.Floor(seed)) throw new RweStatsInputException("--seed is a whole number ≥ 0");
        var csv = BelimumabBiomarkerSimulator.GenerateCsv((ulong)seed);
        OutputFile.WriteAtomically(a.Required("--out"), csv);
        stdout.WriteLine($"wrote {a.Required("--out")} (SYNTHETIC, seed {seed.ToString(CultureInfo.InvariantCulture)})");
        return 0;
    }

    public const string PlotUsage = """
        rwestats plot SPEC.json --out DIR [--pdf]

          Draws the figures of an analysis spec ("outputs": {"figures": ...}; by default one panel per outcome) into DIR:
          SVG and PNG (600 dpi) always, a vector PDF of the preset's page size with --pdf (drawn by ScottPlot on
          SkiaSharp; fonts shipped and embedded, nothing else to install). DIR is written as a set: the figures
          replace its contents whole when all are drawn (files of an earlier run are gone), and a folder holding
          files RweStats did not write there is refused.
        """;

    public static int Plot(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, new HashSet<string> { "--out" }, new HashSet<string> { "--pdf" }, "plot");
        if (a.Positional.Count != 1) throw new RweStatsInputException("plot takes one spec file: rwestats plot SPEC.json --out DIR");
        var spec = AnalysisSpecReader.Load(a.Positional[0]);
        // Written as a set, as analyze writes its folder: locked, staged, and replacing DIR whole (OutputSet).
        using var set = OutputSet.Begin(a.Required("--out"));
        var study = StudyAnalysis.Run(spec, stdout.Write);
        if (study.Outcomes.Any(o => o.Error is null))
        {
            WriteFigures(study, set.Staging, a.Flag("--pdf"), stdout);
            set.Commit();
        }
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
        foreach (var (spec, figure) in figures)
        {
            var output = Figures.FigureWriter.Write(figure, dir, spec.Name, formats, pngDpi: 600);
            stdout.WriteLine($"figure {spec.Name}: {string.Join(", ", output.Written.Select(Path.GetFileName))}");
            written.Add(new ReportFigure(spec.Name, figure.Title, File.ReadAllText(output.Written.Single(p => p.EndsWith(".svg", StringComparison.Ordinal)))));
        }
        return written;
    }

    static int Finish(StudyResult study, TextWriter stderr)
    {
        foreach (var o in study.Outcomes.Where(o => o.Error is not null))
            stderr.WriteLine($"rwestats: error: outcome '{o.Outcome.Name}': {Cli.OneLine(o.Error!)}");
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
