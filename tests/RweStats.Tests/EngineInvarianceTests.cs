using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests;

/// <summary>Properties the engine must have whatever the data: estimable results do not depend on coding or on the computing path.</summary>
public class EngineInvarianceTests
{
    static readonly Lazy<DataTable> Fev = new(() => CsvTableReader.Read(RepoPaths.Data("fev_data.csv")));

    static MixedModelSpec FevSpec(string covariance, bool ri = false) => new()
    {
        Formula = "FEV1 ~ ARMCD*AVISIT + RACE + FEV1_BL", Subject = "USUBJID", Time = "AVISIT",
        TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" }, Covariance = covariance, RandomIntercept = ri,
        LsMeans = new[] { "ARMCD*AVISIT" },
    };

    [Theory]
    [InlineData("un", false)]
    [InlineData("ar1", true)]
    [InlineData("toeph", false)]
    [InlineData("ante1", false)]
    [InlineData("sp-pow", true)]
    public void PatternPathEqualsPerSubjectPath(string covariance, bool ri)
    {
        var spec = FevSpec(covariance, ri) with { TimeValue = "VISITN" };
        AssertPatternPathEqualsPerSubjectPath(Fev.Value, spec);
    }

    /// <summary>
    /// Fits of several structures to one table that share their searches of contained structures (as the
    /// specification search does) give the same bits as fits that make their own: the searches depend on the data only.
    /// </summary>
    [Fact]
    public void SharedContainedSearchesGiveTheSameFits()
    {
        var shared = new OptimumSearch.StartCache();
        foreach (var covariance in new[] { "csh", "un", "arh1", "un" }) // the second UN fit reads the first one's searches
        {
            var own = MixedModelFitter.Fit(Fev.Value, FevSpec(covariance));
            var withShared = MixedModelFitter.Fit(Fev.Value, FevSpec(covariance) with { SharedStarts = shared });
            Assert.Equal(own.FitStatistics.Neg2LogLikelihood, withShared.FitStatistics.Neg2LogLikelihood);
            Assert.Equal(own.Convergence.StartsTried, withShared.Convergence.StartsTried);
            Assert.Equal(own.CovarianceParameters.Select(p => p.Estimate), withShared.CovarianceParameters.Select(p => p.Estimate));
            Assert.Equal(own.FixedEffects.Select(f => f.Result?.Estimate), withShared.FixedEffects.Select(f => f.Result?.Estimate));
        }
    }

    /// <summary>The same fit through the pattern sums and through one pattern per subject: -2LL, estimates and df.</summary>
    static void AssertPatternPathEqualsPerSubjectPath(DataTable table, MixedModelSpec spec)
    {
        var a = MixedModelFitter.Fit(table, spec);
        var b = MixedModelFitter.Fit(table, spec, perSubjectPatterns: true);
        Assert.Equal(a.FitStatistics.Neg2LogLikelihood, b.FitStatistics.Neg2LogLikelihood, 1e-8);
        foreach (var (x, y) in a.FixedEffects.Zip(b.FixedEffects).Where(z => z.First.Result is not null))
        {
            Assert.Equal(x.Result!.Estimate, y.Result!.Estimate, 1e-8);
            Assert.Equal(x.Result.Df, y.Result.Df, 1e-6);
        }
    }

