using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests;

public sealed class CityCoverageTests
{
    [Fact]
    public void A_cell_split_at_three_km_gives_fractions_three_and_seven_tenths()
    {
        var grid = TinyGrids.Grid(1, 1); // one cell: x 900..910 km, y 4000..4010 km
        var west = new CityPolygon("A", TinyGrids.Box(880_000, 3_990_000, 903_000, 4_020_000));
        var east = new CityPolygon("B", TinyGrids.Box(903_000, 3_990_000, 930_000, 4_020_000));
        var coverage = CityCoverage.Build(grid, [west, east]);

        var entries = coverage.EntriesOfCell(0).ToArray();
        Assert.Equal(2, entries.Length);
        Tolerance.Close(0.3, entries[0].Fraction, 1e-12, "fraction of city A");
        Tolerance.Close(0.7, entries[1].Fraction, 1e-12, "fraction of city B");
        Tolerance.Close(1.0, coverage.CoveredFraction(0), 1e-12, "covered fraction");

        var totals = CityTotals.Compute(coverage, [1000.0]);
        Tolerance.Close(300, totals.Cities[0].EmissionsTonnes, 1e-9, "city A tonnes");
        Tolerance.Close(700, totals.Cities[1].EmissionsTonnes, 1e-9, "city B tonnes");
        Tolerance.Close(0, totals.OutsideTonnes, 1e-9, "outside tonnes");
        Assert.Equal(2, totals.Cities[0].Rank);
        Assert.Equal(1, totals.Cities[1].Rank);
        Tolerance.Close(0.7, totals.Cities[1].ShareOfRegion, 1e-12, "share of B");
        Tolerance.Close(23 * 30, totals.Cities[0].AreaKm2, 1e-9, "area of A, km²");
        Tolerance.Close(300.0 / (23 * 30), totals.Cities[0].IntensityTonnesPerKm2, 1e-12, "intensity of A");
        Assert.NotEmpty(coverage.Problems); // both boxes reach beyond the one-cell grid
    }

    [Fact]
    public void Interior_cells_get_fraction_one_and_the_rest_is_outside()
    {
        var grid = TinyGrids.Grid(5, 5); // x 900..950 km, y 3960..4010 km
        var city = new CityPolygon("C", TinyGrids.Box(905_000, 3_965_000, 935_000, 4_005_000));
        var coverage = CityCoverage.Build(grid, [city]);

        Assert.Empty(coverage.Problems);
        Tolerance.Close(1.0, coverage.CoveredFraction(grid.Index(1, 1)), 1e-15, "interior cell");
        Tolerance.Close(0.5, coverage.CoveredFraction(grid.Index(0, 1)), 1e-12, "west edge cell");
        Tolerance.Close(0.25, coverage.CoveredFraction(grid.Index(0, 0)), 1e-12, "north-west corner cell");
        Tolerance.Close(0.0, coverage.CoveredFraction(grid.Index(4, 4)), 0, "cell outside");
        double sum = 0;
        foreach (var e in coverage.Entries)
        {
            sum += e.Fraction;
        }

        Tolerance.Close(30.0 * 40 / 100, sum, 1e-9, "city area in cells");
    }

    [Fact]
    public void A_polygon_with_a_hole_and_diagonal_edges_is_covered_exactly()
    {
        var grid = TinyGrids.Grid(6, 6);
        var shell = TinyGrids.Factory.CreateLinearRing(
        [
            new(903_000, 3_953_000), new(957_000, 3_955_000), new(948_000, 4_007_000), new(903_000, 3_953_000),
        ]);
        var hole = TinyGrids.Factory.CreateLinearRing(
        [
            new(928_000, 3_966_000), new(939_000, 3_966_000), new(939_000, 3_976_000), new(928_000, 3_976_000), new(928_000, 3_966_000),
        ]);
        var polygon = TinyGrids.Factory.CreatePolygon(shell, [hole]);
        var coverage = CityCoverage.Build(grid, [new CityPolygon("T", polygon)]);

        double covered = 0;
        foreach (var e in coverage.Entries)
        {
            covered += e.Fraction * 100; // km²
        }

        Assert.True(polygon.IsValid);
        var inGrid = polygon.Intersection(TinyGrids.Factory.ToGeometry(grid.Extent)).Area / 1e6;
        Tolerance.Relative(inGrid, covered, 1e-12, "covered km² of a triangle with a hole");
    }

    [Fact]
    public void Overlapping_cities_are_reported_as_a_data_problem()
    {
        var grid = TinyGrids.Grid(3, 3);
        var a = new CityPolygon("410100", TinyGrids.Box(900_000, 3_980_000, 925_000, 4_010_000));
        var b = new CityPolygon("410200", TinyGrids.Box(915_000, 3_980_000, 930_000, 4_010_000));
        var coverage = CityCoverage.Build(grid, [a, b]);

        var overlap = Assert.Single(coverage.Problems);
        Assert.Equal("410100+410200", overlap.CityKey);
        Assert.Contains("overlap", overlap.Problem, StringComparison.Ordinal);
        Assert.Equal(grid.CellId(grid.Index(1, 0)), overlap.CellId);
        Assert.True(coverage.CoveredFraction(grid.Index(1, 0)) > 1);
    }

    [Fact]
    public void Invalid_and_non_polygonal_cities_are_reported_not_thrown()
    {
        var grid = TinyGrids.Grid(3, 3);
        var bowtie = TinyGrids.Factory.CreatePolygon(
        [
            new(900_000, 3_980_000), new(930_000, 4_010_000), new(930_000, 3_980_000), new(900_000, 4_010_000), new(900_000, 3_980_000),
        ]);
        var line = TinyGrids.Factory.CreateLineString([new(900_000, 3_980_000), new(930_000, 4_010_000)]);
        var coverage = CityCoverage.Build(grid, [new CityPolygon("bow", bowtie), new CityPolygon("line", line)]);

        Assert.Contains(coverage.Problems, p => p.CityKey == "bow" && p.Problem.Contains("invalid", StringComparison.Ordinal));
        Assert.Contains(coverage.Problems, p => p.CityKey == "line" && p.Problem.Contains("not a polygon", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ring_reaching_far_beyond_the_grid_still_cuts_the_cells_its_edges_cross()
    {
        // x 900..1100 km, y 3810..4010 km; a wedge from x = 950 km to 1e14 m east (more than 2^31 cells
        // away), its two long edges crossing the grid almost level at y ≈ 3905 and 3955 km.
        var grid = TinyGrids.Grid(20, 20);
        var wedge = TinyGrids.Factory.CreatePolygon([new(950_000, 3_905_000), new(1e14, 3_930_000), new(950_000, 3_955_000), new(950_000, 3_905_000)]);
        var coverage = CityCoverage.Build(grid, [new CityPolygon("wedge", wedge)]);

        Assert.DoesNotContain(coverage.Problems, p => !p.Problem.Contains("outside grid", StringComparison.Ordinal));
        for (int c = 6; c < grid.Columns; c++)
        {
            // Row 10 spans y 3900..3910 km, row 5 y 3950..3960 km: each is half inside.
            foreach (int r in new[] { 10, 5 })
            {
                Assert.True(Math.Abs(coverage.CoveredFraction((r * grid.Columns) + c) - 0.5) < 1e-6, $"cell ({c}, {r}): covered {coverage.CoveredFraction((r * grid.Columns) + c):R}, expected 0.5");
            }

            Assert.Equal(1.0, coverage.CoveredFraction((7 * grid.Columns) + c));
            Assert.Equal(0.0, coverage.CoveredFraction((12 * grid.Columns) + c));
        }
    }
}
