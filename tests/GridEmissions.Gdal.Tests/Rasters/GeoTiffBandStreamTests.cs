using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests.Rasters;

public sealed class GeoTiffBandStreamTests : IDisposable
{
    // 600 × 520 cells: 3 × 3 tiles of 256 per band, so GDAL's tile order and compression across bands are exercised.
    private static readonly GridSpec Tiled = new("test-tiled", 1_000, 700, 3_900, 600, 520);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyDictionary<string, string> Meta(params (string Key, string Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value);

    private static double[] Band(int k) => Enumerable.Range(0, Tiled.CellCount).Select(i => i % (97 + k) == 0 ? 0 : Math.Sin(i * (k + 1) * 1e-3) * 1e4).ToArray();

    private static RasterBand[] Bands() =>
        [.. Enumerable.Range(0, 4).Select(k => new RasterBand($"band {k}", Band(k), Meta(("sector", $"s{k}"), ("year", "2035")), k % 2 == 0 ? "t yr-1" : null))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bands_given_one_at_a_time_from_one_reused_buffer_give_the_bytes_of_the_one_call_writer(bool cog)
    {
        var options = new GeoTiffOptions { Cog = cog, NoData = -9999 };
        RasterBand[] bands = Bands();
        IReadOnlyDictionary<string, string> file = Meta(("scenario", "s"), ("year", "2035"));
        string whole = _temp.File("whole.tif"), streamed = _temp.File("streamed.tif");
        GeoTiffWriter.Write(whole, Tiled, bands, file, options);

        var buffer = new double[Tiled.CellCount];
        using (var stream = new GeoTiffBandStream(streamed, Tiled, bands.Length, file, options))
        {
            foreach (int k in new[] { 2, 0, 3, 1 })
            {
                bands[k].Values.CopyTo(buffer);
                stream.WriteBand(k, bands[k].Name, bands[k].Metadata, bands[k].UnitType, buffer);
                Array.Fill(buffer, double.NaN); // the stream must not read the buffer after the call
            }

            Assert.False(File.Exists(streamed)); // nothing at the final path before the commit
            stream.Commit();
        }

        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(streamed));
        using var raster = RasterDataset.Open(streamed);
        Assert.Equal(bands[3].Values, raster.ReadBand(4));
    }

    [Fact]
    public void A_stream_disposed_before_its_commit_or_missing_a_band_leaves_nothing()
    {
        string path = _temp.File("partial.tif");
        RasterBand[] bands = Bands();
        using (var stream = new GeoTiffBandStream(path, Tiled, bands.Length, null, GeoTiffOptions.Default))
        {
            stream.WriteBand(0, "a", null, null, bands[0].Values);
            var missing = Assert.Throws<InvalidOperationException>(stream.Commit);
            Assert.Contains("band 2 of 4", missing.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => stream.WriteBand(0, "again", null, null, bands[0].Values));
            Assert.Throws<ArgumentException>(() => stream.WriteBand(1, "short", null, null, new double[10]));
        }

        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
