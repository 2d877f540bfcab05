using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Cli;

/// <summary>"rwestats fit": one mixed model on one data file (CSV, SAS transport, Parquet, DuckDB) or a PostgreSQL table (DatabaseData). Its options and JSON output are a contract.</summary>
public static class FitCommand
{
    public const string Usage = """
        rwestats fit --data FILE --formula "Y ~ TERMS" --subject COL --time COL [options]

          --data FILE              one row per subject x visit: CSV (',' or ';' separated, detected), SAS
                                   transport .xpt (V5/V8), .parquet, a DuckDB database (.duckdb), or a
                                   glob of CSV/Parquet files read by DuckDB ("data/*.parquet")
          --data-format FORMAT     csv|xpt|parquet|duckdb: the file format when the extension does not say
                                   (default: by extension; a path with * ? [ is read by DuckDB)
          --member NAME            the data set of an .xpt library with several, or the table of a DuckDB
                                   database with several
          --query SQL              DuckDB: the rows of a SQL query (a CSV/Parquet glob is the view 'data');
                                   with --data postgresql://HOST[:PORT]/DB: the rows of a query instead of a table
          --where EXPR             keep the rows where EXPR holds, e.g. 'PARAMCD == "FEV1" and ANL01FL ==
                                   "Y" and DTYPE == ""': == != < <= > >= with a number or a "text",
                                   and, or, not, ( ), COL is missing; a missing text reads as ""
          --push-down              CSV, Parquet or DuckDB: the model's pattern sums are computed while the
                                   file(s) are read (any size; the rows are never held in memory): a CSV or
                                   Parquet file whose rows come grouped by subject in ascending order is
                                   streamed subject by subject, in parallel chunks; anything else is scanned
                                   and grouped by DuckDB. The fit runs on those sums; what needs the rows
                                   (--blups, --residuals, --std-errors empirical, spatial structures, --df
                                   between-within) reads them instead, with a note. Not with --where (filter
                                   in a --query) nor .xpt. Same numbers as reading the rows (README
                                   "Streaming large files")
          --formula "Y ~ TERMS"    R-style fixed effects: a + b + a:b, a*b, -1 (no intercept)
          --subject COL            subject identifier column
          --time COL               visit column (class variable; its levels index the residual matrix)
          --time-order L1,L2,...   visit levels in time order. Default: by --time-value when given (each
                                   visit at the median of its times; a visit without a time or two visits
                                   at the same time are refused), otherwise the natural order of the
                                   labels: numbers inside labels compare as numbers (M0 < M6 < M12,
                                   Week 2 < Week 12, VIS1 < VIS10), Screening then Baseline first. Never
                                   the order of the rows; the report says which order was used and why
          --baseline LEVEL         visit the others are compared with (default: the visit labelled
                                   Baseline if any, else the first in time order)
          --covariance TYPE        vc|un|cs|csh|ar1|arh1|toep|toeph|ante1|sp-exp|sp-pow (default un),
                                   or auto: fit the candidates and keep the best converged one
          --select-by aic|aicc|bic criterion of --covariance auto (default aic)
          --candidates LIST        structures for --covariance auto, e.g. un,toeph,ar1 (default
                                   un,toeph,arh1,csh,ar1,cs; each with and without a random intercept
                                   where identifiable; NAME+ri for the random-intercept version only)
          --time-value COL         numeric time of each visit (e.g. AVISITN, months): orders the visits
                                   (see --time-order) and gives the distances of sp-exp / sp-pow
          --group COL              separate covariance parameters per level (SAS GROUP=)
          --random-intercept       add a random subject intercept
          --method reml|ml         estimation method (default reml)
          --df METHOD              residual|containment|between-within|satterthwaite|kenward-roger|
                                   kenward-roger-linear (default satterthwaite; KR = SAS DDFM=KR,
                                   kenward-roger-linear = SAS DDFM=KR(LINEAR))
          --kr-information observed|expected
                                   information matrix in the KR computations (default observed, as SAS;
                                   expected as pbkrtest/lmerTest)
          --std-errors model|empirical
                                   model-based or empirical (sandwich, SAS EMPIRICAL) standard errors
          --class COL              treat a numeric column as a class variable (repeatable); a numeric
                                   column of the formula with 2-10 distinct whole values shared by several
                                   subjects (a site or centre code) gets a note suggesting it
          --ref COL=LEVEL          reference level of a class variable (repeatable)
          --lsmeans EFFECT         LS means and pairwise differences, e.g. AVISIT*ARMCD (repeatable)
          --lsmeans-weights equal|observed
                                   weights of the class levels LS means average over: equal (default, SAS)
                                   or their observed frequencies (SAS OM, emmeans weights = "proportional")
          --contrast "LABEL: EXPR" custom contrast of LS means, e.g. "M12 vs M6: visit[M12] - visit[M6]",
                                   "2*visit[M6] - visit[M0] - visit[M12]", cells ARMCD[TRT]:AVISIT[VIS4];
                                   rows separated by ';' are tested jointly (F test) (repeatable)
          --contrast-lsmeans "EFFECT: LEVELS - LEVELS"
                                   contrast of one effect's LS means by level names, e.g.
                                   "AVISIT*ARMCD: VIS4 TRT - VIS4 PBO" (repeatable; ';' for more rows)
          --adjust METHOD          none|bonferroni|holm|hochberg|dunnett: adjust the p-values of the visit
                                   contrasts and of each effect's LS-mean differences (default none;
                                   dunnett: comparisons with the baseline / first level only; multivariate
                                   t computed numerically, error bound in the notes; docs/inference.md)
          --blups                  report the predicted subject intercepts with prediction SEs
          --residuals              report marginal and conditional residuals (raw, Pearson, scaled)
          --alpha A                confidence level 1-A for intervals (default 0.05)
          --decimal-comma          numbers written with a decimal comma (12,5)
          --missing T1,T2,...      CSV: more cell texts read as missing (besides empty, NA and .), e.g. ND
          --report-nonconverged    report a fit that did not converge (clearly marked) instead of failing
          --quiet                  no progress line (shown on a terminal's standard error when a fit
                                   takes more than 2 s: iteration, -2LL, elapsed time)
          --format text|json       output format (default text)
          --out FILE               write the report to FILE instead of standard output
        """ + "\n" + DatabaseData.Usage;

