using System.Globalization;
using GridEmissions.Core.Grids;
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
        var problems = new List<CoverageProblem>[cities.Count];
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        for (int city = 0; city < cities.Count; city++)
        {
            var polygon = cities[city] ?? throw new ArgumentException($"city {city} is null", nameof(cities));
            problems[city] = [];
            if (!seenKeys.Add(polygon.Key))
            {
                problems[city].Add(new CoverageProblem(polygon.Key, null, "the city key appears more than once", "give every city a unique adcode"));
            }
        }

        // Every city's validity check, boundary walk, interior scan and clipping is independent of the
        // others: the cities go to the cores, each result kept at its index. What adds across cities
        // (the covered fractions, the problem list) is then done in city order on this thread.
        var areas = new double[cities.Count];
        var cells = new CityCells?[cities.Count];
        bool outer = cities.Count > 1;
        Parallel.For(0, cities.Count, new ParallelOptions { MaxDegreeOfParallelism = outer ? Environment.ProcessorCount : 1 }, () => new CellScratch(), (city, _, scratch) =>
        {
            var geometry = Usable(cities[city], problems[city]);
            if (geometry is not null)
            {
                areas[city] = geometry.Area / 1e6;
                cells[city] = CityCells.Of(grid, geometry, scratch, parallelClip: !outer);
            }

            return scratch;
        }, _ => { });

        var covered = new double[grid.CellCount];
        int capacity = 0;
        foreach (CityCells? c in cells)
        {
            capacity += c is null ? 0 : c.Interior.Count + c.CutCells.Length;
        }

        var runs = new List<CoverageRun>(capacity);
        var runStart = new int[cities.Count + 1];
        var allProblems = new List<CoverageProblem>();
        for (int city = 0; city < cities.Count; city++)
        {
            runStart[city] = runs.Count;
            allProblems.AddRange(problems[city]);
            if (cells[city] is not { } c)
            {
                continue;
            }

            AppendInCellOrder(c, runs, covered);
            double outsideKm2 = areas[city] - (c.CoveredM2 / 1e6);
            if (outsideKm2 > Math.Max(tolerance * areas[city], 1e-6))
            {
                allProblems.Add(new CoverageProblem(cities[city].Key, null,
                    string.Create(CultureInfo.InvariantCulture, $"{outsideKm2:F3} km² of the city ({100 * outsideKm2 / areas[city]:F2} %) lies outside grid '{grid.Name}'; its emissions there are not counted"),
                    "build the grid from the extent of all city polygons (GridSpec.Covering) or check the CRS of the boundary file"));
            }
        }

        runStart[cities.Count] = runs.Count;
        CoverageRun[] cityRuns = [.. runs];
        var blocks = new CoveredBlocks(cityRuns, grid.CellCount);
        ReportOverlaps(grid, cities, cityRuns, runStart, covered, blocks, tolerance, allProblems);
        return new CityCoverage(grid, cities, cityRuns, runStart, covered, areas, allProblems, blocks);
    }

    // One city's runs in ascending cell order: its interior runs (row by row, already in order) merged
    // with its cut cells (sorted here), adjacent cells of fraction 1 joined into one run. Each cell's
    // fraction is added to its covered fraction (cities in order, as a cell-major pass adds them).
    private static void AppendInCellOrder(CityCells city, List<CoverageRun> runs, double[] covered)
    {
        int[] cells = city.CutCells;
        double[] fractions = city.CutFractions;
        Array.Sort(cells, fractions);
        List<CoverageRun> interior = city.Interior;
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

        if (PolygonValidity.IsCertainlyValid(geometry))
        {
            return geometry;
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
    // (Only the cities' blocks can hold such a cell.)
    // (A cell's covered fraction is the sum of its entries' fractions in city order.)
    private static void ReportOverlaps(GridSpec grid, IReadOnlyList<CityPolygon> cities, CoverageRun[] runs, int[] runStart, double[] covered, CoveredBlocks blocks, double tolerance, List<CoverageProblem> problems)
    {
        var overCells = new List<int>();
        foreach (var (start, end) in blocks.Ranges())
        {
            for (int i = start; i < end; i++)
            {
                if (covered[i] > 1 + tolerance)
                {
                    overCells.Add(i);
                }
            }
        }

        if (overCells.Count == 0)
        {
            return;
        }

        // The cities of each such cell, in city order: every run finds its first such cell by binary search.
        var cellCities = new List<int>[overCells.Count];
        for (int k = 0; k < cellCities.Length; k++)
        {
            cellCities[k] = [];
        }

        for (int city = 0; city < cities.Count; city++)
        {
            for (int r = runStart[city]; r < runStart[city + 1]; r++)
            {
                int k = overCells.BinarySearch(runs[r].Cell);
                for (k = k < 0 ? ~k : k; k < overCells.Count && overCells[k] < runs[r].Cell + runs[r].Count; k++)
                {
                    cellCities[k].Add(city);
                }
            }
        }

        var pairs = new SortedDictionary<(int A, int B), (int Cells, string FirstCell, double MaxSum)>();
        for (int k = 0; k < overCells.Count; k++)
        {
            int cell = overCells[k];
            List<int> list = cellCities[k];
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
