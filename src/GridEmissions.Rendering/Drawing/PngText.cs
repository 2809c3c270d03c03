using System.Text;

namespace GridEmissions.Rendering;

/// <summary>
/// Adds PNG tEXt chunks (Title, Description, Keywords, Software) after IHDR, so a PNG carries the
/// same metadata as the PDF. Cairo's PNG writer has no way to add them. Latin-1 only in tEXt:
/// other characters become '?'.
/// </summary>
internal static class PngText
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    internal static void Insert(string path, DocumentInfo info)
    {
        byte[] png = File.ReadAllBytes(path);
        const int IhdrEnd = 8 + 8 + 13 + 4; // signature, length+type, IHDR data, CRC
        if (png.Length < IhdrEnd || png[12] != (byte)'I' || png[13] != (byte)'H')
        {
            throw new InvalidDataException($"'{path}' is not a PNG written by cairo");
        }

        using var output = new MemoryStream(png.Length + 512);
        output.Write(png, 0, IhdrEnd);
        Chunk(output, "Title", info.Title);
        Chunk(output, "Description", info.Subject);
        Chunk(output, "Keywords", info.Keywords);
        Chunk(output, "Software", info.Creator);
        output.Write(png, IhdrEnd, png.Length - IhdrEnd);
        File.WriteAllBytes(path, output.ToArray());
    }

    private static void Chunk(Stream output, string keyword, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        byte[] data = [.. Latin1(keyword), 0, .. Latin1(text)];
        byte[] type = "tEXt"u8.ToArray();
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

    private static void WriteBigEndian(Stream s, uint v)
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
