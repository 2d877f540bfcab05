using System.Globalization;
using RweStats.Claims;
using RweStats.Model;
using RweStats.Simulation;
using RweStats.Workflow;

namespace RweStats.Tests;

/// <summary>Reviewer mode on data whose generating analysis is known: the search must find it.</summary>
public class VerifyTests
{
    [Theory]
    [InlineData("cs", false, EstimationMethod.Reml, DfMethod.Satterthwaite, 11UL)]
    [InlineData("ar1", true, EstimationMethod.Reml, DfMethod.BetweenWithin, 12UL)]
    [InlineData("vc", true, EstimationMethod.Ml, DfMethod.Residual, 13UL)]
    public void FindsTheSpecificationThatProducedTheClaims(string covariance, bool ri, EstimationMethod method, DfMethod df, ulong seed)
    {
        var dir = Directory.CreateTempSubdirectory("rwestats-verify-").FullName;
        var rng = new SeededRandom(seed);
        var csv = new Reporting.CsvText("id", "visit", "month", "y");
        for (int s = 1; s <= 25; s++)
        {
            double b = rng.Normal(0, 2), e = 0;
            for (int v = 0; v < 3; v++)
            {
                e = 0.5 * e + rng.Normal(0, 1.5);
                bool missing = v > 0 && rng.NextDouble() < 0.15;
                csv.Row(s, $"V{v}", 6 * v, missing ? null : Math.Round(10 - 1.2 * v + b + e, 2));
            }
        }
        File.WriteAllText(Path.Combine(dir, "data.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(dir, "spec.json"), """
            { "schema": "rwestats-analysis/1", "data": { "file": "data.csv" },
              "columns": { "subject": "id", "visit": "visit", "time_value": "month" },
              "visits": { "order": ["V0", "V1", "V2"] }, "outcomes": [ { "name": "y" } ] }
            """);
        // The claims are what the generating specification prints, at 3 significant digits.
        var spec = AnalysisSpecReader.Load(Path.Combine(dir, "spec.json"));
        var truth = spec.Outcomes[0] with { Model = spec.Outcomes[0].Model with { Covariance = covariance, RandomIntercept = ri, Method = method, Df = df } };
        var fit = StudyAnalysis.AnalyseOutcome(spec, truth, StudyAnalysis.LoadOutcomeTable(spec, truth, new()), new()).Fit!;
        string P(string label) => fit.VisitContrasts.Single(c => c.Label == label).Result.PValue.ToString("G3", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, "claims.json"), $$"""
            { "schema": "rwestats-claims/1", "analysis": "spec.json", "claims": [
              { "id": "p6", "outcome": "y", "statistic": "p_value", "contrast": "V1 - V0", "reported": "{{P("V1 - V0")}}" },
              { "id": "p12", "outcome": "y", "statistic": "p_value", "contrast": "V2 - V0", "reported": "{{P("V2 - V0")}}" } ] }
            """);

        var report = SpecificationSearch.Run(ClaimsFile.Load(Path.Combine(dir, "claims.json")), spec);
        var generating = new Specification("available", covariance, ri, method, df);
        foreach (var m in report.ModelClaims)
            Assert.Contains(m.Reproducing, r => r.Specification == generating);
        Assert.Contains(report.Ranking, r => r.Specification == generating && r.ClaimIds.Count == 2);
        Assert.Equal(2, report.Ranking[0].ClaimIds.Count);
        Directory.Delete(dir, true);
    }

    /// <summary>verify reads its data through the spec, so every source fit reads: a Parquet copy (through the CLI)
    /// gives the verdicts of the CSV.</summary>
    [Fact]
    public void VerifyReadsTheSourcesOfTheSpec()
    {
        var dir = Directory.CreateTempSubdirectory("rwestats-verify-parquet-").FullName;
        try
        {
            var rng = new SeededRandom(21);
            var csv = new Reporting.CsvText("id", "visit", "y");
            for (int s = 1; s <= 20; s++)
                for (int v = 0; v < 3; v++) csv.Row(s, $"V{v}", Math.Round(10 - v + rng.Normal(0, 2), 2));
            File.WriteAllText(Path.Combine(dir, "data.csv"), csv.ToString());
            using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT * FROM read_csv({Data.Sql.SqlDialect.DuckDb.Literal(Path.Combine(dir, "data.csv"))})) TO {Data.Sql.SqlDialect.DuckDb.Literal(Path.Combine(dir, "data.parquet"))} (FORMAT parquet)";
                command.ExecuteNonQuery();
            }
            foreach (var file in new[] { "data.csv", "data.parquet" })
                File.WriteAllText(Path.Combine(dir, $"{file}.json"), $$"""
                    { "schema": "rwestats-analysis/1", "data": { "file": "{{file}}" }, "columns": { "subject": "id", "visit": "visit" },
                      "visits": { "order": ["V0", "V1", "V2"] }, "outcomes": [ { "name": "y" } ], "outputs": { "figures": false } }
                    """);
            var spec = AnalysisSpecReader.Load(Path.Combine(dir, "data.csv.json"));
            var fit = StudyAnalysis.AnalyseOutcome(spec, spec.Outcomes[0], StudyAnalysis.LoadOutcomeTable(spec, spec.Outcomes[0], new()), new()).Fit!;
            string P(string label) => fit.VisitContrasts.Single(c => c.Label == label).Result.PValue.ToString("G3", CultureInfo.InvariantCulture);
            var verdicts = new List<string>();
            foreach (var file in new[] { "data.csv", "data.parquet" })
            {
                File.WriteAllText(Path.Combine(dir, "claims.json"), $$"""
                    { "schema": "rwestats-claims/1", "analysis": "{{file}}.json", "claims": [
                      { "id": "p2", "outcome": "y", "statistic": "p_value", "contrast": "V2 - V0", "reported": "{{P("V2 - V0")}}" } ] }
                    """);
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                int code = RweStats.Cli.Cli.Run(["verify", Path.Combine(dir, "claims.json"), "--out", Path.Combine(dir, "out-" + file)], stdout, stderr);
                Assert.True(code == 0, stderr.ToString());
                verdicts.Add(File.ReadAllText(Path.Combine(dir, "out-" + file, "verify.json")).Replace(file, "DATA"));
            }
            Assert.Contains("\"reproduced\"", verdicts[0]);
            // The same verdicts and reproducing specifications (the run time aside).
            static string WithoutSeconds(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"seconds\": [^,]+,", "");
            Assert.Equal(WithoutSeconds(verdicts[0]), WithoutSeconds(verdicts[1]));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void BelimumabVerifyRunsAndFindsThePrednisoneSpecification()
    {
        var claims = ClaimsFile.Load(RepoPaths.Data("belimumab_claims.json"));
        var report = SpecificationSearch.Run(claims, AnalysisSpecReader.Load(claims.AnalysisSpecPath));
        // nlme::lme(dose ~ visit, random = ~1|patient, corAR1) with the two patients without corticosteroids at 0 mg/day.
        var nlmeLike = new Specification("excluded-as-zero", "ar1", true, EstimationMethod.Reml, DfMethod.BetweenWithin);
        foreach (var id in new[] { "pred_M6_p", "pred_M12_p" })
            Assert.Contains(report.ModelClaims.Single(m => m.Claim.Id == id).Reproducing, r => r.Specification == nlmeLike);
        Assert.Empty(report.ModelClaims.Single(m => m.Claim.Id == "sledai_M12_p").Reproducing);
        // The documentation's count of models and specifications (docs/csharp.md) is the one the search reports.
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "csharp.md"));
        var m = System.Text.RegularExpressions.Regex.Match(readme, @"fits (\d+) models for its (\d+) specifications");
        Assert.True(m.Success, "docs/csharp.md states how many models verify fits");
        Assert.Equal((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)), (report.ModelsFitted, report.Fits));
    }

    /// <summary>The search reads every claim of a model under one df method from tables computed once: the values are
    /// those of each claim read on its own, under every df method and both LS-means weightings.</summary>
    [Fact]
    public void ClaimsReadTogetherGiveTheValuesOfEachReadAlone()
    {
        var claims = ClaimsFile.Load(RepoPaths.Data("belimumab_claims.json"));
        var spec = AnalysisSpecReader.Load(claims.AnalysisSpecPath);
        var study = StudyAnalysis.Run(spec);
        foreach (var outcome in study.Outcomes.Where(o => claims.Claims.Any(c => c.IsModelClaim && c.Outcome == o.Outcome.Name)))
        {
            var modelClaims = claims.Claims.Where(c => c.IsModelClaim && c.Outcome == outcome.Outcome.Name).ToList();
            foreach (var df in SpecificationSearch.DfMethods)
                foreach (var weights in new LsMeansWeights?[] { null, LsMeansWeights.Equal, LsMeansWeights.Observed })
                {
                    var together = ModelClaimValue.Of(modelClaims, outcome.Model!, df, weights);
                    Assert.NotEmpty(together);
                    foreach (var claim in modelClaims)
                        Assert.Equal(ModelClaimValue.Of(claim, outcome.Model!, df, weights), together.TryGetValue(claim.Id, out var v) ? v : null);
                }
        }
    }

    /// <summary>The outcomes of a spec are fitted side by side: each result is the one its outcome gives analysed on its
    /// own, in the spec's order, and the progress lines come in that order.</summary>
    [Fact]
    public void OutcomesAnalysedSideBySideGiveTheResultsOfEachAlone()
    {
        var spec = AnalysisSpecReader.Load(RepoPaths.Data("belimumab.json"));
        var progress = new System.Text.StringBuilder();
        var study = StudyAnalysis.Run(spec, text => progress.Append(text));
        Assert.Equal(spec.Outcomes.Select(o => o.Name), study.Outcomes.Select(o => o.Outcome.Name));
        var lines = progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(spec.Outcomes.Select((o, i) => $"[{i + 1}/{spec.Outcomes.Count}] {o.Name}: "), lines.Select(l => l[..(l.IndexOf(": ", StringComparison.Ordinal) + 2)]));
        var tables = new Dictionary<string, Data.DataTable>();
        foreach (var (outcome, analysed) in spec.Outcomes.Zip(study.Outcomes))
        {
            var alone = StudyAnalysis.AnalyseOutcome(spec, outcome, StudyAnalysis.LoadOutcomeTable(spec, outcome, tables), new List<string>()).Fit!;
            Assert.Equal(alone.FitStatistics.Neg2LogLikelihood, analysed.Fit!.FitStatistics.Neg2LogLikelihood);
            Assert.Equal(alone.VisitContrasts.Select(c => (c.Result.Estimate, c.Result.StdError, c.Result.PValue)),
                         analysed.Fit.VisitContrasts.Select(c => (c.Result.Estimate, c.Result.StdError, c.Result.PValue)));
        }
    }
}
