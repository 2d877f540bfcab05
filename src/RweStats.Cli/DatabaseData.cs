using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// "--data postgresql://HOST:PORT/DB?table=SCHEMA.TABLE" (or with "--query SELECT…"): the fit runs on pattern sums the
/// server computes (one aggregate query; the rows never leave the database). What needs the rows (empirical SE, BLUPs,
/// residuals, spatial structures, between-within df) reads the model's columns in a second pass and says so on
/// standard error; "--pull-rows" reads the rows for everything (the comparison the benchmark makes).
/// </summary>
public static class DatabaseData
{
    /// <summary>The options this adds to "fit".</summary>
    public static readonly IReadOnlySet<string> ValueOptions = new HashSet<string> { "--query" };
    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--pull-rows" };

    public const string Usage = """
          --data postgresql://HOST[:PORT]/DB?table=SCHEMA.TABLE
                                   a PostgreSQL table instead of a file: the server computes the pattern sums
                                   (one GROUP BY query) and only those travel; user and password from PGUSER,
                                   PGPASSWORD or PGPASSFILE (~/.pgpass), never in the address
          --query "SELECT ..."     with --data postgresql://HOST[:PORT]/DB: the rows of a query instead of a table
          --pull-rows              read the rows from the database instead (needed, and done automatically with
                                   a note, for --blups, --residuals, --std-errors empirical, spatial structures
                                   and --df between-within)
        """;

    public static bool Applies(Arguments a) => PostgresSource.IsAddress(a.Value("--data"));

    public static MixedModelResult Fit(Arguments a, MixedModelSpec spec, TextWriter stderr)
    {
        var source = PostgresSource.Open(a.Required("--data"), a.Value("--query"));
        var candidates = spec.Covariance == "auto" ? ModelOptions.Candidates(a) : null;
        string? needs = PatternSums.RowsNeeded(spec) ??
            (candidates?.Any(c => PatternSums.RowsNeeded(spec with { Covariance = c.Covariance }) is not null) == true ? "spatial candidates of --covariance auto" : null);
        if (a.Flag("--pull-rows") || needs is not null)
        {
            if (needs is not null && !a.Flag("--pull-rows"))
                stderr.WriteLine($"rwestats: {needs} need(s) the rows: reading the model's columns from {source.Label}");
            var (table, rowSpec) = source.ReadRows(spec);
            return candidates is not null
                ? CovarianceSelection.SelectAndFit(table, rowSpec, candidates, ModelOptions.SelectBy(a)).selected
                : MixedModelFitter.Fit(table, rowSpec);
        }
        var sums = source.PatternSums(spec);
        return candidates is not null
            ? CovarianceSelection.SelectAndFit(s => MixedModelFitter.Fit(sums, s), spec, candidates, ModelOptions.SelectBy(a)).selected
            : MixedModelFitter.Fit(sums, spec);
    }
}
