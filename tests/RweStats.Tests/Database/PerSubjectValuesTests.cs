using System.Globalization;
using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The push-down first takes class variables and covariates as one value per subject (fewer aggregates); a variable
/// that varies within a subject is detected by the query and read visit by visit in a second one. Both give the
/// in-memory fit's numbers (1e-9 relative), on PostgreSQL and DuckDB, with a class variable and a covariate that vary
/// within subjects beside ones that do not.
/// </summary>
[Collection("postgres")]
public sealed class PerSubjectValuesTests(PostgresServer server)
{
    const string Varying = "FEV1 ~ ARMCD*AVISIT + WTCAT + FEV1_BL + WEIGHT";
    const string Constant = "FEV1 ~ ARMCD*AVISIT + RACE + FEV1_BL";

    /// <summary>fev_data with WTCAT: "high" where WEIGHT &gt; 0.5, otherwise "low" (changes within 200 subjects).</summary>
    static readonly Lazy<string> Csv = new(() =>
    {
        var lines = File.ReadAllLines(RepoPaths.Data("fev_data.csv"));
        int weight = Array.IndexOf(lines[0].Split(','), "\"WEIGHT\"");
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-fev-wtcat-{Environment.ProcessId}.csv");
        File.WriteAllLines(path, lines.Select((line, i) => line + "," + (i == 0 ? "\"WTCAT\""
            : double.Parse(line.Split(',')[weight], CultureInfo.InvariantCulture) > 0.5 ? "\"high\"" : "\"low\"")));
        return path;
    });

    static MixedModelSpec Spec(string formula) => new()
    {
        Formula = formula, Subject = "USUBJID", Time = "AVISIT", Covariance = "un",
        TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, LsMeans = new[] { "AVISIT*ARMCD" },
    };

    static int AggregateQueries(IEnumerable<string> sent) => sent.Count(q => q.Contains("GROUP BY s\n", StringComparison.Ordinal));

    [Fact]
    public void VisitVaryingClassAndCovariateFromPostgresEqualFileFit()
    {
        server.LoadCsv(Csv.Value, "public.fev_wtcat");
        var spec = Spec(Varying);
        var sent = new List<string>();
        using var connection = server.Connect();
        var sums = PatternSumsQuery.Compute(connection, SqlDialect.PostgreSql,
            SqlRelation.Table("public.fev_wtcat", SqlDialect.PostgreSql, "fev_wtcat"), spec, sent.Add);
        // The first query takes all per subject and finds WTCAT and WEIGHT varying; the second reads them per visit.
        Assert.Equal(2, AggregateQueries(sent));
        var last = sent.Last(q => q.Contains("GROUP BY s\n", StringComparison.Ordinal));
        Assert.Contains("MAX(CASE WHEN p = 3 THEN c1 END) AS c1_3", last);
        Assert.DoesNotContain("c0_3", last);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(CsvTableReader.Read(Csv.Value, CsvDialect.Default), spec), MixedModelFitter.Fit(sums, spec));
    }

    [Fact]
    public void VisitVaryingClassAndCovariateFromDuckDbEqualFileFit()
    {
        var spec = Spec(Varying);
        using var connection = DuckDbDialectTests.Open(Csv.Value, "fev");
        var sums = PatternSumsQuery.Compute(connection, SqlDialect.DuckDb, SqlRelation.Table("fev", SqlDialect.DuckDb, "duckdb:fev"), spec);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(CsvTableReader.Read(Csv.Value, CsvDialect.Default), spec), MixedModelFitter.Fit(sums, spec));
    }

    [Fact]
    public void SubjectConstantVariablesNeedOneAggregateQuery()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var spec = Spec(Constant);
        var sent = new List<string>();
        using var connection = server.Connect();
        var sums = PatternSumsQuery.Compute(connection, SqlDialect.PostgreSql, SqlRelation.Table("public.fev", SqlDialect.PostgreSql, "fev"), spec, sent.Add);
        Assert.Equal(1, AggregateQueries(sent));
        var query = sent.Single(q => q.Contains("GROUP BY s\n", StringComparison.Ordinal));
        // ARMCD, RACE and FEV1_BL once per subject; only the outcome per visit.
        Assert.DoesNotContain("AS c0_0", query);
        Assert.DoesNotContain("AS v1_0", query);
        Assert.Contains("AS v0_3", query);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(CsvTableReader.Read(RepoPaths.Data("fev_data.csv"), CsvDialect.Default), spec), MixedModelFitter.Fit(sums, spec));
    }
}
