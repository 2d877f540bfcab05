namespace RweStats.PaperCheck;

/// <summary>How a p-value is reported: "p = 0.036", "p &lt; 0.05", "p &gt; 0.05".</summary>
public sealed record ReportedP(string Relation, PrintedNumber Value, int Start, int End)
{
    /// <summary>
    /// The interval of true p-values the report allows: for "=", every p that prints so rounded or truncated (software and
    /// authors do both: "P = .19" is a p from 0.185 up to 0.2), (0, bound) for "&lt;", (bound, 1] for "&gt;".
    /// </summary>
    public (double Low, double High) Interval => Relation switch
    {
        "<" or "≤" or "<=" => (0, Value.Value),
        ">" or "≥" or ">=" => (Value.Value, 1),
        // "p = 0.000" is a p that printed as zero: below one unit.
        _ => (Math.Max(0, Value.Low), Math.Min(1, Value.Value + Value.Unit)),
    };

    /// <summary>What the words printed with the p say of it (a correction, another test, another hypothesis, one side); null when they say nothing.</summary>
    public PQualifier? Qualifier { get; init; }

    /// <summary>As printed: "p &lt; 0.05".</summary>
    public override string ToString() => $"p {Relation} {Value.Text}";
}

/// <summary>
/// What the words printed with a p say of it: <c>corrected</c> for multiple comparisons ("Bonferroni-corrected p"),
/// from <c>another test</c> than the statistic or interval beside it ("Fisher's exact p", "log-rank p"), of <c>another
/// hypothesis</c> (interaction, trend, non-inferiority against a margin), or <c>one-sided</c>; <see cref="Words"/> as printed.
/// </summary>
public sealed record PQualifier(string Kind, string Words)
{
    /// <summary>Whether the p may not be the one the statistic, interval or SE beside it gives (all kinds but one-sided).</summary>
    public bool NotTheStatisticsP => Kind != "one-sided";

    /// <summary>Why the p cannot be recomputed from the numbers beside it, for a finding's explanation.</summary>
    public string Why => Kind switch
    {
        "corrected" => $"the p is corrected or adjusted ('{Words}'), which the numbers beside it do not give",
        "another test" => $"the p is another test's ('{Words}'), not the one the numbers beside it give",
        _ => $"the p tests another hypothesis ('{Words}') than the numbers beside it",
    };
}

/// <summary>The context every extracted statistic carries: where it is, what it measures, the n that applies.</summary>
public sealed record StatisticContext(int Start, int End, string Quote, string Sentence, string? Measure, bool IntegerValued,
                                      int? N, string NSource, string? Visit)
{
    /// <summary>The page (1 for a text file) and 1-based line on it where the statistic begins.</summary>
    public int Page { get; init; } = 1;
    /// <summary>The 1-based line on <see cref="Page"/> where the statistic begins.</summary>
    public int Line { get; init; } = 1;

    /// <summary>When no n applies exactly, the most it can be (the study's n for a subgroup of it): a bound for a percentage's denominator, never a GRIM n.</summary>
    public int? NAtMost { get; init; }

    /// <summary>The n is the study's, not one stated in the statistic's own sentence.</summary>
    public bool NIsStudyN => NSource.StartsWith("the study's n", StringComparison.Ordinal);

    /// <summary>The n is that of the arm the statistic's sentence names, not one stated with the statistic.</summary>
    public bool NIsArmN => NSource.StartsWith(StatisticExtractor.ArmNSource, StringComparison.Ordinal);
}

/// <summary>A statistic as printed in a paper, with its context.</summary>
public abstract record ReportedStatistic(StatisticContext Context)
{
    /// <summary>Short name of the kind of statistic (JSON field "statistic").</summary>
    public abstract string Kind { get; }
}

/// <summary>t, F, χ², z or r with its degrees of freedom and the p it is reported with.</summary>
public sealed record TestStatistic(StatisticContext Context, string Test, PrintedNumber? Df1, PrintedNumber? Df2, PrintedNumber Value, ReportedP P)
    : ReportedStatistic(Context)
{
    /// <summary>The paper corrects F tests for sphericity (Greenhouse–Geisser, Huynh–Feldt): the p may be the corrected df's, the df printed uncorrected.</summary>
    public bool DfMayBeCorrected { get; init; }

    /// <inheritdoc/>
    public override string Kind => "test_statistic";
}

