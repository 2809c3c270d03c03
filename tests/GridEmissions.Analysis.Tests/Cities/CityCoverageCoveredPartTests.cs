namespace GridEmissions.Analysis.Tests;

/// <summary>
/// <see cref="CityCoverage.OfCoveredPart"/>: a cell's value describes its part inside the cities, so the
/// cities share all of it in proportion to their fractions, and only untouched cells stay outside.
/// </summary>
public sealed class CityCoverageCoveredPartTests
{
    // A covers the west half of cell 0 and the whole of cell 1; B the east quarter of cell 2; cell 3 is untouched.
    private static readonly CityCoverage Coverage = CityCoverage.Build(
        TinyGrids.Grid(4, 1),
        [new("A", TinyGrids.Box(905_000, 4_000_000, 920_000, 4_010_000)), new("B", TinyGrids.Box(927_500, 4_000_000, 930_000, 4_010_000))]);

    [Fact]
    public void A_cell_half_in_one_city_gives_that_city_all_of_its_value()
    {
        var byArea = CityTotals.Compute(Coverage, [100, 40, 8, 0]);
        Tolerance.Close(50 + 40, byArea.Cities[0].EmissionsTonnes, 1e-12, "A by area");

        var totals = CityTotals.Compute(Coverage.OfCoveredPart(), [100, 40, 8, 0]);
        Assert.Equal(140, totals.Cities[0].EmissionsTonnes);
        Assert.Equal(8, totals.Cities[1].EmissionsTonnes);
        Assert.Equal(0, totals.OutsideTonnes);
    }

    [Fact]
    public void Only_cells_no_city_touches_stay_outside()
    {
        var totals = CityTotals.Compute(Coverage.OfCoveredPart(), [0, 0, 0, 25]);
        Assert.Equal(25, totals.OutsideTonnes);
        Assert.All(totals.Cities, c => Assert.Equal(0, c.EmissionsTonnes));
    }

    [Fact]
    public void Cities_sharing_a_cell_keep_the_ratio_of_their_fractions_and_share_all_of_it()
    {
        // A and B meet inside cell 1 at x = 915.5 km, and together cover 70 % of it.
        var coverage = CityCoverage.Build(
            TinyGrids.Grid(2, 1),
            [new("A", TinyGrids.Box(900_000, 4_000_000, 915_500, 4_007_000)), new("B", TinyGrids.Box(915_500, 4_000_000, 920_000, 4_010_000))]);
        var raw = coverage.EntriesOfCell(1).ToArray();
        var parts = coverage.OfCoveredPart().EntriesOfCell(1).ToArray();
        Assert.Equal(2, parts.Length);
        Tolerance.Close(raw[0].Fraction / raw[1].Fraction, parts[0].Fraction / parts[1].Fraction, 1e-14, "ratio");
        Tolerance.Close(1, parts[0].Fraction + parts[1].Fraction, 1e-15, "sum");

        var totals = CityTotals.Compute(coverage.OfCoveredPart(), [0, 1000]);
        Tolerance.Close(1000 * raw[0].Fraction / (raw[0].Fraction + raw[1].Fraction), totals.Cities[0].EmissionsTonnes, 1e-12, "A");
        Tolerance.Close(1000, totals.Cities[0].EmissionsTonnes + totals.Cities[1].EmissionsTonnes, 1e-12, "A + B");
        Assert.True(Math.Abs(totals.OutsideTonnes) <= 1e-12, $"outside {totals.OutsideTonnes:R}");
    }

    [Fact]
    public void Polygon_areas_and_whole_cells_are_unchanged()
    {
        var parts = Coverage.OfCoveredPart();
        Assert.Equal(Coverage.CityAreaKm2(0), parts.CityAreaKm2(0));
        Assert.Equal(Coverage.CityAreaKm2(1), parts.CityAreaKm2(1));
        Assert.Equal(1.0, Assert.Single(parts.EntriesOfCell(1).ToArray()).Fraction);
        Assert.Equal([1.0, 1.0, 1.0, 0.0], parts.CoveredFractions.ToArray());
    }
}
