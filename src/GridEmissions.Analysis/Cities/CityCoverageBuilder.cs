using System.Globalization;
using GridEmissions.Core.Grids;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace GridEmissions.Analysis;

/// <summary>The computation behind <see cref="CityCoverage.Build"/>: validation, boundary walk, exact intersection, overlap check.</summary>
internal static class CityCoverageBuilder
{
    private const string Fix = "repair the polygon in the boundary file (e.g. QGIS 'Fix geometries' or ST_MakeValid) and re-run";

    public static CityCoverage Build(GridSpec grid, IReadOnlyList<CityPolygon> cities, double tolerance)
    {
        var problems = new List<CoverageProblem>();
        var entries = new List<CellCityFraction>();
        var areas = new double[cities.Count];
        var marks = new int[grid.CellCount];
        var boundary = new List<int>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        double cellArea = grid.CellSizeMetres * grid.CellSizeMetres;

        for (int city = 0; city < cities.Count; city++)
        {
            var polygon = cities[city] ?? throw new ArgumentException($"city {city} is null", nameof(cities));
            if (!seenKeys.Add(polygon.Key))
            {
                problems.Add(new CoverageProblem(polygon.Key, null, "the city key appears more than once", "give every city a unique adcode"));
            }

            var geometry = Usable(polygon, problems);
            if (geometry is null)
            {
                continue;
            }

            areas[city] = geometry.Area / 1e6;
            boundary.Clear();
            BoundaryCells.Collect(grid, geometry, marks, city + 1, boundary);
            var locator = new IndexedPointInAreaLocator(geometry);
            double coveredM2 = 0;

            var env = geometry.EnvelopeInternal;
            var (c0, c1) = BoundaryCells.ColumnRange(grid, env.MinX, env.MaxX);
            var (r0, r1) = BoundaryCells.RowRange(grid, env.MinY, env.MaxY);
            for (int r = r0; r <= r1; r++)
            {
                // Scanline: the cells between two boundary cells of a row touch no boundary, so they
                // are all inside or all outside; one point test decides the whole run.
                int c = c0;
                while (c <= c1)
                {
                    int rowStart = r * grid.Columns;
                    if (marks[rowStart + c] == city + 1)
                    {
                        c++;
                        continue;
                    }

                    int runEnd = c;
                    while (runEnd + 1 <= c1 && marks[rowStart + runEnd + 1] != city + 1)
                    {
                        runEnd++;
                    }

                    if (locator.Locate(grid.CellCentre(rowStart + c)) == Location.Interior)
                    {
                        for (int k = c; k <= runEnd; k++)
                        {
                            entries.Add(new CellCityFraction(rowStart + k, city, 1.0));
                            coveredM2 += cellArea;
                        }
                    }

                    c = runEnd + 1;
                }
            }

            coveredM2 += IntersectBoundaryCells(grid, geometry, boundary, city, entries);

            double outsideKm2 = areas[city] - (coveredM2 / 1e6);
            if (outsideKm2 > Math.Max(tolerance * areas[city], 1e-6))
            {
                problems.Add(new CoverageProblem(polygon.Key, null,
                    string.Create(CultureInfo.InvariantCulture, $"{outsideKm2:F3} km² of the city ({100 * outsideKm2 / areas[city]:F2} %) lies outside grid '{grid.Name}'; its emissions there are not counted"),
                    "build the grid from the extent of all city polygons (GridSpec.Covering) or check the CRS of the boundary file"));
            }
        }

        entries.Sort(static (a, b) => a.CellIndex != b.CellIndex ? a.CellIndex.CompareTo(b.CellIndex) : a.CityIndex.CompareTo(b.CityIndex));
        var array = entries.ToArray();
        ReportOverlaps(grid, cities, array, tolerance, problems);
        return new CityCoverage(grid, cities, array, areas, problems);
    }

