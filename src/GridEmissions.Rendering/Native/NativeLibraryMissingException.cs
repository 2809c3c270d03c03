namespace GridEmissions.Rendering;

/// <summary>
/// Thrown when a native library the renderer needs (libcairo) cannot be loaded. The message names
/// the Debian package that provides it, so the user knows what to install.
/// </summary>
public sealed class NativeLibraryMissingException : Exception
{
    /// <summary>Creates the exception for a library and the package that ships it.</summary>
    public NativeLibraryMissingException(string library, string package, Exception? inner)
        : base($"The native library '{library}' could not be loaded. Install it with: apt-get install -y --no-install-recommends {package}", inner)
    {
        Library = library;
        Package = package;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NativeLibraryMissingException(string message)
        : base(message)
    {
        Library = "";
        Package = "";
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Library = "";
        Package = "";
    }

    /// <summary>Creates the exception.</summary>
    public NativeLibraryMissingException()
        : this("A native library could not be loaded.")
    {
    }

    /// <summary>The logical library name, e.g. "cairo".</summary>
    public string Library { get; }

    /// <summary>The Debian package that ships it, e.g. "libcairo2".</summary>
    public string Package { get; }
}
