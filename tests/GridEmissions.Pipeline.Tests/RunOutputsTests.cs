using System.Xml.Linq;
using GridEmissions.Analysis;
using GridEmissions.Pipeline;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests;

public sealed class RunOutputsTests(HenanRunFixture run) : IClassFixture<HenanRunFixture>
{
    private static readonly string[] Sectors = ["power", "steel", "cement", "petrochemicals", "other_industry", "transport", "buildings", "agriculture", "total"];

    [Fact]
    public void Csv_headers_are_pinned()
    {
        Assert.Equal("region,scenario,year,sector,kind,adcode,name_zh,name_en,emissions_t,area_km2,intensity_t_per_km2,share_of_region,rank", FirstLine("analysis/city_totals.csv"));
        Assert.Equal("region,scenario,year,sector,zone_id,cells,area_km2,emissions_t,share_of_total,dominant_sector", FirstLine("analysis/hotspot_zones.csv"));
        Assert.Equal("region,scenario,year,sector,zone_id,adcode,share_of_zone", FirstLine("analysis/zone_cities.csv"));
        Assert.Equal("region,scenario,year,sector,weights,region_cells,total_t,cells_lt_10kt,cells_10_100kt,cells_100kt_1mt,cells_gt_1mt,top10_cells_share,top1pct_cells,top1pct_share,top10pct_cells,top10pct_share,gini,hot_cells,cold_cells,zones", FirstLine("analysis/hotspot_summary.csv"));
        Assert.Equal("region,scenario,year,sector,kind,zone_id,adcode,name_zh,name_en,class,hot_cells,hot_share,emissions_t,measure", FirstLine("analysis/trajectories.csv"));
        Assert.Equal("region,scenario,year,sector,rank,cell_id,emissions_t,share_of_total", FirstLine("analysis/top_cells.csv"));
    }

