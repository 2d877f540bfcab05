namespace RweStats.PaperCheck;

/// <summary>What a check concludes about a reported statistic.</summary>
public enum FindingVerdict
{
    /// <summary>Some data (or rounding of the printed numbers) give every number as printed.</summary>
    Consistent,
    /// <summary>No data can give the numbers as printed: the arithmetic proves at least one of them wrong.</summary>
    Inconsistent,
    /// <summary>The check needs something the text does not give (the n, an integer-valued measure, a p-value, a symmetric interval).</summary>
    NotCheckable,
}

/// <summary>
/// One checked statistic: the check that was run (its name, e.g. "grim" or "quantile"), its verdict, where the
/// statistic begins (page and 1-based line on that page; page 1 for a text file), the numbers as printed, and an
/// explanation that names the arithmetic used.
/// </summary>
public sealed record Finding(string Check, FindingVerdict Verdict, int Page, int Line, string Quote, string Explanation,
                             string Statistic, string? Measure, int? N, string? Visit, int Start, int End,
                             IReadOnlyList<string> Definitions)
{
    /// <summary>The verdict's name in the reports.</summary>
    public static string VerdictName(FindingVerdict v) => v switch
    {
        FindingVerdict.Consistent => "consistent",
        FindingVerdict.Inconsistent => "inconsistent",
        _ => "not_checkable",
    };

    /// <summary>A finding about a reported statistic, located by its context.</summary>
    public static Finding Of(ReportedStatistic s, string check, FindingVerdict verdict, string explanation, IReadOnlyList<string>? definitions = null)
    {
        return new Finding(check, verdict, s.Context.Page, s.Context.Line, s.Context.Quote, explanation, s.Kind, s.Context.Measure, s.Context.N,
            s.Context.Visit, s.Context.Start, s.Context.End, definitions ?? Array.Empty<string>());
    }
}

/// <summary>The findings on one paper.</summary>
public sealed record CheckReport(string Path, bool FromPdf, string Language, int? StudyN, string StudyNSource,
                                 IReadOnlyList<ReportedStatistic> Statistics, IReadOnlyList<Finding> Findings, TimeSpan Elapsed)
{
    /// <summary>The number of findings with verdict <paramref name="v"/>.</summary>
    public int Count(FindingVerdict v) => Findings.Count(f => f.Verdict == v);
}