    [Fact]
    public void PatternSumsWithManyRowSignaturesEqualThePerSubjectPath()
    {
        // A class covariate that changes from row to row (30 levels) gives nearly every subject its own signature of
        // non-zero columns: the pattern sums then mix sufficient statistics (the first signatures) and direct sums.
        var rng = new Simulation.SeededRandom(17);
        var text = new System.Text.StringBuilder("id,visit,site,base,y\n");
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        for (int s = 0; s < 600; s++)
        {
            double b = rng.Normal(50, 10), u = rng.Normal(0, 2);
            for (int v = 1; v <= 4; v++)
            {
                int site = (int)(rng.NextDouble() * 30);
                text.Append(s).Append(",V").Append(v).Append(",S").Append(site).Append(',').Append(b.ToString("R", inv)).Append(',')
                    .Append((10 + v + 0.1 * site + 0.2 * b + u + rng.Normal(0, 1)).ToString("R", inv)).Append('\n');
            }
        }
        var table = CsvTableReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), "sites.csv", CsvDialect.Default);
        var spec = new MixedModelSpec { Formula = "y ~ visit + site + base", Subject = "id", Time = "visit", Covariance = "un" };
        AssertPatternPathEqualsPerSubjectPath(table, spec);
    }

    [Fact]
    public async Task ResultsAreTheSameBitsWhateverTheThreadCount()
    {
        // Parallel work (CSV chunks, pattern sums in chunks of subjects) is cut the same way whatever the number of
        // threads, and partial sums are added in chunk order: one thread and all threads must give the same bits.
        var text = new StringWriter();
        Simulation.MmrmCohortSimulator.Write(text, 6000, 6, 5);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" };
        MixedModelResult Run() =>
            MixedModelFitter.Fit(CsvTableReader.Read(new MemoryStream(bytes), "sim.csv", CsvDialect.Default, plainReader: true, chunkBytes: 1 << 14), spec);
        var allThreads = Run();
        // Parallel.For schedules on TaskScheduler.Current: inside a task on a one-thread scheduler it runs on one thread.
        var oneThread = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, 1).ConcurrentScheduler;
        var single = await Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.None, oneThread);
        Assert.Equal(BitConverter.DoubleToInt64Bits(allThreads.FitStatistics.Neg2LogLikelihood), BitConverter.DoubleToInt64Bits(single.FitStatistics.Neg2LogLikelihood));
        foreach (var (x, y) in allThreads.CovarianceParameters.Zip(single.CovarianceParameters))
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.Estimate), BitConverter.DoubleToInt64Bits(y.Estimate));
        foreach (var (x, y) in allThreads.FixedEffects.Zip(single.FixedEffects).Where(z => z.First.Result is not null))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.Result!.Estimate), BitConverter.DoubleToInt64Bits(y.Result!.Estimate));
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.Result.Df), BitConverter.DoubleToInt64Bits(y.Result.Df));
        }
    }

    [Fact]
    public void PerSubjectPathDoesNotAllocatePerSubject()
    {
        // Spatial structures on subject-specific times make every subject its own pattern: the evaluation's
        // per-pattern work runs in reused workspaces. Allocation (not time) is counted, at two cohort sizes, so
        // the fixed per-evaluation arrays cancel out.
        long AllocatedPerEvaluation(int subjects)
        {
            var text = new StringWriter();
            Simulation.MmrmCohortSimulator.Write(text, subjects, 6, 3);
            var table = CsvTableReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), "sim.csv", CsvDialect.Default);
            var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = "un" };
            var frame = ModelFrame.Build(table, spec, needTimeValues: false);
            var design = new FixedEffectsDesign(frame);
            var cov = new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create("un", 6), false);
            var objective = new LikelihoodObjective(cov, CovariancePattern.Build(frame, design, false, perSubject: true), design.Rank, frame.ObservationsUsed, EstimationMethod.Reml);
            var theta = MixedModelFitter.Fit(table, spec).CovarianceParameters.Select(c => c.Estimate).ToArray();
            objective.Evaluate(theta, 2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            objective.Evaluate(theta, 2);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long small = AllocatedPerEvaluation(200), large = AllocatedPerEvaluation(1200);
        Assert.True((large - small) / 1000.0 < 64, $"{(large - small) / 1000.0:F0} bytes per subject per evaluation");
    }

    [Fact]
    public void ReferenceLevelsDoNotChangeEstimableResults()
    {
        var a = MixedModelFitter.Fit(Fev.Value, FevSpec("un"));
        var b = MixedModelFitter.Fit(Fev.Value, FevSpec("un") with
        {
            References = new Dictionary<string, string> { ["ARMCD"] = "TRT", ["RACE"] = "White", ["AVISIT"] = "VIS3" },
        });
        Assert.Equal(a.FitStatistics.Neg2LogLikelihood, b.FitStatistics.Neg2LogLikelihood, 1e-6);
        foreach (var (x, y) in a.CovarianceParameters.Zip(b.CovarianceParameters)) Assert.Equal(x.Estimate, y.Estimate, 1e-4);
        foreach (var x in a.LsMeans)
        {
            var y = b.LsMeans.Single(l => l.Effect == x.Effect && l.Levels.SequenceEqual(x.Levels));
            Assert.Equal(x.Result!.Estimate, y.Result!.Estimate, 1e-6);
            Assert.Equal(x.Result.StdError, y.Result.StdError, 1e-6);
            Assert.Equal(x.Result.Df, y.Result.Df, 1e-3);
        }
        foreach (var x in a.Type3Tests)
        {
            var y = b.Type3Tests.Single(t => t.Effect == x.Effect);
            Assert.Equal(x.FValue, y.FValue, 1e-6);
            // Multi-df Satterthwaite df depend on the hypothesis basis (level − reference), as in SAS.
            if (x.NumDf == 1) Assert.Equal(x.DenDf, y.DenDf, 1e-3);
        }
    }

    [Fact]
    public void GradientIsZeroAndHessianMatchesFiniteDifferences()
    {
        // The analytic derivatives are checked against central differences of the objective itself.
        var frame = ModelFrame.Build(Fev.Value, FevSpec("arh1", ri: true), needTimeValues: false);
        var design = new FixedEffectsDesign(frame);
        var cov = new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create("arh1", 4), true);
        var objective = new LikelihoodObjective(cov, CovariancePattern.Build(frame, design, false), design.Rank, frame.ObservationsUsed, EstimationMethod.Reml);
        var theta = new[] { 5.0, 30, 25, 20, 60, 0.4 };
        // Every other structure, with and without a random intercept: StructureDerivativeTests.
        StructureDerivativeTests.AssertObjectiveDerivatives(objective, theta);
    }

    [Theory]
    [InlineData("un", false)]
    [InlineData("ar1", true)]
    public void PatternsPreparedSideBySideGiveTheSameBits(string covariance, bool ri)
    {
        // A large fit prepares its patterns side by side in batches and adds their sums in pattern order
        // (LikelihoodObjective.Totals and the Hessian's second pass): the value, gradient, Hessian, β̂ and C must be the
        // same bits as one pattern after the other, on all threads and on one.
        var (table, spec, frame, design, patterns) = SimulatedCohort(covariance, ri);
        Assert.True(patterns.Count > 16, $"{patterns.Count} patterns: too few to fill the batches");
        var cov = new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create(covariance, 6), ri);
        LikelihoodObjective Objective(bool sideBySide) =>
            new(cov, patterns, design.Rank, frame.ObservationsUsed, EstimationMethod.Reml) { SideBySide = sideBySide, Scratch = new() };
        var theta = MixedModelFitter.Fit(table, spec).CovarianceParameters.Select(c => c.Estimate).Select(v => v * 1.1).ToArray();
        var one = Objective(false).Evaluate(theta, 2);
        var side = Objective(true);
        foreach (var other in new[] { side.Evaluate(theta, 2), side.Evaluate(theta, 2) })
            AssertSameBits(one, other);
    }

    [Theory]
    [InlineData("un", false)]
    [InlineData("arh1", true)]
    public void ProductsOverTheNonZeroColumnsGiveTheSameBits(string covariance, bool ri)
    {
        // The sandwiched pair blocks and the residual and leverage sums are formed over the columns where a visit's row
        // of Z can be non-zero when every block B_ab is B_baᵀ bit for bit (CovariancePattern.SandwichedBlocksByColumns),
        // and over whole rows otherwise. The same patterns with a −0 written over a +0 of one block (the same numbers,
        // other bits: no longer transposes of each other) take the whole rows: every number must be the same bits.
        var (table, spec, frame, design, patterns) = SimulatedCohort(covariance, ri);
        var rowWise = patterns.Select(pattern =>
        {
            if (pattern.PairBlocks is null || pattern.Size < 2) return pattern;
            var blocks = pattern.PairBlocks.Select(b => (double[])b.Clone()).ToArray();
            var lower = blocks[pattern.Size]; // B_10
            int zero = Array.IndexOf(lower, 0.0);
            Assert.True(zero >= 0);
            lower[zero] = -0.0;
            return new CovariancePattern
            {
                Group = pattern.Group, Visits = pattern.Visits, Times = pattern.Times, SubjectCount = pattern.SubjectCount,
                PairBlocks = blocks, Width = pattern.Width,
            };
        }).ToList();
        Assert.Contains(patterns, pattern => pattern.PairBlocks is not null && pattern.Size == 6);
        var cov = new Covariance.CovarianceModel(Covariance.CovarianceStructure.Create(covariance, 6), ri);
        var theta = MixedModelFitter.Fit(table, spec).CovarianceParameters.Select(c => c.Estimate).Select(v => v * 1.1).ToArray();
        LikelihoodEvaluation Evaluate(IReadOnlyList<CovariancePattern> of) =>
            new LikelihoodObjective(cov, of, design.Rank, frame.ObservationsUsed, EstimationMethod.Reml) { SideBySide = false, Scratch = new() }.Evaluate(theta, 2);
        var (byColumns, byRows) = (Evaluate(patterns), Evaluate(rowWise));
        AssertSameBits(byRows, byColumns);
    }

    // The simulated cohort of the same-bits tests: 3 000 subjects, 6 visits, enough missing-visit patterns to fill the
    // likelihood's batches.
    static (DataTable Table, MixedModelSpec Spec, ModelFrame Frame, FixedEffectsDesign Design, IReadOnlyList<CovariancePattern> Patterns) SimulatedCohort(string covariance, bool ri)
    {
        var text = new StringWriter();
        Simulation.MmrmCohortSimulator.Write(text, 3000, 6, 11);
        var table = CsvTableReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), "sim.csv", CsvDialect.Default);
        var spec = new MixedModelSpec { Formula = "y ~ arm*visit + base", Subject = "id", Time = "visit", Covariance = covariance, RandomIntercept = ri };
        var frame = ModelFrame.Build(table, spec, needTimeValues: false);
        var design = new FixedEffectsDesign(frame);
        return (table, spec, frame, design, CovariancePattern.Build(frame, design, false));
    }

    // Value, gradient, both Hessians, β̂ and C: every number the same bits.
    static void AssertSameBits(LikelihoodEvaluation expected, LikelihoodEvaluation actual)
    {
        static IEnumerable<long> Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Value), BitConverter.DoubleToInt64Bits(actual.Value));
        Assert.Equal(Bits(expected.Gradient!), Bits(actual.Gradient!));
        Assert.Equal(Bits(expected.Hessian!.ToColumnMajorArray()), Bits(actual.Hessian!.ToColumnMajorArray()));
        Assert.Equal(Bits(expected.ExpectedHessian!.ToColumnMajorArray()), Bits(actual.ExpectedHessian!.ToColumnMajorArray()));
        Assert.Equal(Bits(expected.Beta!), Bits(actual.Beta!));
        Assert.Equal(Bits(expected.CovBeta!.ToColumnMajorArray()), Bits(actual.CovBeta!.ToColumnMajorArray()));
    }
}
