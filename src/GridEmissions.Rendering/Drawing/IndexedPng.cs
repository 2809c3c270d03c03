using System.IO.Compression;

namespace GridEmissions.Rendering;

/// <summary>
/// PNG with a palette (colour type 3, 8 bits a pixel, PLTE and tRNS), for images of at most 256 colours such
/// as the report's classed overlays: a quarter of the RGBA data to compress, so smaller and faster to write, and
/// the same pixels when read (alpha comes from tRNS). Palette entries in order of first appearance; rows unfiltered
/// (the filter PNG recommends for palette images); zlib at its default level.
/// </summary>
internal static class IndexedPng
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The PNG bytes, or null when the image has more than 256 colours.</summary>
    internal static byte[]? TryEncode(int width, int height, ReadOnlySpan<Rgba> pixels)
    {
        var index = new Dictionary<Rgba, byte>();
        var palette = new List<Rgba>();
        var rows = new byte[height * (width + 1)];
        for (int y = 0; y < height; y++)
        {
            int row = y * (width + 1); // rows[row] = 0: filter "None"
            for (int x = 0; x < width; x++)
            {
                Rgba p = pixels[y * width + x];
                if (!index.TryGetValue(p, out byte i))
                {
                    if (palette.Count == 256)
                    {
                        return null;
                    }

                    i = (byte)palette.Count;
                    index[p] = i;
                    palette.Add(p);
                }

                rows[row + 1 + x] = i;
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        using (var header = new MemoryStream())
        {
            PngChunks.WriteBigEndian(header, (uint)width);
            PngChunks.WriteBigEndian(header, (uint)height);
            header.Write([8, 3, 0, 0, 0]); // bit depth 8, palette, deflate, adaptive filtering, no interlace
            PngChunks.Chunk(png, "IHDR", header.ToArray());
        }

        PngChunks.Chunk(png, "PLTE", [.. palette.SelectMany(p => new[] { p.R, p.G, p.B })]);
        int lastTranslucent = palette.FindLastIndex(p => p.A != 255);
        if (lastTranslucent >= 0)
        {
            PngChunks.Chunk(png, "tRNS", [.. palette.Take(lastTranslucent + 1).Select(p => p.A)]);
        }

        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            PngChunks.Chunk(png, "IDAT", data.ToArray());
        }

        PngChunks.Chunk(png, "IEND", []);
        return png.ToArray();
    }
}
