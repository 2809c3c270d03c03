using System.Reflection;
using System.Runtime.InteropServices;

namespace GridEmissions.Rendering.Native;

/// <summary>
/// Maps the logical library name "cairo" to the runtime soname (Debian ships only
/// <c>libcairo.so.2</c>; the bare <c>.so</c> comes with -dev) and turns a missing library into a
/// <see cref="NativeLibraryMissingException"/> naming the package.
/// </summary>
internal static class CairoLibrary
{
    internal const string Name = "cairo";
    private const string Package = "libcairo2";
    private static readonly string[] Sonames = ["libcairo.so.2", "libcairo.so", "libcairo-2.dll", "libcairo.2.dylib"];
    private static readonly Lock Gate = new();
    private static bool installed;
    private static bool loaded;

    /// <summary>Installs the resolver (once per assembly) and checks that cairo loads.</summary>
    internal static void EnsureLoaded()
    {
        if (loaded)
        {
            return;
        }

        lock (Gate)
        {
            if (!installed)
            {
                NativeLibrary.SetDllImportResolver(typeof(CairoLibrary).Assembly, Resolve);
                installed = true;
            }

            if (!TryLoad(out _, out Exception? error))
            {
                throw new NativeLibraryMissingException("libcairo.so.2", Package, error);
            }

            loaded = true;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name)
        {
            return 0;
        }

        if (TryLoad(out nint handle, out Exception? error))
        {
            return handle;
        }

        throw new NativeLibraryMissingException("libcairo.so.2", Package, error);
    }

    private static bool TryLoad(out nint handle, out Exception? error)
    {
        error = null;
        foreach (string soname in Sonames)
        {
            try
            {
                if (NativeLibrary.TryLoad(soname, out handle))
                {
                    return true;
                }
            }
            catch (BadImageFormatException ex)
            {
                error = ex;
            }
        }

        handle = 0;
        return false;
    }
}
