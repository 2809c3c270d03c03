using GridEmissions.Pipeline;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline.Tests;

public sealed class BoundaryChecksTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Neighbours_sharing_a_border_are_settled_by_the_square_test()
    {
        Geometry[] parts = [Box(0, 0, 50_000), Box(50_000, 0, 50_000)];
        Assert.Equal([true, true], BoundaryChecks.SharesSquare(parts));
    }

    [Fact]
    public void Parts_alone_in_their_squares_are_left_to_the_distance_test()
    {
        // 80 km apart (near, within 100 km) but their vertices fall in different 70.7 km squares,
        // and 400 km away (stray): the square test settles neither.
        Geometry[] parts = [Box(0, 0, 10_000), Box(90_000, 0, 10_000), Box(500_000, 0, 10_000)];
        Assert.Equal([false, false, false], BoundaryChecks.SharesSquare(parts));
    }

    [Fact]
    public void Only_the_far_part_is_stray_whichever_test_settles_the_others()
    {
        var near = new CityRecord("410100", "郑州市", "Zhengzhou", "Henan", Factory.CreateMultiPolygon([Box(0, 0, 50_000), Box(130_000, 0, 10_000)]), 0, 0);
        var neighbour = new CityRecord("410200", "开封市", "Kaifeng", "Henan", Box(50_000, 0, 50_000), 0, 0);
        var far = new CityRecord("410300", "洛阳市", "Luoyang", "Henan", Box(900_000, 0, 10_000), 0, 0);
        var problems = BoundaryChecks.StrayParts("cities.geojson", [(near, 1), (neighbour, 2), (far, 3)], (x, y) => (x / 1e5, y / 1e5)).ToList();
        var problem = Assert.Single(problems);
        Assert.Contains("feature 3 (Luoyang, adcode 410300)", problem.Message, StringComparison.Ordinal);
    }

    private static Polygon Box(double x, double y, double size) => Factory.CreatePolygon(
        [new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
}
