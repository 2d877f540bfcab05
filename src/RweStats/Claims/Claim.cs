using System.Globalization;
using RweStats.Workflow;

namespace RweStats.Claims;

/// <summary>
/// A number a paper reports, kept as printed ("4.24", "0.00011", "&lt; 0.001") so that it is judged at its own
/// precision. Statistics: n, mean, sd, median, q1, q3, min, max, class_count (with Class), percent_change
/// (with From/To), and for model results p_value, estimate, std_error, df, t_value, lower, upper (with Contrast, e.g.
/// "M6 - M0", a visit-versus-baseline contrast), or, for the tables of a two-arm paper, with <see cref="Kind"/>:
/// "lsmean_difference" (Effect "AVISIT*ARMCD", Levels "VIS4 TRT - VIS4 PBO"), "lsmean" (Levels "VIS4 TRT"),
/// "type3" (Effect "AVISIT*ARMCD"; statistic f_value, num_df, df or p_value) and "fixed_effect" (Effect and Levels of
/// one solution row, e.g. "RACE" "White").
/// </summary>
public sealed record Claim(string Id, string Outcome, string Statistic, string Reported, string? Visit, string? Class,
                           string? From, string? To, string? Contrast, string? Where)
{
    /// <summary>The descriptive statistics a claim may name (class_count and percent_change besides).</summary>
    public static readonly string[] DescriptiveStatistics = { "n", "missing", "mean", "sd", "median", "q1", "q3", "min", "max" };
    /// <summary>The model statistics a claim may name.</summary>
    public static readonly string[] ModelStatistics = { "p_value", "estimate", "std_error", "df", "t_value", "f_value", "num_df", "lower", "upper" };
    /// <summary>The model tables a claim may be read from (<see cref="Kind"/>).</summary>
    public static readonly string[] ModelKinds = { "lsmean_difference", "lsmean", "type3", "fixed_effect" };
    /// <summary>True when the claim is a model statistic (computed from a fit, searched over specifications).</summary>
    public bool IsModelClaim => ModelStatistics.Contains(Statistic);

    /// <summary>The table of a fitted model the claim is read from; null for a visit-versus-baseline contrast (<see cref="Contrast"/>).</summary>
    public string? Kind { get; init; }
    /// <summary>The model effect of a <see cref="Kind"/> claim ("AVISIT*ARMCD", "ARMCD", "RACE").</summary>
    public string? Effect { get; init; }
    /// <summary>The levels of a <see cref="Kind"/> claim: "VIS4 TRT" (an LS mean, a solution row), "VIS4 TRT - VIS4 PBO" (a difference).</summary>
    public string? Levels { get; init; }
    /// <summary>True for a median or quartile (whose value depends on the quantile definition).</summary>
    public bool IsQuantile => Statistic is "median" or "q1" or "q3";

    /// <summary>"&lt;" claims ("p &lt; 0.001") are bounds, not values.</summary>
    public bool IsUpperBound => Reported.TrimStart().StartsWith('<');

    /// <summary>The reported number (a bound's limit for "&lt; x"); a decimal comma is read as a point.</summary>
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

    /// <summary>A one-line description: outcome, statistic, table, class, visit and contrast.</summary>
    public string Describe() =>
        $"{Outcome} {Statistic}{(Kind is null ? "" : $" of {Kind} {Effect}{(Levels is null ? "" : $" {Levels}")}")}{(Class is null ? "" : $" [{Class}]")}{(Visit is null ? "" : $" at {Visit}")}{(From is null ? "" : $" {From}→{To}")}{(Contrast is null ? "" : $" {Contrast}")}";
}

/// <summary>A claims file (schema "rwestats-claims/1"): the analysis it refers to and the reported numbers.</summary>
public sealed record ClaimsFile(string Path, string? Source, string AnalysisSpecPath, IReadOnlyList<Claim> Claims)
{
    /// <summary>
    /// Covariates the paper may have adjusted for (the reviewer's list, "covariates"): the specification search tries
    /// the model with every subset of them. Empty: the model's own formula only.
    /// </summary>
    public IReadOnlyList<string> Covariates { get; init; } = Array.Empty<string>();

