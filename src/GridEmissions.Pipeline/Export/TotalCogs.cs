using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// A single-band Cloud-Optimized GeoTIFF of the total of every year (<c>grids/total_&lt;year&gt;_cog.tif</c>):
/// what a drag-and-drop viewer or a tile server shows without choosing a band. Same grid, units,
/// nodata and metadata as the band of the yearly GeoTIFF.
/// </summary>
public static class TotalCogs
{
    /// <summary>The file name of a year's COG inside <c>grids/</c>.</summary>
    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"total_{year}_cog.tif");

    /// <summary>
    /// Writes a year's COG to <paramref name="path"/> from the total band of its yearly GeoTIFF as the run wrote it
    /// (masked: nodata outside the region), with that band's metadata for the band and the file.
    /// </summary>
    public static void Write(string path, GridSpec grid, RasterBand total)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(total);
        GeoTiffWriter.Write(path, grid, [total], total.Metadata, GeoTiffOptions.Default with { NoData = RegionMask.NoData, Cog = true });
    }
}
