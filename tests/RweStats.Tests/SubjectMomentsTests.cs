using RweStats.Data.Streaming;
using RweStats.Estimation;
using Xunit;

namespace RweStats.Tests;

/// <summary>
/// The folded sums of a signature (a covariate constant within a subject added once per subject instead of at every
/// visit) give the same bits as every subject's full vector added: compared entry by entry on random data, with
/// subjects whose covariates are constant, vary, or vary only at visits without an outcome.
/// </summary>
public class SubjectMomentsTests
{
    static void AssertSameBits(SubjectMoments expected, SubjectMoments actual)
    {
        Assert.Equal(expected.Subjects, actual.Subjects);
        Assert.Equal(expected.Sums.Select(BitConverter.DoubleToInt64Bits), actual.Sums.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Products.Select(BitConverter.DoubleToInt64Bits), actual.Products.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(0)]   // folded until read
    [InlineData(7)]   // a subject without the repeats after seven with them
    [InlineData(-1)]  // never folded
    public void Folded_sums_are_the_full_sums_bit_for_bit(int unfoldAfter)
    {
        // v = [y1, b, x1, y2, b, x2, y3, b, x3] with b constant per subject; u = [y1, x1, y2, x2, y3, x3, b].
        const int visits = 3;
        var fold = new int[visits * 3];
        for (int a = 0; a < visits; a++) (fold[a * 3], fold[a * 3 + 1], fold[a * 3 + 2]) = (a * 2, visits * 2, a * 2 + 1);
        var random = new Random(20261207);
        double Value() => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 4));
        var full = new SubjectMoments(visits * 3);
        var folded = new SubjectMoments(visits * 3, unfoldAfter < 0 ? null : fold, visits * 2 + 1);
        for (int i = 0; i < 40; i++)
        {
            double b = Value();
            var v = new double[visits * 3];
            for (int a = 0; a < visits; a++) (v[a * 3], v[a * 3 + 1], v[a * 3 + 2]) = (Value(), b, Value());
            bool repeats = unfoldAfter <= 0 || i < unfoldAfter;
            if (!repeats) v[4] = Value();
            full.Add(v);
            if (folded.IsFolded && repeats)
            {
                var u = new double[visits * 2 + 1];
                for (int e = 0; e < v.Length; e++) u[fold[e]] = v[e];
                folded.AddFolded(u);
            }
            else folded.Add(v);
        }
        Assert.Equal(unfoldAfter == 0, folded.IsFolded);
        AssertSameBits(full, folded);
    }

    /// <summary>Rows of two covariates into a chunk's signatures: a baseline constant within most subjects, a covariate
    /// that varies within some, their product, and outcomes missing at some visits (whose covariates differ).</summary>
    [Fact]
    public void A_chunk_s_signatures_equal_the_full_vectors_added()
    {
        var shape = new SubjectRowShape(0, 2, [[0], [1], [0, 1]], HasGroup: false);
        var chunk = new ChunkSums(shape, keepFirst: false, p => $"row {p}", "USUBJID", "AVISIT", null);
        var visitIds = Enumerable.Range(0, 4).Select(a => chunk.Visits.Id($"V{a}")).ToArray();
        var random = new Random(7);
        double Value() => (random.NextDouble() - 0.4) * Math.Pow(10, random.Next(-2, 3));
        var expected = new Dictionary<ulong, SubjectMoments>();
        long position = 0;
        for (int s = 0; s < 300; s++)
        {
            var subject = System.Text.Encoding.UTF8.GetBytes($"S{s:D4}");
            double baseline = Value(), other = Value();
            bool baselineVaries = s % 37 == 5, otherVaries = s % 3 == 0;
            var v = new List<double>();
            ulong mask = 0;
            for (int a = 0; a < 4; a++)
            {
                bool observed = random.Next(4) != 0;
                double y = observed ? Value() : double.NaN;
                double b = baselineVaries || !observed ? Value() : baseline, x = otherVaries || !observed ? Value() : other;
                chunk.Row(subject, position++, visitIds[a], 0, [], y, [b, x]);
                if (!observed) continue;
                mask |= 1UL << visitIds[a];
                v.AddRange([y, b, x, b * x]);
            }
            if (mask == 0) continue;
            if (!expected.TryGetValue(mask, out var moments)) expected[mask] = moments = new SubjectMoments(v.Count);
            moments.Add(v.ToArray());
        }
        chunk.Finish();
        var signatures = chunk.Signatures.ToList();
        Assert.Equal(expected.Count, signatures.Count);
        Assert.Contains(signatures, s => s.IsFolded);
        Assert.Contains(signatures, s => !s.IsFolded && s.FoldedMonomials != 0);
        foreach (var signature in signatures) AssertSameBits(expected[signature.Mask], signature);
    }
}
