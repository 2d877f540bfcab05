using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RweStats.Data;

namespace RweStats.Cli;

/// <summary>
/// A command of the tool: System.CommandLine's command with the text its help prints after the usage line, and the
/// one-line error for a missing or extra argument of a command that takes one ("check takes one paper: …").
/// </summary>
public sealed class ToolCommand(string name, string summary) : Command(name, summary)
{
    /// <summary>What the command does and writes, printed in its help under the usage line (already indented).</summary>
    public string? Details { get; init; }
    /// <summary>The error when the command's arguments are missing or too many; null for a command of options only.</summary>
    public string? ArgumentsError { get; init; }
}

/// <summary>
/// The command line of rwestats on System.CommandLine: the commands and their options (<see cref="SharedOptions"/> for
/// those several commands take), the help generated from them ("rwestats help", "rwestats COMMAND --help"), shell
/// completion (the [suggest] directive that dotnet-suggest calls), and parse errors turned into the tool's one line
/// ("unknown option '--covarience'; did you mean '--covariance'? see 'rwestats fit --help'", exit code 2) instead of
/// System.CommandLine's list of errors followed by the help. Built for one run; nothing is static.
/// </summary>
public sealed class CommandTree
{
    /// <summary>Width of the help text: the terminal's when narrower, so that a redirected help is the same everywhere.</summary>
    const int HelpWidth = 110;

    public SharedOptions Shared { get; } = new();
    public RootCommand Root { get; }

    /// <summary>The commands, in the order of the tool's help.</summary>
    static readonly CommandEntry[] Commands =
    [
        new("fit", o => new FitCommand(o).Command),
        new("analyze", _ => StudyCommands.AnalyzeCommand()),
        new("replicate", _ => StudyCommands.ReplicateCommand()),
        new("plot", _ => StudyCommands.PlotCommand()),
        new("simulate", _ => StudyCommands.SimulateCommand()),
        new("verify", _ => new VerifyCommand().Command),
        new("check", _ => new CheckCommand().Command),
        new("sensitivity", o => new SensitivityCommand(o).Command),
        new("impute", o => new ImputeCommand(o).Command),
    ];

    /// <summary>A command's name and how it is built. (Classes, not tuples, here and in the help: code over reference
    /// types is shared and compiled ahead of time, code over a tuple is compiled at start-up.)</summary>
    sealed record CommandEntry(string Name, Func<SharedOptions, Command> Create);

    /// <summary>One line of a help's two columns.</summary>
    sealed record HelpRow(string Name, string Description);

    /// <param name="command">The command the line names (its first word): only that command is built, which is all a
    /// line that names it can reach; any other first word (help, a directive, a mistyped command) builds them all.</param>
    public CommandTree(string? command = null)
    {
        Root = new RootCommand("mixed models for longitudinal clinical data");
        var named = Commands.Where(c => c.Name == command).ToArray();
        foreach (var entry in named.Length > 0 ? named : Commands) Root.Subcommands.Add(entry.Create(Shared));
        foreach (var option in Root.Options.OfType<HelpOption>())
            option.Action = new PrintHelp(this);
    }

    /// <summary>Width of the help: the terminal's when narrower than <see cref="HelpWidth"/>.</summary>
    static int Width => Console.IsOutputRedirected ? HelpWidth : Math.Clamp(SafeWindowWidth(), 60, HelpWidth);

