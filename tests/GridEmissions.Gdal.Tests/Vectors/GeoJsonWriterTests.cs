using System.Diagnostics;
using System.Text.Json;
using GridEmissions.Core.Grids;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal.Tests.Vectors;

/// <summary>RFC 7946 checks on the JSON text itself (not through a reader that might normalise it).</summary>
public sealed class GeoJsonWriterTests : IDisposable
{
    private static readonly GeometryFactory Factory = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly VectorLayerSpec Spec = new(
        "zones",
        "EPSG:4326",
        [new VectorFieldSpec("name_zh", VectorFieldType.String), new VectorFieldSpec("zone_id", VectorFieldType.Integer64), new VectorFieldSpec("emissions_t", VectorFieldType.Real)]);

    /// <summary>A clockwise shell with a counter-clockwise hole (both the wrong way round for RFC 7946), at 9 decimals.</summary>
    private static Polygon WrongWayRound()
    {
        LinearRing shell = Factory.CreateLinearRing([new(113.123456789, 34.0), new(113.123456789, 35.0), new(114.987654321, 35.0), new(114.987654321, 34.0), new(113.123456789, 34.0)]);
        LinearRing hole = Factory.CreateLinearRing([new(113.5, 34.5), new(114.5, 34.5), new(114.5, 34.7), new(113.5, 34.7), new(113.5, 34.5)]);
        Assert.False(Orientation.IsCCW(shell.CoordinateSequence));
        Assert.True(Orientation.IsCCW(hole.CoordinateSequence));
        return Factory.CreatePolygon(shell, [hole]);
    }

    private string WriteOne(Geometry geometry, object? emissions, VectorLayerSpec? spec = null)
    {
        string path = _temp.File("zones.geojson");
        GeoJsonWriter.Write(path, spec ?? Spec, [new VectorFeature(0, geometry, new Dictionary<string, object?> { ["name_zh"] = "郑州市", ["zone_id"] = 1L, ["emissions_t"] = emissions })]);
        return path;
    }

    private static IEnumerable<JsonElement> Rings(JsonElement geometry) =>
        geometry.GetProperty("type").GetString() == "Polygon"
            ? geometry.GetProperty("coordinates").EnumerateArray()
            : geometry.GetProperty("coordinates").EnumerateArray().SelectMany(p => p.EnumerateArray());

    private static bool IsCcw(JsonElement ring)
    {
        Coordinate[] c = [.. ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))];
        return Orientation.IsCCW(c);
    }

    [Fact]
    public void Exterior_rings_are_counter_clockwise_holes_clockwise_and_coordinates_have_at_most_six_decimals()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(WriteOne(WrongWayRound(), 2.5)));
        JsonElement geometry = doc.RootElement.GetProperty("features")[0].GetProperty("geometry");
        JsonElement[] rings = [.. Rings(geometry)];
        Assert.Equal(2, rings.Length);
        Assert.True(IsCcw(rings[0]), "the exterior ring must be counter-clockwise (RFC 7946 §3.1.6)");
        Assert.False(IsCcw(rings[1]), "a hole must be clockwise (RFC 7946 §3.1.6)");
        foreach (JsonElement position in rings.SelectMany(r => r.EnumerateArray()))
        {
            Assert.Equal(2, position.GetArrayLength());
            foreach (JsonElement ordinate in position.EnumerateArray())
            {
                string raw = ordinate.GetRawText();
                int dot = raw.IndexOf('.', StringComparison.Ordinal);
                Assert.True(dot < 0 || raw.Length - dot - 1 <= 6, $"{raw} has more than six decimals");
            }
        }

        Assert.Contains(rings[0].EnumerateArray(), p => p[0].GetDouble() == 113.123457);
    }

    [Fact]
    public void The_collection_has_a_name_no_crs_and_typed_properties_in_field_order()
    {
        string text = File.ReadAllText(WriteOne(WrongWayRound(), 0.0));
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal("zones", root.GetProperty("name").GetString());
        Assert.False(root.TryGetProperty("crs", out _), "RFC 7946 removed the crs member");
        JsonElement properties = root.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(["name_zh", "zone_id", "emissions_t"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("郑州市", properties.GetProperty("name_zh").GetString());
        Assert.Contains("\"郑州市\"", text, StringComparison.Ordinal); // UTF-8, not \u escapes
        Assert.Equal("0.0", properties.GetProperty("emissions_t").GetRawText()); // a real stays a real for OGR
    }

    [Fact]
    public void Non_finite_reals_are_null_and_an_albers_layer_is_reprojected_to_lon_lat()
    {
        var square = Factory.CreatePolygon([new(770_000, 3_750_000), new(790_000, 3_750_000), new(790_000, 3_730_000), new(770_000, 3_730_000), new(770_000, 3_750_000)]);
        string path = WriteOne(square, double.NaN, Spec with { CrsWkt = ChinaAlbers.Wkt });
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement feature = doc.RootElement.GetProperty("features")[0];
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("properties").GetProperty("emissions_t").ValueKind);
        JsonElement first = feature.GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.InRange(first[0].GetDouble(), 113, 115);
        Assert.InRange(first[1].GetDouble(), 33, 36);
    }

    [Fact]
    public void Ogrinfo_reads_the_file_as_wgs84_with_the_field_types()
    {
        string path = WriteOne(WrongWayRound(), 2.5);
        using var process = Process.Start(new ProcessStartInfo("ogrinfo", ["-al", "-so", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string info = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        Assert.Contains("Layer name: zones", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", info, StringComparison.Ordinal);
        Assert.Contains("zone_id: Integer", info, StringComparison.Ordinal);
        Assert.Contains("emissions_t: Real", info, StringComparison.Ordinal);
        Assert.Contains("name_zh: String", info, StringComparison.Ordinal);
        Assert.Equal(2.5, (double)VectorReader.Read(path).Features[0].Attributes["emissions_t"]!, 12);
    }
}
