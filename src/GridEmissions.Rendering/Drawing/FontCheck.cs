namespace GridEmissions.Rendering;

/// <summary>
/// Checks, by rendering, that Chinese text comes out as glyphs. When no font of the fallback chain
/// has a character it is drawn as the missing-glyph box, identical for every character, so two
/// different characters that render to the same pixels (or to no ink) mean the CJK font is missing.
/// </summary>
public static class FontCheck
{
    /// <summary>The Debian package that provides <see cref="FontSpec.CjkFamily"/>.</summary>
    public const string CjkPackage = "fonts-noto-cjk";

    private static readonly Lock Gate = new();
    private static bool? cjkOk;

    /// <summary>True when "郑" and "州" render as two different, inked glyphs in the CJK family.</summary>
    public static bool CjkGlyphsRender()
    {
        lock (Gate)
        {
            cjkOk ??= Differ(Render("郑"), Render("州"));
            return cjkOk.Value;
        }
    }

    /// <summary>
    /// Throws <see cref="FontMissingException"/> (naming the package to install) when Chinese labels
    /// would render as boxes; throws <see cref="NativeLibraryMissingException"/> when libSkiaSharp cannot be loaded.
    /// Call once before rendering.
    /// </summary>
    public static void EnsureFonts()
    {
        if (!CjkGlyphsRender())
        {
            throw new FontMissingException(
                $"The font '{FontSpec.CjkFamily}' is not installed, so Chinese labels would render as empty boxes. " +
                $"Install it with: apt-get install -y --no-install-recommends {CjkPackage} (check with: fc-match \"{FontSpec.CjkFamily}\").");
        }
    }

    private static PixelImage Render(string glyph)
    {
        var page = new PageSize(48, 48);
        using Canvas canvas = Canvas.CreateImage(page, 72);
        canvas.Clear(Rgba.White);
        canvas.SetFont(new FontSpec(36));
        canvas.SetColour(Rgba.Black);
        canvas.ShowText(4, 40, glyph);
        canvas.Complete();
        return canvas.ReadPixels();
    }

    private static bool Differ(PixelImage a, PixelImage b)
    {
        int inkA = a.Count(0, 0, a.Width, a.Height, p => p.R < 128);
        int inkB = b.Count(0, 0, b.Width, b.Height, p => p.R < 128);
        if (inkA == 0 || inkB == 0)
        {
            return false;
        }

        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                if (a[x, y] != b[x, y])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
