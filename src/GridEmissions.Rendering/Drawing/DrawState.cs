namespace GridEmissions.Rendering;

/// <summary>The graphics state <see cref="Canvas.Save"/> keeps besides the backend's clip and transform.</summary>
internal readonly record struct DrawState(Rgba Colour, double LineWidth, bool RoundJoins, float[] Dash, FontSpec Font)
{
    /// <summary>Opaque black, 2 pt lines, miter joins and butt caps, solid, 10 pt CJK text.</summary>
    internal static DrawState Default => new(Rgba.Black, 2, false, [], new FontSpec(10));
}
