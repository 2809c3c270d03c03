using FsCheck;
using FsCheck.Fluent;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests;

public sealed class CityTotalsTests
{
    private static readonly CityCoverage Coverage = BuildCoverage();

    // three non-overlapping cities on an 8 x 6 grid, cut at arbitrary kilometres, with a gap left outside
    private static CityCoverage BuildCoverage()
    {
        var grid = TinyGrids.Grid(8, 6); // x 900..980 km, y 3950..4010 km
        var f = TinyGrids.Factory;
        var a = f.CreatePolygon([new(901_300, 3_951_700), new(937_400, 3_950_000), new(931_100, 4_003_900), new(901_300, 3_951_700)]);
        var b = f.CreatePolygon([new(937_400, 3_950_000), new(978_800, 3_962_200), new(962_500, 4_008_800), new(931_100, 4_003_900), new(937_400, 3_950_000)]);
        var c = TinyGrids.Box(962_500, 3_990_000, 990_000, 4_020_000).Difference(b);
        var coverage = CityCoverage.Build(grid, [new("A", a), new("B", b), new("C", c)]);
        return coverage;
    }

    [Fact]
    public void City_totals_plus_outside_equal_the_grid_total_on_random_grids()
    {
        Assert.DoesNotContain(Coverage.Problems, p => p.Problem.Contains("overlap", StringComparison.Ordinal));
        var cells = Coverage.Grid.CellCount;
        var values = Gen.Elements(0.0, 1e-3, 7.5, 1e4, 3.3e5, 2.2e6, 9.9e7).ArrayOf(cells);
        var jitter = Gen.Choose(0, 1_000_000).ArrayOf(cells);
        Prop.ForAll(values.ToArbitrary(), jitter.ToArbitrary(), (v, j) =>
        {
            var grid = new double[cells];
            for (int i = 0; i < cells; i++)
            {
                grid[i] = v[i] * (1 + (j[i] / 1e6));
            }

            var totals = CityTotals.Compute(Coverage, grid);
            double sum = grid.Sum();
            double got = totals.Cities.Sum(c => c.EmissionsTonnes) + totals.OutsideTonnes;
            double tol = 1e-9 * Math.Max(Math.Abs(sum), 1e-300);
            return (Math.Abs(got - sum) <= tol && Math.Abs(totals.ResidualTonnes) <= tol)
                .Label($"expected {sum:R}, got {got:R}, difference {got - sum:R}, residual {totals.ResidualTonnes:R}");
        }).QuickCheckThrowOnFailure();
    }

    // Two wide cities on a 40 x 30 grid with a gap: whole-cell runs longer than a zero block, outside runs too.
    private static readonly CityCoverage WideCoverage = CityCoverage.Build(TinyGrids.Grid(40, 30),
    [
        new("W", TinyGrids.Factory.CreatePolygon([new(903_300, 3_712_700), new(1_151_000, 3_705_000), new(1_140_100, 3_860_500), new(915_000, 3_990_300), new(903_300, 3_712_700)])),
        new("E", TinyGrids.Box(1_160_000, 3_720_000, 1_296_500, 4_004_100)),
    ]);

    public static TheoryData<string> Coverages => new() { "tiny", "wide" };

