using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// Writes grids as (Cloud-Optimized) GeoTIFFs on the grid's CRS and geotransform: one band per
/// <see cref="RasterBand"/>, DEFLATE-compressed and tiled. The file is written under a temporary
/// name next to the target and renamed into place when complete. GDAL writes no timestamp, so
/// the same input gives the same bytes.
/// </summary>
public static class GeoTiffWriter
{
    // DEFLATE on every core: GDAL compresses tiles in worker threads and writes them in tile order,
    // so the file is byte for byte the single-threaded one (checked on the shipped scenarios' grids).
    private const string DeflateThreads = "NUM_THREADS=ALL_CPUS";

    /// <summary>Writes <paramref name="bands"/> on <paramref name="grid"/> to <paramref name="path"/>, replacing any existing file.</summary>
    public static unsafe void Write(string path, GridSpec grid, IReadOnlyList<RasterBand> bands,
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

        if (options.BlockSize <= 0 || options.BlockSize % 16 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"block size {options.BlockSize} is not a positive multiple of 16");
        }

        GdalLibrary.EnsureInitialized();
        int dataType = options.Float32 ? GdalNative.GDT_Float32 : GdalNative.GDT_Float64;
        string block = options.BlockSize.ToString(CultureInfo.InvariantCulture);
        using var output = new AtomicOutput(path);
        if (options.Cog)
        {
            using var memory = DatasetHandle.Create("MEM", string.Empty, grid.Columns, grid.Rows, bands.Count, dataType);
            Fill(memory, grid, bands, metadata, options, path);
            using var cog = DatasetHandle.CreateCopy("COG", output.TempPath, memory, ["COMPRESS=DEFLATE", $"BLOCKSIZE={block}", "BIGTIFF=IF_SAFER", DeflateThreads]);
            cog.Close();
        }
        else
        {
            string[] creation = ["TILED=YES", $"BLOCKXSIZE={block}", $"BLOCKYSIZE={block}", "COMPRESS=DEFLATE", "INTERLEAVE=BAND", "BIGTIFF=IF_SAFER", DeflateThreads];
            using var tiff = DatasetHandle.Create("GTiff", output.TempPath, grid.Columns, grid.Rows, bands.Count, dataType, creation);
            Fill(tiff, grid, bands, metadata, options, path);
            tiff.Close();
        }

        output.Commit();
    }

    private static unsafe void Fill(DatasetHandle dataset, GridSpec grid, IReadOnlyList<RasterBand> bands,
        IReadOnlyDictionary<string, string>? metadata, GeoTiffOptions options, string path)
    {
        nint h = dataset.Handle;
        double[] geoTransform = grid.GeoTransform;
        GdalErrors.Reset();
        fixed (double* gt = geoTransform)
        {
            if (GdalNative.GDALSetGeoTransform(h, gt) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError("setting the geotransform of", path);
            }
        }

        if (GdalNative.GDALSetProjection(h, grid.CrsWkt) != GdalNative.CE_None)
        {
            throw GdalException.FromLastError("setting the CRS of", path);
        }

        MetadataWriter.Write(h, metadata, path);
        for (int i = 0; i < bands.Count; i++)
        {
            RasterBand band = bands[i];
            nint b = GdalNative.GDALGetRasterBand(h, i + 1);
            GdalNative.GDALSetDescription(b, band.Name ?? string.Empty);
            MetadataWriter.Write(b, band.Metadata, path);
            if (band.UnitType is { Length: > 0 } unit && GdalNative.GDALSetRasterUnitType(b, unit) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError("setting the unit type on", path);
            }
            if (options.NoData is double noData && GdalNative.GDALSetRasterNoDataValue(b, noData) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError("setting nodata on", path);
            }

            GdalErrors.Reset();
            fixed (double* p = band.Values)
            {
                if (GdalNative.GDALRasterIO(b, GdalNative.GF_Write, 0, 0, grid.Columns, grid.Rows, p, grid.Columns, grid.Rows, GdalNative.GDT_Float64, 0, 0) != GdalNative.CE_None)
                {
                    throw GdalException.FromLastError($"writing band {i + 1} of", path);
                }
            }
        }
    }
}
