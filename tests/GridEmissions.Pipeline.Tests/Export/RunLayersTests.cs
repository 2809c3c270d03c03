using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>The GIS layers of the shipped Henan run: one geometry type per layer, RFC 7946, the same numbers as the tables.</summary>
[Collection(HenanRunCollection.Name)]
public sealed partial class RunLayersTests(HenanRunFixture run)
{
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<JsonElement> Features(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone())];
    }

    [Fact]
    public void The_facility_layer_has_a_point_per_unit_with_status_output_emitted_and_captured_CO2_of_the_key_years()
    {
        string path = run.PathOf("layers/facilities.geojson");
        var features = Features(path);
        CsvTable table = CsvTable.Load(run.PathOf("facilities.csv"));
        int year = table.ColumnIndex("year"), id = table.ColumnIndex("facility_id"), sector = table.ColumnIndex("sector");
        var keyYears = new[] { "2024", "2035", "2060" };
        var ids = table.Rows.Where(r => keyYears.Contains(r[year])).Select(r => r[sector] + "/" + r[id]).ToHashSet();
        Assert.Equal(ids.Count, features.Count);
        Assert.All(features, f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
        foreach (string y in keyYears)
        {
            double csv = table.Rows.Where(r => r[year] == y).Sum(r => D(r[table.ColumnIndex("emissions_t")]));
            double layer = features.Sum(f => f.GetProperty("properties").GetProperty("emitted_t_" + y).GetDouble());
            Assert.True(Math.Abs(csv - layer) <= 1e-9 * csv, $"{y}: facilities.csv {csv:R} t, layer {layer:R} t");
            double captured = features.Sum(f => f.GetProperty("properties").GetProperty("captured_t_" + y).GetDouble());
            Assert.Equal(table.Rows.Where(r => r[year] == y).Sum(r => D(r[table.ColumnIndex("captured_t")])), captured, 3);
        }

        var first = features[0].GetProperty("properties");
        foreach (string field in new[] { "lon", "lat", "city", "city_adcode", "status_2024", "output_2035", "output_unit", "emitted_t_2060", "captured_t_2060" })
        {
            Assert.True(first.TryGetProperty(field, out _), "no field " + field);
        }

        Assert.Matches("^41[0-9]{4}$", first.GetProperty("city_adcode").GetString());
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("captured_t_2060").GetDouble() > 0);
        var coordinates = features[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(first.GetProperty("lon").GetDouble(), coordinates[0].GetDouble(), 6);

        // The GeoPackage holds the same points (ogrinfo, the way QGIS opens it).
        var (code, info, error) = HenanRunFixture.Tool("ogrinfo", "-so", "-al", run.PathOf("layers/facilities.gpkg"));
        Assert.True(code == 0, error);
        Assert.Contains("Geometry: Point", info, StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {features.Count}", info, StringComparison.Ordinal);
        Assert.Contains("emitted_t_2035: Real", info, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("layers/top_cells.geojson")]
    [InlineData("analysis/hotspot_zones_2024.geojson")]
    [InlineData("analysis/hotspot_zones_2035.geojson")]
    [InlineData("analysis/hotspot_zones_2060.geojson")]
    public void Cell_and_zone_layers_are_MultiPolygons_with_six_decimals_and_their_centre_inside(string relative)
    {
        string path = run.PathOf(relative);
        var features = Features(path);
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(features, f => Assert.DoesNotMatch(LongDecimals(), f.GetProperty("geometry").GetRawText()));
        var layer = GridEmissions.Gdal.VectorReader.Read(path);
        Assert.All(layer.Features, f =>
        {
            var centre = new NetTopologySuite.Geometries.Point(Convert.ToDouble(f.Attributes["centre_lon"], CultureInfo.InvariantCulture), Convert.ToDouble(f.Attributes["centre_lat"], CultureInfo.InvariantCulture));
            Assert.True(f.Geometry!.Buffer(1e-5).Contains(centre), $"{relative}: centre {centre} outside its polygon");
        });
    }

    [Fact]
    public void Top_cells_layer_has_a_cell_of_ten_kilometres_for_every_row_of_top_cells_csv()
    {
        CsvTable table = CsvTable.Load(run.PathOf("analysis/top_cells.csv"));
        var layer = GridEmissions.Gdal.VectorReader.Read(run.PathOf("layers/top_cells.gpkg"));
        Assert.Equal(table.Rows.Count, layer.Features.Count);
        Assert.All(layer.Features, f => Assert.Equal("MultiPolygon", f.Geometry!.GeometryType));
        var f0 = layer.Features[0];
        Assert.Equal(table.Rows[0][table.ColumnIndex("cell_id")], f0.Attributes["cell_id"]);
        Assert.Equal(1L, Convert.ToInt64(f0.Attributes["rank"], CultureInfo.InvariantCulture));
        var e = f0.Geometry!.EnvelopeInternal; // a 10 km cell at ~34° N: ~0.1° tall, ~0.11-0.13° wide in lon/lat
        Assert.InRange(e.Height, 0.085, 0.1);
        Assert.InRange(e.Width, 0.1, 0.14);
    }

    [GeneratedRegex(@"[0-9]\.[0-9]{7,}")]
    private static partial Regex LongDecimals();
}
