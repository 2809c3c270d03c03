namespace GridEmissions.Gdal.Tests;

public sealed class GdalLibraryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Initialising_from_many_threads_at_once_loads_gdal_once()
    {
        Parallel.For(0, 16, _ => GdalLibrary.EnsureInitialized());
        GdalLibrary.EnsureInitialized();

        Assert.StartsWith("libgdal.so", GdalLibrary.LoadedLibraryName, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+", GdalLibrary.Version);
    }

    [Fact]
    public void The_block_cache_has_the_fixed_size_not_a_share_of_the_machine_s_memory()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX")))
        {
            Assert.Equal(GdalLibrary.BlockCacheBytes, GdalLibrary.BlockCacheLimitBytes);
        }
        else
        {
            Assert.True(GdalLibrary.BlockCacheLimitBytes > 0); // the user's GDAL_CACHEMAX wins
        }
    }

    [Fact]
    public void Errors_on_concurrent_threads_each_name_their_own_file()
    {
        var paths = Enumerable.Range(0, 8).Select(i => _temp.File($"missing-{i}.tif")).ToArray();
        var messages = new string[paths.Length];

        Parallel.For(0, paths.Length, i =>
        {
            var ex = Assert.Throws<GdalException>(() => RasterDataset.Open(paths[i]));
            messages[i] = ex.Message;
        });

        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Contains(paths[i], messages[i], StringComparison.Ordinal);
            Assert.DoesNotContain(paths[(i + 1) % paths.Length], messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_missing_library_message_says_how_to_install_gdal()
    {
        var ex = new NativeLibraryMissingException();
        Assert.Contains("libgdal.so.32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bash tools/install-native.sh", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install gdal-bin libgdal32", ex.Message, StringComparison.Ordinal);
    }
}
