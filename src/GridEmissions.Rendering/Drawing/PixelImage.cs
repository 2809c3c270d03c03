using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>A copy of an image's pixels (straight RGBA), read from an image canvas or a PNG file. Used to check rendered output.</summary>
public sealed class PixelImage
{
    private readonly Rgba[] pixels;

    private PixelImage(int width, int height, Rgba[] pixels)
    {
        Width = width;
        Height = height;
        this.pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Reads a PNG file.</summary>
    public static PixelImage ReadPng(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SkiaLibrary.EnsureLoaded();
        using SKImage? image = SKImage.FromEncodedData(path);
        return image is null ? throw new RenderException($"cannot read PNG '{path}': not a decodable image") : FromImage(image);
    }

    /// <summary>The straight colour of pixel (x, y), y down from the top.</summary>
    public Rgba this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"pixel ({x}, {y}) is outside the {Width} x {Height} image");
            }

            return pixels[y * Width + x];
        }
    }

    /// <summary>Number of pixels in a rectangle (clipped to the image) for which <paramref name="predicate"/> holds.</summary>
    public int Count(int x0, int y0, int width, int height, Func<Rgba, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        int n = 0;
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y0 + height); y++)
        {
            for (int x = Math.Max(0, x0); x < Math.Min(Width, x0 + width); x++)
            {
                if (predicate(pixels[y * Width + x]))
                {
                    n++;
                }
            }
        }

        return n;
    }

    internal static PixelImage FromImage(SKImage image)
    {
        int w = image.Width, h = image.Height;
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bytes = new byte[w * h * 4];
        unsafe
        {
            fixed (byte* p = bytes)
            {
                if (!image.ReadPixels(info, (nint)p, w * 4, 0, 0))
                {
                    throw new RenderException($"cannot read the pixels of a {w} x {h} image");
                }
            }
        }

        var copy = new Rgba[w * h];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = bytes[4 * i + 3] == 0 ? Rgba.Transparent : new Rgba(bytes[4 * i], bytes[4 * i + 1], bytes[4 * i + 2], bytes[4 * i + 3]);
        }

        return new PixelImage(w, h, copy);
    }
}
