using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>
/// The one process-wide CPL error handler: keeps GDAL's messages off stderr and records the
/// last failure (and last warning) of each thread, which is the thread that raised it. A full disk
/// is kept as well: GDAL reports it first (libtiff's "_tiffWriteProc:No space left on device") and
/// then fails with a consequence ("TIFFRewriteDirectory:Error fetching directory count") that alone
/// would hide the cause from the user.
/// </summary>
internal static class GdalErrors
{
    [ThreadStatic]
    private static string? t_lastFailure;

    [ThreadStatic]
    private static string? t_lastWarning;

    [ThreadStatic]
    private static string? t_diskFull;

    /// <summary>Clears the calling thread's recorded messages (before a native call).</summary>
    public static void Reset()
    {
        t_lastFailure = null;
        t_lastWarning = null;
        t_diskFull = null;
        GdalNative.CPLErrorReset();
    }

    /// <summary>
    /// The last failure message on this thread (with the full-disk failure before it, when it was another),
    /// else GDAL's own last message, else a fallback.
    /// </summary>
    public static string LastMessage()
    {
        if (!string.IsNullOrEmpty(t_lastFailure))
        {
            return t_diskFull is { } full && !t_lastFailure.Contains(full, StringComparison.Ordinal) ? $"{t_lastFailure} (after: {full})" : t_lastFailure;
        }

        string cpl = Utf8StringList.ReadOwned(GdalNative.CPLGetLastErrorMsg());
        if (!string.IsNullOrEmpty(cpl))
        {
            return cpl;
        }

        return string.IsNullOrEmpty(t_lastWarning) ? "GDAL gave no message" : t_lastWarning;
    }

    /// <summary>True when a failure was recorded on this thread since <see cref="Reset"/>.</summary>
    public static bool HasFailure => t_lastFailure is not null || GdalNative.CPLGetLastErrorType() >= GdalNative.CE_Failure;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static void Handle(int errorClass, int errorNumber, nint message)
    {
        // Runs inside native code: it must never throw.
        try
        {
            string text = Marshal.PtrToStringUTF8(message) ?? string.Empty;
            if (errorClass >= GdalNative.CE_Failure)
            {
                t_lastFailure = text;
                if (t_diskFull is null && IsDiskFull(text))
                {
                    t_diskFull = text;
                }
            }
            else if (errorClass == GdalNative.CE_Warning)
            {
                t_lastWarning = text;
            }
        }
#pragma warning disable CA1031 // an exception escaping into GDAL would abort the process
        catch (Exception)
#pragma warning restore CA1031
        {
            t_lastFailure = "GDAL error (message could not be read)";
        }

        _ = errorNumber;
    }

    private static bool IsDiskFull(string text) =>
        text.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || text.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase)
        || text.Contains("database or disk is full", StringComparison.OrdinalIgnoreCase);
}
