using DuckDB.NET.Data;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// A misspelt column gets the same "did you mean" from every source — CSV, SAS transport, Parquet, DuckDB, a row
/// filter — through one helper (<see cref="ClosestName.NoColumn"/>); PostgreSQL's are in
/// <see cref="Database.DatabaseCommandsTests"/>.
/// </summary>
public sealed class MissingColumnHintTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-hint-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static readonly MixedModelSpec Typo = new() { Formula = "FEV11 ~ AVISIT", Subject = "USUBJID", Time = "AVISIT", Covariance = "cs" };

    string Parquet()
    {
        var path = Path.Combine(dir, "fev.parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(RepoPaths.Data("fev_data.csv"))}, nullstr = ['', 'NA'])) TO {Data.Sql.SqlDialect.DuckDb.Literal(path)} (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }

    static void AssertHint(Action act, string missing, string meant)
    {
        var e = Assert.Throws<RweStatsInputException>(act);
        Assert.Contains($"no column '{missing}'", e.Message);
        Assert.Contains($"did you mean '{meant}'? ", e.Message);
    }

    [Fact]
    public void EverySourceSuggestsTheClosestColumn()
    {
        var sources = new[]
        {
            new TableSource(RepoPaths.Data("fev_data.csv")),
            new TableSource(Parquet()),
            new TableSource(RepoPaths.Data("fev_data.csv")) { FileFormat = "duckdb" },
            new TableSource(RepoPaths.Data("fev_data.csv")) { FileFormat = "duckdb", Query = "SELECT * FROM data WHERE ARMCD = 'TRT'" },
        };
        foreach (var source in sources)
            AssertHint(() => MixedModelFitter.Fit(TableReader.Read(source), Typo), "FEV11", "FEV1");
        // The push-down's column check (ModelColumns.Resolve on main, shared by the SQL and streamed push-downs) gives its own hint.
        var xpt = TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "adqs_fev.xpt")) { Where = "PARAMCD == \"FEV1\"" });
        AssertHint(() => MixedModelFitter.Fit(xpt, Typo with { Formula = "AVALL ~ AVISIT" }), "AVALL", "AVAL");
    }

    [Fact]
    public void TheRowFilterAndTheMembersSuggestTooWithTheirPosition()
    {
        var e = Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "adqs_fev.xpt")) { Where = "PARAMDC == \"FEV1\"" }));
        Assert.Contains("row filter 'PARAMDC == \"FEV1\"': position 1: ", e.Message);
        Assert.Contains("no column 'PARAMDC'; did you mean 'PARAMCD'?", e.Message);
        var member = Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "two_members.xpt")) { Member = XptMember().ToLowerInvariant() + "x" }));
        Assert.Contains("did you mean", member.Message);
    }

    static string XptMember()
    {
        var e = Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "two_members.xpt"))));
        int open = e.Message.IndexOf('(');
        return e.Message[(open + 1)..e.Message.IndexOf(',', open)];
    }
}
