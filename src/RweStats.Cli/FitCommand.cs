using System.CommandLine;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;
using RweStats.Reporting;

namespace RweStats.Cli;

/// <summary>"rwestats fit": one mixed model on one data file (CSV, SAS transport, Parquet, DuckDB) or a PostgreSQL table (DatabaseData). Its options and JSON output are a contract.</summary>
public sealed class FitCommand
{
    readonly SharedOptions o;
    readonly Option<string> formula = SharedOptions.Text("--formula", "Y ~ TERMS", "R-style fixed effects: a + b + a:b, a*b, -1 (no intercept)", required: true);
    readonly TypedOption<DfMethod> df = SharedOptions.Choice("--df", "denominator degrees of freedom (default satterthwaite; kenward-roger = SAS DDFM=KR, kenward-roger-linear = SAS DDFM=KR(LINEAR))", ModelOptions.DfChoices);
    readonly TypedOption<StdErrorMethod> stdErrors = SharedOptions.Choice("--std-errors", "model-based or empirical (sandwich, SAS EMPIRICAL) standard errors (default model)", ModelOptions.StdErrorChoices);
    readonly Option<string[]> lsMeans = SharedOptions.Repeatable("--lsmeans", "EFFECT", "LS means and pairwise differences, e.g. AVISIT*ARMCD (repeatable)");
    readonly TypedOption<LsMeansWeights> lsMeansWeights = SharedOptions.Choice("--lsmeans-weights", "weights of the class levels LS means average over: equal (default, SAS) or their observed frequencies (SAS OM, emmeans weights = \"proportional\")", ModelOptions.LsMeansWeightsChoices);
    readonly Option<string[]> contrasts = SharedOptions.Repeatable("--contrast", "LABEL: EXPR", "custom contrast of LS means, e.g. \"M12 vs M6: visit[M12] - visit[M6]\", \"2*visit[M6] - visit[M0] - visit[M12]\", cells ARMCD[TRT]:AVISIT[VIS4]; rows separated by ';' are tested jointly (F test) (repeatable)");
    readonly Option<string[]> lsMeanContrasts = SharedOptions.Repeatable("--contrast-lsmeans", "EFFECT: LEVELS - LEVELS", "contrast of one effect's LS means by level names, e.g. \"AVISIT*ARMCD: VIS4 TRT - VIS4 PBO\" (repeatable; ';' for more rows)");
    readonly TypedOption<MultiplicityAdjustment> adjust = SharedOptions.Choice("--adjust", "adjust the p-values of the visit contrasts and of each effect's LS-mean differences (default none; dunnett: comparisons with the baseline / first level only; multivariate t computed numerically, error bound in the notes; docs/inference.md)", ModelOptions.AdjustChoices);
    readonly Option<bool> blups = SharedOptions.Flag("--blups", "report the predicted subject intercepts with prediction SEs");
    readonly Option<bool> residuals = SharedOptions.Flag("--residuals", "report marginal and conditional residuals (raw, Pearson, scaled)");

    public ToolCommand Command { get; }

    public FitCommand(SharedOptions shared)
    {
        o = shared;
        Command = new ToolCommand("fit", "fit one mixed model to a data file (CSV, SAS transport .xpt, Parquet, DuckDB) or a PostgreSQL table");
        foreach (var option in new Option[] { o.Data, formula }.Concat(o.Model.Take(2)).Concat(o.DataSource.Skip(1)).Concat(o.Database).Concat(o.Model.Skip(2))
                     .Concat([df, stdErrors, lsMeans, lsMeansWeights, contrasts, lsMeanContrasts, adjust, blups, residuals]).Concat(o.Report))
            Command.Options.Add(option);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
    }

    /// <summary>The help of "rwestats fit".</summary>
    public static string Usage => new CommandTree().Help("fit");

    int Run(ParseResult a, TextWriter stdout, TextWriter stderr)
    {
        var spec = ModelOptions.Spec(a, o, a.GetRequiredValue(formula)) with
        {
            Df = df.Get(a) ?? DfMethod.Satterthwaite,
            StdErrors = stdErrors.Get(a) ?? StdErrorMethod.Model,
            LsMeans = a.GetValue(lsMeans)!.ToList(),
            LsMeansWeights = lsMeansWeights.Get(a) ?? LsMeansWeights.Equal,
            Contrasts = a.GetValue(contrasts)!.ToList(),
            LsMeanContrasts = a.GetValue(lsMeanContrasts)!.ToList(),
            Adjustment = adjust.Get(a) ?? MultiplicityAdjustment.None,
            Blups = a.GetValue(blups),
            Residuals = a.GetValue(residuals),
        };
        var format = ModelOptions.Format(a, o);
        using var progress = FitProgressLine.For(a.GetValue(o.Quiet), stderr);
        spec = spec with { Progress = progress };
        var result = FittingData.Open(a, o, stderr).Fit(a, o, spec, stderr);
        ModelOptions.Write(a, o, writer =>
        {
            if (format == "json")
            {
                FitJson.Write(writer, result, ModelOptions.OptionName);
                writer.Write('\n');
            }
            else FitText.Write(writer, result, ModelOptions.OptionName);
        }, stdout);
        return 0;
    }
}
