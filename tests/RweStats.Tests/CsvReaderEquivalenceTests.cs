using System.Text;
using RweStats.Data;
using Xunit;

namespace RweStats.Tests;

/// <summary>
/// The plain-file CSV reader (byte-level, chunked, parallel) must give exactly what CsvHelper gives: same header,
/// same file lines, same storage (numbers or texts), same numbers to the bit, same texts, or the same one-line error.
/// Checked on every CSV of the repository and on hand-made files aimed at the edges (line ends, blank lines,
/// trimming, missing tokens, decimal commas, numbers the fast parser refuses), with chunks of a few bytes so that
/// every chunk end and every column turning text in a later chunk is crossed.
/// </summary>
[LongRunning(50)]
public class CsvReaderEquivalenceTests
{
    public static TheoryData<string> RepositoryCsvFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "data", Path.Combine("tests", "corpus"), Path.Combine("tests", "fixtures") })
        {
            var dir = Path.Combine(RepoPaths.Root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryCsvFiles))]
    public void RepositoryFilesReadTheSame(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, relativePath));
        foreach (var dialect in new[] { CsvDialect.Default, new CsvDialect { DecimalSeparator = ',' } })
            foreach (var chunk in new[] { 7, 64, CsvTableReader.ChunkBytes })
                AssertSameTable(bytes, dialect, chunk);
    }

    public static TheoryData<string> EdgeFiles()
    {
        var data = new TheoryData<string>();
        foreach (var text in EdgeTexts) data.Add(text);
        return data;
    }

    static readonly string[] EdgeTexts =
    [
        "id,visit,y\n1,V1,2.5\n1,V2,3\n",
        "id,visit,y\r\n1,V1,2.5\r\n1,V2,3\r\n",
        "id,visit,y\n1,V1,2.5\n\n1,V2,3\n   \n\t\n2,V1,4",
        " id , visit ,\ty\n 1 ,V1 , 2.5 \n1,\tV2\t,3\t\n",
        "id,visit,y\n1,V1,NA\n1,V2,.\n2,V1,\n2,V2,NA \n",
        "id,visit,y\n007,V1,12.50\n7,V1,1e3\n-0,V2,+5\n.5,V3,5.\n0.00012,V4,123456789012345678\n",
        "id,visit,y\n1,V1,9007199254740993\n1,V2,0.1234567890123456789\n1,V3,1.7976931348623157e308\n1,V4,4.9e-324\n",
        "id,visit,y\n1,V1,1\n1,V2,2\n1,V3,3\n1,V4,4\n1,V5,five\n1,V6,6\n",
        "id,visit,y\n1,V1,1,extra\n",
        "id,visit,y\n1,V1\n",
        "id;visit;y\n1;V1;2,5\n1;V2;3,25\n2;V1;-0,5\n",
        "id\tvisit\ty\n1\tV1\t2.5\n1\tV2\t3\n",
        "id,visit,y\n1,V1,\u00A02.5\u00A0\n1,V2,\u30003\u3000\n1,V3,caf\u00E9\n",
        "id,visit,y\n1,V1,2.5\n1,V2,\"3\"\n",
        "id,visit,y\n1,V1,2.5\r1,V2,3\n",
        "id,visit,y\n1,V1,1e400\n1,V2,NaN\n1,V3,Infinity\n",
        "id,visit,y\n",
        "\nid,visit,y\n1,V1,2\n",
        "id,,y\n1,V1,2\n",
        "id,visit,id\n1,V1,2\n",
        "\u00A0id,visit,y\n1,V1,2\n",
        "id,visit,y\n1,V1,2.5\n1,V2,3\n2,V1,4\n2,V2,x\n3,V1,5\n3,V2,6\n4,V1,7\n4,V2,8\n",
        "y\n\n  \n1\n2\n",
        "y\n1\n\n2\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeFiles))]
    public void EdgeFilesReadTheSame(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var dialects = new[]
        {
            CsvDialect.Default, new CsvDialect { DecimalSeparator = ',' }, new CsvDialect { Delimiter = ';', DecimalSeparator = ',' },
            new CsvDialect { MissingTokens = new HashSet<string> { "NA" } }, // an empty cell is then a text, not a missing value
        };
        foreach (var dialect in dialects)
            foreach (var chunk in new[] { 1, 5, 16, CsvTableReader.ChunkBytes })
                AssertSameTable(bytes, dialect, chunk);
    }

    [Fact]
    public void SimulatedCohortReadsTheSameInManyChunks()
    {
        var w = new StringWriter();
        Simulation.MmrmCohortSimulator.Write(w, 300, 6, 11);
        AssertSameTable(Encoding.UTF8.GetBytes(w.ToString()), CsvDialect.Default, 997);
    }

    [Fact]
    public void ColumnTurningTextAfterTheFirstRowsAndBlankLinesReadTheSame()
    {
        // The plain reader guesses column kinds from the first 1000 rows: a text at row 1400 makes it read again.
        var text = new StringBuilder("id,visit,y,note\n");
        for (int i = 0; i < 1500; i++)
        {
            text.Append(i / 3).Append(",V").Append(i % 3).Append(',').Append((i * 0.37).ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(',').Append(i == 1400 ? "late text" : i % 7 == 0 ? "NA" : "12.50").Append('\n');
            if (i % 250 == 0) text.Append("\n  \n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        foreach (var chunk in new[] { 100, 4096, CsvTableReader.ChunkBytes })
            AssertSameTable(bytes, CsvDialect.Default, chunk);
    }

    /// <summary>A file is read mapped into memory, a stream copied: both give the same table or the same error, with
    /// or without a byte-order mark, empty or not.</summary>
    [Fact]
    public void MappedFilesReadAsStreams()
    {
        var texts = EdgeTexts.Concat(["", "\uFEFFid,visit,y\n1,V1,2\n", "\uFEFF"]);
        var path = Path.GetTempFileName();
        try
        {
            foreach (var text in texts)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                File.WriteAllBytes(path, bytes);
                var (fromStream, streamError) = Read(bytes, CsvDialect.Default, plainReader: true, CsvTableReader.ChunkBytes);
                DataTable? fromFile = null;
                string? fileError = null;
                try { fromFile = CsvTableReader.Read(path); }
                catch (RweStatsInputException e) { fileError = e.Message.Replace(path, "t.csv"); }
                Assert.Equal(streamError, fileError);
                if (fromStream is null) continue;
                Assert.Equal(fromStream.ColumnNames, fromFile!.ColumnNames);
                Assert.Equal(fromStream.LineNumbers, fromFile.LineNumbers);
                for (int j = 0; j < fromStream.ColumnNames.Count; j++)
                    for (int i = 0; i < fromStream.RowCount; i++)
                        Assert.Equal(fromStream.Cell(j, i), fromFile.Cell(j, i));
            }
        }
        finally { File.Delete(path); }
    }

    internal static void AssertSameTable(byte[] bytes, CsvDialect dialect, int chunkBytes)
    {
        var (general, generalError) = Read(bytes, dialect, plainReader: false, chunkBytes);
        var (plain, plainError) = Read(bytes, dialect, plainReader: true, chunkBytes);
        Assert.Equal(generalError, plainError);
        if (general is null) return;
        Assert.Equal(general.ColumnNames, plain!.ColumnNames);
        Assert.Equal(general.LineNumbers, plain.LineNumbers);
        for (int j = 0; j < general.ColumnNames.Count; j++)
        {
            Assert.Equal(general.IsNumeric(general.ColumnNames[j]), plain.IsNumeric(plain.ColumnNames[j]));
            Assert.Equal(general.IsStoredAsNumbers(j), plain.IsStoredAsNumbers(j));
            for (int i = 0; i < general.RowCount; i++)
            {
                Assert.Equal(general.Cell(j, i), plain.Cell(j, i));
                bool a = general.TryNumber(j, i, out var x), b = plain.TryNumber(j, i, out var y);
                Assert.Equal(a, b);
                if (a) Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(y));
            }
        }
    }

    static (DataTable? table, string? error) Read(byte[] bytes, CsvDialect dialect, bool plainReader, int chunkBytes)
    {
        try { return (CsvTableReader.Read(new MemoryStream(bytes), "t.csv", dialect, plainReader, chunkBytes), null); }
        catch (RweStatsInputException e) { return (null, e.Message); }
    }

    /// <summary>
    /// The cut of a whole line at once (16 bytes at a time, the rest in the line's last 16 bytes) gives the fields the
    /// field-at-a-time cut gives, on lines of every length around the vector widths and separators at every place.
    /// </summary>
    [Fact]
    public void FieldEndsAtOnceAreTheFieldsOneAtATime()
    {
        var random = new Random(7);
        var ends = new int[8];
        for (int length = 0; length <= 70; length++)
            for (int trial = 0; trial < 50; trial++)
            {
                var line = new byte[length];
                for (int i = 0; i < length; i++) line[i] = random.Next(5) == 0 ? (byte)',' : (byte)('a' + random.Next(26));
                var expected = new List<int>();
                for (int at = 0; at <= length;)
                {
                    int start = at;
                    var field = CsvSyntax.PlainField(line, (byte)',', ref at);
                    expected.Add(start + field.Length);
                }
                int count = CsvSyntax.PlainFieldEnds(line, (byte)',', ends);
                Assert.Equal(expected.Count, count);
                Assert.Equal(expected.Take(ends.Length), ends.Take(Math.Min(count, ends.Length)));
            }
    }
}
