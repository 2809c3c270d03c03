using System.Text;

namespace GridEmissions.Core.Tabular;

/// <summary>The outcome of decoding a text input: the text, or what is wrong with its encoding (with the line and a fix).</summary>
/// <param name="Text">The decoded text, or null when rejected.</param>
/// <param name="Line">1-based line of the problem (0 when the whole file).</param>
/// <param name="Problem">What is wrong, when rejected.</param>
/// <param name="Fix">How to fix it, when rejected.</param>
public sealed record DecodedText(string? Text, int Line, string Problem, string Fix);

/// <summary>
/// Reads text inputs (scenarios, CSV tables) safely: UTF-8 with or without a BOM and UTF-16 with a
/// BOM are read; anything else — GB18030/GBK, Latin-1, UTF-16 without a BOM, binary files — is
/// rejected with the line of the first undecodable byte and the `iconv` command that converts it,
/// never read as garbled UTF-8.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Decodes a file's bytes.</summary>
    public static DecodedText Decode(byte[] bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string name = Path.GetFileName(file);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Text(new UnicodeEncoding(false, true, true), bytes, 2, name, "UTF-16LE");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Text(new UnicodeEncoding(true, true, true), bytes, 2, name, "UTF-16BE");
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0)
        {
            bool utf16 = LooksLikeUtf16(bytes, start);
            return new DecodedText(null, LineAt(bytes, nul), utf16 ? "the file looks like UTF-16 without a byte-order mark; only UTF-8 (or UTF-16 with a BOM) is read." : "the file holds NUL bytes: it is binary, not a text file.",
                utf16 ? $"convert it: `iconv -f UTF-16LE -t UTF-8 {name} > {name}.utf8` and use that file." : "give the CSV/YAML text file, not a binary one.");
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes, start, bytes.Length - start), 0, string.Empty, string.Empty);
        }
        catch (DecoderFallbackException)
        {
            string guess = LooksLikeGb18030(bytes) ? "it looks like GB18030/GBK (Chinese Windows); " : string.Empty;
            string from = guess.Length > 0 ? "GB18030" : "<its encoding, e.g. GB18030 or LATIN1>";
            return new DecodedText(null, LineAt(bytes, FirstInvalid(bytes, start) ?? start),
                $"the file is not UTF-8: {guess}this line has bytes that are not valid UTF-8, so its text (names, numbers) would be read wrongly.",
                $"convert it to UTF-8: `iconv -f {from} -t UTF-8 {name} > {name}.utf8` (or save it as \"CSV UTF-8\") and use that file.");
        }
    }

    /// <summary>Reads and decodes a file.</summary>
    public static DecodedText Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(File.ReadAllBytes(path), path);
    }

    private static DecodedText Text(Encoding encoding, byte[] bytes, int start, string name, string label)
    {
        try
        {
            return new DecodedText(encoding.GetString(bytes, start, bytes.Length - start), 0, string.Empty, string.Empty);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(null, 0, $"the file starts with a {label} byte-order mark but is not valid {label}.", $"re-save {name} as UTF-8.");
        }
    }

    /// <summary>Offset of the first byte that starts an invalid UTF-8 sequence.</summary>
    private static int? FirstInvalid(byte[] bytes, int start)
    {
        int i = start;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            int n = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 && b >= 0xC2 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 && b <= 0xF4 ? 3 : -1;
            if (n < 0)
            {
                return i;
            }

            for (int k = 1; k <= n; k++)
            {
                if (i + k >= bytes.Length || (bytes[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            i += n + 1;
        }

        return null;
    }

    /// <summary>True when every non-ASCII byte pair is a valid GB18030 two-byte code (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F).</summary>
    private static bool LooksLikeGb18030(byte[] bytes)
    {
        int pairs = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x80)
            {
                continue;
            }

            if (bytes[i] == 0x80 || bytes[i] == 0xFF || i + 1 >= bytes.Length)
            {
                return false;
            }

            byte trail = bytes[i + 1];
            if (trail is >= 0x30 and <= 0x39)
            {
                i += 3; // four-byte sequence
            }
            else if (trail is < 0x40 or 0x7F or 0xFF)
            {
                return false;
            }
            else
            {
                i++;
            }

            pairs++;
        }

        return pairs > 0;
    }

    /// <summary>True when NUL bytes fill one parity of positions (ASCII text as UTF-16) and almost none of the other.</summary>
    private static bool LooksLikeUtf16(byte[] bytes, int start)
    {
        int n = Math.Min(bytes.Length - start, 4096) / 2 * 2, even = 0, odd = 0;
        for (int i = 0; i < n; i++)
        {
            if (bytes[start + i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        int half = n / 2;
        return half > 0 && ((odd > 0.3 * half && even < 0.05 * half) || (even > 0.3 * half && odd < 0.05 * half));
    }

    private static int LineAt(byte[] bytes, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
