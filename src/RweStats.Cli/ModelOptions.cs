using RweStats.Data;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// The data and model options that "fit" and "sensitivity" share, parsed in one place: the option names,
/// their meaning and their errors are the same for both commands.
/// </summary>
public static class ModelOptions
{
    public static readonly IReadOnlySet<string> ValueOptions = new HashSet<string>
    {
        "--data", "--subject", "--time", "--time-order", "--baseline", "--covariance", "--time-value",
        "--group", "--method", "--class", "--ref", "--alpha", "--format", "--out", "--max-iterations",
        "--select-by", "--candidates", "--kr-information", "--data-format", "--member", "--query", "--where", "--missing",
    };
    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--random-intercept", "--report-nonconverged", "--decimal-comma", "--quiet" };

    public static readonly IReadOnlyDictionary<string, DfMethod> DfChoices = DfMethodNames.All.ToDictionary(d => d.Name, d => d.Method);
    public static readonly IReadOnlyDictionary<string, EstimationMethod> MethodChoices = new Dictionary<string, EstimationMethod>
    {
        ["reml"] = EstimationMethod.Reml, ["ml"] = EstimationMethod.Ml,
    };
    public static readonly IReadOnlyDictionary<string, StdErrorMethod> StdErrorChoices = new Dictionary<string, StdErrorMethod>
    {
        ["model"] = StdErrorMethod.Model, ["empirical"] = StdErrorMethod.Empirical,
    };
    public static readonly IReadOnlyDictionary<string, MultiplicityAdjustment> AdjustChoices = new Dictionary<string, MultiplicityAdjustment>
    {
        ["none"] = MultiplicityAdjustment.None, ["bonferroni"] = MultiplicityAdjustment.Bonferroni, ["holm"] = MultiplicityAdjustment.Holm,
        ["hochberg"] = MultiplicityAdjustment.Hochberg, ["dunnett"] = MultiplicityAdjustment.Dunnett,
    };
    public static readonly IReadOnlyDictionary<string, SelectionCriterion> SelectByChoices = new Dictionary<string, SelectionCriterion>
    {
        ["aic"] = SelectionCriterion.Aic, ["aicc"] = SelectionCriterion.Aicc, ["bic"] = SelectionCriterion.Bic,
    };
    public static readonly IReadOnlyDictionary<string, KenwardRogerInformation> InformationChoices = new Dictionary<string, KenwardRogerInformation>
    {
        ["observed"] = KenwardRogerInformation.Observed, ["expected"] = KenwardRogerInformation.Expected,
    };

    /// <summary>The option that sets a model setting: how the command line names it in the library's error messages.</summary>
    public static string? OptionName(ModelSetting setting) => setting switch
    {
        ModelSetting.Covariance => "--covariance",
        ModelSetting.Candidates => "--candidates",
        ModelSetting.Df => "--df",
        ModelSetting.StdErrors => "--std-errors",
        ModelSetting.Alpha => "--alpha",
        ModelSetting.MaxIterations => "--max-iterations",
        ModelSetting.TimeOrder => "--time-order",
        ModelSetting.Baseline => "--baseline",
        ModelSetting.References => "--ref",
        ModelSetting.TimeValue => "--time-value",
        ModelSetting.RandomIntercept => "--random-intercept",
        ModelSetting.LsMeans => "--lsmeans",
        ModelSetting.Method => "--method",
        ModelSetting.ReportNonConverged => "--report-nonconverged",
        ModelSetting.Subject => "--subject",
        ModelSetting.Time => "--time",
        ModelSetting.Group => "--group",
        ModelSetting.Blups => "--blups",
        ModelSetting.Residuals => "--residuals",
        ModelSetting.Contrast => "--contrast",
        ModelSetting.LsMeanContrast => "--contrast-lsmeans",
        ModelSetting.Data => "--data",
        ModelSetting.DataFormat => "--data-format",
        ModelSetting.Member => "--member",
        ModelSetting.Query => "--query",
        ModelSetting.Where => "--where",
        ModelSetting.PushDown => "--push-down",
        ModelSetting.PullRows => "--pull-rows",
        ModelSetting.Omop => "--omop",
        ModelSetting.ClassVariables => "--class",
        ModelSetting.MissingTokens => "--missing",
        ModelSetting.DecimalComma => "--decimal-comma",
        _ => null,
    };

