namespace GridEmissions.Rendering;

/// <summary>Drawing or encoding an output failed; the message names the file involved, if any.</summary>
public sealed class RenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RenderException()
        : this("rendering failed")
    {
    }
}
