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
    /// <summary>The options this adds to "fit" (--query is shared with the DuckDB sources, see ModelOptions).</summary>
    public static readonly IReadOnlySet<string> ValueOptions = new HashSet<string> { "--omop" };
    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--pull-rows" };

    public const string Usage = """
          --data postgresql://HOST[:PORT]/DB?table=SCHEMA.TABLE
                                   a PostgreSQL table instead of a file: the server computes the pattern sums
                                   (one GROUP BY query) and only those travel; user and password from PGUSER,
                                   PGPASSWORD or PGPASSFILE (~/.pgpass), never in the address
          --omop COHORT.json       with --data postgresql://HOST[:PORT]/DB: build the longitudinal table from an OMOP
                                   CDM (cohort index dates, visit windows, measurements, drug exposures; README
                                   "OMOP CDM cohorts"); columns person_id, visit, target_day, sex, age_at_index
                                   and the spec's outcomes and doses
          --pull-rows              read the rows from the database instead (needed, and done automatically with
                                   a note, for --blups, --residuals, --std-errors empirical, spatial structures
                                   and --df between-within); with a CSV file of 64 MiB or more (a Parquet
                                   file of 2^20 rows or more), read it into memory instead of streaming it
                                   subject by subject (the default when its rows come in subject order and
                                   the model needs no rows)
        """;

    /// <summary>Whether --data names a database; the database options without one are refused.</summary>
    public static bool Applies(Arguments a)
    {
        if (PostgresSource.IsAddress(a.Value("--data"))) return true;
        // --pull-rows also applies to a large file, which is otherwise streamed (FittingData.StreamAboveBytes).
        foreach (var option in ValueOptions.Where(o => a.Value(o) is not null))
            throw new RweStatsInputException($"{option} is for a database; give --data postgresql://HOST:PORT/DB");
        if (a.Flag("--pull-rows") && a.Flag("--push-down"))
            throw new RweStatsInputException("--push-down and --pull-rows ask for opposite things; give one");
        return false;
    }

    /// <summary>The database of --data with its rows (?table=, --query or --omop), filtered by --where.</summary>
    public static CohortSource Open(Arguments a, RowsPolicy policy, TextWriter stderr)
    {
        string? query = a.Value("--query");
        if (a.Value("--omop") is { } omopPath)
        {
            if (query is not null) throw new RweStatsInputException("--omop builds the rows; give it or --query, not both");
            return CohortSource.Omop(a.Required("--data"), omopPath, policy, problem => stderr.WriteLine($"rwestats: {problem}"), Where(a));
        }
        return CohortSource.Database(PostgresSource.Open(a.Required("--data"), query).Where(Where(a)), policy);
    }

    /// <summary>--where, which the server evaluates as SQL (the sums and the rows read alike).</summary>
    static RowCondition? Where(Arguments a) => a.Value("--where") is { } where ? RowCondition.Parse(where, "--where") : null;
}
