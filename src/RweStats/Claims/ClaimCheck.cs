using System.Globalization;
using RweStats.Descriptives;
using RweStats.Model;
using RweStats.Reporting;
using RweStats.Workflow;

namespace RweStats.Claims;

/// <summary>How a reported number compares with the number computed from the data, at its printed precision.</summary>
public enum Verdict
{
    /// <summary>The computed value prints as reported.</summary>
    Reproduced,
    /// <summary>Off by one unit of the last printed digit: a rounding or transcription slip.</summary>
    RoundingSlip,
    /// <summary>Not reproduced by the default definition but by another quantile definition.</summary>
    OtherQuantileDefinition,
    /// <summary>The computed value differs from the reported one by more than a rounding slip.</summary>
    NotReproduced,
    /// <summary>Nothing to compare with (outcome or visit not in the analysis, fit failed).</summary>
    NotComputed,
}

/// <summary>A claim judged against the analysis.</summary>
/// <param name="Claim">The reported number.</param>
/// <param name="Computed">The number the analysis gives, or null when it does not compute it.</param>
/// <param name="Verdict">How the two compare at the claim's printed precision.</param>
/// <param name="Reason">Why, in one sentence for the report.</param>
public sealed record ClaimResult(Claim Claim, double? Computed, Verdict Verdict, string Reason);

