namespace GridEmissions.Rendering;

/// <summary>
/// Change map (e.g. 2060 − 2024) on a symmetric diverging classed scale
/// (<see cref="Scales.SymmetricChange"/>): blue decrease, red increase, near-white little change;
/// no-data where either year has none.
/// </summary>
public sealed class ChangeMapRenderer : PageRenderer<ChangeLayer>
{
    /// <summary>Creates the renderer with a scale (default: <see cref="Scales.SymmetricChange"/>).</summary>
    public ChangeMapRenderer(ClassedScale? scale = null) => Scale = scale ?? Scales.SymmetricChange();

    /// <summary>The diverging scale.</summary>
    public ClassedScale Scale { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, ChangeLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        double[] change = input.Difference();
        LegendModel baseLegend = LegendModel.ForScale(Scale, zero: false, negative: false, noData: true);
        var legend = baseLegend with
        {
            TitleLines = [.. baseLegend.TitleLines, input.DifferenceLabel ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{input.ToYear} − {input.FromYear}")],
        };
        return MapComposer.Compose(
            canvas,
            style,
            input.Grid.Extent,
            legend,
            viewport => GridRaster.Draw(canvas, viewport, input.Grid, i =>
            {
                int c = Scale.Classify(change[i]);
                return c == ClassedScale.NoData ? Rgba.Transparent : Scale.ColourOfClass(c);
            }),
            input.Overlays);
    }
}
