using System.Globalization;
using System.Text;
using RweStats.Model;

namespace RweStats.Reporting;

/// <summary>A readable report of a fit in the spirit of SAS's PROC MIXED listing (same table names and columns).</summary>
public static class FitText
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The response as the report names it: with the data's label when there is one ("AVAL — Analysis Value").</summary>
    public static string Outcome(MixedModelResult r) =>
        r.ResponseLabel is { } label && label != r.Response ? $"{r.Response} — {label}" : r.Response;

    /// <summary>The fit as a text report; the settings its notes name ("{TimeOrder}") as <paramref name="naming"/> names them (null: the library's words).</summary>
    public static string Render(MixedModelResult r, Func<ModelSetting, string?>? naming = null)
    {
        var text = new StringWriter();
        Write(text, r, naming);
        return text.ToString();
    }

    /// <summary>The same report written to <paramref name="writer"/>; the residual table (a row per observation) is
    /// streamed row by row, never held as text.</summary>
    public static void Write(TextWriter writer, MixedModelResult r, Func<ModelSetting, string?>? naming = null)
    {
        var s = new StringBuilder();
        var spec = r.Spec;
        s.AppendLine("Model Information");
        Row(s, "Dependent variable", Outcome(r));
        Row(s, "Formula", spec.Formula);
        Row(s, "Covariance structure", r.CovarianceSasType + (spec.Group is null ? "" : $" (GROUP={spec.Group})"));
        Row(s, "Random subject intercept", spec.RandomIntercept ? "yes" : "no");
        Row(s, "Subject effect", spec.Subject);
        Row(s, "Repeated (time) effect", $"{spec.Time}: {string.Join(" ", r.TimeLevels)} (baseline {r.Baseline})");
        if (r.VisitOrdering is { } order) Row(s, "Visit order", RweStatsInputException.NameSettings(order.Description, naming));
        Row(s, "Estimation method", spec.Method == EstimationMethod.Reml ? "REML" : "ML");
        Row(s, "Degrees of freedom method", DfMethodNames.Name(spec.Df) +
            (spec.Df is DfMethod.KenwardRoger or DfMethod.KenwardRogerLinear ? $" ({(spec.KenwardRogerInformation == Inference.KenwardRogerInformation.Expected ? "expected" : "observed")} information)" : ""));
        Row(s, "Standard errors", spec.StdErrors == StdErrorMethod.Empirical ? "empirical (sandwich)" : "model-based");
        if (spec.Adjustment != MultiplicityAdjustment.None) Row(s, "Multiplicity adjustment", Inference.Multiplicity.Name(spec.Adjustment));
        s.AppendLine();
        Row(s, "Subjects (with data)", $"{r.SubjectCount} ({r.SubjectsWithData})");
        Row(s, "Observations read", r.ObservationsRead.ToString(Inv));
        Row(s, "Observations used", r.ObservationsUsed.ToString(Inv));
        Row(s, "Columns in X / rank", $"{r.DesignColumns} / {r.DesignRank}");
        Row(s, "Convergence", $"{r.Convergence.Message} after {r.Convergence.Iterations} iterations (criterion {F(r.Convergence.Criterion, "G3")}, max |gradient| {F(r.Convergence.MaxAbsGradient, "G3")})");
        s.AppendLine();

        s.AppendLine("Covariance Parameter Estimates");
        Table(s, new[] { "Cov Parm", "Group", "Estimate", "Std Error" },
            r.CovarianceParameters.Select(c => new[] { c.Name + (c.OnBoundary ? " (boundary)" : ""), c.Group ?? "", F(c.Estimate, "F4"), F(c.StdError, "F4") }));

        s.AppendLine("Fit Statistics");
        Row(s, spec.Method == EstimationMethod.Reml ? "-2 Res Log Likelihood" : "-2 Log Likelihood", F(r.FitStatistics.Neg2LogLikelihood, "F4"));
        Row(s, "AIC (Smaller is Better)", F(r.FitStatistics.Aic, "F4"));
        Row(s, "AICC (Smaller is Better)", F(r.FitStatistics.Aicc, "F4"));
        Row(s, "BIC (Smaller is Better)", F(r.FitStatistics.Bic, "F4"));
        s.AppendLine();

        s.AppendLine("Solution for Fixed Effects");
        Table(s, new[] { "Effect", "Estimate", "Std Error", "DF", "t Value", "Pr > |t|", "Lower", "Upper" },
            r.FixedEffects.Select(f => f.Result is { } e
                ? new[] { f.Term, F(e.Estimate, "F4"), F(e.StdError, "F4"), F(e.Df, "F1"), F(e.TValue, "F2"), P(e.PValue), F(e.Lower, "F4"), F(e.Upper, "F4") }
                : new[] { f.Term, "0", ".", ".", ".", ".", ".", "." }));

        s.AppendLine("Type 3 Tests of Fixed Effects");
        Table(s, new[] { "Effect", "Num DF", "Den DF", "F Value", "Pr > F" },
            r.Type3Tests.Select(t => new[] { t.Effect, t.NumDf.ToString(Inv), F(t.DenDf, "F1"), F(t.FValue, "F2"), P(t.PValue) }));

        if (r.LsMeans.Count > 0)
        {
            s.AppendLine("Least Squares Means" + (r.ResponseLabel is null ? "" : ": " + Outcome(r)));
            Table(s, new[] { "Effect", "Levels", "Estimate", "Std Error", "DF", "t Value", "Pr > |t|", "Lower", "Upper" },
                r.LsMeans.Select(l => l.Result is { } e
                    ? new[] { l.Effect, string.Join(" ", l.Levels.Values), F(e.Estimate, "F4"), F(e.StdError, "F4"), F(e.Df, "F1"), F(e.TValue, "F2"), P(e.PValue), F(e.Lower, "F4"), F(e.Upper, "F4") }
                    : new[] { l.Effect, string.Join(" ", l.Levels.Values), "Non-est", "", "", "", "", "", "" }));
        }
        if (r.LsMeanDifferences.Count > 0)
        {
            s.AppendLine("Differences of Least Squares Means");
            bool adj = spec.Adjustment != MultiplicityAdjustment.None;
            var header = new[] { "Effect", "Levels", "Other", "Estimate", "Std Error", "DF", "t Value", "Pr > |t|", "Lower", "Upper" };
            if (adj) header = header.Append("Adj P").ToArray();
            Table(s, header,
                r.LsMeanDifferences.Select(d =>
                {
                    var row = new[] { d.Effect, string.Join(" ", d.Levels.Values), string.Join(" ", d.OtherLevels.Values),
                        F(d.Result.Estimate, "F4"), F(d.Result.StdError, "F4"), F(d.Result.Df, "F1"), F(d.Result.TValue, "F2"), P(d.Result.PValue), F(d.Result.Lower, "F4"), F(d.Result.Upper, "F4") };
                    return adj ? row.Append(d.AdjustedPValue is { } a ? P(a) : ".").ToArray() : row;
                }));
        }
        if (r.VisitContrasts.Count > 0)
        {
            s.AppendLine($"Visit Contrasts against Baseline ({r.Baseline}){(r.ResponseLabel is null ? "" : ": " + Outcome(r))}");
            bool adj = spec.Adjustment != MultiplicityAdjustment.None;
            var header = new[] { "Contrast", "Estimate", "Std Error", "DF", "t Value", "Pr > |t|", "Lower", "Upper" };
            if (adj) header = header.Append($"Adj P ({Inference.Multiplicity.Name(spec.Adjustment)})").ToArray();
            Table(s, header,
                r.VisitContrasts.Select(v =>
                {
                    var row = new[] { v.Label, F(v.Result.Estimate, "F4"), F(v.Result.StdError, "F4"), F(v.Result.Df, "F1"), F(v.Result.TValue, "F2"), P(v.Result.PValue), F(v.Result.Lower, "F4"), F(v.Result.Upper, "F4") };
                    return adj ? row.Append(v.AdjustedPValue is { } a ? P(a) : ".").ToArray() : row;
                }));
        }
        if (r.Contrasts.Count > 0)
        {
            s.AppendLine("Contrasts (LS-mean scale)");
            Table(s, new[] { "Contrast", "Row", "Estimate", "Std Error", "DF", "t Value", "Pr > |t|", "Lower", "Upper" },
                r.Contrasts.SelectMany(c => c.Rows.Select(row => row.Result is { } e
                    ? new[] { c.Label, row.Expression, F(e.Estimate, "F4"), F(e.StdError, "F4"), F(e.Df, "F1"), F(e.TValue, "F2"), P(e.PValue), F(e.Lower, "F4"), F(e.Upper, "F4") }
                    : new[] { c.Label, row.Expression, "Non-est", "", "", "", "", "", "" })));
            var joint = r.Contrasts.Where(c => c.Rows.Count > 1 && c.Test is not null).ToList();
            if (joint.Count > 0)
            {
                s.AppendLine("Contrast F Tests");
                Table(s, new[] { "Contrast", "Num DF", "Den DF", "F Value", "Pr > F" },
                    joint.Select(c => new[] { c.Label, c.Test!.NumDf.ToString(Inv), F(c.Test.DenDf, "F1"), F(c.Test.FValue, "F2"), P(c.Test.PValue) }));
            }
        }
        if (r.CovarianceSelection is { } sel) RenderSelection(s, sel);
        if (r.Blups is { Count: > 0 } blups)
        {
            s.AppendLine("Predicted Subject Intercepts (BLUP)");
            Table(s, new[] { "Subject", "Estimate", "Std Err Pred" }, blups.Select(b => new[] { b.Subject, F(b.Estimate, "F4"), F(b.StdErrorPrediction, "F4") }));
        }
        if (r.Residuals is { Count: > 0 } res)
        {
            s.AppendLine("Residuals");
            writer.Write(s);
            s.Clear();
            StreamedTable(writer, new[] { "Subject", "Visit", "Observed", "Pred (marg)", "Pred (cond)", "Resid (marg)", "Resid (cond)", "Pearson (marg)", "Pearson (cond)", "Scaled" },
                () => res.Select(x => new[] { x.Subject, x.Visit, F(x.Observed, "F4"), F(x.PredictedMarginal, "F4"), F(x.PredictedConditional, "F4"),
                    F(x.ResidualMarginal, "F4"), F(x.ResidualConditional, "F4"), F(x.PearsonMarginal, "F4"), F(x.PearsonConditional, "F4"), F(x.Scaled, "F4") }));
        }
        if (r.Notes.Count > 0)
        {
            s.AppendLine("Notes");
            foreach (var n in r.Notes) s.AppendLine("  - " + RweStatsInputException.NameSettings(n, naming));
        }
        writer.Write(s);
    }

    /// <summary>
    /// <see cref="Table"/> written row by row: the rows are formed twice, once for the columns' widths and once to be
    /// written, so that a table of a million rows is never held in memory (the same text as <see cref="Table"/>).
    /// </summary>
    static void StreamedTable(TextWriter writer, string[] header, Func<IEnumerable<string[]>> rows)
    {
        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows())
            for (int j = 0; j < widths.Length; j++) widths[j] = Math.Max(widths[j], Echo.Shown(row[j]).Length);
        void Line(string[] cells)
        {
            writer.Write("  ");
            for (int j = 0; j < cells.Length; j++)
            {
                if (j > 0) writer.Write("  ");
                var c = Echo.Shown(cells[j]);
                writer.Write(j == 0 ? c.PadRight(widths[j]) : c.PadLeft(widths[j]));
            }
            writer.Write(Environment.NewLine);
        }
        Line(header);
        foreach (var row in rows()) Line(row);
        writer.Write(Environment.NewLine);
    }

    /// <summary>The covariance-structure comparison table and its likelihood-ratio tests.</summary>
    public static void RenderSelection(StringBuilder s, Inference.CovarianceSelectionResult sel)
    {
        s.AppendLine($"Covariance Structure Selection (by {sel.Criterion})");
        Table(s, new[] { "Structure", "Converged", "-2 LL", "q", "AIC", "AICC", "BIC", "" },
            sel.Candidates.Select(c => new[] { c.SasType, c.Converged ? "yes" : "no", F(c.Neg2LogLikelihood, "F4"), c.Parameters?.ToString(Inv) ?? ".",
                F(c.Aic, "F4"), F(c.Aicc, "F4"), F(c.Bic, "F4"), c.Candidate.Label == sel.Selected ? "<- selected" : "" }));
        if (sel.Tests.Count > 0)
        {
            s.AppendLine("Likelihood Ratio Tests (nested structures)");
            Table(s, new[] { "Reduced", "Full", "Chi-Square", "DF", "Pr > ChiSq", "Reference" },
                sel.Tests.Select(t => new[] { t.Reduced, t.Full, F(t.ChiSquare, "F4"), t.Df.ToString(Inv), P(t.PValue), t.BoundaryMixture ? "50:50 mixture (variance at 0)" : "chi-square" }));
        }
        s.AppendLine("  " + sel.Reason);
        s.AppendLine();
    }

    static void Row(StringBuilder s, string label, string value) => s.AppendLine($"  {label,-28} {Echo.Shown(value)}");

    /// <summary>A number in <paramref name="format"/>, invariant culture; "." (SAS's missing) when null or not finite.</summary>
    public static string F(double? v, string format) => v is { } x && double.IsFinite(x) ? x.ToString(format, Inv) : ".";

    /// <summary>p-values with three significant digits (<see cref="NumberColumns.PValue"/>); "." where there is none, as SAS prints it.</summary>
    public static string P(double v) => double.IsFinite(v) ? NumberColumns.PValue(v) : ".";

    /// <summary>Appends a text table with aligned columns.</summary>
    public static void Table(StringBuilder s, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        // A cell is a number or a label (a level, a subject, an effect): labels echoed by their start (Echo.Shown).
        all.AddRange(rows.Select(r => r.Select(c => Echo.Shown(c)).ToArray()));
        var widths = header.Select((_, j) => all.Max(r => r[j].Length)).ToArray();
        foreach (var r in all)
            s.AppendLine("  " + string.Join("  ", r.Select((c, j) => j == 0 ? c.PadRight(widths[j]) : c.PadLeft(widths[j]))));
        s.AppendLine();
    }
}
