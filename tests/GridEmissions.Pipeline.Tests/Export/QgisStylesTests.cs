using System.Globalization;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>The run's QGIS styles, opened by real QGIS (PyQGIS, headless), and the single-band total COGs.</summary>
[Collection(HenanRunCollection.Name)]
public sealed class QgisStylesTests(HenanRunFixture run)
{
    [Fact]
    public void Every_GeoTIFF_and_GeoJSON_has_a_style_beside_it()
    {
        var data = Directory.GetFiles(run.Output, "*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".tif", StringComparison.Ordinal) || f.EndsWith(".geojson", StringComparison.Ordinal)) && !f.Contains("lonlat-", StringComparison.Ordinal)).ToList();
        Assert.True(data.Count > 37 * 2 + 8, $"{data.Count} GeoTIFF/GeoJSON files");
        Assert.All(data, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".qml")), "no style beside " + f));
    }

    [Fact]
    public void The_total_COG_of_each_year_is_one_band_with_the_yearly_grids_total_nodata_and_unit()
    {
        foreach (int year in run.Run.Scenario.Years)
        {
            string cog = run.PathOf(Path.Combine("grids", TotalCogs.FileName(year)));
            using RasterDataset c = RasterDataset.Open(cog);
            using RasterDataset full = RasterDataset.Open(YearGrid.PathIn(run.Output, year));
            Assert.Equal(1, c.BandCount);
            Assert.Equal(full.ReadBand(full.BandCount), c.ReadBand(1));
            Assert.Equal(-9999, c.NoData(1));
        }

        var (code, info, error) = HenanRunFixture.Tool("gdalinfo", run.PathOf("grids/total_2060_cog.tif"));
        Assert.True(code == 0, error);
        Assert.Contains("LAYOUT=COG", info, StringComparison.Ordinal);
        Assert.Contains("Unit Type: t yr-1", info, StringComparison.Ordinal);
        Assert.Contains("NoData Value=-9999", info, StringComparison.Ordinal);
    }

    [Fact]
    public void QGIS_opens_the_layers_with_their_styles_the_total_band_classed_like_the_maps()
    {
        string script = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsRasterLayer, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
run = sys.argv[1]
out = []
for name in ["grids/emissions_2024.tif", "grids/total_2035_cog.tif", "grids/region_fraction.tif"]:
    layer = QgsRasterLayer(os.path.join(run, name), "r")  # loads NAME.qml as the default style, as a drop does
    assert layer.isValid(), name
    r = layer.renderer()
    items = r.shader().rasterShaderFunction().colorRampItemList()
    out.append("%s %s %d %d %s" % (name, r.type(), r.band(), len(items), ",".join(i.color.name() for i in items)))
for name in ["layers/facilities.geojson", "layers/top_cells.geojson", "analysis/cities_2024.geojson", "analysis/hotspot_zones_2060.geojson", "facilities_2060.geojson"]:
    layer = QgsVectorLayer(os.path.join(run, name), "v", "ogr")
    assert layer.isValid(), name
    r = layer.renderer()
    extra = ("%s %d %s" % (r.classAttribute(), len(r.ranges()), ",".join(x.symbol().color().name() for x in r.ranges()))) if r.type() == "graduatedSymbol" else r.symbol().symbolLayer(0).strokeColor().name()
    out.append("%s %s %s" % (name, r.type(), extra))
print("\n".join(out))
sys.stdout.flush()
os._exit(0)  # QGIS 3.22's teardown can crash after the checks above; the results are already out
""";
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, run.Output);
        Assert.True(code == 0, "PyQGIS (tools/install-native.sh --with-test-tools installs python3-qgis): " + stderr + stdout);
        string[] lines = stdout.Trim().Split('\n');
        Assert.Equal("grids/emissions_2024.tif singlebandpseudocolor 9 7 #9ecae1,#d9d9d9,#ffffb2,#fecc5c,#fd8d3c,#f03b20,#bd0026", lines[0]);
        Assert.Equal("grids/total_2035_cog.tif singlebandpseudocolor 1 7 #9ecae1,#d9d9d9,#ffffb2,#fecc5c,#fd8d3c,#f03b20,#bd0026", lines[1]);
        Assert.StartsWith("grids/region_fraction.tif singlebandpseudocolor 1 ", lines[2], StringComparison.Ordinal);
        Assert.Equal("layers/facilities.geojson graduatedSymbol emitted_t_2024 6 #d9d9d9,#ffffb2,#fecc5c,#fd8d3c,#f03b20,#bd0026", lines[3]);
        Assert.Equal("layers/top_cells.geojson graduatedSymbol emissions_t 6 #d9d9d9,#ffffb2,#fecc5c,#fd8d3c,#f03b20,#bd0026", lines[4]);
        Assert.StartsWith("analysis/cities_2024.geojson graduatedSymbol emissions_t_total 6 #d9d9d9,", lines[5], StringComparison.Ordinal);
        Assert.Equal("analysis/hotspot_zones_2060.geojson singleSymbol #000000", lines[6]);
        Assert.Equal("facilities_2060.geojson graduatedSymbol emissions_t 6 #d9d9d9,#ffffb2,#fecc5c,#fd8d3c,#f03b20,#bd0026", lines[7]);
    }

    [Fact]
    public void The_city_style_uses_the_choropleth_maps_classes()
    {
        var layer = VectorReader.Read(run.PathOf("analysis/cities_2024.geojson"));
        double[] mt = [.. layer.Features.Select(f => Convert.ToDouble(f.Attributes["emissions_t_total"], CultureInfo.InvariantCulture) / 1e6)];
        var mine = QgisStyles.CityScale(mt);
        var cities = layer.Features.Select(f => new GridEmissions.Rendering.CityValue(
            new GridEmissions.Rendering.BoundaryFeature(f.Geometry!, "", ""), Convert.ToDouble(f.Attributes["emissions_t_total"], CultureInfo.InvariantCulture))).ToList();
        var map = new GridEmissions.Rendering.ChoroplethRenderer().ScaleFor(new GridEmissions.Rendering.ChoroplethLayer(cities, GridEmissions.Rendering.ChoroplethMeasure.TotalMegatonnes));
        Assert.Equal(map.Breaks, mine.Breaks);
        Assert.Equal(map.Colours, mine.Colours);
        Assert.Equal(map.Labels, mine.Labels);
    }
}
