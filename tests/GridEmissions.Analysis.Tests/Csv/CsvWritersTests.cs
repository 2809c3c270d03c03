
namespace GridEmissions.Analysis.Tests;

public sealed class CsvWritersTests
{
    [Fact]
    public void City_totals_header_is_pinned()
    {
        Assert.Equal("region,scenario,year,sector,kind,adcode,name_zh,name_en,emissions_t,area_km2,intensity_t_per_km2,share_of_region,rank", CityTotalsCsv.Header);
        Assert.StartsWith(CityTotalsCsv.Header + "\n", CityTotalsCsv.ToCsv([]), StringComparison.Ordinal);
    }

    [Fact]
    public void Hotspot_zones_header_is_pinned()
    {
        Assert.Equal("region,scenario,year,sector,zone_id,cells,area_km2,emissions_t,share_of_total,dominant_sector", HotspotZonesCsv.Header);
        Assert.Equal("region,scenario,year,sector,zone_id,adcode,share_of_zone", HotspotZonesCsv.CitiesHeader);
        Assert.Equal(HotspotZonesCsv.Header + "\n", HotspotZonesCsv.ToCsv([]));
    }

    [Fact]
    public void City_rows_are_ordered_and_the_outside_row_reconciles_the_table()
    {
        var grid = TinyGrids.Grid(2, 1);
        var cities = new[]
        {
            new CityPolygon("410200", TinyGrids.Box(903_000, 4_000_000, 910_000, 4_010_000)) { NameZh = "开封市", NameEn = "Kaifeng" },
            new CityPolygon("410100", TinyGrids.Box(900_000, 4_000_000, 903_000, 4_010_000)) { NameZh = "郑州市", NameEn = "Zhengzhou, \"ZZ\"" },
        };
        var coverage = CityCoverage.Build(grid, cities);
        var totals = CityTotals.Compute(coverage, [1000, 24]);
        var csv = CityTotalsCsv.ToCsv(
        [
            new CityTotalsTable(new TableKey("Henan", "base", 2060, "total"), coverage.Cities, totals),
            new CityTotalsTable(new TableKey("Henan", "base", 2024, "total"), coverage.Cities, totals),
        ]);

        var lines = csv.Split('\n');
        Assert.Equal(
            [
                CityTotalsCsv.Header,
                "Henan,base,2024,total,city,410100,郑州市,\"Zhengzhou, \"\"ZZ\"\"\",300,30,10,0.29296875,2",
                "Henan,base,2024,total,city,410200,开封市,Kaifeng,700,70,10,0.68359375,1",
                "Henan,base,2024,total,outside,,,,24,,,0.0234375,",
                "Henan,base,2060,total,city,410100,郑州市,\"Zhengzhou, \"\"ZZ\"\"\",300,30,10,0.29296875,2",
                "Henan,base,2060,total,city,410200,开封市,Kaifeng,700,70,10,0.68359375,1",
                "Henan,base,2060,total,outside,,,,24,,,0.0234375,",
                "",
            ],
            lines);
    }

    [Fact]
    public void Zone_rows_and_their_long_city_table_list_the_cities_with_their_shares()
    {
        var grid = TinyGrids.Grid(2, 1);
        var outline = TinyGrids.Box(900_000, 4_000_000, 920_000, 4_010_000);
        var zone = new HotspotZone(1, [0, 1], outline, 2.5e6, 200, "power", [new ZoneCityShare(1, "410100", 0.75), new ZoneCityShare(0, "410200", 0.25)]);
        var csv = HotspotZonesCsv.ToCsv([new HotspotZonesTable(new TableKey("Henan", "base", 2035, "total"), [zone], 1e7)]);

        Assert.Equal(HotspotZonesCsv.Header + "\nHenan,base,2035,total,1,2,200,2500000,0.25,power\n", csv);
        using var cities = new StringWriter();
        HotspotZonesCsv.WriteCities(cities, [new HotspotZonesTable(new TableKey("Henan", "base", 2035, "total"), [zone], 1e7)]);
        Assert.Equal(HotspotZonesCsv.CitiesHeader + "\nHenan,base,2035,total,1,410100,0.75\nHenan,base,2035,total,1,410200,0.25\n", cities.ToString());
    }
}
