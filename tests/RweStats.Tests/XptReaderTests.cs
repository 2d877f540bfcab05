using static RweStats.Tests.InProcessCli;
using System.Globalization;
using RweStats.Data;
using RweStats.Workflow;

namespace RweStats.Tests;

/// <summary>
/// The SAS transport reader against files written by R haven (tests/fixtures/xpt/make_xpt.R) and the values R read back
/// from them at 17 significant digits: numbers bit for bit, every missing kind, blank and padded texts, labels, formats;
/// V5 and V8; several members; truncated and corrupt files give an input error (exit code 2, one line).
/// </summary>
public class XptReaderTests
{
    static string Xpt(string name) => RepoPaths.Fixture("xpt", name);


    [Theory]
    [InlineData("values_v5.xpt")]
    [InlineData("values_v8.xpt")]
    public void ValuesReadBackAsRReadsThem(string file)
    {
        var table = XptReader.Read(Xpt(file));
        // Read verbatim (every cell quoted, no comma or quote inside): the CSV reader would trim the padded texts.
        var lines = File.ReadAllLines(Xpt("values_expected.csv")).Select(l => l[1..^1].Split("\",\"")).ToArray();
        var header = lines[0].ToList();
        Assert.Equal(header, table.ColumnNames);
        Assert.Equal(lines.Length - 1, table.RowCount);
        Assert.Equal("observation", table.RowWord);
        for (int j = 0; j < table.ColumnNames.Count; j++)
        {
            var name = table.ColumnNames[j];
            bool numeric = name is "X" or "Y" or "ADT";
            Assert.Equal(numeric, table.IsStoredAsNumbers(j));
            for (int i = 0; i < table.RowCount; i++)
            {
                string r = lines[i + 1][header.IndexOf(name)];
                if (!numeric)
                {
                    // R keeps a blank text as ""; RweStats reads it as missing, as SAS does; trailing blanks are dropped, leading kept.
                    Assert.Equal(r.Length == 0 ? null : r, table.Cell(j, i));
                    continue;
                }
                if (r.StartsWith('.'))
                {
                    Assert.True(table.IsMissing(j, i), $"{name}[{i}] should be missing {r}");
                    Assert.Equal(r.Length == 1 ? '.' : r[1], table.Metadata![j].MissingKind(i));
                    continue;
                }
                Assert.True(table.TryNumber(j, i, out var v), $"{name}[{i}]");
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(r, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(v));
            }
        }
        var labels = CsvTableReader.Read(Xpt("values_labels.csv"));
        for (int k = 0; k < labels.RowCount; k++)
            Assert.Equal(labels.Cell(1, k), table.ColumnLabel(labels.Cell(0, k)!));
        Assert.Equal("DATE", table.Metadata![table.ColumnIndex("ADT")].SasFormat);
    }

    [Fact]
    public void Version8LongNamesAndLongLabels()
    {
        var table = XptReader.Read(Xpt("long_names_v8.xpt"));
        Assert.Equal(new[] { "SHORT", "A_VARIABLE_NAME_OF_32_CHARACTERS" }, table.ColumnNames);
        Assert.Equal("A label that is longer than the forty characters of version 5", table.ColumnLabel("A_VARIABLE_NAME_OF_32_CHARACTERS"));
        Assert.Equal("Short", table.ColumnLabel("SHORT"));
        Assert.Equal(new string?[] { "1.5", "2.5" }, table.Columns[0]);
        Assert.Equal(new string?[] { "a", "b" }, table.Columns[1]);
    }

