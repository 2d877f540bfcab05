using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// The options that more than one command takes, each defined once (name, value name, help text, parsing and its
/// error) and added to every command that takes it: "fit", "sensitivity" and "impute" read their data and model with
/// the same options. An option whose meaning differs between commands ("--method": REML/ML for a fit, the imputation
/// method for "impute") is defined by its command. Built for one run of the command line (<see cref="CommandTree"/>).
/// </summary>
public sealed class SharedOptions
{
    // Where the data are and how to read them.
    public Option<string> Data { get; } = Text("--data", "FILE", "one row per subject x visit: CSV (',' or ';' separated, detected), SAS transport .xpt (V5/V8), .parquet, a DuckDB database (.duckdb), or a glob of CSV/Parquet files read by DuckDB (\"data/*.parquet\"); for fit and sensitivity also postgresql://HOST[:PORT]/DB?table=SCHEMA.TABLE, a PostgreSQL table instead of a file: the server computes the pattern sums (one GROUP BY query) and only those travel; user and password from PGUSER, PGPASSWORD or PGPASSFILE (~/.pgpass), never in the address", required: true);
    public Option<string?> DataFormat { get; } = Text("--data-format", "FORMAT", "csv|xpt|parquet|duckdb: the file format when the extension does not say (default: by extension; a path with * ? [ is read by DuckDB)", "csv", "xpt", "parquet", "duckdb");
    public Option<string?> Member { get; } = Text("--member", "NAME", "the data set of an .xpt library with several, or the table of a DuckDB database with several");
    public Option<string?> Query { get; } = Text("--query", "SQL", "DuckDB: the rows of a SQL query (a CSV/Parquet glob is the view 'data'); with --data postgresql://HOST[:PORT]/DB: the rows of a query instead of a table");
    public Option<string?> Where { get; } = Text("--where", "EXPR", "keep the rows where EXPR holds, e.g. 'PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\"': == != < <= > >= with a number or a \"text\", and, or, not, ( ), COL is missing; a missing text reads as \"\"");
    public Option<bool> DecimalComma { get; } = Flag("--decimal-comma", "numbers written with a decimal comma (12,5)");
    public Option<string[]> Missing { get; } = Repeatable("--missing", "T1,T2,...", "CSV: more cell texts read as missing (besides empty, NA and .), e.g. ND");

    // A database instead of a file, and where the pattern sums are computed.
    public Option<bool> PushDown { get; } = Flag("--push-down", "CSV, Parquet or DuckDB: the model's pattern sums are computed while the file(s) are read (any size; the rows are never held in memory): a CSV or Parquet file whose rows come grouped by subject in ascending order is streamed subject by subject, in parallel chunks; anything else is scanned and grouped by DuckDB. The fit runs on those sums; what needs the rows (--blups, --residuals, --std-errors empirical, spatial structures, --df between-within) reads them instead, with a note. --where is evaluated by DuckDB as SQL. Not with .xpt. Same numbers as reading the rows (docs/data-sources.md, \"Streaming large files\")");
    public Option<string?> Omop { get; } = Text("--omop", "COHORT.json", "with --data postgresql://HOST[:PORT]/DB: build the longitudinal table from an OMOP CDM (cohort index dates, visit windows, measurements, drug exposures; docs/data-sources.md, \"OMOP CDM cohorts\"); columns person_id, visit, target_day, sex, age_at_index and the spec's outcomes and doses");
    public Option<bool> PullRows { get; } = Flag("--pull-rows", "read the rows from the database instead (needed, and done automatically with a note, for --blups, --residuals, --std-errors empirical, spatial structures and --df between-within); with a CSV file of 64 MiB or more (a Parquet file of 2^20 rows or more), read it into memory instead of streaming it subject by subject (the default when its rows come in subject order and the model needs no rows)");

