namespace GridEmissions.Rendering;

/// <summary>A cairo call failed; the message carries cairo's own status text and the file involved, if any.</summary>
public sealed class CairoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CairoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public CairoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CairoException()
        : this("cairo call failed")
    {
    }
}
