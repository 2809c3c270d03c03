namespace GridEmissions.Gdal;

/// <summary>The GDAL shared library could not be loaded; the message says how to install it.</summary>
public class NativeLibraryMissingException : Exception
{
    /// <summary>Creates an exception with the default install hint.</summary>
    public NativeLibraryMissingException()
        : this("GDAL (libgdal.so.32) is not installed: run `bash tools/install-native.sh` or `apt-get install gdal-bin libgdal32`")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public NativeLibraryMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
