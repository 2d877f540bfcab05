using System.CommandLine;
using RweStats.Data;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// The data and model options that "fit" and "sensitivity" share (<see cref="SharedOptions"/>) mapped onto the
/// library's specification and table source, and the names of their choices.
/// </summary>
public static class ModelOptions
{
    public static readonly Choices<DfMethod> DfChoices = new([.. DfMethodNames.Names], DfMethods());
    public static readonly Choices<EstimationMethod> MethodChoices = new(["reml", "ml"], [EstimationMethod.Reml, EstimationMethod.Ml]);
    public static readonly Choices<StdErrorMethod> StdErrorChoices = new(["model", "empirical"], [StdErrorMethod.Model, StdErrorMethod.Empirical]);
    public static readonly Choices<MultiplicityAdjustment> AdjustChoices = new(["none", "bonferroni", "holm", "hochberg", "dunnett"],
        [MultiplicityAdjustment.None, MultiplicityAdjustment.Bonferroni, MultiplicityAdjustment.Holm, MultiplicityAdjustment.Hochberg, MultiplicityAdjustment.Dunnett]);
    public static readonly Choices<SelectionCriterion> SelectByChoices = new(["aic", "aicc", "bic"], [SelectionCriterion.Aic, SelectionCriterion.Aicc, SelectionCriterion.Bic]);
    public static readonly Choices<LsMeansWeights> LsMeansWeightsChoices = new(["equal", "observed"], [LsMeansWeights.Equal, LsMeansWeights.Observed]);
    public static readonly Choices<KenwardRogerInformation> InformationChoices = new(["observed", "expected"], [KenwardRogerInformation.Observed, KenwardRogerInformation.Expected]);

