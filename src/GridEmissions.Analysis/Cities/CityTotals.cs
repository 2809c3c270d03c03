using System.Runtime.CompilerServices;
using GridEmissions.Core.Allocation;

namespace GridEmissions.Analysis;

/// <summary>
/// City emission totals from a cell grid and a precomputed <see cref="CityCoverage"/>: the yearly
/// work is one pass over the sparse entries, with compensated summation throughout.
/// </summary>
public static class CityTotals
{
    /// <summary>Totals per city plus the outside remainder.</summary>
    /// <param name="coverage">Coverage of the grid the values are on.</param>
    /// <param name="cellValues">t CO2/yr per cell, row-major, finite.</param>
    public static CityTotalsResult Compute(CityCoverage coverage, ReadOnlySpan<double> cellValues) => Compute(coverage, cellValues, []);

    /// <summary>
    /// Totals per city plus the outside remainder, with point sources booked whole to their city:
    /// each <see cref="BookedPoint"/> is taken out of its cell and added to its city (to the
    /// outside remainder when it has none); what remains in the cells is split by area fraction.
    /// A city's total is therefore exactly the sum of its points plus its area share of the rest.
    /// </summary>
    /// <param name="coverage">Coverage of the grid the values are on.</param>
    /// <param name="cellValues">t CO2/yr per cell, row-major, finite.</param>
    /// <param name="points">Point-source emissions carried by the cells, booked to cities.</param>
    public static CityTotalsResult Compute(CityCoverage coverage, ReadOnlySpan<double> cellValues, IReadOnlyList<BookedPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(coverage);
        var grid = coverage.Grid;
        if (cellValues.Length != grid.CellCount)
        {
            throw new ArgumentException($"expected {grid.CellCount} cell values for grid '{grid.Name}', got {cellValues.Length}", nameof(cellValues));
        }

        // The grid total is one compensated chain over every cell; the outside remainder and each city
        // are chains of their own. Each keeps its own order (cell order), so they are interleaved: the
        // total advances one cell with every term of the other sums (twice the additions in flight, the
        // same bits). With booked points the total is taken first, as the points are checked after it.
        var total = default(PreciseAccumulator);
        var outside = default(PreciseAccumulator);
        int next = 0; // cells of the grid total added so far
        if (points.Count > 0)
        {
            AddRestToTotal(cellValues, ref next, ref total, grid);
        }

        int n = coverage.Cities.Count;
        var sums = new PreciseAccumulator[n];
        ReadOnlySpan<double> rest = cellValues;
        if (points.Count > 0)
        {
            double[] remaining = cellValues.ToArray();
            foreach (BookedPoint p in points)
            {
                if ((uint)p.CellIndex >= (uint)remaining.Length || p.CityIndex < -1 || p.CityIndex >= n || !double.IsFinite(p.Tonnes))
                {
                    throw new ArgumentException($"booked point {p} does not fit grid '{grid.Name}' ({remaining.Length} cells) and {n} cities", nameof(points));
                }

                remaining[p.CellIndex] -= p.Tonnes;
                if (p.CityIndex >= 0)
                {
                    sums[p.CityIndex].Add(p.Tonnes);
                }
                else
                {
                    outside.Add(p.Tonnes);
                }
            }

            rest = remaining;
        }

        // Σ value × (1 − covered fraction) over the cells, in cell order: the runs of uncovered cells
        // stream (× 1 changes no bit), the cells covered exactly once over are skipped (a zero term
        // changes no compensated sum).
        foreach (CoverageRun run in coverage.OutsideRuns())
        {
            AddRun(ref outside, run, rest, cellValues, ref next, ref total, grid);
        }

        // Each city's area share, its cells in ascending order (the order a cell-major pass over the
        // entries adds them to the city's sum); whole cells (fraction 1) stream.
        for (int c = 0; c < n; c++)
        {
            PreciseAccumulator sum = sums[c];
            foreach (CoverageRun run in coverage.RunsOfCity(c))
            {
                AddRun(ref sum, run, rest, cellValues, ref next, ref total, grid);
            }

            sums[c] = sum;
        }

        AddRestToTotal(cellValues, ref next, ref total, grid);

        double gridTotal = total.Value;
        var order = Enumerable.Range(0, n).OrderByDescending(c => sums[c].Value).ThenBy(c => c).ToArray();
        var rank = new int[n];
        for (int k = 0; k < n; k++)
        {
            rank[order[k]] = k + 1;
        }

        var cities = new CityTotal[n];
        for (int c = 0; c < n; c++)
        {
            double t = sums[c].Value, area = coverage.CityAreaKm2(c);
            cities[c] = new CityTotal(c, coverage.Cities[c].Key, t, area, area > 0 ? t / area : 0, gridTotal != 0 ? t / gridTotal : 0, rank[c]);
        }

        return new CityTotalsResult(cities, outside.Value, gridTotal);
    }

