namespace RweStats.Tests;

/// <summary>The command line's parser: help generated from the option definitions, shell completion, and every parse
/// error as one line with exit code 2 (never System.CommandLine's list of errors followed by the help).</summary>
public class CommandLineTests
{
    static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    static readonly string[] Fit = { "fit", "--data", RepoPaths.Data("example_cohort.csv"), "--formula", "y ~ visit*arm", "--subject", "id", "--time", "visit" };

    public static TheoryData<string> Commands() => new(new RweStats.Cli.CommandTree().Root.Subcommands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommandsHelpListsEveryOptionItTakes(string command)
    {
        var (code, stdout, stderr) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith($"usage: rwestats {command}", stdout);
        var definition = new RweStats.Cli.CommandTree().Root.Subcommands.Single(c => c.Name == command);
        foreach (var option in definition.Options)
            Assert.Contains(option.Name, stdout);
        Assert.DoesNotContain("README", stdout);
        Assert.Equal(stdout, Run("help", command).stdout);
    }

    [Fact]
    public void TheToolsHelpListsEveryCommandAndPointsToTheDocs()
    {
        var (code, stdout, _) = Run("help");
        Assert.Equal(0, code);
        foreach (var command in new RweStats.Cli.CommandTree().Root.Subcommands)
            Assert.Contains($"  {command.Name} ", stdout);
        Assert.Contains("docs/command-line.md", stdout);
        Assert.DoesNotContain("README", stdout);
        Assert.Equal(stdout, Run("--help").stdout);
    }

    [Theory]
    [InlineData("--data", "option '--data' given 2 times; give it once")]
    [InlineData("--alpha=0.1 --alpha 0.2", "option '--alpha' given 2 times; give it once")]
    [InlineData("--alpha=0.1 --alpha", "option '--alpha' needs a value")]
    [InlineData("--where", "option '--where' needs a value")]
    [InlineData("--df kr", "option '--df': 'kr' is not one of residual, containment, between-within, satterthwaite, kenward-roger, kenward-roger-linear")]
    [InlineData("--format xml", "option '--format': 'xml' is not one of text, json")]
    [InlineData("--max-iterations many", "option '--max-iterations': 'many' is not a number")]
    [InlineData("stray", "unexpected argument 'stray'; options start with --")]
    [InlineData("--blups yes", "unexpected argument 'yes'; options start with --")]
    [InlineData("--std-error model", "unknown option '--std-error'; did you mean '--std-errors'? see 'rwestats fit --help'")]
    [InlineData("--time-oder=M0,M6", "unknown option '--time-oder'; did you mean '--time-order'? see 'rwestats fit --help'")]
    public void ParseErrorsAreOneLineWithExitCode2(string extra, string expected)
    {
        var words = extra.Split(' ');
        // "--data" given again (a second value), "--where" at the end without its value.
        var args = words[0] == "--data" ? Fit.Append("--data").Append("other.csv") : Fit.Concat(words);
        var (code, stdout, stderr) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rwestats: error: {expected}\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "a.txt", "b.txt")]
    [InlineData("verify")]
    [InlineData("analyze", "--out", "x")]
    [InlineData("plot", "a.json", "b.json", "--out", "x")]
    [InlineData("simulate", "--out", "x.csv")]
    [InlineData("impute")]
    [InlineData("sensitivity", "--data")]
    [InlineData("nonsense")]
    [InlineData("--data", "x.csv")]
    public void NoCommandLineGetsSystemCommandLinesOwnErrorText(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("rwestats: error: ", stderr);
        foreach (var text in new[] { "Unrecognized command", "Required argument", "is required.", "Description:", "Usage:" })
            Assert.DoesNotContain(text, stderr);
    }

    [Fact]
    public void AnOptionAndItsValueInOneWordAreTheSameAsInTwo()
    {
        var two = Run(Fit.Concat(new[] { "--covariance", "cs", "--alpha", "0.1", "--format", "json" }).ToArray());
        var one = Run(Fit.Concat(new[] { "--covariance=cs", "--alpha:0.1", "--format=JSON" }).ToArray());
        Assert.Equal(0, two.code);
        Assert.Equal(two.stdout, one.stdout);
    }

    [Fact]
    public void ShellCompletionOffersOptionsAndTheirChoices()
    {
        var (code, stdout, _) = Run("[suggest:18]", "rwestats fit --cov");
        Assert.Equal(0, code);
        Assert.Equal(new[] { "--covariance" }, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var df = Run("[suggest:18]", "rwestats fit --df ").stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(RweStats.Model.DfMethodNames.All.Select(d => d.Name).Order(StringComparer.Ordinal), df.Order(StringComparer.Ordinal));
        Assert.Contains("sensitivity", Run("[suggest:11]", "rwestats se").stdout);
    }
}
