
namespace GridEmissions.Analysis.Tests;

public sealed class TrajectoriesTests
{
    [Theory]
    [InlineData(new[] { false, false, false }, new[] { 0.0, 0.0, 0.0 }, TrajectoryClass.None)]
    [InlineData(new[] { true, true, false }, new[] { 0.3, 0.2, 0.0 }, TrajectoryClass.Vanished)]
    [InlineData(new[] { false, true, false }, new[] { 0.1, 0.2, 0.1 }, TrajectoryClass.Vanished)]
    [InlineData(new[] { false, false, true }, new[] { 0.1, 0.1, 0.3 }, TrajectoryClass.Emerging)]
    [InlineData(new[] { true, false, true }, new[] { 0.20, 0.1, 0.21 }, TrajectoryClass.Persistent)]
    [InlineData(new[] { true, true, true }, new[] { 0.20, 0.3, 0.22 }, TrajectoryClass.Intensifying)]
    [InlineData(new[] { true, true, true }, new[] { 0.20, 0.3, 0.18 }, TrajectoryClass.Diminishing)]
    [InlineData(new[] { true, true, true }, new[] { 0.20, 0.3, 0.19 }, TrajectoryClass.Persistent)]
    [InlineData(new[] { true, true }, new[] { 0.0, 0.0 }, TrajectoryClass.Persistent)]
    public void The_rule_uses_presence_in_base_and_last_year_and_a_ten_percent_change(bool[] present, double[] measure, TrajectoryClass expected) =>
        Assert.Equal(expected, Trajectories.Classify(present, measure, 0.10));

    [Fact]
    public void Zone_footprints_are_classified_across_base_2035_and_2060()
    {
        var grid = TinyGrids.Grid(8, 3);
        YearHotspots Year(int year, params (int Cell, sbyte Class, double Tonnes)[] cells)
        {
            var classes = new sbyte[grid.CellCount];
            var values = Enumerable.Repeat(1.0, grid.CellCount).ToArray();
            foreach (var (cell, cls, tonnes) in cells)
            {
                classes[cell] = cls;
                values[cell] = tonnes;
            }

            return new YearHotspots(year, classes, values);
        }

        // cell 0: hot throughout, its share grows → intensifying; cell 3: hot only at the start → vanished;
        // cell 6: hot only in 2060 → emerging; cells 16/17: hot throughout at a steady share → persistent
        var years = new[]
        {
            Year(2060, (0, 3, 60), (6, 2, 50), (16, 1, 20), (17, 1, 20)),
            Year(2024, (0, 3, 40), (3, 2, 80), (16, 2, 20), (17, 2, 20)),
            Year(2035, (0, 3, 50), (3, 1, 30), (16, 2, 20), (17, 2, 20)),
        };
        var zones = Trajectories.ClassifyZones(grid, years);

        Assert.Equal(4, zones.Count);
        Assert.All(zones, z => Assert.Equal([2024, 2035, 2060], z.Years));
        Assert.Equal(TrajectoryClass.Intensifying, zones.Single(z => z.FootprintCells.Contains(0)).Class);
        Assert.Equal(TrajectoryClass.Vanished, zones.Single(z => z.FootprintCells.Contains(3)).Class);
        Assert.Equal(TrajectoryClass.Emerging, zones.Single(z => z.FootprintCells.Contains(6)).Class);
        var steady = zones.Single(z => z.FootprintCells.Contains(16));
        Assert.Equal([16, 17], steady.FootprintCells);
        Assert.Equal(TrajectoryClass.Persistent, steady.Class);
        Assert.Equal([2, 2, 2], steady.HotCellsByYear);
        Assert.Equal(1, zones.Single(z => z.FootprintCells.Contains(0)).Id); // 150 t over the years, the largest
    }

    [Fact]
    public void Cities_are_hot_when_enough_of_their_area_is_in_hot_cells()
    {
        var grid = TinyGrids.Grid(4, 1); // four cells in a row
        var west = new CityPolygon("W", TinyGrids.Box(900_000, 4_000_000, 920_000, 4_010_000)); // cells 0, 1
        var east = new CityPolygon("E", TinyGrids.Box(920_000, 4_000_000, 940_000, 4_010_000)); // cells 2, 3
        var coverage = CityCoverage.Build(grid, [west, east]);
        var y2024 = new YearHotspots(2024, [2, 0, 0, 0], [100, 10, 10, 10]);
        var y2060 = new YearHotspots(2060, [0, 0, 0, 1], [10, 10, 10, 40]);
        var cities = Trajectories.ClassifyCities(coverage, [y2024, y2060]);

        Assert.Equal(TrajectoryClass.Vanished, cities[0].Class);
        Assert.Equal(TrajectoryClass.Emerging, cities[1].Class);
        Tolerance.Close(0.5, cities[0].HotShareByYear[0], 1e-12, "hot share of W in 2024");
        Tolerance.Close(110.0 / 130, cities[0].MeasureByYear[0], 1e-12, "share of W in 2024");
        Tolerance.Close(50, cities[1].TonnesByYear[1], 1e-9, "E tonnes in 2060");
    }
}
