using MathNet.Numerics.LinearAlgebra.Double;
using RweStats.Inference;
using Xunit;

namespace RweStats.Tests;

/// <summary>
/// The Satterthwaite df take lᵀ M l in one pass instead of Math.NET's l.DotProduct(M * l): the same bits are required
/// (the fit's JSON is a contract to the last digit), on matrices of every size a model gives and on awkward values.
/// </summary>
public class SatterthwaiteQuadraticTests
{
    [Fact]
    public void QuadraticFormIsMathNetsBitForBit()
    {
        var random = new Random(20261206);
        double Draw(int kind) => kind switch
        {
            0 => random.NextDouble() * 2 - 1,
            1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 13)),
            2 => random.Next(3) == 0 ? 0.0 : -0.0,
            _ => Math.Round(random.NextDouble() * 8 - 4),
        };
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = 1 + random.Next(40), kind = trial % 4;
            var m = DenseMatrix.Create(n, n, (_, _) => Draw(kind));
            var l = DenseVector.Create(n, _ => Draw(random.Next(4)));
            double expected = l.DotProduct(m * l), actual = SatterthwaiteDf.Quadratic(m, l);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }
}
