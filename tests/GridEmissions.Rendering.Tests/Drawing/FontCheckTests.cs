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
    public void A_Latin_only_family_falls_back_to_the_CJK_font_for_Chinese_glyph_by_glyph()
    {
        PixelImage zheng = Render("郑", FontSpec.SymbolFamily), zhou = Render("州", FontSpec.SymbolFamily);
        Assert.True(Ink(zheng) > 0, "郑 in DejaVu Sans drew no ink");
        Assert.False(Same(zheng, zhou), "郑 and 州 rendered identically: no fallback to the CJK font");
        Assert.True(Same(zheng, Render("郑", FontSpec.CjkFamily)), "the fallback glyph is not Noto Sans CJK's");
    }

    [Fact]
    public void Subscript_two_in_CO2_falls_back_to_DejaVu_Sans_instead_of_a_box()
    {
        // Noto Sans CJK has no U+2082; the chain draws it from DejaVu Sans, which differs from "2" and from a box.
        PixelImage sub = Render("\u2082", FontSpec.CjkFamily);
        Assert.True(Ink(sub) > 0, "₂ drew no ink");
        Assert.False(Same(sub, Render("\U000F0000", FontSpec.CjkFamily)), "₂ rendered as the missing-glyph box");
        Assert.False(Same(sub, Render("2", FontSpec.CjkFamily)), "₂ rendered as a full-size 2");
        Assert.Equal(new[] { FontSpec.CjkFamily, FontSpec.SymbolFamily }, TextShaper.Split("CO\u2082", FontLibrary.Chain(new FontSpec(10))).Select(r => r.Face.FamilyName));
    }

    [Fact]
    public void The_missing_font_and_library_messages_name_what_provides_them()
    {
        var ex = new FontMissingException($"Install it with: apt-get install {FontCheck.CjkPackage}");
        Assert.Contains("fonts-noto-cjk", ex.Message, StringComparison.Ordinal);
        var missing = new NativeLibraryMissingException("libSkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies", null);
        Assert.Contains("SkiaSharp.NativeAssets.Linux.NoDependencies", missing.Message, StringComparison.Ordinal);
    }
}
