using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>Raster images (one pixel per grid cell) drawn scaled with the nearest-neighbour filter.</summary>
public sealed partial class Canvas
{
    /// <summary>
    /// Draws a <paramref name="columns"/> × <paramref name="rows"/> image of straight colours
    /// (row-major, row 0 at the top) into the page rectangle <paramref name="destination"/>,
    /// each pixel a crisp block (nearest-neighbour sampling, also in SVG and PDF). The pixels are
    /// copied, so the caller's buffer may change afterwards.
    /// </summary>
    public void DrawPixels(int columns, int rows, ReadOnlySpan<Rgba> pixels, PageRect destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        if (pixels.Length != columns * rows)
        {
            throw new ArgumentException($"expected {columns * rows} pixels for {columns} x {rows}, got {pixels.Length}", nameof(pixels));
        }

        var bytes = new byte[pixels.Length * 4];
        for (int i = 0; i < pixels.Length; i++)
        {
            Rgba p = pixels[i];
            bytes[4 * i] = p.R;
            bytes[4 * i + 1] = p.G;
            bytes[4 * i + 2] = p.B;
            bytes[4 * i + 3] = p.A;
        }

        var imageInfo = new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using SKImage image = SKImage.FromPixelCopy(imageInfo, bytes)
            ?? throw new RenderException($"Skia cannot create a {columns} x {rows} image");
        using var paint = new SKPaint { IsAntialias = true };
        var rect = SKRect.Create((float)destination.X, (float)destination.Y, (float)destination.Width, (float)destination.Height);
        Sk.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), paint);
    }

    /// <summary>Copies the pixels of an image canvas (PNG or in-memory) after drawing.</summary>
    public PixelImage ReadPixels()
    {
        if (Format != OutputFormat.Png || surface is null)
        {
            throw new InvalidOperationException($"only image canvases have pixels; this one is {Format}");
        }

        Sk.Flush();
        using SKImage image = surface.Snapshot();
        return PixelImage.FromImage(image);
    }
}
