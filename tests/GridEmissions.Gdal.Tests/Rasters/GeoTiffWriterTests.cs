using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests.Rasters;

public sealed class GeoTiffWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyDictionary<string, string> Meta(params (string Key, string Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value);

    private static RasterBand[] TwoBands(GridSpec grid) =>
    [
        new RasterBand("power", TestGrids.Ramp(grid), Meta(("units", "t CO2/yr"), ("sector", "power"))),
        new RasterBand("industry 工业", TestGrids.Ramp(grid, -2), Meta(("units", "t CO2/yr"), ("sector", "industry"))),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_then_read_round_trips_values_geotransform_crs_nodata_and_metadata(bool cog)
    {
        GridSpec grid = TestGrids.Small;
        string path = _temp.File(cog ? "out-cog.tif" : "out.tif");
        var options = new GeoTiffOptions { Cog = cog, NoData = -9999 };

        GeoTiffWriter.Write(path, grid, TwoBands(grid), Meta(("scenario", "baseline"), ("year", "2030")), options);

        using var raster = RasterDataset.Open(path);
        Assert.Equal("GTiff", raster.DriverName);
        Assert.Equal(grid.Columns, raster.Width);
        Assert.Equal(grid.Rows, raster.Height);
        Assert.Equal(2, raster.BandCount);
        Assert.Equal(grid.GeoTransform, raster.GeoTransform);
        using (var crs = SpatialReference.FromWkt(raster.CrsWkt))
        using (var albers = SpatialReference.ChinaAlbersGrid())
        {
            Assert.True(crs.IsSame(albers), $"CRS read back is {crs.Name}");
        }

        Assert.Equal(TestGrids.Ramp(grid), raster.ReadBand(1));
        Assert.Equal(TestGrids.Ramp(grid, -2), raster.ReadBand(2));
        Assert.Equal(-9999, raster.NoData(1));
        Assert.Equal("power", raster.BandDescription(1));
        Assert.Equal("industry 工业", raster.BandDescription(2));
        Assert.Equal("Float64", raster.BandDataType(1));
        Assert.Equal("baseline", raster.Metadata()["scenario"]);
        Assert.Equal("2030", raster.Metadata()["year"]);
        Assert.Equal("t CO2/yr", raster.BandMetadata(1)["units"]);
        Assert.Equal("industry", raster.BandMetadata(2)["sector"]);
        if (cog)
        {
            Assert.Equal("COG", raster.Metadata("IMAGE_STRUCTURE").GetValueOrDefault("LAYOUT"));
        }

        Assert.Equal("DEFLATE", raster.Metadata("IMAGE_STRUCTURE").GetValueOrDefault("COMPRESSION"));
        Assert.Single(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writing_the_same_grid_twice_gives_identical_bytes(bool cog)
    {
        GridSpec grid = TestGrids.Small;
        var options = new GeoTiffOptions { Cog = cog };
        GeoTiffWriter.Write(_temp.File("a.tif"), grid, TwoBands(grid), Meta(("scenario", "s")), options);
        Thread.Sleep(1100); // a timestamp with one-second resolution would differ
        GeoTiffWriter.Write(_temp.File("b.tif"), grid, TwoBands(grid), Meta(("scenario", "s")), options);

        Assert.Equal(File.ReadAllBytes(_temp.File("a.tif")), File.ReadAllBytes(_temp.File("b.tif")));
    }

    [Fact]
    public void Float32_option_stores_single_precision()
    {
        GridSpec grid = TestGrids.Small;
        string path = _temp.File("f32.tif");
        GeoTiffWriter.Write(path, grid, TwoBands(grid), Meta(), new GeoTiffOptions { Float32 = true });

        using var raster = RasterDataset.Open(path);
        Assert.Equal("Float32", raster.BandDataType(1));
        Assert.Equal(TestGrids.Ramp(grid), raster.ReadBand(1));
        Assert.Null(raster.NoData(1));
    }

    [Fact]
    public void Writing_replaces_an_existing_file()
    {
        GridSpec grid = TestGrids.Small;
        string path = _temp.File("replace.tif");
        File.WriteAllText(path, "old");
        GeoTiffWriter.Write(path, grid, TwoBands(grid), Meta(), GeoTiffOptions.Default);

        using var raster = RasterDataset.Open(path);
        Assert.Equal(2, raster.BandCount);
    }

    [Fact]
    public void A_band_of_the_wrong_length_is_rejected_before_anything_is_written()
    {
        GridSpec grid = TestGrids.Small;
        var bad = new RasterBand("short", new double[3], Meta());
        var ex = Assert.Throws<ArgumentException>(() => GeoTiffWriter.Write(_temp.File("bad.tif"), grid, [bad], Meta(), GeoTiffOptions.Default));
        Assert.Contains("3 values", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
