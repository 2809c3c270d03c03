namespace GridEmissions.Rendering;

/// <summary>
/// A page in points (1/72 inch), the unit all drawing code works in. A PNG of the page has
/// <see cref="PixelWidth"/> × <see cref="PixelHeight"/> pixels at the chosen DPI.
/// </summary>
public readonly record struct PageSize(double WidthPoints, double HeightPoints)
{
    /// <summary>A4 landscape.</summary>
    public static PageSize A4Landscape => new(841.89, 595.28);

    /// <summary>A4 portrait.</summary>
    public static PageSize A4Portrait => new(595.28, 841.89);

    /// <summary>The page whose PNG at <paramref name="dpi"/> is exactly the given pixel size.</summary>
    public static PageSize FromPixels(int widthPixels, int heightPixels, double dpi)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        return new PageSize(widthPixels * 72.0 / dpi, heightPixels * 72.0 / dpi);
    }

    /// <summary>Pixel width at a DPI.</summary>
    public int PixelWidth(double dpi) => Math.Max(1, (int)Math.Round(WidthPoints * dpi / 72.0));

    /// <summary>Pixel height at a DPI.</summary>
    public int PixelHeight(double dpi) => Math.Max(1, (int)Math.Round(HeightPoints * dpi / 72.0));
}
