using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>
/// Concentration of emissions in cells. The population is every cell of the study region
/// (all grid cells without a mask), zeros included, so shares and the Gini compare regions of
/// the same extent across years and sectors instead of changing with the number of emitting cells.
/// Values must be finite and non-negative.
/// </summary>
public static class Concentration
{
    /// <summary>Top cells, top 1 % and 10 % shares and Gini of one grid.</summary>
    /// <param name="grid">The grid (for cell ids).</param>
    /// <param name="values">t CO2/yr per cell, row-major.</param>
    /// <param name="topCount">How many top cells to list.</param>
    /// <param name="regionMask">Which cells are in the region; empty for all.</param>
    public static ConcentrationResult Compute(GridSpec grid, ReadOnlySpan<double> values, int topCount = 10, ReadOnlySpan<bool> regionMask = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegative(topCount);
        if (values.Length != grid.CellCount || (!regionMask.IsEmpty && regionMask.Length != grid.CellCount))
        {
            throw new ArgumentException($"values ({values.Length}) and mask ({regionMask.Length}) must match grid '{grid.Name}' ({grid.CellCount} cells)", nameof(values));
        }

        var cells = new List<int>(grid.CellCount);
        for (int i = 0; i < values.Length; i++)
        {
            if (regionMask.IsEmpty || regionMask[i])
            {
                if (!double.IsFinite(values[i]) || values[i] < 0)
                {
                    throw new ArgumentException($"cell {grid.CellId(i)} (index {i}) holds {values[i]}; values must be finite and non-negative", nameof(values));
                }

                cells.Add(i);
            }
        }

        // descending value, ties by lowest index
        var order = cells.ToArray();
        var keys = new double[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            keys[k] = values[order[k]];
        }

        Array.Sort(keys, order, Comparer<double>.Create((a, b) => b.CompareTo(a)));
        SortTiesByIndex(keys, order);

        int n = order.Length;
        double total = PreciseSum.Of(keys);
        int top1 = (int)Math.Ceiling(0.01 * n), top10 = (int)Math.Ceiling(0.10 * n);
        var top = new TopCell[Math.Min(topCount, n)];
        for (int k = 0; k < top.Length; k++)
        {
            top[k] = new TopCell(order[k], grid.CellId(order[k]), keys[k]);
        }

        return new ConcentrationResult(top, n, total, top1, Share(keys, top1, total), top10, Share(keys, top10, total), GiniOfDescending(keys, total));
    }

    /// <summary>Gini coefficient of non-negative values: Σ(2i − n − 1) x₍ᵢ₎ / (n Σx) with x ascending, i = 1..n; 0 for an empty or all-zero vector.</summary>
    public static double Gini(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        return GiniOfDescending(sorted, PreciseSum.Of(sorted));
    }

    private static double GiniOfDescending(double[] descending, double total)
    {
        int n = descending.Length;
        if (n == 0 || total == 0)
        {
            return 0;
        }

        var sum = default(PreciseAccumulator);
        for (int k = 0; k < n; k++)
        {
            int i = n - k; // ascending rank
            sum.Add(((2.0 * i) - n - 1) * descending[k]);
        }

        return sum.Value / (n * total);
    }

    private static double Share(double[] descending, int count, double total) =>
        total == 0 ? 0 : PreciseSum.Of(descending.AsSpan(0, Math.Min(count, descending.Length))) / total;

    private static void SortTiesByIndex(double[] keys, int[] order)
    {
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }
    }
}
