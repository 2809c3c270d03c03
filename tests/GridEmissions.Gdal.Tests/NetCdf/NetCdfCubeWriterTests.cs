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

    private static string GdalInfo(string argument)
    {
        var info = new ProcessStartInfo("gdalinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"gdalinfo {argument} failed: {error}");
        return output;
    }

    [Fact]
    public void Cube_round_trips_every_slice_on_the_grid()
    {
        string path = WriteCube();
        GridSpec grid = TestGrids.Small;

        using var container = RasterDataset.Open(path);
        Assert.Equal(["power", "industry"], container.SubDatasets.Select(s => s.Name.Split(':')[^1]));

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
        Assert.Contains("power#long_name=power sector CO2 emissions", power, StringComparison.Ordinal);
    }
}
