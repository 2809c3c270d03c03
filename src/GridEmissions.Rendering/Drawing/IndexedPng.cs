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

        return EncodeRows(width, height, rows, palette);
    }

    /// <summary>The PNG bytes of palette indices (row-major, row 0 at the top) and their palette (at most 256 colours).</summary>
    internal static byte[] Encode(int width, int height, ReadOnlySpan<byte> indices, IReadOnlyList<Rgba> palette)
    {
        if (indices.Length != width * height)
        {
            throw new ArgumentException($"expected {width * height} palette indices for {width} x {height}, got {indices.Length}", nameof(indices));
        }

        if (palette.Count is 0 or > 256)
        {
            throw new ArgumentException($"a PNG palette holds 1 to 256 colours, not {palette.Count}", nameof(palette));
        }

        var rows = new byte[height * (width + 1)];
        for (int y = 0; y < height; y++)
        {
            indices.Slice(y * width, width).CopyTo(rows.AsSpan(y * (width + 1) + 1)); // filter byte 0: "None"
        }

        return EncodeRows(width, height, rows, palette);
    }

    /// <summary>The PNG of rows that already start with their filter byte ("None").</summary>
    private static byte[] EncodeRows(int width, int height, byte[] rows, IReadOnlyList<Rgba> palette)
    {
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
        int lastTranslucent = palette.Count - 1;
        while (lastTranslucent >= 0 && palette[lastTranslucent].A == 255)
        {
            lastTranslucent--;
        }

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
