using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace GridEmissions.Rendering;

/// <summary>One run of text in one typeface: glyphs and their positions relative to the start of the line.</summary>
internal sealed record ShapedRun(SKFont Font, ushort[] Glyphs, SKPoint[] Positions, byte[] Utf8, uint[] Clusters);

/// <summary>A line of text split into runs by the fallback chain and shaped by HarfBuzz.</summary>
internal sealed record ShapedText(IReadOnlyList<ShapedRun> Runs, double Advance, SKRect Ink)
{
    /// <summary>
    /// A text blob for drawing, with the original characters attached (PDF keeps them as ToUnicode).
    /// With <paramref name="cmapGlyphs"/> (for SVG), every glyph that stands for exactly one
    /// character is replaced by that character's glyph in the font's character map, at the shaped
    /// position: Skia's SVG device writes a &lt;text&gt; by mapping glyphs back to characters through
    /// the character map, and drops glyphs it cannot map — HarfBuzz's contextual forms (Noto Sans
    /// CJK's digits in Latin text) would lose every digit of "Peak 2030: 590 Mt".
    /// </summary>
    internal SKTextBlob? ToBlob(bool cmapGlyphs = false)
    {
        if (Runs.Count == 0)
        {
            return null;
        }

        using var builder = new SKTextBlobBuilder();
        foreach (ShapedRun run in Runs)
        {
            SKPositionedTextRunBuffer buffer = builder.AllocatePositionedTextRun(run.Font, run.Glyphs.Length, run.Utf8.Length, null);
            buffer.SetGlyphs(cmapGlyphs ? CharacterMapGlyphs(run) : run.Glyphs);
            buffer.SetPositions(run.Positions);
            buffer.SetText(run.Utf8);
            buffer.SetClusters(run.Clusters);
        }

        return builder.Build();
    }

    /// <summary>The run's glyphs with each one-character cluster's glyph taken from the character map (clusters are UTF-8 offsets).</summary>
    private static ushort[] CharacterMapGlyphs(ShapedRun run)
    {
        string text = Encoding.UTF8.GetString(run.Utf8);
        var characters = new Dictionary<uint, Rune>(); // UTF-8 offset where a character starts -> the character
        uint offset = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            characters[offset] = rune;
            offset += (uint)rune.Utf8SequenceLength;
        }

        // Distinct cluster starts in order, and how many glyphs each cluster has.
        uint[] order = [.. run.Clusters.Distinct().Order()];
        var glyphsPerCluster = run.Clusters.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        ushort[] glyphs = [.. run.Glyphs];
        for (int i = 0; i < glyphs.Length; i++)
        {
            uint cluster = run.Clusters[i];
            if (glyphsPerCluster[cluster] != 1 || !characters.TryGetValue(cluster, out Rune character))
            {
                continue;
            }

            int at = Array.BinarySearch(order, cluster);
            uint next = at + 1 < order.Length ? order[at + 1] : offset;
            if (cluster + (uint)character.Utf8SequenceLength != next)
            {
                continue; // a ligature or a base with combining marks: keep the shaped glyph
            }

            ushort mapped = run.Font.GetGlyph(character.Value);
            if (mapped != 0)
            {
                glyphs[i] = mapped;
            }
        }

        return glyphs;
    }
}

/// <summary>
/// Splits text into runs by glyph fallback (the requested family, then Noto Sans CJK SC, then
/// DejaVu Sans: the first typeface that has each character) and
/// shapes each run with HarfBuzz (kerning, ligatures, combining marks). Fonts are
/// unhinted with linear metrics, so measurements do not depend on the output's DPI.
/// </summary>
internal static class TextShaper
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<SKTypeface, SKShaper> Shapers = [];

    private const int CacheLimit = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, FontSpec Font), ShapedText> Cache = new();

    /// <summary>The shaped line (cached: label placement measures the same names many times).</summary>
    internal static ShapedText Shape(string text, FontSpec spec)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue((text, spec), out ShapedText? hit))
        {
            return hit;
        }

        if (Cache.Count > CacheLimit)
        {
            Cache.Clear();
        }

        ShapedText shaped = ShapeUncached(text, spec);
        Cache[(text, spec)] = shaped;
        return shaped;
    }

    private static ShapedText ShapeUncached(string text, FontSpec spec)
    {
        SKTypeface[] chain = FontLibrary.Chain(spec);
        var runs = new List<ShapedRun>();
        float x = 0;
        SKRect ink = SKRect.Empty;
        bool anyInk = false;
        foreach ((SKTypeface face, string part) in Split(text, chain))
        {
            var font = new SKFont(face, (float)spec.SizePoints)
            {
                Edging = SKFontEdging.Antialias,
                Hinting = SKFontHinting.None,
                Subpixel = true,
                LinearMetrics = true,
                Embolden = spec.Bold && face.FontStyle.Weight < (int)SKFontStyleWeight.SemiBold,
            };
            SKShaper.Result shaped;
            lock (Gate)
            {
                if (!Shapers.TryGetValue(face, out SKShaper? shaper))
                {
                    shaper = new SKShaper(face);
                    Shapers[face] = shaper;
                }

                shaped = shaper.Shape(part, x, 0, font);
            }

            ushort[] glyphs = [.. shaped.Codepoints.Select(g => (ushort)g)];
            var bounds = new SKRect[glyphs.Length];
            font.GetGlyphWidths(glyphs, Span<float>.Empty, bounds, null);
            for (int i = 0; i < glyphs.Length; i++)
            {
                SKRect b = bounds[i];
                if (b.Width <= 0 && b.Height <= 0)
                {
                    continue;
                }

                b.Offset(shaped.Points[i]);
                ink = anyInk ? SKRect.Union(ink, b) : b;
                anyInk = true;
            }

            runs.Add(new ShapedRun(font, glyphs, shaped.Points, Encoding.UTF8.GetBytes(part), shaped.Clusters));
            x += shaped.Width;
        }

        return new ShapedText(runs, x, anyInk ? ink : SKRect.Empty);
    }

    /// <summary>The text in maximal pieces that one typeface of the chain can draw.</summary>
    internal static IEnumerable<(SKTypeface Face, string Part)> Split(string text, SKTypeface[] chain)
    {
        if (text.Length == 0)
        {
            yield break;
        }

        var fonts = chain.Select(t => new SKFont(t)).ToArray();
        try
        {
            int current = -1, start = 0, index = 0;
            foreach (Rune rune in text.EnumerateRunes())
            {
                int pick = Pick(fonts, rune.Value, current);
                if (pick != current && current >= 0)
                {
                    yield return (chain[current], text[start..index]);
                    start = index;
                }

                current = pick;
                index += rune.Utf16SequenceLength;
            }

            yield return (chain[current], text[start..]);
        }
        finally
        {
            foreach (SKFont f in fonts)
            {
                f.Dispose();
            }
        }
    }

    private static int Pick(SKFont[] fonts, int codepoint, int current)
    {
        for (int i = 0; i < fonts.Length; i++)
        {
            if (fonts[i].ContainsGlyph(codepoint))
            {
                return i;
            }
        }

        // No installed font has it: the current (or first) typeface draws its missing-glyph box.
        return current >= 0 ? current : 0;
    }
}
