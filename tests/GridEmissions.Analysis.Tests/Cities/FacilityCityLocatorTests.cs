namespace GridEmissions.Analysis.Tests;

public sealed class FacilityCityLocatorTests
{
    // two 20 km boxes side by side (A west, B east) sharing the border x = 920 km
    private static readonly CityPolygon[] Cities =
    [
        new("A", TinyGrids.Box(900_000, 3_960_000, 920_000, 3_980_000)),
        new("B", TinyGrids.Box(920_000, 3_960_000, 940_000, 3_980_000)),
    ];

    [Fact]
    public void A_point_inside_a_polygon_belongs_to_that_city_at_distance_zero()
    {
        var locator = new FacilityCityLocator(Cities);
        Assert.Equal((1, 0.0), locator.Locate(931_000, 3_971_000));
        Assert.Equal((0, 0.0), locator.Locate(900_500, 3_979_500));
    }

    [Fact]
    public void A_point_on_a_shared_border_belongs_to_the_lower_city_index()
    {
        Assert.Equal(0, new FacilityCityLocator(Cities).Locate(920_000, 3_970_000).CityIndex);
    }

    [Fact]
    public void An_offshore_point_within_reach_goes_to_the_nearest_city_and_beyond_reach_to_none()
    {
        var locator = new FacilityCityLocator(Cities, reachMetres: 20_000);
        var (city, distance) = locator.Locate(952_000, 3_970_000); // 12 km east of B
        Assert.Equal(1, city);
        Assert.Equal(12_000, distance, 6);
        var (far, farDistance) = locator.Locate(900_000, 3_930_000); // 30 km south of A
        Assert.Equal(-1, far);
        Assert.Equal(30_000, farDistance, 6);
    }
}
