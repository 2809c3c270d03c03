using System.Diagnostics;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests;

public sealed class CityCoverageRegionScaleTests
{
    // a wobbly 4,000-vertex disc of ~300 km radius cut into four cities that share their borders,
    // on a 70 x 70 grid of 10 km cells: the size of the YRD grid
    [Fact]
    public void Cities_sharing_borders_cover_each_cell_at_most_once_and_conserve_area()
    {
        var grid = new Core.Grids.GridSpec("region", 10_000, 0, 69, 70, 70); // x 0..700 km, y 0..700 km
        var f = TinyGrids.Factory;
        const int vertices = 4000;
        var ring = new Coordinate[vertices + 1];
        for (int k = 0; k < vertices; k++)
        {
            double a = 2 * Math.PI * k / vertices;
            double r = 300_000 + (12_000 * Math.Sin(37 * a)) + (4_000 * Math.Cos(211 * a));
            ring[k] = new Coordinate(350_000 + (r * Math.Cos(a)), 350_000 + (r * Math.Sin(a)));
        }

        ring[vertices] = ring[0];
        var disc = f.CreatePolygon(ring);
        var quadrants = new[]
        {
            TinyGrids.Box(-1e6, 351_234, 351_234, 2e6), TinyGrids.Box(351_234, 351_234, 2e6, 2e6),
            TinyGrids.Box(-1e6, -1e6, 351_234, 351_234), TinyGrids.Box(351_234, -1e6, 2e6, 351_234),
        };
        var cities = quadrants.Select((q, k) => new CityPolygon($"Q{k}", disc.Intersection(q))).ToArray();

        CityCoverage.Build(grid, cities); // warm-up: JIT of the overlay code is not what we measure
        var watch = Stopwatch.StartNew();
        var coverage = CityCoverage.Build(grid, cities);
        watch.Stop();

        Assert.True(coverage.Problems.Count == 0, string.Join("; ", coverage.Problems.Select(p => p.Problem)));
        for (int i = 0; i < grid.CellCount; i++)
        {
            Assert.True(coverage.CoveredFraction(i) <= 1 + 1e-9, $"cell {i} covered {coverage.CoveredFraction(i):R}");
        }

        double coveredKm2 = 0;
        foreach (var e in coverage.Entries)
        {
            coveredKm2 += e.Fraction * grid.CellAreaKm2;
        }

        Tolerance.Relative(disc.Area / 1e6, coveredKm2, 1e-11, "covered km² of the disc");
        Tolerance.Relative(disc.Area / 1e6, Enumerable.Range(0, 4).Sum(coverage.CityAreaKm2), 1e-11, "sum of city areas");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"coverage took {watch.Elapsed}");
        Console.WriteLine($"coverage of {coverage.Entries.Length} entries took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
