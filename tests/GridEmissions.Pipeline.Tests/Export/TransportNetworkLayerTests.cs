using System.Globalization;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>layers/transport_network of the shipped Henan run: the lines the transport model ran on, with their classes and a QGIS style.</summary>
[Collection(HenanRunCollection.Name)]
public sealed class TransportNetworkLayerTests(HenanRunFixture run)
{
    [Fact]
    public void The_run_writes_its_rail_station_link_and_road_proxy_lines_in_lon_lat_with_their_class()
    {
        string path = Path.Combine(run.Output, "layers", "transport_network.geojson");
        VectorLayer layer = VectorReader.Read(path);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".gpkg")), "the GeoPackage copy is missing");
        var lines = run.Run.TransportLines["transport"];
        Assert.Equal(lines.Count, layer.Features.Count);

        string[] classes = [.. layer.Features.Select(f => Text(f, "class")).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(["modern", "regional", "road", "trunk"], classes);
        foreach (VectorFeature f in layer.Features)
        {
            Assert.Equal("transport", Text(f, "sector"));
            Assert.True(Number(f, "relative_traffic") > 0, $"line {Text(f, "line_id")} carries no traffic");
            Assert.NotNull(f.Geometry);
            foreach (var c in f.Geometry!.Coordinates)
            {
                Assert.InRange(c.X, 105, 125);
                Assert.InRange(c.Y, 25, 40);
            }
        }

        // The road proxy's lengths are the model's own, to the metre.
        double modelKm = lines.Where(l => l.Class == "road").Sum(l => l.Geometry.Length) / 1000;
        double layerKm = layer.Features.Where(f => Text(f, "class") == "road").Sum(f => Number(f, "length_km"));
        Assert.True(Math.Abs(modelKm - layerKm) < 0.01 * lines.Count(l => l.Class == "road"), $"road proxy {modelKm} km in the model, {layerKm} km in the layer");

        string qml = File.ReadAllText(Path.ChangeExtension(path, ".qml"));
        Assert.Contains("categorizedSymbol", qml, StringComparison.Ordinal);
        Assert.All(classes, c => Assert.Contains($"value=\"{c}\"", qml, StringComparison.Ordinal));
    }

    private static string Text(VectorFeature f, string field) => Convert.ToString(f.Attributes[field], CultureInfo.InvariantCulture) ?? string.Empty;

    private static double Number(VectorFeature f, string field) => Convert.ToDouble(f.Attributes[field], CultureInfo.InvariantCulture);
}
