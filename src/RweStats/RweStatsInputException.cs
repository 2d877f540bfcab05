namespace RweStats;

/// <summary>
/// A setting of the model or of its data source that an input error can be about; each front end names it its own way
/// (an option, a spec key).
/// </summary>
public enum ModelSetting
{
    /// <summary>The residual covariance structure (SAS REPEATED / TYPE=), or "auto" for a selection.</summary>
    Covariance,
    /// <summary>The structures compared when the covariance is selected ("auto").</summary>
    Candidates,
    /// <summary>The denominator degrees-of-freedom method (SAS MODEL / DDFM=).</summary>
    Df,
    /// <summary>Model-based or empirical (sandwich, SAS EMPIRICAL) standard errors.</summary>
    StdErrors,
    /// <summary>The level of the tests; the intervals are at 1 − alpha.</summary>
    Alpha,
    /// <summary>The most iterations of the likelihood optimiser.</summary>
    MaxIterations,
    /// <summary>The visit levels in time order.</summary>
    TimeOrder,
    /// <summary>The visit the others are compared with.</summary>
    Baseline,
    /// <summary>The reference level of a class variable.</summary>
    References,
    /// <summary>The column of each visit's numeric time (visit order and spatial distances).</summary>
    TimeValue,
    /// <summary>A random subject intercept (SAS RANDOM INTERCEPT / SUBJECT=).</summary>
    RandomIntercept,
    /// <summary>An effect whose LS means are estimated (SAS LSMEANS).</summary>
    LsMeans,
    /// <summary>REML or ML estimation (SAS METHOD=).</summary>
    Method,
    /// <summary>Whether a fit that did not converge is reported, marked, instead of refused.</summary>
    ReportNonConverged,
    /// <summary>Columns declared class variables (<see cref="Model.MixedModelSpec.ClassVariables"/>).</summary>
    ClassVariables,
    /// <summary>The CSV dialect's texts read as missing (<see cref="Data.CsvDialect.MissingTokens"/>).</summary>
    MissingTokens,
    /// <summary>The CSV dialect's decimal comma (<see cref="Data.CsvDialect.DecimalSeparator"/> ',').</summary>
    DecimalComma,
    /// <summary>The subject identifier column.</summary>
    Subject,
    /// <summary>The visit column (the repeated effect).</summary>
    Time,
    /// <summary>The column whose levels have covariance parameters of their own (SAS REPEATED / GROUP=).</summary>
    Group,
    /// <summary>Whether the predicted subject intercepts (BLUPs) are reported.</summary>
    Blups,
    /// <summary>Whether the marginal and conditional residuals are reported.</summary>
    Residuals,
    /// <summary>A custom contrast of LS means (SAS ESTIMATE / CONTRAST).</summary>
    Contrast,
    /// <summary>A contrast of one effect's LS means written with level names.</summary>
    LsMeanContrast,
    /// <summary>Where the data are: a file, a glob or a database address.</summary>
    Data,
    /// <summary>The format of a data file when its extension does not say.</summary>
    DataFormat,
    /// <summary>The data set of a SAS transport library, or the table of a DuckDB database.</summary>
    Member,
    /// <summary>A SQL query giving the rows (DuckDB or PostgreSQL).</summary>
    Query,
    /// <summary>The row filter: the rows kept are those where its condition holds.</summary>
    Where,
    /// <summary>Pattern sums computed where the data are (streamed file, DuckDB or the database server).</summary>
    PushDown,
    /// <summary>The rows read from the database instead of sums computed there.</summary>
    PullRows,
    /// <summary>An OMOP CDM cohort definition that builds the rows from a database.</summary>
    Omop,
    /// <summary>The most memory and work a fit may take (<see cref="Model.MixedModelSpec.Budget"/>).</summary>
    FitBudget,
}

/// <summary>
/// A problem with what the user gave us (data file, formula, options, model specification) rather than
/// a defect in RweStats. The command-line tool turns it into a one-line message and exit code 2.
/// The message always names where the problem is (file:line:column, spec key or model term) and how to fix it.
/// <para>
/// The library speaks its own words: a message about a model setting names it as the library does ("baseline",
/// "df method"); <see cref="MessageNaming"/> gives the same message with the settings named as a front end names them
/// (the command line's "--baseline", the analysis spec's "visits.baseline").
/// </para>
/// </summary>
public sealed class RweStatsInputException : Exception
{
    readonly string? template;

    /// <summary>A problem described by a finished message, which names no setting in a front end's words.</summary>
    public RweStatsInputException(string message) : base(Echo.InMessage(message)) { }

