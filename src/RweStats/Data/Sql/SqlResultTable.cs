using System.Data.Common;
using System.Globalization;

namespace RweStats.Data.Sql;

/// <summary>
/// The one conversion of a SQL result (DuckDB's or PostgreSQL's rows, any <see cref="DbDataReader"/>) into a
/// <see cref="DataTable"/>, so that a query gives the same table whichever engine ran it:
/// <list type="bullet">
/// <item>numeric columns (integers of any width, floats, decimals: <see cref="IsNumeric"/>) become numbers, NULL missing;
/// an infinite or NaN value is an error naming the row and column (RweStats reads finite numbers, as in a CSV);</item>
/// <item>every other column becomes its invariant text, declared text (a class variable whatever it holds; with
/// <c>typesGuessed</c>, the types of DuckDB's CSV sniffer, typed by <see cref="ColumnTyping"/> as a CSV column is): dates as ISO 8601 (<c>2024-01-31</c>, a time of day as
/// <c>2024-01-31T12:30:00</c>), booleans <c>true</c>/<c>false</c>; an empty text is missing, as an empty CSV cell;</item>
/// <item>no column, a column name twice, or no row is a one-line error; rows are numbered from 1 ("row 12").</item>
/// </list>
/// </summary>
public static class SqlResultTable
{
    /// <param name="typesGuessed">The engine guessed the column types (DuckDB reading CSV files): a text column is then
    /// typed by the CSV rule instead of being declared text.</param>
    public static DataTable Read(DbDataReader reader, string source, bool typesGuessed = false)
    {
        int m = reader.FieldCount;
        if (m == 0) throw new RweStatsInputException($"{source}: the query returns no columns");
        var names = Enumerable.Range(0, m).Select(reader.GetName).ToArray();
        var duplicate = names.GroupBy(x => x).FirstOrDefault(x => x.Count() > 1);
        if (duplicate is not null) throw new RweStatsInputException($"{source}: column '{duplicate.Key}' appears twice in the result; rename one (AS)");
        // A call, not the method group: a delegate to GetFieldType (whose return value is annotated for the trimmer) is a
        // reflection access that a trimmed or Native AOT build refuses (IL2111); the call itself is safe.
        var types = Enumerable.Range(0, m).Select(i => reader.GetFieldType(i)).ToArray();
        var numeric = types.Select(IsNumeric).ToArray();
        var numbers = numeric.Select(x => x ? new List<double>() : null).ToArray();
        var texts = numeric.Select(x => x ? null : new List<string?>()).ToArray();
        var pools = numeric.Select(x => x ? null : new CsvTableReader.StringPool()).ToArray();
        int rows = 0;
        while (reader.Read())
        {
            rows++;
            for (int j = 0; j < m; j++)
            {
                bool isNull = reader.IsDBNull(j);
                if (numeric[j])
                {
                    double v = isNull ? double.NaN
                        : types[j] == typeof(double) ? reader.GetDouble(j)
                        : types[j] == typeof(long) ? reader.GetInt64(j)
                        : types[j] == typeof(int) ? reader.GetInt32(j)
                        : Number(reader.GetValue(j));
                    if (!isNull && !ColumnTyping.IsNumber(v)) throw ColumnTyping.NotFinite($"{source}: row {rows}", names[j], v);
                    numbers[j]!.Add(v);
                }
                else texts[j]!.Add(isNull ? null : (types[j] == typeof(string) ? reader.GetString(j) : Text(reader.GetValue(j))) is { Length: > 0 } s ? pools[j]!.Get(s.AsSpan()) : null);
            }
        }
        if (rows == 0) throw new RweStatsInputException($"{source}: the table or query has no rows");
        var storage = Enumerable.Range(0, m).Select(j => numeric[j]
            ? (ColumnStorage)new NumericStorage(numbers[j]!.ToArray(), null)
            : new TextStorage(texts[j]!.ToArray(), typesGuessed ? DeclaredType.None : DeclaredType.Text)).ToArray();
        return new DataTable(source, names, storage, Enumerable.Range(1, rows).ToArray()) { RowWord = "row" };
    }

    /// <summary>Whether a column of this .NET type (as the engine's reader gives it) holds numbers: the one rule of the
    /// readers and of the push-down's generated query.</summary>
    public static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(long) || t == typeof(int) || t == typeof(short) ||
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong) || t == typeof(Half) ||
        t == typeof(System.Numerics.BigInteger) || t == typeof(Int128) || t == typeof(UInt128);

    static double Number(object value) => value switch
    {
        System.Numerics.BigInteger b => (double)b,
        Int128 i => (double)i,
        UInt128 u => (double)u,
        Half h => (double)h,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    static string Text(object value) => value switch
    {
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
