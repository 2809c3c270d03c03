using System.Diagnostics;
using System.Globalization;
using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests.NetCdf;

public sealed class NetCdfCubeWriterTests : IDisposable
{
    private static readonly string[] Sectors = ["power", "industry"];
    private static readonly int[] Years = [2020, 2025, 2030];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static double[] Slice(GridSpec grid, int sector, int year) =>
        Enumerable.Range(0, grid.CellCount).Select(i => i + 1000.0 * sector + year / 10.0).ToArray();

    private string WriteCube()
    {
        GridSpec grid = TestGrids.Small;
        string path = _temp.File("cube.nc");
        var variableAttributes = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["power"] = new Dictionary<string, string> { ["long_name"] = "power sector CO2 emissions" },
        };
        using var writer = new NetCdfCubeWriter(path, grid, Sectors, Years,
            new Dictionary<string, string> { ["title"] = "test cube", ["scenario"] = "baseline" }, variableAttributes);
        for (int t = 0; t < Years.Length; t++)
        {
            for (int s = 0; s < Sectors.Length; s++)
            {
                writer.WriteSlice(Sectors[s], t, Slice(grid, s, Years[t]));
            }
        }

        writer.Commit();
        return path;
    }

    private static string GdalInfo(string argument, string tool = "gdalinfo")
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {argument} failed: {error}");
        return output;
    }

    [Fact]
    public void Cube_round_trips_every_slice_on_the_grid()
    {
        string path = WriteCube();
        GridSpec grid = TestGrids.Small;

        using var container = RasterDataset.Open(path);
        // the CF time bounds, 2-D lat/lon auxiliary coordinates and cell_area, then the sectors
        Assert.Equal(["time_bnds", "lat", "lon", "cell_area", "power", "industry"], container.SubDatasets.Select(s => s.Name.Split(':')[^1]));

        for (int s = 0; s < Sectors.Length; s++)
        {
            using var variable = RasterDataset.Open($"NETCDF:\"{path}\":{Sectors[s]}");
            Assert.Equal(Years.Length, variable.BandCount);
            Assert.Equal(grid.GeoTransform, variable.GeoTransform);
            using (var crs = SpatialReference.FromWkt(variable.CrsWkt))
            using (var albers = SpatialReference.ChinaAlbersGrid())
            {
                Assert.True(crs.IsSame(albers), $"CRS read back: {crs.Name}");
            }

            for (int t = 0; t < Years.Length; t++)
            {
                Assert.Equal(Slice(grid, s, Years[t]), variable.ReadBand(t + 1));
                Assert.Equal(NetCdfCubeWriter.TimeValue(Years[t]).ToString(CultureInfo.InvariantCulture), variable.BandMetadata(t + 1)["NETCDF_DIM_time"]);
            }
        }
    }

    [Fact]
    public void Gdalinfo_lists_every_sector_and_the_time_dimension()
    {
        string path = WriteCube();

        string container = GdalInfo(path);
        Assert.Contains($"NETCDF:\"{path}\":power", container, StringComparison.Ordinal);
        Assert.Contains($"NETCDF:\"{path}\":industry", container, StringComparison.Ordinal);
        Assert.Contains("Conventions=CF-1.8", container, StringComparison.Ordinal);
        Assert.Contains("NC_GLOBAL#scenario=baseline", container, StringComparison.Ordinal);

        string power = GdalInfo($"NETCDF:\"{path}\":power");
        Assert.Contains("NETCDF_DIM_time_VALUES={18262,20089,21915}", power, StringComparison.Ordinal);
        Assert.Contains("NETCDF_DIM_time=21915", power, StringComparison.Ordinal);
        Assert.Contains("time#units=days since 1970-01-01", power, StringComparison.Ordinal);
        Assert.Contains("power#units=t yr-1", power, StringComparison.Ordinal);
        Assert.Contains("power#grid_mapping=crs", power, StringComparison.Ordinal);
        Assert.Contains("crs#grid_mapping_name=albers_conical_equal_area", power, StringComparison.Ordinal);
        Assert.Contains("power#long_name=power sector CO2 emissions", power, StringComparison.Ordinal);
    }

    [Fact]
    public void Sector_variables_are_deflated_and_chunked_one_year_slice_at_a_time()
    {
        string path = WriteCube();

        string info = GdalInfo(path, "gdalmdiminfo");

        Assert.Contains("\"COMPRESS\":\"DEFLATE\"", info.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"block_size\":[1,4,5]", info.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_same_cube_twice_gives_identical_bytes()
    {
        string first = WriteCube();
        string copy = _temp.File("first.nc");
        File.Move(first, copy);
        Thread.Sleep(1100);
        string second = WriteCube();

        Assert.Equal(File.ReadAllBytes(copy), File.ReadAllBytes(second));
    }

    [Fact]
    public void Committing_an_incomplete_cube_names_the_missing_slices_and_leaves_no_file()
    {
        string path = _temp.File("partial.nc");
        using (var writer = new NetCdfCubeWriter(path, TestGrids.Small, Sectors, Years, new Dictionary<string, string>()))
        {
            writer.WriteSlice("power", 0, Slice(TestGrids.Small, 0, 2020));
            var ex = Assert.Throws<InvalidOperationException>(writer.Commit);
            Assert.Contains("industry 2020", ex.Message, StringComparison.Ordinal);
            Assert.Contains("power 2030", ex.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_slice_of_the_wrong_size_or_an_unknown_variable_is_rejected()
    {
        using var writer = new NetCdfCubeWriter(_temp.File("bad.nc"), TestGrids.Small, Sectors, Years, new Dictionary<string, string>());
        Assert.Throws<ArgumentException>(() => writer.WriteSlice("power", 0, new double[3]));
        Assert.Throws<ArgumentException>(() => writer.WriteSlice("transport", 0, new double[TestGrids.Small.CellCount]));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteSlice("power", 3, new double[TestGrids.Small.CellCount]));
    }
}
