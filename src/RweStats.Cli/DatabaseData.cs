using System.CommandLine;
using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// "--data postgresql://HOST:PORT/DB?table=SCHEMA.TABLE" (or with "--query SELECT…", or "--omop COHORT.json") mapped onto
/// the library's <see cref="CohortSource"/>: the fit runs on pattern sums the server computes (one aggregate query; the
/// rows never leave the database). What needs the rows (empirical SE, BLUPs,
/// residuals, spatial structures, between-within df) reads the model's columns in a second pass and says so on
/// standard error; "--pull-rows" reads the rows for everything (the comparison the benchmark makes).
/// </summary>
public static class DatabaseData
{
    /// <summary>Whether --data names a database; the database options without one are refused.</summary>
    public static bool Applies(ParseResult a, SharedOptions o)
    {
        if (PostgresSource.IsAddress(a.GetValue(o.Data))) return true;
        // --pull-rows also applies to a large file, which is otherwise streamed (FittingData.StreamAboveBytes).
        if (a.GetValue(o.Omop) is not null)
            throw new RweStatsInputException($"{o.Omop.Name} is for a database; give --data postgresql://HOST:PORT/DB");
        if (a.GetValue(o.PullRows) && a.GetValue(o.PushDown))
            throw new RweStatsInputException("--push-down and --pull-rows ask for opposite things; give one");
        return false;
    }

    /// <summary>The database of --data with its rows (?table=, --query or --omop), filtered by --where.</summary>
    public static CohortSource Open(ParseResult a, SharedOptions o, RowsPolicy policy, TextWriter stderr)
    {
        string? query = a.GetValue(o.Query);
        if (a.GetValue(o.Omop) is { } omopPath)
        {
            if (query is not null) throw new RweStatsInputException("--omop builds the rows; give it or --query, not both");
            return CohortSource.Omop(a.GetRequiredValue(o.Data), omopPath, policy, problem => stderr.WriteLine($"rwestats: {problem}"), Where(a, o));
        }
        return CohortSource.Database(PostgresSource.Open(a.GetRequiredValue(o.Data), query).Where(Where(a, o)), policy);
    }

    /// <summary>--where, which the server evaluates as SQL (the sums and the rows read alike).</summary>
    static RowCondition? Where(ParseResult a, SharedOptions o) => a.GetValue(o.Where) is { } where ? RowCondition.Parse(where, o.Where.Name) : null;
}
