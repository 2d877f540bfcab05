using RweStats.Data;
using RweStats.Descriptives;
using RweStats.Model;

namespace RweStats.Workflow;

/// <summary>Where a data set comes from and how it is written.</summary>
public sealed record DataSource(string File, CsvDialect Dialect, string Format, string? WidePattern, bool Synthetic, string? Description)
{
    /// <summary>A PostgreSQL address ("data.source"), whose rows are read instead of a file; File then holds it too.</summary>
    public string? Database { get; init; }
    /// <summary>"data.file_format": csv, xpt, parquet or duckdb; null: by the file's extension.</summary>
    public string? FileFormat { get; init; }
    /// <summary>"data.member": the data set of a SAS transport library or the table of a DuckDB database.</summary>
    public string? Member { get; init; }
    /// <summary>"data.query": a DuckDB SQL query over the file, or with <see cref="Database"/> the SELECT whose rows are read
    /// (or the one built from "data.omop"); null: the file, or the address's table=.</summary>
    public string? Query { get; init; }
    /// <summary>"data.where": a row filter (<see cref="RowCondition"/>).</summary>
    public string? Where { get; init; }
    /// <summary>
    /// "data.push_down": the models are fitted from pattern sums computed where the rows are (DuckDB scanning the
    /// CSV/Parquet/DuckDB source, or the PostgreSQL server), as "fit --push-down"; the rows are never read, so what needs
    /// them (descriptive statistics, classes, figures, row subsets, transformations) is not computed or is refused.
    /// </summary>
    public bool PushDown { get; init; }

    /// <summary>The table source the readers take.</summary>
    public TableSource Table => new(File)
    {
        FileFormat = FileFormat, Dialect = Dialect, Member = Member, Query = Query, Where = Where, FormatOption = "data.file_format", WhereOption = "data.where",
    };
}

/// <summary>Column roles shared by every outcome.</summary>
/// <summary>Column roles shared by every outcome. Note: a free-text column whose remarks (e.g. "measured at month 8") are quoted when a published number is not reproduced.</summary>
public sealed record ColumnRoles(string Subject, string Visit, string? TimeValue, string? Group, string? Note = null);

/// <summary>The model fitted to every outcome (overridable per outcome). "{y}" in the formula stands for the outcome.</summary>
public sealed record ModelSettings(
    string Formula, string Covariance, bool RandomIntercept, EstimationMethod Method, DfMethod Df, double Alpha,
    IReadOnlyList<string> ClassVariables, IReadOnlyDictionary<string, string> References)
{
    /// <summary>Extra LS-mean effects (e.g. "AVISIT*ARMCD"), for tables and grouped figures.</summary>
    public IReadOnlyList<string> LsMeans { get; init; } = Array.Empty<string>();
    /// <summary>Weights of the class levels LS means average over (equal, or observed margins: SAS OM).</summary>
    public LsMeansWeights LsMeansWeights { get; init; } = LsMeansWeights.Equal;
    /// <summary>The most memory and work a fit may take ("fit_budget"; <see cref="MixedModelSpec.Budget"/>).</summary>
    public Estimation.FitBudget Budget { get; init; } = Estimation.FitBudget.Default;
}

/// <summary>The spec's "descriptives": how the descriptive tables compute quantiles.</summary>
/// <param name="QuantileType">The sample quantile definition, R's types 1–9 (Hyndman &amp; Fan 1996; "quantile_type", or
/// "sas_quantile_definition" mapped onto its R type); 7 is R's default.</param>
/// <param name="ExtraQuantiles">Probabilities reported besides the median and quartiles ("quantiles", e.g. 0.1, 0.9).</param>
public sealed record DescriptiveSettings(int QuantileType, IReadOnlyList<double> ExtraQuantiles);

/// <summary>Rows an outcome uses: those whose column has one of the values (e.g. steroid dose only for patients on steroids at baseline).</summary>
public sealed record RowFilter(string Column, IReadOnlyList<string> Values);

