using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>Encodes straight-RGBA pixels as a PNG (for image overlays outside a page, such as the report's map layers): with a palette when the image has at most 256 colours (<see cref="IndexedPng"/>), else as RGBA.</summary>
public static class PngImage
{
    /// <summary>The PNG bytes of a <paramref name="width"/> × <paramref name="height"/> image (row-major, row 0 at the top).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // a pixel loop: optimised from the first call
    public static byte[] Encode(int width, int height, ReadOnlySpan<Rgba> pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != width * height)
        {
            throw new ArgumentException($"expected {width * height} pixels for {width} x {height}, got {pixels.Length}", nameof(pixels));
        }

        if (IndexedPng.TryEncode(width, height, pixels) is { } indexed)
        {
            return indexed;
        }

        SkiaLibrary.EnsureLoaded();
        var bytes = new byte[pixels.Length * 4];
        for (int i = 0; i < pixels.Length; i++)
        {
            Rgba p = pixels[i];
            bytes[4 * i] = p.R;
            bytes[4 * i + 1] = p.G;
            bytes[4 * i + 2] = p.B;
            bytes[4 * i + 3] = p.A;
        }

        using SKImage image = SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), bytes)
            ?? throw new RenderException($"Skia cannot create a {width} x {height} image");
        return PngEncoding.Encode(image, $"a {width} x {height} image");
    }

    /// <summary>The PNG bytes of a palette image: <paramref name="indices"/> into <paramref name="palette"/> (1 to 256 colours, alpha kept), row-major, row 0 at the top.</summary>
    public static byte[] EncodeIndexed(int width, int height, ReadOnlySpan<byte> indices, IReadOnlyList<Rgba> palette)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(palette);
        return IndexedPng.Encode(width, height, indices, palette);
    }
}
