namespace GridEmissions.Gdal.Native;

/// <summary>
/// Owns one GDAL dataset handle (never shared between threads). Opening failures become
/// <see cref="GdalException"/>s that name the file and carry GDAL's message.
/// </summary>
internal sealed class DatasetHandle : IDisposable
{
    private nint _handle;

    private DatasetHandle(nint handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    ~DatasetHandle() => Release();

    public string Path { get; }

    public nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(DatasetHandle), $"dataset '{Path}' is closed");

    public string DriverName => Utf8StringList.ReadOwned(GdalNative.GDALGetDriverShortName(GdalNative.GDALGetDatasetDriver(Handle)));

    /// <summary>Opens an existing dataset; "no such file" and "not recognised" are reported with the path.</summary>
    public static DatasetHandle Open(string path, uint kindFlags, IEnumerable<string>? openOptions = null, IEnumerable<string>? allowedDrivers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        GdalLibrary.EnsureInitialized();
        using var options = new Utf8StringList(openOptions);
        using var drivers = allowedDrivers is null ? null : new Utf8StringList(allowedDrivers);
        GdalErrors.Reset();
        nint h = GdalNative.GDALOpenEx(path, kindFlags | GdalNative.GDAL_OF_VERBOSE_ERROR, drivers?.Pointer ?? 0, options.Pointer, 0);
        if (h == 0)
        {
            throw GdalException.FromLastError("opening", path);
        }

        return new DatasetHandle(h, path);
    }

    /// <summary>Creates a dataset with a named driver (MEM, GTiff, GeoJSON, GPKG, CSV...).</summary>
    public static DatasetHandle Create(string driverName, string path, int width, int height, int bands, int dataType, IEnumerable<string>? creationOptions = null)
    {
        nint driver = Driver(driverName);
        using var options = new Utf8StringList(creationOptions);
        GdalErrors.Reset();
        nint h = GdalNative.GDALCreate(driver, path, width, height, bands, dataType, options.Pointer);
        if (h == 0)
        {
            throw GdalException.FromLastError($"creating ({driverName})", path);
        }

        return new DatasetHandle(h, path);
    }

    /// <summary>Copies a dataset with a named driver (COG, GTiff).</summary>
    public static DatasetHandle CreateCopy(string driverName, string path, DatasetHandle source, IEnumerable<string>? creationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        nint driver = Driver(driverName);
        using var options = new Utf8StringList(creationOptions);
        GdalErrors.Reset();
        nint h = GdalNative.GDALCreateCopy(driver, path, source.Handle, 1, options.Pointer, 0, 0);
        if (h == 0)
        {
            throw GdalException.FromLastError($"writing ({driverName})", path);
        }

        var copy = new DatasetHandle(h, path);
        if (GdalErrors.HasFailure)
        {
            // A copy that reported a failure (a write that hit a full disk) is not a complete file, even when GDAL returns it.
            GdalException failure = GdalException.FromLastError($"writing ({driverName})", path);
            copy.Dispose();
            throw failure;
        }

        return copy;
    }

    /// <summary>Wraps a handle created elsewhere (multidimensional create).</summary>
    public static DatasetHandle Adopt(nint handle, string path) => new(handle, path);

    /// <summary>The driver handle for a short name, or a <see cref="GdalException"/>.</summary>
    public static nint Driver(string driverName)
    {
        GdalLibrary.EnsureInitialized();
        nint driver = GdalNative.GDALGetDriverByName(driverName);
        return driver != 0 ? driver : throw new GdalException($"the GDAL driver '{driverName}' is not available in GDAL {GdalLibrary.Version}");
    }

    /// <summary>Closes the dataset, flushing it, and throws when GDAL reports a failure while flushing.</summary>
    public void Close()
    {
        if (_handle == 0)
        {
            return;
        }

        GdalErrors.Reset();
        Release();
        GC.SuppressFinalize(this);
        if (GdalErrors.HasFailure)
        {
            throw GdalException.FromLastError("closing", Path);
        }
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        nint h = Interlocked.Exchange(ref _handle, 0);
        if (h != 0)
        {
            GdalNative.GDALClose(h);
        }
    }
}