    /// <summary>The specification from the shared options; the formula is the caller's.</summary>
    public static MixedModelSpec Spec(Arguments a, string formula)
    {
        var refs = new Dictionary<string, string>();
        foreach (var r in a.Values("--ref"))
        {
            int eq = r.IndexOf('=');
            if (eq <= 0 || eq == r.Length - 1) throw new RweStatsInputException($"--ref '{r}': write it as COL=LEVEL");
            refs[r[..eq]] = r[(eq + 1)..];
        }
        var covariance = (a.Value("--covariance") ?? "un").ToLowerInvariant();
        if (covariance != "auto" && !Covariance.CovarianceTypes.Codes.Contains(covariance))
            throw new RweStatsInputException($"--covariance '{covariance}' is not a structure; use one of: {string.Join(", ", Covariance.CovarianceTypes.Codes)}, or auto");
        if (covariance != "auto" && (a.Value("--select-by") is not null || a.Value("--candidates") is not null))
            throw new RweStatsInputException("--select-by and --candidates choose a structure and need --covariance auto");
        return new MixedModelSpec
        {
            Formula = formula,
            Subject = a.Required("--subject"),
            Time = a.Required("--time"),
            TimeOrder = a.Value("--time-order")?.Split(',', StringSplitOptions.TrimEntries),
            Baseline = a.Value("--baseline"),
            Covariance = covariance,
            TimeValue = a.Value("--time-value"),
            Group = a.Value("--group"),
            RandomIntercept = a.Flag("--random-intercept"),
            Method = a.Choice("--method", MethodChoices, EstimationMethod.Reml),
            ClassVariables = a.Values("--class").ToList(),
            References = refs,
            Alpha = a.Number("--alpha", 0.05),
            MaxIterations = (int)a.Number("--max-iterations", 50),
            ReportNonConverged = a.Flag("--report-nonconverged"),
            KenwardRogerInformation = a.Choice("--kr-information", InformationChoices, KenwardRogerInformation.Observed),
        };
    }

    /// <summary>The candidate list of --covariance auto (--candidates, default <see cref="CovarianceSelection.DefaultStructures"/>).</summary>
    public static IReadOnlyList<CovarianceCandidate> Candidates(Arguments a) =>
        CovarianceSelection.Expand(a.Value("--candidates")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                                   ?? CovarianceSelection.DefaultStructures);

    public static SelectionCriterion SelectBy(Arguments a) => a.Choice("--select-by", SelectByChoices, SelectionCriterion.Aic);

    public static string Format(Arguments a) =>
        a.Choice("--format", new Dictionary<string, string> { ["text"] = "text", ["json"] = "json" }, "text");

    /// <summary>The table of --data (CSV, SAS transport, Parquet or DuckDB: --data-format or the extension), filtered by --where.</summary>
    public static DataTable Read(Arguments a) => TableReader.Read(Source(a));

    /// <summary>Where --data is and how to read it (--data-format, --decimal-comma, --missing, --member, --query, --where).</summary>
    public static TableSource Source(Arguments a)
    {
        var dialect = a.Flag("--decimal-comma") ? CsvDialect.Default with { DecimalSeparator = ',' } : CsvDialect.Default;
        // --missing adds to the default tokens (empty, NA, .): a registry's "ND" or "unknown" besides them.
        if (a.Values("--missing").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList() is { Count: > 0 } tokens)
            dialect = dialect with { MissingTokens = dialect.MissingTokens.Concat(tokens).ToHashSet(StringComparer.Ordinal) };
        return new TableSource(a.Required("--data"))
        {
            FileFormat = a.Value("--data-format"), Dialect = dialect, Member = a.Value("--member"), Query = a.Value("--query"), Where = a.Value("--where"),
            FormatOption = "--data-format", WhereOption = "--where",
        };
    }

    /// <summary>What <paramref name="write"/> produces, to --out (streamed, replaced atomically) or standard output.</summary>
    public static void Write(Arguments a, Action<TextWriter> write, TextWriter stdout)
    {
        if (a.Value("--out") is { } path) OutputFile.Write(path, write);
        else write(stdout);
    }

    public static void Write(Arguments a, string text, TextWriter stdout)
    {
        if (a.Value("--out") is { } path) OutputFile.WriteAtomically(path, text);
        else stdout.Write(text);
    }
}
