using GridEmissions.Rendering.Native;

namespace GridEmissions.Rendering;

/// <summary>Raster images (one pixel per grid cell) drawn scaled with the nearest-neighbour filter.</summary>
public sealed partial class Canvas
{
    /// <summary>
    /// Draws a <paramref name="columns"/> × <paramref name="rows"/> image of straight colours
    /// (row-major, row 0 at the top) into the page rectangle <paramref name="destination"/>,
    /// each pixel a crisp block (CAIRO_FILTER_NEAREST). The pixels are copied into a cairo-owned
    /// surface, so vector outputs that embed the image later never see freed memory.
    /// </summary>
    public unsafe void DrawPixels(int columns, int rows, ReadOnlySpan<Rgba> pixels, PageRect destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        if (pixels.Length != columns * rows)
        {
            throw new ArgumentException($"expected {columns * rows} pixels for {columns} x {rows}, got {pixels.Length}", nameof(pixels));
        }

        nint image = CairoNative.ImageSurfaceCreate(CairoFormat.Argb32, columns, rows);
        try
        {
            int status = CairoNative.SurfaceStatus(image);
            if (status != 0)
            {
                throw new CairoException($"cairo cannot create a {columns} x {rows} image: {CairoNative.StatusText(status)}");
            }

            CairoNative.SurfaceFlush(image);
            byte* data = CairoNative.ImageSurfaceGetData(image);
            int stride = CairoNative.ImageSurfaceGetStride(image);
            for (int r = 0; r < rows; r++)
            {
                uint* line = (uint*)(data + (long)r * stride);
                for (int c = 0; c < columns; c++)
                {
                    line[c] = pixels[r * columns + c].ToPremultipliedArgb32();
                }
            }

            CairoNative.SurfaceMarkDirty(image);
            using (Save())
            {
                CairoNative.Translate(Cr, destination.X, destination.Y);
                CairoNative.Scale(Cr, destination.Width / columns, destination.Height / rows);
                CairoNative.SetSourceSurface(Cr, image, 0, 0);
                CairoNative.PatternSetFilter(CairoNative.GetSource(Cr), CairoFilter.Nearest);
                CairoNative.Rectangle(Cr, 0, 0, columns, rows);
                CairoNative.Fill(Cr);
            }
        }
        finally
        {
            CairoNative.SurfaceDestroy(image);
        }
    }

    /// <summary>Copies the pixels of an image canvas (PNG or in-memory) after drawing.</summary>
    public PixelImage ReadPixels()
    {
        if (Format != OutputFormat.Png)
        {
            throw new InvalidOperationException($"only image canvases have pixels; this one is {Format}");
        }

        CairoNative.SurfaceFlush(surface);
        return PixelImage.FromSurface(surface);
    }
}
