namespace GridEmissions.Rendering;

/// <summary>
/// Thrown when the renderer's native library (libSkiaSharp, shipped in the SkiaSharp NuGet
/// package's runtime assets) cannot be loaded. The message says what to check.
/// </summary>
public sealed class NativeLibraryMissingException : Exception
{
    /// <summary>Creates the exception for a library and what provides it.</summary>
    public NativeLibraryMissingException(string library, string provider, Exception? inner)
        : base($"The native library '{library}' could not be loaded. It ships with {provider}; restore and publish the project for this platform (runtime identifier) so the file is next to the program.", inner)
    {
        Library = library;
        Provider = provider;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NativeLibraryMissingException(string message)
        : base(message)
    {
        Library = "";
        Provider = "";
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Library = "";
        Provider = "";
    }

    /// <summary>Creates the exception.</summary>
    public NativeLibraryMissingException()
        : this("A native library could not be loaded.")
    {
    }

    /// <summary>The library file, e.g. "libSkiaSharp.so".</summary>
    public string Library { get; }

    /// <summary>What ships it, e.g. the NuGet package "SkiaSharp.NativeAssets.Linux.NoDependencies".</summary>
    public string Provider { get; }
}
