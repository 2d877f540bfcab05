using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RweStats.Data.Sql;
using RweStats.Estimation;

namespace RweStats.Bench;

/// <summary>
/// The database push-down against pulling the rows, on a PostgreSQL table of ROWS measurement rows (subjects × 10
/// visits, two arms, a baseline covariate, ~30 % dropout), model y ~ arm*visit + base with UN REML + Satterthwaite:
///   dotnet run -c Release --project bench/RweStats.Bench -- postgres [--rows 10000000] [--runs 3]
/// Uses the server of RWESTATS_PG_HOST/PORT/USER/PASSWORD/DB, or starts one with scripts/pg-test-server.sh. Each
/// measurement runs in a child process: wall time of the fit from the database (connection, queries, transfer, fit) and
/// the child's peak resident memory; then the whole command (`rwestats fit`, start-up included); medians of RUNS. Bytes
/// received from the server are counted by one more run through a relay (<see cref="ByteCountingRelay"/>) between the
/// child and the server, not timed.
/// </summary>
public static class PostgresBench
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    const string Formula = "y ~ arm*visit + base";

    static MixedModelResult FitOnce(string mode, PostgresSource source)
    {
        var spec = new Model.MixedModelSpec { Formula = Formula, Subject = "id", Time = "visit", Covariance = "un" };
        if (mode == "push") return MixedModelFitter.Fit(source.PatternSums(spec), spec);
        var (table, rowSpec) = source.ReadRows(spec);
        return MixedModelFitter.Fit(table, rowSpec);
    }

    /// <summary>Child: one measurement (mode push|pull), printed as one CSV line.</summary>
    public static int Measure(string mode, string address)
    {
        var source = PostgresSource.Open(address, null);
        var clock = Stopwatch.StartNew();
        var fit = FitOnce(mode, source);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Join(",", seconds.ToString("R", Inv), "0",
            (Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("F0", Inv), fit.FitStatistics.Neg2LogLikelihood.ToString("R", Inv),
            fit.ObservationsUsed.ToString(Inv)));
        return 0;
    }

    public static int Run(string[] args, string self, string dll)
    {
        string Arg(string name, string fallback) { int i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        long rows = long.Parse(Arg("--rows", "10000000"), Inv);
        int runs = int.Parse(Arg("--runs", "3"), Inv);
        var root = FindRoot();
        string? ownDir = null;
        var env = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("RWESTATS_PG_HOST") is { Length: > 0 })
            foreach (var k in new[] { "HOST", "PORT", "USER", "PASSWORD", "DB" }) env[k] = Environment.GetEnvironmentVariable("RWESTATS_PG_" + k) ?? "";
        else
        {
            ownDir = $"/tmp/rwestats-bench-pg-{Environment.ProcessId}";
            var (code, stdout) = Shell(Path.Combine(root, "scripts", "pg-test-server.sh"), "start", ownDir);
            if (code != 0) { Console.Error.WriteLine("could not start a PostgreSQL server"); return 2; }
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                if (line.StartsWith("RWESTATS_PG_", StringComparison.Ordinal)) env[line[12..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
        }
        if (!env.TryGetValue("DB", out var db) || db.Length == 0) env["DB"] = "postgres";
        Environment.SetEnvironmentVariable("PGUSER", env["USER"]);
        Environment.SetEnvironmentVariable("PGPASSWORD", env["PASSWORD"]);
        try
        {
            string table = $"bench_mmrm_{rows}";
            string address = $"postgresql://{env["HOST"]}:{env["PORT"]}/{env["DB"]}?table=public.{table}";
            var connectionString = new NpgsqlConnectionStringBuilder { Host = env["HOST"], Port = int.Parse(env["PORT"], Inv), Username = env["USER"], Password = env["PASSWORD"], Database = env["DB"], CommandTimeout = 0 }.ConnectionString;
            using (var c = new NpgsqlConnection(connectionString))
            {
                c.Open();
                using var exists = new NpgsqlCommand($"SELECT to_regclass('public.{table}') IS NOT NULL", c);
                if (!(bool)exists.ExecuteScalar()!)
                {
                    var clock = Stopwatch.StartNew();
                    long subjects = rows / 10;
                    // Seeded by hashes of the ids (no random()): the same table every time. Dropout: 70 % complete, others
                    // stop after visit 2..9; y = 10 + 0.3 base + slope(arm) × visit + subject effect + noise; no missing y.
                    using var create = new NpgsqlCommand($"""
                        CREATE UNLOGGED TABLE public.{table} AS
                        WITH s AS (
                          SELECT id, CASE WHEN hashint8(id * 7 + 1) % 2 = 0 THEN 'PBO' ELSE 'TRT' END AS arm,
                                 50 + 10 * (hashint8(id * 7 + 2) / 2147483648.0) AS base, 3 * (hashint8(id * 7 + 3) / 2147483648.0) AS b,
                                 CASE WHEN abs(hashint8(id * 7 + 4)) % 10 < 7 THEN 10 ELSE 2 + abs(hashint8(id * 7 + 5)) % 8 END AS last_visit
                          FROM generate_series(1, {subjects}) AS id)
                        SELECT id, 'VIS' || v AS visit, arm, base::double precision AS base,
                               (10 + 0.3 * base + v * CASE arm WHEN 'TRT' THEN 1.0 ELSE 0.5 END + b + 2 * (hashint8(id * 16 + v) / 2147483648.0))::double precision AS y
                        FROM s CROSS JOIN generate_series(1, 10) AS v WHERE v <= last_visit
                        """, c);
                    create.ExecuteNonQuery();
                    using var analyze = new NpgsqlCommand($"ANALYZE public.{table}", c);
                    analyze.ExecuteNonQuery();
                    Console.WriteLine($"created public.{table} in {clock.Elapsed.TotalSeconds:F1} s");
                }
                using var count = new NpgsqlCommand($"SELECT COUNT(*), pg_total_relation_size('public.{table}') FROM public.{table}", c);
                using var r = count.ExecuteReader();
                r.Read();
                Console.WriteLine($"PostgreSQL table public.{table}: {r.GetInt64(0):N0} rows, {r.GetInt64(1) / 1048576.0:F0} MB on disk; model {Formula}, UN REML + Satterthwaite");
            }
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; medians of {runs} runs (min-max)");
            Console.WriteLine("path        in-process_s        received_MB  peak_MB  whole_command_s      -2LL");
            foreach (var mode in new[] { "push", "pull" })
            {
                var times = new List<double>(); var bytes = new List<double>(); var peaks = new List<double>(); var whole = new List<double>();
                string ll = "";
                for (int i = 0; i < runs; i++)
                {
                    var (code, line) = Child(self, dll, "measure-pg", mode, address);
                    if (code != 0) { Console.WriteLine($"{mode}: failed: {line}"); break; }
                    var f = line.Trim().Split(',');
                    times.Add(double.Parse(f[0], Inv)); peaks.Add(double.Parse(f[2], Inv)); ll = f[3];
                    // The whole command: `rwestats fit` from start-up to the JSON report.
                    var cli = Path.Combine(root, "src", "RweStats.Cli", "bin", "Release", "net10.0", "RweStats.Cli.dll");
                    var clock = Stopwatch.StartNew();
                    var cliArgs = new List<string> { cli, "fit", "--data", address, "--formula", Formula, "--subject", "id", "--time", "visit", "--format", "json" };
                    if (mode == "pull") cliArgs.Add("--pull-rows");
                    var (cliCode, _) = Run("dotnet", cliArgs.ToArray());
                    if (cliCode == 0) whole.Add(clock.Elapsed.TotalSeconds);
                }
                if (times.Count == 0) continue;
                // Bytes: one more child run, through the relay.
                using (var relay = new ByteCountingRelay(env["HOST"], int.Parse(env["PORT"], Inv)))
                {
                    var relayed = address.Replace($"{env["HOST"]}:{env["PORT"]}", $"127.0.0.1:{relay.Port}", StringComparison.Ordinal);
                    var (code, _) = Child(self, dll, "measure-pg", mode, relayed);
                    if (code == 0) bytes.Add(relay.FromServer / 1048576.0);
                }
                Console.WriteLine($"{mode,-8}  {Median(times),6:F2} ({times.Min():F2}-{times.Max():F2})  {(bytes.Count > 0 ? Median(bytes) : double.NaN),11:F3}  {Median(peaks),7:F0}  " +
                                  (whole.Count > 0 ? $"{Median(whole),6:F2} ({whole.Min():F2}-{whole.Max():F2})" : "   n/a          ") + $"  {double.Parse(ll, Inv):F4}");
            }
            return 0;
        }
        finally
        {
            if (ownDir is not null) Shell(Path.Combine(root, "scripts", "pg-test-server.sh"), "stop", ownDir);
        }
    }

    static double Median(List<double> xs) { var s = xs.OrderBy(x => x).ToList(); return s[s.Count / 2]; }

    static (int, string) Child(string self, string dll, params string[] args) =>
        self.EndsWith("dotnet", StringComparison.Ordinal) ? Run(self, new[] { dll }.Concat(args).ToArray()) : Run(self, args);

    static (int, string) Shell(string script, params string[] args) => Run("bash", new[] { script }.Concat(args).ToArray());

    static (int, string) Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, p.ExitCode == 0 ? output : err.Result.Split('\n')[0]);
    }

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RweStats.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>A TCP relay on 127.0.0.1 to the server that counts the bytes each way (the client's traffic, nothing else).</summary>
public sealed class ByteCountingRelay : IDisposable
{
    readonly System.Net.Sockets.TcpListener listener;
    readonly CancellationTokenSource stop = new();
    readonly List<Task> pumps = new();
    long fromServer, toServer;
    public int Port { get; }
    public long FromServer => Interlocked.Read(ref fromServer);
    public long ToServer => Interlocked.Read(ref toServer);

    public ByteCountingRelay(string host, int port)
    {
        listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                System.Net.Sockets.TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (Exception) { return; }
                var server = new System.Net.Sockets.TcpClient();
                await server.ConnectAsync(host, port);
                lock (pumps)
                {
                    pumps.Add(Pump(client.GetStream(), server.GetStream(), n => Interlocked.Add(ref toServer, n)));
                    pumps.Add(Pump(server.GetStream(), client.GetStream(), n => Interlocked.Add(ref fromServer, n)));
                }
            }
        });
    }

    static async Task Pump(Stream from, Stream to, Action<long> count)
    {
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0) { count(n); await to.WriteAsync(buffer.AsMemory(0, n)); }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        finally { to.Dispose(); }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        Task[] all;
        lock (pumps) all = pumps.ToArray();
        Task.WaitAll(all, TimeSpan.FromSeconds(5));
    }
}
