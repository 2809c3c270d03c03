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
    // Below this many boundary cells in a city the clipping stays on the calling thread.
    private const int ParallelBoundaryCells = 512;

    private const string Fix = "repair the polygon in the boundary file (e.g. QGIS 'Fix geometries' or ST_MakeValid) and re-run";

    public static CityCoverage Build(GridSpec grid, IReadOnlyList<CityPolygon> cities, double tolerance)
    {
        var problems = new List<CoverageProblem>();
        var areas = new double[cities.Count];
        var marks = new int[grid.CellCount];
        var covered = new double[grid.CellCount];
        var boundary = new List<int>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var runs = new List<CoverageRun>();
        var runStart = new int[cities.Count + 1];
        var interior = new List<CoverageRun>();
        var cutCells = new List<int>();
        var cutFractions = new List<double>();
        double cellArea = grid.CellSizeMetres * grid.CellSizeMetres;

        for (int city = 0; city < cities.Count; city++)
        {
            runStart[city] = runs.Count;
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

            interior.Clear();
            var env = geometry.EnvelopeInternal;
            var (c0, c1) = BoundaryCells.ColumnRange(grid, env.MinX, env.MaxX);
            var (r0, r1) = BoundaryCells.RowRange(grid, env.MinY, env.MaxY);
            for (int r = r0; r <= r1; r++)
            {
                // Scanline: the cells between two boundary cells of a row touch no boundary, so they
                // are all inside or all outside; one point test decides the whole run.
                int c = c0;
                int rowStart = r * grid.Columns;
                while (c <= c1)
                {
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
                        interior.Add(new CoverageRun(rowStart + c, runEnd - c + 1, 1.0));
                        for (int k = c; k <= runEnd; k++)
                        {
                            coveredM2 += cellArea;
                        }
                    }

                    c = runEnd + 1;
                }
            }

            cutCells.Clear();
            cutFractions.Clear();
            coveredM2 += IntersectBoundaryCells(grid, geometry, boundary, cutCells, cutFractions);
            AppendInCellOrder(interior, cutCells, cutFractions, runs, covered);

            double outsideKm2 = areas[city] - (coveredM2 / 1e6);
            if (outsideKm2 > Math.Max(tolerance * areas[city], 1e-6))
            {
                problems.Add(new CoverageProblem(polygon.Key, null,
                    string.Create(CultureInfo.InvariantCulture, $"{outsideKm2:F3} km² of the city ({100 * outsideKm2 / areas[city]:F2} %) lies outside grid '{grid.Name}'; its emissions there are not counted"),
                    "build the grid from the extent of all city polygons (GridSpec.Covering) or check the CRS of the boundary file"));
            }
        }

        runStart[cities.Count] = runs.Count;
        CoverageRun[] cityRuns = [.. runs];
        ReportOverlaps(grid, cities, cityRuns, runStart, covered, tolerance, problems);
        return new CityCoverage(grid, cities, cityRuns, runStart, covered, areas, problems);
    }

    // One city's runs in ascending cell order: its interior runs (row by row, already in order) merged
    // with its cut cells (sorted here), adjacent cells of fraction 1 joined into one run. Each cell's
    // fraction is added to its covered fraction (cities in order, as a cell-major pass adds them).
    private static void AppendInCellOrder(List<CoverageRun> interior, List<int> cutCells, List<double> cutFractions, List<CoverageRun> runs, double[] covered)
    {
        int[] cells = [.. cutCells];
        double[] fractions = [.. cutFractions];
        Array.Sort(cells, fractions);
        int first = runs.Count;
        void Append(CoverageRun run)
        {
            for (int k = 0; k < run.Count; k++)
            {
                covered[run.Cell + k] += run.Fraction;
            }

            if (run.Fraction == 1.0 && runs.Count > first && runs[^1] is { Fraction: 1.0 } last && last.Cell + last.Count == run.Cell)
            {
                runs[^1] = last with { Count = last.Count + run.Count };
                return;
            }

            runs.Add(run);
        }

        int j = 0;
        foreach (CoverageRun run in interior)
        {
            while (j < cells.Length && cells[j] < run.Cell)
            {
                Append(new CoverageRun(cells[j], 1, fractions[j]));
                j++;
            }

            Append(run);
        }

        for (; j < cells.Length; j++)
        {
            Append(new CoverageRun(cells[j], 1, fractions[j]));
        }
    }

    // Exact areas of the boundary cells: area(polygon ∩ cell) = Σ |shell ∩ cell| − Σ |hole ∩ cell|,
    // each term what NTS's RingClipper (the rectangle clipper inside OverlayNG) gives on the whole
    // ring (for a convex clip window the clipped ring, degenerate edges and all, encloses exactly
    // ring ∩ cell), computed by RingCellClipper from the ring's outcode runs only.
    private static double IntersectBoundaryCells(GridSpec grid, Geometry geometry, List<int> boundary, List<int> cutCells, List<double> cutFractions)
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

        // The cells' areas are independent: computed in parallel (contiguous slices, one scratch list
        // per slice), then taken in boundary order, so the entries and the covered sum do not depend
        // on the number of threads.
        var areas = new double[boundary.Count];
        int slices = boundary.Count >= ParallelBoundaryCells ? Environment.ProcessorCount : 1;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var clip = new CellRingClip();
            int end = (int)((long)boundary.Count * (slice + 1) / slices);
            for (int k = (int)((long)boundary.Count * slice / slices); k < end; k++)
            {
                var env = grid.CellEnvelope(boundary[k]);
                double area = 0;
                foreach (var ring in rings)
                {
                    if (!ring.Envelope.Intersects(env))
                    {
                        continue;
                    }

                    double a = ring.AreaIn(env, clip);
                    area += ring.Hole ? -a : a;
                }

                areas[k] = area;
            }
        });

        double covered = 0;
        for (int k = 0; k < boundary.Count; k++)
        {
            double area = areas[k];
            if (area > 0)
            {
                cutCells.Add(boundary[k]);
                cutFractions.Add(Math.Min(area / cellArea, 1.0));
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
    // (A cell's covered fraction is the sum of its entries' fractions in city order.)
    private static void ReportOverlaps(GridSpec grid, IReadOnlyList<CityPolygon> cities, CoverageRun[] runs, int[] runStart, double[] covered, double tolerance, List<CoverageProblem> problems)
    {
        var cellCities = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < covered.Length; i++)
        {
            if (covered[i] > 1 + tolerance)
            {
                cellCities[i] = [];
            }
        }

        if (cellCities.Count == 0)
        {
            return;
        }

        for (int city = 0; city < cities.Count; city++)
        {
            for (int r = runStart[city]; r < runStart[city + 1]; r++)
            {
                for (int k = 0; k < runs[r].Count; k++)
                {
                    if (cellCities.TryGetValue(runs[r].Cell + k, out List<int>? list))
                    {
                        list.Add(city);
                    }
                }
            }
        }

        var pairs = new SortedDictionary<(int A, int B), (int Cells, string FirstCell, double MaxSum)>();
        foreach (var (cell, list) in cellCities)
        {
            double sum = covered[cell];
            for (int a = 0; a < list.Count; a++)
            {
                for (int b = a + 1; b < list.Count; b++)
                {
                    var key = (list[a], list[b]);
                    pairs[key] = pairs.TryGetValue(key, out var v)
                        ? (v.Cells + 1, v.FirstCell, Math.Max(v.MaxSum, sum))
                        : (1, grid.CellId(cell), sum);
                }
            }
        }

        foreach (var ((a, b), v) in pairs)
        {
            problems.Add(new CoverageProblem($"{cities[a].Key}+{cities[b].Key}", v.FirstCell,
                string.Create(CultureInfo.InvariantCulture, $"cities {cities[a].Key} and {cities[b].Key} overlap: {v.Cells} cell(s) are covered more than once (largest summed fraction {v.MaxSum:F6})"),
                "remove the overlap between the two outlines (e.g. snap shared borders or dissolve duplicates) so every point belongs to at most one city"));
        }
    }
}
