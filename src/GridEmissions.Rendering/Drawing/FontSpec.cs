namespace GridEmissions.Rendering;

/// <summary>
/// A font for cairo's toy text API. The default family is "Noto Sans CJK SC", which covers Latin
/// and Chinese: the toy API has no glyph fallback, so a Latin-only family draws Chinese as boxes.
/// </summary>
public readonly record struct FontSpec(double SizePoints, bool Bold = false, string Family = FontSpec.CjkFamily)
{
    /// <summary>The CJK family named explicitly for all text (Debian package fonts-noto-cjk).</summary>
    public const string CjkFamily = "Noto Sans CJK SC";
}
