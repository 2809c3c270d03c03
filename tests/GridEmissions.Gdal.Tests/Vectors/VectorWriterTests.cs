using GridEmissions.Core.Grids;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal.Tests.Vectors;

public sealed class VectorWriterTests : IDisposable
{
    private static readonly GeometryFactory Factory = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly VectorLayerSpec CitySpec = new(
        "cities",
        "EPSG:4326",
        [new VectorFieldSpec("name_zh", VectorFieldType.String), new VectorFieldSpec("adcode", VectorFieldType.Integer64), new VectorFieldSpec("emissions_t", VectorFieldType.Real)],
        VectorGeometryType.Point);

    private static VectorFeature[] Cities() =>
    [
        new(0, Factory.CreatePoint(new Coordinate(113.665412, 34.757975)), new Dictionary<string, object?> { ["name_zh"] = "郑州市", ["adcode"] = 410100L, ["emissions_t"] = 1.5e7 }),
        new(0, Factory.CreatePoint(new Coordinate(121.47, 31.23)), new Dictionary<string, object?> { ["name_zh"] = "上海市", ["adcode"] = 310000L, ["emissions_t"] = null }),
    ];

    [Fact]
    public void GeoJson_written_with_chinese_attributes_reads_back_the_same()
    {
        string path = _temp.File("城市.geojson");
        VectorWriter.Write(path, "GeoJSON", CitySpec, Cities());

        string text = File.ReadAllText(path);
        Assert.Contains("郑州市", text, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"cities\"", text, StringComparison.Ordinal);

        VectorLayer layer = VectorReader.Read(path);
        Assert.Equal("cities", layer.Name);
        Assert.Equal(["name_zh", "adcode", "emissions_t"], layer.FieldNames);
        Assert.Equal(2, layer.Features.Count);
        Assert.Equal("郑州市", layer.Features[0].Attributes["name_zh"]);
        Assert.Equal(410100L, layer.Features[0].Attributes["adcode"]);
        Assert.Equal(1.5e7, layer.Features[0].Attributes["emissions_t"]);
        Assert.Null(layer.Features[1].Attributes["emissions_t"]);
        var p = (Point)layer.Features[0].Geometry!;
        Assert.Equal(113.665412, p.X, 7);
        Assert.Equal(34.757975, p.Y, 7);
        using var crs = SpatialReference.FromWkt(layer.CrsWkt);
        using var wgs84 = SpatialReference.Wgs84();
        Assert.True(crs.IsSame(wgs84));
    }

    [Fact]
    public void GeoJson_from_an_albers_layer_is_rfc7946_lon_lat_with_counter_clockwise_exteriors()
    {
        // A clockwise square of 20 km around Zhengzhou, in grid metres.
        var square = Factory.CreatePolygon([new(770_000, 3_750_000), new(790_000, 3_750_000), new(790_000, 3_730_000), new(770_000, 3_730_000), new(770_000, 3_750_000)]);
        Assert.False(Orientation.IsCCW(square.ExteriorRing.CoordinateSequence));
        var spec = new VectorLayerSpec("squares", ChinaAlbers.Wkt, [new VectorFieldSpec("id", VectorFieldType.Integer64)], VectorGeometryType.Polygon);
        string path = _temp.File("squares.geojson");

        VectorWriter.Write(path, "GeoJSON", spec, [new VectorFeature(0, square, new Dictionary<string, object?> { ["id"] = 1L })]);

        VectorLayer layer = VectorReader.Read(path);
        var polygon = (Polygon)layer.Features[0].Geometry!;
        Assert.True(Orientation.IsCCW(polygon.ExteriorRing.CoordinateSequence), "RFC 7946 wants counter-clockwise exterior rings");
        Assert.InRange(polygon.Centroid.X, 113.5, 114.0);
        Assert.InRange(polygon.Centroid.Y, 34.5, 35.0);
        Assert.DoesNotContain("\"crs\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GeoJSON", "c.geojson")]
    [InlineData("GPKG", "c.gpkg")]
    [InlineData("CSV", "c.csv")]
    public void Writing_the_same_features_twice_gives_identical_bytes(string driver, string name)
    {
        VectorWriter.Write(_temp.File("a-" + name), driver, CitySpec, Cities());
        Thread.Sleep(1100);
        VectorWriter.Write(_temp.File("b-" + name), driver, CitySpec, Cities());

        Assert.Equal(File.ReadAllBytes(_temp.File("a-" + name)), File.ReadAllBytes(_temp.File("b-" + name)));
    }

    [Fact]
    public void GeoPackage_round_trips_types_nulls_crs_and_layer_names()
    {
        string path = _temp.File("cities.gpkg");
        var spec = CitySpec with { CrsWkt = ChinaAlbers.Wkt };
        var projected = Cities().Select(f => f with { Geometry = Factory.CreatePoint(new Coordinate(778_342.03, 3_741_464.53)) }).ToArray();

        VectorWriter.Write(path, "GPKG", spec, projected);

        Assert.Equal(["cities"], VectorReader.ListLayers(path));
        VectorLayer layer = VectorReader.Read(path, "cities");
        Assert.Equal(1L, layer.Features[0].Fid);
        Assert.Equal("上海市", layer.Features[1].Attributes["name_zh"]);
        Assert.Equal(310000L, layer.Features[1].Attributes["adcode"]);
        Assert.Null(layer.Features[1].Attributes["emissions_t"]);
        Assert.Equal(778_342.03, ((Point)layer.Features[0].Geometry!).X, 6);
        using var crs = SpatialReference.FromWkt(layer.CrsWkt);
        using var albers = SpatialReference.ChinaAlbersGrid();
        Assert.True(crs.IsSame(albers));
        Assert.Single(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Csv_points_are_written_as_x_y_columns_and_read_back_as_points()
    {
        string path = _temp.File("seats.csv");
        VectorWriter.Write(path, "CSV", CitySpec, Cities());

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("X,Y,name_zh,adcode,emissions_t", lines[0]);
        VectorLayer layer = VectorReader.Read(path);
        Assert.Equal(["name_zh", "adcode", "emissions_t"], layer.FieldNames);
        Assert.Equal(121.47, ((Point)layer.Features[1].Geometry!).X, 9);
        Assert.Equal("郑州市", layer.Features[0].Attributes["name_zh"]);
    }

    [Fact]
    public void A_layer_name_that_does_not_exist_lists_the_layers_there_are()
    {
        string path = _temp.File("one.gpkg");
        VectorWriter.Write(path, "GPKG", CitySpec, Cities());
        var ex = Assert.Throws<GdalException>(() => VectorReader.Read(path, "rivers"));
        Assert.Contains("cities", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.FilePath);
    }
}
