using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests.Rasters;

public sealed class RasterGridCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<string> Check(string name, int width, int height, double[] gt, string wkt)
    {
        string path = _temp.File(name);
        TestRasters.Write(path, width, height, gt, wkt);
        using var raster = RasterDataset.Open(path);
        return RasterGridCheck.Check(raster, TestGrids.Small);
    }

    [Fact]
    public void A_raster_written_on_the_grid_has_no_problems()
    {
        string path = _temp.File("ok.tif");
        GridSpec grid = TestGrids.Small;
        GeoTiffWriter.Write(path, grid, [new RasterBand("b", TestGrids.Ramp(grid), new Dictionary<string, string>())], new Dictionary<string, string>(), GeoTiffOptions.Default);
        using var raster = RasterDataset.Open(path);
        Assert.Empty(RasterGridCheck.Check(raster, grid));
    }

    [Fact]
    public void A_larger_aligned_raster_covering_the_grid_has_no_problems()
    {
        Assert.Empty(Check("national.tif", 40, 30, [600_000, 10_000, 0, 3_800_000, 0, -10_000], ChinaAlbers.Wkt));
    }

    [Fact]
    public void A_raster_in_lon_lat_is_reported_with_the_gdalwarp_fix()
    {
        using var wgs84 = SpatialReference.Wgs84();
        var problems = Check("lonlat.tif", 10, 10, [113, 0.1, 0, 35, 0, -0.1], wgs84.ToWkt());

        string problem = Assert.Single(problems);
        Assert.Contains(_temp.File("lonlat.tif"), problem, StringComparison.Ordinal);
        Assert.Contains("WGS 84", problem, StringComparison.Ordinal);
        Assert.Contains($"gdalwarp -t_srs '{ChinaAlbers.Proj4}' -tr 10000 10000 -tap", problem, StringComparison.Ordinal);
        Assert.Contains("-tap -r sum", problem, StringComparison.Ordinal); // extensive t/cell grids need a conserving resampling
    }

    [Fact]
    public void A_raster_without_crs_is_reported()
    {
        var problems = Check("nocrs.tif", 5, 4, TestGrids.Small.GeoTransform, string.Empty);
        Assert.Contains("has no CRS", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_cell_size_is_reported()
    {
        var problems = Check("5km.tif", 10, 8, [730_000, 5_000, 0, 3_740_000, 0, -5_000], ChinaAlbers.Wkt);
        Assert.Contains("cells are 5000 x 5000 m", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shifted_lattice_and_a_too_small_extent_are_both_reported()
    {
        var problems = Check("shifted.tif", 3, 3, [735_000, 10_000, 0, 3_745_000, 0, -10_000], ChinaAlbers.Wkt);
        Assert.Equal(2, problems.Count);
        Assert.Contains("not on the 10000 m lattice", problems[0], StringComparison.Ordinal);
        Assert.Contains("needs x 730000..780000", problems[1], StringComparison.Ordinal);
    }
}
