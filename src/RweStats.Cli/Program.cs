using RweStats;
using RweStats.Cli;

// rwestats: the command-line face of the RweStats library. It parses arguments, calls the library and
// formats output; exit code 0 on success, 2 for a problem with the input or the request (one line on
// standard error naming where and how to fix it), 1 for an internal error.
return Cli.Main(args, Console.Out, Console.Error);

namespace RweStats.Cli
{
    public static class Cli
    {
        public const string Usage = """
            rwestats — mixed models for longitudinal clinical data

            usage: rwestats COMMAND [options]

            commands:
              fit         fit one mixed model to a CSV file (see 'rwestats fit --help')
              sensitivity visit-contrast p-values under every df method x model/empirical SEs
                          (see 'rwestats sensitivity --help')
              help        this text

            exit codes: 0 success, 2 input or usage error, 1 internal error
            """;

        public static int Main(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
                {
                    stdout.WriteLine(Usage);
                    return args.Length == 0 ? 2 : 0;
                }
                var rest = args[1..];
                bool help = rest.Contains("--help") || rest.Contains("-h");
                switch (args[0])
                {
                    case "fit":
                        if (help) { stdout.WriteLine(FitCommand.Usage); return 0; }
                        return FitCommand.Run(rest, stdout);
                    case "sensitivity":
                        if (help) { stdout.WriteLine(SensitivityCommand.Usage); return 0; }
                        return SensitivityCommand.Run(rest, stdout);
                    default:
                        stderr.WriteLine($"rwestats: error: unknown command '{args[0]}'; see 'rwestats help'");
                        return 2;
                }
            }
            catch (RweStatsInputException e)
            {
                stderr.WriteLine($"rwestats: error: {e.Message}");
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
