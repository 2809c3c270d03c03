using FsCheck.Fluent;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Models.Lines;

public class CorridorNetworkTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Build_lengths_sum_to_each_lines_length_inside_the_grid()
    {
        GridSpec g = TinyGeography.Grid;
        var point = from x in Properties.Uniform(g.MinX - 20_000, g.MaxX + 20_000) from y in Properties.Uniform(g.MinY - 20_000, g.MaxY + 20_000) select new Coordinate(x, y);
        var gen = from n in Gen.Choose(2, 8) from pts in point.ArrayOf(n) from cls in Gen.Elements("trunk", "regional") select (Points: pts, Class: cls);
        Properties.Check(gen, t =>
        {
            LineString line = Factory.CreateLineString(t.Points);
            CorridorNetwork net = CorridorNetwork.Build(g, [new CorridorLine("c", t.Class, line)]);
            double expected = line.Intersection(Factory.ToGeometry(g.Extent)).Length;
            double[] lengths = net.LengthMetresByClass[t.Class].ToGrid();
            Assert.All(lengths, l => Assert.True(l >= 0));
            Conservation.AssertConserved(expected, Conservation.ExactSum(lengths) + (expected == 0 ? 0 : 0), 1e-9, "network length inside the grid");
            for (int i = 0; i < g.CellCount; i++)
            {
                double inCell = line.Intersection(Factory.ToGeometry(g.CellEnvelope(i))).Length;
                Assert.True(Math.Abs(inCell - lengths[i]) <= 1e-6, $"cell {i}: expected {inCell:R} m, got {lengths[i]:R} m");
            }
        });
    }

    [Fact]
    public void Build_keeps_classes_apart_and_reads_every_part_of_a_multi_line()
    {
        GridSpec g = TinyGeography.Grid;
        var (x1, y1) = TinyGeography.Centre(1, 1);
        var (x3, _) = TinyGeography.Centre(3, 1);
        var (_, y3) = TinyGeography.Centre(1, 3);
        LineString east = Factory.CreateLineString([new Coordinate(x1, y1), new Coordinate(x3, y1)]);
        LineString south = Factory.CreateLineString([new Coordinate(x1, y1), new Coordinate(x1, y3)]);
        CorridorNetwork net = CorridorNetwork.Build(g,
        [
            new CorridorLine("t", "trunk", Factory.CreateMultiLineString([east, south])),
            new CorridorLine("r", "regional", east),
        ]);
        Assert.Equal(["regional", "trunk"], net.LengthMetresByClass.Keys);
        Conservation.AssertConserved(40_000, net.LengthMetresByClass["trunk"].Metres.Sum(), 1e-12, "trunk length");
        Conservation.AssertConserved(20_000, net.LengthMetresByClass["regional"].Metres.Sum(), 1e-12, "regional length");
        Assert.Equal(10_000, net.LengthMetresByClass["regional"].ToGrid()[g.Index(2, 1)], 9);
        Assert.Equal(5_000, net.LengthMetresByClass["regional"].ToGrid()[g.Index(1, 1)], 9);
    }

    [Fact]
    public void Build_gives_zero_length_to_a_line_wholly_outside_the_grid()
    {
        GridSpec g = TinyGeography.Grid;
        var line = Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(100_000, 50_000)]);
        CorridorNetwork net = CorridorNetwork.Build(g, [new CorridorLine("far", "trunk", line)]);
        Assert.Empty(net.LengthMetresByClass["trunk"].Cells);
    }
}