/// <summary>
/// Judges each claim at its printed precision against a computed value: reproduced when the computed value
/// rounds to the reported digits (half-up or half-even), a rounding slip when one unit away, otherwise not
/// reproduced; quartiles are also tried with R's nine quantile types (SAS's five) before being called not reproduced.
/// </summary>
public static class ClaimCheck
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The verdict of <paramref name="computed"/> against the claim: reproduced when it rounds (half-up or half-even) to the printed digits, a rounding slip within 1.5 units of the last digit (never for a count).</summary>
    public static Verdict Judge(Claim claim, double computed)
    {
        if (!double.IsFinite(computed)) return Verdict.NotComputed;
        if (claim.IsUpperBound) return computed < claim.ReportedValue ? Verdict.Reproduced : Verdict.NotReproduced;
        double unit = claim.Unit, reported = claim.ReportedValue;
        double halfUp = Math.Round(computed / unit, MidpointRounding.AwayFromZero) * unit;
        double halfEven = Math.Round(computed / unit, MidpointRounding.ToEven) * unit;
        double tiny = unit * 1e-6;
        if (Math.Abs(halfUp - reported) < tiny || Math.Abs(halfEven - reported) < tiny) return Verdict.Reproduced;
        // A count does not round: one patient more or less is a difference, not a slip.
        bool count = claim.Statistic is "n" or "missing" or "class_count";
        if (!count && Math.Abs(computed - reported) <= unit * 1.5) return Verdict.RoundingSlip;
        return Verdict.NotReproduced;
    }

    /// <summary>Every claim checked against the study (<see cref="Check"/>), in the claims' order.</summary>
    public static IReadOnlyList<ClaimResult> CheckAll(IEnumerable<Claim> claims, StudyResult study) => claims.Select(c => Check(c, study)).ToList();

    /// <summary>One claim computed from the study's outcome and judged; a quartile not reproduced is tried under the other quantile definitions.</summary>
    public static ClaimResult Check(Claim claim, StudyResult study)
    {
        var outcome = study.Outcomes.FirstOrDefault(o => o.Outcome.Name == claim.Outcome);
        if (outcome is null) return new(claim, null, Verdict.NotComputed, $"outcome '{claim.Outcome}' is not in the analysis");
        if (outcome.Error is not null && (claim.IsModelClaim || outcome.Descriptives.Count == 0))
            return new(claim, null, Verdict.NotComputed, $"the analysis of '{claim.Outcome}' failed: {outcome.Error}");
        double? computed = Compute(claim, outcome);
        if (computed is null) return new(claim, null, Verdict.NotComputed, "not computed by the analysis (visit, class or contrast unknown)");
        var verdict = Judge(claim, computed.Value);
        string reason = Explain(claim, outcome, computed.Value, verdict, study.Spec.Descriptives.QuantileType, out var betterVerdict);
        return new(claim, computed, betterVerdict ?? verdict, reason);
    }

    static double? Compute(Claim claim, OutcomeAnalysis o)
    {
        if (claim.Statistic == "percent_change")
            return o.PercentChanges.FirstOrDefault(p => p.From == claim.From && p.To == claim.To)?.Percent
                   ?? PercentFromDescriptives(o, claim.From!, claim.To!);
        if (claim.IsModelClaim)
            return o.Model is { } model && o.Fit is { } fit ? ModelClaimValue.Of(claim, model, fit.Spec.Df) : null;
        if (claim.Statistic == "class_count")
            return o.Classes.FirstOrDefault(c => c.Visit == claim.Visit)?.Counts.FirstOrDefault(x => x.Label == claim.Class).Count is { } n
                   && o.Outcome.Classes.Any(c => c.Label == claim.Class) ? n : null;
        var d = o.Descriptives.FirstOrDefault(x => x.Visit == claim.Visit);
        if (d is null) return null;
        return claim.Statistic switch
        {
            "n" => d.N, "missing" => d.Missing, "mean" => d.Mean, "sd" => d.Sd, "median" => d.Median,
            "q1" => d.Q1, "q3" => d.Q3, "min" => d.Min, _ => d.Max,
        };
    }

    static double? PercentFromDescriptives(OutcomeAnalysis o, string from, string to)
    {
        var a = o.Descriptives.FirstOrDefault(d => d.Visit == from);
        var b = o.Descriptives.FirstOrDefault(d => d.Visit == to);
        return a is null || b is null ? null : 100 * (b.Mean - a.Mean) / a.Mean;
    }

    /// <summary>"M6 - M0", "M6 vs M0" and "M6-M0" name the same contrast.</summary>
    public static bool SameContrast(string label, string claimed)
    {
        static string Norm(string s) => s.Replace(" vs ", "-").Replace(" versus ", "-").Replace(" ", "");
        return Norm(label) == Norm(claimed);
    }

    static string Explain(Claim claim, OutcomeAnalysis o, double computed, Verdict verdict, int quantileType, out Verdict? better)
    {
        better = null;
        string value = Format(computed, claim);
        var d = claim.Visit is null ? null : o.Descriptives.FirstOrDefault(x => x.Visit == claim.Visit);
        string remarks = claim.Visit is null ? "" : VisitRemarks(o, claim.Visit);
        string basis = d is null ? "" : $" from the {d.N} non-missing values at {claim.Visit}";
        switch (verdict)
        {
            case Verdict.Reproduced:
                return $"computed {value}{basis}";
            case Verdict.RoundingSlip:
                return $"computed {value}{basis}: one unit of the last printed digit away (rounding or transcription slip)";
        }
        if (claim.IsQuantile && d is not null)
        {
            double p = claim.Statistic switch { "q1" => 0.25, "q3" => 0.75, _ => 0.5 };
            var values = o.ValuesBySubject.Values.Select(v => v.TryGetValue(claim.Visit!, out var x) ? x : double.NaN).ToList();
            var types = Enumerable.Range(1, 9).Where(t => Judge(claim, Quantiles.Compute(values, p, t)) == Verdict.Reproduced).ToList();
            if (types.Count > 0)
            {
                better = Verdict.OtherQuantileDefinition;
                return $"computed {value}{basis} with R type {quantileType}; reproduced with R quantile type{(types.Count > 1 ? "s" : "")} {string.Join(", ", types)}{SasNames(types)}";
            }
            return $"computed {value}{basis} with R type {quantileType}; no quantile definition (R types 1–9, SAS 1–5) gives {claim.Reported}{remarks}";
        }
        if (claim.IsModelClaim && o.Fit is { } f)
            return $"computed {value} with {f.CovarianceSasType}{(f.Spec.RandomIntercept ? " + random intercept" : "")}, {(f.Spec.Method == Model.EstimationMethod.Reml ? "REML" : "ML")}, {DfMethodNames.Name(f.Spec.Df)} df ({f.ObservationsUsed} observations, {f.SubjectsWithData} subjects); 'rwestats verify' searches other specifications";
        return $"computed {value}{basis}{remarks}";
    }

    /// <summary>
    /// The data's own remarks on values of that visit that mention a month ("measured at month 8", "stopped at
    /// month 4"): an off-schedule measurement or a stopped treatment is where a difference in counts usually comes from.
    /// </summary>
    static string VisitRemarks(OutcomeAnalysis o, string visit)
    {
        var remarks = o.Notes.Where(n => n.Key.Visit == visit && System.Text.RegularExpressions.Regex.IsMatch(n.Value, @"\bmonth\s*\d+", System.Text.RegularExpressions.RegexOptions.IgnoreCase) && o.ValuesBySubject.TryGetValue(n.Key.Subject, out var v) && v.TryGetValue(visit, out var x) && !double.IsNaN(x))
            .Select(n => $"subject {n.Key.Subject}: \"{n.Value}\"").ToList();
        return remarks.Count == 0 ? "" : $"; remarks on values at {visit}: {string.Join("; ", remarks)}";
    }

    static string SasNames(IEnumerable<int> rTypes)
    {
        var sas = rTypes.Select(t => t switch { 4 => 1, 3 => 2, 1 => 3, 6 => 4, 2 => 5, _ => 0 }).Where(x => x > 0).ToList();
        return sas.Count == 0 ? "" : $" (SAS definition{(sas.Count > 1 ? "s" : "")} {string.Join(", ", sas)})";
    }

    /// <summary>The computed value with two digits more than the claim prints (counts whole, p-values as the reports print them).</summary>
    public static string Format(double v, Claim claim)
    {
        if (claim.Statistic is "n" or "class_count" or "missing") return v.ToString("0", Inv);
        if (claim.Statistic == "p_value") return Reporting.NumberColumns.PValue(v);
        int decimals = Math.Max(0, (int)Math.Round(-Math.Log10(claim.Unit))) + 2;
        return Math.Round(v, decimals).ToString("0.#########", Inv);
    }

    /// <summary>
    /// The computed value at the claim's own printed precision (6.875 beside "6.9" prints 6.9; 7.95 beside "7.9"
    /// prints 8.0), so the two columns read digit for digit. Counts as whole numbers; a p-value that rounds to zero
    /// at that precision (beside "&lt; 0.01") with two significant digits instead.
    /// </summary>
    public static string FormatAtPrintedPrecision(double v, Claim claim)
    {
        if (claim.Statistic is "n" or "class_count" or "missing") return v.ToString("0", Inv);
        int decimals = Math.Max(0, (int)Math.Round(-Math.Log10(claim.Unit)));
        if (claim.Statistic == "p_value" && Math.Round(v, decimals) == 0 && v > 0)
            decimals = Math.Max(decimals, 1 - (int)Math.Floor(Math.Log10(v)));
        return Reporting.NumberColumns.Fixed(v, decimals);
    }

    /// <summary>The verdict as the reports and replication.csv write it ("rounding slip").</summary>
    public static string VerdictText(Verdict v) => v switch
    {
        Verdict.Reproduced => "reproduced",
        Verdict.RoundingSlip => "rounding slip",
        Verdict.OtherQuantileDefinition => "reproduced (other quantile definition)",
        Verdict.NotReproduced => "not reproduced",
        _ => "not computed",
    };
}
