using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>
/// Text shaped by HarfBuzz with glyph fallback (<see cref="TextShaper"/>). Vector outputs keep it
/// as text: SVG &lt;text&gt; elements naming the font family, PDF with the fonts embedded.
/// </summary>
public sealed partial class Canvas : ITextMeasurer
{
    /// <summary>Selects a font for <see cref="ShowText"/> and <see cref="Measure(string)"/>.</summary>
    public void SetFont(FontSpec font) => state = state with { Font = font };

    /// <summary>Ink extents of text in the current font.</summary>
    public TextBox Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Box(TextShaper.Shape(text, state.Font));
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
        ShapedText shaped = TextShaper.Shape(text, state.Font);
        using SKTextBlob? blob = shaped.ToBlob(cmapGlyphs: Format == OutputFormat.Svg);
        if (blob is not null)
        {
            using SKPaint paint = Paint(SKPaintStyle.Fill);
            Sk.DrawText(blob, (float)x, (float)y, paint);
            RecordSvgText(shaped);
        }
    }

    /// <summary>
    /// Draws text with a halo (a wide stroke of <paramref name="halo"/> under the glyphs), which keeps
    /// labels legible over a coloured map.
    /// </summary>
    public void ShowTextWithHalo(double x, double y, string text, Rgba colour, Rgba halo, double haloWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        ShapedText shaped = TextShaper.Shape(text, state.Font);
        using SKTextBlob? blob = shaped.ToBlob(cmapGlyphs: Format == OutputFormat.Svg);
        if (blob is null)
        {
            return;
        }

        using (var stroke = new SKPaint
        {
            Color = new SKColor(halo.R, halo.G, halo.B, halo.A),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)haloWidth,
            StrokeJoin = SKStrokeJoin.Round,
        })
        {
            Sk.DrawText(blob, (float)x, (float)y, stroke);
            RecordSvgText(shaped);
        }

        SetColour(colour);
        using SKPaint fill = Paint(SKPaintStyle.Fill);
        Sk.DrawText(blob, (float)x, (float)y, fill);
        RecordSvgText(shaped);
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
    /// Remembers the characters of each run drawn on an SVG canvas, in drawing order (one &lt;text&gt;
    /// element each), so <see cref="SvgText.Normalise"/> can restore characters that share a glyph
    /// with another (the en dash and the figure dash in Noto Sans CJK).
    /// </summary>
    private void RecordSvgText(ShapedText shaped)
    {
        if (Format == OutputFormat.Svg)
        {
            foreach (ShapedRun run in shaped.Runs)
            {
                svgTexts.Add(System.Text.Encoding.UTF8.GetString(run.Utf8));
            }
        }
    }

    private static TextBox Box(ShapedText shaped) =>
        new(shaped.Ink.Left, shaped.Ink.Top, shaped.Ink.Width, shaped.Ink.Height, shaped.Advance);
}
