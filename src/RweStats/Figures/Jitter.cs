namespace RweStats.Figures;

/// <summary>
/// Deterministic jitter: a subject's horizontal offset is a hash of the seed and the subject id, so it is the same
/// at every visit (trajectory lines stay parallel to the points), independent of subject order, and the same on
/// every machine and .NET version (string.GetHashCode is randomised per process, System.Random's sequence is not
/// a documented contract). FNV-1a over the UTF-16 code units, then SplitMix64's finaliser (Steele et al. 2014).
/// </summary>
internal static class Jitter
{
    /// <summary>A number in [0, 1) that depends only on the seed and the key.</summary>
    public static double Uniform(int seed, string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (var ch in key)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        ulong z = h + 0x9E3779B97F4A7C15UL * (ulong)(uint)seed;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
