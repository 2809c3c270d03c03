using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>One year's grids read back from a run's <c>grids/emissions_&lt;year&gt;.tif</c>: one array per sector, then "total".</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Bands">Band name (sector id or "total") → t CO2/yr per cell, row-major, in file order; cells outside the region (nodata in the file) read as 0.</param>
public sealed record YearGrid(int Year, IReadOnlyDictionary<string, double[]> Bands)
{
    /// <summary>The total grid.</summary>
    public double[] Total => Bands[YearGrids.Total];

    /// <summary>The path of a year's GeoTIFF inside a folder holding <c>grids/</c>.</summary>
    public static string PathIn(string runFolder, int year) =>
        Path.Combine(runFolder, "grids", string.Create(CultureInfo.InvariantCulture, $"emissions_{year}.tif"));
}

/// <summary>Reads a run's yearly GeoTIFFs, one file at a time (memory-bounded).</summary>
/// <param name="RunFolder">The folder holding <c>grids/</c> (a finished run or the staging folder of one).</param>
/// <param name="Grid">The grid every file must match.</param>
/// <param name="Sectors">Sector ids in band order (the total band comes last).</param>
public sealed record YearGrids(string RunFolder, GridSpec Grid, IReadOnlyList<string> Sectors)
{
    /// <summary>The name of the total band.</summary>
    public const string Total = "total";

    /// <summary>Sector ids followed by "total".</summary>
    public IReadOnlyList<string> SectorsAndTotal => [.. Sectors, Total];

    /// <summary>Reads one year; the file must hold the grid and one band per sector plus the total.</summary>
    public YearGrid Read(int year)
    {
        string path = YearGrid.PathIn(RunFolder, year);
        if (!File.Exists(path))
        {
            throw new InputError(path, $"the grid of {year} is missing.", "point at a complete `gridem run` output folder (it holds grids/emissions_<year>.tif for every year).");
        }

        using RasterDataset ds = RasterDataset.Open(path);
        if (ds.Width != Grid.Columns || ds.Height != Grid.Rows)
        {
            throw new InputError(path, $"the raster is {ds.Width} x {ds.Height} cells but the scenario's grid is {Grid.Columns} x {Grid.Rows}.", "use the scenario the run was made with (--scenario).");
        }

        var bands = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var expected = SectorsAndTotal;
        if (ds.BandCount != expected.Count)
        {
            throw new InputError(path, $"the raster has {ds.BandCount} bands but the scenario has {expected.Count} (sectors + total).", "use the scenario the run was made with (--scenario).");
        }

        for (int b = 1; b <= ds.BandCount; b++)
        {
            string name = ds.BandDescription(b);
            if (!expected.Contains(name, StringComparer.Ordinal))
            {
                name = expected[b - 1];
            }

            // Cells outside the region are nodata; they hold no emissions, so sums read them as 0.
            double[] values = ds.ReadBand(b);
            if (ds.NoData(b) is double noData)
            {
                RegionMask.ZeroNoData(values, noData);
            }

            bands[name] = values;
        }

        return new YearGrid(year, bands);
    }
}
