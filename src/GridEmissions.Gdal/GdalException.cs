namespace GridEmissions.Gdal;

/// <summary>
/// A GDAL/OGR/OSR call failed. The message names the file (when there is one) and carries
/// GDAL's own message, so it can be shown to a user as is.
/// </summary>
public class GdalException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public GdalException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public GdalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public GdalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about a file.</summary>
    public GdalException(string message, string? filePath)
        : base(message)
    {
        FilePath = filePath;
    }

    /// <summary>The file the failing operation was about, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>Builds an exception from the calling thread's last GDAL message.</summary>
    internal static GdalException FromLastError(string action, string? filePath)
    {
        string gdal = Native.GdalErrors.LastMessage();
        string message = filePath is null
            ? $"{action} failed: {gdal}"
            : $"{action} '{filePath}' failed: {gdal}";
        return new GdalException(message, filePath);
    }
}
