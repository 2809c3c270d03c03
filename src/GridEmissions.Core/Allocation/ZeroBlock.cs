using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GridEmissions.Core.Allocation;

/// <summary>
/// Blocks of eight cells that are all zero (+0 or −0), found with two vector compares. Grids are
/// mostly zero outside the region and for point and line sectors, and adding ±0 to a
/// <see cref="PreciseAccumulator"/> leaves its state exactly as it was (its sum and compensation are
/// never −0 in round-to-nearest), so loops may skip such blocks and keep every bit.
/// </summary>
public static class ZeroBlock
{
    /// <summary>Cells in a block.</summary>
    public const int Width = 8;

    private static readonly Vector256<ulong> Magnitude = Vector256.Create(0x7FFF_FFFF_FFFF_FFFFUL);

    /// <summary>True when values[start .. start + <see cref="Width"/>) are all ±0 (the caller keeps start + Width ≤ length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(ReadOnlySpan<double> values, int start)
    {
        ref double first = ref Unsafe.Add(ref MemoryMarshal.GetReference(values.Slice(start, Width)), 0);
        Vector256<ulong> a = Vector256.LoadUnsafe(ref first).AsUInt64();
        Vector256<ulong> b = Vector256.LoadUnsafe(ref first, 4).AsUInt64();
        return ((a | b) & Magnitude) == Vector256<ulong>.Zero;
    }
}
