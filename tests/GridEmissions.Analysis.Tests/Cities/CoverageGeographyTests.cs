using GridEmissions.Core.Models;

namespace GridEmissions.Analysis.Tests;

public sealed class CoverageGeographyTests
{
    [Fact]
    public void A_cell_split_30_70_belongs_to_the_larger_city_and_is_fully_in_the_region()
    {
        var grid = TinyGrids.Grid(3, 1); // x 900..930 km, y 4,000..4,010 km
        var west = TinyGrids.Box(900_000, 4_000_000, 913_000, 4_010_000); // cell 0 and 30 % of cell 1
        var east = TinyGrids.Box(913_000, 4_000_000, 920_000, 4_010_000); // 70 % of cell 1
        var coverage = CityCoverage.Build(grid, [new("W", west), new("E", east)]);
        CellGeography cells = CoverageGeography.ToCellGeography(coverage, [new("W", "西", "West", 905_000, 4_005_000), new("E", "东", "East", 915_000, 4_005_000)]);

        Assert.Equal(1.0, cells.RegionFraction[0], 12);
        Assert.Equal(1.0, cells.RegionFraction[1], 12);
        Assert.Equal(0.0, cells.RegionFraction[2], 12);
        Assert.Equal(0, cells.CellCity[0]);
        Assert.Equal(1, cells.CellCity[1]);
        Assert.Equal(-1, cells.CellCity[2]);
    }

    [Fact]
    public void City_records_must_match_the_coverage()
    {
        var grid = TinyGrids.Grid(1, 1);
        var coverage = CityCoverage.Build(grid, [new("W", TinyGrids.Box(900_000, 4_000_000, 910_000, 4_010_000))]);
        Assert.Throws<ArgumentException>(() => CoverageGeography.ToCellGeography(coverage, []));
    }
}
