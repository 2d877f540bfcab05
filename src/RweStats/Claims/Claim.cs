using System.Globalization;
using RweStats.Workflow;

namespace RweStats.Claims;

/// <summary>
/// A number a paper reports, kept as printed ("4.24", "0.00011", "&lt; 0.001") so that it is judged at its own
/// precision. Statistics: n, mean, sd, median, q1, q3, min, max, class_count (with Class), percent_change
/// (with From/To), and for model results p_value, estimate, std_error, df (with Contrast, e.g. "M6 - M0").
/// </summary>
public sealed record Claim(string Id, string Outcome, string Statistic, string Reported, string? Visit, string? Class,
                           string? From, string? To, string? Contrast, string? Where)
{
    public static readonly string[] DescriptiveStatistics = { "n", "missing", "mean", "sd", "median", "q1", "q3", "min", "max" };
    public static readonly string[] ModelStatistics = { "p_value", "estimate", "std_error", "df" };
    public bool IsModelClaim => ModelStatistics.Contains(Statistic);
    public bool IsQuantile => Statistic is "median" or "q1" or "q3";

    /// <summary>"&lt;" claims ("p &lt; 0.001") are bounds, not values.</summary>
    public bool IsUpperBound => Reported.TrimStart().StartsWith('<');

    public double ReportedValue => double.Parse(Reported.TrimStart().TrimStart('<').Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>One unit of the last printed digit: 0.01 for "4.24", 1 for "45", 1e-5 for "0.00011".</summary>
    public double Unit
    {
        get
        {
            var t = Reported.TrimStart().TrimStart('<').Trim().Replace(',', '.');
            int e = t.IndexOfAny(new[] { 'e', 'E' });
            int exponent = 0;
            if (e >= 0) { exponent = int.Parse(t[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture); t = t[..e]; }
            int dot = t.IndexOf('.');
            return Math.Pow(10, exponent - (dot < 0 ? 0 : t.Length - dot - 1));
        }
    }

    public string Describe() =>
        $"{Outcome} {Statistic}{(Class is null ? "" : $" [{Class}]")}{(Visit is null ? "" : $" at {Visit}")}{(From is null ? "" : $" {From}→{To}")}{(Contrast is null ? "" : $" {Contrast}")}";
}

/// <summary>A claims file (schema "rwestats-claims/1"): the analysis it refers to and the reported numbers.</summary>
public sealed record ClaimsFile(string Path, string? Source, string AnalysisSpecPath, IReadOnlyList<Claim> Claims)
{
    public const string Schema = "rwestats-claims/1";

    public static ClaimsFile Load(string path)
    {
        var root = JsonTree.Load(path).ExpectObject("schema", "source", "analysis", "claims", "comment");
        var schema = root.Required("schema");
        if (schema.AsString() != Schema) throw schema.Error($"schema '{schema.Text}' is not supported; this version reads '{Schema}'");
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var claims = new List<Claim>();
        foreach (var node in root.Required("claims").AsArray())
        {
            node.ExpectObject("id", "outcome", "statistic", "reported", "visit", "class", "from", "to", "contrast", "where");
            var statistic = node.Required("statistic").Choice(Claim.DescriptiveStatistics.Concat(Claim.ModelStatistics).Append("class_count").Append("percent_change").ToArray());
            var reportedNode = node.Required("reported");
            var reported = reportedNode.Kind == System.Text.Json.JsonValueKind.Number ? reportedNode.Text! : reportedNode.AsString();
            var claim = new Claim(node.Get("id")?.AsString() ?? $"claim{claims.Count + 1}", node.Required("outcome").AsString(), statistic, reported,
                node.Get("visit")?.AsString(), node.Get("class")?.AsString(), node.Get("from")?.AsString(), node.Get("to")?.AsString(),
                node.Get("contrast")?.AsString(), node.Get("where")?.AsString());
            try { _ = claim.ReportedValue; }
            catch (FormatException) { throw reportedNode.Error($"'{reported}' is not a number as printed (e.g. \"4.24\", \"0.00011\", \"< 0.001\")"); }
            if (claim.IsModelClaim && claim.Contrast is null) throw node.Error($"a {statistic} claim needs \"contrast\", e.g. \"M6 - M0\"");
            if (!claim.IsModelClaim && statistic != "percent_change" && claim.Visit is null) throw node.Error($"a {statistic} claim needs \"visit\"");
            if (statistic == "class_count" && claim.Class is null) throw node.Error("a class_count claim needs \"class\"");
            if (statistic == "percent_change" && (claim.From is null || claim.To is null)) throw node.Error("a percent_change claim needs \"from\" and \"to\"");
            claims.Add(claim);
        }
        return new ClaimsFile(System.IO.Path.GetFullPath(path), root.Get("source")?.AsString(),
            System.IO.Path.Combine(folder, root.Required("analysis").AsString()), claims);
    }
}
