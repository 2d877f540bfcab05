using System.Data.Common;
using DuckDB.NET.Data;
using RweStats.Data;
using RweStats.Data.Sql;

namespace RweStats.Tests.Database;

/// <summary>
/// The two query-to-table readers — DuckDB's (<see cref="DuckDbTableReader"/>, a --query) and PostgreSQL's
/// (<see cref="PostgresSource.ReadTable"/>) — share one conversion (<see cref="SqlResultTable"/>): the same query gives
/// the same table on both engines (numbers to the bit, ISO dates, booleans, empty text missing), and infinities, NaN,
/// an empty result and a repeated column name are the same one-line errors.
/// </summary>
[Collection("postgres")]
public sealed class SqlResultTableTests(PostgresServer server)
{
    /// <summary>Written so that both engines parse it alike: every type the readers convert, with NULLs.</summary>
    const string Values = """
        SELECT * FROM (VALUES
          (1, 2.5::double precision, 12.345::numeric(10,3), DATE '2024-01-31', TIMESTAMP '2024-01-31 12:30:00', 'x', '', true, NULL::double precision, 9007199254740993::bigint, 7::smallint, 0.1::real),
          (2, -0.125::double precision, NULL::numeric(10,3), DATE '1960-01-01', TIMESTAMP '2024-02-01 00:00:00', NULL, 'y', false, 3::double precision, 1::bigint, NULL::smallint, 2::real)
        ) AS v(i, d, n, dt, ts, t, e, b, m, big, small, f)
        """;

    DataTable Postgres(string sql) => PostgresSource.Open(server.Address(), sql, server.Credentials).ReadTable();

    /// <summary>DuckDB's reader over a file with a query that does not use it (the query's rows are the table).</summary>
    static DataTable DuckDb(string sql) =>
        TableReader.Read(new TableSource(RepoPaths.Data("fev_data.csv")) { FileFormat = "duckdb", Query = sql });

    static DataTable Direct(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return SqlResultTable.Read(reader, "direct");
    }

    static void AssertTable(DataTable t)
    {
        Assert.Equal(new[] { "i", "d", "n", "dt", "ts", "t", "e", "b", "m", "big", "small", "f" }, t.ColumnNames);
        Assert.Equal(new[] { 1, 2 }, t.LineNumbers);
        Assert.Equal("row", t.RowWord);
        foreach (var c in new[] { "i", "d", "n", "m", "big", "small", "f" }) Assert.True(t.IsNumeric(c), c);
        foreach (var c in new[] { "dt", "ts", "t", "e", "b" }) Assert.False(t.IsNumeric(c), c);
        double Number(string c, int row) => t.TryNumber(t.ColumnIndex(c), row, out var v) ? v : double.NaN;
        Assert.Equal(BitConverter.DoubleToInt64Bits(2.5), BitConverter.DoubleToInt64Bits(Number("d", 0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.125), BitConverter.DoubleToInt64Bits(Number("d", 1)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(12.345), BitConverter.DoubleToInt64Bits(Number("n", 0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(9007199254740992.0), BitConverter.DoubleToInt64Bits(Number("big", 0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits((double)0.1f), BitConverter.DoubleToInt64Bits(Number("f", 0)));
        Assert.Equal(7, Number("small", 0));
        Assert.True(t.IsMissing(t.ColumnIndex("n"), 1));
        Assert.True(t.IsMissing(t.ColumnIndex("m"), 0));
        Assert.True(t.IsMissing(t.ColumnIndex("small"), 1));
        Assert.Equal(new[] { "2024-01-31", "1960-01-01" }, t.Column("dt", "dt"));
        Assert.Equal(new[] { "2024-01-31T12:30:00", "2024-02-01" }, t.Column("ts", "ts"));
        Assert.Equal(new[] { "x", null }, t.Column("t", "t"));
        Assert.Equal(new[] { null, "y" }, t.Column("e", "e")); // an empty text is missing, as an empty CSV cell
        Assert.Equal(new[] { "true", "false" }, t.Column("b", "b"));
    }

    [Fact]
    public void TheSameQueryGivesTheSameTableOnBothEngines()
    {
        AssertTable(Postgres(Values));
        AssertTable(DuckDb(Values));
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        AssertTable(Direct(duck, Values));
        using var pg = server.Connect();
        AssertTable(Direct(pg, Values));
    }

    [Theory]
    [InlineData("SELECT 1 AS id, 'Infinity'::double precision AS y", "row 1: column 'y': Infinity is not a finite number")]
    [InlineData("SELECT 1 AS id, '-Infinity'::double precision AS y", "row 1: column 'y': -Infinity is not a finite number")]
    [InlineData("SELECT 1 AS id, 'NaN'::double precision AS y", "row 1: column 'y': NaN is not a finite number")]
    [InlineData("SELECT 1 AS id WHERE 1 = 0", "the table or query has no rows")]
    [InlineData("SELECT 1 AS x, 2 AS x", "column 'x' appears twice in the result")]
    public void BadResultsAreTheSameOneLineErrorOnBothEngines(string sql, string message)
    {
        var pg = Assert.Throws<RweStatsInputException>(() => Postgres(sql));
        var duck = Assert.Throws<RweStatsInputException>(() => DuckDb(sql));
        Assert.Contains(message, pg.Message);
        Assert.Contains(message, duck.Message);
        Assert.DoesNotContain('\n', pg.Message + duck.Message);
    }
}