    static readonly IReadOnlySet<string> ValueOptions = new HashSet<string>(ModelOptions.ValueOptions)
    {
        "--formula", "--df", "--lsmeans", "--lsmeans-weights", "--std-errors", "--contrast", "--contrast-lsmeans", "--adjust",
    }.Union(DatabaseData.ValueOptions).ToHashSet();
    static readonly IReadOnlySet<string> Flags = new HashSet<string>(ModelOptions.Flags) { "--blups", "--residuals", "--push-down" }.Union(DatabaseData.Flags).ToHashSet();

    public static IReadOnlyDictionary<string, DfMethod> DfChoices => ModelOptions.DfChoices;
    public static IReadOnlyDictionary<string, EstimationMethod> MethodChoices => ModelOptions.MethodChoices;

    public static int Run(string[] args, TextWriter stdout) => Run(args, stdout, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ValueOptions, Flags, "fit");
        if (a.Positional.Count > 0)
            throw new RweStatsInputException($"unexpected argument '{a.Positional[0]}'; options start with --");
        a.RequireAll("--data", "--formula", "--subject", "--time");
        var spec = ModelOptions.Spec(a, a.Required("--formula")) with
        {
            Df = a.Choice("--df", DfChoices, DfMethod.Satterthwaite),
            StdErrors = a.Choice("--std-errors", ModelOptions.StdErrorChoices, StdErrorMethod.Model),
            LsMeans = a.Values("--lsmeans").ToList(),
            LsMeansWeights = a.Choice("--lsmeans-weights", new Dictionary<string, LsMeansWeights> { ["equal"] = LsMeansWeights.Equal, ["observed"] = LsMeansWeights.Observed }, LsMeansWeights.Equal),
            Contrasts = a.Values("--contrast").ToList(),
            LsMeanContrasts = a.Values("--contrast-lsmeans").ToList(),
            Adjustment = a.Choice("--adjust", ModelOptions.AdjustChoices, MultiplicityAdjustment.None),
            Blups = a.Flag("--blups"),
            Residuals = a.Flag("--residuals"),
        };
        var format = ModelOptions.Format(a);
        using var progress = FitProgressLine.For(a, stderr);
        spec = spec with { Progress = progress };
        var result = FittingData.Open(a, stderr).Fit(a, spec, stderr);
        ModelOptions.Write(a, writer =>
        {
            if (format == "json")
            {
                FitJson.Write(writer, result);
                writer.Write('\n');
            }
            else FitText.Write(writer, result);
        }, stdout);
        return 0;
    }
}