/// <summary>One entry of the spec's "outcomes": a measured variable analysed at every visit.</summary>
/// <param name="Name">The outcome's short name ("name"), used in tables, figures and file names.</param>
/// <param name="Column">The data column holding its values ("column").</param>
/// <param name="Label">Its display label ("label"); see <see cref="LabelFromSpec"/>.</param>
/// <param name="Unit">Its unit ("unit"), or null.</param>
/// <param name="Data">The data set it is read from (the spec's "data", or the outcome's own).</param>
/// <param name="Transform">"none", "log" or "log10": the scale the model is fitted on ("transform").</param>
/// <param name="NormalRange">The normal range [low, high] drawn on figures ("normal_range"), or null.</param>
/// <param name="Rows">The rows this outcome uses ("rows"), or null for all.</param>
/// <param name="Classes">Value classes counted per visit ("classes"; e.g. SLEDAI activity bands), possibly empty.</param>
/// <param name="PercentChanges">Visit pairs (from, to) whose percent change of the mean is reported ("percent_change").</param>
/// <param name="Model">The model fitted to it (the spec's model with this outcome's overrides).</param>
/// <param name="LogScaleFigure">Draw its figure panel on a log axis ("log_scale").</param>
public sealed record OutcomeSpec(
    string Name, string Column, string Label, string? Unit, DataSource Data, string Transform,
    (double Low, double High)? NormalRange, RowFilter? Rows, IReadOnlyList<ValueClass> Classes,
    IReadOnlyList<(string From, string To)> PercentChanges, ModelSettings Model, bool LogScaleFigure)
{
    /// <summary>The column the model reads: the outcome's column, or "log(COLUMN)" / "log10(COLUMN)" holding its transformed values.</summary>
    public string ResponseColumn => Transform == "none" ? Column : $"{Transform}({Column})";

    /// <summary>Whether the spec gave the label; when not, the data file's variable label (SAS transport) is used if it has one.</summary>
    public bool LabelFromSpec { get; init; } = true;
}

/// <summary>
/// How to find when a subject stopped treatment: a regular expression with one group capturing the month, matched
/// against a column (e.g. the note "belimumab stopped at month 4"). Used by the data-handling alternative
/// "values after the treatment stopped are excluded" of reviewer mode; needs columns.time_value.
/// </summary>
public sealed record TreatmentStopRule(string Column, string Pattern);

/// <summary>How a spaghetti plot colours subjects: by the change of its first outcome from baseline to a visit (≤ AtMost: YesLabel).</summary>
public sealed record SubjectColouring(string ChangeVisit, double AtMost, string YesLabel, string NoLabel);

/// <summary>One figure to draw: a panel per outcome ("series", the paper's Figure 1), trajectories ("spaghetti") or residual diagnostics.</summary>
public sealed record FigureSpec(string Name, string Type, IReadOnlyList<string> Outcomes, int? Rows, int? Columns, string Preset,
                                string? Title, bool Greyscale, string PValues, SubjectColouring? ColourBy)
{
    /// <summary>A class column splitting each panel into series (e.g. the arm): boxes side by side, LS means of visit × group.</summary>
    public string? Group { get; init; }
    /// <summary>What the subjects are, plural, as the legend names them ("subjects": "trees"); default "patients".</summary>
    public string SubjectNoun { get; init; } = "patients";
    /// <summary>The subjects' lines: "show" (default), "light" (drawn lighter, for busy panels) or "hide".</summary>
    public string IndividualLines { get; init; } = "show";
    /// <summary>"time": visits at their times (columns.time_value; the default when it is given) or "even": evenly spaced.</summary>
    public string? VisitSpacing { get; init; }
    /// <summary>The x-axis title under the visits; null: "Visit", or "Visit (TIME_COLUMN)" when visits sit at their times.</summary>
    public string? VisitTitle { get; init; }
    /// <summary>Residuals of a "residuals" figure: "cholesky" (default, SAS VCIRY), "pearson" or "raw" (marginal).</summary>
    public string Residuals { get; init; } = "cholesky";
}

/// <summary>The spec's "outputs".</summary>
/// <param name="Figures">The figures to draw.</param>
public sealed record OutputSettings(IReadOnlyList<FigureSpec> Figures);