    /// <summary>The methods of <see cref="DfMethodNames.All"/>, in its order (the one table of their names).</summary>
    static DfMethod[] DfMethods()
    {
        var methods = new DfMethod[DfMethodNames.All.Count];
        for (int i = 0; i < methods.Length; i++) methods[i] = DfMethodNames.All[i].Method;
        return methods;
    }

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
        ModelSetting.FitBudget => "--fit-budget",
        _ => null,
    };

    /// <summary>The specification from the shared options; the formula is the caller's.</summary>
    public static MixedModelSpec Spec(ParseResult a, SharedOptions o, string formula)
    {
        var refs = References(a.GetValue(o.Ref)!);
        var covariance = (a.GetValue(o.Covariance) ?? "un").ToLowerInvariant();
        if (covariance != "auto" && !Covariance.CovarianceTypes.Codes.Contains(covariance))
            throw new RweStatsInputException($"--covariance '{covariance}' is not a structure; use one of: {string.Join(", ", Covariance.CovarianceTypes.Codes)}, or auto");
        if (covariance != "auto" && (o.SelectBy.Get(a) is not null || a.GetValue(o.Candidates) is not null))
            throw new RweStatsInputException("--select-by and --candidates choose a structure and need --covariance auto");
        return new MixedModelSpec
        {
            Formula = formula,
            Subject = a.GetRequiredValue(o.Subject),
            Time = a.GetRequiredValue(o.Time),
            TimeOrder = a.GetValue(o.TimeOrder)?.Split(',', StringSplitOptions.TrimEntries),
            Baseline = a.GetValue(o.Baseline),
            Covariance = covariance,
            TimeValue = a.GetValue(o.TimeValue),
            Group = a.GetValue(o.Group),
            RandomIntercept = a.GetValue(o.RandomIntercept),
            Method = o.Method.Get(a) ?? EstimationMethod.Reml,
            ClassVariables = a.GetValue(o.Class)!.ToList(),
            References = refs,
            Alpha = o.Alpha.Get(a) ?? 0.05,
            MaxIterations = (int)(o.MaxIterations.Get(a) ?? 50),
            ReportNonConverged = a.GetValue(o.ReportNonConverged),
            KenwardRogerInformation = o.KrInformation.Get(a) ?? KenwardRogerInformation.Observed,
            Budget = Budget(a, o) ?? Estimation.FitBudget.Default,
        };
    }

    /// <summary>The budget of --fit-budget, or null when it is not given.</summary>
    public static Estimation.FitBudget? Budget(ParseResult a, SharedOptions o) =>
        a.GetValue(o.FitBudget) is { } text ? Estimation.FitBudget.Parse(text) : null;

    /// <summary>The reference levels of --ref COL=LEVEL (repeatable).</summary>
    public static Dictionary<string, string> References(IEnumerable<string> values)
    {
        var refs = new Dictionary<string, string>();
        foreach (var r in values)
        {
            int eq = r.IndexOf('=');
            if (eq <= 0 || eq == r.Length - 1) throw new RweStatsInputException($"--ref '{r}': write it as COL=LEVEL");
            refs[r[..eq]] = r[(eq + 1)..];
        }
        return refs;
    }

    /// <summary>The candidate list of --covariance auto (--candidates, default <see cref="CovarianceSelection.DefaultStructures"/>).</summary>
    public static IReadOnlyList<CovarianceCandidate> Candidates(ParseResult a, SharedOptions o) =>
        CovarianceSelection.Expand(a.GetValue(o.Candidates)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                                   ?? CovarianceSelection.DefaultStructures);

    public static SelectionCriterion SelectBy(ParseResult a, SharedOptions o) => o.SelectBy.Get(a) ?? SelectionCriterion.Aic;

    public static string Format(ParseResult a, SharedOptions o) => a.GetValue(o.Format) ?? "text";

    /// <summary>The table of --data (CSV, SAS transport, Parquet or DuckDB: --data-format or the extension), filtered by --where.</summary>
    public static DataTable Read(ParseResult a, SharedOptions o) => TableReader.Read(Source(a, o));

    /// <summary>Where --data is and how to read it (--data-format, --decimal-comma, --missing, --member, --query, --where).</summary>
    public static TableSource Source(ParseResult a, SharedOptions o)
    {
        var dialect = a.GetValue(o.DecimalComma) ? CsvDialect.Default with { DecimalSeparator = ',' } : CsvDialect.Default;
        // --missing adds to the default tokens (empty, NA, .): a registry's "ND" or "unknown" besides them.
        if (a.GetValue(o.Missing)!.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList() is { Count: > 0 } tokens)
            dialect = dialect with { MissingTokens = dialect.MissingTokens.Concat(tokens).ToHashSet(StringComparer.Ordinal) };
        return new TableSource(a.GetRequiredValue(o.Data))
        {
            FileFormat = a.GetValue(o.DataFormat), Dialect = dialect, Member = a.GetValue(o.Member), Query = a.GetValue(o.Query), Where = a.GetValue(o.Where),
            FormatOption = o.DataFormat.Name, WhereOption = o.Where.Name,
        };
    }

    /// <summary>What <paramref name="write"/> produces, to --out FILE (streamed, replaced atomically) or standard output.</summary>
    public static void Write(ParseResult a, SharedOptions o, Action<TextWriter> write, TextWriter stdout)
    {
        if (a.GetValue(o.Out) is { } path) OutputFile.Write(path, write);
        else write(stdout);
    }

    /// <summary>The report to --out FILE (written whole or not at all), else to standard output.</summary>
    public static void Write(ParseResult a, SharedOptions o, string text, TextWriter stdout)
    {
        if (a.GetValue(o.Out) is { } path) OutputFile.WriteAtomically(path, text);
        else stdout.Write(text);
    }
}

/// <summary>
/// The names of an option's choices and the values they stand for, in the order of the help. Plain arrays: a dictionary
/// keyed by name over the library's enums had its code compiled at each start-up (measured on "fit" and "--help").
/// </summary>
public sealed class Choices<T>(string[] names, T[] values) where T : struct
{
    public IReadOnlyList<string> Names => names;

    /// <summary>The value a name (any case) stands for, or null.</summary>
    public T? Find(string name)
    {
        var lower = name.ToLowerInvariant();
        for (int i = 0; i < names.Length; i++)
            if (names[i] == lower) return values[i];
        return null;
    }

    /// <summary>The name of a value.</summary>
    public string Name(T value)
    {
        for (int i = 0; i < values.Length; i++)
            if (EqualityComparer<T>.Default.Equals(values[i], value)) return names[i];
        throw new ArgumentOutOfRangeException(nameof(value), value, "not one of the choices");
    }
}
