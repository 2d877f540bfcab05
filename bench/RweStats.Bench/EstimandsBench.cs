using System.Diagnostics;
using System.Globalization;
using System.Text;
using RweStats.Data;
using RweStats.Estimands;
using RweStats.Model;
using RweStats.Simulation;

namespace RweStats.Bench;

/// <summary>
/// Reference-based imputation timings (dotnet run -c Release --project bench/RweStats.Bench -- estimands [--repeat 5]):
/// conditional mean + jackknife on rbmi's antidepressant_data (JR, the quickstart's model) from reading the files to the
/// pooled table; 1,000 conditional-mean bootstrap samples; a 50-point tipping-point grid; the jackknife at 10⁴ subjects
/// × 6 visits (10⁴ refits). Medians of --repeat runs after a warm-up run (whose time, with the JIT, is printed too).
/// rbmi's times for the same jobs: bench/estimands_r.R. With --profile, only where the 10⁴ × 6 jackknife's CPU time goes
/// (the imputation model's fit, the refits alone, the rest), on one thread.
/// </summary>
public static class EstimandsBench
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        int repeat = args.Contains("--repeat") ? int.Parse(args[Array.IndexOf(args, "--repeat") + 1], Inv) : 5;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RweStats.sln"))) root = Path.GetDirectoryName(root)!;
        string data = Path.Combine(root, "data", "antidepressant_long.csv"), ice = Path.Combine(root, "data", "antidepressant_ice.csv");
        EstimandSpec Antidepressant(ImputationMethod method, int samples = 1000) => new()
        {
            Model = new MixedModelSpec { Formula = "CHANGE ~ THERAPY + VISIT + BASVAL * VISIT + THERAPY * VISIT", Subject = "PATIENT", Time = "VISIT", Covariance = "un" },
            Arm = "THERAPY", DefaultReference = "PLACEBO", DefaultStrategy = ImputationStrategy.JumpToReference,
            Events = IntercurrentEvents.Read(CsvTableReader.Read(ice), "PATIENT", "VISIT"), Method = method, Samples = samples,
            AnalysisCovariates = new[] { "BASVAL" },
        };

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} (wall time is inflated on a loaded machine; CPU time is the process's, all threads)");
        Console.WriteLine($"{"job",-66} {"first (s)",10} {"median (s)",11} {"CPU (s)",9}");
        if (!args.Contains("--profile"))
        {
            Measure("antidepressant, condmean + jackknife, JR (read, fit, 172 refits, pool)", repeat, () =>
                ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife)).Pool());
            Measure("antidepressant, condmean + bootstrap, 1000 samples", repeat, () =>
                ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanBootstrap)).Pool());
            var jackknife = ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife));
            var shifts = Enumerable.Range(0, 50).Select(i => -10 + 20.0 * i / 49).ToList();
            Measure("antidepressant, 50-point tipping grid on the jackknife (grid only)", repeat, () => jackknife.TippingPoint("DRUG", "7", shifts));
            Measure("antidepressant, jackknife + 50-point tipping grid (whole)", repeat, () =>
                ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife)).TippingPoint("DRUG", "7", shifts));
        }

        // 10^4 subjects x 6 visits, the benchmark cohort (simulate mmrm), the event at each subject's first missing visit.
        var sb = new StringWriter();
        MmrmCohortSimulator.Write(sb, 10_000, 6, 1);
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var large = CsvTableReader.Read(new MemoryStream(bytes), "mmrm_10000x6.csv", CsvDialect.Default);
        var events = new List<IntercurrentEvent>();
        var seen = new HashSet<string>();
        for (int r = 0; r < large.RowCount; r++)
            if (large.IsMissing(large.ColumnIndex("y"), r) && seen.Add(large.Cell(0, r)!)) events.Add(new IntercurrentEvent(large.Cell(0, r)!, large.Cell(1, r)!));
        var largeSpec = new EstimandSpec
        {
            Model = new MixedModelSpec { Formula = "y ~ arm * visit + base * visit", Subject = "id", Time = "visit", Covariance = "un" },
            Arm = "arm", DefaultReference = "PBO", DefaultStrategy = ImputationStrategy.JumpToReference, Events = events,
            AnalysisCovariates = new[] { "base" },
        };
        if (!args.Contains("--profile"))
        {
            Measure($"10^4 x 6, condmean + jackknife, JR ({events.Count} events, 10^4 refits)", Math.Min(repeat, 3), () =>
                ReferenceBasedImputation.Run(large, largeSpec).Pool());
            return 0;
        }

        // Where the time of the 10^4 x 6 jackknife goes, on one thread: the imputation model's fit, the 10^4
        // leave-one-subject-out refits alone, and the rest (imputation, analysis by keys, pooling).
        Console.WriteLine("10^4 x 6 jackknife, one thread, CPU seconds by stage:");
        ImputationData? built = null;
        double fitCpu = CpuSeconds(() => built = ImputationData.Build(large, largeSpec));
        var model = new ImputationModel(built!.Fit);
        int refitted = 0;
        double refitCpu = CpuSeconds(() =>
        {
            foreach (var (label, s) in model.SubjectIndex) { model.LeaveOneOut(s, label); refitted++; }
        });
        double wholeCpu = CpuSeconds(() => ReferenceBasedImputation.Run(large, largeSpec with { Threads = 1 }).Pool());
        Console.WriteLine($"  read + imputation model fit {fitCpu.ToString("F3", Inv)}; {refitted} refits {refitCpu.ToString("F3", Inv)} " +
                          $"({(1e6 * refitCpu / refitted).ToString("F0", Inv)} us each); whole run {wholeCpu.ToString("F3", Inv)}, " +
                          $"so imputation + analysis + pooling {(wholeCpu - fitCpu - refitCpu).ToString("F3", Inv)}");
        return 0;
    }

    static void Measure(string job, int repeat, Func<object> run)
    {
        var clock = Stopwatch.StartNew();
        run();
        double first = clock.Elapsed.TotalSeconds;
        var times = new List<(double wall, double cpu)>();
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            run();
            double wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            times.Add((wall, (process.TotalProcessorTime - cpu).TotalSeconds));
        }
        var wallMedian = times.Select(x => x.wall).OrderBy(x => x).ElementAt(times.Count / 2);
        var cpuMedian = times.Select(x => x.cpu).OrderBy(x => x).ElementAt(times.Count / 2);
        Console.WriteLine($"{job,-66} {first.ToString("F3", Inv),10} {wallMedian.ToString("F3", Inv),11} {cpuMedian.ToString("F3", Inv),9}");
    }

    static double CpuSeconds(Action run)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        run();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