/// <summary>A tipping-point grid of an estimand: <see cref="Points"/> shifts from <see cref="From"/> to <see cref="To"/> of
/// the imputed values of <see cref="Arm"/>, the treatment difference tested at <see cref="Visit"/> (null: the last visit).</summary>
public sealed record TippingPointSettings(string Arm, string? Visit, double From, double To, int Points)
{
    /// <summary>The shifts of the grid, evenly spaced from From to To (From alone for one point).</summary>
    public IReadOnlyList<double> Shifts => Enumerable.Range(0, Points).Select(i => Points == 1 ? From : From + (To - From) * i / (Points - 1)).ToList();
}

/// <summary>
/// An estimand analysis of an outcome ("estimands" of the spec): reference-based imputation of the outcome's missing
/// values by <see cref="Imputation"/> (its model is the outcome's model, set when the analysis runs), the intercurrent
/// events of <see cref="EventsFile"/>, and optionally a tipping-point grid whose figure is drawn as "tipping_NAME".
/// </summary>
public sealed record EstimandSettings(string Name, string Outcome, string? EventsFile, bool CovarianceByArm, TippingPointSettings? TippingPoint)
{
    /// <summary>Arm, references, default strategy, method, samples, seed, analysis covariates, delta and α; its model and
    /// events are the outcome's and <see cref="EventsFile"/>'s.</summary>
    public required Estimands.EstimandSpec Imputation { get; init; }
}

/// <summary>
/// An analysis specification file (schema "rwestats-analysis/1"; reference in README.md): the data, column
/// roles, visit order and baseline, the outcomes with their units, ranges, transformations and row subsets,
/// the model, and the outputs. Paths are relative to the spec file's folder.
/// </summary>
public sealed record AnalysisSpec(
    string Path, string? Title, ColumnRoles Columns, IReadOnlyList<string> VisitOrder, string Baseline,
    DescriptiveSettings Descriptives, IReadOnlyList<OutcomeSpec> Outcomes, OutputSettings Outputs, string? ClaimsFile,
    TreatmentStopRule? TreatmentStop = null)
{
    /// <summary>The schema name a spec file declares ("schema").</summary>
    public const string Schema = "rwestats-analysis/1";

    /// <summary>The estimand analyses (reference-based imputation) of the spec's outcomes.</summary>
    public IReadOnlyList<EstimandSettings> Estimands { get; init; } = Array.Empty<EstimandSettings>();

    /// <summary>The engine specification for one outcome (the column of the model is the transformed outcome).</summary>
    public MixedModelSpec ModelFor(OutcomeSpec outcome, string responseColumn) => new()
    {
        Formula = outcome.Model.Formula.Replace("{y}", QuoteIfNeeded(responseColumn)).Replace("{visit}", QuoteIfNeeded(Columns.Visit)),
        Subject = Columns.Subject, Time = Columns.Visit, TimeOrder = VisitOrder, Baseline = Baseline,
        Covariance = outcome.Model.Covariance, TimeValue = Columns.TimeValue, Group = Columns.Group,
        RandomIntercept = outcome.Model.RandomIntercept, Method = outcome.Model.Method, Df = outcome.Model.Df,
        Alpha = outcome.Model.Alpha, ClassVariables = outcome.Model.ClassVariables, References = outcome.Model.References,
        LsMeans = outcome.Model.LsMeans, LsMeansWeights = outcome.Model.LsMeansWeights, Budget = outcome.Model.Budget,
        Residuals = Outputs.Figures.Any(f => f.Type == "residuals" && f.Outcomes.Contains(outcome.Name)),
    };

    /// <summary>The spec with every outcome's fit budget set to <paramref name="budget"/> (a front end's override of "model.fit_budget").</summary>
    public AnalysisSpec WithFitBudget(Estimation.FitBudget budget) =>
        this with { Outcomes = Outcomes.Select(o => o with { Model = o.Model with { Budget = budget } }).ToList() };

    static string QuoteIfNeeded(string name) => name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? name : $"`{name}`";
}
