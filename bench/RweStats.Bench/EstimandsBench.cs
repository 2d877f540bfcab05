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
/// rbmi's times for the same jobs: bench/estimands_r.R.
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

        Console.WriteLine($"{"job",-62} {"first (s)",10} {"median (s)",11}");
        Measure("antidepressant, condmean + jackknife, JR (read, fit, 172 refits, pool)", repeat, () =>
            ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife)).Pool());
        Measure("antidepressant, condmean + bootstrap, 1000 samples", repeat, () =>
            ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanBootstrap)).Pool());
        var jackknife = ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife));
        var shifts = Enumerable.Range(0, 50).Select(i => -10 + 20.0 * i / 49).ToList();
        Measure("antidepressant, 50-point tipping grid on the jackknife (grid only)", repeat, () => jackknife.TippingPoint("DRUG", "7", shifts));
        Measure("antidepressant, jackknife + 50-point tipping grid (whole)", repeat, () =>
            ReferenceBasedImputation.Run(CsvTableReader.Read(data), Antidepressant(ImputationMethod.ConditionalMeanJackknife)).TippingPoint("DRUG", "7", shifts));

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
        Measure($"10^4 x 6, condmean + jackknife, JR ({events.Count} events, 10^4 refits)", Math.Min(repeat, 3), () =>
            ReferenceBasedImputation.Run(large, largeSpec).Pool());
        return 0;
    }

    static void Measure(string job, int repeat, Func<object> run)
    {
        var clock = Stopwatch.StartNew();
        run();
        double first = clock.Elapsed.TotalSeconds;
        var times = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            clock.Restart();
            run();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine($"{job,-62} {first.ToString("F3", Inv),10} {times[times.Count / 2].ToString("F3", Inv),11}");
    }
}
