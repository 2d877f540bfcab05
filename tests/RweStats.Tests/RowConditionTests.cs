using RweStats.Data;

namespace RweStats.Tests;

/// <summary>The row filter (--where, data.where): grammar, precedence, missing and blank cells, positioned errors.</summary>
public class RowConditionTests
{
    // Rows:        1       2       3       4        5
    static readonly DataTable Table = new("t.csv", new[] { "P", "FL", "DTYPE", "V" },
        new[]
        {
            new string?[] { "FEV1", "FEV1", "FVC", "FEV1", "FEV1" },
            new string?[] { "Y", null, "Y", "Y", "N" },
            new string?[] { null, null, null, "LOCF", null },
            new string?[] { "1.5", "2", null, "-3", "10" },
        }, new[] { 2, 3, 4, 5, 6 });

    static int[] Kept(string where) => RowCondition.Parse(where).Apply(Table).LineNumbers.Select(l => l - 1).ToArray();

    [Theory]
    [InlineData("P == \"FEV1\"", new[] { 1, 2, 4, 5 })]
    [InlineData("P == \"FEV1\" and FL == \"Y\" and DTYPE == \"\"", new[] { 1 })]
    [InlineData("DTYPE == \"\"", new[] { 1, 2, 3, 5 })]
    [InlineData("DTYPE != \"\"", new[] { 4 })]
    [InlineData("FL is missing", new[] { 2 })]
    [InlineData("V is not missing and not V > 1.5", new[] { 1, 4 })]
    [InlineData("V >= 2", new[] { 2, 5 })]
    [InlineData("V != 2", new[] { 1, 3, 4, 5 })] // a missing number is "not equal", never ordered
    [InlineData("V < 0 or V > 5", new[] { 4, 5 })]
    [InlineData("P == \"FVC\" or P == \"FEV1\" and FL == \"N\"", new[] { 3, 5 })] // and binds tighter than or
    [InlineData("(P == \"FVC\" or P == \"FEV1\") and FL == \"N\"", new[] { 5 })]
    [InlineData("NOT not P == \"FVC\"", new[] { 3 })]
    [InlineData("V == -3e0", new[] { 4 })]
    [InlineData("`V` == \"10\"", new[] { 5 })] // a number column compared as text
    public void Keeps(string where, int[] rows) => Assert.Equal(rows, Kept(where));

    [Theory]
    [InlineData("P = \"FEV1\"", "position 3: write == for equality")]
    [InlineData("P == FEV1", "position 6: expected a number or a double-quoted text after '==', found 'FEV1' (texts are quoted: \"FEV1\")")]
    [InlineData("P == 'FEV1'", "position 6: texts are written in double quotes")]
    [InlineData("P == \"FEV1", "position 6: the text opened here has no closing double quote")]
    [InlineData("(P == \"FEV1\"", "position 13: expected ')' to close the '(' at position 1")]
    [InlineData("P == \"FEV1\" FL == \"Y\"", "position 13: unexpected 'FL'; join conditions with and / or")]
    [InlineData("P is empty", "position 6: expected 'missing' after 'is'")]
    [InlineData("P", "position 2: the expression ends after 'P'")]
    [InlineData("", "position 1: the expression is empty")]
    [InlineData("P == \"A\" and", "position 13: the expression ends where a column name was expected")]
    [InlineData("V ~ 1", "position 3: unexpected character '~'")]
    public void SyntaxErrorsNameThePosition(string where, string message)
    {
        var e = Assert.Throws<RweStatsInputException>(() => RowCondition.Parse(where));
        Assert.StartsWith($"row filter '{where}': ", e.Message); // the library's name; the command line passes "--where"
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void UnknownColumnsAndTextComparedWithNumbersAreErrors()
    {
        var e = Assert.Throws<RweStatsInputException>(() => Kept("FL == \"Y\" and PARAMCD == \"X\""));
        Assert.Contains("position 15: t.csv: no column 'PARAMCD'; its columns are: P, FL, DTYPE, V", e.Message);
        e = Assert.Throws<RweStatsInputException>(() => Kept("P > 1"));
        Assert.Contains("position 1: column 'P' holds the text 'FEV1' (t.csv:2), not a number", e.Message);
        e = Assert.Throws<RweStatsInputException>(() => Kept("P == \"fev1\""));
        Assert.Contains("keeps none of the 5 rows", e.Message);
    }
}
