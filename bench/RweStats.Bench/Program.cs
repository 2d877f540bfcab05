using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Simulation;

// RweStats benchmark.
//   dotnet run -c Release --project bench/RweStats.Bench -- table [--sizes 1000,10000,100000] [--visits 6,10] [--out bench/out]
//       generates seeded MMRM cohorts (simulate mmrm) and prints, per size, CSV load time, fit times (first fit,
//       with JIT, and the in-process fit) for UN REML + Satterthwaite, random intercept + AR(1) REML and random
//       intercept REML, iterations, peak memory (the process's, and the fit's own against the numeric data) and time
//       per subject, then the growth slope in subjects.
//       Each measurement runs in a child process so that its peak resident memory is its own.
//   dotnet run -c Release --project bench/RweStats.Bench -- measure FILE MODEL      (one child measurement, JSON line)
//   dotnet run -c Release --project bench/RweStats.Bench -- kernels                  (BenchmarkDotNet: likelihood kernels)
//   dotnet run -c Release --project bench/RweStats.Bench -- inference [--repeat 5]
//       the sensitivity table's work in-process (5 df methods x 2 error methods, AR(1) + random intercept on
//       data/belimumab_table2.csv and UN on fev_data.csv): one fit per combination (how sensitivity ran before the
//       fitted-model object) against one fit asked ten times; medians of --repeat runs after a warm-up.
//   dotnet run -c Release --project bench/RweStats.Bench -- postgres [--rows N] [--runs R]
//       PostgreSQL push-down against pulling the rows (PostgresBench.cs)
//   dotnet run -c Release --project bench/RweStats.Bench -- check [--part tuning] [--misses]
//       the paper check on its corpus (tests/fixtures/check): planted errors found, false alarms, correct statements
//       checked, on the tuning and held-out parts as text, wrapped text and PDF (misses listed for the parts tuned on, never for a blind held-out part); time for a 30-page PDF (CheckCorpusBench.cs)
//   dotnet run -c Release --project bench/RweStats.Bench -- estimands [--repeat 5]
//       reference-based imputation on rbmi's antidepressant_data and at 10^4 x 6 (EstimandsBench.cs)
//   dotnet run -c Release --project bench/RweStats.Bench -- convert FILE.csv OUT     (OUT .parquet or .duckdb, written by DuckDB)
//   dotnet run -c Release --project bench/RweStats.Bench -- phases FILE [--repeat 3]
//       where the time of the speed table's fit goes on a trial cohort (CSV or Parquet), in process: the file's bytes
//       read and its lines counted on all cores (the floor), the pattern sums (read, tokenize, accumulate, join), the
//       fit on them (design, patterns, Newton-Raphson, inference) and the JSON; first run (JIT) and median of the others,
//       with the process's CPU seconds in each phase (all threads: the figure to compare on a machine shared with other jobs)
//   dotnet run -c Release --project bench/RweStats.Bench -- cohort --subjects N --visits T [--seed 1] --out FILE.csv
//       the whole-command benchmark's trial cohort (TrialCohort.cs; bench/speed_table.sh)
var inv = CultureInfo.InvariantCulture;
string Arg(string name, string fallback) { int i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
var mode = args.Length > 0 ? args[0] : "table";

if (mode == "check")
{
    var repoRoot = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(repoRoot, "RweStats.sln"))) repoRoot = Path.GetDirectoryName(repoRoot)!;
    return RweStats.Bench.CheckCorpusBench.Run(repoRoot, args);
}
if (mode == "postgres")
    return RweStats.Bench.PostgresBench.Run(args, Environment.ProcessPath!, typeof(RweStats.Bench.Models).Assembly.Location);
if (mode == "measure-pg")
    return RweStats.Bench.PostgresBench.Measure(args[1], args[2]);

if (mode == "cohort")
    return RweStats.Bench.TrialCohort.Run(args);

if (mode == "estimands")
    return RweStats.Bench.EstimandsBench.Run(args);

if (mode == "kernels")
{
    BenchmarkRunner.Run<RweStats.Bench.LikelihoodKernels>();
    return 0;
}