    // Exact areas of the boundary cells: area(polygon ∩ cell) = Σ |shell ∩ cell| − Σ |hole ∩ cell|,
    // each term what NTS's RingClipper (the rectangle clipper inside OverlayNG) gives on the whole
    // ring (for a convex clip window the clipped ring, degenerate edges and all, encloses exactly
    // ring ∩ cell), computed by RingCellClipper from the ring's outcode runs only.
    private static double IntersectBoundaryCells(GridSpec grid, Geometry geometry, List<int> boundary, int city, List<CellCityFraction> entries)
    {
        double cellArea = grid.CellSizeMetres * grid.CellSizeMetres;
        var rings = new List<RingCellClipper>();
        for (int g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is Polygon polygon)
            {
                rings.Add(new RingCellClipper(polygon.ExteriorRing.Coordinates, hole: false));
                foreach (var hole in polygon.InteriorRings)
                {
                    rings.Add(new RingCellClipper(hole.Coordinates, hole: true));
                }
            }
        }

        double covered = 0;
        foreach (int cell in boundary)
        {
            var env = grid.CellEnvelope(cell);
            double area = 0;
            foreach (var ring in rings)
            {
                if (!ring.Envelope.Intersects(env))
                {
                    continue;
                }

                double a = ring.AreaIn(env);
                area += ring.Hole ? -a : a;
            }

            if (area > 0)
            {
                entries.Add(new CellCityFraction(cell, city, Math.Min(area / cellArea, 1.0)));
                covered += area;
            }
        }

        return covered;
    }

    private static Geometry? Usable(CityPolygon city, List<CoverageProblem> problems)
    {
        var geometry = city.Geometry;
        if (geometry is null || geometry.IsEmpty)
        {
            problems.Add(new CoverageProblem(city.Key, null, "the city has no geometry", "add the city outline to the boundary file"));
            return null;
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            problems.Add(new CoverageProblem(city.Key, null, $"the city geometry is a {geometry.GeometryType}, not a polygon", "store city outlines as Polygon or MultiPolygon"));
            return null;
        }

        var error = new IsValidOp(geometry).ValidationError;
        if (error is null)
        {
            return geometry;
        }

        problems.Add(new CoverageProblem(city.Key, null,
            string.Create(CultureInfo.InvariantCulture, $"invalid polygon: {error.Message} at ({error.Coordinate?.X:F1}, {error.Coordinate?.Y:F1}); repaired with GeometryFixer for this run"),
            Fix));
        var fixedGeometry = GeometryFixer.Fix(geometry);
        return fixedGeometry.IsEmpty ? null : fixedGeometry;
    }

    // Cells whose fractions add up to more than 1 are covered by two cities: report one line per pair.
    private static void ReportOverlaps(GridSpec grid, IReadOnlyList<CityPolygon> cities, CellCityFraction[] entries, double tolerance, List<CoverageProblem> problems)
    {
        var pairs = new SortedDictionary<(int A, int B), (int Cells, string FirstCell, double MaxSum)>();
        int start = 0;
        while (start < entries.Length)
        {
            int end = start;
            double sum = 0;
            while (end < entries.Length && entries[end].CellIndex == entries[start].CellIndex)
            {
                sum += entries[end].Fraction;
                end++;
            }

            if (sum > 1 + tolerance)
            {
                for (int a = start; a < end; a++)
                {
                    for (int b = a + 1; b < end; b++)
                    {
                        var key = (entries[a].CityIndex, entries[b].CityIndex);
                        pairs[key] = pairs.TryGetValue(key, out var v)
                            ? (v.Cells + 1, v.FirstCell, Math.Max(v.MaxSum, sum))
                            : (1, grid.CellId(entries[start].CellIndex), sum);
                    }
                }
            }

            start = end;
        }

        foreach (var ((a, b), v) in pairs)
        {
            problems.Add(new CoverageProblem($"{cities[a].Key}+{cities[b].Key}", v.FirstCell,
                string.Create(CultureInfo.InvariantCulture, $"cities {cities[a].Key} and {cities[b].Key} overlap: {v.Cells} cell(s) are covered more than once (largest summed fraction {v.MaxSum:F6})"),
                "remove the overlap between the two outlines (e.g. snap shared borders or dissolve duplicates) so every point belongs to at most one city"));
        }
    }
}
