using GridEmissions.Rendering.Native;

namespace GridEmissions.Rendering;

/// <summary>Text through cairo's toy API: the family is always named explicitly.</summary>
public sealed partial class Canvas : ITextMeasurer
{
    /// <summary>Selects a font for <see cref="ShowText"/> and <see cref="Measure(string)"/>.</summary>
    public void SetFont(FontSpec font)
    {
        CairoNative.SelectFontFace(Cr, font.Family, CairoFontSlant.Normal, font.Bold ? CairoFontWeight.Bold : CairoFontWeight.Normal);
        CairoNative.SetFontSize(Cr, font.SizePoints);
    }

    /// <summary>Ink extents of text in the current font.</summary>
    public TextBox Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CairoNative.TextExtents(Cr, Drawable(text), out CairoTextExtents e);
        return new TextBox(e.XBearing, e.YBearing, e.Width, e.Height, e.XAdvance);
    }

    /// <summary>Ink extents of text in a font (the current font changes).</summary>
    public TextBox Measure(string text, FontSpec font)
    {
        SetFont(font);
        return Measure(text);
    }

    /// <summary>Draws text with its baseline starting at (x, y) in the current font and colour.</summary>
    public void ShowText(double x, double y, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CairoNative.MoveTo(Cr, x, y);
        CairoNative.ShowText(Cr, Drawable(text));
        CairoNative.NewPath(Cr);
    }

    /// <summary>
    /// Draws text with a halo (a wide stroke of <paramref name="halo"/> under the glyphs), which keeps
    /// labels legible over a coloured map.
    /// </summary>
    public void ShowTextWithHalo(double x, double y, string text, Rgba colour, Rgba halo, double haloWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        CairoNative.NewPath(Cr);
        CairoNative.MoveTo(Cr, x, y);
        CairoNative.TextPath(Cr, Drawable(text));
        SetColour(halo);
        CairoNative.SetLineWidth(Cr, haloWidth);
        CairoNative.SetLineJoin(Cr, CairoLineJoin.Round);
        CairoNative.StrokePreserve(Cr);
        SetColour(colour);
        CairoNative.SetFillRule(Cr, CairoFillRule.Winding);
        CairoNative.Fill(Cr);
    }

    /// <summary>Draws text aligned on a point: <paramref name="alignX"/> 0 = left, 0.5 = centre, 1 = right of the ink; y is the baseline.</summary>
    public void ShowTextAligned(double x, double y, string text, FontSpec font, Rgba colour, double alignX = 0)
    {
        SetFont(font);
        TextBox box = Measure(text);
        SetColour(colour);
        ShowText(x - box.XBearing - alignX * box.Width, y, text);
    }

    /// <summary>
    /// Text as the toy API can draw it: Noto Sans CJK has no subscript digits (U+2080–2089), which
    /// would come out as boxes, so "CO₂" is drawn as "CO2".
    /// </summary>
    internal static string Drawable(string text)
    {
        if (!text.Any(c => c is >= '\u2080' and <= '\u2089'))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                span[i] = t[i] is >= '\u2080' and <= '\u2089' ? (char)('0' + (t[i] - '\u2080')) : t[i];
            }
        });
    }
}