    // The model's roles, visits and covariance.
    public Option<string> Subject { get; } = Text("--subject", "COL", "subject identifier column", required: true);
    public Option<string> Time { get; } = Text("--time", "COL", "visit column (class variable; its levels index the residual matrix)", required: true);
    public Option<string?> TimeOrder { get; } = Text("--time-order", "L1,L2,...", "visit levels in time order. Default: by --time-value when given (each visit at the median of its times; a visit without a time or two visits at the same time are refused), otherwise the natural order of the labels: numbers inside labels compare as numbers (M0 < M6 < M12, Week 2 < Week 12, VIS1 < VIS10), Screening then Baseline first. Never the order of the rows; the report says which order was used and why");
    public Option<string?> Baseline { get; } = Text("--baseline", "LEVEL", "visit the others are compared with (default: the visit labelled Baseline if any, else the first in time order)");
    public Option<string?> Covariance { get; } = Text("--covariance", "TYPE", $"{string.Join('|', RweStats.Covariance.CovarianceTypes.Codes)} (default un), or auto: fit the candidates and keep the best converged one", [.. RweStats.Covariance.CovarianceTypes.Codes, "auto"]);
    public TypedOption<SelectionCriterion> SelectBy { get; } = Choice("--select-by", "criterion of --covariance auto (default aic)", ModelOptions.SelectByChoices);
    public Option<string?> Candidates { get; } = Text("--candidates", "LIST", "structures for --covariance auto, e.g. un,toeph,ar1 (default un,toeph,arh1,csh,ar1,cs; each with and without a random intercept where identifiable; NAME+ri for the random-intercept version only)");
    public Option<string?> TimeValue { get; } = Text("--time-value", "COL", "numeric time of each visit (e.g. AVISITN, months): orders the visits (see --time-order) and gives the distances of sp-exp / sp-pow");
    public Option<string?> Group { get; } = Text("--group", "COL", "separate covariance parameters per level (SAS GROUP=)");
    public Option<bool> RandomIntercept { get; } = Flag("--random-intercept", "add a random subject intercept");
    public TypedOption<EstimationMethod> Method { get; } = Choice("--method", "estimation method (default reml)", ModelOptions.MethodChoices);
    public Option<string[]> Class { get; } = Repeatable("--class", "COL", "treat a numeric column as a class variable (repeatable); a numeric column of the formula with 2-10 distinct whole values shared by several subjects (a site or centre code) gets a note suggesting it");
    public Option<string[]> Ref { get; } = Repeatable("--ref", "COL=LEVEL", "reference level of a class variable (repeatable)");
    public TypedOption<double> Alpha { get; } = Number("--alpha", "A", "confidence level 1-A for intervals and test level (default 0.05)");
    public TypedOption<double> MaxIterations { get; } = Number("--max-iterations", "N", "most iterations of the optimiser (default 50)");
    public TypedOption<KenwardRogerInformation> KrInformation { get; } = Choice("--kr-information", "information matrix in the KR computations (default observed, as SAS; expected as pbkrtest/lmerTest)", ModelOptions.InformationChoices);
    public Option<bool> ReportNonConverged { get; } = Flag("--report-nonconverged", "report a fit that did not converge (clearly marked) instead of failing");
    public Option<bool> Quiet { get; } = Flag("--quiet", "no progress line (shown on a terminal's standard error when a fit takes more than 2 s: iteration, -2LL, elapsed time)");
    public Option<string?> FitBudget { get; } = Text("--fit-budget", "GIB[,OPS]", "the most a fit may take, checked before it starts: memory in GiB and floating-point operations of one iteration (default 4,5e11; the operations scale with the memory when not given), or unlimited; a fit estimated beyond it is refused with the figures (docs/untrusted-input.md)");

    // Where the report goes.
    public Option<string?> Format { get; } = Choice("--format", "output format (default text)", "text", "json");
    public Option<string?> Out { get; } = Text("--out", "FILE", "write the report to FILE instead of standard output");

    /// <summary>The options of where the data are and how to read them (every command that reads a data file).</summary>
    public IEnumerable<Option> DataSource => [Data, DataFormat, Member, Query, Where, DecimalComma, Missing];

