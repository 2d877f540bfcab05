using static RweStats.Tests.InProcessCli;
using DuckDB.NET.Data;
using RweStats.Data;

namespace RweStats.Tests;

/// <summary>
/// CSV, Parquet and DuckDB give the same table (every number to the bit, every text, the same storage kinds) and so
/// the same fit. The Parquet files are written by DuckDB (an independent writer, not Parquet.Net) from data/fev_data.csv
/// with several row groups, each compression and both Parquet format versions (V2 uses the delta encodings).
/// </summary>
public sealed class DataSourceEquivalenceTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("rwestats-sources-").FullName;
    static readonly string Csv = RepoPaths.Data("fev_data.csv");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Sql(string sql, string? database = null)
    {
        using var connection = new DuckDBConnection(database is null ? "Data Source=:memory:" : $"Data Source={database}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
        return database ?? "";
    }

    static string Q(string path) => RweStats.Data.Sql.SqlDialect.DuckDb.Literal(path);

    /// <summary>The CSV read by DuckDB with the CSV reader's missing tokens, in file order.</summary>
    static string CsvScan => $"read_csv({Q(Csv)}, nullstr = ['', 'NA', '.'])";

    static void AssertSameTable(DataTable expected, DataTable actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (int j = 0; j < expected.ColumnNames.Count; j++)
        {
            Assert.Equal(expected.IsStoredAsNumbers(j), actual.IsStoredAsNumbers(j));
            for (int i = 0; i < expected.RowCount; i++)
            {
                Assert.Equal(expected.IsMissing(j, i), actual.IsMissing(j, i));
                if (expected.IsStoredAsNumbers(j))
                {
                    expected.TryNumber(j, i, out var a);
                    actual.TryNumber(j, i, out var b);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(b));
                }
                else Assert.Equal(expected.Cell(j, i), actual.Cell(j, i));
            }
        }
    }

    [Theory]
    [InlineData("snappy", "V1", 100)]
    [InlineData("zstd", "V2", 64)]
    [InlineData("gzip", "V1", 1000)]
    [InlineData("uncompressed", "V2", 333)]
    public void ParquetEqualsCsv(string compression, string version, int rowGroup)
    {
        var parquet = Path.Combine(folder, $"fev_{compression}.parquet");
        Sql($"COPY (SELECT * FROM {CsvScan}) TO {Q(parquet)} (FORMAT parquet, COMPRESSION {compression}, ROW_GROUP_SIZE {rowGroup}, PARQUET_VERSION {version})");
        var csv = CsvTableReader.Read(Csv);
        var table = TableReader.Read(new TableSource(parquet));
        Assert.Equal("row", table.RowWord);
        AssertSameTable(csv, table);
    }

    [Fact]
    public void DuckDbTableQueryAndGlobEqualCsv()
    {
        var csv = CsvTableReader.Read(Csv);
        var db = Path.Combine(folder, "study.duckdb");
        Sql($"CREATE TABLE fev AS SELECT * FROM {CsvScan}; CREATE TABLE other AS SELECT 1 AS x", db);
        AssertSameTable(csv, TableReader.Read(new TableSource(db) { Member = "fev" }));
        AssertSameTable(csv, TableReader.Read(new TableSource(db) { Query = "SELECT * FROM fev" }));
        var e = Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(db)));
        Assert.Contains("2 tables (fev, other)", e.Message);

        // Two Parquet files read as one by DuckDB's glob, and the CSV itself through DuckDB's CSV reader.
        Sql($"COPY (SELECT * FROM {CsvScan} LIMIT 400) TO {Q(Path.Combine(folder, "part1.parquet"))} (FORMAT parquet); " +
            $"COPY (SELECT * FROM {CsvScan} OFFSET 400) TO {Q(Path.Combine(folder, "part2.parquet"))} (FORMAT parquet)");
        AssertSameTable(csv, TableReader.Read(new TableSource(Path.Combine(folder, "part*.parquet"))));
        AssertSameTable(csv, TableReader.Read(new TableSource(Path.Combine(folder, "part?.parq*"))));
        AssertSameTable(csv, TableReader.Read(new TableSource(Csv) { FileFormat = "duckdb" }));
        var kept = TableReader.Read(new TableSource(Path.Combine(folder, "part*.parquet")) { Query = "SELECT * FROM data WHERE ARMCD = 'TRT'" });
        Assert.Equal(csv.Column("ARMCD", "").Count(a => a == "TRT"), kept.RowCount);
    }


    [Fact]
    public void FitsFromCsvParquetAndDuckDbAreIdentical()
    {
        var parquet = Path.Combine(folder, "fev.parquet");
        var db = Path.Combine(folder, "fev.duckdb");
        Sql($"COPY (SELECT * FROM {CsvScan}) TO {Q(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 128)");
        Sql($"CREATE TABLE fev AS SELECT * FROM {CsvScan}", db);
        string[] model = ["--formula", "FEV1 ~ ARMCD*AVISIT + RACE + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json",
                          "--where", "SEX == \"Female\""];
        var fromCsv = Run(["fit", "--data", Csv, .. model]);
        Assert.Equal(0, fromCsv.code);
        Assert.Equal(fromCsv.stdout.Replace(Csv, "F"), Run(["fit", "--data", parquet, .. model]).stdout.Replace(parquet, "F"));
        Assert.Equal(fromCsv.stdout.Replace(Csv, "F"), Run(["fit", "--data", db, .. model]).stdout.Replace(db, "F"));
    }

    [Fact]
    public void ParquetTextOutcomeExitsWith2AndOneLine()
    {
        var parquet = Path.Combine(folder, "text_outcome.parquet");
        Sql($"COPY (SELECT * REPLACE (CAST(FEV1 AS VARCHAR) || ' L' AS FEV1) FROM {CsvScan}) TO {Q(parquet)} (FORMAT parquet)");
        var (code, stdout, stderr) = Run("fit", "--data", parquet, "--formula", "FEV1 ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"text_outcome\.parquet: row \d+: column 'FEV1': outcome value '[0-9.]+ L' is not a finite number", stderr);
    }

    [Fact]
    public void NotParquetOrMissingSourcesAreInputErrors()
    {
        var fake = Path.Combine(folder, "fake.parquet");
        File.WriteAllText(fake, "USUBJID,FEV1\nPT1,2\n");
        Assert.Contains("not a readable Parquet file", Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(fake))).Message);
        Assert.Contains("DuckDB:", Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(Path.Combine(folder, "none*.parquet")))).Message);
        Assert.Contains("data format 'sas7bdat' is not a file format",
            Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(Csv) { FileFormat = "sas7bdat" })).Message);
        Assert.Contains("SQL query runs on DuckDB sources only",
            Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(Csv) { Query = "SELECT 1" })).Message);
    }
}
