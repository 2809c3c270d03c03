using System.Reflection;
using System.Runtime.InteropServices;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// Loads and initialises GDAL once per process: maps the logical library name to Debian's
/// soname, registers all drivers and installs the one process-wide error handler. Every public
/// entry point of this assembly calls <see cref="EnsureInitialized"/> first.
/// </summary>
public static class GdalLibrary
{
    private static readonly string[] Candidates = ["libgdal.so.32", "libgdal.so.33", "libgdal.so.34", "libgdal.so"];
    private static readonly Lock Gate = new();
    private static volatile bool s_initialized;
    private static nint s_handle;

    /// <summary>
    /// GDAL's raster block cache, unless GDAL_CACHEMAX says otherwise. GDAL's default is 5 % of the machine's
    /// RAM (1.2 GB here), which a national 1 km run filled while writing its first GeoTIFF and kept resident;
    /// every read and write here streams whole bands, so 128 MiB (several rows of tiles of the largest grid)
    /// costs no time. A fixed size also makes a GeoTIFF larger than the cache come out with the same tile
    /// layout on every machine (GDAL writes tiles as the cache evicts them); grids that fit, such as the
    /// shipped 10 km ones, are written at close as before.
    /// </summary>
    public const long BlockCacheBytes = 128L << 20;

    /// <summary>The size GDAL's block cache has now (bytes).</summary>
    public static long BlockCacheLimitBytes
    {
        get
        {
            EnsureInitialized();
            return GdalNative.GDALGetCacheMax64();
        }
    }

    /// <summary>The soname that was loaded, once initialised.</summary>
    public static string? LoadedLibraryName { get; private set; }

    /// <summary>GDAL's release name, e.g. "3.6.2".</summary>
    public static string Version
    {
        get
        {
            EnsureInitialized();
            return Utf8StringList.ReadOwned(GdalNative.GDALVersionInfo("RELEASE_NAME"));
        }
    }

    /// <summary>Idempotent and thread-safe. Throws <see cref="NativeLibraryMissingException"/> when libgdal is absent.</summary>
    public static void EnsureInitialized()
    {
        if (s_initialized)
        {
            return;
        }

        lock (Gate)
        {
            if (s_initialized)
            {
                return;
            }

            if (s_handle == 0)
            {
                foreach (string name in Candidates)
                {
                    if (NativeLibrary.TryLoad(name, out nint handle))
                    {
                        s_handle = handle;
                        LoadedLibraryName = name;
                        break;
                    }
                }

                if (s_handle == 0)
                {
                    throw new NativeLibraryMissingException();
                }

                NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);
            }

            Register();
            s_initialized = true;
        }
    }

    private static unsafe void Register()
    {
        GdalNative.GDALAllRegister();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX")))
        {
            GdalNative.GDALSetCacheMax64(BlockCacheBytes);
        }

        GdalNative.CPLSetErrorHandler(&GdalErrors.Handle);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == GdalNative.Lib ? s_handle : 0;
}
