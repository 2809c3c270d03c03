using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>
/// Ends a failed process without the native libraries' exit handlers. When a NetCDF file cannot be
/// closed (a full disk), HDF5 keeps a half-closed file and its atexit handler (H5_term_library)
/// dereferences it and crashes with SIGSEGV after the error was printed. A failed run has already
/// removed its temporary folder and flushed its messages, so nothing is lost by skipping them.
/// </summary>
public static partial class ProcessExit
{
    /// <summary>Flushes the console and exits with <paramref name="code"/> at once (Linux: <c>_exit</c>); elsewhere returns and lets the caller exit normally.</summary>
    public static void SkippingNativeHandlers(int code)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        if (OperatingSystem.IsLinux())
        {
            Exit(code);
        }
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);
}
