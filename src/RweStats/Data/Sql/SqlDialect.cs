namespace RweStats.Data.Sql;

/// <summary>
/// What differs between SQL engines in the queries RweStats generates, and nothing else: how identifiers and string
/// literals are quoted, the names of the text, double and 64-bit integer types, and the days between two dates. The visit
/// pattern key is the same everywhere: the sum over a subject's rows of a power of two per visit (a BIGINT bit mask, up to
/// 62 visits), so it needs only SUM and CASE.
/// </summary>
public sealed record SqlDialect(string Name, char IdentifierOpen, char IdentifierClose, string TextType, string DoubleType, string BigIntType,
                               bool BackslashEscapesInStrings, string DaysBetweenTemplate)
{
    /// <summary>PostgreSQL (tested: 15). date − date is a number of days.</summary>
    public static readonly SqlDialect PostgreSql = new("postgresql", '"', '"', "TEXT", "DOUBLE PRECISION", "BIGINT", false, "({0} - {1})");
    /// <summary>DuckDB (tested: embedded 1.5 through DuckDB.NET).</summary>
    public static readonly SqlDialect DuckDb = new("duckdb", '"', '"', "VARCHAR", "DOUBLE", "BIGINT", false, "date_diff('day', {1}, {0})");
    /// <summary>Spark SQL / Databricks (generated, not run here: no Spark on the test machine).</summary>
    public static readonly SqlDialect SparkSql = new("spark", '`', '`', "STRING", "DOUBLE", "BIGINT", true, "datediff({0}, {1})");

    /// <summary>Every dialect: PostgreSQL, DuckDB, Spark SQL.</summary>
    public static IReadOnlyList<SqlDialect> All { get; } = new[] { PostgreSql, DuckDb, SparkSql };

    /// <summary>A column or table name as a quoted identifier (the closing quote doubled inside).</summary>
    public string Identifier(string name) =>
        IdentifierOpen + name.Replace(IdentifierClose.ToString(), new string(IdentifierClose, 2)) + IdentifierClose;

    /// <summary>A possibly schema-qualified table name, SCHEMA.TABLE, each part quoted.</summary>
    public string TableName(string name) => string.Join(".", name.Split('.').Select(Identifier));

    /// <summary>A string literal.</summary>
    public string Literal(string text)
    {
        // Spark SQL reads 'a''b' as two adjacent literals ("ab"); it escapes with a backslash instead.
        var s = BackslashEscapesInStrings ? text.Replace("\\", "\\\\").Replace("'", "\\'") : text.Replace("'", "''");
        return "'" + s + "'";
    }

    /// <summary>A CAST of the expression to the dialect's text type.</summary>
    public string AsText(string expression) => $"CAST({expression} AS {TextType})";
    /// <summary>A CAST of the expression to the dialect's double type.</summary>
    public string AsDouble(string expression) => $"CAST({expression} AS {DoubleType})";
    /// <summary>A CAST of the expression to the dialect's 64-bit integer type.</summary>
    public string AsBigInt(string expression) => $"CAST({expression} AS {BigIntType})";
    /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> (two DATE expressions).</summary>
    public string DaysBetween(string later, string earlier) => string.Format(System.Globalization.CultureInfo.InvariantCulture, DaysBetweenTemplate, later, earlier);
}
