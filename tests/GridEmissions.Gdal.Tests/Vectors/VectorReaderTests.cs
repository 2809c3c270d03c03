using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal.Tests.Vectors;

public sealed class VectorReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Prefecture_outlines_read_with_chinese_names_and_reproject_to_albers_with_the_right_area()
    {
        string path = FixtureFiles.CopyTo(_temp, "henan_two_prefectures.geojson");
        using var albers = SpatialReference.ChinaAlbersGrid();

        VectorLayer lonLat = VectorReader.Read(path);
        VectorLayer projected = VectorReader.Read(path, options: new VectorReadOptions { TargetCrs = albers });

        Assert.Equal(["adcode", "name", "province", "region"], lonLat.FieldNames);
        Assert.Equal(["郑州市", "开封市"], lonLat.Features.Select(f => (string)f.Attributes["name"]!));
        Assert.Equal("410100", lonLat.Features[0].Attributes["adcode"]);
        Assert.InRange(lonLat.Features[0].Geometry!.Centroid.X, 113.0, 114.2);
        double areaKm2 = projected.Features[0].Geometry!.Area / 1e6;
        Assert.True(areaKm2 is > 7_000 and < 8_000, $"Zhengzhou is about 7,500 km², got {areaKm2:F0} km²");
        using var crs = SpatialReference.FromWkt(projected.CrsWkt);
        Assert.True(crs.IsSame(albers));
    }

    [Fact]
    public void Csv_with_seat_lon_and_seat_lat_columns_reads_as_typed_points()
    {
        string path = FixtureFiles.CopyTo(_temp, "henan_city_seats.csv");

        VectorLayer layer = VectorReader.Read(path);

        Assert.Equal(6, layer.Features.Count);
        Assert.DoesNotContain("seat_lon", layer.FieldNames);
        Assert.Equal(410100L, layer.Features[0].Attributes["adcode"]);
        Assert.Equal("郑州市", layer.Features[0].Attributes["name_zh"]);
        var zhengzhou = (Point)layer.Features[0].Geometry!;
        Assert.Equal(113.665412, zhengzhou.X);
        Assert.Equal(34.757975, zhengzhou.Y);
        Assert.Null(layer.Features[5].Geometry);
        Assert.Equal(string.Empty, layer.CrsWkt);
    }

    [Fact]
    public void Csv_reprojects_when_told_which_crs_its_coordinates_are_in()
    {
        string path = FixtureFiles.CopyTo(_temp, "henan_city_seats.csv");
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();

        VectorLayer layer = VectorReader.Read(path, options: new VectorReadOptions { TargetCrs = albers, SourceCrsIfMissing = wgs84 });

        var zhengzhou = (Point)layer.Features[0].Geometry!;
        Assert.Equal(778342.033964399, zhengzhou.X, 6);
        Assert.Equal(3741464.53286094, zhengzhou.Y, 6);
    }

    [Fact]
    public void Reprojecting_a_layer_without_crs_and_without_an_assumed_crs_names_the_file()
    {
        string path = FixtureFiles.CopyTo(_temp, "henan_city_seats.csv");
        using var albers = SpatialReference.ChinaAlbersGrid();
        var ex = Assert.Throws<GdalException>(() => VectorReader.Read(path, options: new VectorReadOptions { TargetCrs = albers }));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains("has no CRS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_vector_file_names_the_file()
    {
        string path = _temp.File("missing.geojson");
        var ex = Assert.Throws<GdalException>(() => VectorReader.Read(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains("No such file", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_shapefile_round_trips_with_its_sidecars()
    {
        string path = _temp.File("seats.shp");
        var seats = VectorReader.Read(FixtureFiles.CopyTo(_temp, "henan_city_seats.csv")).Features.Where(f => f.Geometry is not null).ToList();
        var spec = new VectorLayerSpec("seats", "EPSG:4326", [new VectorFieldSpec("name_zh", VectorFieldType.String)], VectorGeometryType.Point);

        VectorWriter.Write(path, "ESRI Shapefile", spec, seats);

        Assert.True(File.Exists(_temp.File("seats.dbf")));
        Assert.True(File.Exists(_temp.File("seats.prj")));
        VectorLayer layer = VectorReader.Read(path);
        Assert.Equal("郑州市", layer.Features[0].Attributes["name_zh"]);
        Assert.Equal(5, layer.Features.Count);
    }
}
