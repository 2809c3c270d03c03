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
    /// Writes the COG of <paramref name="year"/> from its total grid as the run wrote it (masked: nodata outside
    /// the region) to <paramref name="path"/>, with the band metadata of the yearly GeoTIFF.
    /// </summary>
    public static void Write(string path, GridSpec grid, IReadOnlyDictionary<string, string> globals, int year, double[] maskedTotal)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(maskedTotal);
        var meta = OutputMetadata.Band(globals, year, YearGrids.Total, "All sectors");
        GeoTiffWriter.Write(path, grid, [new RasterBand(YearGrids.Total, maskedTotal, meta, OutputMetadata.Units)], meta,
            GeoTiffOptions.Default with { NoData = RegionMask.NoData, Cog = true });
    }
}
