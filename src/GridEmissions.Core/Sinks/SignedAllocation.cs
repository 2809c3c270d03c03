using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Sinks;

/// <summary>
/// Puts exactly a signed sector's target (≤ 0) on the grid: the harmoniser allocates its magnitude
/// by the (non-negative) weights and the cells are negated, so every cell is ≤ 0 and they sum to
/// the target; a positive target is refused.
/// </summary>
public static class SignedAllocation
{
    /// <summary>Writes the sink into <paramref name="cells"/> (each ≤ 0, summing to <paramref name="targetTonnes"/>).</summary>
    public static AllocationOutcome Allocate(AllocationKey key, double targetTonnes, ReadOnlySpan<double> weights, Span<double> cells)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!double.IsFinite(targetTonnes) || targetTonnes > 0)
        {
            throw new AllocationException($"Target for the sink sector {key} is {targetTonnes} t: a sink or removal target must be finite and zero or negative.");
        }

        AllocationOutcome magnitude = Harmonizer.Allocate(key, -targetTonnes, weights, cells);
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = cells[i] == 0 ? 0 : -cells[i];
        }

        return new AllocationOutcome(key, targetTonnes, -magnitude.AllocatedTonnes, magnitude.CellsUsed);
    }
}
