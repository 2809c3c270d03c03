namespace GridEmissions.Gdal.Tests.Rasters;

public sealed class RasterDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Opening_a_missing_file_names_the_file()
    {
        string path = _temp.File("nowhere.tif");
        var ex = Assert.Throws<GdalException>(() => RasterDataset.Open(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Opening_a_corrupt_file_names_the_file_and_gives_gdal_message()
    {
        string path = _temp.File("corrupt.tif");
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<GdalException>(() => RasterDataset.Open(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GDAL gave no message", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_band_that_does_not_exist_says_how_many_there_are()
    {
        string path = _temp.File("one.tif");
        GeoTiffWriter.Write(path, TestGrids.Small, [new RasterBand("b", TestGrids.Ramp(TestGrids.Small), new Dictionary<string, string>())],
            new Dictionary<string, string>(), GeoTiffOptions.Default);
        using var raster = RasterDataset.Open(path);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => raster.ReadBand(2));
        Assert.Contains("1 band", ex.Message, StringComparison.Ordinal);
    }
}