    // One run into a sum, each term interleaved with the grid total's next cell: a partial cell
    // (fraction < 1, always a run of one) adds value × fraction; whole cells stream (× 1 changes no bit).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRun(ref PreciseAccumulator sum, CoverageRun run, ReadOnlySpan<double> rest, ReadOnlySpan<double> cellValues, ref int next, ref PreciseAccumulator total, Core.Grids.GridSpec grid)
    {
        if (run.Fraction != 1.0)
        {
            sum.Add(rest[run.Cell] * run.Fraction);
            AddToTotal(cellValues, ref next, ref total, grid);
            return;
        }

        // Blocks of eight zero cells add nothing to either chain (a ±0 term changes no compensated sum).
        ReadOnlySpan<double> whole = rest.Slice(run.Cell, run.Count);
        int k = 0;
        for (; k + ZeroBlock.Width <= whole.Length; k += ZeroBlock.Width)
        {
            if (ZeroBlock.IsZero(whole, k))
            {
                AddBlockToTotal(cellValues, ref next, ref total, grid);
                continue;
            }

            for (int j = k; j < k + ZeroBlock.Width; j++)
            {
                sum.Add(whole[j]);
                AddToTotal(cellValues, ref next, ref total, grid);
            }
        }

        for (; k < whole.Length; k++)
        {
            sum.Add(whole[k]);
            AddToTotal(cellValues, ref next, ref total, grid);
        }
    }

    // The grid total's remaining cells, zero blocks skipped.
    private static void AddRestToTotal(ReadOnlySpan<double> values, ref int next, ref PreciseAccumulator total, Core.Grids.GridSpec grid)
    {
        while (next < values.Length)
        {
            if (next + ZeroBlock.Width <= values.Length && ZeroBlock.IsZero(values, next))
            {
                next += ZeroBlock.Width;
                continue;
            }

            AddToTotal(values, ref next, ref total, grid);
        }
    }

    // The grid total's next eight cells (skipped when all zero).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBlockToTotal(ReadOnlySpan<double> values, ref int next, ref PreciseAccumulator total, Core.Grids.GridSpec grid)
    {
        if (next + ZeroBlock.Width <= values.Length && ZeroBlock.IsZero(values, next))
        {
            next += ZeroBlock.Width;
            return;
        }

        for (int j = 0; j < ZeroBlock.Width; j++)
        {
            AddToTotal(values, ref next, ref total, grid);
        }
    }

    // The next cell of the grid total (nothing once every cell is in), refusing a non-finite value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToTotal(ReadOnlySpan<double> values, ref int next, ref PreciseAccumulator total, Core.Grids.GridSpec grid)
    {
        if (next >= values.Length)
        {
            return;
        }

        double v = values[next];
        if (!double.IsFinite(v))
        {
            throw new ArgumentException($"cell {grid.CellId(next)} (index {next}) holds {v}; values must be finite", "cellValues");
        }

        total.Add(v);
        next++;
    }
}
