using System.Collections.Concurrent;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>
/// RweStats against R (nlme 3.1-162, REML) on 50 seeded random longitudinal datasets per covariance
/// structure (8–60 subjects, 3–4 visits, ~15 % of y missing by dropout and intermittently), generated and fitted
/// by tests/fixtures/r/random/make_random_fixtures.R (data in tests/fixtures/r/random/data, R's values in
/// tests/fixtures/r/random/&lt;structure&gt;.csv). One case per structure × dataset.
///
/// Tolerances, and why they need not be looser: the script refits every model with nlminb's tolerances
/// tightened (rel.tol = x.tol = 1e-12 instead of 1e-10 / 1.5e-8) and records how far R's default fit moves
/// (r_precision rows; maxima in each fixture's '#' header). On the scales compared here the default fits move
/// at most 1.1e-5 (estimates, SEs: un; covariance parameters: 2.4e-5, un/csh) and 4e-8 in −2LL, apart from the
/// ar1_ri boundary case listed below. So
///   −2LL            |ours − R| ≤ max(1e-4, 1e-7 |R|)   (observed ≤ 9e-8 outside the known differences)
///   fixed effects   |ours − R| ≤ 1e-4 · max(|R|, R's SE)   (an estimate of ~0 is judged against its SE;
///                   observed ≤ 1.2e-5)
///   standard errors |ours − R| ≤ 1e-4 · R                  (observed ≤ 1.1e-5)
///   covariance par. |ours − R| ≤ 1e-3 · max(|R|, 1e-3), except UN(i,j), i ≠ j, judged against
///                   sqrt(UN(i,i) UN(j,j)) as a covariance near 0 is only determined relative to the SDs
///                   (observed ≤ 6e-5).
/// sp_exp dataset 43 used to converge to the independence plateau of the range profile (R's −2LL 0.81 lower); the
/// spatial start is now the best of a grid of ranges (MixedModelFitter.ProfileSpatialStart) and it matches R.
/// Where we and R disagree beyond these, the case is in <see cref="KnownDifferences"/> with the evidence, and
/// the test asserts the documented relation instead (so it fails if the difference disappears).
/// Checked when the fixtures were made: outside that list our −2LL is never more than 3e-10 above R's tight
/// refit (and up to 5e-8 below it, where nlme stops short), and for sp_exp a grid over θ in [0.05, 200] finds no
/// lower REML profile than R's optimum on any dataset.
/// </summary>
[LongRunning(54)]
public class RandomDatasetTests
{
    const int DatasetsPerStructure = 50;

    enum Difference
    {
        /// <summary>Our random-intercept variance is 0 on the boundary; nlme (log-SD scale) cannot reach 0 and stops at
        /// a tiny positive value with a higher −2LL. Everything else is compared as usual.</summary>
        InterceptOnBoundary,
        /// <summary>We converge to a worse stationary point than R (R's −2LL is lower): only that relation is asserted.</summary>
        OursAtWorseOptimum,
    }

    /// <summary>Cases where RweStats and R disagree beyond the tolerances, with the evidence.</summary>
    static readonly Dictionary<(string Structure, int Dataset), (Difference Kind, string Evidence)> KnownDifferences = new()
    {
        [("ar1_ri", 13)] = (Difference.InterceptOnBoundary,
            "ours: Intercept = 0 (on boundary), −2LL 312.2360455426; R: Intercept = 5.24e-6 (Residual 2.449), −2LL " +
            "312.2360455887, R's tight refit 312.2360455493: still above ours; the lower −2LL (ours) wins."),
    };

    /// <summary>Fixture name → (our --covariance code, random intercept, formula).</summary>
    static readonly Dictionary<string, (string Covariance, bool RandomIntercept, string Formula)> Structures = new()
    {
        ["vc_ri"] = ("vc", true, "y ~ visit*arm + x"),
        ["ar1_ri"] = ("ar1", true, "y ~ visit + arm + x"),
        ["cs"] = ("cs", false, "y ~ visit*arm + x"),
        ["ar1"] = ("ar1", false, "y ~ visit*arm + x"),
        ["un"] = ("un", false, "y ~ visit*arm + x"),
        ["csh"] = ("csh", false, "y ~ visit*arm + x"),
        ["arh1"] = ("arh1", false, "y ~ visit*arm + x"),
        ["sp_exp"] = ("sp-exp", false, "y ~ visit*arm + x"),
    };

