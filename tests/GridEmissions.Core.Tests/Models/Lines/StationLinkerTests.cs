using GridEmissions.Core.Models.Lines;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Models.Lines;

public class StationLinkerTests
{
    private static readonly GeometryFactory Factory = new();

    // an east–west rail line along y = 0 from x = 0 to 100 km
    private static readonly CorridorLine[] Rail = [new("old", "trunk", Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(100_000, 0)]))];

    [Fact]
    public void A_station_30_km_off_the_lines_is_joined_to_their_nearest_point_and_one_within_d_is_not()
    {
        RailStation[] stations = [new("far", 40_000, 30_000), new("near", 70_000, 4_000)];
        IReadOnlyList<CorridorLine> links = StationLinker.Link(Rail, stations, 5_000, "modern");
        CorridorLine link = Assert.Single(links);
        Assert.Equal("modern", link.Class);
        Assert.Equal(1, link.Weight);
        Coordinate[] cs = link.Geometry.Coordinates;
        Assert.Equal(new Coordinate(40_000, 30_000), cs[0]);
        Assert.Equal(40_000, cs[1].X, 6); // the foot of the perpendicular on the line
        Assert.Equal(0, cs[1].Y, 6);
        Assert.Equal(30_000, link.Geometry.Length, 6);
    }

    [Fact]
    public void A_chain_of_stations_along_a_new_line_is_joined_station_to_station_from_the_end_nearest_the_network()
    {
        // a new line running north from (50 km, 10 km): stations 10, 20 and 30 km off the old line
        RailStation[] stations = [new("c", 50_000, 30_000), new("a", 50_000, 10_000), new("b", 50_000, 20_000)];
        IReadOnlyList<CorridorLine> links = StationLinker.Link(Rail, stations, 5_000, "modern");
        Assert.Equal(["station-link:a", "station-link:b", "station-link:c"], links.Select(l => l.Id));
        Assert.All(links, l => Assert.Equal(10_000, l.Geometry.Length, 6)); // b joins a, c joins b: not each 20/30 km down to the old line
        Assert.Equal(new Coordinate(50_000, 10_000), links[1].Geometry.Coordinates[1]);
        Assert.Equal(new Coordinate(50_000, 20_000), links[2].Geometry.Coordinates[1]);
    }

    [Fact]
    public void The_links_do_not_depend_on_the_order_of_the_stations()
    {
        RailStation[] stations = [new("p", 10_000, -25_000), new("q", 18_000, -31_000), new("r", 90_000, 12_000), new("s", 61_000, 45_000), new("t", 66_000, 38_000)];
        string Links(IEnumerable<RailStation> order) => string.Join(";", StationLinker.Link(Rail, [.. order], 5_000, "modern").Select(l => l.Id + l.Geometry.AsText()));
        string expected = Links(stations);
        Assert.Equal(expected, Links(stations.Reverse()));
        Assert.Equal(expected, Links(stations.OrderBy(s => s.Name.GetHashCode(StringComparison.Ordinal))));
        Assert.Equal(5, StationLinker.Link(Rail, stations, 5_000, "modern").Count);
    }

    [Fact]
    public void Without_rail_lines_nothing_is_linked()
    {
        Assert.Empty(StationLinker.Link([], [new RailStation("x", 0, 50_000)], 5_000, "modern"));
    }
}
