using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.Tests;

/// <summary>A number as SAS printed it: its value and the size of one unit in its last printed digit.</summary>
public sealed record Printed(string Text)
{
    public bool IsLessThan => Text.StartsWith('<');
    public double Value => double.Parse(Text.TrimStart('<'), CultureInfo.InvariantCulture);
    public double Unit
    {
        get
        {
            var t = Text.TrimStart('<');
            int dot = t.IndexOf('.');
            return dot < 0 ? 1 : Math.Pow(10, -(t.Length - dot - 1));
        }
    }
    public override string ToString() => Text;
}

public sealed record SasCovParm(string Name, string? Group, Printed Estimate, Printed Lower, Printed Upper);
public sealed record SasEstimateRow(string Effect, IReadOnlyDictionary<string, string> Levels, IReadOnlyDictionary<string, string> OtherLevels,
                                    Printed? Estimate, Printed? StdError, Printed? Df, Printed? TValue, Printed? PValue, Printed? Lower, Printed? Upper);
public sealed record SasType3Row(string Effect, int NumDf, Printed DenDf, Printed FValue, Printed PValue);

/// <summary>
/// Reads the tables of a SAS PROC MIXED listing (tests/fixtures/sas): iteration history, covariance parameter
/// estimates, fit statistics, solution for fixed effects, Type 3 tests, LS means and their differences.
/// The numbers are kept as printed so that each comparison can use the listing's own precision.
/// </summary>
public sealed class SasListing
{
    public double FinalNeg2LogLikelihood { get; private set; } = double.NaN;
    public Dictionary<string, Printed> FitStatistics { get; } = new();
    public List<SasCovParm> CovParms { get; } = new();
    public List<SasEstimateRow> Solution { get; } = new();
    public List<SasType3Row> Type3 { get; } = new();
    public List<SasEstimateRow> LsMeans { get; } = new();
    public List<SasEstimateRow> LsDiffs { get; } = new();

    static readonly Regex Number = new(@"^(<?-?\d*\.?\d+(E[-+]?\d+)?|<\.\d+)$", RegexOptions.IgnoreCase);

    public static SasListing Load(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.TrimEnd()).ToList();
        var listing = new SasListing();
        string section = "";
        string? solutionHeader = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("The SAS System") || trimmed == "The Mixed Procedure") continue;
            if (trimmed is "Iteration History" or "Covariance Parameter Estimates" or "Fit Statistics" or "Solution for Fixed Effects"
                or "Type 3 Tests of Fixed Effects" or "Least Squares Means" or "Differences of Least Squares Means"
                or "Null Model Likelihood Ratio Test" or "Tests of Effect Slices" or "Estimated R Matrix" or "Dimensions")
            { section = trimmed; continue; }
            if (trimmed.StartsWith("Estimated R")) { section = "R"; continue; }
            if (trimmed.Length == 0) continue;
            var tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (section)
            {
                case "Iteration History":
                    if (tokens.Length >= 3 && int.TryParse(tokens[0], out _) && Number.IsMatch(tokens[2]))
                        listing.FinalNeg2LogLikelihood = double.Parse(tokens[2], CultureInfo.InvariantCulture);
                    break;
                case "Covariance Parameter Estimates":
                    if (tokens.Length >= 5 && Number.IsMatch(tokens[^1]) && Number.IsMatch(tokens[^4]) && !Number.IsMatch(tokens[0]))
                    {
                        var middle = tokens[1..^4];
                        string? group = middle.Length > 1 ? string.Join(" ", middle[1..]) : null;
                        listing.CovParms.Add(new SasCovParm(tokens[0], group, new(tokens[^4]), new(tokens[^2]), new(tokens[^1])));
                    }
                    break;
                case "Fit Statistics":
                    var m = Regex.Match(trimmed, @"^(.*?)\s{2,}(-?[\d.]+)$");
                    if (m.Success) listing.FitStatistics[m.Groups[1].Value.Trim()] = new Printed(m.Groups[2].Value);
                    break;
                case "Solution for Fixed Effects":
                    if (tokens[0] == "Effect") { solutionHeader = line; break; }
                    if (solutionHeader is null || tokens[0] == "Standard") break;
                    listing.Solution.Add(ParseSolutionRow(line, solutionHeader));
                    break;
                case "Type 3 Tests of Fixed Effects":
                    if (tokens.Length >= 5 && int.TryParse(tokens[1], out var num) && Number.IsMatch(tokens[^1]))
                        listing.Type3.Add(new SasType3Row(tokens[0], num, new(tokens[2]),
                            new(tokens.Length == 7 ? tokens[4] : tokens[3]), new(tokens[^1])));
                    break;
                case "Least Squares Means":
                    if (tokens.Length >= 9 && Number.IsMatch(tokens[^1]) && !Number.IsMatch(tokens[0]))
                    {
                        int k = tokens.Length - 9;
                        var names = tokens[0].Split('*');
                        listing.LsMeans.Add(Row(tokens[0], names, tokens[1..(1 + k)], Array.Empty<string>(), tokens[(1 + k)..]));
                    }
                    break;
                case "Differences of Least Squares Means":
                    if (tokens.Length >= 11 && Number.IsMatch(tokens[^1]) && !Number.IsMatch(tokens[0]))
                    {
                        int k = (tokens.Length - 9) / 2;
                        var names = tokens[0].Split('*');
                        listing.LsDiffs.Add(Row(tokens[0], names, tokens[1..(1 + k)], tokens[(1 + k)..(1 + 2 * k)], tokens[(1 + 2 * k)..]));
                    }
                    break;
            }
        }
        return listing;
    }

    // numbers: Estimate, SE, DF, t, p, Alpha, Lower, Upper
    static SasEstimateRow Row(string effect, string[] names, string[] levels, string[] other, string[] numbers) =>
        new(effect, names.Zip(levels).ToDictionary(z => z.First, z => z.Second),
            other.Length == 0 ? new Dictionary<string, string>() : names.Zip(other).ToDictionary(z => z.First, z => z.Second),
            new(numbers[0]), new(numbers[1]), new(numbers[2]), new(numbers[3]), new(numbers[4]), new(numbers[6]), new(numbers[7]));

    /// <summary>A fixed-width solution row: effect, then level columns placed under their header, then 5 numbers (or "0 . . . .").</summary>
    static SasEstimateRow ParseSolutionRow(string line, string header)
    {
        var headerTokens = Regex.Matches(header, @"\S+").Select(m => (name: m.Value, start: m.Index)).ToList();
        int estimateStart = headerTokens.First(t => t.name == "Estimate").start;
        var classColumns = headerTokens.Where(t => t.name != "Effect" && t.start < estimateStart).ToList();
        var cells = Regex.Matches(line, @"\S+(?: \S+)*").Select(m => (text: m.Value, start: m.Index)).ToList();
        string effect = cells[0].text;
        var numbers = cells.Skip(cells.Count - 5).Select(c => c.text).ToList();
        var levels = new Dictionary<string, string>();
        foreach (var c in cells.Skip(1).Take(cells.Count - 6))
            levels[classColumns.OrderBy(h => Math.Abs(h.start - c.start)).First().name] = c.text;
        if (numbers.Count >= 5 && numbers[1] == ".")
            return new SasEstimateRow(effect, levels, new Dictionary<string, string>(), new(numbers[0]), null, null, null, null, null, null);
        return new SasEstimateRow(effect, levels, new Dictionary<string, string>(), new(numbers[0]), new(numbers[1]), new(numbers[2]), new(numbers[3]), new(numbers[4]), null, null);
    }
}