    [Theory]
    [MemberData(nameof(Coverages))]
    public void Streaming_the_coverage_runs_gives_the_bits_of_a_cell_major_pass_over_the_entries(string which)
    {
        CityCoverage coverage = which == "wide" ? WideCoverage : Coverage;
        Assert.Contains(coverage.Entries.ToArray(), e => e.Fraction == 1.0); // whole cells: runs of fraction 1 are exercised
        Assert.Contains(coverage.Entries.ToArray(), e => e.Fraction < 1.0);
        int cells = coverage.Grid.CellCount;
        // Dense grids, and sparse ones whose zero runs make whole blocks of eight zero cells (skipped by the sums).
        var values = Gen.OneOf(
            Gen.Elements(0.0, -0.0, 1e-3, 7.5, 1e4, 3.3e5, 2.2e6, 9.9e7, -4.2e3).ArrayOf(cells),
            Gen.Frequency((30, Gen.Constant(0.0)), (2, Gen.Constant(-0.0)), (1, Gen.Elements(1e-3, 7.5, 2.2e6, -4.2e3))).ArrayOf(cells));
        var pointCells = Gen.Choose(0, cells - 1).ArrayOf(3);
        Prop.ForAll(values.ToArbitrary(), pointCells.ToArbitrary(), (v, pc) =>
        {
            BookedPoint[] points = [.. pc.Select((cell, k) => new BookedPoint(cell, k - 1, 10.0 * (k + 1)))];
            AssertCellMajorBits(coverage, v, points);
        }).QuickCheckThrowOnFailure();
    }

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);

    // Without and with the booked points: the streamed totals have the bits of a cell-major pass.
    private static void AssertCellMajorBits(CityCoverage coverage, double[] values, BookedPoint[] points)
    {
        foreach (IReadOnlyList<BookedPoint> booked in new[] { Array.Empty<BookedPoint>(), points })
        {
            CityTotalsResult got = CityTotals.Compute(coverage, values, booked);
            (double[] cities, double outside, double total) = CellMajor(coverage, values, booked);
            Assert.Equal(Bits(total), Bits(got.GridTotalTonnes));
            Assert.Equal(Bits(outside), Bits(got.OutsideTonnes));
            Assert.Equal(cities.Select(Bits), got.Cities.Select(c => Bits(c.EmissionsTonnes)));
        }
    }

    // The previous algorithm: the total, then Σ value × (1 − covered) over every cell, then every entry in cell-major order.
    private static (double[] Cities, double Outside, double Total) CellMajor(CityCoverage coverage, double[] values, IReadOnlyList<BookedPoint> points)
    {
        var total = default(GridEmissions.Core.Allocation.PreciseAccumulator);
        var outside = default(GridEmissions.Core.Allocation.PreciseAccumulator);
        foreach (double v in values)
        {
            total.Add(v);
        }

        var sums = new GridEmissions.Core.Allocation.PreciseAccumulator[coverage.Cities.Count];
        double[] rest = (double[])values.Clone();
        foreach (BookedPoint p in points)
        {
            rest[p.CellIndex] -= p.Tonnes;
            if (p.CityIndex >= 0)
            {
                sums[p.CityIndex].Add(p.Tonnes);
            }
            else
            {
                outside.Add(p.Tonnes);
            }
        }

        for (int i = 0; i < rest.Length; i++)
        {
            outside.Add(rest[i] * (1.0 - coverage.CoveredFraction(i)));
        }

        foreach (CellCityFraction e in coverage.Entries)
        {
            sums[e.CityIndex].Add(rest[e.CellIndex] * e.Fraction);
        }

        return ([.. sums.Select(s => s.Value)], outside.Value, total.Value);
    }

    [Fact]
    public void Ranks_are_ordinal_and_shares_sum_with_outside_to_one()
    {
        var values = Enumerable.Range(0, Coverage.Grid.CellCount).Select(i => (double)(i * 37 % 11) * 1000).ToArray();
        var totals = CityTotals.Compute(Coverage, values);

        Assert.Equal([1, 2, 3], totals.Cities.Select(c => c.Rank).Order());
        var byRank = totals.Cities.OrderBy(c => c.Rank).Select(c => c.EmissionsTonnes).ToArray();
        Assert.True(byRank[0] >= byRank[1] && byRank[1] >= byRank[2]);
        Tolerance.Close(1.0, totals.Cities.Sum(c => c.ShareOfRegion) + (totals.OutsideTonnes / totals.GridTotalTonnes), 1e-12, "shares + outside share");
    }

    [Fact]
    public void On_a_large_grid_the_bits_are_those_of_a_cell_major_pass()
    {
        var grid = TinyGrids.Grid(520, 520); // 270,400 cells, long runs and many zero blocks
        var coverage = CityCoverage.Build(grid,
        [
            new("W", TinyGrids.Factory.CreatePolygon([new(903_300, 3_712_700), new(3_151_000, 1_705_000), new(3_140_100, -860_500), new(915_000, -990_300), new(903_300, 3_712_700)])),
            new("E", TinyGrids.Box(3_160_000, -720_000, 5_296_500, 3_004_100)),
        ]);
        var random = new Random(7);
        for (int rep = 0; rep < 3; rep++)
        {
            var v = new double[grid.CellCount];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = random.Next(3) == 0 ? 0.0 : (random.Next(10) == 0 ? -1 : 1) * random.NextDouble() * Math.Pow(10, random.Next(8));
            }

            BookedPoint[] points = [new(random.Next(v.Length), 0, 12.5), new(random.Next(v.Length), -1, 3.0), new(random.Next(v.Length), 1, 7.0)];
            AssertCellMajorBits(coverage, v, points);
        }

        // A non-finite cell is reported, before a booked point that does not fit the grid.
        var bad = new double[grid.CellCount];
        bad[grid.CellCount - 3] = double.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => CityTotals.Compute(coverage, bad, [new BookedPoint(-1, 0, 1.0)]));
        Assert.Contains("values must be finite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_cell_values_are_a_programming_error()
    {
        var values = new double[Coverage.Grid.CellCount];
        values[5] = double.NaN;
        Assert.Throws<ArgumentException>(() => CityTotals.Compute(Coverage, values));
    }
}

