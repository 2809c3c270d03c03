using GridEmissions.Rendering;
using SkiaSharp;

namespace GridEmissions.Rendering.Tests.Drawing;

public sealed class PngImageTests
{
    [Fact]
    public void Few_colours_are_written_with_a_palette_and_read_back_as_the_same_pixels()
    {
        Rgba[] pixels = Pixels(61, 37, (x, y) => (x + y) % 5 == 0 ? Rgba.Transparent : new Rgba((byte)(40 * (x % 4)), (byte)(y % 3 * 90), 200, (byte)(x % 7 == 0 ? 128 : 255)));
        byte[] png = PngImage.Encode(61, 37, pixels);
        Assert.Equal(3, png[25]); // IHDR colour type: palette
        Assert.Equal(pixels, Decode(png, 61, 37));
    }

    [Fact]
    public void More_than_256_colours_are_written_as_rgba_and_read_back_as_the_same_pixels()
    {
        Rgba[] pixels = Pixels(40, 30, (x, y) => new Rgba((byte)(x * 6), (byte)(y * 8), (byte)(x ^ y), 255));
        byte[] png = PngImage.Encode(40, 30, pixels);
        Assert.NotEqual(3, png[25]);
        Assert.Equal(pixels, Decode(png, 40, 30));
    }

    [Fact]
    public void Palette_indices_are_read_back_as_their_colours()
    {
        Rgba[] palette = [Rgba.Transparent, new Rgba(255, 0, 0), new Rgba(0, 0, 255, 100)];
        byte[] indices = [.. Enumerable.Range(0, 9 * 4).Select(i => (byte)(i % 3))];
        Assert.Equal([.. indices.Select(i => palette[i])], Decode(PngImage.EncodeIndexed(9, 4, indices, palette), 9, 4));
        Assert.Throws<ArgumentException>(() => PngImage.EncodeIndexed(9, 4, indices[1..], palette));
    }

    [Fact]
    public void The_same_pixels_give_the_same_bytes()
    {
        Rgba[] pixels = Pixels(20, 20, (x, y) => x < y ? new Rgba(1, 2, 3) : Rgba.Transparent);
        Assert.Equal(PngImage.Encode(20, 20, pixels), PngImage.Encode(20, 20, pixels));
    }

    private static Rgba[] Pixels(int width, int height, Func<int, int, Rgba> colour) =>
        [.. Enumerable.Range(0, width * height).Select(i => colour(i % width, i / width))];

    private static Rgba[] Decode(byte[] png, int width, int height)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.NotNull(bitmap);
        byte[] bytes = bitmap.Bytes;
        return [.. Enumerable.Range(0, width * height).Select(i => new Rgba(bytes[4 * i], bytes[4 * i + 1], bytes[4 * i + 2], bytes[4 * i + 3]))];
    }
}
