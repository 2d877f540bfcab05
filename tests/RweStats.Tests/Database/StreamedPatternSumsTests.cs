using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using RweStats.Data;
using RweStats.Data.Streaming;
using RweStats.Estimation;
using RweStats.Inference;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// The streamed pattern sums of "fit --push-down" on a CSV or Parquet file whose subjects come in order: the fit on
/// them equals the fit on the rows read into memory (-2LL, covariance parameters, estimates, SEs, df, LS means to 1e-9
/// relative, <see cref="PushDownEqualityTests.AssertSameFit"/>), whatever the chunks (tiny chunks put subjects across
/// chunk ends); a file in another order is declined with the reason and aggregated by DuckDB; bad rows are named.
/// </summary>
[LongRunning(35)]
public sealed class StreamedPatternSumsTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rwestats-streamed-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static readonly MixedModelSpec Fev = FilePushDownTests.Fev;

    static PatternSums Streamed(string path, MixedModelSpec spec, int chunkBytes = CsvSubjectStream.ChunkBytes)
    {
        var sums = StreamedPatternSums.TryCompute(new TableSource(path), spec, TableReader.FormatOf(new TableSource(path)), out var declined, chunkBytes);
        Assert.Null(declined);
        return sums!;
    }

    static MixedModelResult InMemory(string path, MixedModelSpec spec) => MixedModelFitter.Fit(TableReader.Read(new TableSource(path)), spec);

    /// <summary>A CSV file written as Parquet by DuckDB (read_csv with <paramref name="csvOptions"/>), in row groups of <paramref name="rowGroup"/> rows.</summary>
    static void WriteParquet(string csv, string csvOptions, string parquet, int? rowGroup = null, string? orderBy = null)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(csv)}, {csvOptions}){(orderBy is null ? "" : $" ORDER BY {orderBy}")}) " +
                              $"TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet{(rowGroup is { } size ? $", ROW_GROUP_SIZE {size}" : "")})";
        command.ExecuteNonQuery();
    }

    /// <summary>fev_data.csv: quoted fields (R's write.csv), subjects PT1, PT2 … PT10 (natural order), missing outcomes.</summary>
    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(CsvSubjectStream.ChunkBytes)]
    public void FevCsvStreamedEqualsInMemory(int chunkBytes)
    {
        var path = RepoPaths.Data("fev_data.csv");
        PushDownEqualityTests.AssertSameFit(InMemory(path, Fev), MixedModelFitter.Fit(Streamed(path, Fev, chunkBytes), Fev));
    }

    [Theory]
    [InlineData("ar1", true)]
    [InlineData("un", false)]
    public void BelimumabStreamedEqualsInMemory(string covariance, bool randomIntercept)
    {
        var spec = new MixedModelSpec
        {
            Formula = "sledai ~ visit", Subject = "patient", Time = "visit", TimeOrder = new[] { "M0", "M6", "M12" },
            Covariance = covariance, RandomIntercept = randomIntercept,
        };
        var path = RepoPaths.Data("belimumab_table2.csv");
        PushDownEqualityTests.AssertSameFit(InMemory(path, spec), MixedModelFitter.Fit(Streamed(path, spec, 100), spec));
    }

    /// <summary>Parquet row groups of 7 rows: nearly every subject continues from one row group into the next.</summary>
    [Fact]
    public void ParquetWithSubjectsAcrossRowGroupsEqualsInMemory()
    {
        var parquet = Path.Combine(dir, "fev.parquet");
        WriteParquet(RepoPaths.Data("fev_data.csv"), "header = true, nullstr = ['', 'NA']", parquet, rowGroup: 7, orderBy: "CAST(substr(USUBJID, 3) AS INTEGER), AVISIT");
        PushDownEqualityTests.AssertSameFit(InMemory(RepoPaths.Data("fev_data.csv"), Fev), MixedModelFitter.Fit(Streamed(parquet, Fev), Fev));
    }

    /// <summary>
    /// A Parquet file large enough to be read in ranges by two DuckDB queries at once (2 × 10⁵ rows and more), the range
    /// end falling inside a subject's rows: the same fit as the file read into memory.
    /// </summary>
    [Fact]
    public void ParquetReadInParallelRangesEqualsInMemory()
    {
        var csv = Path.Combine(dir, "cohort.csv");
        using (var writer = new StreamWriter(csv)) Simulation.MmrmCohortSimulator.Write(writer, 30_001, 7, 5);
        var parquet = Path.Combine(dir, "cohort.parquet");
        WriteParquet(csv, "nullstr = ['', 'NA', '.']", parquet, rowGroup: 10000);
        Assert.True(ParquetTableReader.RowCount(parquet) >= 200_000);
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" };
        PushDownEqualityTests.AssertSameFit(InMemory(parquet, spec), MixedModelFitter.Fit(Streamed(parquet, spec), spec));
    }

    /// <summary>
    /// Parquet labels of every length: the streamed reader identifies a text of up to 12 bytes by DuckDB's string header
    /// and a longer one by its bytes, and a numeric label by its bits. Subjects alternate short and long ids ("P7",
    /// "P8-enrolled-at-the-second-site"), an arm and a visit have labels of more than 12 bytes, a numeric class (dose)
    /// has integer and fractional levels, labels are missing in some rows: the same fit as the rows read into memory.
    /// </summary>
    [Fact]
    public void ParquetLabelsShortLongAndNumericEqualInMemory()
    {
        var random = new Random(11);
        var csv = new StringBuilder("id,visit,arm,dose,y\n");
        string[] visits = ["V1", "Week 12 follow-up", "V3", "Week 52 end of study"];
        for (int i = 1; i <= 80; i++)
        {
            string id = i % 2 == 0 ? $"P{i}-enrolled-at-the-second-site" : $"P{i}";
            string arm = i % 3 == 0 ? "Active treatment 10 mg" : "Placebo";
            double level = random.NextDouble() * 3;
            for (int v = 0; v < visits.Length; v++)
            {
                string visit = random.NextDouble() < 0.03 ? "" : visits[v];
                string dose = (i % 4 * 2.5).ToString(CultureInfo.InvariantCulture);
                string y = random.NextDouble() < 0.08 ? "" : (level + v * (arm == "Placebo" ? 0.5 : 1.1) + random.NextDouble()).ToString("F3", CultureInfo.InvariantCulture);
                csv.Append($"{id},{visit},{arm},{dose},{y}\n");
            }
        }
        var path = Path.Combine(dir, "labels.csv");
        File.WriteAllText(path, csv.ToString());
        var parquet = Path.Combine(dir, "labels.parquet");
        WriteParquet(path, "header = true, nullstr = ['']", parquet, rowGroup: 50);
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + dose", Subject = "id", Time = "visit", Covariance = "cs", ClassVariables = ["dose"] };
        var sums = Streamed(parquet, spec);
        PushDownEqualityTests.AssertSameFit(InMemory(path, spec), MixedModelFitter.Fit(sums, spec));
    }

    /// <summary>
    /// Empty texts (not nulls) in the subject, visit and class columns of a Parquet file, five label columns in all (the
    /// missing cells are found four columns at a time): the rows streamed are those the in-memory reader keeps.
    /// </summary>
    [Fact]
    public void ParquetEmptyTextsInFiveLabelColumnsEqualInMemory()
    {
        var random = new Random(5);
        var csv = new StringBuilder("id,visit,arm,site,region,y\n");
        string Cell(string text) => random.NextDouble() < 0.03 ? "" : text;
        for (int i = 1; i <= 90; i++)
        {
            string arm = i % 2 == 0 ? "TRT" : "PBO", site = $"S{i % 3}", region = i % 5 < 2 ? "east" : "west";
            double level = random.NextDouble() * 2;
            for (int v = 1; v <= 4; v++)
            {
                string y = (level + v * (arm == "TRT" ? 1.1 : 0.6) + random.NextDouble()).ToString("F3", CultureInfo.InvariantCulture);
                csv.Append($"{Cell($"P{i:D3}")},{Cell($"V{v}")},{Cell(arm)},{Cell(site)},{Cell(region)},{y}\n");
            }
        }
        var path = Path.Combine(dir, "empty-labels.csv");
        File.WriteAllText(path, csv.ToString());
        var parquet = Path.Combine(dir, "empty-labels.parquet");
        WriteParquet(path, "header = true, nullstr = ['NA'], all_varchar = false", parquet, rowGroup: 40);
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + site + region", Subject = "id", Time = "visit", Covariance = "cs" };
        PushDownEqualityTests.AssertSameFit(InMemory(parquet, spec), MixedModelFitter.Fit(Streamed(parquet, spec), spec));
    }

    /// <summary>
    /// Label columns with empty texts and nulls, in a Parquet file written dictionary-encoded (DuckDB's default; the
    /// streamed reader asks DuckDB for concat(label), an empty text for null) and one written plain (labels cast only):
    /// both are streamed to the fit of the rows read into memory, and to the same sums bit for bit.
    /// </summary>
    [Fact]
    public void ParquetLabelsDictionaryEncodedOrPlainEqualInMemory()
    {
        var random = new Random(17);
        var csv = new StringBuilder("id,visit,arm,sex,base,y\n");
        string Cell(string text) => random.NextDouble() switch { < 0.03 => "", < 0.06 => "NA", _ => text };
        for (int i = 1; i <= 120; i++)
        {
            string arm = i % 2 == 0 ? "TRT" : "PBO", sex = i % 3 == 0 ? "F" : "M";
            double level = random.NextDouble() * 2;
            for (int v = 1; v <= 5; v++)
            {
                string y = random.NextDouble() < 0.1 ? "NA" : (level + v * (arm == "TRT" ? 1.1 : 0.6) + random.NextDouble()).ToString("F3", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{Cell($"P{i:D3}")},{Cell($"V{v}")},{Cell(arm)},{Cell(sex)},{50 + i % 7},{y}\n");
            }
        }
        var path = Path.Combine(dir, "encoded-labels.csv");
        File.WriteAllText(path, csv.ToString());
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + sex + base", Subject = "id", Time = "visit", Covariance = "un" };
        var inMemory = InMemory(path, spec);
        var fits = new List<MixedModelResult>();
        foreach (var (name, options, dictionary) in new[] { ("dictionary", "", true), ("plain", ", DICTIONARY_SIZE_LIMIT 1", false) })
        {
            var parquet = Path.Combine(dir, $"labels-{name}.parquet");
            using (var connection = new DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(path)}, header = true, nullstr = ['NA'], all_varchar = false)) " +
                                      $"TO {Data.Sql.SqlDialect.DuckDb.Literal(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 100{options})";
                command.ExecuteNonQuery();
            }
            ParquetTableReader.RequireConsistentFooter(parquet, out var metadata);
            var encoded = DuckDbChunkStream.DictionaryEncoded(metadata);
            // DuckDB writes a column of few distinct labels with a dictionary unless told not to (the ids, nearly all
            // distinct, it writes plain either way).
            foreach (var label in new[] { "visit", "arm", "sex" }) Assert.Equal(dictionary, encoded.Contains(label));
            if (!dictionary) Assert.Empty(encoded);
            var fit = MixedModelFitter.Fit(Streamed(parquet, spec), spec);
            PushDownEqualityTests.AssertSameFit(inMemory, fit);
            fits.Add(fit);
        }
        Assert.Equal(fits[0].FitStatistics.Neg2LogLikelihood, fits[1].FitStatistics.Neg2LogLikelihood);
        Assert.Equal(fits[0].CovarianceParameters.Select(p => p.Estimate), fits[1].CovarianceParameters.Select(p => p.Estimate));
        Assert.Equal(fits[0].FixedEffects.Select(e => e.Result?.Estimate), fits[1].FixedEffects.Select(e => e.Result?.Estimate));
    }

    /// <summary>
    /// A numeric site code in the formula (701/703/705) gets the same note whichever way the rows are read: into memory,
    /// streamed from CSV and from Parquet, or summed by DuckDB (the push-down's SQL); a measured baseline and an integer
    /// score with many values get none.
    /// </summary>
    [Fact]
    public void CodeLikeCovariatesGetTheSameNoteStreamedAndPushedDown()
    {
        var csv = new StringBuilder("id,visit,site,score,base,y\n");
        var random = new Random(21);
        for (int s = 1; s <= 60; s++)
        {
            int site = 701 + 2 * (s % 3), score = random.Next(0, 41);
            double b = 50 + random.NextDouble() * 20;
            for (int k = 0; k < 3; k++)
                csv.Append(CultureInfo.InvariantCulture, $"{s},V{k + 1},{site},{score},{b:F2},{20 + k + 0.1 * score + 0.2 * b + random.NextDouble() * 4:F3}\n");
        }
        var path = Path.Combine(dir, "sites.csv");
        File.WriteAllText(path, csv.ToString());
        var parquet = Path.Combine(dir, "sites.parquet");
        WriteParquet(path, "header = true", parquet);
        var spec = new MixedModelSpec { Formula = "y ~ visit + site + score + base", Subject = "id", Time = "visit", Covariance = "cs" };
        var inMemory = InMemory(path, spec);
        var note = Assert.Single(inMemory.Notes, n => n.Contains("distinct whole values"));
        Assert.Contains("'site' is numeric with only 3 distinct whole values (701, 703, 705)", note);
        foreach (var fit in new[]
                 {
                     MixedModelFitter.Fit(Streamed(path, spec, 100), spec),
                     MixedModelFitter.Fit(Streamed(parquet, spec), spec),
                     MixedModelFitter.Fit(DuckDbTableReader.PatternSums(new TableSource(parquet), spec), spec),
                 })
        {
            PushDownEqualityTests.AssertSameFit(inMemory, fit);
            Assert.Equal(note, Assert.Single(fit.Notes, n => n.Contains("distinct whole values")));
        }
    }

    /// <summary>The text of a numeric label: integers formatted as integers print as the shortest round-trip text does.</summary>
    [Fact]
    public void NumberLabelsPrintAsTheirRoundTripText()
    {
        var bytes = new byte[64];
        foreach (double value in new[] { 0.0, -0.0, 7, -12, 2.5, 1e-7, 123456789012345, 999999999999999, 1e15, -1e15, 1e300, 4503599627370496.5, -999999999999999 })
        {
            int length = NumberLabel.Format(value, bytes);
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(bytes, 0, length));
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), NumberLabel.Text(value));
        }
    }

    /// <summary>
    /// A class variable and a covariate that change within subjects, a group (separate covariance per arm), rows without
    /// the outcome and rows without a covariate (read, not used), integer subject ids 1 … 60: the same fit.
    /// </summary>
    [Theory]
    [InlineData(48)]
    [InlineData(CsvSubjectStream.ChunkBytes)]
    public void VaryingClassesCovariatesGroupAndMissingValues(int chunkBytes)
    {
        var path = Path.Combine(dir, "cohort.csv");
        File.WriteAllText(path, Cohort(60, seed: 3));
        var spec = new MixedModelSpec
        {
            Formula = "y ~ arm*visit + dose + site + age", Subject = "id", Time = "visit", Covariance = "cs", Group = "arm",
        };
        PushDownEqualityTests.AssertSameFit(InMemory(path, spec), MixedModelFitter.Fit(Streamed(path, spec, chunkBytes), spec));
        var ar1 = spec with { Covariance = "ar1", Group = null, RandomIntercept = true };
        PushDownEqualityTests.AssertSameFit(InMemory(path, ar1), MixedModelFitter.Fit(Streamed(path, ar1, chunkBytes), ar1));
    }

    static string Cohort(int subjects, int seed, Func<int, int>? order = null)
    {
        var random = new Random(seed);
        var rows = new List<string>();
        for (int i = 1; i <= subjects; i++)
        {
            int id = order?.Invoke(i) ?? i;
            string arm = id % 2 == 0 ? "TRT" : "PBO";
            double age = 40 + random.Next(30), level = random.NextDouble() * 4;
            for (int v = 1; v <= 4; v++)
            {
                string y = random.NextDouble() < 0.1 ? "" : (level + v * (arm == "TRT" ? 1.2 : 0.8) + random.NextDouble() * 2).ToString("F3", CultureInfo.InvariantCulture);
                string dose = random.NextDouble() < 0.03 ? "NA" : (5 * random.Next(4)).ToString(CultureInfo.InvariantCulture);
                string site = random.NextDouble() < 0.5 ? "north" : "south";
                rows.Add($"{id},V{v},{arm},{dose},{site},{age},{y},{3 * (v - 1)}");
            }
        }
        return "id,visit,arm,dose,site,age,y,month\n" + string.Join("\n", rows) + "\n";
    }

    /// <summary>
    /// The same cohort written as the CSV files registries and statistics packages write: semicolons with decimal commas,
    /// tabs, CRLF line ends with a byte-order mark, every text quoted (R's write.csv) with NA, blanks around cells, blank
    /// lines. Streamed in small chunks, each gives the fit of the same file read into memory.
    /// </summary>
    [Theory]
    [InlineData("semicolon-decimal-comma")]
    [InlineData("tab")]
    [InlineData("crlf-bom")]
    [InlineData("quoted-na")]
    [InlineData("blanks")]
    public void CsvDialectsStreamLikeTheyRead(string variant)
    {
        var lines = Cohort(50, seed: 11).TrimEnd('\n').Split('\n');
        string Cells(string line, Func<string, int, string> cell, string separator) => string.Join(separator, line.Split(',').Select(cell));
        var dialect = CsvDialect.Default;
        string text;
        switch (variant)
        {
            case "semicolon-decimal-comma":
                text = string.Join("\n", lines.Select(l => Cells(l, (c, _) => c.Replace('.', ','), ";"))) + "\n";
                dialect = dialect with { Delimiter = ';', DecimalSeparator = ',' };
                break;
            case "tab":
                text = string.Join("\n", lines.Select(l => Cells(l, (c, _) => c, "\t"))) + "\n";
                break;
            case "crlf-bom":
                text = "\uFEFF" + string.Join("\r\n", lines) + "\r\n";
                break;
            case "quoted-na":
                text = string.Join("\n", lines.Select(l => Cells(l, (c, i) => c.Length == 0 ? "NA" : i is 1 or 2 or 4 ? $"\"{c}\"" : c, ","))) + "\n";
                break;
            default:
                text = string.Join("\n\n", lines.Select(l => Cells(l, (c, _) => $" {c} ", ","))) + "\n";
                break;
        }
        var path = Path.Combine(dir, variant + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var source = new TableSource(path) { Dialect = dialect };
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + age + site", Subject = "id", Time = "visit", Covariance = "un" };
        var sums = StreamedPatternSums.TryCompute(source, spec, "csv", out var declined, chunkBytes: 200);
        Assert.Null(declined);
        PushDownEqualityTests.AssertSameFit(MixedModelFitter.Fit(TableReader.Read(source), spec), MixedModelFitter.Fit(sums!, spec));
    }

    /// <summary>
    /// Subjects grouped but in descending order: declined where only ascending order is accepted (a file streamed because
    /// it is large), streamed where any order is (the sums asked for), with chunks small enough that subjects cross chunk
    /// ends: the fit of the rows read into memory.
    /// </summary>
    [Theory]
    [InlineData(64)]
    [InlineData(300)]
    [InlineData(CsvSubjectStream.ChunkBytes)]
    public void SubjectsGroupedInAnyOrderAreStreamedWhenAsked(int chunkBytes)
    {
        var path = Path.Combine(dir, "reversed.csv");
        File.WriteAllText(path, Cohort(40, seed: 5, order: i => 41 - i));
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + age", Subject = "id", Time = "visit", Covariance = "un" };
        Assert.Null(StreamedPatternSums.TryCompute(new TableSource(path), spec, "csv", out var declined, chunkBytes));
        Assert.Contains("not grouped by 'id' in ascending order", declined);
        var sums = StreamedPatternSums.TryCompute(new TableSource(path), spec, "csv", out declined, chunkBytes, anySubjectOrder: true);
        Assert.Null(declined);
        PushDownEqualityTests.AssertSameFit(InMemory(path, spec), MixedModelFitter.Fit(sums!, spec));
        var log = new List<string>();
        TableReader.PatternSums(new TableSource(path), spec, out var how, log.Add);
        Assert.Equal("streamed subject by subject", how);
    }

    /// <summary>
    /// A subject whose rows are apart (met again after another subject), in the same chunk or in chunks far apart: not
    /// streamed in any order; the sums asked for are then DuckDB's, the fit of the rows read into memory.
    /// </summary>
    [Theory]
    [InlineData(64)]
    [InlineData(CsvSubjectStream.ChunkBytes)]
    public void ASubjectWhoseRowsAreApartIsAggregatedByDuckDb(int chunkBytes)
    {
        var path = Path.Combine(dir, "apart.csv");
        var lines = Cohort(40, seed: 5, order: i => 41 - i).TrimEnd('\n').Split('\n');
        // Subject 40's last visit moved to the end of the file.
        var moved = lines[4];
        File.WriteAllLines(path, lines.Take(4).Concat(lines.Skip(5)).Append(moved));
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + age", Subject = "id", Time = "visit", Covariance = "un" };
        Assert.Null(StreamedPatternSums.TryCompute(new TableSource(path), spec, "csv", out var declined, chunkBytes, anySubjectOrder: true));
        Assert.Equal("its rows are not grouped by 'id' (a subject's rows are apart)", declined);
        var log = new List<string>();
        var sums = TableReader.PatternSums(new TableSource(path), spec, log.Add);
        Assert.Contains(log, l => l.Contains("DuckDB aggregates it"));
        PushDownEqualityTests.AssertSameFit(InMemory(path, spec), MixedModelFitter.Fit(sums, spec));
    }

    /// <summary>
    /// A Parquet file whose subjects are grouped by site (ids ascending within a site, the sites in another order), read
    /// in parallel ranges whose ends fall inside subjects: streamed when any order is accepted, the in-memory fit.
    /// </summary>
    [Fact]
    public void ParquetGroupedBySiteStreamsInRanges()
    {
        var csv = Path.Combine(dir, "cohort.csv");
        using (var writer = new StreamWriter(csv)) Simulation.MmrmCohortSimulator.Write(writer, 30_001, 7, 5);
        var parquet = Path.Combine(dir, "by-site.parquet");
        WriteParquet(csv, "nullstr = ['', 'NA', '.']", parquet, rowGroup: 10000, orderBy: "(CAST(id AS BIGINT) * 7919) % 13, CAST(id AS BIGINT), visit");
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" };
        var source = new TableSource(parquet);
        Assert.Null(StreamedPatternSums.TryCompute(source, spec, "parquet", out var declined));
        Assert.Contains("in ascending order", declined);
        var sums = StreamedPatternSums.TryCompute(source, spec, "parquet", out declined, anySubjectOrder: true);
        Assert.Null(declined);
        PushDownEqualityTests.AssertSameFit(InMemory(parquet, spec), MixedModelFitter.Fit(sums!, spec));
    }

    static RweStatsInputException Refused(string csv, MixedModelSpec spec)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-refused-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try { return Assert.Throws<RweStatsInputException>(() => StreamedPatternSums.TryCompute(new TableSource(path), spec, "csv", out _, 64)); }
        finally { File.Delete(path); }
    }

    static readonly MixedModelSpec Simple = new() { Formula = "y ~ visit + x", Subject = "id", Time = "visit", Covariance = "un" };

    [Fact]
    public void ADuplicatedVisitNamesBothLines()
    {
        var e = Refused("id,visit,x,y\n1,V1,1,2\n1,V2,1,3\n2,V1,1,2\n2,V1,1,5\n3,V1,2,4\n", Simple);
        Assert.Contains(":5: subject '2' has visit 'V1' twice (first at ", e.Message);
        Assert.Contains(":4)", e.Message);
    }

    [Fact]
    public void ATextInANumericColumnNamesLineAndColumn()
    {
        var csv = new StringBuilder("id,visit,x,y\n");
        for (int i = 1; i <= 600; i++) csv.Append($"{i},V1,1,{i % 7}\n{i},V2,2,{i % 5}\n");
        csv.Append("601,V1,abc,3\n");
        var e = Refused(csv.ToString(), Simple);
        Assert.Contains(":1202: column 'x' (a covariate) holds the text 'abc' where its first rows hold numbers", e.Message);
        Assert.Contains("declare 'x' a class variable (--class)", e.MessageNaming(RweStats.Cli.ModelOptions.OptionName));
    }

    [Fact]
    public void AGroupThatChangesWithinASubjectIsRefused()
    {
        var e = Refused("id,visit,arm,y\n1,V1,A,2\n1,V2,B,3\n2,V1,A,2\n2,V2,A,5\n", Simple with { Formula = "y ~ visit", Group = "arm" });
        Assert.Contains(":3: subject '1' changes group ('arm': 'A', then 'B')", e.Message);
    }

    [Fact]
    public void AWrongFieldCountNamesTheLine()
    {
        var e = Refused("id,visit,x,y\n1,V1,1,2\n1,V2,1\n", Simple);
        Assert.Contains(":3: 3 fields where the header has 4", e.Message);
    }

    [Theory]
    [InlineData("PT9", "PT10", -1)]
    [InlineData("9", "10", -1)]
    [InlineData("007", "7", -1)]
    [InlineData("01-701-1015", "01-701-1023", -1)]
    [InlineData("B", "A10", 1)]
    [InlineData("PT2", "PT2", 0)]
    public void NaturalSubjectOrder(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(SubjectOrder.CompareNatural(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b))));

    /// <summary>A 40-subject cohort in subject order and in reverse order, and a UN model of it.</summary>
    (string sorted, string reversed, MixedModelSpec spec) SortedAndReversed()
    {
        var sorted = Path.Combine(dir, "sorted.csv");
        File.WriteAllText(sorted, Cohort(40, seed: 7));
        var reversed = Path.Combine(dir, "reversed.csv");
        File.WriteAllText(reversed, Cohort(40, seed: 7, order: i => 41 - i));
        return (sorted, reversed, new MixedModelSpec { Formula = "y ~ arm*visit + age", Subject = "id", Time = "visit", Covariance = "un" });
    }

    /// <summary>
    /// fit on a large file (here any size: the threshold is lowered) fits from streamed sums when the rows are in subject
    /// order and the model needs none, otherwise from the rows read into memory, as --pull-rows asks: the same fit.
    /// </summary>
    [Fact]
    public void LargeFilesAreStreamedUnlessOutOfOrderOrAskedForRows()
    {
        var (sorted, reversed, spec) = SortedAndReversed();
        var cli = new RweStats.Cli.CommandTree();
        var o = cli.Shared;
        System.CommandLine.ParseResult Arguments(params string[] args) => cli.Parse(["fit", "--formula", spec.Formula, "--subject", "id", "--time", "visit", .. args]);
        MixedModelResult Fit(string path, params string[] extra)
        {
            var a = Arguments(["--data", path, .. extra]);
            var data = RweStats.Cli.FittingData.Open(a, o, TextWriter.Null, streamAboveBytes: 0);
            return data.Fit(a, o, spec, TextWriter.Null);
        }
        var expected = InMemory(sorted, spec);
        PushDownEqualityTests.AssertSameFit(expected, Fit(sorted));
        PushDownEqualityTests.AssertSameFit(expected, Fit(sorted, "--pull-rows"));
        PushDownEqualityTests.AssertSameFit(InMemory(reversed, spec), Fit(reversed));
        var a = Arguments("--data", sorted);
        Assert.False(RweStats.Cli.FittingData.Open(a, o, TextWriter.Null, streamAboveBytes: 0).RowsOnly);
        Assert.True(RweStats.Cli.FittingData.Open(a, o, TextWriter.Null).RowsOnly); // a small file is read into memory

        // What only the rows decide is read from the rows, as for any file: visits ordered by --time-value, and a
        // column whose first 1000 rows are numbers but not the rest.
        var byMonth = spec with { TimeValue = "month" };
        var sortedArguments = Arguments("--data", sorted);
        PushDownEqualityTests.AssertSameFit(InMemory(sorted, byMonth),
            RweStats.Cli.FittingData.Open(sortedArguments, o, TextWriter.Null, streamAboveBytes: 0).Fit(sortedArguments, o, byMonth, TextWriter.Null));
        var late = Path.Combine(dir, "late-text.csv");
        var lines = Cohort(300, seed: 9).TrimEnd('\n').Split('\n');
        lines[^1] = string.Join(",", lines[^1].Split(',').Select((cell, i) => i == 5 ? "unknown" : cell));
        File.WriteAllText(late, string.Join("\n", lines) + "\n");
        var lateArguments = Arguments("--data", late);
        // A column of numbers with one text: the same one-line error whichever path reads it.
        var withAge = spec with { Formula = "y ~ visit + age", Covariance = "cs" };
        var inMemory = Assert.Throws<RweStatsInputException>(() => InMemory(late, withAge));
        var streamed = Assert.Throws<RweStatsInputException>(() =>
            RweStats.Cli.FittingData.Open(lateArguments, o, TextWriter.Null, streamAboveBytes: 0).Fit(lateArguments, o, withAge, TextWriter.Null));
        Assert.Contains("column 'age': 'unknown' is not a finite number in a column of numbers", inMemory.Message);
        Assert.Equal(inMemory.Message, streamed.Message);
    }

    /// <summary>The cohort source records the path it took and why as a note of the fit, whichever way it went.</summary>
    [Fact]
    public void TheFitNotesSayHowTheDataReachedIt()
    {
        var (sorted, reversed, spec) = SortedAndReversed();
        string DataNote(MixedModelResult fit) => Assert.Single(fit.Notes, n => n.StartsWith("Data: ", StringComparison.Ordinal));

        Assert.Equal("Data: the rows read into memory (a file is streamed instead when it is one CSV file of 64 MiB or more, or one Parquet file of 1048576 rows or more, without a query or row filter, in subject order).",
            DataNote(CohortSource.File(new TableSource(sorted)).Fit(spec)));
        Assert.Equal("Data: fitted from pattern sums streamed subject by subject (a csv file of 0 bytes or more, in subject order, and a model that needs no rows); no row held in memory.",
            DataNote(CohortSource.File(new TableSource(sorted), streamAboveBytes: 0).Fit(spec)));
        Assert.Contains("the rows read into memory (not streamed: its rows are not grouped by 'id' in ascending order",
            DataNote(CohortSource.File(new TableSource(reversed), streamAboveBytes: 0).Fit(spec)));
        Assert.Contains("the rows read into memory ({Blups} need(s) them)",
            DataNote(CohortSource.File(new TableSource(sorted), streamAboveBytes: 0).Fit(spec with { Blups = true, RandomIntercept = true, Covariance = "vc" })));
        Assert.Contains("{PushDown} streams a file whose subjects come in another order",
            DataNote(CohortSource.File(new TableSource(reversed), streamAboveBytes: 0).Fit(spec)));
        Assert.Equal("Data: fitted from pattern sums streamed subject by subject, as asked (sums computed where the data are); no row held in memory.",
            DataNote(CohortSource.File(new TableSource(reversed), RowsPolicy.SumsWhereTheDataAre).Fit(spec)));
        Assert.Contains("the rows read into memory (the rows asked for)",
            DataNote(CohortSource.File(new TableSource(sorted), RowsPolicy.Rows, streamAboveBytes: 0).Fit(spec)));
        // A selection among candidates keeps the note on the fit it keeps.
        Assert.Contains("streamed subject by subject", DataNote(CohortSource.File(new TableSource(sorted), streamAboveBytes: 0)
            .Fit(spec with { Covariance = "auto" }, CovarianceSelection.Expand(["cs", "ar1"]))));
    }

    /// <summary>
    /// A C# program's streamed fit of a Parquet cohort (20 000 subjects × 6 visits from the benchmark's simulator, in
    /// subject order) through the library's cohort source gives the numbers of the "fit" command on the same file
    /// (which reads a file of this size into memory): -2LL, every estimate, SE and df to 1e-9 relative.
    /// </summary>
    [Fact]
    public void LibraryStreamedParquetFitEqualsTheFitCommand()
    {
        var csv = Path.Combine(dir, "cohort.csv");
        using (var writer = File.CreateText(csv)) RweStats.Simulation.MmrmCohortSimulator.Write(writer, 20_000, 6, seed: 3);
        var parquet = Path.Combine(dir, "cohort.parquet");
        WriteParquet(csv, "header = true", parquet);
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" };
        var streamed = CohortSource.File(new TableSource(parquet), RowsPolicy.SumsWhereTheDataAre).Fit(spec);
        Assert.Contains(streamed.Notes, n => n.StartsWith("Data: fitted from pattern sums streamed subject by subject"));

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.True(RweStats.Cli.Cli.Run(["fit", "--data", parquet, "--formula", spec.Formula, "--subject", "id", "--time", "visit", "--format", "json"], stdout, stderr) == 0, stderr.ToString());
        var command = System.Text.Json.JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Contains(command.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Data: the rows read into memory"));
        void Close(double expected, double actual, string what) => PushDownEqualityTests.Close(expected, actual, what);
        Close(command.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble(), streamed.FitStatistics.Neg2LogLikelihood, "-2LL");
        var rows = command.GetProperty("fixed_effects").EnumerateArray().ToList();
        Assert.Equal(rows.Count, streamed.FixedEffects.Count);
        foreach (var (row, effect) in rows.Zip(streamed.FixedEffects))
        {
            if (effect.Result is null) continue;
            Close(row.GetProperty("estimate").GetDouble(), effect.Result.Estimate, effect.Term);
            Close(row.GetProperty("std_error").GetDouble(), effect.Result.StdError, effect.Term + " SE");
            Close(row.GetProperty("df").GetDouble(), effect.Result.Df, effect.Term + " df");
        }
    }

    [Fact]
    public void CliPushDownOnASortedCsvGivesTheSameJsonNumbers()
    {
        string[] model = ["--data", RepoPaths.Data("fev_data.csv"), "--formula", "FEV1 ~ ARMCD*AVISIT + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT", "--format", "json"];
        var (o1, e1, o2, e2) = (new StringWriter(), new StringWriter(), new StringWriter(), new StringWriter());
        Assert.Equal(0, RweStats.Cli.Cli.Run(["fit", .. model], o1, e1));
        Assert.Equal(0, RweStats.Cli.Cli.Run(["fit", "--push-down", .. model], o2, e2));
        Assert.Equal("", e2.ToString());
        double Neg2Ll(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("fit_statistics").GetProperty("neg2_log_likelihood").GetDouble();
        Assert.Equal(Neg2Ll(o1.ToString()), Neg2Ll(o2.ToString()), 1e-9 * Math.Abs(Neg2Ll(o1.ToString())));
    }

    [Fact]
    public void ALinkedCsvIsAsLargeAsTheFileItNames()
    {
        // A symbolic link's own length is that of its target's name: a large CSV reached through a link must still be
        // streamed by size.
        string csv = Path.Combine(dir, "cohort.csv"), link = Path.Combine(dir, "linked.csv");
        File.WriteAllText(csv, "id,visit,y\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"S{i:D4},V1,{i}.5\n")));
        File.CreateSymbolicLink(link, csv);
        long bytes = new FileInfo(csv).Length;
        Assert.True(StreamedPatternSums.IsLarge(new TableSource(link), "csv", bytes));
        Assert.False(StreamedPatternSums.IsLarge(new TableSource(link), "csv", bytes + 1));
    }
}
