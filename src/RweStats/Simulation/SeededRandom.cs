namespace RweStats.Simulation;

/// <summary>
/// A small seeded generator (SplitMix64, Steele, Lea &amp; Flood 2014) with normal deviates by Box–Muller:
/// the same seed gives the same numbers on every machine and .NET version, which System.Random does not promise.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    ulong state = seed;
    double? spare;

    /// <summary>The next 64 random bits (SplitMix64).</summary>
    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on (0, 1).</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A uniform deviate on (low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A normal deviate (Box–Muller).</summary>
    public double Normal(double mean = 0, double sd = 1)
    {
        if (spare is { } s) { spare = null; return mean + sd * s; }
        double u = NextDouble(), v = NextDouble();
        double r = Math.Sqrt(-2 * Math.Log(u));
        spare = r * Math.Sin(2 * Math.PI * v);
        return mean + sd * r * Math.Cos(2 * Math.PI * v);
    }
}
