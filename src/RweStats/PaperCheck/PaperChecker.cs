using System.Diagnostics;
using RweStats.PaperCheck.Checks;

namespace RweStats.PaperCheck;

/// <summary>
/// Checks a paper without its data: reads it (<see cref="PaperText"/>), extracts its statistics
/// (<see cref="StatisticExtractor"/>) and runs on each the checks that apply (Checks/), one finding per check.
/// </summary>
public static class PaperChecker
{
    /// <summary>Checks the statistics of a paper (PDF or text file).</summary>
    public static CheckReport Check(string path, CheckOptions options) => Check(PaperText.Load(path), options);

    /// <summary>Checks the statistics of a paper's text.</summary>
    public static CheckReport Check(PaperText text, CheckOptions options)
    {
        var clock = Stopwatch.StartNew();
        var extraction = StatisticExtractor.Extract(text, options);
        var findings = extraction.Statistics.SelectMany(s => FindingsOf(s)).OrderBy(f => f.Start).ThenBy(f => f.Check, StringComparer.Ordinal).ToList();
        return new CheckReport(text.Path, text.FromPdf, extraction.Language, extraction.StudyN, extraction.StudyNSource, extraction.Statistics, findings, clock.Elapsed);
    }

    static IEnumerable<Finding> FindingsOf(ReportedStatistic s)
    {
        switch (s)
        {
            case TestStatistic t: yield return PValueCheck.Check(t); break;
            case EstimateWithInterval e: yield return IntervalCheck.Check(e); break;
            case EstimateWithStandardError se: yield return StandardErrorCheck.Check(se); break;
            case MedianWithQuartiles m: foreach (var f in QuantileCheck.Check(m)) yield return f; break;
            case Percentage p: yield return PercentageCheck.Check(p); break;
            case WithinPatientComparison w: yield return WithinPatientCheck.Check(w); break;
            case CategoryCounts c: yield return CategoryCountCheck.Check(c); break;
            case MeanWithSpread mean:
                var grim = GrimCheck.Check(mean);
                if (grim is not null) yield return grim;
                // GRIMMER only on a mean GRIM passes or cannot judge (for lack of decimals, or an n of 10^decimals or more,
                // where the SD may still be impossible): a GRIM failure already says it.
                if (grim is null || grim.Verdict == FindingVerdict.Consistent
                    || grim.Verdict == FindingVerdict.NotCheckable && GrimCheck.Unchecked(mean.Context, mean.Mean, anyN: true) is null)
                    if (GrimmerCheck.Check(mean) is { } grimmer) yield return grimmer;
                if (DebitCheck.Check(mean) is { } debit) yield return debit;
                break;
        }
    }
}
