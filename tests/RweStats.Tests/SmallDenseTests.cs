using RweStats.Estimation;
using Xunit;

namespace RweStats.Tests;

public class SmallDenseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void AllFinite_finds_a_NaN_or_an_infinity_at_any_position(int length)
    {
        var values = Enumerable.Range(0, length).Select(i => i * 1.5 - 3).ToArray();
        Assert.True(SmallDense.AllFinite(values));
        for (int at = 0; at < length; at++)
            foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var copy = (double[])values.Clone();
                copy[at] = bad;
                Assert.False(SmallDense.AllFinite(copy));
            }
        // The largest finite numbers and subnormals are finite.
        Assert.True(SmallDense.AllFinite(new[] { double.MaxValue, double.MinValue, double.Epsilon, -0.0 }));
    }

    [Fact]
    public void AllFinite_of_a_matrix_reads_every_entry()
    {
        var a = new double[3, 3];
        Assert.True(SmallDense.AllFinite(a));
        a[2, 2] = double.NaN;
        Assert.False(SmallDense.AllFinite(a));
        Assert.True(SmallDense.AllFinite(new double[0, 0]));
    }
}