    /// <summary>The options of a PostgreSQL source and of where the pattern sums are computed ("fit", "sensitivity").</summary>
    public IEnumerable<Option> Database => [PushDown, Omop, PullRows];

    /// <summary>The options of the model and its covariance that "fit" and "sensitivity" share, in the order of their help.</summary>
    public IEnumerable<Option> Model =>
        [Subject, Time, TimeOrder, Baseline, Covariance, SelectBy, Candidates, TimeValue, Group, RandomIntercept, Method, KrInformation, Class, Ref, Alpha, MaxIterations, ReportNonConverged, FitBudget, Quiet];

    /// <summary>The options of the report ("--format text|json", "--out FILE").</summary>
    public IEnumerable<Option> Report => [Format, Out];

    /// <summary>An option with one text value (<paramref name="choices"/>, when given, are what shell completion offers).</summary>
    public static Option<string?> Text(string name, string valueName, string description, params string[] choices)
    {
        var option = new Option<string?>(name) { HelpName = valueName, Description = description };
        if (choices.Length > 0) option.CompletionSources.Add(choices);
        return option;
    }

    /// <summary>An option with one text value that the command needs.</summary>
    public static Option<string> Text(string name, string valueName, string description, bool required) =>
        new(name) { HelpName = valueName, Description = description, Required = required };

    /// <summary>An option that may be given several times, each time with one value.</summary>
    public static Option<string[]> Repeatable(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description, DefaultValueFactory = _ => [] };

    /// <summary>A switch without a value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option with a number, read culture-invariantly; anything else is "option '--alpha': 'five' is not a number".</summary>
    public static TypedOption<double> Number(string name, string valueName, string description) =>
        new(name, valueName, description, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            text => $"option '{name}': '{text}' is not a number");

    /// <summary>An option with one of a set of names (case-insensitive), offered by shell completion; anything else is
    /// "option '--df': 'kr' is not one of residual, containment, …".</summary>
    public static TypedOption<T> Choice<T>(string name, string description, Choices<T> choices) where T : struct
    {
        var option = new TypedOption<T>(name, string.Join('|', choices.Names), description, choices.Find,
            text => $"option '{name}': '{text}' is not one of {string.Join(", ", choices.Names)}");
        option.Option.CompletionSources.Add([.. choices.Names]);
        return option;
    }

    /// <summary>An option with one of a set of texts (case-insensitive), returned as written in the set.</summary>
    public static Option<string?> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string?>(name)
        {
            HelpName = string.Join('|', choices), Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (choices.FirstOrDefault(c => c == text.ToLowerInvariant()) is { } c) return c;
                result.AddError($"option '{name}': '{text}' is not one of {string.Join(", ", choices)}");
                return null;
            },
        };
        option.CompletionSources.Add(choices);
        return option;
    }
}

/// <summary>
/// An option whose value is a number or one of a set of names. System.CommandLine holds it as text and the error of a
/// value that does not read is added when the line is parsed; the value is read by <see cref="Get"/>. (Text options share
/// one compiled code path; an option of a value type would be compiled again at each start-up, which the measured
/// start-up of a small fit showed.)
/// </summary>
public sealed class TypedOption<T> where T : struct
{
    readonly Func<string, T?> read;

    public Option<string?> Option { get; }

    public TypedOption(string name, string valueName, string description, Func<string, T?> read, Func<string, string> error)
    {
        this.read = read;
        Option = new Option<string?>(name) { HelpName = valueName, Description = description };
        Option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && read(result.Tokens[^1].Value) is null) result.AddError(error(result.Tokens[^1].Value));
        });
    }

    /// <summary>The value given, or null when the option is absent.</summary>
    public T? Get(ParseResult result) => result.GetValue(Option) is { } text ? read(text) : null;

    public static implicit operator Option(TypedOption<T> option) => option.Option;
}