    static readonly ConcurrentDictionary<string, RFixture> Fixtures = new();
    static RFixture Fixture(string structure) => Fixtures.GetOrAdd(structure, s => RFixture.Load(Path.Combine("random", s + ".csv")));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var s in Structures.Keys)
            for (int k = 1; k <= DatasetsPerStructure; k++) data.Add(s, k);
        return data;
    }

    internal static MixedModelResult FitDataset(string structure, int k, int visits)
    {
        var (covariance, ri, formula) = Structures[structure];
        var table = CsvTableReader.Read(RepoPaths.Fixture("r", "random", "data", $"{structure}_{k}.csv"));
        return MixedModelFitter.Fit(table, new MixedModelSpec
        {
            Formula = formula, Subject = "id", Time = "visit",
            TimeOrder = Enumerable.Range(1, visits).Select(v => $"V{v}").ToArray(),
            Covariance = covariance, RandomIntercept = ri,
            TimeValue = covariance == "sp-exp" ? "time" : null,
            References = new Dictionary<string, string> { ["arm"] = "A", ["visit"] = "V1" },
            Df = DfMethod.Residual,
        });
    }

    /// <summary>Our fixed effect for an R coefficient name: (Intercept), x, visitV2, armB, visitV2:armB.</summary>
    internal static FixedEffectEstimate OurTerm(MixedModelResult result, string rTerm)
    {
        if (rTerm == "(Intercept)") return result.FixedEffects.Single(f => f.Term == "Intercept");
        if (rTerm == "x") return result.FixedEffects.Single(f => f.Term == "x");
        var levels = rTerm.Split(':').ToDictionary(
            p => p.StartsWith("visit") ? "visit" : p.StartsWith("arm") ? "arm" : throw new ArgumentException(rTerm),
            p => p.StartsWith("visit") ? p["visit".Length..] : p["arm".Length..]);
        return result.FixedEffects.Single(f =>
            f.Effect.Split('*').OrderBy(v => v).SequenceEqual(levels.Keys.OrderBy(v => v)) &&
            f.Levels.Count == levels.Count && levels.All(l => f.Levels.TryGetValue(l.Key, out var ours) && ours == l.Value));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReproducesNlme(string structure, int dataset)
    {
        var r = Fixture(structure);
        string ds = dataset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = FitDataset(structure, dataset, (int)r[ds, "n_visits"]);
        Assert.True(result.Convergence.Converged);
        Assert.Equal((int)r[ds, "n_obs"], result.ObservationsUsed);
        Assert.Equal((int)r[ds, "n_subjects"], result.SubjectsWithData);

        double rNeg2 = r[ds, "neg2_log_likelihood"], ours = result.FitStatistics.Neg2LogLikelihood;
        bool known = KnownDifferences.TryGetValue((structure, dataset), out var difference);
        if (known && difference.Kind == Difference.OursAtWorseOptimum)
        {
            Assert.True(rNeg2 < ours - 0.1,
                $"known difference no longer reproduces (ours −2LL {ours:R}, R {rNeg2:R}): remove {structure} {dataset} from KnownDifferences");
            return;
        }

        Assert.True(Math.Abs(ours - rNeg2) <= Math.Max(1e-4, 1e-7 * Math.Abs(rNeg2)), $"-2LL: ours {ours:R} vs R {rNeg2:R}");

        foreach (var term in r.Terms(ds, "estimate"))
        {
            var f = OurTerm(result, term);
            Assert.False(f.Aliased, $"{term} aliased");
            double se = r[ds, "std_error", term];
            Within(r[ds, "estimate", term], f.Result!.Estimate, 1e-4, Math.Max(Math.Abs(r[ds, "estimate", term]), se), $"{term} estimate");
            Within(se, f.Result.StdError, 1e-4, se, $"{term} SE");
        }

        var rCov = r.Terms(ds, "cov_param").ToDictionary(t => t, t => r[ds, "cov_param", t]);
        Assert.Equal(rCov.Keys.OrderBy(n => n), result.CovarianceParameters.Select(c => c.Name).OrderBy(n => n));
        foreach (var (name, value) in rCov)
        {
            var c = result.CovarianceParameters.Single(p => p.Name == name);
            if (known && difference.Kind == Difference.InterceptOnBoundary && name == "Intercept")
            {
                Assert.True(c.Estimate == 0 && c.OnBoundary, $"known boundary case: ours Intercept {c.Estimate:R}");
                Assert.True(value > 0 && value < 1e-3 * rCov["Residual"], $"R Intercept {value:R}");
                Assert.True(ours < rNeg2, $"boundary case: ours −2LL {ours:R} should be below R's {rNeg2:R}");
                continue;
            }
            Within(value, c.Estimate, 1e-3, CovarianceScale(name, value, rCov), $"cov {name}");
        }
    }

    /// <summary>max(|v|, 1e-3), or for an UN covariance UN(i,j), i ≠ j, sqrt(UN(i,i) UN(j,j)).</summary>
    static double CovarianceScale(string name, double value, IReadOnlyDictionary<string, double> all)
    {
        var m = System.Text.RegularExpressions.Regex.Match(name, @"^UN\((\d+),(\d+)\)$");
        if (m.Success && m.Groups[1].Value != m.Groups[2].Value)
            return Math.Sqrt(all[$"UN({m.Groups[1].Value},{m.Groups[1].Value})"] * all[$"UN({m.Groups[2].Value},{m.Groups[2].Value})"]);
        return Math.Max(Math.Abs(value), 1e-3);
    }

    static void Within(double expected, double actual, double relTol, double scale, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relTol * scale,
            $"{what}: ours {actual:R} vs R {expected:R} (tolerance {relTol} × {scale:G4})");
}
