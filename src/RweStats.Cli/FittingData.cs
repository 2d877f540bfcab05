using System.CommandLine;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Cli;

/// <summary>
/// The options of "fit" and "sensitivity" mapped onto the library's <see cref="CohortSource"/>, which decides how the data
/// reach the fit: --data (any format, with --data-format, --member, --query, --where) or a PostgreSQL database
/// (--data postgresql://…, --query, --omop; <see cref="DatabaseData"/>); --push-down and --pull-rows choose the
/// <see cref="RowsPolicy"/>. The library's messages are given their option names here.
/// </summary>
public sealed class FittingData
{
    readonly CohortSource source;

    FittingData(CohortSource source) => this.source = source;

    /// <summary>Where the data are, for notes.</summary>
    public string Label => source.Label;
    /// <summary>Whether the rows are read (a file without --push-down, or a database with --pull-rows).</summary>
    public bool RowsOnly => source.RowsOnly;

    /// <summary>The source of --data and how it is read; the database options without a database are refused.</summary>
    /// <param name="streamAboveBytes">Files this large or larger are streamed when they can be (<see cref="CohortSource.StreamAboveBytes"/>).</param>
    public static FittingData Open(ParseResult a, SharedOptions o, TextWriter stderr, long streamAboveBytes = CohortSource.StreamAboveBytes)
    {
        var policy = a.GetValue(o.PullRows) ? RowsPolicy.Rows : a.GetValue(o.PushDown) ? RowsPolicy.SumsWhereTheDataAre : RowsPolicy.Automatic;
        if (DatabaseData.Applies(a, o)) return new FittingData(DatabaseData.Open(a, o, policy, stderr));
        return new FittingData(CohortSource.File(ModelOptions.Source(a, o), policy, streamAboveBytes));
    }

    /// <summary>The spec with the visit order the source gives (an OMOP cohort's windows) when --time-order is absent.</summary>
    public MixedModelSpec Prepare(MixedModelSpec spec) => source.Prepare(spec);

    /// <summary>The fit of "fit": from the sums, or from the rows (--covariance auto selects either way).</summary>
    public MixedModelResult Fit(ParseResult a, SharedOptions o, MixedModelSpec spec, TextWriter stderr) =>
        source.Fit(spec, Candidates(a, o, spec), ModelOptions.SelectBy(a, o), Log(stderr));

    /// <summary>How to fit the models of one spec's data (the candidates of --covariance auto share it).</summary>
    public Func<MixedModelSpec, MixedModel> Models(ParseResult a, SharedOptions o, MixedModelSpec spec, TextWriter stderr) =>
        source.Models(spec, Candidates(a, o, spec), Log(stderr));

    static IReadOnlyList<Inference.CovarianceCandidate>? Candidates(ParseResult a, SharedOptions o, MixedModelSpec spec) =>
        spec.Covariance == "auto" ? ModelOptions.Candidates(a, o) : null;

    /// <summary>The library's account of the data path, with the settings named by their options, on standard error.</summary>
    static Action<string> Log(TextWriter stderr) => text => stderr.WriteLine($"rwestats: {RweStatsInputException.NameSettings(text, ModelOptions.OptionName)}");
}
