using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>
/// The one process-wide CPL error handler: keeps GDAL's messages off stderr and records the
/// last failure (and last warning) of each thread, which is the thread that raised it.
/// </summary>
internal static class GdalErrors
{
    [ThreadStatic]
    private static string? t_lastFailure;

    [ThreadStatic]
    private static string? t_lastWarning;

    /// <summary>Clears the calling thread's recorded messages (before a native call).</summary>
    public static void Reset()
    {
        t_lastFailure = null;
        t_lastWarning = null;
        GdalNative.CPLErrorReset();
    }

    /// <summary>The last failure message on this thread, else GDAL's own last message, else a fallback.</summary>
    public static string LastMessage()
    {
        if (!string.IsNullOrEmpty(t_lastFailure))
        {
            return t_lastFailure;
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
}