    RweStatsInputException(string template, ModelSetting? setting) : base(Echo.InMessage(Render(template, LibraryName)))
    {
        this.template = Echo.InMessage(template);
        Setting = setting;
    }

    /// <summary>The setting the problem is about, when it is about one.</summary>
    public ModelSetting? Setting { get; }

    /// <summary>
    /// An error about a setting. In <paramref name="template"/>, "{Baseline}", "{Df}", ... (the <see cref="ModelSetting"/>
    /// names) stand for the settings; <see cref="Exception.Message"/> names them in the library's words.
    /// </summary>
    public static RweStatsInputException About(ModelSetting setting, string template) => new(template, setting);

    /// <summary>An error whose message names one or more settings ("{Subject}", "{Where}", ...; see <see cref="About"/>).</summary>
    public static RweStatsInputException Naming(string template) => new(template, null);

    /// <summary>The message with every setting named by <paramref name="name"/> (null: the library's name).</summary>
    public string MessageNaming(Func<ModelSetting, string?> name) =>
        template is null ? Message : Render(template, s => name(s) ?? LibraryName(s));

    /// <summary>The library's name of a setting (the <see cref="Model.MixedModelSpec"/> property in words).</summary>
    public static string LibraryName(ModelSetting setting) => setting switch
    {
        ModelSetting.Covariance => "covariance",
        ModelSetting.Candidates => "candidate structures",
        ModelSetting.Df => "df method",
        ModelSetting.StdErrors => "standard errors",
        ModelSetting.Alpha => "alpha",
        ModelSetting.MaxIterations => "maximum iterations",
        ModelSetting.TimeOrder => "visit order",
        ModelSetting.Baseline => "baseline",
        ModelSetting.References => "reference level",
        ModelSetting.TimeValue => "time value column",
        ModelSetting.RandomIntercept => "random intercept",
        ModelSetting.LsMeans => "LS-means effect",
        ModelSetting.Method => "estimation method",
        ModelSetting.ReportNonConverged => "report non-converged",
        ModelSetting.Subject => "subject column",
        ModelSetting.Time => "visit column",
        ModelSetting.Group => "group column",
        ModelSetting.Blups => "BLUPs",
        ModelSetting.Residuals => "residuals",
        ModelSetting.Contrast => "contrast",
        ModelSetting.LsMeanContrast => "LS-means contrast",
        ModelSetting.Data => "data source",
        ModelSetting.DataFormat => "data format",
        ModelSetting.Member => "member",
        ModelSetting.Query => "query",
        ModelSetting.Where => "row filter",
        ModelSetting.PushDown => "sums computed where the data are",
        ModelSetting.PullRows => "rows read from the database",
        ModelSetting.Omop => "OMOP cohort",
        ModelSetting.FitBudget => "fit budget",
        ModelSetting.ClassVariables => "ClassVariables",
        ModelSetting.MissingTokens => "CsvDialect.MissingTokens",
        ModelSetting.DecimalComma => "CsvDialect.DecimalSeparator ','",
        _ => setting.ToString(),
    };

    /// <summary>A text that names settings ("{Blups}", ...) with each named by <paramref name="name"/> (null: the library's name).</summary>
    public static string NameSettings(string template, Func<ModelSetting, string?>? name = null) =>
        Render(template, s => name?.Invoke(s) ?? LibraryName(s));

    static string Render(string template, Func<ModelSetting, string> name)
    {
        var text = template;
        foreach (var s in Enum.GetValues<ModelSetting>()) text = text.Replace("{" + s + "}", name(s));
        return text;
    }

    /// <summary>
    /// Formats "file:line: column 'c': message" the way compilers do, so editors can jump to it. The message may name
    /// settings as <see cref="Naming"/> does.
    /// </summary>
    public static RweStatsInputException AtCell(string file, int line, string? column, string message) =>
        Naming(column is null ? $"{file}:{line}: {message}" : $"{file}:{line}: column '{column}': {message}");

    /// <summary>The same for a row of a table: "file:line: …" for a text file, "file: observation N: …" for other sources.</summary>
    public static RweStatsInputException AtCell(Data.DataTable table, int row, string? column, string message) =>
        Naming(column is null ? $"{table.Location(row)}: {message}" : $"{table.Location(row)}: column '{column}': {message}");

    /// <summary>"where: column 'c': message" whose template names settings ("{ClassVariables}"; see <see cref="About"/>).</summary>
    public static RweStatsInputException AtCell(string where, string column, ModelSetting setting, string template) =>
        new($"{where}: column '{column}': {template}", setting);
}
