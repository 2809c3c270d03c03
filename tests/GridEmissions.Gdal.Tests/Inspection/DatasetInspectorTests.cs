using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests.Inspection;

public sealed class DatasetInspectorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_geotiff_is_described_with_crs_cell_size_extent_and_band_statistics()
    {
        GridSpec grid = TestGrids.Small;
        string path = _temp.File("emissions.tif");
        double[] values = TestGrids.Ramp(grid);
        values[0] = -9999;
        GeoTiffWriter.Write(path, grid, [new RasterBand("power", values, new Dictionary<string, string> { ["units"] = "t CO2/yr" })],
            new Dictionary<string, string> { ["scenario"] = "baseline" }, new GeoTiffOptions { NoData = -9999 });

        string report = DatasetInspector.Describe(path);

        Assert.Contains("Driver: GTiff", report, StringComparison.Ordinal);
        Assert.Contains("Raster: 5 x 4 cells, 1 band(s)", report, StringComparison.Ordinal);
        Assert.Contains("CRS: China_Albers_Equal_Area", report, StringComparison.Ordinal);
        Assert.Contains("Cell size: 10000 x 10000", report, StringComparison.Ordinal);
        Assert.Contains("Extent: x 730000 .. 780000, y 3700000 .. 3740000", report, StringComparison.Ordinal);
        Assert.Contains("Band 1 \"power\": Float64, nodata -9999", report, StringComparison.Ordinal);
        double expectedSum = values.Skip(1).Sum(); // 1.5 + ... + 19.5
        Assert.Contains($"valid cells: 19 of 20; sum {expectedSum}; min 1.5; max 19.5", report, StringComparison.Ordinal);
        Assert.Contains("units=t CO2/yr", report, StringComparison.Ordinal);
        Assert.Contains("scenario=baseline", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_geojson_is_described_with_layers_counts_geometry_crs_and_fields()
    {
        string path = FixtureFiles.CopyTo(_temp, "henan_two_prefectures.geojson");

        string report = DatasetInspector.Describe(path);

        Assert.Contains("Driver: GeoJSON", report, StringComparison.Ordinal);
        Assert.Contains("Layer \"henan_two_prefectures\": 2 feature(s), geometry Polygon, CRS WGS 84", report, StringComparison.Ordinal);
        Assert.Contains("Fields: adcode (String), name (String), province (String), region (String)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Raster:", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_netcdf_cube_is_described_with_its_variables()
    {
        string path = _temp.File("cube.nc");
        using (var writer = new NetCdfCubeWriter(path, TestGrids.Small, ["power", "industry"], [2030], new Dictionary<string, string>()))
        {
            writer.WriteSlice("power", 0, TestGrids.Ramp(TestGrids.Small));
            writer.WriteSlice("industry", 0, TestGrids.Ramp(TestGrids.Small));
            writer.Commit();
        }

        string report = DatasetInspector.Describe(path);

        Assert.Contains("Driver: netCDF", report, StringComparison.Ordinal);
        Assert.Contains("Subdatasets (6):", report, StringComparison.Ordinal);
        Assert.Contains($"NETCDF:\"{path}\":power", report, StringComparison.Ordinal);
        Assert.Contains($"NETCDF:\"{path}\":industry", report, StringComparison.Ordinal);
        Assert.Contains("NC_GLOBAL#Conventions=CF-1.8", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_gdal_cannot_read_is_reported_with_its_name()
    {
        string path = _temp.File("notes.txt.tif");
        File.WriteAllText(path, "this is not a raster");
        var ex = Assert.Throws<GdalException>(() => DatasetInspector.Describe(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
