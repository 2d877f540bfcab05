using System.Text;
using RweStats.Data;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>Files that lie and inputs that explode: refused in one line, before the work, never a crash or a silent loss.</summary>
public sealed class HostileInputTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-hostile-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void AnXptCutAtARecordBoundaryIsTruncatedNotShorter()
    {
        // 93520 bytes: a whole number of 80-byte records, ending inside an observation.
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("xpt", "adqs_fev.xpt"))[..93520];
        var path = Path.Combine(dir, "cut.xpt");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => XptReader.Read(path));
        Assert.Contains("the file is truncated", e.Message);
        Assert.Contains("inside observation", e.Message);
    }

    [Fact]
    public void ANegativeLongLabelLengthIsCorruptNotACrash()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("xpt", "long_names_v8.xpt"));
        int header = Encoding.ASCII.GetString(bytes).IndexOf("LABELV8", StringComparison.Ordinal);
        Assert.True(header >= 0);
        header -= header % 80; // the start of its 80-byte header record
        // The first label's record follows the header record: number (2 bytes), name length (2), label length (2).
        bytes[header + 80 + 4] = 0xFF;
        bytes[header + 80 + 5] = 0x9C; // -100
        var path = Path.Combine(dir, "label.xpt");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => XptReader.Read(path));
        Assert.Contains("negative length", e.Message);
    }

    [Fact]
    public void DeepNestingIsRefusedNotAStackOverflow()
    {
        string deep = new string('(', 30_000) + "y > 1" + new string(')', 30_000);
        var e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse(deep, "data.where"));
        Assert.Contains("nested more than 100 deep", e.Message);
        Assert.True(e.Message.Length < 400, "the expression is echoed by its start only");
        e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse(string.Concat(Enumerable.Repeat("not ", 30_000)) + "y > 1"));
        Assert.Contains("nested more than 100 deep", e.Message);
        e = Assert.Throws<RweStatsInputException>(() => Formula.Parse("y ~ " + new string('(', 30_000) + "x" + new string(')', 30_000)));
        Assert.Contains("nests parentheses more than 100 deep", e.Message);
    }

    [Fact]
    public void TermExpansionIsBoundedBeforeItIsBuilt()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<RweStatsInputException>(() => Formula.Parse("y ~ " + string.Join("*", Enumerable.Range(0, 30).Select(i => $"x{i}"))));
        Assert.Contains("expands to more than 1024 terms", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        Assert.Equal(511, Formula.Parse("y ~ " + string.Join("*", Enumerable.Range(0, 9).Select(i => $"x{i}"))).Terms.Count);
    }

    [Fact]
    public void AQuotedTextIsNotOrderedAgainstNumbers()
    {
        var table = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse("FEV1_BL > \"5\"").Apply(table));
        Assert.Contains("write the number unquoted: FEV1_BL > 5", e.Message);
        // Equality with a quoted text still compares the cells' text, as before.
        Assert.Equal(table.RowCount, RowCondition.Parse("USUBJID != \"none\"").Apply(table).RowCount);
    }

    [Fact]
    public void Utf16WithoutAByteOrderMarkIsNamed()
    {
        var path = Path.Combine(dir, "u16.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes("id,visit,y\n1,V1,2\n"));
        var e = Assert.Throws<RweStatsInputException>(() => CsvTableReader.Read(path));
        Assert.Contains("UTF-16 text without a byte-order mark", e.Message);
    }

    [Fact]
    public void AParquetFooterLongerThanTheFileIsRefusedAtOnce()
    {
        var parquet = Path.Combine(dir, "lying.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(RepoPaths.Data("fev_data.csv"))})) TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var bytes = File.ReadAllBytes(parquet);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), int.MaxValue);
        File.WriteAllBytes(parquet, bytes);
        var e = Assert.Throws<RweStatsInputException>(() => ParquetTableReader.Read(parquet));
        Assert.Contains($"the Parquet footer claims {int.MaxValue} bytes but the file has {bytes.Length}", e.Message);
    }

    /// <summary>A small cohort as Parquet through DuckDB, with <paramref name="bad"/> (a DOUBLE literal) as subject 2's first outcome.</summary>
    string ParquetWith(string bad, string name)
    {
        var parquet = Path.Combine(dir, name);
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "COPY (SELECT * FROM (VALUES (1, 'V1', 1.0::DOUBLE, 0.5::DOUBLE), (1, 'V2', 2.0, 0.5), " +
                              $"(2, 'V1', {bad}, 1.5), (2, 'V2', 3.0, 1.5), (3, 'V1', 2.0, 2.5), (3, 'V2', 2.5, 2.5), (4, 'V1', 1.5, 0.0), (4, 'V2', 4.0, 0.0)) t(id, visit, y, x)) " +
                              $"TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet)";
        command.ExecuteNonQuery();
        return parquet;
    }

    static readonly Model.MixedModelSpec Small = new() { Formula = "y ~ visit + x", Subject = "id", Time = "visit", Covariance = "cs" };

    /// <summary>
    /// A NaN or an infinity in a Parquet file is refused naming file, row and column, as in a CSV file or a DuckDB query:
    /// read into memory, streamed subject by subject, and aggregated by DuckDB (push-down; its rows have no file order,
    /// so the subject and visit name the row).
    /// </summary>
    [Theory]
    [InlineData("'NaN'::DOUBLE", "NaN")]
    [InlineData("'Infinity'::DOUBLE", "Infinity")]
    [InlineData("'-Infinity'::DOUBLE", "-Infinity")]
    public void AParquetNaNOrInfinityIsRefusedOnEveryPath(string literal, string text)
    {
        var parquet = ParquetWith(literal, "bad.parquet");
        var inMemory = Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(parquet)));
        Assert.Equal($"{parquet}: row 3: column 'y': {text} is not a finite number; RweStats reads finite numbers or NULL (missing)", inMemory.Message);
        var streamed = Assert.Throws<RweStatsInputException>(() => Data.Streaming.StreamedPatternSums.TryCompute(new TableSource(parquet), Small, "parquet", out _));
        Assert.Equal(inMemory.Message, streamed.Message);
        var pushed = Assert.Throws<RweStatsInputException>(() => DuckDbTableReader.PatternSums(new TableSource(parquet), Small));
        Assert.Equal($"{parquet} (DuckDB): subject '2', visit 'V1': column 'y': {text} is not a finite number; RweStats reads finite numbers or NULL (missing)", pushed.Message);
        // The command line, with and without the push-down: exit 2, one line.
        foreach (var pushDown in new[] { false, true })
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = RweStats.Cli.Cli.Run(["fit", "--data", parquet, "--formula", "y ~ visit + x", "--subject", "id", "--time", "visit", "--covariance", "cs",
                                             .. pushDown ? new[] { "--push-down" } : []], o, e);
            Assert.Equal(2, code);
            Assert.Single(e.ToString().TrimEnd().Split('\n'));
            Assert.Contains($"column 'y': {text} is not a finite number", e.ToString());
            Assert.Equal("", o.ToString());
        }
    }

    [Fact]
    public void ANaNCovariateIsRefusedAndANullIsMissing()
    {
        var parquet = ParquetWith("1.0", "covariate.parquet");
        // The same cohort with subject 3's covariate NaN at its second visit, and one with a NULL outcome (missing, fitted).
        var bad = Path.Combine(dir, "bad_x.parquet");
        var missing = Path.Combine(dir, "missing_y.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            string from = $"read_parquet({Data.Sql.SqlDialect.DuckDb.Literal(parquet)})";
            command.CommandText = $"COPY (SELECT id, visit, y, CASE WHEN id = 3 AND visit = 'V2' THEN 'NaN'::DOUBLE ELSE x END AS x FROM {from}) TO {Data.Sql.SqlDialect.DuckDb.Literal(bad)} (FORMAT parquet);" +
                                  $"COPY (SELECT id, visit, CASE WHEN id = 2 AND visit = 'V1' THEN NULL ELSE y END AS y, x FROM {from}) TO {Data.Sql.SqlDialect.DuckDb.Literal(missing)} (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        Assert.EndsWith("row 6: column 'x': NaN is not a finite number; RweStats reads finite numbers or NULL (missing)",
            Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(bad))).Message);
        Assert.EndsWith("row 6: column 'x': NaN is not a finite number; RweStats reads finite numbers or NULL (missing)",
            Assert.Throws<RweStatsInputException>(() => Data.Streaming.StreamedPatternSums.TryCompute(new TableSource(bad), Small, "parquet", out _)).Message);
        Assert.EndsWith("subject '3', visit 'V2': column 'x': NaN is not a finite number; RweStats reads finite numbers or NULL (missing)",
            Assert.Throws<RweStatsInputException>(() => DuckDbTableReader.PatternSums(new TableSource(bad), Small)).Message);
        Assert.Equal(8, TableReader.Read(new TableSource(missing)).RowCount);
        Assert.NotNull(Data.Streaming.StreamedPatternSums.TryCompute(new TableSource(missing), Small, "parquet", out _));
    }

    /// <summary>
    /// A Parquet file of 1000 rows (8 subjects × 125 visits of a compressible cohort) whose footer is rewritten to claim
    /// <paramref name="claimed"/> rows: each Thrift compact i64 field of value 1000 with field-id delta 1 (header 0x16) is
    /// re-encoded — the file's and the row group's num_rows, and with <paramref name="valuesToo"/> the column chunks'
    /// num_values (the fields followed by another such header) — and the footer length updated.
    /// </summary>
    string LyingParquet(long claimed, bool valuesToo)
    {
        var parquet = Path.Combine(dir, $"lying_{claimed}_{valuesToo}.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "COPY (SELECT i // 125 AS id, 'V' || (i % 125) AS visit, (i % 7)::DOUBLE AS y FROM range(1000) t(i)) " +
                                  $"TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        static byte[] Varint(long v)
        {
            ulong z = (ulong)((v << 1) ^ (v >> 63)), u = z;
            var bytes = new List<byte>();
            do { byte b = (byte)(u & 0x7F); u >>= 7; bytes.Add(u != 0 ? (byte)(b | 0x80) : b); } while (u != 0);
            return [.. bytes];
        }
        var bytes = File.ReadAllBytes(parquet);
        int footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        int footerStart = bytes.Length - 8 - footerLength;
        var footer = bytes.AsSpan(footerStart, footerLength).ToArray();
        byte[] from = [0x16, .. Varint(1000)], to = [0x16, .. Varint(claimed)];
        var patched = new List<byte>();
        int replaced = 0;
        for (int i = 0; i < footer.Length;)
        {
            bool match = footer.AsSpan(i).StartsWith(from);
            bool isValues = match && i + from.Length < footer.Length && footer[i + from.Length] == 0x16;
            if (match && (valuesToo || !isValues)) { patched.AddRange(to); i += from.Length; replaced++; }
            else patched.Add(footer[i++]);
        }
        Assert.True(replaced >= 2, $"{replaced} fields rewritten");
        var result = new List<byte>(bytes[..footerStart]);
        result.AddRange(patched);
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, patched.Count);
        result.AddRange(length);
        result.AddRange("PAR1"u8.ToArray());
        File.WriteAllBytes(parquet, [.. result]);
        return parquet;
    }

    /// <summary>
    /// A footer that claims 2^40 rows in a 3 KB file is refused from the footer alone (it is not decoded for minutes) on
    /// every path that reads Parquet: in memory, streamed, aggregated by DuckDB, and on the command line (exit 2).
    /// </summary>
    [Theory]
    [InlineData(1L << 40, false, "claims 1099511627776 rows in row group 1 but column 'id' holds 1000 values")]
    [InlineData(1L << 44, true, "claims 17592186044416 values of column 'id' in row group 1, more than its")]
    public async Task AParquetFooterLyingAboutItsRowsIsRefused(long claimed, bool valuesToo, string expected)
    {
        var parquet = LyingParquet(claimed, valuesToo);
        Assert.True(new FileInfo(parquet).Length < 4096);
        // The construction did what it says: the footer now claims that many rows.
        await using (var reader = await Parquet.ParquetReader.CreateAsync(parquet))
            Assert.Equal(claimed, reader.Metadata!.NumRows);
        var spec = new Model.MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "cs" };
        Assert.Contains(expected, Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(parquet))).Message);
        Assert.Contains(expected, Assert.Throws<RweStatsInputException>(() => Data.Streaming.StreamedPatternSums.TryCompute(new TableSource(parquet), spec, "parquet", out _)).Message);
        Assert.Contains(expected, Assert.Throws<RweStatsInputException>(() => DuckDbTableReader.PatternSums(new TableSource(parquet), spec)).Message);
        Assert.Contains(expected, Assert.Throws<RweStatsInputException>(() => TableReader.Read(new TableSource(parquet) { FileFormat = "duckdb" })).Message);
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(2, RweStats.Cli.Cli.Run(["fit", "--data", parquet, "--push-down", "--formula", "y ~ visit", "--subject", "id", "--time", "visit"], o, e));
        Assert.Single(e.ToString().TrimEnd().Split('\n'));
        Assert.Contains(expected, e.ToString());
    }

    /// <summary>What follows a query's last token (semicolons, white space, comments) is dropped; what is inside strings,
    /// quoted names and comments is not mistaken for it, and a second statement is kept for the engine to refuse.</summary>
    [Theory]
    [InlineData("SELECT 1;", "SELECT 1")]
    [InlineData("  SELECT 1 ;; \n\t", "  SELECT 1")]
    [InlineData("SELECT 1; -- the end", "SELECT 1")]
    [InlineData("SELECT 1 /* a; b */ ; /* c /* nested */ d */", "SELECT 1")]
    [InlineData("SELECT ';--' AS a -- x", "SELECT ';--' AS a")]
    [InlineData("SELECT E'\\';' AS a;", "SELECT E'\\';' AS a")]
    [InlineData("SELECT $f$;--$f$ AS \"a;\" ;", "SELECT $f$;--$f$ AS \"a;\"")]
    [InlineData("SELECT 1; -- x\nDELETE FROM t;", "SELECT 1; -- x\nDELETE FROM t")]
    public void AQueryEndsAtItsLastToken(string query, string expected) =>
        Assert.Equal(expected + "\n", Data.Sql.SqlRelation.Query(query, "q").Sql);

    static readonly Model.MixedModelSpec Fev = new() { Formula = "FEV1 ~ ARMCD*AVISIT + FEV1_BL", Subject = "USUBJID", Time = "AVISIT", Covariance = "un" };

    /// <summary>100 subjects with all 60 visits, 300 dropping out at visits of their own: patterns of every size.</summary>
    static DataTable SixtyVisits()
    {
        var rows = new List<string?[]>();
        var random = new Random(7);
        for (int s = 0; s < 400; s++)
        {
            int last = s < 100 ? 59 : 1 + s % 60;
            for (int v = 0; v <= last && v < 60; v++)
                rows.Add([$"S{s:000}", $"V{v + 1:00}", (10 + random.NextDouble()).ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);
        }
        return SyntheticData.FromRows(["id", "visit", "y"], rows);
    }

    /// <summary>
    /// A fit estimated beyond the budget is refused before it starts, naming the structure, the visits and the figures:
    /// UN over 60 visits with patterns of every size needs gigabytes; a small budget refuses a small fit on its work.
    /// </summary>
    [Fact]
    public void AFitBeyondTheBudgetIsRefusedWithItsFigures()
    {
        var spec = new Model.MixedModelSpec { Formula = "y ~ visit", Subject = "id", Time = "visit", Covariance = "un" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<RweStatsInputException>(() => Estimation.MixedModelFitter.FitModel(SixtyVisits(), spec));
        Assert.Matches(@"^the UN model for 'y' over 60 visits: 1830 covariance parameters; one iteration would take about [0-9.]+ GB of memory, beyond the fit budget \(5\.0e\+11 operations, 4\.3 GB\)", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed}");
        var fev = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var small = Fev with { Budget = new Estimation.FitBudget(long.MaxValue, 1e3) };
        e = Assert.Throws<RweStatsInputException>(() => Estimation.MixedModelFitter.FitModel(fev, small));
        Assert.Matches(@"one iteration would take about [0-9.]+e\+[0-9]+ floating-point operations and [0-9.]+ GB of memory, beyond the fit budget \(1\.0e\+3 operations", e.Message);
        Assert.Contains("use a structure with fewer parameters (e.g. ar1, cs, toep), fewer visits, or a larger", e.Message);
        // AR(1) has two parameters: no structure of the suggestions has fewer, so none is suggested.
        e = Assert.Throws<RweStatsInputException>(() => Estimation.MixedModelFitter.FitModel(fev, small with { Covariance = "ar1" }));
        Assert.Contains("beyond the fit budget (1.0e+3 operations, ", e.Message);
        Assert.Contains("); use fewer visits or a larger", e.Message);
        Assert.DoesNotContain("e.g.", e.Message);
    }

    /// <summary>The library tells progress through the spec's IProgress, once per iteration, ending at the optimum.</summary>
    [Fact]
    public void ProgressIsToldOncePerIteration()
    {
        var fev = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var told = new List<Estimation.FitProgress>();
        var progress = new Told(told);
        var model = Estimation.MixedModelFitter.FitModel(fev, Fev with { Progress = progress });
        // The fits of the search's starts (the structures UN contains) are told under their own names, each counted alone.
        Assert.All(told, p => Assert.StartsWith("UN 'FEV1'", p.Model));
        foreach (var start in told.GroupBy(p => p.Model))
            Assert.Equal(Enumerable.Range(1, start.Count()), start.Select(p => p.Iteration));
        told = told.Where(p => p.Model == "UN 'FEV1'").ToList();
        Assert.True(told.Count >= model.Convergence.Iterations, $"{told.Count} reports, {model.Convergence.Iterations} iterations");
        Assert.Equal(model.Neg2LogLikelihood, told[^1].Neg2LogLikelihood, 1e-9 * Math.Abs(model.Neg2LogLikelihood));
        // The command line shows it on a terminal only: into a writer, or with --quiet, nothing is written.
        var o = new StringWriter();
        var err = new StringWriter();
        Assert.Equal(0, RweStats.Cli.Cli.Run(["fit", "--data", RepoPaths.Data("fev_data.csv"), "--formula", "FEV1 ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT", "--quiet"], o, err));
        Assert.Equal("", err.ToString());
    }

    /// <summary>With covariance "auto", a candidate beyond the budget is not fitted, is named in the note, and the others are compared.</summary>
    [Fact]
    public void AutoSelectionGoesOnWithoutTheCandidatesBeyondTheBudget()
    {
        var fev = CsvTableReader.Read(RepoPaths.Data("fev_data.csv"));
        var cost = (string code) =>
        {
            var model = Estimation.MixedModelFitter.FitModel(fev, Fev with { Covariance = code });
            return Estimation.FitCost.Estimate(model.Covariance, Estimation.CovariancePattern.Build(model.Frame, model.Design, false), model.Design.Rank,
                Estimation.FitBudget.Unlimited).OperationsPerIteration;
        };
        double un = cost("un"), cs = cost("cs");
        Assert.True(cs < un / 2, $"CS {cs:G3}, UN {un:G3}");
        var budget = new Estimation.FitBudget(long.MaxValue, Math.Sqrt(cs * un));
        var candidates = Inference.CovarianceSelection.Expand(["un", "cs", "ar1"]);
        var (fit, table) = Inference.CovarianceSelection.SelectAndFit(fev, Fev with { Covariance = "auto", Budget = budget }, candidates, Inference.SelectionCriterion.Aic);
        var refused = table.Candidates.Single(c => c.Candidate.Label == "un");
        Assert.True(refused.BeyondBudget);
        Assert.False(refused.Converged);
        Assert.Contains("beyond the fit budget", refused.Message);
        Assert.Contains(table.Candidates, c => c.Converged);
        Assert.Contains("; beyond the fit budget, not fitted (not eligible): un", table.Reason);
        Assert.Contains(table.Reason, fit.Notes);
    }

    /// <summary>
    /// The starts an optimum search fits for a structure (the structures it contains, the UN fit projected) are fitted only
    /// within the budget, and each is told to progress under its own name.
    /// </summary>
    [Fact]
    public void TheStartsOfASearchStayWithinTheBudget()
    {
        var table = SyntheticData.Make(11, subjects: 60);
        var spec = new Model.MixedModelSpec { Formula = "y ~ visit*arm", Subject = "id", Time = "visit", Covariance = "toeph" };
        List<Estimation.FitProgress> Fit(Estimation.FitBudget budget)
        {
            var told = new List<Estimation.FitProgress>();
            var model = Estimation.MixedModelFitter.FitModel(table, spec with { Budget = budget, Progress = new Told(told) });
            Assert.True(model.Convergence.Converged);
            return told;
        }
        var all = Fit(Estimation.FitBudget.Default);
        Assert.Contains(all, p => p.Model == "TOEPH 'y', start: UN");
        Assert.Contains(all, p => p.Model == "TOEPH 'y', start: ARH(1)");
        Assert.Contains(all, p => p.Model == "TOEPH 'y'");
        // A budget that holds TOEPH but not UN: the UN start is not fitted, the others are.
        var model = Estimation.MixedModelFitter.FitModel(table, spec);
        var patterns = Estimation.CovariancePattern.Build(model.Frame, model.Design, false);
        double Operations(string code) => Estimation.FitCost.Estimate(new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create(code, 4), false),
            patterns, model.Design.Rank, Estimation.FitBudget.Unlimited).OperationsPerIteration;
        Assert.True(Operations("toeph") < Operations("un"));
        var within = Fit(new Estimation.FitBudget(long.MaxValue, Operations("toeph")));
        Assert.DoesNotContain(within, p => p.Model.EndsWith("start: UN"));
        Assert.Contains(within, p => p.Model == "TOEPH 'y', start: ARH(1)");
    }

    /// <summary>The budget is a setting: written as GiB[,operations] or unlimited, by --fit-budget or "model.fit_budget",
    /// and a refusal names the setting as the front end calls it.</summary>
    [Fact]
    public void TheFitBudgetIsASettingOfTheCommandLineAndTheSpec()
    {
        Assert.Equal(new Estimation.FitBudget(8L << 30, 1e12), Estimation.FitBudget.Parse("8"));
        Assert.Equal(new Estimation.FitBudget(1L << 29, 2e12), Estimation.FitBudget.Parse(" 0.5 , 2e12 "));
        Assert.Equal(Estimation.FitBudget.Unlimited, Estimation.FitBudget.Parse("Unlimited"));
        Assert.Equal("4,5e+11", Estimation.FitBudget.Default.ToString());
        foreach (var bad in new[] { "", "0", "-1", "8GB", "8,0", "8,x", "1,2,3", "NaN" })
            Assert.Contains("fit budget '", Assert.Throws<RweStatsInputException>(() => Estimation.FitBudget.Parse(bad)).Message);

        string[] fit = ["fit", "--data", RepoPaths.Data("fev_data.csv"), "--formula", "FEV1 ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT"];
        var err = new StringWriter();
        Assert.Equal(2, RweStats.Cli.Cli.Run([.. fit, "--fit-budget", "1e-9"], new StringWriter(), err));
        Assert.StartsWith("rwestats: error: the UN model for 'FEV1' over 4 visits: 10 covariance parameters;", err.ToString());
        Assert.Contains("beyond the fit budget (1.3e+2 operations, 0.00 GB);", err.ToString());
        Assert.EndsWith("or a larger --fit-budget", err.ToString().TrimEnd());
        err = new StringWriter();
        Assert.Equal(2, RweStats.Cli.Cli.Run([.. fit, "--fit-budget", "lots"], new StringWriter(), err));
        Assert.StartsWith("rwestats: error: --fit-budget 'lots': write the memory in GiB", err.ToString());
        Assert.Equal(0, RweStats.Cli.Cli.Run([.. fit, "--fit-budget", "unlimited", "--quiet"], new StringWriter(), new StringWriter()));

        var specText = File.ReadAllText(RepoPaths.Data("belimumab.json")).Replace("\"covariance\": \"ar1\",", "\"covariance\": \"ar1\", \"fit_budget\": \"none\",");
        var specPath = Path.Combine(RepoPaths.Root, "data", $".budget-{Environment.ProcessId}.json");
        File.WriteAllText(specPath, specText);
        try
        {
            var e = Assert.Throws<RweStatsInputException>(() => Workflow.AnalysisSpecReader.Load(specPath));
            Assert.Contains("model.fit_budget 'none': write the memory in GiB", e.Message);
            File.WriteAllText(specPath, specText.Replace("\"fit_budget\": \"none\"", "\"fit_budget\": 1e-9"));
            var spec = Workflow.AnalysisSpecReader.Load(specPath);
            Assert.All(spec.Outcomes, o => Assert.Equal(Estimation.FitBudget.Parse("1e-9"), o.Model.Budget));
            var study = Workflow.StudyAnalysis.Run(spec);
            Assert.All(study.Outcomes, o => Assert.Contains("or a larger model.fit_budget", o.Error));
            Assert.All(Workflow.StudyAnalysis.Run(spec.WithFitBudget(Estimation.FitBudget.Default)).Outcomes, o => Assert.Null(o.Error));
        }
        finally { File.Delete(specPath); }
    }

    sealed class Told(List<Estimation.FitProgress> into) : IProgress<Estimation.FitProgress>
    {
        public void Report(Estimation.FitProgress value) { lock (into) into.Add(value); }
    }

    /// <summary>
    /// A 10 MB label is echoed by its first 200 characters and an ellipsis: in the analysis reports (the outcome's label),
    /// in the fit report (a class level), and in a message quoting it.
    /// </summary>
    [Fact]
    public void AHugeLabelIsEchoedByItsStart()
    {
        string huge = new string('L', 10_000_000);
        // The outcome's label in an analysis: reports of kilobytes, not hundreds of megabytes.
        var spec = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Data("example.json")))!;
        spec["outcomes"]![0]!["label"] = huge;
        spec["data"]!["file"] = RepoPaths.Data("example_cohort.csv");
        spec["outputs"] = new System.Text.Json.Nodes.JsonObject { ["figures"] = false };
        var specPath = Path.Combine(dir, "huge.json");
        File.WriteAllText(specPath, spec.ToJsonString());
        var outDir = Path.Combine(dir, "out");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.True(RweStats.Cli.Cli.Run(["analyze", specPath, "--out", outDir], o, e) == 0, e.ToString());
        foreach (var file in Directory.GetFiles(outDir))
            Assert.True(new FileInfo(file).Length < 1_000_000, $"{Path.GetFileName(file)}: {new FileInfo(file).Length} bytes");
        Assert.Contains(new string('L', 200) + "…", File.ReadAllText(Path.Combine(outDir, "report.md")));
        // A class level in the fit report, and the same level quoted in a message.
        var csv = Path.Combine(dir, "level.csv");
        var lines = new List<string> { "id,visit,arm,y" };
        var random = new Random(3);
        for (int i = 0; i < 20; i++)
            for (int v = 1; v <= 3; v++)
                lines.Add($"{i},V{v},{(i % 2 == 0 ? "PBO" : new string('A', 100_000))},{(10 + v + random.NextDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        File.WriteAllLines(csv, lines);
        o = new StringWriter();
        e = new StringWriter();
        Assert.True(RweStats.Cli.Cli.Run(["fit", "--data", csv, "--formula", "y ~ visit + arm", "--subject", "id", "--time", "visit", "--covariance", "cs"], o, e) == 0, e.ToString());
        Assert.True(o.ToString().Length < 20_000, $"{o.ToString().Length} characters");
        Assert.Matches("A{190}…", o.ToString());
        var message = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse($"arm == \"{new string('A', 100_000)}\" and y > \"5\"").Apply(CsvTableReader.Read(csv))).Message;
        Assert.True(message.Length < 1000, $"{message.Length} characters");
        Assert.Equal(message, Echo.InMessage(message));
        Assert.Equal("'" + new string('x', 200) + "…'", Echo.InMessage("'" + new string('x', 5000) + "'"));
    }
}
