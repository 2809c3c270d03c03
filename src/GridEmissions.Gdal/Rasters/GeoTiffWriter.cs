using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal;

/// <summary>
/// Writes grids as (Cloud-Optimized) GeoTIFFs on the grid's CRS and geotransform: one band per
/// <see cref="RasterBand"/>, DEFLATE-compressed and tiled. The file is written under a temporary
/// name next to the target and renamed into place when complete. GDAL writes no timestamp, so
/// the same input gives the same bytes. (<see cref="GeoTiffBandStream"/> writes the same file a band at a time.)
/// </summary>
public static class GeoTiffWriter
{
    /// <summary>Writes <paramref name="bands"/> on <paramref name="grid"/> to <paramref name="path"/>, replacing any existing file.</summary>
    public static void Write(string path, GridSpec grid, IReadOnlyList<RasterBand> bands,
        IReadOnlyDictionary<string, string> metadata, GeoTiffOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(options);
        if (bands.Count == 0)
        {
            throw new ArgumentException($"no bands to write to '{path}'", nameof(bands));
        }

        for (int i = 0; i < bands.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(bands[i]);
            if (bands[i].Values.Length != grid.CellCount)
            {
                throw new ArgumentException(
                    $"band {i + 1} ('{bands[i].Name}') has {bands[i].Values.Length} values but grid '{grid.Name}' has {grid.CellCount} cells ({grid.Columns} x {grid.Rows})",
                    nameof(bands));
            }
        }

        using var stream = new GeoTiffBandStream(path, grid, bands.Count, metadata, options);
        for (int i = 0; i < bands.Count; i++)
        {
            RasterBand band = bands[i];
            stream.WriteBand(i, band.Name, band.Metadata, band.UnitType, band.Values);
        }

        stream.Commit();
    }
}
