using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal.Tests.Spatial;

/// <summary>
/// Reference values come from PROJ 9.1 via GDAL 3.6.2's command line, which uses the
/// traditional lon/lat order for EPSG:4326 (checked: swapping the inputs gives other values):
/// <c>printf "113.665412 34.757975\n121.47 31.23\n" | gdaltransform -output_xy -s_srs EPSG:4326 -t_srs "$(ChinaAlbers.Proj4)"</c>
/// and the reverse with <c>-s_srs "$(ChinaAlbers.Proj4)" -t_srs EPSG:4326</c>.
/// </summary>
public sealed class SpatialReferenceTests
{
    private static readonly (double Lon, double Lat, double X, double Y)[] Known =
    [
        (113.665412, 34.757975, 778342.033964399, 3741464.53286094), // Zhengzhou
        (121.47, 31.23, 1540128.43361172, 3437840.3475632), // Shanghai
    ];

    [Fact]
    public void Lon_lat_transform_to_china_albers_matches_proj_to_a_micrometre()
    {
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var albers = SpatialReference.FromUserInput(ChinaAlbers.Proj4);
        using var transformer = CoordinateTransformer.Create(wgs84, albers);
        double[] xs = Known.Select(k => k.Lon).ToArray();
        double[] ys = Known.Select(k => k.Lat).ToArray();

        transformer.Transform(xs, ys);

        for (int i = 0; i < Known.Length; i++)
        {
            Assert.True(Math.Abs(xs[i] - Known[i].X) < 1e-6, $"x: expected {Known[i].X}, got {xs[i]}, difference {xs[i] - Known[i].X}");
            Assert.True(Math.Abs(ys[i] - Known[i].Y) < 1e-6, $"y: expected {Known[i].Y}, got {ys[i]}, difference {ys[i] - Known[i].Y}");
        }
    }

    [Fact]
    public void China_albers_transform_back_to_lon_lat_recovers_the_coordinates()
    {
        using var wgs84 = SpatialReference.FromUserInput("EPSG:4326");
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var transformer = CoordinateTransformer.Create(albers, wgs84);
        foreach (var k in Known)
        {
            var (lon, lat) = transformer.Transform(k.X, k.Y);
            Assert.True(Math.Abs(lon - k.Lon) < 1e-9, $"lon: expected {k.Lon}, got {lon}");
            Assert.True(Math.Abs(lat - k.Lat) < 1e-9, $"lat: expected {k.Lat}, got {lat}");
        }
    }

    [Fact]
    public void Geometry_transform_returns_a_transformed_copy()
    {
        using var wgs84 = SpatialReference.Wgs84();
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var transformer = CoordinateTransformer.Create(wgs84, albers);
        var line = new GeometryFactory().CreateLineString([new Coordinate(113.665412, 34.757975), new Coordinate(121.47, 31.23)]);

        Geometry projected = transformer.Transform(line);

        Assert.Equal(113.665412, line.Coordinates[0].X);
        Assert.Equal(778342.033964399, projected.Coordinates[0].X, 6);
        Assert.Equal(3437840.3475632, projected.Coordinates[1].Y, 6);
    }

    [Fact]
    public void The_wkt_proj4_and_epsg_forms_of_the_grid_crs_are_the_same()
    {
        using var fromWkt = SpatialReference.FromWkt(ChinaAlbers.Wkt);
        using var fromProj = SpatialReference.FromUserInput(ChinaAlbers.Proj4);
        using var roundTrip = SpatialReference.FromWkt(fromProj.ToWkt("WKT2_2019"));
        using var wgs84 = SpatialReference.Wgs84();

        Assert.True(fromWkt.IsSame(fromProj));
        Assert.True(fromWkt.IsSame(roundTrip));
        Assert.False(fromWkt.IsSame(wgs84));
        Assert.Equal("China_Albers_Equal_Area", fromWkt.Name);
        Assert.Equal("WGS 84", wgs84.Name);
    }

    [Fact]
    public void A_point_that_cannot_be_transformed_throws_naming_it()
    {
        using var wgs84 = SpatialReference.Wgs84();
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var transformer = CoordinateTransformer.Create(albers, wgs84);
        double[] xs = [778342, 1e30], ys = [3741464, 1e30];
        var ex = Assert.Throws<GdalException>(() => transformer.Transform(xs, ys));
        Assert.Contains("1 of 2 points", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonsense_crs_input_is_reported()
    {
        var ex = Assert.Throws<GdalException>(() => SpatialReference.FromUserInput("not a crs at all"));
        Assert.Contains("not a crs at all", ex.Message, StringComparison.Ordinal);
    }
}
