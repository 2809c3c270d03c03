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
    public static AllocationOutcome Allocate(AllocationKey key, double targetTonnes, ReadOnlySpan<double> weights, Span<double> cells) =>
        Allocate(key, targetTonnes, weights, cells, out _);

    /// <summary>
    /// <see cref="Allocate(AllocationKey, double, ReadOnlySpan{double}, Span{double})"/>, also giving the census of the
    /// written cells (what <see cref="CellCensus.Of"/> of <paramref name="cells"/> gives, bit for bit: the same counts and
    /// the same compensated additions in the same order), so the audit needs no further pass over the grid. Two passes:
    /// validate and sum the weights; scale, count and sum the cells.
    /// </summary>
    public static AllocationOutcome Allocate(AllocationKey key, double targetTonnes, ReadOnlySpan<double> weights, Span<double> cells, out CellCensus census)
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

        // Blocks of zero weights are skipped (valid, and a zero term changes no compensated sum): the same bits, faster on sparse grids.
        var weightSum = default(PreciseAccumulator);
        int n = weights.Length, i = 0;
        for (; i + ZeroBlock.Width <= n; i += ZeroBlock.Width)
        {
            if (!ZeroBlock.IsZero(weights, i))
            {
                AddWeights(key, weights, i, i + ZeroBlock.Width, ref weightSum);
            }
        }

        AddWeights(key, weights, i, n, ref weightSum);

        if (targetTonnes == 0)
        {
            cells.Clear();
            census = new CellCensus(0, 0, 0, PreciseSum.Of(cells));
            return new AllocationOutcome(key, 0, 0, 0);
        }

        if (!(weightSum.Value > 0))
        {
            throw new AllocationException(
                $"Target of {targetTonnes:0.###} t for {key} has no weight to carry it: every cell's weight is zero. " +
                "Check the sector's proxies or facilities for this region and year (e.g. all units retired with no expansion site, or no corridor/population inside the region).", true);
        }

        double scale = targetTonnes / weightSum.Value;
        var sum = default(PreciseAccumulator);
        var counts = default(Counts);
        bool finiteScale = double.IsFinite(scale); // ±0 × a finite scale is ±0: a zero block scales to itself
        for (i = 0; i + ZeroBlock.Width <= n; i += ZeroBlock.Width)
        {
            if (finiteScale && ZeroBlock.IsZero(weights, i))
            {
                weights.Slice(i, ZeroBlock.Width).CopyTo(cells.Slice(i, ZeroBlock.Width));
            }
            else
            {
                Scale(weights, cells, i, i + ZeroBlock.Width, scale, ref sum, ref counts);
            }
        }

        Scale(weights, cells, i, n, scale, ref sum, ref counts);
        (int used, int positive, int negative, int nonFinite) = (counts.Used, counts.Positive, counts.Negative, counts.NonFinite);

        double allocated = sum.Value;
        census = new CellCensus(negative, positive, nonFinite, allocated);
        var outcome = new AllocationOutcome(key, targetTonnes, allocated, used);
        if (!outcome.IsConserved)
        {
            throw new AllocationException(
                $"Allocation for {key} does not conserve its target: target {targetTonnes:R} t, allocated {allocated:R} t, relative error {outcome.RelativeError:E3} > {RelativeTolerance:E0}.");
        }

        return outcome;
    }

    private static void AddWeights(AllocationKey key, ReadOnlySpan<double> weights, int from, int to, ref PreciseAccumulator weightSum)
    {
        for (int i = from; i < to; i++)
        {
            double w = weights[i];
            if (w < 0 || double.IsNaN(w) || double.IsInfinity(w))
            {
                throw new AllocationException($"Weight of cell {i} for {key} is {w}: weights must be finite and non-negative.");
            }

            weightSum.Add(w);
        }
    }

    private static void Scale(ReadOnlySpan<double> weights, Span<double> cells, int from, int to, double scale, ref PreciseAccumulator sum, ref Counts counts)
    {
        for (int i = from; i < to; i++)
        {
            double v = weights[i] * scale;
            cells[i] = v;
            sum.Add(v);
            if (!double.IsFinite(v))
            {
                counts.NonFinite++;
                if (v > 0)
                {
                    counts.Used++;
                }
            }
            else if (v < 0)
            {
                counts.Negative++;
            }
            else if (v > 0)
            {
                counts.Positive++;
                counts.Used++;
            }
        }
    }

    // Used: v > 0 (the outcome's count); Positive: finite v > 0 (the census's).
    private struct Counts
    {
        public int Used;
        public int Positive;
        public int Negative;
        public int NonFinite;
    }
}
