namespace GridEmissions.Rendering;

/// <summary>
/// Adds chunks after IHDR of an encoded PNG: pHYs (the resolution, so a 150 dpi map prints at its
/// page size) and tEXt (Title, Description, Keywords, Software), so a PNG carries the same metadata
/// as the PDF. Skia's encoder writes neither. Latin-1 only in tEXt: other characters become '?'.
/// </summary>
internal static class PngChunks
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    internal static byte[] Insert(byte[] png, double dpi, DocumentInfo? info)
    {
        const int IhdrEnd = 8 + 8 + 13 + 4; // signature, length+type, IHDR data, CRC
        if (png.Length < IhdrEnd || png[12] != (byte)'I' || png[13] != (byte)'H')
        {
            throw new InvalidDataException("the encoder did not write a PNG (no IHDR chunk first)");
        }

        using var output = new MemoryStream(png.Length + 512);
        output.Write(png, 0, IhdrEnd);
        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        using (var phys = new MemoryStream())
        {
            WriteBigEndian(phys, perMetre);
            WriteBigEndian(phys, perMetre);
            phys.WriteByte(1); // unit: metre
            Chunk(output, "pHYs", phys.ToArray());
        }

        if (info is not null)
        {
            Text(output, "Title", info.Title);
            Text(output, "Description", info.Subject);
            Text(output, "Keywords", info.Keywords);
            Text(output, "Software", info.Creator);
        }

        output.Write(png, IhdrEnd, png.Length - IhdrEnd);
        return output.ToArray();
    }

    private static void Text(Stream output, string keyword, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        Chunk(output, "tEXt", [.. Latin1(keyword), 0, .. Latin1(text)]);
    }

    internal static void Chunk(Stream output, string kind, byte[] data)
    {
        byte[] type = System.Text.Encoding.ASCII.GetBytes(kind);
        WriteBigEndian(output, (uint)data.Length);
        output.Write(type);
        output.Write(data);
        WriteBigEndian(output, Crc([.. type, .. data]));
    }

    private static byte[] Latin1(string s)
    {
        var b = new byte[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            b[i] = s[i] is >= ' ' and <= '\u00ff' ? (byte)s[i] : (byte)'?';
        }

        return b;
    }

    internal static void WriteBigEndian(Stream s, uint v)
    {
        s.WriteByte((byte)(v >> 24));
        s.WriteByte((byte)(v >> 16));
        s.WriteByte((byte)(v >> 8));
        s.WriteByte((byte)v);
    }

    private static uint Crc(byte[] bytes)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
