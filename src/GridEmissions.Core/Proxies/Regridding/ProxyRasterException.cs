namespace GridEmissions.Core.Proxies.Regridding;

/// <summary>A proxy raster that cannot be used (bad values, wrong CRS, does not cover the region): names the file, what is wrong and the fix.</summary>
public sealed class ProxyRasterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProxyRasterException(string file, string problem, string fix)
        : base($"{file}: {problem} — {fix}")
    {
        File = file;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public ProxyRasterException()
        : this(string.Empty, string.Empty, string.Empty)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public ProxyRasterException(string message)
        : this(string.Empty, message, string.Empty)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public ProxyRasterException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>The raster file.</summary>
    public string File { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }
}
