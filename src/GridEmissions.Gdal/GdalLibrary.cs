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
        GdalNative.CPLSetErrorHandler(&GdalErrors.Handle);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == GdalNative.Lib ? s_handle : 0;
}
