namespace GridEmissions.Rendering;

/// <summary>Input of <see cref="GridMapRenderer"/>: a grid layer and the reference layers over it.</summary>
/// <param name="Layer">Emissions per cell.</param>
/// <param name="Overlays">City boundaries (labelled) and province outlines.</param>
public sealed record GridMapInput(GridLayer Layer, MapOverlays Overlays);

/// <summary>
/// Map of emissions per 10 km cell on a classed logarithmic scale (default
/// <see cref="Scales.EmissionsPerCell"/>): zero cells grey, no-data cells white with their own
/// legend entry (zero, negative and no-data entries only when the map has such cells), city boundaries, province outlines, non-overlapping city labels, legend with
/// units, scale bar, north arrow, title, subtitle and attribution.
/// </summary>
public sealed class GridMapRenderer : PageRenderer<GridMapInput>
{
    /// <summary>Creates the renderer with a scale (default: <see cref="Scales.EmissionsPerCell"/>).</summary>
    public GridMapRenderer(ClassedScale? scale = null) => Scale = scale ?? Scales.EmissionsPerCell();

    /// <summary>The colour scale.</summary>
    public ClassedScale Scale { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, GridMapInput input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Layer.Validate();
        double[] values = input.Layer.ValuesTonnes;
        LegendModel legend = Legend(values);
        return MapComposer.Compose(
            canvas,
            style,
            input.Layer.Grid.Extent,
            legend,
            viewport => GridRaster.Draw(canvas, viewport, input.Layer.Grid, i => CellColour(values[i])),
            input.Overlays);
    }

    /// <summary>The legend for these values: every class, then zero, negative and no-data only when the map has such cells.</summary>
    internal LegendModel Legend(double[] values) =>
        LegendModel.ForScale(Scale, zero: Scale.SeparateZero && values.Any(v => v == 0), negative: Scale.SeparateZero && values.Any(v => v < 0), noData: values.Any(double.IsNaN));

    private Rgba CellColour(double value)
    {
        int c = Scale.Classify(value);
        return c == ClassedScale.NoData ? Rgba.Transparent : Scale.ColourOfClass(c);
    }
}
