using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Cli;

/// <summary>"rwestats fit": one mixed model on one CSV file. Its options and JSON output are a contract.</summary>
public static class FitCommand
{
    public const string Usage = """
        rwestats fit --data FILE --formula "Y ~ TERMS" --subject COL --time COL [options]

          --data FILE              CSV file, one row per subject x visit (',' or ';' separated, detected)
          --formula "Y ~ TERMS"    R-style fixed effects: a + b + a:b, a*b, -1 (no intercept)
          --subject COL            subject identifier column
          --time COL               visit column (class variable; its levels index the residual matrix)
          --time-order L1,L2,...   visit levels in time order (default: order of first appearance)
          --baseline LEVEL         visit the others are compared with (default: first in time order)
          --covariance TYPE        vc|un|cs|csh|ar1|arh1|toep|toeph|ante1|sp-exp|sp-pow (default un)
          --time-value COL         numeric actual time (e.g. months) for sp-exp / sp-pow
          --group COL              separate covariance parameters per level (SAS GROUP=)
          --random-intercept       add a random subject intercept
          --method reml|ml         estimation method (default reml)
          --df METHOD              residual|containment|between-within|satterthwaite (default satterthwaite)
          --class COL              treat a numeric column as a class variable (repeatable)
          --ref COL=LEVEL          reference level of a class variable (repeatable)
          --lsmeans EFFECT         LS means and pairwise differences, e.g. AVISIT*ARMCD (repeatable)
          --alpha A                confidence level 1-A for intervals (default 0.05)
          --decimal-comma          numbers written with a decimal comma (12,5)
          --report-nonconverged    report a fit that did not converge (clearly marked) instead of failing
          --format text|json       output format (default text)
          --out FILE               write the report to FILE instead of standard output
        """;

    static readonly IReadOnlySet<string> ValueOptions = new HashSet<string>
    {
        "--data", "--formula", "--subject", "--time", "--time-order", "--baseline", "--covariance", "--time-value",
        "--group", "--method", "--df", "--class", "--ref", "--lsmeans", "--alpha", "--format", "--out", "--max-iterations",
    };
    static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--random-intercept", "--report-nonconverged", "--decimal-comma" };

    public static readonly IReadOnlyDictionary<string, DfMethod> DfChoices = new Dictionary<string, DfMethod>
    {
        ["residual"] = DfMethod.Residual, ["containment"] = DfMethod.Containment,
        ["between-within"] = DfMethod.BetweenWithin, ["satterthwaite"] = DfMethod.Satterthwaite,
    };
    public static readonly IReadOnlyDictionary<string, EstimationMethod> MethodChoices = new Dictionary<string, EstimationMethod>
    {
        ["reml"] = EstimationMethod.Reml, ["ml"] = EstimationMethod.Ml,
    };

    public static int Run(string[] args, TextWriter stdout)
    {
        var a = new Arguments(args, ValueOptions, Flags);
        if (a.Positional.Count > 0)
            throw new RweStatsInputException($"unexpected argument '{a.Positional[0]}'; options start with --");
        var refs = new Dictionary<string, string>();
        foreach (var r in a.Values("--ref"))
        {
            int eq = r.IndexOf('=');
            if (eq <= 0 || eq == r.Length - 1) throw new RweStatsInputException($"--ref '{r}': write it as COL=LEVEL");
            refs[r[..eq]] = r[(eq + 1)..];
        }
        var spec = new MixedModelSpec
        {
            Formula = a.Required("--formula"),
            Subject = a.Required("--subject"),
            Time = a.Required("--time"),
            TimeOrder = a.Value("--time-order")?.Split(',', StringSplitOptions.TrimEntries),
            Baseline = a.Value("--baseline"),
            Covariance = (a.Value("--covariance") ?? "un").ToLowerInvariant(),
            TimeValue = a.Value("--time-value"),
            Group = a.Value("--group"),
            RandomIntercept = a.Flag("--random-intercept"),
            Method = a.Choice("--method", MethodChoices, EstimationMethod.Reml),
            Df = a.Choice("--df", DfChoices, DfMethod.Satterthwaite),
            ClassVariables = a.Values("--class").ToList(),
            References = refs,
            LsMeans = a.Values("--lsmeans").ToList(),
            Alpha = a.Number("--alpha", 0.05),
            MaxIterations = (int)a.Number("--max-iterations", 50),
            ReportNonConverged = a.Flag("--report-nonconverged"),
        };
        var format = a.Choice("--format", new Dictionary<string, string> { ["text"] = "text", ["json"] = "json" }, "text");
        var dialect = a.Flag("--decimal-comma") ? CsvDialect.Default with { DecimalSeparator = ',' } : CsvDialect.Default;
        if (!Covariance.CovarianceStructure.Codes.Contains(spec.Covariance))
            throw new RweStatsInputException($"--covariance '{spec.Covariance}' is not a structure; use one of: {string.Join(", ", Covariance.CovarianceStructure.Codes)}");

        var table = CsvTableReader.Read(a.Required("--data"), dialect);
        var result = MixedModelFitter.Fit(table, spec);
        var text = format == "json" ? FitJson.Serialize(result) + "\n" : FitText.Render(result);
        if (a.Value("--out") is { } path) OutputFile.WriteAtomically(path, text);
        else stdout.Write(text);
        return 0;
    }
}
