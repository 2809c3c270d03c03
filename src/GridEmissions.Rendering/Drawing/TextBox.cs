namespace GridEmissions.Rendering;

/// <summary>
/// Ink extents of a text run in points, relative to the start of its baseline: the ink spans x ∈ [XBearing, XBearing + Width], y ∈ [YBearing, YBearing + Height]
/// (y down, so YBearing is negative above the baseline).
/// </summary>
public readonly record struct TextBox(double XBearing, double YBearing, double Width, double Height, double XAdvance);

/// <summary>Measures text; the seam that lets layout and label placement be tested without a drawing surface.</summary>
public interface ITextMeasurer
{
    /// <summary>Ink extents of <paramref name="text"/> in <paramref name="font"/>.</summary>
    TextBox Measure(string text, FontSpec font);
}
