using static RweStats.Tests.InProcessCli;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using RweStats.Data;
using RweStats.Data.Streaming;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// A column means what its source says: a column a typed source declares text is a class variable whatever characters
/// it holds, in memory, streamed and pushed down; a CSV column is numeric when most of its cells are numbers, and each
/// other cell is an error naming file, line, column, value and the ways out. Reference: the CDISC pilot ADaM data set
/// ADQSCIBC, whose character SITEGR1 holds digits, fitted by nlme with SITEGR1 a factor
/// (tests/fixtures/r/make_adqscibc_fixture.R).
/// </summary>
public sealed class ColumnTypeTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("rwestats-types-").FullName;
    public void Dispose() => Directory.Delete(folder, recursive: true);

    static readonly string Xpt = RepoPaths.Fixture("xpt", "adqscibc.xpt");
    const string Where = "ANL01FL == \"Y\" and DTYPE == \"\" and EFFFL == \"Y\"";

    static MixedModelSpec AdqsSpec => new()
    {
        Formula = "AVAL ~ TRTP*AVISIT + SITEGR1", Subject = "USUBJID", Time = "AVISIT", Covariance = "un",
    };

    static MixedModelSpec ExampleSpec => new()
    {
        Formula = "y ~ visit*arm + base", Subject = "id", Time = "visit", Covariance = "un",
    };

    // The printed precision of SAS's -2 Res Log Likelihood (4 decimals).
    static void AssertNeg2(double expected, double actual) => Assert.True(Math.Abs(expected - actual) < 1e-3, $"-2 Res LL {actual:F4}, expected {expected:F4}");

    static double FactorReference => RFixture.Load("adqscibc_sitegr1.csv")["un_sitegr1_factor", "neg2_res_log_likelihood_sas"];
    static double NumericReference => RFixture.Load("adqscibc_sitegr1.csv")["un_sitegr1_numeric", "neg2_res_log_likelihood_sas"];

    static double Neg2(DataTable table, MixedModelSpec spec) => MixedModelFitter.Fit(table, spec).FitStatistics.Neg2LogLikelihood;
    static double Neg2(PatternSums sums, MixedModelSpec spec) => MixedModelFitter.Fit(sums, spec).FitStatistics.Neg2LogLikelihood;

    static void Sql(string sql, string? database = null)
    {
        using var connection = new DuckDBConnection(database is null ? "Data Source=:memory:" : $"Data Source={database}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static string Q(string path) => RweStats.Data.Sql.SqlDialect.DuckDb.Literal(path);

    /// <summary>The rows of the fit as a CSV file (subjects in order), the model's columns only.</summary>
    internal static string AdqsCsv(string folder)
    {
        var table = TableReader.Read(new TableSource(Xpt) { Where = Where });
        var names = new[] { "USUBJID", "AVISIT", "TRTP", "SITEGR1", "AVAL" };
        var text = new StringBuilder(string.Join(",", names)).Append('\n');
        for (int i = 0; i < table.RowCount; i++)
            text.Append(string.Join(",", names.Select(n => table.Column(n, n)[i]))).Append('\n');
        var path = Path.Combine(folder, "adqscibc.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The same rows typed as the transport file types them: SITEGR1 VARCHAR, AVAL DOUBLE, sorted by subject.</summary>
    internal static string TypedSelect(string csv) =>
        $"SELECT USUBJID, AVISIT, TRTP, CAST(SITEGR1 AS VARCHAR) AS SITEGR1, CAST(AVAL AS DOUBLE) AS AVAL FROM read_csv({Q(csv)}, all_varchar = true) ORDER BY USUBJID, AVISIT";

    [Fact]
    public void TheReferenceSaysAFactorFitDiffersFromASlope() => Assert.True(NumericReference - FactorReference > 1);

    [Fact]
    public void ATransportCharacterVariableOfDigitsIsAClassVariable()
    {
        var table = TableReader.Read(new TableSource(Xpt) { Where = Where });
        Assert.Equal(DeclaredType.Text, table.Declared(table.ColumnIndex("SITEGR1")));
        Assert.False(table.IsNumeric("SITEGR1"));
        var model = MixedModelFitter.FitModel(table, AdqsSpec);
        Assert.Equal(11, model.Frame.ClassVariables["SITEGR1"].Levels.Count);
        AssertNeg2(FactorReference, Neg2(table, AdqsSpec));
    }

    [Fact]
    public void AHavenWrittenCharacterSiteOfDigitsIsAClass()
    {
        var spec = new MixedModelSpec { Formula = "FEV1 ~ ARMCD*AVISIT + SITE", Subject = "USUBJID", Time = "AVISIT", Covariance = "un" };
        var xpt = TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "sites_fev.xpt")));
        var csv = CsvTableReader.Read(RepoPaths.Fixture("xpt", "sites_fev.csv")); // the same rows; CSV quotes declare nothing
        Assert.Equal(5, MixedModelFitter.FitModel(xpt, spec).Frame.ClassVariables["SITE"].Levels.Count);
        Assert.True(csv.IsNumeric("SITE"));
        Assert.Equal(Neg2(csv, spec with { ClassVariables = new[] { "SITE" } }), Neg2(xpt, spec), 6);
        Assert.NotEqual(Neg2(csv, spec), Neg2(xpt, spec), 3);
    }

    [Fact]
    public void TheSameDigitsInACsvFileAreNumbersUnlessDeclaredAClass()
    {
        var csv = AdqsCsv(folder);
        var table = CsvTableReader.Read(csv);
        AssertNeg2(NumericReference, Neg2(table, AdqsSpec));
        AssertNeg2(FactorReference, Neg2(table, AdqsSpec with { ClassVariables = new[] { "SITEGR1" } }));
    }

    [Fact]
    public void AParquetStringColumnOfDigitsIsAClassInMemoryStreamedAndPushedDown()
    {
        var parquet = Path.Combine(folder, "adqscibc.parquet");
        Sql($"COPY ({TypedSelect(AdqsCsv(folder))}) TO {Q(parquet)} (FORMAT parquet)");
        var source = new TableSource(parquet);
        AssertNeg2(FactorReference, Neg2(TableReader.Read(source), AdqsSpec));
        var streamed = StreamedPatternSums.TryCompute(source, AdqsSpec, "parquet", out var declined);
        Assert.True(streamed is not null, declined);
        AssertNeg2(FactorReference, Neg2(streamed!, AdqsSpec));
        AssertNeg2(FactorReference, Neg2(DuckDbTableReader.PatternSums(source, AdqsSpec), AdqsSpec));
    }

    [Fact]
    public void ADuckDbVarcharOfDigitsIsAClassInMemoryAndPushedDown()
    {
        var db = Path.Combine(folder, "adq.duckdb");
        Sql($"CREATE TABLE adq AS {TypedSelect(AdqsCsv(folder))}", db);
        var source = new TableSource(db);
        AssertNeg2(FactorReference, Neg2(TableReader.Read(source), AdqsSpec));
        AssertNeg2(FactorReference, Neg2(DuckDbTableReader.PatternSums(source, AdqsSpec), AdqsSpec));
    }

    [Fact]
    public void ADataFrameStringColumnOfDigitsIsAClass()
    {
        var table = CsvTableReader.Read(AdqsCsv(folder));
        var frame = new DataFrame(
            new StringDataFrameColumn("USUBJID", table.Column("USUBJID", "")),
            new StringDataFrameColumn("AVISIT", table.Column("AVISIT", "")),
            new StringDataFrameColumn("TRTP", table.Column("TRTP", "")),
            new StringDataFrameColumn("SITEGR1", table.Column("SITEGR1", "")),
            new DoubleDataFrameColumn("AVAL", table.Column("AVAL", "").Select(c => double.Parse(c!, CultureInfo.InvariantCulture))));
        AssertNeg2(FactorReference, MixedModelFitter.Fit(frame, AdqsSpec).FitStatistics.Neg2LogLikelihood);
    }

    // ---- CSV: a column of numbers with a bad cell

    /// <summary>data/example_cohort.csv with line <paramref name="line"/>'s base replaced.</summary>
    string ExampleWith(int line, string baseValue, string name = "cohort.csv")
    {
        var lines = File.ReadAllLines(RepoPaths.Data("example_cohort.csv"));
        var cells = lines[line - 1].Split(',');
        cells[4] = baseValue;
        lines[line - 1] = string.Join(",", cells);
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void OneTextAmongNumbersIsAnErrorInMemoryStreamedAndInDuckDb()
    {
        var path = ExampleWith(5, "fifty");
        var table = CsvTableReader.Read(path);
        Assert.True(table.IsNumeric("base"));
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(table, ExampleSpec));
        Assert.Equal($"{path}:5: column 'base': 'fifty' is not a finite number in a column of numbers; correct it, mark 'fifty' missing (CsvDialect.MissingTokens), or declare 'base' a class variable (ClassVariables)", e.Message);
        Assert.Contains("(--missing), or declare 'base' a class variable (--class)", e.MessageNaming(RweStats.Cli.ModelOptions.OptionName));
        Assert.Contains("(data.missing), or declare 'base' a class variable (model.class)", e.MessageNaming(RweStats.Workflow.AnalysisSpecReader.KeyOf));

        var streamed = Assert.Throws<RweStatsInputException>(() => StreamedPatternSums.TryCompute(new TableSource(path), ExampleSpec, "csv", out _));
        Assert.StartsWith($"{path}:5: column 'base' (a covariate) holds the text 'fifty'", streamed.Message);
        Assert.Contains("declare 'base' a class variable", streamed.Message);

        var duck = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(TableReader.Read(new TableSource(path) { FileFormat = "duckdb" }), ExampleSpec));
        Assert.Contains("row 4: column 'base': 'fifty' is not a finite number", duck.Message);
        var pushed = Assert.Throws<RweStatsInputException>(() => DuckDbTableReader.PatternSums(new TableSource(path) { FileFormat = "duckdb" }, ExampleSpec));
        Assert.Contains("column 'base': 'fifty' is not a finite number", pushed.Message);
        Assert.Contains("179 of the column's 180 cells are numbers", pushed.Message);

        // The ways out work: the text declared missing drops the row (as an empty cell does).
        var missing = CsvTableReader.Read(path, CsvDialect.Default with { MissingTokens = new HashSet<string> { "", "NA", ".", "fifty" } });
        var empty = CsvTableReader.Read(ExampleWith(5, "", "empty.csv"));
        Assert.Equal(Neg2(empty, ExampleSpec), Neg2(missing, ExampleSpec), 9);
    }

    [Fact]
    public void ATextColumnWithAFewNumbersStaysAClass()
    {
        var text = "id,visit,site,y\n" + string.Join("\n", Enumerable.Range(1, 12).SelectMany(s => new[] { 1, 2 }.Select(v =>
            $"{s},V{v},{(s % 4 == 0 ? "12" : s % 2 == 0 ? "north" : "south")},{(s * 7 + v * 3) % 11 + 0.5 * v}"))) + "\n";
        var path = Path.Combine(folder, "sites.csv");
        File.WriteAllText(path, text);
        var table = CsvTableReader.Read(path);
        Assert.False(table.IsNumeric("site"));
        var model = MixedModelFitter.FitModel(table, new MixedModelSpec { Formula = "y ~ visit + site", Subject = "id", Time = "visit", Covariance = "cs" });
        Assert.Equal(3, model.Frame.ClassVariables["site"].Levels.Count);
        Assert.Contains($"{path}: column 'site' is a class variable: 6 of its 24 cells are numbers, the others texts (e.g. 'south'); if it is a numeric covariate, mark those texts missing", model.Frame.Notes);
    }

    [Fact]
    public void ADecimalCommaColumnIsNamedOrReadWithTheDecimalComma()
    {
        // A semicolon file whose covariate alone uses a decimal comma (a spreadsheet export).
        var lines = File.ReadAllLines(RepoPaths.Data("example_cohort.csv")).Select((l, i) =>
        {
            var cells = l.Split(',');
            if (i > 0) cells[4] = cells[4].Replace('.', ',');
            return string.Join(";", cells);
        });
        var path = Path.Combine(folder, "comma.csv");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(CsvTableReader.Read(path), ExampleSpec));
        Assert.Equal($"{path}:2: column 'base': '68,57' is not a finite number: it is written with a decimal comma; read the file with a decimal comma (--decimal-comma)",
            e.MessageNaming(RweStats.Cli.ModelOptions.OptionName));
        var streamed = Assert.Throws<RweStatsInputException>(() => StreamedPatternSums.TryCompute(new TableSource(path), ExampleSpec, "csv", out _));
        Assert.Contains("'68,57' where its first rows hold numbers; it is written with a decimal comma", streamed.Message);

        var comma = CsvTableReader.Read(path, CsvDialect.Default with { DecimalSeparator = ',' });
        Assert.Equal(Neg2(CsvTableReader.Read(RepoPaths.Data("example_cohort.csv")), ExampleSpec), Neg2(comma, ExampleSpec), 9);
    }

    [Fact]
    public void AnOutcomeWithADecimalCommaNamesTheWayOut()
    {
        var lines = File.ReadAllLines(RepoPaths.Data("example_cohort.csv")).Select((l, i) => i == 0 ? l.Replace(',', ';') : l.Replace(',', ';').Replace('.', ','));
        var path = Path.Combine(folder, "fr.csv");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(CsvTableReader.Read(path), ExampleSpec));
        Assert.Contains(":2: column 'y': outcome value '25,115' is not a finite number: it is written with a decimal comma; read the file with a decimal comma", e.Message);
    }

    [Fact]
    public void RowNamesWrittenByRsWriteCsvAreDroppedWithANote()
    {
        var lines = File.ReadAllLines(RepoPaths.Data("example_cohort.csv"));
        var path = Path.Combine(folder, "written_by_r.csv");
        File.WriteAllLines(path, lines.Select((l, i) => i == 0
            ? "\"\"," + string.Join(",", l.Split(',').Select(n => $"\"{n}\""))
            : $"\"{i}\"," + l));
        var table = CsvTableReader.Read(path);
        Assert.Equal(new[] { "id", "visit", "month", "arm", "base", "y" }, table.ColumnNames);
        var model = MixedModelFitter.FitModel(table, ExampleSpec);
        Assert.Contains(model.Frame.Notes, n => n.Contains("row names (as R's write.csv writes them), not read"));
        Assert.Equal(Neg2(CsvTableReader.Read(RepoPaths.Data("example_cohort.csv")), ExampleSpec), model.Result(ExampleSpec).FitStatistics.Neg2LogLikelihood, 9);

        // Streamed, the unnamed column is simply not used.
        var streamed = StreamedPatternSums.TryCompute(new TableSource(path), ExampleSpec, "csv", out var declined);
        Assert.True(streamed is not null, declined);

        // An unnamed column whose cells repeat is not row names.
        File.WriteAllLines(path, lines.Select((l, i) => i == 0 ? "," + l : "1," + l));
        var e = Assert.Throws<RweStatsInputException>(() => CsvTableReader.Read(path));
        Assert.Contains(":1: column 1 has an empty name", e.Message);
    }

    // ---- the command line: one line, exit 2, for fit and analyze


    [Fact]
    public void FitAndAnalyzeRefuseTheBadCellOnOneLine()
    {
        var path = ExampleWith(5, "fifty", "example_cohort.csv");
        var (code, stdout, stderr) = Run("fit", "--data", path, "--formula", "y ~ visit*arm + base", "--subject", "id", "--time", "visit");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rwestats: error: {path}:5: column 'base': 'fifty' is not a finite number in a column of numbers; correct it, mark 'fifty' missing (--missing), or declare 'base' a class variable (--class)", stderr.TrimEnd());

        // --missing adds to the default tokens: the fit is the one with that cell empty.
        (code, stdout, _) = Run("fit", "--data", path, "--formula", "y ~ visit*arm + base", "--subject", "id", "--time", "visit", "--missing", "fifty");
        Assert.Equal(0, code);
        var (_, emptyCell, _) = Run("fit", "--data", ExampleWith(5, "", "empty.csv"), "--formula", "y ~ visit*arm + base", "--subject", "id", "--time", "visit");
        string Neg2Line(string report) => report.Split('\n').Single(l => l.Contains("-2 Res Log Likelihood"));
        Assert.Equal(Neg2Line(emptyCell), Neg2Line(stdout));

        File.Copy(RepoPaths.Data("example.json"), Path.Combine(folder, "example.json"));
        (code, _, stderr) = Run("analyze", Path.Combine(folder, "example.json"), "--out", Path.Combine(folder, "out"));
        Assert.Equal(2, code);
        Assert.Contains(":5: column 'base': 'fifty' is not a finite number in a column of numbers; correct it, mark 'fifty' missing (data.missing), or declare 'base' a class variable (model.class)", stderr);
    }
}
