using System.Globalization;
using System.Text;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// The visit order never comes from the order of the rows: natural order of the labels, or by
/// --time-value, or as given; shuffled files give the same fit as sorted ones. The SAS side (fev_data without
/// --time-order equals the SAS listings) is in <see cref="SasReferenceTests.ReproducesSasListingWithoutTimeOrder"/>.
/// </summary>
public class VisitOrderTests
{
    [Theory]
    [InlineData("M12,M0,M6", "M0,M6,M12")]
    [InlineData("Week 24,Week 8,Week 16,Week 2", "Week 2,Week 8,Week 16,Week 24")]
    [InlineData("VIS10,VIS2,VIS1", "VIS1,VIS2,VIS10")]
    [InlineData("Week 4,Baseline,Screening,Week 12", "Screening,Baseline,Week 4,Week 12")]
    [InlineData("Day 1,Day -7,Day 15", "Day -7,Day 1,Day 15")]
    [InlineData("12,6,0", "0,6,12")]
    [InlineData("Week 0.5,Week 1", "Week 0.5,Week 1")]
    [InlineData("VIS4,VIS3,VIS2,VIS1", "VIS1,VIS2,VIS3,VIS4")]
    [InlineData("month 6,Month 12,MONTH 0", "MONTH 0,month 6,Month 12")]
    public void NaturalOrderComparesNumbersInsideLabelsAsNumbers(string labels, string expected) =>
        Assert.Equal(expected.Split(','), VisitOrder.Natural(labels.Split(',')));

    [Fact]
    public void NaturalOrderDoesNotDependOnTheInputOrder()
    {
        var labels = new[] { "Week 8", "week 8", "Week 08", "Week 16", "Baseline", "W1", "W10", "W2" };
        var first = VisitOrder.Natural(labels);
        var rng = new Random(3);
        for (int k = 0; k < 20; k++)
            Assert.Equal(first, VisitOrder.Natural(labels.OrderBy(_ => rng.Next()).ToList()));
    }

    [Fact]
    public void BaselineLabelIsTheDefaultBaselineEvenAfterScreening()
    {
        Assert.Equal("Baseline", VisitOrder.DefaultBaseline(new[] { "Screening", "Baseline", "Week 4" }));
        Assert.Equal("M0", VisitOrder.DefaultBaseline(new[] { "M0", "M6" }));
    }

    /// <summary>A spec without visits.baseline and a fit without --baseline take the same visit: one rule for both.</summary>
    [Theory]
    [InlineData("Screening,Baseline,Week 4", "Baseline")]
    [InlineData("M0,M6,M12", "M0")]
    public void SpecAndFitTakeTheSameDefaultBaseline(string visits, string expected)
    {
        var order = visits.Split(',');
        var dir = Directory.CreateTempSubdirectory("rwestats-baseline-").FullName;
        try
        {
            var csv = new StringBuilder("id,visit,y\n");
            var rng = new Random(7);
            for (int i = 1; i <= 8; i++)
                foreach (var v in order) csv.Append(CultureInfo.InvariantCulture, $"S{i},{v},{(10 + rng.NextDouble()).ToString("R", CultureInfo.InvariantCulture)}\n");
            File.WriteAllText(Path.Combine(dir, "d.csv"), csv.ToString());
            var specPath = Path.Combine(dir, "spec.json");
            File.WriteAllText(specPath, $$"""
                { "schema": "rwestats-analysis/1", "data": { "file": "d.csv" }, "columns": { "subject": "id", "visit": "visit" },
                  "visits": { "order": [{{string.Join(", ", order.Select(v => $"\"{v}\""))}}] },
                  "model": { "covariance": "cs" }, "outcomes": [ { "name": "y" } ], "outputs": { "figures": false } }
                """);
            var spec = Workflow.AnalysisSpecReader.Load(specPath);
            var fit = MixedModelFitter.Fit(CsvTableReader.Read(Path.Combine(dir, "d.csv"), CsvDialect.Default),
                new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", TimeOrder = order, Covariance = "cs" });
            Assert.Equal(expected, spec.Baseline);
            Assert.Equal(expected, fit.Baseline);
        }
        finally { Directory.Delete(dir, true); }
    }

    static DataTable Read(string csv, string name = "t.csv") =>
        CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, CsvDialect.Default);

