using System.Globalization;

namespace GridEmissions.Rendering;

/// <summary>A straight (not premultiplied) sRGB colour with alpha, 8 bits a channel.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque white.</summary>
    public static Rgba White => new(255, 255, 255);

    /// <summary>Opaque black.</summary>
    public static Rgba Black => new(0, 0, 0);

    /// <summary>Fully transparent.</summary>
    public static Rgba Transparent => new(0, 0, 0, 0);

    /// <summary>Parses "#rrggbb" or "#rrggbbaa".</summary>
    public static Rgba FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        string h = hex.StartsWith('#') ? hex[1..] : hex;
        if (h.Length is not (6 or 8))
        {
            throw new ArgumentException($"'{hex}' is not a #rrggbb or #rrggbbaa colour", nameof(hex));
        }

        byte Part(int i) => byte.Parse(h.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Rgba(Part(0), Part(2), Part(4), h.Length == 8 ? Part(6) : (byte)255);
    }

    /// <summary>This colour with another alpha.</summary>
    public Rgba WithAlpha(byte alpha) => this with { A = alpha };

    /// <summary>"#rrggbb" (alpha omitted when opaque).</summary>
    public override string ToString() => A == 255
        ? string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}")
        : string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}{A:x2}");
}
