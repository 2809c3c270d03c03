using GridEmissions.Analysis;
using GridEmissions.Pipeline;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline.Tests;

public sealed class RunMapsTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Province_outlines_drop_sliver_holes_but_keep_real_ones()
    {
        LinearRing shell = Ring(0, 0, 100_000);
        LinearRing sliver = Ring(10_000, 10_000, 100);
        LinearRing lake = Ring(50_000, 50_000, 20_000);
        Geometry cleaned = RunMaps.WithoutSlivers(Factory.CreatePolygon(shell, [sliver, lake]));
        var polygon = Assert.IsType<Polygon>(cleaned);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(100_000d * 100_000 - (20_000d * 20_000), polygon.Area);
    }

    [Fact]
    public void Masked_grids_blank_only_empty_cells_outside_the_region()
    {
        double[] masked = RunMaps.Masked([0, 5, 0, 7], [true, false, false, true]);
        Assert.Equal(0, masked[0]);
        Assert.Equal(5, masked[1]);
        Assert.True(double.IsNaN(masked[2]));
        Assert.Equal(7, masked[3]);
    }

    [Theory]
    [InlineData("queen", WeightsKind.Queen, 0)]
    [InlineData("Queen", WeightsKind.Queen, 0)]
    [InlineData("distance:25000", WeightsKind.DistanceBand, 25000)]
    public void Weights_options_parse(string text, WeightsKind kind, double band)
    {
        Assert.Equal((kind, band), HotspotOptions.ParseWeights(text));
    }

    [Theory]
    [InlineData("rook")]
    [InlineData("distance:")]
    [InlineData("distance:0")]
    [InlineData("distance:abc")]
    public void Bad_weights_options_are_input_errors(string text)
    {
        Assert.Throws<InputError>(() => HotspotOptions.ParseWeights(text));
    }

    private static LinearRing Ring(double x, double y, double size) =>
        Factory.CreateLinearRing([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
}
