namespace GridEmissions.Rendering;

/// <summary>Thrown when the fonts the maps need are not installed; the message names the Debian package.</summary>
public sealed class FontMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FontMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public FontMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FontMissingException()
        : this("A font the renderer needs is missing.")
    {
    }
}
