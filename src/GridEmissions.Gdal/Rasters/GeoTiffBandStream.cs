using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// A GeoTIFF written one band at a time, so a caller that produces its bands one after another (a
/// projection year, sector by sector) need not hold them all: each band's values are handed to GDAL
/// when given and may be reused afterwards. The file goes under a temporary name and is renamed into
/// place by <see cref="Commit"/> once every band is written; disposed before that, nothing is left.
/// <see cref="GeoTiffWriter.Write"/> is this stream with every band at once, so the bytes are the same
/// whichever a caller uses.
/// </summary>
public sealed class GeoTiffBandStream : IDisposable
{
    // DEFLATE on every core: GDAL compresses tiles in worker threads and writes them in tile order,
    // so the file is byte for byte the single-threaded one (checked on the shipped scenarios' grids).
    private const string DeflateThreads = "NUM_THREADS=ALL_CPUS";

    private readonly string path;
    private readonly GridSpec grid;
    private readonly GeoTiffOptions options;
    private readonly AtomicOutput output;
    private readonly DatasetHandle dataset; // the GTiff itself, or for a COG the in-memory dataset copied at commit
    private readonly bool[] written;
    private bool committed;

    /// <summary>Starts <paramref name="path"/> on <paramref name="grid"/> with <paramref name="bandCount"/> bands and the file's metadata.</summary>
    public GeoTiffBandStream(string path, GridSpec grid, int bandCount, IReadOnlyDictionary<string, string>? metadata, GeoTiffOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        if (bandCount <= 0)
        {
            throw new ArgumentException($"no bands to write to '{path}'", nameof(bandCount));
        }

        if (options.BlockSize <= 0 || options.BlockSize % 16 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"block size {options.BlockSize} is not a positive multiple of 16");
        }

        GdalLibrary.EnsureInitialized();
        this.path = path;
        this.grid = grid;
        this.options = options;
        written = new bool[bandCount];
        int dataType = options.Float32 ? GdalNative.GDT_Float32 : GdalNative.GDT_Float64;
        string block = options.BlockSize.ToString(CultureInfo.InvariantCulture);
        output = new AtomicOutput(path);
        try
        {
            dataset = options.Cog
                ? DatasetHandle.Create("MEM", string.Empty, grid.Columns, grid.Rows, bandCount, dataType)
                : DatasetHandle.Create("GTiff", output.TempPath, grid.Columns, grid.Rows, bandCount, dataType,
                    ["TILED=YES", $"BLOCKXSIZE={block}", $"BLOCKYSIZE={block}", "COMPRESS=DEFLATE", "INTERLEAVE=BAND", "BIGTIFF=IF_SAFER", DeflateThreads]);
            Georeference(metadata);
        }
        catch
        {
            dataset?.Dispose();
            output.Dispose();
            throw;
        }
    }

    /// <summary>Bands in the file.</summary>
    public int BandCount => written.Length;

    /// <summary>
    /// Writes band <paramref name="index"/> (0-based): its description, metadata, unit type and values (row-major, row 0
    /// northernmost, one per grid cell). GDAL has the values when this returns.
    /// </summary>
    public unsafe void WriteBand(int index, string? name, IReadOnlyDictionary<string, string>? metadata, string? unitType, ReadOnlySpan<double> values)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, written.Length);
        if (written[index])
        {
            throw new InvalidOperationException($"band {index + 1} of '{path}' is already written");
        }

        if (values.Length != grid.CellCount)
        {
            throw new ArgumentException(
                $"band {index + 1} ('{name}') has {values.Length} values but grid '{grid.Name}' has {grid.CellCount} cells ({grid.Columns} x {grid.Rows})",
                nameof(values));
        }

        nint b = GdalNative.GDALGetRasterBand(dataset.Handle, index + 1);
        GdalNative.GDALSetDescription(b, name ?? string.Empty);
        MetadataWriter.Write(b, metadata, path);
        if (unitType is { Length: > 0 } && GdalNative.GDALSetRasterUnitType(b, unitType) != GdalNative.CE_None)
        {
            throw GdalException.FromLastError("setting the unit type on", path);
        }

        if (options.NoData is double noData && GdalNative.GDALSetRasterNoDataValue(b, noData) != GdalNative.CE_None)
        {
            throw GdalException.FromLastError("setting nodata on", path);
        }

        GdalErrors.Reset();
        fixed (double* p = values)
        {
            if (GdalNative.GDALRasterIO(b, GdalNative.GF_Write, 0, 0, grid.Columns, grid.Rows, p, grid.Columns, grid.Rows, GdalNative.GDT_Float64, 0, 0) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError($"writing band {index + 1} of", path);
            }
        }

        written[index] = true;
    }

    /// <summary>Closes the file and moves it into place; every band must have been written.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        int missing = Array.IndexOf(written, false);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"band {missing + 1} of {written.Length} of '{path}' was never written");
        }

        if (options.Cog)
        {
            string block = options.BlockSize.ToString(CultureInfo.InvariantCulture);
            using var cog = DatasetHandle.CreateCopy("COG", output.TempPath, dataset, ["COMPRESS=DEFLATE", $"BLOCKSIZE={block}", "BIGTIFF=IF_SAFER", DeflateThreads]);
            cog.Close();
            dataset.Dispose();
        }
        else
        {
            dataset.Close();
        }

        output.Commit();
        committed = true;
    }

    /// <summary>Abandons an uncommitted file (its temporary folder is removed); after <see cref="Commit"/>, nothing to do.</summary>
    public void Dispose()
    {
        dataset.Dispose();
        output.Dispose();
        committed = true;
    }

    private unsafe void Georeference(IReadOnlyDictionary<string, string>? metadata)
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
    }
}
