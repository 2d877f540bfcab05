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

    [Fact]
    public void WhereAndXptAreRefusedWithOneLine()
    {
        var where = Run(["fit", "--data", RepoPaths.Data("fev_data.csv"), "--push-down", "--where", "RACE == \"Asian\"", .. Model]);
        Assert.Equal(2, where.code);
        Assert.Contains("--where", where.stderr);
        Assert.Single(where.stderr.TrimEnd().Split('\n'));
        var xpt = Run(["fit", "--data", RepoPaths.Fixture("xpt", "values_v5.xpt"), "--push-down", .. Model]);
        Assert.Equal(2, xpt.code);
        Assert.Contains("SAS transport", xpt.stderr);
        Assert.Single(xpt.stderr.TrimEnd().Split('\n'));
    }
}