if (mode == "inference")
{
    int repeat = int.Parse(Arg("--repeat", "5"), inv);
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "RweStats.sln"))) root = Path.GetDirectoryName(root)!;
    var cases = new (string name, DataTable table, MixedModelSpec spec)[]
    {
        ("sledai AR(1)+RI, 14 subjects", CsvTableReader.Read(Path.Combine(root, "data", "belimumab_table2.csv")),
            new MixedModelSpec { Formula = "sledai ~ visit", Subject = "patient", Time = "visit", TimeOrder = new[] { "M0", "M6", "M12" }, Covariance = "ar1", RandomIntercept = true }),
        ("fev UN, 197 subjects", CsvTableReader.Read(Path.Combine(root, "data", "fev_data.csv")),
            new MixedModelSpec { Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL", Subject = "USUBJID", Time = "AVISIT", Covariance = "un" }),
    };
    var dfs = new[] { DfMethod.Residual, DfMethod.Containment, DfMethod.BetweenWithin, DfMethod.Satterthwaite, DfMethod.KenwardRoger };
    var errors = new[] { StdErrorMethod.Model, StdErrorMethod.Empirical };
    Console.WriteLine($"{"case",-30} {"refit per method (s)",22} {"fit once, ask 10 (s)",22} {"speed-up",9}");
    foreach (var (name, table, spec) in cases)
    {
        double Refits()
        {
            var c = Stopwatch.StartNew();
            foreach (var e in errors) foreach (var d in dfs)
                try { MixedModelFitter.Fit(table, spec with { Df = d, StdErrors = e }); } catch (RweStats.RweStatsInputException) { }
            return c.Elapsed.TotalSeconds;
        }
        double Once()
        {
            var c = Stopwatch.StartNew();
            var model = MixedModelFitter.FitModel(table, spec);
            foreach (var e in errors) foreach (var d in dfs)
                try { model.Result(d, e); } catch (RweStats.RweStatsInputException) { }
            return c.Elapsed.TotalSeconds;
        }
        Refits(); Once(); // warm-up (JIT)
        var a = Enumerable.Range(0, repeat).Select(_ => Refits()).OrderBy(x => x).ToList();
        var b = Enumerable.Range(0, repeat).Select(_ => Once()).OrderBy(x => x).ToList();
        double ma = a[a.Count / 2], mb = b[b.Count / 2];
        Console.WriteLine($"{name,-30} {ma.ToString("F4", inv),22} {mb.ToString("F4", inv),22} {(ma / mb).ToString("F1", inv),8}x");
    }
    return 0;
}

if (mode == "convert")
{
    // The same cohort as Parquet (row groups of DuckDB's default size, snappy) or as a DuckDB table, for the
    // side-by-side timings of the readers (bench/whole_command.sh).
    var (csv, target) = (args[1], args[2]);
    using var connection = new DuckDB.NET.Data.DuckDBConnection(target.EndsWith(".duckdb") ? $"Data Source={target}" : "Data Source=:memory:");
    connection.Open();
    using var cmd = connection.CreateCommand();
    string scan = $"read_csv({SqlDialect.DuckDb.Literal(csv)}, nullstr = ['', 'NA', '.'])";
    cmd.CommandText = target.EndsWith(".duckdb") ? $"CREATE TABLE cohort AS SELECT * FROM {scan}" : $"COPY (SELECT * FROM {scan}) TO {SqlDialect.DuckDb.Literal(target)} (FORMAT parquet)";
    cmd.ExecuteNonQuery();
    return 0;
}

if (mode == "measure")
{
    var (file, model) = (args[1], args[2]);
    var clock = Stopwatch.StartNew();
    var table = TableReader.Read(new TableSource(file));
    double load = clock.Elapsed.TotalSeconds;
    // The fit's own memory: resident size after loading (the table is what any fit must hold), then the peak while
    // fitting, with Linux's peak counter (VmHWM) reset in between (proc(5), /proc/PID/clear_refs, value 5).
    GC.Collect();
    GC.WaitForPendingFinalizers();
    long loaded = Process.GetCurrentProcess().WorkingSet64;
    bool peakReset = TryResetPeakResident();
    // The first fit includes the JIT compilation of the engine; the in-process fit time is the median of the fits
    // that follow (R's system.time likewise measures code that is already loaded): up to 5, fewer once 3 s are spent.
    clock.Restart();
    var fit = MixedModelFitter.Fit(table, RweStats.Bench.Models.Spec(model));
    double cold = clock.Elapsed.TotalSeconds;
    var times = new List<double>();
    while (times.Count == 0 || (times.Count < 5 && times.Sum() < 3))
    {
        clock.Restart();
        fit = MixedModelFitter.Fit(table, RweStats.Bench.Models.Spec(model));
        times.Add(clock.Elapsed.TotalSeconds);
    }
    times.Sort();
    double fitTime = times[times.Count / 2];
    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    // Numeric data: every cell of the file as an 8-byte number (what a numeric matrix of the data takes).
    double numericMb = (double)table.RowCount * table.ColumnNames.Count * 8 / 1048576.0;
    Console.WriteLine(string.Join(",", load.ToString("R", inv), fitTime.ToString("R", inv), fit.Convergence.Iterations.ToString(inv),
        (peak / 1048576.0).ToString("F0", inv), fit.FitStatistics.Neg2LogLikelihood.ToString("R", inv), fit.SubjectsWithData.ToString(inv), cold.ToString("R", inv),
        (loaded / 1048576.0).ToString("F0", inv), peakReset ? "1" : "0", numericMb.ToString("F2", inv)));
    return 0;
}

if (mode == "replicate")
{
    // A cohort COPIES times larger for the streaming benchmark: COPIES copies of a Parquet cohort whose integer subject
    // ids are shifted by a multiple of the largest id (each copy new subjects with the same rows), written by DuckDB.
    var (source, target, copies) = (args[1], args[2], int.Parse(args[3], inv));
    using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var cmd = connection.CreateCommand();
    string scan = $"read_parquet({SqlDialect.DuckDb.Literal(source)})";
    // In the source's row order, copy after copy: a registry export sorted by subject stays sorted by subject (the
    // layout the streamed push-down reads without DuckDB's grouping).
    cmd.CommandText = $"COPY (SELECT c.* EXCLUDE (rn) REPLACE (c.id + k.range * (SELECT MAX(id) FROM {scan}) AS id) " +
                      $"FROM range({copies}) k, (SELECT *, row_number() OVER () AS rn FROM {scan}) c ORDER BY k.range, c.rn) " +
                      $"TO {SqlDialect.DuckDb.Literal(target)} (FORMAT parquet)";
    cmd.ExecuteNonQuery();
    return 0;
}

if (mode == "phases")
{
    var file = args[1];
    int repeat = int.Parse(Arg("--repeat", "3"), inv);
    var spec = new MixedModelSpec { Formula = "Y ~ ARMCD*AVISIT + SEX + BASE", Subject = "USUBJID", Time = "AVISIT", Covariance = "un" };
    var names = new[] { "bytes read, lines counted", "pattern sums", "fit", "JSON" };
    var times = names.Select(_ => new List<double>()).ToArray();
    var pauses = names.Select(_ => new List<double>()).ToArray(); // the GC's pauses within each phase
    var cpu = names.Select(_ => new List<double>()).ToArray();    // the process's CPU seconds (all threads) within each phase
    string note = "";
    for (int run = 0; run <= repeat; run++)
    {
        var clock = Stopwatch.StartNew();
        var paused = GC.GetTotalPauseDuration();
        var used = Process.GetCurrentProcess().TotalProcessorTime;
        void Lap(int k)
        {
            times[k].Add(clock.Elapsed.TotalSeconds);
            pauses[k].Add((GC.GetTotalPauseDuration() - paused).TotalSeconds);
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            cpu[k].Add((now - used).TotalSeconds);
            paused = GC.GetTotalPauseDuration();
            used = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
        }
        long lines = RweStats.Bench.Phases.CountLines(file);
        Lap(0);
        var models = CohortSource.File(new TableSource(file)).Models(spec);
        Lap(1);
        var result = models(spec).Result(spec);
        Lap(2);
        var json = RweStats.Reporting.FitJson.Serialize(result);
        Lap(3);
        note = $"{lines} lines; -2LL {result.FitStatistics.Neg2LogLikelihood.ToString("R", inv)}; {result.Notes.First(n => n.StartsWith("Data:", StringComparison.Ordinal))}";
    }
    Console.WriteLine($"{file}: {note}");
    Console.WriteLine($"{"phase",-28} {"first run",10} {"median of " + repeat,12} {"GC pauses",10} {"CPU (median)",13}");
    for (int k = 0; k < names.Length; k++)
    {
        double Median(List<double> x) { var rest = x.Skip(1).Order().ToList(); return rest[rest.Count / 2]; }
        Console.WriteLine($"{names[k],-28} {times[k][0].ToString("F3", inv),8} s {Median(times[k]).ToString("F3", inv),10} s {Median(pauses[k]).ToString("F3", inv),8} s {Median(cpu[k]).ToString("F3", inv),11} s");
    }
    Console.WriteLine($"peak working set {(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("F0", inv)} MB");
    return 0;
}

if (mode == "push-down")
{
    // Where the time of "fit --push-down" goes: how the sums are computed (streamed, or each query DuckDB runs, with
    // the time since the start when it is sent), the sums in all (twice: the second without the JIT), then the fit on
    // them (first fit, JIT included, and a second fit).
    var (file, model) = (args[1], args[2]);
    var spec = RweStats.Bench.Models.Spec(model);
    var clock = Stopwatch.StartNew();
    var sums = TableReader.PatternSums(new TableSource(file), spec,
        q => Console.WriteLine($"{clock.Elapsed.TotalSeconds.ToString("F2", inv)} s: {q.Split('\n')[0][..Math.Min(100, q.Split('\n')[0].Length)]}"));
    double computed = clock.Elapsed.TotalSeconds;
    clock.Restart();
    sums = TableReader.PatternSums(new TableSource(file), spec);
    double again = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var fit = MixedModelFitter.Fit(sums, spec);
    double first = clock.Elapsed.TotalSeconds;
    clock.Restart();
    fit = MixedModelFitter.Fit(sums, spec);
    Console.WriteLine($"pattern sums {computed.ToString("F2", inv)} s (again {again.ToString("F2", inv)} s), {sums.Signatures.Count} signatures; " +
                      $"fit {first.ToString("F2", inv)} s (again {clock.Elapsed.TotalSeconds.ToString("F2", inv)} s), " +
                      $"-2LL {fit.FitStatistics.Neg2LogLikelihood.ToString("R", inv)}, peak {(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("F0", inv)} MB");
    return 0;
}

static bool TryResetPeakResident()
{
    try { File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5"); return true; }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
}

var sizes = Arg("--sizes", "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
var visitCounts = Arg("--visits", "6,10").Split(',').Select(int.Parse).ToArray();
var outDir = Arg("--out", Path.Combine("bench", "out"));
Directory.CreateDirectory(outDir);
var self = Environment.ProcessPath!;
var dll = typeof(RweStats.Bench.Models).Assembly.Location;
Console.WriteLine($"RweStats benchmark on {Environment.ProcessorCount} cores, .NET {Environment.Version}; seeded cohorts (simulate mmrm, seed 1)");
Console.WriteLine("fit_s: in-process fit, median of up to 5 fits after a first fit (JIT); peak_MB: peak resident size while fitting (process, table included);");
Console.WriteLine("fit_MB: that peak minus the resident size once the table is loaded; numeric_MB: the file's cells as 8-byte numbers;");
Console.WriteLine("ratio: fit_MB / numeric_MB (the issue's memory target for the fit itself: < 3)");
Console.WriteLine("subjects  visits  model       csv_load_s  first_fit_s  fit_s  iterations  peak_MB  fit_MB  numeric_MB  ratio  us_per_subject  -2LL");
var rows = new List<(int n, int t, string model, double fit)>();
foreach (var t in visitCounts)
    foreach (var n in sizes)
    {
        var file = Path.Combine(outDir, $"mmrm_{n}x{t}.csv");
        if (!File.Exists(file))
            using (var w = new StreamWriter(file)) MmrmCohortSimulator.Write(w, n, t, 1);
        foreach (var model in new[] { "un", "ri-ar1", "ri" })
        {
            var psi = new ProcessStartInfo(self.EndsWith("dotnet") ? self : self, self.EndsWith("dotnet") ? $"\"{dll}\" measure \"{file}\" {model}" : $"measure \"{file}\" {model}")
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var line = p.StandardOutput.ReadToEnd().Trim();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) { Console.WriteLine($"{n,8}  {t,6}  {model,-10}  failed: {err.Split('\n')[0]}"); continue; }
            var f = line.Split(',');
            double load = double.Parse(f[0], inv), fit = double.Parse(f[1], inv);
            rows.Add((n, t, model, fit));
            double peakMb = double.Parse(f[3], inv), loadedMb = double.Parse(f[7], inv), numericMb = double.Parse(f[9], inv);
            // Without a resettable peak counter (not Linux) the peak is the whole run's, and the fit's share is unknown.
            string fitMb = f[8] == "1" ? $"{peakMb - loadedMb,6:F0}" : "     ?", ratio = f[8] == "1" ? $"{(peakMb - loadedMb) / numericMb,5:F2}" : "    ?";
            Console.WriteLine($"{n,8}  {t,6}  {model,-10}  {load,10:F3}  {double.Parse(f[6], inv),11:F3}  {fit,5:F3}  {f[2],10}  {peakMb,7:F0}  {fitMb}  {numericMb,10:F1}  {ratio}  {1e6 * fit / n,14:F2}  {double.Parse(f[4], inv):F4}");
        }
    }
// Growth in subjects: slope of log(fit time) on log(subjects) per model and visit count (1 = linear).
foreach (var g in rows.GroupBy(r => (r.t, r.model)))
{
    var pts = g.Where(r => r.fit > 0).Select(r => (x: Math.Log(r.n), y: Math.Log(r.fit))).ToList();
    if (pts.Count < 2) continue;
    double mx = pts.Average(p => p.x), my = pts.Average(p => p.y);
    double slope = pts.Sum(p => (p.x - mx) * (p.y - my)) / pts.Sum(p => (p.x - mx) * (p.x - mx));
    // Over all sizes the fixed cost of a fit (inference tables, small-size overheads) flattens the slope; between the
    // two largest sizes it shows how the time grows once the data dominate.
    var top = pts.OrderBy(p => p.x).TakeLast(2).ToList();
    double largest = (top[1].y - top[0].y) / (top[1].x - top[0].x);
    Console.WriteLine($"slope of log fit time on log subjects, {g.Key.model}, {g.Key.t} visits: {slope:F2} over all sizes, {largest:F2} between the two largest");
}
return 0;

namespace RweStats.Bench
{
    public static class Models
    {
        public static MixedModelSpec Spec(string model) => model switch
        {
            "un" => new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" },
            "ri-ar1" => new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "ar1", RandomIntercept = true },
            "ri" => new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "vc", RandomIntercept = true },
            _ => throw new ArgumentException(model),
        };
    }

    /// <summary>In-process kernels: one likelihood evaluation with derivatives, on the pattern path and the per-subject path.</summary>
    [BenchmarkDotNet.Attributes.MemoryDiagnoser]
    public class LikelihoodKernels
    {
        LikelihoodObjective patterns = null!, perSubject = null!;
        double[] theta = null!;

        [BenchmarkDotNet.Attributes.GlobalSetup]
        public void Setup()
        {
            var w = new StringWriter();
            MmrmCohortSimulator.Write(w, 10000, 6, 1);
            var file = Path.GetTempFileName();
            File.WriteAllText(file, w.ToString());
            var table = CsvTableReader.Read(file);
            var spec = Models.Spec("un");
            var frame = ModelFrame.Build(table, spec, false);
            var design = new FixedEffectsDesign(frame);
            var cov = new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create("un", 6), false);
            patterns = new LikelihoodObjective(cov, CovariancePattern.Build(frame, design, false), design.Rank, frame.ObservationsUsed, EstimationMethod.Reml);
            perSubject = new LikelihoodObjective(cov, CovariancePattern.Build(frame, design, false, perSubject: true), design.Rank, frame.ObservationsUsed, EstimationMethod.Reml);
            theta = MixedModelFitter.Fit(table, spec).CovarianceParameters.Select(c => c.Estimate).ToArray();
        }

        [BenchmarkDotNet.Attributes.Benchmark] public double PatternPathHessian() => patterns.Evaluate(theta, 2).Value;
        [BenchmarkDotNet.Attributes.Benchmark] public double PerSubjectPathHessian() => perSubject.Evaluate(theta, 2).Value;
    }
}
