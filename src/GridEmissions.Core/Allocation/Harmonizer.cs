namespace GridEmissions.Core.Allocation;

/// <summary>
/// Puts exactly a target on the grid in proportion to non-negative weights (top-down
/// harmonisation). Conservation is law: the allocated cells sum to the target within a relative
/// 1e-9 or the allocation throws; a positive target with no weight to carry it throws, naming
/// the region, sector and year.
/// </summary>
public static class Harmonizer
{
    /// <summary>Largest relative difference between the allocated sum and the target that is accepted.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Writes target × weight / Σweight into <paramref name="cells"/> and returns what was done.
    /// </summary>
    public static AllocationOutcome Allocate(AllocationKey key, double targetTonnes, ReadOnlySpan<double> weights, Span<double> cells)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (weights.Length != cells.Length)
        {
            throw new ArgumentException($"weights ({weights.Length}) and cells ({cells.Length}) differ in length");
        }

        if (double.IsNaN(targetTonnes) || double.IsInfinity(targetTonnes) || targetTonnes < 0)
        {
            throw new AllocationException($"Target for {key} is {targetTonnes} t: a target must be a finite, non-negative number.");
        }

        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (w < 0 || double.IsNaN(w) || double.IsInfinity(w))
            {
                throw new AllocationException($"Weight of cell {i} for {key} is {w}: weights must be finite and non-negative.");
            }
        }

        if (targetTonnes == 0)
        {
            cells.Clear();
            return new AllocationOutcome(key, 0, 0, 0);
        }

        double weightSum = PreciseSum.Of(weights);
        if (!(weightSum > 0))
        {
            throw new AllocationException(
                $"Target of {targetTonnes:0.###} t for {key} has no weight to carry it: every cell's weight is zero. " +
                "Check the sector's proxies or facilities for this region and year (e.g. all units retired with no expansion site, or no corridor/population inside the region).", true);
        }

        double scale = targetTonnes / weightSum;
        int used = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double v = weights[i] * scale;
            cells[i] = v;
            if (v > 0)
            {
                used++;
            }
        }

        double allocated = PreciseSum.Of(cells);
        var outcome = new AllocationOutcome(key, targetTonnes, allocated, used);
        if (!outcome.IsConserved)
        {
            throw new AllocationException(
                $"Allocation for {key} does not conserve its target: target {targetTonnes:R} t, allocated {allocated:R} t, relative error {outcome.RelativeError:E3} > {RelativeTolerance:E0}.");
        }

        return outcome;
    }
}