    /// <summary>The schema name a claims file declares ("schema").</summary>
    public const string Schema = "rwestats-claims/1";

    /// <exception cref="RweStatsInputException">The file is not a valid claims file (the message names the key).</exception>
    /// <summary>Reads and checks a claims file; paths in it are relative to its folder.</summary>
    public static ClaimsFile Load(string path)
    {
        var root = JsonTree.Load(path).ExpectObject("schema", "source", "analysis", "claims", "comment", "covariates");
        var schema = root.Required("schema");
        if (schema.AsString() != Schema) throw schema.Error($"schema '{schema.Text}' is not supported; this version reads '{Schema}'");
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var claims = new List<Claim>();
        foreach (var node in root.Required("claims").AsArray())
        {
            node.ExpectObject("id", "outcome", "statistic", "reported", "visit", "class", "from", "to", "contrast", "where", "kind", "effect", "levels");
            var statistic = node.Required("statistic").Choice(Claim.DescriptiveStatistics.Concat(Claim.ModelStatistics).Append("class_count").Append("percent_change").ToArray());
            var reportedNode = node.Required("reported");
            var reported = reportedNode.Kind == System.Text.Json.JsonValueKind.Number ? reportedNode.Text! : reportedNode.AsString();
            var claim = new Claim(node.Get("id")?.AsString() ?? $"claim{claims.Count + 1}", node.Required("outcome").AsString(), statistic, reported,
                node.Get("visit")?.AsString(), node.Get("class")?.AsString(), node.Get("from")?.AsString(), node.Get("to")?.AsString(),
                node.Get("contrast")?.AsString(), node.Get("where")?.AsString())
            {
                Kind = node.Get("kind")?.Choice(Claim.ModelKinds), Effect = node.Get("effect")?.AsString(), Levels = node.Get("levels")?.AsString(),
            };
            try { _ = claim.ReportedValue; }
            catch (FormatException) { throw reportedNode.Error($"'{reported}' is not a number as printed (e.g. \"4.24\", \"0.00011\", \"< 0.001\")"); }
            if (claim.Kind is not null)
            {
                if (!claim.IsModelClaim) throw node.Error($"a {claim.Kind} claim reports a model statistic ({string.Join(", ", Claim.ModelStatistics)}), not {statistic}");
                if (claim.Effect is null) throw node.Error($"a {claim.Kind} claim needs \"effect\", e.g. \"AVISIT*ARMCD\"");
                if (claim.Kind != "type3" && claim.Levels is null) throw node.Error($"a {claim.Kind} claim needs \"levels\", e.g. \"{(claim.Kind == "lsmean_difference" ? "VIS4 TRT - VIS4 PBO" : "VIS4 TRT")}\"");
            }
            else if (claim.IsModelClaim && claim.Contrast is null) throw node.Error($"a {statistic} claim needs \"contrast\", e.g. \"M6 - M0\" (or \"kind\" with \"effect\" and \"levels\")");
            if (!claim.IsModelClaim && statistic != "percent_change" && claim.Visit is null) throw node.Error($"a {statistic} claim needs \"visit\"");
            if (statistic == "class_count" && claim.Class is null) throw node.Error("a class_count claim needs \"class\"");
            if (statistic == "percent_change" && (claim.From is null || claim.To is null)) throw node.Error("a percent_change claim needs \"from\" and \"to\"");
            claims.Add(claim);
        }
        var covariates = root.Get("covariates")?.AsArray().Select(c => c.AsString()).ToList() ?? new List<string>();
        return new ClaimsFile(System.IO.Path.GetFullPath(path), root.Get("source")?.AsString(),
            System.IO.Path.Combine(folder, root.Required("analysis").AsString()), claims) { Covariates = covariates };
    }
}