    [Theory]
    // TS-140's own example: −118.625 is C2 76 A0 00 00 00 00 00; 1 is 41 10 00 00 00 00 00 00.
    [InlineData(new byte[] { 0xC2, 0x76, 0xA0, 0, 0, 0, 0, 0 }, -118.625)]
    [InlineData(new byte[] { 0x41, 0x10, 0, 0, 0, 0, 0, 0 }, 1.0)]
    [InlineData(new byte[] { 0x40, 0x80, 0, 0, 0, 0, 0, 0 }, 0.5)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 }, 0.0)]
    public void IbmFloatingPoint(byte[] ibm, double expected)
    {
        Assert.Equal(expected, XptReader.FromIbm(ibm, out var kind));
        Assert.Equal('\0', kind);
    }

    [Fact]
    public void SeveralMembersAreListedUnlessOneIsNamed()
    {
        var e = Assert.Throws<RweStatsInputException>(() => XptReader.Read(Xpt("two_members.xpt")));
        Assert.Contains("FIRST, SECOND", e.Message);
        Assert.Contains("name one with member", e.Message); // the library names the setting; the command line renders it as --member
        Assert.Contains("--member", e.MessageNaming(s => s == ModelSetting.Member ? "--member" : null));
        var second = TableReader.Read(new TableSource(Xpt("two_members.xpt")) { Member = "second" });
        Assert.Equal(new[] { "B" }, second.ColumnNames);
        Assert.Equal(new string?[] { "u", "v" }, second.Columns[0]);
        var first = XptReader.Read(Xpt("two_members.xpt"), "FIRST");
        Assert.Equal(new[] { "1", "2" }, first.Columns[0]);
        var missing = Assert.Throws<RweStatsInputException>(() => XptReader.Read(Xpt("two_members.xpt"), "THIRD"));
        Assert.Contains("no data set 'THIRD'", missing.Message);
    }

    [Fact]
    public void TruncatedOrCorruptFilesAreInputErrors()
    {
        var bytes = File.ReadAllBytes(Xpt("values_v8.xpt"));
        // Every cut inside the headers and variable descriptions, and every cut that is not a whole record.
        for (int cut = 0; cut < bytes.Length; cut += cut < 1500 ? 7 : 40)
        {
            var e = Record.Exception(() => XptReader.Read(bytes[..cut], "cut.xpt", null));
            if (e is null) { Assert.True(cut % 80 == 0 && cut > 1360, $"cut at {cut} was read"); continue; }
            Assert.IsType<RweStatsInputException>(e);
            Assert.StartsWith("cut.xpt: ", e.Message);
        }
        var corrupt = (byte[])bytes.Clone();
        corrupt[0x230 + 20] = (byte)'X'; // the NAMSTV8 header record
        Assert.Contains("expected a NAMESTR header record", Assert.Throws<RweStatsInputException>(() => XptReader.Read(corrupt, "bad.xpt", null)).Message);
        var notXpt = Assert.Throws<RweStatsInputException>(() => XptReader.Read(File.ReadAllBytes(RepoPaths.Data("fev_data.csv")), "fev.csv", null));
        Assert.Contains("not a SAS transport file", notXpt.Message);
    }

    /// <summary>Seeded random corruption (bytes changed anywhere, headers included): an input error or a table, never another exception.</summary>
    [Fact]
    public void RandomCorruptionIsAnInputErrorOrATable()
    {
        var rng = new Random(14);
        foreach (var file in new[] { "values_v5.xpt", "values_v8.xpt", "long_names_v8.xpt", "two_members.xpt" })
        {
            var bytes = File.ReadAllBytes(Xpt(file));
            for (int trial = 0; trial < 400; trial++)
            {
                var b = (byte[])bytes.Clone();
                for (int k = rng.Next(1, 4); k > 0; k--) b[rng.Next(b.Length)] = (byte)rng.Next(256);
                var e = Record.Exception(() => XptReader.Read(b, file, trial % 2 == 0 ? null : "SECOND"));
                if (e is not null) Assert.IsType<RweStatsInputException>(e);
            }
        }
    }

    [Fact]
    public void TruncatedFileThroughTheCommandLineExitsWith2AndOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-trunc-{Guid.NewGuid():N}.xpt");
        try
        {
            File.WriteAllBytes(path, File.ReadAllBytes(Xpt("adqs_fev.xpt"))[..1000]);
            var (code, stdout, stderr) = Run("fit", "--data", path, "--formula", "AVAL ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT");
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("truncated", stderr);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ErrorsNameTheObservation()
    {
        var (code, _, stderr) = Run("fit", "--data", Xpt("adqs_fev.xpt"), "--formula", "AVAL ~ AVISIT", "--subject", "USUBJID", "--time", "AVISIT");
        Assert.Equal(2, code);
        Assert.Contains("adqs_fev.xpt: observation 2: column 'AVISIT': subject 'PT1' has visit 'VIS1' twice (first at observation 1)", stderr);
    }

    /// <summary>
    /// The issue's "done when": an ADaM long file (two parameters, ANL01FL flags, LOCF rows, unflagged duplicates) with
    /// --where gives exactly the fit of the kept rows written as CSV (same order, numbers at 17 digits).
    /// </summary>
    [Fact]
    public void AdamLongFileWithWhereFitsAsTheEquivalentCsv()
    {
        string[] model = ["--formula", "AVAL ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL", "--subject", "USUBJID", "--time", "AVISIT",
                          "--time-order", "VIS1,VIS2,VIS3,VIS4", "--format", "json", "--lsmeans", "ARMCD*AVISIT"];
        var xpt = Run(["fit", "--data", Xpt("adqs_fev.xpt"), "--where", "PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\"", .. model]);
        var csv = Run(["fit", "--data", Xpt("adqs_fev_kept.csv"), .. model]);
        Assert.Equal(0, xpt.code);
        Assert.Equal(0, csv.code);
        // The same JSON but the response's label, which only the transport file carries.
        Assert.Equal(csv.stdout.Replace(Xpt("adqs_fev_kept.csv"), "FILE"), xpt.stdout.Replace(Xpt("adqs_fev.xpt"), "FILE").Replace("  \"response_label\": \"Analysis Value\",\n", ""));
        // The same rows the other way round: not LOCF, flagged, and the parameter by exclusion.
        var other = Run(["fit", "--data", Xpt("adqs_fev.xpt"), "--where", "not (DTYPE == \"LOCF\" or ANL01FL != \"Y\") and PARAMCD != \"FVC\"", .. model]);
        Assert.Equal(xpt.stdout, other.stdout);
    }

    /// <summary>A SAS date variable (ADT, DATE9., days since 1960-01-01) as the actual time of a spatial structure.</summary>
    [Fact]
    public void SasDatesAreActualTimes()
    {
        string[] model = ["--formula", "AVAL ~ ARMCD*AVISIT", "--subject", "USUBJID", "--time", "AVISIT", "--covariance", "sp-exp",
                          "--time-value", "ADT", "--format", "json"];
        var xpt = Run(["fit", "--data", Xpt("adqs_fev.xpt"), "--where", "PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\"", .. model]);
        var csv = Run(["fit", "--data", Xpt("adqs_fev_kept.csv"), .. model]);
        Assert.Equal(0, xpt.code);
        // The same JSON but the response's label, which only the transport file carries.
        Assert.Contains("\"response_label\": \"Analysis Value\",\n", xpt.stdout);
        Assert.Equal(csv.stdout.Replace(Xpt("adqs_fev_kept.csv"), "FILE"), xpt.stdout.Replace(Xpt("adqs_fev.xpt"), "FILE").Replace("  \"response_label\": \"Analysis Value\",\n", ""));
        Assert.Equal("DATE", XptReader.Read(Xpt("adqs_fev.xpt")).Metadata!.Single(m => m.SasFormat is not null).SasFormat);
    }

    /// <summary>fit's text report names the response with the file's variable label (header and table titles) and the
    /// JSON gains "response_label"; a CSV, which has no labels, is reported as before.</summary>
    [Fact]
    public void FitNamesTheResponseWithItsVariableLabel()
    {
        string[] model = ["--formula", "AVAL ~ ARMCD*AVISIT", "--subject", "USUBJID", "--time", "AVISIT"];
        string[] where = ["--where", "PARAMCD == \"FEV1\" and ANL01FL == \"Y\" and DTYPE == \"\""];
        var text = Run(["fit", "--data", Xpt("adqs_fev.xpt"), .. where, .. model]);
        Assert.True(text.code == 0, text.stderr);
        Assert.Matches(@"\n  Dependent variable +AVAL — Analysis Value\n", text.stdout);
        Assert.Contains("\nLeast Squares Means: AVAL — Analysis Value\n", text.stdout);
        Assert.Contains("\nVisit Contrasts against Baseline (VIS1): AVAL — Analysis Value\n", text.stdout);
        var json = Run(["fit", "--data", Xpt("adqs_fev.xpt"), .. where, .. model, "--format", "json"]);
        using var doc = System.Text.Json.JsonDocument.Parse(json.stdout);
        Assert.Equal("Analysis Value", doc.RootElement.GetProperty("response_label").GetString());
        var csv = Run(["fit", "--data", Xpt("adqs_fev_kept.csv"), .. model]);
        Assert.Matches(@"\n  Dependent variable +AVAL\n", csv.stdout);
        Assert.DoesNotContain("—", csv.stdout);
        Assert.DoesNotContain("response_label", Run(["fit", "--data", Xpt("adqs_fev_kept.csv"), .. model, "--format", "json"]).stdout);
    }

    /// <summary>The same through an analysis spec (data.file, data.where); the file's variable label titles the outcome.</summary>
    [Fact]
    public void SpecReadsTheTransportFileWithItsRowFilterAndLabels()
    {
        var xpt = StudyAnalysis.Run(AnalysisSpecReader.Load(Xpt("adqs_fev.json")));
        var csv = StudyAnalysis.Run(AnalysisSpecReader.Load(Xpt("adqs_fev_kept.json")));
        Assert.True(xpt.AllSucceeded, string.Join("; ", xpt.Outcomes.Select(o => o.Error)));
        Assert.Equal(StudyReport.DescriptivesCsv(csv), StudyReport.DescriptivesCsv(xpt));
        var (a, b) = (csv.Outcomes[0].Fit!, xpt.Outcomes[0].Fit!);
        Assert.Equal(a.FitStatistics.Neg2LogLikelihood, b.FitStatistics.Neg2LogLikelihood);
        Assert.Equal(a.VisitContrasts.Select(v => v.Result.PValue), b.VisitContrasts.Select(v => v.Result.PValue));
        Assert.Equal("Analysis Value", xpt.Outcomes[0].Outcome.Label);
        Assert.Equal("FEV1", csv.Outcomes[0].Outcome.Label);
    }

    [Fact]
    public void SpecWhereErrorsNameTheKeyAndPosition()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rwestats-where-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, File.ReadAllText(Xpt("adqs_fev.json")).Replace("ANL01FL == ", "ANL01FL = ").Replace("adqs_fev.xpt", Xpt("adqs_fev.xpt").Replace("\\", "/")));
            var e = Assert.Throws<RweStatsInputException>(() => AnalysisSpecReader.Load(path));
            Assert.Contains("data.where: row filter 'PARAMCD == \"FEV1\" and ANL01FL = \"Y\" and DTYPE == \"\"': position 31: write == for equality", e.Message);
        }
        finally { File.Delete(path); }
    }
}
