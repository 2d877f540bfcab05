using RweStats.Data.Sql;

namespace RweStats.Tests.Database;

/// <summary>The Spark SQL query docs/data-sources.md shows is the one the generator writes (not run: there is no Spark here).</summary>
public sealed class SparkQueryDocsTests
{
    internal static string Example(SqlDialect dialect) => PatternSumsQuery.Generate(
        new PatternSumsQuery.Plan("patient", "visit", "sledai", new[] { "M0", "M6", "M12" }, null, Array.Empty<string>(),
            Array.Empty<(string, IReadOnlyList<string>)>(), Array.Empty<IReadOnlyList<string>>(), new[] { "patient", "visit" }),
        dialect, SqlRelation.Table("lupus.belimumab", dialect, "lupus.belimumab"));

    [Fact]
    public void ReadmeShowsTheGeneratedSparkQuery()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "data-sources.md")).ReplaceLineEndings("\n");
        string query = Example(SqlDialect.SparkSql);
        Assert.True(readme.Contains("```sql\n" + query + "\n```"), "docs/data-sources.md should show, in a ```sql block:\n" + query);
    }
}