    [Fact]
    public void City_totals_and_the_outside_row_reconcile_with_the_grid_total_of_every_year_and_sector()
    {
        var (_, rows) = HenanRunFixture.ReadCsv(run.PathOf("analysis/city_totals.csv"));
        var sums = rows.GroupBy(r => (Year: int.Parse(r["year"], System.Globalization.CultureInfo.InvariantCulture), Sector: r["sector"]))
            .ToDictionary(g => g.Key, g => g.Select(r => HenanRunFixture.Number(r["emissions_t"])).ToArray());
        Assert.Equal(run.Run.Scenario.Years.Count * Sectors.Length, sums.Count);
        foreach (int year in run.Run.Scenario.Years)
        {
            using RasterDataset ds = RasterDataset.Open(YearGrid.PathIn(run.Output, year));
            for (int b = 1; b <= ds.BandCount; b++)
            {
                string sector = ds.BandDescription(b);
                double expected = GridEmissions.Core.Allocation.PreciseSum.Of(EmissionRasters.ReadTonnes(ds, b));
                double[] parts = sums[(year, sector)];
                Assert.Equal(run.Run.Region.Cities.Count + 1, parts.Length);
                double got = GridEmissions.Core.Allocation.PreciseSum.Of(parts);
                double difference = got - expected;
                Assert.True(Math.Abs(difference) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{year} {sector}: expected {expected:R} t, got {got:R} t, difference {difference:R} t");
            }
        }
    }

    [Fact]
    public void The_base_year_ranking_runs_from_1_to_18_in_order_of_emissions()
    {
        var (_, rows) = HenanRunFixture.ReadCsv(run.PathOf("analysis/city_totals.csv"));
        var ranked = rows.Where(r => r["year"] == "2024" && r["sector"] == "total" && r["kind"] == CityTotalsCsv.CityKind)
            .OrderBy(r => int.Parse(r["rank"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 18).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ranked.Select(r => r["rank"]));
        double[] emissions = [.. ranked.Select(r => HenanRunFixture.Number(r["emissions_t"]))];
        Assert.Equal(emissions.OrderDescending(), emissions);
        Assert.All(ranked, r => Assert.False(string.IsNullOrEmpty(r["name_zh"])));

        string summary = File.ReadAllText(run.PathOf("summary.md"));
        Assert.Contains("City ranking 2024", summary, StringComparison.Ordinal);
        Assert.Contains($"| 1 | {ranked[0]["name_zh"]} {ranked[0]["name_en"]} |", summary, StringComparison.Ordinal);
        Assert.Contains("transport: corridor share", summary, StringComparison.Ordinal);
        Assert.Contains("buildings: urban share", summary, StringComparison.Ordinal);
        Assert.Contains("| 2060 |", summary, StringComparison.Ordinal);
        Assert.Contains("## Point-source fleet", summary, StringComparison.Ordinal);
        Assert.Matches(@"power pipeline construction: \d+ projects, [\d.]+ MW; expected entering [\d.]+ \(Σ probability × capacity\), drawn [\d.]+", summary);
    }

    [Fact]
    public void Hotspot_outputs_cover_the_key_years_and_every_sector()
    {
        var (_, summary) = HenanRunFixture.ReadCsv(run.PathOf("analysis/hotspot_summary.csv"));
        Assert.Equal(3 * Sectors.Length, summary.Count);
        Assert.Equal(["2024", "2035", "2060"], summary.Select(r => r["year"]).Distinct());
        Assert.All(summary, r => Assert.InRange(HenanRunFixture.Number(r["gini"]), 0, 1));
        var total2024 = summary.Single(r => r["year"] == "2024" && r["sector"] == "total");
        Assert.True(int.Parse(total2024["hot_cells"], System.Globalization.CultureInfo.InvariantCulture) > 0);

        var (_, zones) = HenanRunFixture.ReadCsv(run.PathOf("analysis/hotspot_zones.csv"));
        Assert.Equal(total2024["zones"], zones.Count(z => z["year"] == "2024" && z["sector"] == "total").ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (_, trajectories) = HenanRunFixture.ReadCsv(run.PathOf("analysis/trajectories.csv"));
        Assert.Equal(18 * 3, trajectories.Count(t => t["sector"] == "total" && t["kind"] == "city")); // one row per city and key year
        Assert.All(trajectories, t => Assert.Contains(t["class"], new[] { "none", "emerging", "persistent", "intensifying", "diminishing", "vanished" }));
    }

    [Theory]
    [InlineData("analysis/cities_2024.geojson", 18)]
    [InlineData("analysis/cities_2035.geojson", 18)]
    [InlineData("analysis/cities_2060.geojson", 18)]
    [InlineData("analysis/hotspot_zones_2024.geojson", -1)]
    [InlineData("analysis/hotspot_zones_2035.geojson", -1)]
    [InlineData("analysis/hotspot_zones_2060.geojson", -1)]
    public void Every_GeoJSON_opens_in_WGS84_and_survives_a_GeoPackage_round_trip(string relative, int expectedFeatures)
    {
        string path = run.PathOf(relative);
        VectorLayer layer = VectorReader.Read(path);
        if (expectedFeatures >= 0)
        {
            Assert.Equal(expectedFeatures, layer.Features.Count);
        }

        Assert.NotEmpty(layer.Features);
        Assert.All(layer.Features, f =>
        {
            var e = f.Geometry!.EnvelopeInternal;
            Assert.InRange(e.MinX, 100, 125);
            Assert.InRange(e.MinY, 25, 40);
        });

        var (code, info, error) = HenanRunFixture.Tool("ogrinfo", "-so", "-al", path);
        Assert.True(code == 0, error);
        Assert.Contains("WGS 84", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", info, StringComparison.Ordinal);

        string gpkg = Path.Combine(run.Parent, Path.GetFileNameWithoutExtension(relative) + ".gpkg");
        (code, _, error) = HenanRunFixture.Tool("ogr2ogr", "-f", "GPKG", gpkg, path);
        Assert.True(code == 0, error);
        VectorLayer back = VectorReader.Read(gpkg);
        Assert.Equal(layer.Features.Count, back.Features.Count);
        Assert.Equal(layer.FieldNames, back.FieldNames);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            foreach (string field in layer.FieldNames)
            {
                Assert.Equal(Normalise(layer.Features[i].Attributes[field]), Normalise(back.Features[i].Attributes[field]));
            }
        }
    }

    [Fact]
    public void Cities_GeoJSON_carries_names_emissions_per_sector_intensity_and_rank()
    {
        VectorLayer layer = VectorReader.Read(run.PathOf("analysis/cities_2024.geojson"));
        foreach (string field in new[] { "adcode", "name_zh", "name_en", "intensity_t_per_km2", "rank" }.Concat(Sectors.Select(s => "emissions_t_" + s)))
        {
            Assert.Contains(field, layer.FieldNames);
        }

        double total = layer.Features.Sum(f => Convert.ToDouble(f.Attributes["emissions_t_total"], System.Globalization.CultureInfo.InvariantCulture));
        double sectors = layer.Features.Sum(f => Sectors.SkipLast(1).Sum(s => Convert.ToDouble(f.Attributes["emissions_t_" + s], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(Math.Abs(total - sectors) <= 1e-6 * total, $"expected {total:R}, got {sectors:R}, difference {sectors - total:R}");
    }

    [Theory]
    [InlineData("maps/grid_total_2024.png")]
    [InlineData("maps/grid_total_2035.png")]
    [InlineData("maps/grid_total_2060.png")]
    [InlineData("maps/sectors_small_multiples.png")]
    [InlineData("maps/change_total_2024_2060.png")]
    [InlineData("maps/hotspots_total_2024.png")]
    [InlineData("maps/cities_total_2024.png")]
    [InlineData("maps/pathway.png")]
    [InlineData("maps/pathway.svg")]
    [InlineData("maps/pathway.pdf")]
    [InlineData("maps/grid_total_2024.svg")]
    [InlineData("maps/grid_total_2024.pdf")]
    public void Maps_are_valid_files(string relative)
    {
        string path = run.PathOf(relative);
        byte[] bytes = File.ReadAllBytes(path);
        switch (Path.GetExtension(path))
        {
            case ".png":
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
                int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
                Assert.True(width > 500, $"width {width}");
                Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
                break;
            case ".svg":
                XDocument svg = XDocument.Load(path);
                Assert.Equal("svg", svg.Root!.Name.LocalName);
                // Every text keeps its digits and dashes (the peak label, the year range, the cell size).
                string[] texts = [.. svg.Descendants(svg.Root.Name.Namespace + "text").Select(t => t.Value.Trim())];
                Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\b10 km cells"));
                if (relative.Contains("pathway", StringComparison.Ordinal))
                {
                    Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^Peak 20[2-6][0-9]: [0-9,]+ Mt$"));
                    Assert.Contains(texts, t => t.Contains("2024–2060", StringComparison.Ordinal));
                }

                break;
            default:
                Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
                Assert.Contains("%%EOF", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 32, 32), StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void The_manifest_lists_the_analysis_maps_and_summary()
    {
        string manifest = File.ReadAllText(run.PathOf("manifest.json"));
        foreach (string f in new[] { "analysis/city_totals.csv", "analysis/hotspot_zones.csv", "analysis/cities_2024.geojson", "maps/pathway.pdf", "summary.md" })
        {
            Assert.Contains($"\"{f}\"", manifest, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetDirectories(run.Parent, ".henan.partial-*"));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2035)]
    [InlineData(2060)]
    public void The_facility_layer_of_a_key_year_holds_every_facility_of_that_year_that_exists_with_its_co2(int year)
    {
        var (_, rows) = HenanRunFixture.ReadCsv(run.PathOf("facilities.csv"));
        // Pipeline projects whose entry draw failed (status not-entering) are in the table but not on the map.
        var csv = rows.Where(r => r["year"] == year.ToString(System.Globalization.CultureInfo.InvariantCulture) && r["status"] != "not-entering").ToList();
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(run.PathOf($"facilities_{year}.geojson")));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(csv.Count, features.Count);
        Assert.False(doc.RootElement.TryGetProperty("crs", out _), "RFC 7946 GeoJSON has no crs member");

        double emitted = 0, captured = 0;
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            var g = f.GetProperty("geometry");
            Assert.Equal("Point", g.GetProperty("type").GetString());
            double lon = g.GetProperty("coordinates")[0].GetDouble(), lat = g.GetProperty("coordinates")[1].GetDouble();
            Assert.InRange(lon, 110, 117); // Henan's extent
            Assert.InRange(lat, 31, 37);
            Assert.Equal(Math.Round(lon, 6), lon);
            var p = f.GetProperty("properties");
            Assert.Equal(year, p.GetProperty("year").GetInt32());
            statuses.Add(p.GetProperty("status").GetString()!);
            emitted += p.GetProperty("emissions_t").GetDouble();
            captured += p.GetProperty("captured_t").GetDouble();
            Assert.Equal(p.GetProperty("gross_t").GetDouble() - p.GetProperty("captured_t").GetDouble(), p.GetProperty("emissions_t").GetDouble(), 1e-6 * Math.Max(1, p.GetProperty("gross_t").GetDouble()));
        }

        double csvEmitted = csv.Sum(r => HenanRunFixture.Number(r["emissions_t"])), csvCaptured = csv.Sum(r => HenanRunFixture.Number(r["captured_t"]));
        Assert.True(Math.Abs(emitted - csvEmitted) <= 1e-9 * csvEmitted, $"layer {emitted:R} t vs facilities.csv {csvEmitted:R} t");
        Assert.True(Math.Abs(captured - csvCaptured) <= 1e-9 * Math.Max(1, csvCaptured), $"captured: layer {captured:R} t vs facilities.csv {csvCaptured:R} t");
        Assert.Contains("operating", statuses);
        if (year == 2060)
        {
            Assert.True(captured > 0, "no captured CO2 in the 2060 layer although the Henan scenario fits CCUS from 2031");
        }
    }

    [Fact]
    public void The_manifest_gives_every_input_its_licence_and_attribution()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(run.PathOf("manifest.json")));
        var root = doc.RootElement;
        Assert.Contains("CC-BY-4.0", root.GetProperty("license").GetString(), StringComparison.Ordinal);
        // The scenario file itself is the user's; every data input carries its licence.
        var inputs = root.GetProperty("inputs").EnumerateArray().Where(i => i.GetProperty("role").GetString() != "scenario").ToList();
        Assert.True(inputs.Count >= 5, $"only {inputs.Count} data inputs in the manifest");
        foreach (var input in inputs)
        {
            string file = input.GetProperty("file").GetString()!;
            Assert.True(input.TryGetProperty("licence", out var licence), $"{file} has no licence in the manifest");
            Assert.NotEqual("user-supplied", licence.GetString()); // every input of a shipped scenario is a shipped file with a known licence
            Assert.False(string.IsNullOrWhiteSpace(input.GetProperty("attribution").GetString()), $"{file} has no attribution");
        }

        var population = inputs.Single(i => i.GetProperty("role").GetString() == "population_grid");
        Assert.Contains("WorldPop", population.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    private static string? Normalise(object? value) => value switch
    {
        null => null,
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private string FirstLine(string relative) => File.ReadLines(run.PathOf(relative)).First();
}
