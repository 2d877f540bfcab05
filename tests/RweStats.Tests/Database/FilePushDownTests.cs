using DuckDB.NET.Data;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The streaming path of "fit --push-down": DuckDB computes the pattern sums while it scans a Parquet or CSV file (rows
/// in any order) and the fit on those sums equals the fit on the rows read into memory (-2LL, covariance parameters,
/// estimates, SEs, df to 1e-9 relative, as the database push-down tests).
/// </summary>
[LongRunning(48)]
public sealed class FilePushDownTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-pushdown-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    internal static readonly MixedModelSpec Fev = new()
    {
        Formula = "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL", Subject = "USUBJID", Time = "AVISIT", Covariance = "un",
        LsMeans = new[] { "AVISIT*ARMCD" },
    };

    /// <summary>fev_data.csv as Parquet, its rows shuffled (a stable hash order) so that no subject's rows are together.</summary>
    string ShuffledParquet()
    {
        var parquet = Path.Combine(dir, "fev_shuffled.parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(RepoPaths.Data("fev_data.csv"))}, header = true, nullstr = ['', 'NA']) " +
                              $"ORDER BY hash(USUBJID || AVISIT)) TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 200)";
        command.ExecuteNonQuery();
        return parquet;
    }

    static MixedModelResult InMemory(MixedModelSpec spec) => MixedModelFitter.Fit(CsvTableReader.Read(RepoPaths.Data("fev_data.csv"), CsvDialect.Default), spec);

    [Theory]
    [InlineData("un", false)]
    [InlineData("arh1", true)]
    public void FitFromParquetSumsEqualsInMemoryFit(string covariance, bool randomIntercept)
    {
        var spec = Fev with { Covariance = covariance, RandomIntercept = randomIntercept };
        var parquet = ShuffledParquet();
        var sums = TableReader.PatternSums(new TableSource(parquet), spec);
        PushDownEqualityTests.AssertSameFit(InMemory(spec), MixedModelFitter.Fit(sums, spec));
        // The same Parquet file read into memory (the in-memory path): the same numbers too.
        PushDownEqualityTests.AssertSameFit(InMemory(spec), MixedModelFitter.Fit(TableReader.Read(new TableSource(parquet)), spec));
    }

    [Fact]
    public void FitFromCsvSumsEqualsInMemoryFit()
    {
        var sums = TableReader.PatternSums(new TableSource(RepoPaths.Data("fev_data.csv")), Fev);
        PushDownEqualityTests.AssertSameFit(InMemory(Fev), MixedModelFitter.Fit(sums, Fev));
    }

    internal static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    static readonly string[] Model = { "--formula", "FEV1 ~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json" };

    [Fact]
    public void CliPushDownGivesTheSameJsonNumbers()
    {
        var parquet = ShuffledParquet();
        var rows = Run(["fit", "--data", RepoPaths.Data("fev_data.csv"), .. Model]);
        var pushed = Run(["fit", "--data", parquet, "--push-down", .. Model]);
        Assert.Equal(0, rows.code);
        Assert.Equal(0, pushed.code);
        Assert.Equal("", pushed.stderr);
        double Neg2Ll(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble();
        Assert.Equal(Neg2Ll(rows.stdout), Neg2Ll(pushed.stdout), 1e-9 * Math.Abs(Neg2Ll(rows.stdout)));
    }

    /// <summary>
    /// --query belongs to the DuckDB sources as well as to the databases (README "Streaming large files"): a file
    /// filtered by a query fits, pushed down or read into memory, with the same numbers.
    /// </summary>
    /// <summary>
    /// DuckDB's aggregation of a CSV file gives the same bytes every run: with several threads its partial sums were
    /// added in the order the threads finished, and the last digits of the JSON changed from run to run (four runs gave
    /// two to four different outputs on this file).
    /// </summary>
    [Fact]
    public void DuckDbPushDownOfACsvGivesTheSameBytesEveryRun()
    {
        string[] command = ["fit", "--data", RepoPaths.Data("fev_data.csv"), "--data-format", "duckdb", "--push-down",
            "--formula", "FEV1 ~ ARMCD*AVISIT", "--subject", "USUBJID", "--time", "AVISIT", "--covariance", "un", "--format", "json"];
        var first = Run(command);
        Assert.Equal((0, ""), (first.code, first.stderr));
        for (int run = 0; run < 5; run++) Assert.Equal(first.stdout, Run(command).stdout);
    }

    [Fact]
    public void QueryOnFilesIsAcceptedWithAndWithoutPushDown()
    {
        var parquet = ShuffledParquet();
        string[] query = ["--data-format", "duckdb", "--query", "SELECT * FROM data WHERE ARMCD = 'TRT'"];
        var rows = Run(["fit", "--data", parquet, .. query, .. Model]);
        var pushed = Run(["fit", "--data", parquet, "--push-down", .. query, .. Model]);
        Assert.Equal((0, ""), (rows.code, rows.stderr));
        Assert.Equal((0, ""), (pushed.code, pushed.stderr));
        double Neg2Ll(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble();
        Assert.Equal(Neg2Ll(rows.stdout), Neg2Ll(pushed.stdout), 1e-9 * Math.Abs(Neg2Ll(rows.stdout)));
    }

    [Fact]
    public void WhatNeedsTheRowsReadsThemWithANote()
    {
        var pushed = Run(["fit", "--data", ShuffledParquet(), "--push-down", "--blups", "--random-intercept", "--covariance", "ar1", .. Model]);
        Assert.Equal(0, pushed.code);
        Assert.Contains("--blups need(s) the rows", pushed.stderr);
    }

    /// <summary>Row filters of every kind: texts (in the ordinal order), numbers, missing cells, not, and, or.</summary>
    public static TheoryData<string> Wheres => new()
    {
        "RACE == \"Asian\" or RACE == \"White\"",
        "not SEX == \"Male\" and FEV1_BL > 40",
        "WEIGHT <= 0.6 or ARMCD != \"PBO\"",
        "FEV1 is not missing and VISITN >= 2",
        "not (FEV1 != 30 and FEV1 < 25)",
        "RACE < \"C\" and AVISIT != \"VIS3\"",
    };

    /// <summary>--where with the push-down: DuckDB evaluates it as SQL and keeps the rows the filter keeps in memory.</summary>
    [Theory]
    [MemberData(nameof(Wheres))]
    public void WhereGivesTheSameFitWithAndWithoutPushDown(string where)
    {
        foreach (var path in new[] { RepoPaths.Data("fev_data.csv"), ShuffledParquet() })
        {
            var source = new TableSource(path) { Where = where };
            var rows = CohortSource.File(source, RowsPolicy.Rows).Fit(Fev);
            var pushed = CohortSource.File(source, RowsPolicy.SumsWhereTheDataAre).Fit(Fev);
            PushDownEqualityTests.AssertSameFit(rows, pushed);
            Assert.Contains(pushed.Notes, n => n.StartsWith("Data: fitted from pattern sums computed by DuckDB"));
        }
    }

    /// <summary>
    /// The filter reaches SQL as quoted identifiers and literals, never as its text: a text with quotes and a comment is a
    /// text (it keeps no row), a column name with a double quote is a column (not found, named); a number compared with a
    /// column of texts is refused as in memory.
    /// </summary>
    [Fact]
    public void WhereIsTranslatedNeverPasted()
    {
        var csv = RepoPaths.Data("fev_data.csv");
        RweStatsInputException Pushed(string where) => Assert.Throws<RweStatsInputException>(() =>
            CohortSource.File(new TableSource(csv) { Where = where }, RowsPolicy.SumsWhereTheDataAre).Fit(Fev));
        Assert.DoesNotContain("DuckDB:", Pushed("RACE == \"Asian' OR 1=1 --\" or SEX == \"x\\\" or true\"").Message);
        Assert.Contains("no column 'RACE\" OR 1=1 --'", Pushed("`RACE\" OR 1=1 --` == \"Asian\"").Message.Replace("column '", "no column '").Replace("no no", "no"));
        Assert.Contains("column 'RACE' holds texts", Pushed("RACE > 3").Message);
        Assert.Contains("column 'FEV1_BL' holds numbers", Pushed("FEV1_BL == \"40\"").Message);
    }

    [Fact]
    public void WhereAndXptAreRefusedWithOneLine()
    {
        var where = Run(["fit", "--data", RepoPaths.Data("fev_data.csv"), "--push-down", "--where", "RACE == \"Asian\"", .. Model]);
        var rows = Run(["fit", "--data", RepoPaths.Data("fev_data.csv"), "--where", "RACE == \"Asian\"", .. Model]);
        Assert.Equal(0, where.code);
        Assert.Equal(0, rows.code);
        var xpt = Run(["fit", "--data", RepoPaths.Fixture("xpt", "values_v5.xpt"), "--push-down", .. Model]);
        Assert.Equal(2, xpt.code);
        Assert.Contains("SAS transport", xpt.stderr);
        Assert.Single(xpt.stderr.TrimEnd().Split('\n'));
    }
}
