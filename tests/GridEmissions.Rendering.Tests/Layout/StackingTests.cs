namespace GridEmissions.Rendering.Tests.Layout;

public class StackingTests
{
    [Fact]
    public void Positive_series_stack_upward_and_sinks_downward_without_crossing()
    {
        var bands = Stacking.Compute([[10, 20], [5, 5], [0, -3]]);
        Assert.Equal([0.0, 0], bands[0].Lower);
        Assert.Equal([10.0, 20], bands[0].Upper);
        Assert.Equal([10.0, 20], bands[1].Lower);
        Assert.Equal([15.0, 25], bands[1].Upper);
        Assert.Equal([0.0, -3], bands[2].Lower); // a sink at zero stays at zero, below the stack
        Assert.Equal([0.0, 0], bands[2].Upper);
    }
}

public class NiceTicksTests
{
    [Theory]
    [InlineData(-45, 494, -100, 500)]
    [InlineData(0, 1, 0, 1)]
    [InlineData(2024, 2060, 2020, 2060)]
    public void Ticks_cover_the_range_with_round_steps(double min, double max, double first, double last)
    {
        IReadOnlyList<double> t = NiceTicks.For(min, max);
        Assert.Equal(first, t[0]);
        Assert.Equal(last, t[^1]);
        Assert.True(t.Count <= 8, $"{t.Count} ticks");
    }
}

public class ScaleBarModelTests
{
    [Theory]
    [InlineData(1000, 150, 100)] // 1 km per point, 150 pt available: 100 km
    [InlineData(1000, 260, 200)]
    [InlineData(500, 120, 50)]
    public void The_bar_is_the_longest_round_length_that_fits(double metresPerPoint, double maxWidth, double km)
    {
        ScaleBarModel bar = ScaleBarModel.Choose(metresPerPoint, maxWidth);
        Assert.Equal(km, bar.LengthKm);
        Assert.True(bar.WidthPoints <= maxWidth);
    }
}

public class MapViewportTests
{
    [Fact]
    public void North_is_up_and_the_scale_is_uniform()
    {
        var v = new MapViewport(new NetTopologySuite.Geometries.Envelope(0, 200_000, 0, 100_000), new PageRect(10, 20, 400, 400));
        Assert.Equal(400.0 / 200_000, v.PointsPerMetre);
        Assert.Equal(10, v.X(0), 9);
        Assert.Equal(410, v.X(200_000), 9);
        Assert.True(v.Y(100_000) < v.Y(0), "larger northing must be higher on the page");
        Assert.Equal(220, (v.Y(0) + v.Y(100_000)) / 2, 9); // centred vertically
    }

    [Fact]
    public void True_north_leans_west_east_of_the_central_meridian()
    {
        // Zhengzhou (113.6°E) and Shanghai (121.5°E) in the grid CRS, roughly.
        double henan = TrueNorth.AngleFromGridNorth(830_000, 3_900_000) * 180 / Math.PI;
        double shanghai = TrueNorth.AngleFromGridNorth(1_580_000, 3_700_000) * 180 / Math.PI;
        Assert.InRange(henan, -6, -4);
        Assert.InRange(shanghai, -10.5, -8.5);
    }
}
