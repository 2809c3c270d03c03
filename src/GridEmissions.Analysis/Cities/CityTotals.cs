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
    public static CityTotalsResult Compute(CityCoverage coverage, ReadOnlySpan<double> cellValues)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var grid = coverage.Grid;
        if (cellValues.Length != grid.CellCount)
        {
            throw new ArgumentException($"expected {grid.CellCount} cell values for grid '{grid.Name}', got {cellValues.Length}", nameof(cellValues));
        }

        var total = default(PreciseAccumulator);
        var outside = default(PreciseAccumulator);
        var covered = coverage.CoveredFractions;
        for (int i = 0; i < cellValues.Length; i++)
        {
            double v = cellValues[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"cell {grid.CellId(i)} (index {i}) holds {v}; values must be finite", nameof(cellValues));
            }

            total.Add(v);
            outside.Add(v * (1.0 - covered[i]));
        }

        int n = coverage.Cities.Count;
        var sums = new PreciseAccumulator[n];
        foreach (var e in coverage.Entries)
        {
            sums[e.CityIndex].Add(cellValues[e.CellIndex] * e.Fraction);
        }

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
}
