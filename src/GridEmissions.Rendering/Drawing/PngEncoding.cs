using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>
/// How every PNG of the tool is compressed: the "Up" row filter and zlib level 6. Maps and overlays
/// are large flat areas of a few colours, where "Up" compresses as well as trying all five filters on
/// every row (Skia's default; within ±10 % in size on the shipped maps) at a third to a half of the time.
/// </summary>
internal static class PngEncoding
{
    private static readonly SKPngEncoderOptions Options = new(SKPngEncoderFilterFlags.Up, 6);

    /// <summary>The PNG bytes of a raster image.</summary>
    internal static byte[] Encode(SKImage image, string what)
    {
        using SKPixmap pixels = image.PeekPixels() ?? throw new RenderException($"cannot read the pixels of {what}");
        using SKData png = pixels.Encode(Options) ?? throw new RenderException($"cannot encode {what} as PNG");
        return png.ToArray();
    }
}