public sealed class CityTotalsBookedPointTests
{
    // city A covers the west half of a 2 x 1 grid's first cell and the whole second cell; the rest is outside
    private static readonly CityCoverage Coverage = CityCoverage.Build(TinyGrids.Grid(2, 1), [new("A", TinyGrids.Box(905_000, 4_000_000, 920_000, 4_010_000))]);

    [Fact]
    public void A_booked_point_goes_whole_to_its_city_and_only_the_rest_of_its_cell_is_split_by_area()
    {
        // cell 0 carries a 100 t facility in A plus 10 t of area emissions; cell 1 carries 40 t
        var totals = CityTotals.Compute(Coverage, [110, 40], [new BookedPoint(0, 0, 100)]);
        Tolerance.Close(100 + 5 + 40, totals.Cities[0].EmissionsTonnes, 1e-12, "A");
        Tolerance.Close(5, totals.OutsideTonnes, 1e-12, "outside");
        Assert.True(Math.Abs(totals.ResidualTonnes) <= 1e-12, $"residual {totals.ResidualTonnes:R}");
    }

    [Fact]
    public void A_point_with_no_city_goes_to_the_outside_remainder()
    {
        var totals = CityTotals.Compute(Coverage, [100, 0], [new BookedPoint(0, -1, 100)]);
        Tolerance.Close(0, totals.Cities[0].EmissionsTonnes, 1e-12, "A");
        Tolerance.Close(100, totals.OutsideTonnes, 1e-12, "outside");
    }

    [Fact]
    public void Without_points_the_split_is_by_area_as_before()
    {
        var totals = CityTotals.Compute(Coverage, [100, 0], []);
        Tolerance.Close(50, totals.Cities[0].EmissionsTonnes, 1e-12, "A");
        Tolerance.Close(50, totals.OutsideTonnes, 1e-12, "outside");
    }

    [Fact]
    public void A_point_outside_the_grid_or_the_cities_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => CityTotals.Compute(Coverage, [1, 0], [new BookedPoint(2, 0, 1)]));
        Assert.Throws<ArgumentException>(() => CityTotals.Compute(Coverage, [1, 0], [new BookedPoint(0, 1, 1)]));
    }
}
