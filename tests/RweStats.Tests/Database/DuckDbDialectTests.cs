using DuckDB.NET.Data;
using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The same generated push-down query run by embedded DuckDB (its dialect: VARCHAR, DOUBLE) gives the in-memory fit's
/// numbers; and the Spark SQL text the README shows is the one the generator writes.
/// </summary>
public sealed class DuckDbDialectTests
{
    internal static DuckDBConnection Open(string csv, string table)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // DuckDB's own CSV reader: numbers as DOUBLE/BIGINT, texts as VARCHAR, empty cells NULL.
        command.CommandText = $"CREATE TABLE {table} AS SELECT * FROM read_csv({SqlDialect.DuckDb.Literal(csv)}, header = true, nullstr = ['', 'NA'])";
        command.ExecuteNonQuery();
        return connection;
    }

    public static TheoryData<string, bool, string> Fev => new()
    {
        { "un", false, "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" },
        { "cs", false, "FEV1 ~ ARMCD*AVISIT + FEV1_BL*AVISIT" },
        { "ar1", true, "FEV1 ~ ARMCD + AVISIT + FEV1_BL + WEIGHT" },
    };

    [Theory]
    [MemberData(nameof(Fev))]
    public void FevFitFromDuckDbEqualsCsvFit(string covariance, bool randomIntercept, string formula)
    {
        var spec = new MixedModelSpec
        {
            Formula = formula, Subject = "USUBJID", Time = "AVISIT", Covariance = covariance, RandomIntercept = randomIntercept,
            TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, LsMeans = new[] { "AVISIT*ARMCD" },
        };
        var csv = RepoPaths.Data("fev_data.csv");
        using var connection = Open(csv, "fev");
        var sent = new List<string>();
        var sums = PatternSumsQuery.Compute(connection, SqlDialect.DuckDb, SqlRelation.Table("fev", SqlDialect.DuckDb, "duckdb:fev"), spec, sent.Add);
        Assert.Contains(sent, q => q.Contains("CAST(\"FEV1\" AS DOUBLE)"));
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(CsvTableReader.Read(csv, CsvDialect.Default), spec), MixedModelFitter.Fit(sums, spec));
    }

    [Fact]
    public void BelimumabFitFromDuckDbEqualsCsvFit()
    {
        var spec = new MixedModelSpec { Formula = "sledai ~ visit", Subject = "patient", Time = "visit", Covariance = "ar1", RandomIntercept = true, Df = DfMethod.Residual };
        var csv = RepoPaths.Data("belimumab_table2.csv");
        using var connection = Open(csv, "belimumab");
        // Visit order from the labels (M0, M6, M12), as the CSV's order of appearance.
        var sums = PatternSumsQuery.Compute(connection, SqlDialect.DuckDb, SqlRelation.Table("belimumab", SqlDialect.DuckDb, "duckdb:belimumab"), spec);
        Assert.Equal(new[] { "M0", "M6", "M12" }, sums.Frame.Time.Levels);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(CsvTableReader.Read(csv, CsvDialect.Default), spec), MixedModelFitter.Fit(sums, spec));
    }

    [Fact]
    public void DialectsQuoteTheirOwnWay()
    {
        Assert.Equal("\"a\"\"b\"", SqlDialect.PostgreSql.Identifier("a\"b"));
        Assert.Equal("`a``b`", SqlDialect.SparkSql.Identifier("a`b"));
        Assert.Equal("'it''s'", SqlDialect.DuckDb.Literal("it's"));
        Assert.Equal("'it\\'s'", SqlDialect.SparkSql.Literal("it's"));
        Assert.Equal("\"omop\".\"measurement\"", SqlDialect.PostgreSql.TableName("omop.measurement"));
    }

}
