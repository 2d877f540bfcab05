using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The OMOP CDM cohort builder on the SYNTHETIC CDM of scripts/omop-synthetic.sql: the table it builds, the rule for
/// several values in a window, the unit check, and the belimumab-style fit from it (push-down = rows pulled) and
/// through the CLI.
/// </summary>
[Collection("postgres")]
public sealed class OmopCohortTests(PostgresServer server)
{
    static readonly object Loaded = new();
    static bool loaded;

    void LoadSynthetic()
    {
        lock (Loaded)
        {
            if (loaded) return;
            server.Execute(File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "omop-synthetic.sql")));
            loaded = true;
        }
    }

    static OmopCohort Cohort(string rule = "closest") =>
        OmopCohort.Read(RepoPaths.Data("omop_sledai.json")) with { SeveralValues = rule };

    static MixedModelSpec Spec(string outcome = "sledai") => new()
    {
        Formula = $"{outcome} ~ visit", Subject = "person_id", Time = "visit", Covariance = "ar1", RandomIntercept = true,
        TimeOrder = new[] { "M0", "M6", "M12" },
    };

    [Fact]
    public void TheBuiltTableHasOneRowPerPersonAndWindowAndFollowsTheRules()
    {
        LoadSynthetic();
        using var c = server.Connect();
        long Scalar(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture); }
        string closest = Cohort().Query(SqlDialect.PostgreSql), mean = Cohort("mean").Query(SqlDialect.PostgreSql);
        Assert.Equal(300 * 3, Scalar($"SELECT COUNT(*) FROM ({closest}) t"));
        Assert.Equal(900, Scalar($"SELECT COUNT(DISTINCT (person_id, visit)) FROM ({closest}) t"));
        // A window with two accepted values: "closest" takes the one nearest the target day, "mean" their average.
        const string two = "SELECT m.person_id FROM cdm_synthetic.measurement m JOIN cdm_synthetic.cohort c ON c.subject_id = m.person_id AND c.cohort_definition_id = 1 " +
                           "WHERE m.unit_concept_id = 2000000002 AND m.measurement_date - c.cohort_start_date BETWEEN 150 AND 210 GROUP BY m.person_id HAVING COUNT(*) = 2 ORDER BY 1 LIMIT 1";
        long person = Scalar(two);
        double Value(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture); }
        string inWindow = $"FROM cdm_synthetic.measurement m JOIN cdm_synthetic.cohort c ON c.subject_id = m.person_id AND c.cohort_definition_id = 1 " +
                          $"WHERE m.person_id = {person} AND m.unit_concept_id = 2000000002 AND m.measurement_date - c.cohort_start_date BETWEEN 150 AND 210";
        Assert.Equal(Value($"SELECT m.value_as_number {inWindow} ORDER BY abs(m.measurement_date - c.cohort_start_date - 180), m.measurement_date LIMIT 1"),
                     Value($"SELECT sledai FROM ({closest}) t WHERE person_id = {person} AND visit = 'M6'"));
        Assert.Equal(Value($"SELECT avg(m.value_as_number) {inWindow}"), Value($"SELECT sledai FROM ({mean}) t WHERE person_id = {person} AND visit = 'M6'"), 12);
        // Doses: quantity × strength / days supply of the exposure covering the target day; 0 without one.
        Assert.Equal(Value("SELECT COUNT(DISTINCT person_id) FROM cdm_synthetic.drug_exposure"), Value($"SELECT COUNT(*) FROM ({closest}) t WHERE visit = 'M0' AND prednisone_mg_day > 0"));
    }

    [Fact]
    public void MeasurementsInAnotherUnitAreLeftOutAndReported()
    {
        LoadSynthetic();
        using var c = server.Connect();
        var problems = Cohort().UnitProblems(c, SqlDialect.PostgreSql);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM cdm_synthetic.measurement m JOIN cdm_synthetic.cohort c ON c.subject_id = m.person_id AND c.cohort_definition_id = 1 " +
                          "WHERE m.unit_concept_id = 0 AND (m.measurement_date - c.cohort_start_date BETWEEN -30 AND 0 OR m.measurement_date - c.cohort_start_date BETWEEN 150 AND 210 OR m.measurement_date - c.cohort_start_date BETWEEN 330 AND 390)";
        long wrong = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(wrong > 0);
        var line = Assert.Single(problems);
        Assert.StartsWith($"{wrong} measurement(s) of sledai", line);
        Assert.Contains("unit_concept_id 0", line);
    }

    [Theory]
    [InlineData("sledai")]
    [InlineData("prednisone_mg_day")]
    public void TheBelimumabStyleFitRunsInTheDatabaseAndEqualsTheFitOfThePulledRows(string outcome)
    {
        LoadSynthetic();
        var source = PostgresSource.Open(server.Address(), Cohort().Query(SqlDialect.PostgreSql), server.Credentials);
        var spec = Spec(outcome);
        var pushed = MixedModelFitter.Fit(source.PatternSums(spec), spec);
        var (rows, rowSpec) = source.ReadRows(spec);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(rows, rowSpec), pushed);
        Assert.Equal(new[] { "M6 - M0", "M12 - M0" }, pushed.VisitContrasts.Select(v => v.Label));
        Assert.Equal(300, pushed.SubjectCount);
    }

    [Fact]
    public void AnAnalysisSpecReadsItsDataFromTheDatabase()
    {
        LoadSynthetic();
        var names = new[] { "PGUSER", "PGPASSWORD", "PGHOST", "PGPORT" };
        var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
        var values = new[] { server.User, server.Password, server.Host, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (int i = 0; i < names.Length; i++) Environment.SetEnvironmentVariable(names[i], values[i]);
        var outDir = Path.Combine(Path.GetTempPath(), $"rwestats-omop-study-{Guid.NewGuid():N}");
        try
        {
            var stderr = new StringWriter();
            int code = RweStats.Cli.Cli.Run(new[] { "analyze", RepoPaths.Data("omop_study.json"), "--out", outDir }, new StringWriter(), stderr);
            Assert.True(code == 0, stderr.ToString());
            var report = File.ReadAllText(Path.Combine(outDir, "report.md"));
            Assert.Contains("M12", report);
            Assert.Contains("300", File.ReadAllText(Path.Combine(outDir, "descriptives.csv")) + report);
        }
        finally
        {
            for (int i = 0; i < names.Length; i++) Environment.SetEnvironmentVariable(names[i], saved[i]);
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }

    [Fact]
    public void TheCliFitsFromTheOmopSpec()
    {
        LoadSynthetic();
        var saved = (Environment.GetEnvironmentVariable("PGUSER"), Environment.GetEnvironmentVariable("PGPASSWORD"));
        Environment.SetEnvironmentVariable("PGUSER", server.User);
        Environment.SetEnvironmentVariable("PGPASSWORD", server.Password);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = RweStats.Cli.Cli.Run(new[]
            {
                "fit", "--data", server.Address(), "--omop", RepoPaths.Data("omop_sledai.json"), "--formula", "sledai ~ visit",
                "--subject", "person_id", "--time", "visit", "--covariance", "ar1", "--random-intercept", "--format", "json",
            }, stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.Contains("\"M12 - M0\"", stdout.ToString());
            Assert.Contains("left out", stderr.ToString());
            Assert.DoesNotContain(server.Password, stdout + stderr.ToString());
            // A wrong password: exit 2, one line, no password.
            Environment.SetEnvironmentVariable("PGPASSWORD", "wrong-Secret-99");
            stderr = new StringWriter();
            code = RweStats.Cli.Cli.Run(new[]
            {
                "fit", "--data", server.Address("cdm_synthetic.person"), "--formula", "year_of_birth ~ visit", "--subject", "person_id", "--time", "visit",
            }, new StringWriter(), stderr);
            Assert.Equal(2, code);
            Assert.DoesNotContain("wrong-Secret-99", stderr.ToString());
            Assert.Single(stderr.ToString().Trim().Split('\n'));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGUSER", saved.Item1);
            Environment.SetEnvironmentVariable("PGPASSWORD", saved.Item2);
        }
    }
}
