using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// A raster opened read-only through GDAL: GeoTIFF, COG, NetCDF (or one of its subdatasets,
/// e.g. <c>NETCDF:"file.nc":power</c>) and every other raster format GDAL reads.
/// Use one instance per thread.
/// </summary>
public sealed class RasterDataset : IDisposable
{
    private readonly DatasetHandle _dataset;

    internal RasterDataset(DatasetHandle dataset)
    {
        _dataset = dataset;
    }

    /// <summary>The path (or GDAL connection string) that was opened.</summary>
    public string Path => _dataset.Path;

    /// <summary>GDAL driver short name, e.g. "GTiff" or "netCDF".</summary>
    public string DriverName => _dataset.DriverName;

    /// <summary>Number of columns.</summary>
    public int Width => GdalNative.GDALGetRasterXSize(_dataset.Handle);

    /// <summary>Number of rows.</summary>
    public int Height => GdalNative.GDALGetRasterYSize(_dataset.Handle);

    /// <summary>Number of bands (0 for a container that only has subdatasets).</summary>
    public int BandCount => GdalNative.GDALGetRasterCount(_dataset.Handle);

    /// <summary>The GDAL geotransform; GDAL's default (0,1,0,0,0,1) when the file has none.</summary>
    public unsafe double[] GeoTransform
    {
        get
        {
            var gt = new double[6];
            fixed (double* p = gt)
            {
                if (GdalNative.GDALGetGeoTransform(_dataset.Handle, p) != GdalNative.CE_None)
                {
                    return [0, 1, 0, 0, 0, 1];
                }
            }

            return gt;
        }
    }

    /// <summary>True when the file carries a geotransform.</summary>
    public unsafe bool HasGeoTransform
    {
        get
        {
            double* gt = stackalloc double[6];
            return GdalNative.GDALGetGeoTransform(_dataset.Handle, gt) == GdalNative.CE_None;
        }
    }

    /// <summary>The CRS as WKT; empty when the file has none.</summary>
    public string CrsWkt => Utf8StringList.ReadOwned(GdalNative.GDALGetProjectionRef(_dataset.Handle));

    /// <summary>Subdatasets (NetCDF variables, GPKG tables...), in the order GDAL lists them.</summary>
    public IReadOnlyList<RasterSubDataset> SubDatasets
    {
        get
        {
            var items = Utf8StringList.Read(GdalNative.GDALGetMetadata(_dataset.Handle, "SUBDATASETS"));
            var names = new Dictionary<int, string>();
            var descriptions = new Dictionary<int, string>();
            foreach (string item in items)
            {
                int eq = item.IndexOf('=', StringComparison.Ordinal);
                string[] key = eq > 0 ? item[..eq].Split('_') : [];
                if (key.Length == 3 && int.TryParse(key[1], System.Globalization.CultureInfo.InvariantCulture, out int n))
                {
                    (key[2] == "NAME" ? names : descriptions)[n] = item[(eq + 1)..];
                }
            }

            return names.OrderBy(kv => kv.Key)
                .Select(kv => new RasterSubDataset(kv.Value, descriptions.GetValueOrDefault(kv.Key, string.Empty)))
                .ToList();
        }
    }

    internal nint Handle => _dataset.Handle;

    /// <summary>Opens any raster GDAL reads; throws <see cref="GdalException"/> naming the file when it is missing or unreadable.</summary>
    public static RasterDataset Open(string path) =>
        new(DatasetHandle.Open(path, GdalNative.GDAL_OF_RASTER | GdalNative.GDAL_OF_READONLY));

    /// <summary>Reads a whole band (1-based) as row-major doubles, row 0 northernmost for north-up rasters.</summary>
    public unsafe double[] ReadBand(int band)
    {
        nint h = Band(band);
        int width = Width, height = Height;
        long count = (long)width * height;
        if (count > Array.MaxLength)
        {
            throw new GdalException($"'{Path}' is too large to read at once ({width} x {height})", Path);
        }

        var values = new double[count];
        GdalErrors.Reset();
        fixed (double* p = values)
        {
            if (GdalNative.GDALRasterIO(h, GdalNative.GF_Read, 0, 0, width, height, p, width, height, GdalNative.GDT_Float64, 0, 0) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError($"reading band {band} of", Path);
            }
        }

        return values;
    }

    /// <summary>The band's nodata value, or null when it has none.</summary>
    public unsafe double? NoData(int band)
    {
        nint h = Band(band);
        int ok = 0;
        double value = GdalNative.GDALGetRasterNoDataValue(h, &ok);
        return ok != 0 ? value : null;
    }

    /// <summary>The band's GDAL unit type ("" when none).</summary>
    public string BandUnitType(int band) => Utf8StringList.ReadOwned(GdalNative.GDALGetRasterUnitType(Band(band)));

    /// <summary>The band's description (the band name GeoTiffWriter writes).</summary>
    public string BandDescription(int band) => Utf8StringList.ReadOwned(GdalNative.GDALGetDescription(Band(band)));

    /// <summary>The band's GDAL data type name, e.g. "Float64".</summary>
    public string BandDataType(int band) => Utf8StringList.ReadOwned(GdalNative.GDALGetDataTypeName(GdalNative.GDALGetRasterDataType(Band(band))));

    /// <summary>Dataset metadata of a domain (null: the default domain).</summary>
    public IReadOnlyDictionary<string, string> Metadata(string? domain = null) =>
        Utf8StringList.ReadNameValues(GdalNative.GDALGetMetadata(_dataset.Handle, domain));

    /// <summary>Band metadata of a domain (null: the default domain).</summary>
    public IReadOnlyDictionary<string, string> BandMetadata(int band, string? domain = null) =>
        Utf8StringList.ReadNameValues(GdalNative.GDALGetMetadata(Band(band), domain));

    /// <inheritdoc />
    public void Dispose() => _dataset.Dispose();

    private nint Band(int band)
    {
        int count = BandCount;
        if (band < 1 || band > count)
        {
            throw new ArgumentOutOfRangeException(nameof(band), $"'{Path}' has {count} band(s); band {band} does not exist (bands are numbered from 1)");
        }

        return GdalNative.GDALGetRasterBand(_dataset.Handle, band);
    }
}
