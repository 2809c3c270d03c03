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

    /// <summary>Writes the COG of every year through <paramref name="file"/> (names relative to <c>grids/</c>).</summary>
    public static void Write(AnalysisContext context, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        RegionMask mask = context.Region.Mask;
        var globals = OutputMetadata.Globals(context.Scenario, context.Region.Grid, "run " + Path.GetFileName(context.Scenario.SourcePath));
        foreach (int year in context.Scenario.Years)
        {
            double[] total = mask.Apply(context.Grids.Read(year).Total, FormattableString.Invariant($"total {year}"));
            var meta = OutputMetadata.Band(globals, year, YearGrids.Total, "All sectors");
            GeoTiffWriter.Write(file(FileName(year)), context.Region.Grid, [new RasterBand(YearGrids.Total, total, meta, OutputMetadata.Units)], meta,
                GeoTiffOptions.Default with { NoData = RegionMask.NoData, Cog = true });
        }
    }
}
