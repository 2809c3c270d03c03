using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Models.Lines;

public class TransportNetworkTests
{
    private static readonly GeometryFactory Factory = new();

    private static LineModelSpec Spec() => new(
        PointSpecBuilder.Test, new Dictionary<string, double> { ["trunk"] = 1, ["modern"] = 0.5, ["road"] = 1 }, 0.4, [], new Dictionary<string, IReadOnlyList<YearValue>>())
    {
        RoadProxy = new RoadProxySpec("road", 2, PointSpecBuilder.Test),
        StationLinks = new StationLinkSpec("modern", 5, PointSpecBuilder.Test),
    };

    private static CorridorLine Rail()
    {
        var (x1, y) = TinyGeography.Centre(1, 3);
        var (x4, _) = TinyGeography.Centre(4, 3);
        return new("rail", "trunk", Factory.CreateLineString([new Coordinate(x1, y), new Coordinate(x4, y)]));
    }

    [Fact]
    public void The_rail_lines_are_completed_with_far_stations_and_a_road_proxy_joins_the_cities()
    {
        CellGeography geo = TinyGeography.Create();
        var (sx, sy) = TinyGeography.Centre(2, 0); // 30 km north of the rail line
        RailStation[] stations = [new("north", sx, sy), new("off the grid", sx, sy + 1e6)];
        TransportNetwork net = TransportNetwork.Compose(Spec(), [Rail()], stations, geo, TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)));
        Assert.Equal(["trunk", "modern", "road"], net.Lines.Select(l => l.Class));
        Assert.Equal(30_000, net.Lines[1].Geometry.Length, 6);
        Assert.Equal("road:Alpha–Beta", net.Lines[2].Id);
        Assert.Contains(net.Notes, n => n.Contains("1 farther than 5 km", StringComparison.Ordinal));
        Assert.Contains(net.Notes, n => n.Contains("2 city nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Road_lines_in_the_corridors_input_replace_the_road_proxy()
    {
        CellGeography geo = TinyGeography.Create();
        var (x, y0) = TinyGeography.Centre(3, 0);
        var (_, y3) = TinyGeography.Centre(3, 3);
        CorridorLine road = new("a real road", "road", Factory.CreateLineString([new Coordinate(x, y0), new Coordinate(x, y3)]));
        TransportNetwork net = TransportNetwork.Compose(Spec(), [Rail(), road], [], geo, TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)));
        Assert.Equal(["rail", "a real road"], net.Lines.Select(l => l.Id));
        Assert.Contains(net.Notes, n => n.Contains("no road proxy is built", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_road_proxy_or_station_links_the_corridors_are_used_as_given()
    {
        CellGeography geo = TinyGeography.Create();
        LineModelSpec plain = Spec() with { RoadProxy = null, StationLinks = null };
        var (sx, sy) = TinyGeography.Centre(2, 0);
        TransportNetwork net = TransportNetwork.Compose(plain, [Rail()], [new RailStation("north", sx, sy)], geo, TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)));
        Assert.Equal(["rail"], net.Lines.Select(l => l.Id));
        Assert.Empty(net.Notes);
    }
}
