namespace RweStats.Tests;

/// <summary>The command line run in the test's process, as a user types it: its exit code and what it printed.</summary>
static class InProcessCli
{
    /// <summary>Runs <c>rwestats ARGS</c> in process and returns its exit code, standard output and standard error.</summary>
    public static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
