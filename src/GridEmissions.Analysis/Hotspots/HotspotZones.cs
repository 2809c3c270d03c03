using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;

namespace GridEmissions.Analysis;

/// <summary>
/// Dissolves significant hot cells into zones: cells with Gi* class ≥ the minimum class that are
/// queen-adjacent form one zone; its outline is the union of the cell envelopes.
/// </summary>
public static class HotspotZones
{
    /// <summary>Finds the zones of one grid.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="classes">Gi* classes per cell (<see cref="GiStarResult.Class"/>).</param>
    /// <param name="values">The grid the classes were computed on, t CO2/yr per cell.</param>
    /// <param name="coverage">City coverage of the grid, to list the cities a zone touches; null to skip.</param>
    /// <param name="sectors">Per-sector grids of the same year, to name the dominant sector; null to skip.</param>
    /// <param name="minimumClass">Lowest class counted as hot: 1 (90 %, default), 2 (95 %) or 3 (99 %).</param>
    public static IReadOnlyList<HotspotZone> Find(
        GridSpec grid,
        ReadOnlySpan<sbyte> classes,
        ReadOnlySpan<double> values,
        CityCoverage? coverage = null,
        IReadOnlyList<SectorGrid>? sectors = null,
        int minimumClass = 1)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumClass, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumClass, 3);
        if (classes.Length != grid.CellCount || values.Length != grid.CellCount)
        {
            throw new ArgumentException($"classes ({classes.Length}) and values ({values.Length}) must match grid '{grid.Name}' ({grid.CellCount} cells)", nameof(classes));
        }

        if (coverage is not null && coverage.Grid != grid)
        {
            throw new ArgumentException($"the coverage was built for grid '{coverage.Grid.Name}', not '{grid.Name}'", nameof(coverage));
        }

        foreach (var s in sectors ?? [])
        {
            if (s.Values.Length != grid.CellCount)
            {
                throw new ArgumentException($"sector grid '{s.Sector}' has {s.Values.Length} cells, grid '{grid.Name}' has {grid.CellCount}", nameof(sectors));
            }
        }

        var hot = new bool[grid.CellCount];
        for (int i = 0; i < hot.Length; i++)
        {
            hot[i] = classes[i] >= minimumClass;
        }

        var components = QueenComponents.Find(grid, hot);
        var totals = new double[components.Count];
        for (int k = 0; k < components.Count; k++)
        {
            var sum = default(PreciseAccumulator);
            foreach (int cell in components[k])
            {
                sum.Add(values[cell]);
            }

            totals[k] = sum.Value;
        }

        // components come in order of lowest cell index; a stable sort by descending total keeps that order on ties
        var order = Enumerable.Range(0, components.Count).OrderByDescending(k => totals[k]).ToArray();
        var factory = new GeometryFactory();
        var zones = new HotspotZone[order.Length];
        for (int z = 0; z < order.Length; z++)
        {
            var cells = components[order[z]];
            double total = totals[order[z]];
            zones[z] = new HotspotZone(
                z + 1,
                cells,
                Dissolve(grid, cells, factory),
                total,
                cells.Length * grid.CellAreaKm2,
                DominantSector(cells, sectors),
                coverage is null ? [] : CityShares(coverage, cells, values, total));
        }

        return zones;
    }

    private static Geometry Dissolve(GridSpec grid, int[] cells, GeometryFactory factory)
    {
        var boxes = new List<Geometry>(cells.Length);
        foreach (int cell in cells)
        {
            boxes.Add(factory.ToGeometry(grid.CellEnvelope(cell)));
        }

        // the union keeps every cell corner; a zero-tolerance Douglas–Peucker pass drops the ones on straight edges
        return DouglasPeuckerSimplifier.Simplify(CascadedPolygonUnion.Union(boxes), 0.0);
    }

    private static string? DominantSector(int[] cells, IReadOnlyList<SectorGrid>? sectors)
    {
        if (sectors is null || sectors.Count == 0)
        {
            return null;
        }

        string? best = null;
        double bestTotal = double.NegativeInfinity;
        foreach (var sector in sectors)
        {
            var sum = default(PreciseAccumulator);
            foreach (int cell in cells)
            {
                sum.Add(sector.Values[cell]);
            }

            if (sum.Value > bestTotal)
            {
                bestTotal = sum.Value;
                best = sector.Sector;
            }
        }

        return best;
    }

    private static ZoneCityShare[] CityShares(CityCoverage coverage, int[] cells, ReadOnlySpan<double> values, double zoneTotal)
    {
        var sums = new SortedDictionary<int, PreciseAccumulator>();
        foreach (int cell in cells)
        {
            foreach (var e in coverage.EntriesOfCell(cell))
            {
                sums.TryGetValue(e.CityIndex, out var s);
                s.Add(values[cell] * e.Fraction);
                sums[e.CityIndex] = s;
            }
        }

        return sums
            .Select(kv => new ZoneCityShare(kv.Key, coverage.Cities[kv.Key].Key, zoneTotal != 0 ? kv.Value.Value / zoneTotal : 0))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToArray();
    }
}
