namespace GridEmissions.Rendering;

/// <summary>
/// A font: size in points, weight and the family asked for first. Text falls back glyph by glyph
/// through <see cref="CjkFamily"/> and <see cref="SymbolFamily"/> (see <see cref="TextShaper"/>),
/// so Chinese names and "CO₂" draw as glyphs whatever family is named.
/// </summary>
public readonly record struct FontSpec(double SizePoints, bool Bold = false, string Family = FontSpec.CjkFamily)
{
    /// <summary>The CJK family used for all labels (Debian package fonts-noto-cjk): Latin and Chinese.</summary>
    public const string CjkFamily = "Noto Sans CJK SC";

    /// <summary>The fallback for glyphs the CJK family lacks, such as subscript digits (Debian package fonts-dejavu-core).</summary>
    public const string SymbolFamily = "DejaVu Sans";
}