    /// <summary>The table's rows (after the header) in a seeded random order.</summary>
    static string Shuffled(string csv, int seed)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var rng = new Random(seed);
        return lines[0] + "\n" + string.Join("\n", lines.Skip(1).OrderBy(_ => rng.Next())) + "\n";
    }

    static void AssertSameFit(MixedModelResult a, MixedModelResult b)
    {
        Assert.Equal(a.TimeLevels, b.TimeLevels);
        Assert.Equal(a.Baseline, b.Baseline);
        Assert.Equal(a.FitStatistics.Neg2LogLikelihood, b.FitStatistics.Neg2LogLikelihood, 1e-8);
        foreach (var (x, y) in a.CovarianceParameters.Zip(b.CovarianceParameters))
            Assert.Equal(x.Estimate, y.Estimate, 1e-6 * Math.Max(1, Math.Abs(x.Estimate)));
        Assert.Equal(a.VisitContrasts.Select(c => c.Label), b.VisitContrasts.Select(c => c.Label));
        foreach (var (x, y) in a.VisitContrasts.Zip(b.VisitContrasts))
        {
            Assert.Equal(x.Result.Estimate, y.Result.Estimate, 1e-6);
            Assert.Equal(x.Result.PValue, y.Result.PValue, 1e-8);
        }
    }

    [Theory]
    [InlineData("ar1", true)]
    [InlineData("ante1", false)]
    [InlineData("toeph", false)]
    public void ShuffledBelimumabRowsGiveTheSameFitAsSortedOnes(string covariance, bool randomIntercept)
    {
        var csv = File.ReadAllText(RepoPaths.Data("belimumab_table2.csv")).Replace("\r\n", "\n");
        var spec = new MixedModelSpec
        {
            Formula = "sledai ~ visit", Subject = "patient", Time = "visit", Covariance = covariance, RandomIntercept = randomIntercept,
        };
        var sorted = MixedModelFitter.Fit(Read(csv), spec);
        Assert.Equal(new[] { "M0", "M6", "M12" }, sorted.TimeLevels);
        Assert.Equal(VisitOrderRule.Natural, sorted.VisitOrdering!.Rule);
        AssertSameFit(MixedModelFitter.Fit(Read(csv), spec with { TimeOrder = new[] { "M0", "M6", "M12" } }), sorted);
        for (int seed = 1; seed <= 5; seed++)
            AssertSameFit(sorted, MixedModelFitter.Fit(Read(Shuffled(csv, seed)), spec));
        // By the month column: the same order, chosen by the time value.
        var byMonth = MixedModelFitter.Fit(Read(Shuffled(csv, 9)), spec with { TimeValue = "month" });
        Assert.Equal(VisitOrderRule.TimeValue, byMonth.VisitOrdering!.Rule);
        AssertSameFit(sorted, byMonth);
    }

    /// <summary>A CDISC-style file: "Week 8", "Week 16", "Week 24" (alphabetically Week 16 &lt; Week 24 &lt; Week 8), the first subject without Week 8.</summary>
    static string WeekFile()
    {
        var sb = new StringBuilder("USUBJID,AVISIT,AVISITN,ARM,AVAL\n");
        var rng = new Random(12);
        string[] weeks = { "Week 8", "Week 16", "Week 24" };
        for (int s = 1; s <= 40; s++)
        {
            double b = rng.NextDouble() * 4, level = 10 + rng.NextDouble() * 3, e = 0;
            for (int k = 0; k < 3; k++)
            {
                e = 0.7 * e + rng.NextDouble() * 2 - 1;
                if (s == 1 && k == 0) continue;
                if (rng.NextDouble() < 0.1) continue;
                double y = level + b + (s % 2 == 0 ? 0.8 * k : 0.2 * k) + e;
                sb.Append(CultureInfo.InvariantCulture, $"S{s:000},{weeks[k]},{8 * (k + 1)},{(s % 2 == 0 ? "TRT" : "PBO")},{y:F3}\n");
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void ShuffledWeekFileGivesTheSameFitAsTheSortedOne()
    {
        var csv = WeekFile();
        var spec = new MixedModelSpec { Formula = "AVAL ~ AVISIT*ARM", Subject = "USUBJID", Time = "AVISIT", Covariance = "ar1", RandomIntercept = true };
        var sorted = MixedModelFitter.Fit(Read(csv), spec);
        Assert.Equal(new[] { "Week 8", "Week 16", "Week 24" }, sorted.TimeLevels);
        Assert.Equal("Week 8", sorted.Baseline);
        Assert.Equal(new[] { "Week 16 - Week 8", "Week 24 - Week 8" }, sorted.VisitContrasts.Select(c => c.Label));
        AssertSameFit(sorted, MixedModelFitter.Fit(Read(csv), spec with { TimeOrder = new[] { "Week 8", "Week 16", "Week 24" } }));
        for (int seed = 1; seed <= 5; seed++)
            AssertSameFit(sorted, MixedModelFitter.Fit(Read(Shuffled(csv, seed)), spec));
        AssertSameFit(sorted, MixedModelFitter.Fit(Read(Shuffled(csv, 7)), spec with { TimeValue = "AVISITN" }));
    }

    [Fact]
    public void TimeValueOrdersLabelsWithoutNumbersAndSaysSo()
    {
        // Alphabetically End < Middle < Start; by the time column Start < Middle < End.
        var sb = new StringBuilder("id,visit,day,y\n");
        var rng = new Random(5);
        string[] names = { "Start", "Middle", "End" };
        for (int s = 1; s <= 30; s++)
            for (int k = 0; k < 3; k++)
                sb.Append(CultureInfo.InvariantCulture, $"{s},{names[k]},{14 * k + rng.Next(-2, 3)},{5 + k + rng.NextDouble() * 3:F3}\n");
        var table = Read(sb.ToString());
        var spec = new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "ar1" };
        var byDay = MixedModelFitter.Fit(table, spec with { TimeValue = "day" });
        Assert.Equal(new[] { "Start", "Middle", "End" }, byDay.TimeLevels);
        Assert.Contains("median time value in 'day'", byDay.VisitOrdering!.Description);
        // Without it, the labels carry no number: alphabetical, with a note saying it may be wrong.
        var natural = MixedModelFitter.Fit(table, spec);
        Assert.Equal(new[] { "End", "Middle", "Start" }, natural.TimeLevels);
        Assert.Contains(natural.Notes, n => n.Contains("without a number") && n.Contains("{TimeOrder}"));
        Assert.DoesNotContain(byDay.Notes, n => n.Contains("without a number"));
        // A given order that runs against the times is used, with a note.
        var given = MixedModelFitter.Fit(table, spec with { TimeValue = "day", TimeOrder = new[] { "Middle", "Start", "End" } });
        Assert.Equal(new[] { "Middle", "Start", "End" }, given.TimeLevels);
        Assert.Contains(given.Notes, n => n.Contains("lists 'Middle' before 'Start'"));
    }

    [Fact]
    public void AmbiguousOrMissingTimeValuesAreRefused()
    {
        var tie = Read("id,visit,t,y\n1,A,1,1.5\n1,B,1,2.5\n2,A,1,1.1\n2,B,1,3.2\n3,A,1,0.9\n3,B,1,2.0\n");
        var spec = new MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "cs", TimeValue = "t" };
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(tie, spec));
        Assert.Contains("'A' and 'B' have the same time", e.Message);
        var none = Read("id,visit,t,y\n1,A,1,1.5\n1,B,,2.5\n2,A,1,1.1\n2,B,,3.2\n3,A,1,0.9\n3,B,,2.0\n");
        e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(none, spec));
        Assert.Contains("visit 'B' has no value of time value column 't'", e.Message);
        Assert.Contains("visit 'B' has no value of --time-value 't'", e.MessageNaming(RweStats.Cli.ModelOptions.OptionName));
    }

    [Fact]
    public void JsonAndTextSayWhichOrderWasUsed()
    {
        var args = new[] { "fit", "--data", RepoPaths.Data("belimumab_table2.csv"), "--formula", "sledai ~ visit", "--subject", "patient",
            "--time", "visit", "--covariance", "ar1", "--random-intercept" };
        var o = new StringWriter();
        Assert.Equal(0, RweStats.Cli.Cli.Run(args.Append("--format").Append("json").ToArray(), o, new StringWriter()));
        using var doc = System.Text.Json.JsonDocument.Parse(o.ToString());
        Assert.Equal("natural", doc.RootElement.GetProperty("visit_order_rule").GetString());
        Assert.StartsWith("natural order of the labels", doc.RootElement.GetProperty("visit_order").GetString());
        Assert.Equal(new[] { "M0", "M6", "M12" }, doc.RootElement.GetProperty("time_levels").EnumerateArray().Select(x => x.GetString()));
        o = new StringWriter();
        Assert.Equal(0, RweStats.Cli.Cli.Run(args.Append("--time-order").Append("M0,M6,M12").ToArray(), o, new StringWriter()));
        Assert.Contains("Visit order                  as given", o.ToString());
        o = new StringWriter();
        Assert.Equal(0, RweStats.Cli.Cli.Run(new[] { "fit", "--help" }, o, new StringWriter()));
        Assert.Contains("natural order of the", o.ToString());
        Assert.Contains("Never", o.ToString());
    }
}
