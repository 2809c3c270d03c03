using GridEmissions.Rendering.Native;

namespace GridEmissions.Rendering;

/// <summary>
/// A copy of an ARGB32 image's pixels, read from a cairo image surface or a PNG file (through
/// cairo_image_surface_create_from_png). Used to check rendered output.
/// </summary>
public sealed class PixelImage
{
    private readonly uint[] pixels;

    private PixelImage(int width, int height, uint[] pixels)
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
        CairoLibrary.EnsureLoaded();
        nint s = CairoNative.ImageSurfaceCreateFromPng(path);
        try
        {
            int status = CairoNative.SurfaceStatus(s);
            if (status != 0)
            {
                throw new CairoException($"cannot read PNG '{path}': {CairoNative.StatusText(status)}");
            }

            return FromSurface(s);
        }
        finally
        {
            CairoNative.SurfaceDestroy(s);
        }
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

            return Rgba.FromPremultipliedArgb32(pixels[y * Width + x]);
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
                if (predicate(this[x, y]))
                {
                    n++;
                }
            }
        }

        return n;
    }

    internal static unsafe PixelImage FromSurface(nint surface)
    {
        int w = CairoNative.ImageSurfaceGetWidth(surface), h = CairoNative.ImageSurfaceGetHeight(surface);
        int stride = CairoNative.ImageSurfaceGetStride(surface);
        int format = CairoNative.ImageSurfaceGetFormat(surface);
        byte* data = CairoNative.ImageSurfaceGetData(surface);
        var copy = new uint[w * h];
        for (int y = 0; y < h; y++)
        {
            uint* line = (uint*)(data + (long)y * stride);
            for (int x = 0; x < w; x++)
            {
                // RGB24 (format 1, e.g. an opaque PNG) leaves the alpha byte undefined.
                copy[y * w + x] = format == 1 ? line[x] | 0xFF000000u : line[x];
            }
        }

        return new PixelImage(w, h, copy);
    }
}
