namespace GridEmissions.Rendering.Tests.Drawing;

public class FontCheckTests
{
    private static PixelImage Render(string text, string family)
    {
        using Canvas canvas = Canvas.CreateImage(new PageSize(160, 48), 72);
        canvas.Clear(Rgba.White);
        canvas.SetColour(Rgba.Black);
        canvas.SetFont(new FontSpec(32, Family: family));
        canvas.ShowText(4, 38, text);
        canvas.Complete();
        return canvas.ReadPixels();
    }

    private static int Ink(PixelImage image) => image.Count(0, 0, image.Width, image.Height, p => p.R < 128);

    private static bool Same(PixelImage a, PixelImage b)
    {
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                if (a[x, y] != b[x, y])
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Fact]
    public void EnsureFonts_passes_when_Noto_Sans_CJK_is_installed()
    {
        FontCheck.EnsureFonts();
        Assert.True(FontCheck.CjkGlyphsRender());
    }

    [Fact]
    public void A_Chinese_city_name_renders_glyphs_not_missing_glyph_boxes()
    {
        // Supplementary private-use code points have no glyph in any installed font: .notdef boxes.
        PixelImage boxes = Render("\U000F0000\U000F0001\U000F0002", FontSpec.CjkFamily);
        PixelImage name = Render("郑州市", FontSpec.CjkFamily);
        int inkBoxes = Ink(boxes), inkName = Ink(name);
        Assert.True(inkName > 0, "郑州市 drew no ink");
        Assert.False(Same(boxes, name), "郑州市 rendered exactly like three .notdef boxes");
        Assert.True(Math.Abs(inkName - inkBoxes) > inkBoxes / 10, $"ink of 郑州市 ({inkName} px) is too close to the boxes' ({inkBoxes} px)");
        Assert.False(Same(Render("郑", FontSpec.CjkFamily), Render("州", FontSpec.CjkFamily)), "two different characters rendered identically");
    }

    [Fact]
    public void A_Latin_only_family_draws_Chinese_as_identical_boxes_which_is_why_the_CJK_family_is_named()
    {
        Assert.True(Same(Render("郑", "DejaVu Sans"), Render("州", "DejaVu Sans")), "DejaVu Sans unexpectedly has CJK glyphs");
    }

    [Fact]
    public void The_missing_font_message_names_the_package_to_install()
    {
        var ex = new FontMissingException($"Install it with: apt-get install {FontCheck.CjkPackage}");
        Assert.Contains("fonts-noto-cjk", ex.Message, StringComparison.Ordinal);
        var missing = new NativeLibraryMissingException("libcairo.so.2", "libcairo2", null);
        Assert.Contains("libcairo2", missing.Message, StringComparison.Ordinal);
    }
}
