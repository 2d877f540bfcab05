using RweStats;
using RweStats.Cli;

// rwestats: the command-line face of the RweStats library. It parses arguments, calls the library and
// formats output; exit code 0 on success, 2 for a problem with the input or the request (one line on
// standard error naming where and how to fix it), 1 for an internal error.
// Math.NET's managed linear algebra, named rather than found: on its first use Math.NET otherwise probes for native
// providers (MKL, OpenBLAS, CUDA), which the tool does not ship; the probe alone was 4 % of `fit`'s start on 10^4 × 6.
MathNet.Numerics.Control.UseManaged();
// Math.NET runs each column of a solve (C = (XᵀV⁻¹X)⁻¹ at every likelihood evaluation) as a parallel loop: on matrices
// of a few dozen columns the hand-offs cost more than the work, and where RweStats runs fits side by side (verify, the
// outcomes of a spec) they only compete with them. One thread per Math.NET operation; the same numbers, column by column.
MathNet.Numerics.Control.MaxDegreeOfParallelism = 1;
return Cli.Run(args, Console.Out, Console.Error);

namespace RweStats.Cli
{
    public static class Cli
    {
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
                var tree = new CommandTree(args.Length > 0 ? args[0] : null);
                if (args.Length == 0)
                {
                    // No command is a usage error: the usage goes to standard error, as for any other error (exit 2).
                    stderr.Write(tree.Help());
                    return 2;
                }
                var result = tree.Parse(args[0] == "help" ? ["--help", .. args[1..]] : args);
                // Help, [suggest] (shell completion) and --version run whatever else the line holds; a command runs only
                // on a line that parses, and a line that does not gets one line of error, never System.CommandLine's list.
                if (result.Action is not (null or System.CommandLine.Invocation.ParseErrorAction) && result.Action != result.CommandResult.Command.Action)
                    return result.Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
                if (CommandTree.Error(result) is { } error) throw new RweStatsInputException(error);
                return result.Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
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
