namespace GridEmissions.Rendering;

/// <summary>
/// Size and line baselines of a stacked, centred text block. Line height is 1.25 × the font size;
/// the baseline sits 0.88 em below the line top (Noto Sans CJK's ascent), so the block box bounds
/// the glyphs of both Chinese and Latin lines.
/// </summary>
/// <param name="Width">Widest line's advance.</param>
/// <param name="Height">Sum of line heights.</param>
/// <param name="LineWidths">Advance of each line.</param>
/// <param name="Baselines">Baseline of each line, from the block top.</param>
public sealed record LabelBlock(double Width, double Height, IReadOnlyList<double> LineWidths, IReadOnlyList<double> Baselines)
{
    /// <summary>Measures the block.</summary>
    public static LabelBlock Measure(IReadOnlyList<LabelLine> lines, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(measurer);
        var widths = new double[lines.Count];
        var baselines = new double[lines.Count];
        double y = 0, width = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            TextBox box = measurer.Measure(lines[i].Text, lines[i].Font);
            widths[i] = Math.Max(box.XAdvance, box.XBearing + box.Width);
            width = Math.Max(width, widths[i]);
            baselines[i] = y + 0.88 * lines[i].Font.SizePoints + (0.25 * lines[i].Font.SizePoints / 2);
            y += 1.25 * lines[i].Font.SizePoints;
        }

        return new LabelBlock(width, y, widths, baselines);
    }
}