/// <summary>An estimate with its confidence interval (and p when one is reported with it); the level is null when neither the interval nor the paper says it.</summary>
public sealed record EstimateWithInterval(StatisticContext Context, string? Name, bool IsRatio, PrintedNumber Estimate, double? Level,
                                          PrintedNumber Lower, PrintedNumber Upper, ReportedP? P, PrintedNumber? Df)
    : ReportedStatistic(Context)
{
    /// <summary>Where the level comes from: printed with the interval, or (limits printed bare) the paper's one stated level.</summary>
    public string LevelSource { get; init; } = "printed with the interval";

    /// <summary>A test or hypothesis the sentence names whose p need not be the interval's ("log-rank", "Fisher's exact", "non-inferiority"), as printed; null when none.</summary>
    public string? OtherTestNamed { get; init; }

    /// <summary>The estimate is a difference between two percentages ("16.4 percentage points", "2,4 points de pourcentage"), whose p is often a chi-square test's.</summary>
    public bool DifferenceOfPercentages { get; init; }

    /// <inheritdoc/>
    public override string Kind => "estimate_ci";
}

/// <summary>A named estimate (a regression coefficient, a difference) with its standard error and the p reported with it.</summary>
public sealed record EstimateWithStandardError(StatisticContext Context, string Name, PrintedNumber Estimate, PrintedNumber StandardError, ReportedP P)
    : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "estimate_se";
}

/// <summary>A mean with its SD (or SE).</summary>
public sealed record MeanWithSpread(StatisticContext Context, PrintedNumber Mean, PrintedNumber? Spread, bool SpreadIsStandardError, bool Binary)
    : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "mean";

    /// <summary>Why the measure is taken as integer-valued when its words say so only with an assumption ("each one's count over one week is whole"); null otherwise.</summary>
    public string? WholeAssumption { get; init; }
}

/// <summary>A median with its quartiles or its range (either may be missing).</summary>
public sealed record MedianWithQuartiles(StatisticContext Context, PrintedNumber? Median, PrintedNumber? Q1, PrintedNumber? Q3,
                                         PrintedNumber? Min, PrintedNumber? Max)
    : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "median";

    /// <summary>Limits printed bare after a named median ("the median was 7.2 [5–10]"): quartiles, a range or a confidence interval, the text does not say which; each holds the median.</summary>
    public (PrintedNumber Low, PrintedNumber High)? BareLimits { get; init; }

    /// <summary>Why the measure is taken as integer-valued when only its printed numbers say so ("the measure is taken as recorded in whole weeks: its limits are printed whole"); null otherwise.</summary>
    public string? WholeAssumption { get; init; }
}

/// <summary>A percentage with its count and denominator when they are printed.</summary>
public sealed record Percentage(StatisticContext Context, PrintedNumber Percent, int? Count, int? Denominator)
    : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "percentage";
}

/// <summary>A comparison of two visits of the same patients reported with the means, SDs and a p-value.</summary>
public sealed record WithinPatientComparison(StatisticContext Context, MeanWithSpread First, MeanWithSpread Second, ReportedP P, int Visits)
    : ReportedStatistic(Context)
{
    /// <summary>The test the sentence names: "paired t" (a paired t test, so not a mixed model), "rank" (Wilcoxon signed-rank, sign test: not a t at all), or null (none named).</summary>
    public string? NamedTest { get; init; }

    /// <inheritdoc/>
    public override string Kind => "within_patient";
}

/// <summary>One category of a variable and the patients counted in it ("6 moderate", "légère chez 5").</summary>
public sealed record CategoryCount(int Count, string Level, int Start, int End);

/// <summary>
/// The counts of two or more levels of one variable whose levels exclude each other (mild/moderate/severe,
/// women/men), against the total they share: the total stated in the sentence, else the totals that may apply (an n
/// stated earlier in the paragraph, the study's n).
/// </summary>
public sealed record CategoryCounts(StatisticContext Context, string Variable, IReadOnlyList<CategoryCount> Categories, int? SentenceTotal,
                                    IReadOnlyList<(int N, string Source)> OtherTotals)
    : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "category_counts";
    /// <summary>Where <see cref="SentenceTotal"/> comes from: the statistic's sentence, or a table column's header.</summary>
    public string TotalSource { get; init; } = "stated in the sentence";
    /// <summary>The categories' counts added up.</summary>
    public int Sum => Categories.Sum(c => c.Count);
    /// <summary>Nothing says a patient is in one category only (clauses of a group whose form does not exclude each other):
    /// a sum above the total is then no error.</summary>
    public bool MayOverlap { get; init; }
    /// <summary>A category counts the rest ("the remaining 35", "les 12 autres"): the categories make up the whole total,
    /// so a sum below it is no missing value but an error.</summary>
    public bool Exhaustive { get; init; }
    /// <summary>What shows no member is in two of the categories, said of a list whose words alone do not (the same
    /// categories of another group in the sentence adding up exactly to that group's n): a sum above the total is then an
    /// error. Null when nothing shows it.</summary>
    public string? ExclusiveShown { get; init; }
}

/// <summary>A p-value printed without a test statistic, interval or summaries to check it against (kept for the claims draft).</summary>
public sealed record LonePValue(StatisticContext Context, ReportedP P) : ReportedStatistic(Context)
{
    /// <inheritdoc/>
    public override string Kind => "p_value";
}
