using RweStats;
using RweStats.Cli;

// rwestats: the command-line face of the RweStats library. It parses arguments, calls the library and
// formats output; exit code 0 on success, 2 for a problem with the input or the request (one line on
// standard error naming where and how to fix it), 1 for an internal error.
// Math.NET's managed linear algebra, named rather than found: on its first use Math.NET otherwise probes for native
// providers (MKL, OpenBLAS, CUDA), which the tool does not ship; the probe alone was 4 % of `fit`'s start on 10^4 × 6.
MathNet.Numerics.Control.UseManaged();
return Cli.Run(args, Console.Out, Console.Error);

namespace RweStats.Cli
{
    public static class Cli
    {
        public const string Usage = """
            rwestats — mixed models for longitudinal clinical data

            usage: rwestats COMMAND [options]

            commands:
              fit         fit one mixed model to a data file (CSV, SAS transport .xpt, Parquet, DuckDB) or a
                          PostgreSQL table (see 'rwestats fit --help')
              analyze     run an analysis spec: descriptives, classes, mixed models, report (SPEC.json --out DIR)
              replicate   the main job: reproduce the belimumab study and compare with the paper
              plot        draw the figures of an analysis spec (SPEC.json --out DIR)
              simulate    write the synthetic belimumab biomarker cohort or a benchmark cohort
              verify      reviewer mode: check a paper's reported numbers against its data (CLAIMS.json)
              check       reviewer mode without the data: the numbers a paper (.txt, .md, .pdf) cannot have
                          (see 'rwestats check --help')
              sensitivity visit-contrast p-values under every df method x model/empirical SEs
                          (see 'rwestats sensitivity --help')
              impute      estimands: reference-based imputation (MAR, JR, CR, CIR, LMCF), tipping points
                          (see 'rwestats impute --help')
              help        this text

            'rwestats COMMAND --help' describes each command.

            exit codes: 0 success, 2 input or usage error, 1 internal error
            """;

        /// <summary>An error message quotes user input, which may hold line breaks or control characters: escape them so the message stays one line.</summary>
        public static string OneLine(string message)
        {
            var sb = new System.Text.StringBuilder(message.Length);
            foreach (var c in message)
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ when char.IsControl(c) => $"\\u{(int)c:x4}", _ => c.ToString() });
            return sb.ToString();
        }

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                if (args.Length == 0)
                {
                    // No command is a usage error: the usage goes to standard error, as for any other error (exit 2).
                    stderr.WriteLine(Usage);
                    return 2;
                }
                if (args[0] is "help" or "--help" or "-h")
                {
                    stdout.WriteLine(Usage);
                    return 0;
                }
                var rest = args[1..];
                bool help = rest.Contains("--help") || rest.Contains("-h");
                switch (args[0])
                {
                    case "fit":
                        if (help) { stdout.WriteLine(FitCommand.Usage); return 0; }
                        return FitCommand.Run(rest, stdout, stderr);
                    case "analyze":
                        if (help) { stdout.WriteLine(StudyCommands.AnalyzeUsage); return 0; }
                        return StudyCommands.Analyze(rest, stdout, stderr);
                    case "replicate":
                        if (help) { stdout.WriteLine(StudyCommands.ReplicateUsage); return 0; }
                        return StudyCommands.Replicate(rest, stdout, stderr);
                    case "simulate":
                        if (help) { stdout.WriteLine(StudyCommands.SimulateUsage); return 0; }
                        return StudyCommands.Simulate(rest, stdout);
                    case "plot":
                        if (help) { stdout.WriteLine(StudyCommands.PlotUsage); return 0; }
                        return StudyCommands.Plot(rest, stdout, stderr);
                    case "verify":
                        if (help) { stdout.WriteLine(VerifyCommand.Usage); return 0; }
                        return VerifyCommand.Run(rest, stdout, stderr);
                    case "check":
                        if (help) { stdout.WriteLine(CheckCommand.Usage); return 0; }
                        return CheckCommand.Run(rest, stdout, stderr);
                    case "sensitivity":
                        if (help) { stdout.WriteLine(SensitivityCommand.Usage); return 0; }
                        return SensitivityCommand.Run(rest, stdout, stderr);
                    case "impute":
                        if (help) { stdout.WriteLine(ImputeCommand.Usage); return 0; }
                        return ImputeCommand.Run(rest, stdout, stderr);
                    default:
                        stderr.WriteLine($"rwestats: error: unknown command '{args[0]}'; see 'rwestats help'");
                        return 2;
                }
            }
            catch (RweStatsInputException e)
            {
                stderr.WriteLine($"rwestats: error: {OneLine(e.MessageNaming(ModelOptions.OptionName))}");
                return 2;
            }
            catch (UnauthorizedAccessException e)
            {
                // A file or folder of the user's that the system does not let us read or write ("Access to the path
                // '…' is denied."): theirs to fix, named by the path.
                stderr.WriteLine($"rwestats: error: {OneLine(e.Message)}");
                return 2;
            }
            catch (Exception e)
            {
                stderr.WriteLine($"rwestats: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (please report it; set RWESTATS_DEBUG=1 for details)");
                if (Environment.GetEnvironmentVariable("RWESTATS_DEBUG") == "1") stderr.WriteLine(e);
                return 1;
            }
        }
    }
}
