namespace GridEmissions.Rendering;

/// <summary>The file formats every renderer writes from the same drawing code.</summary>
public enum OutputFormat
{
    /// <summary>Raster image; size in pixels from the page size in points and the DPI.</summary>
    Png,

    /// <summary>SVG 1.1; size in points.</summary>
    Svg,

    /// <summary>PDF; size in points.</summary>
    Pdf,
}

/// <summary>File-name helpers for <see cref="OutputFormat"/>.</summary>
public static class OutputFormats
{
    /// <summary>The format a path's extension names (.png, .svg, .pdf).</summary>
    public static OutputFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => OutputFormat.Png,
            ".SVG" => OutputFormat.Svg,
            ".PDF" => OutputFormat.Pdf,
            _ => throw new ArgumentException($"'{path}': the extension must be .png, .svg or .pdf", nameof(path)),
        };
    }

    /// <summary>The extension with the dot, lower case.</summary>
    public static string Extension(this OutputFormat format) => format switch
    {
        OutputFormat.Png => ".png",
        OutputFormat.Svg => ".svg",
        OutputFormat.Pdf => ".pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}
