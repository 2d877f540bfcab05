using System.Text;
using RweStats.Data;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>Files that lie and inputs that explode: refused in one line, before the work, never a crash or a silent loss.</summary>
public sealed class HostileInputTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-hostile-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void AnXptCutAtARecordBoundaryIsTruncatedNotShorter()
    {
        // 93520 bytes: a whole number of 80-byte records, ending inside an observation.
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("xpt", "adqs_fev.xpt"))[..93520];
        var path = Path.Combine(dir, "cut.xpt");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => XptReader.Read(path));
        Assert.Contains("the file is truncated", e.Message);
        Assert.Contains("inside observation", e.Message);
    }

    [Fact]
    public void ANegativeLongLabelLengthIsCorruptNotACrash()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("xpt", "long_names_v8.xpt"));
        int header = Encoding.ASCII.GetString(bytes).IndexOf("LABELV8", StringComparison.Ordinal);
        Assert.True(header >= 0);
        header -= header % 80; // the start of its 80-byte header record
        // The first label's record follows the header record: number (2 bytes), name length (2), label length (2).
        bytes[header + 80 + 4] = 0xFF;
        bytes[header + 80 + 5] = 0x9C; // -100
        var path = Path.Combine(dir, "label.xpt");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => XptReader.Read(path));
        Assert.Contains("negative length", e.Message);
    }

    [Fact]
    public void DeepNestingIsRefusedNotAStackOverflow()
    {
        string deep = new string('(', 30_000) + "y > 1" + new string(')', 30_000);
        var e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse(deep, "data.where"));
        Assert.Contains("nested more than 100 deep", e.Message);
        Assert.True(e.Message.Length < 400, "the expression is echoed by its start only");
        e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse(string.Concat(Enumerable.Repeat("not ", 30_000)) + "y > 1"));
        Assert.Contains("nested more than 100 deep", e.Message);
        e = Assert.Throws<RweStatsInputException>(() => Formula.Parse("y ~ " + new string('(', 30_000) + "x" + new string(')', 30_000)));
        Assert.Contains("nests parentheses more than 100 deep", e.Message);
    }

    [Fact]
    public void TermExpansionIsBoundedBeforeItIsBuilt()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<RweStatsInputException>(() => Formula.Parse("y ~ " + string.Join("*", Enumerable.Range(0, 30).Select(i => $"x{i}"))));
        Assert.Contains("expands to more than 1024 terms", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        Assert.Equal(511, Formula.Parse("y ~ " + string.Join("*", Enumerable.Range(0, 9).Select(i => $"x{i}"))).Terms.Count);
    }

    [Fact]
    public void AQuotedTextIsNotOrderedAgainstNumbers()
    {
        var table = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse("FEV1_BL > \"5\"").Apply(table));
        Assert.Contains("write the number unquoted: FEV1_BL > 5", e.Message);
        // Equality with a quoted text still compares the cells' text, as before.
        Assert.Equal(table.RowCount, RowCondition.Parse("USUBJID != \"none\"").Apply(table).RowCount);
    }

    [Fact]
    public void Utf16WithoutAByteOrderMarkIsNamed()
    {
        var path = Path.Combine(dir, "u16.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes("id,visit,y\n1,V1,2\n"));
        var e = Assert.Throws<RweStatsInputException>(() => CsvTableReader.Read(path));
        Assert.Contains("UTF-16 text without a byte-order mark", e.Message);
    }

    [Fact]
    public void AParquetFooterLongerThanTheFileIsRefusedAtOnce()
    {
        var parquet = Path.Combine(dir, "lying.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(RepoPaths.Data("fev_data.csv"))})) TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var bytes = File.ReadAllBytes(parquet);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), int.MaxValue);
        File.WriteAllBytes(parquet, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => ParquetTableReader.Read(parquet));
        Assert.Contains($"the Parquet footer claims {int.MaxValue} bytes but the file has {bytes.Length}", e.Message);
    }
}