    static int SafeWindowWidth()
    {
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : HelpWidth; }
        catch (IOException) { return HelpWidth; }
    }

    /// <summary>Arguments as the user typed them: "@file" is a value like any other (no response files).</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The help of one command ("fit"), or of the tool when <paramref name="command"/> is null.</summary>
    public string Help(string? command = null) =>
        command is null ? RootHelp() : CommandHelp(Root.Subcommands.Single(c => c.Name == command));

    /// <summary>"--help" and "-h" of any command: its help on standard output.</summary>
    sealed class PrintHelp(CommandTree tree) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            parseResult.InvocationConfiguration.Output.Write(command is RootCommand ? tree.RootHelp() : tree.CommandHelp(command));
            return 0;
        }
    }

    /// <summary>
    /// The one-line error of a command line that does not parse, or null: an unknown option (with the closest option
    /// of the command), an option without its value or given twice, an unexpected or missing argument, the required
    /// options missing (all named at once), then a value that is not one of its choices or not a number.
    /// </summary>
    public static string? Error(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var unmatched = result.UnmatchedTokens;
        if (command is RootCommand && result.Errors.Count > 0)
        {
            var first = result.Tokens.FirstOrDefault(t => t.Type != TokenType.Directive)?.Value ?? "";
            var names = command.Subcommands.Select(c => c.Name).Append("help");
            return $"unknown command '{first}'; {ClosestName.Hint(first, names)}see 'rwestats help'";
        }
        string seeHelp = $"see 'rwestats {command.Name} --help'";
        if (unmatched.FirstOrDefault(t => t.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
        {
            var name = unknown.Split('=')[0];
            var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            return $"unknown option '{name}'; {ClosestName.Hint(name, known)}{seeHelp}";
        }
        foreach (var option in command.Options)
        {
            if (result.GetResult(option) is not { Implicit: false } given) continue;
            // Each time the option is named it takes its value: "--alpha 0.1 --alpha" lacks one, though the option has a value.
            int named = result.Tokens.Count(t => t.Type == TokenType.Option && (t.Value == option.Name || option.Aliases.Contains(t.Value)));
            if (option.Arity.MinimumNumberOfValues > 0 && given.Tokens.Count < named) return $"option '{option.Name}' needs a value";
            if (option.Arity.MaximumNumberOfValues == 1 && named > 1)
                return $"option '{option.Name}' given {named} times; give it once";
        }
        if (command is ToolCommand { ArgumentsError: { } argumentsError })
        {
            if (unmatched.Count > 0 || command.Arguments.Any(a => result.GetResult(a) is not { Tokens.Count: > 0 })) return argumentsError;
        }
        else if (unmatched.Count > 0) return $"unexpected argument '{unmatched[0]}'; options start with --";
        var missing = command.Options.Where(o => o.Required && result.GetResult(o) is null or { Implicit: true }).Select(o => $"'{o.Name}'").ToList();
        if (missing.Count > 0)
            return $"missing required option{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; {seeHelp}";
        return result.Errors.FirstOrDefault()?.Message;
    }

    string RootHelp()
    {
        var text = new System.Text.StringBuilder();
        text.Append($"rwestats — {Root.Description}\n\nusage: rwestats COMMAND [options]\n\ncommands:\n");
        Columns(text, Root.Subcommands.Select(c => new HelpRow(c.Name, c.Description ?? "")).Append(new HelpRow("help", "this text")));
        text.Append("""

            'rwestats COMMAND --help' describes each command. The documentation's command-line page
            (docs/command-line.md) describes every option and how to turn on shell completion.

            exit codes: 0 success, 2 input or usage error, 1 internal error

            """);
        return text.ToString();
    }

    /// <summary>A command's help, generated from its definition: the usage line (its arguments and required options), what
    /// it does, its arguments and every option with its value name and description.</summary>
    string CommandHelp(Command command)
    {
        var text = new System.Text.StringBuilder();
        var needed = command.Arguments.Select(a => a.HelpName ?? a.Name)
            .Concat(command.Options.Where(o => o.Required).Select(o => $"{o.Name} {Quoted(o.HelpName ?? "VALUE")}"));
        text.Append($"usage: rwestats {string.Join(' ', needed.Prepend(command.Name))} [options]\n\n");
        Columns(text, [new HelpRow("", command.Description ?? "")]);
        if (command is ToolCommand { Details: { } details }) text.Append('\n').Append(details.TrimEnd('\n')).Append('\n');
        if (command.Arguments.Count > 0)
        {
            text.Append("\narguments:\n");
            Columns(text, command.Arguments.Select(a => new HelpRow(a.HelpName ?? a.Name, a.Description ?? "")));
        }
        text.Append("\noptions:\n");
        Columns(text, command.Options.Where(o => !o.Hidden).Select(o => new HelpRow(Label(o), (o.Description ?? "") + (o.Required ? " (required)" : ""))));
        return text.ToString();
    }

    static string Label(Option option) => option switch
    {
        HelpOption => "-h, --help",
        _ when option.Arity.MaximumNumberOfValues == 0 => option.Name,
        _ => $"{option.Name} {Quoted(option.HelpName ?? "VALUE")}",
    };

    /// <summary>Two columns: the names from the third character, the descriptions wrapped after the longest name (from
    /// the 28th character at most; a longer name puts its description on the next line).</summary>
    static void Columns(System.Text.StringBuilder text, IEnumerable<HelpRow> rows)
    {
        int width = Width;
        const int indent = 2;
        var list = rows.ToList();
        int longest = 0;
        foreach (var row in list) longest = Math.Max(longest, row.Name.Length);
        int column = Math.Min(27, indent + longest + 2);
        foreach (var (name, description) in list)
        {
            var line = new System.Text.StringBuilder(new string(' ', indent) + name);
            if (name.Length == 0) line.Length = indent;
            else if (line.Length > column - 1) { text.Append(line).Append('\n'); line.Clear(); }
            int start = name.Length == 0 ? indent : column;
            foreach (var word in description.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length < start) line.Append(' ', start - line.Length);
                else if (line.Length > start && line.Length + 1 + word.Length > width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(' ', start);
                }
                else if (line.Length > start) line.Append(' ');
                line.Append(word);
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    static string Quoted(string valueName) => valueName.Contains(' ') ? $"\"{valueName}\"" : valueName;
}
