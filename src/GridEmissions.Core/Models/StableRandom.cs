using System.Text;

namespace GridEmissions.Core.Models;

/// <summary>
/// Deterministic pseudo-random numbers keyed by (seed, name): the same scenario seed and
/// facility/cell id always give the same draw, in any process, on any machine.
/// </summary>
public static class StableRandom
{
    /// <summary>A uniform draw in [0, 1) for the key.</summary>
    public static double Uniform(int seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ulong h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        // SplitMix64 finaliser for good low bits.
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
