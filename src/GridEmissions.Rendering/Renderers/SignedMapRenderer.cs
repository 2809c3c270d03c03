namespace GridEmissions.Rendering;

/// <summary>A signed grid (net emissions, sinks): t CO2/yr per cell, negative = uptake; NaN = no data.</summary>
/// <param name="Grid">Grid.</param>
/// <param name="ValuesTonnes">Values per cell.</param>
/// <param name="Overlays">Boundaries.</param>
/// <param name="LegendTitle">Extra legend line saying what the values are (e.g. "net = gross + sinks").</param>
public sealed record SignedGridLayer(Core.Grids.GridSpec Grid, double[] ValuesTonnes, MapOverlays Overlays, string LegendTitle);

/// <summary>
/// Map of a signed grid on a symmetric diverging classed scale (<see cref="NetScale"/>): blue where
/// the cell takes up more than it emits, red where it emits more, grey near zero.
/// </summary>
public sealed class SignedMapRenderer : PageRenderer<SignedGridLayer>
{
    /// <summary>The diverging scale of net values: ±1 kt, 10 kt, 100 kt, 1 Mt per cell.</summary>
    public static ClassedScale NetScale(string unitLabel = "t CO₂ per 10 km cell per year (− uptake, + emission)")
    {
        double[] m = [1e3, 1e4, 1e5, 1e6];
        double[] breaks = [.. m.Reverse().Select(x => -x), .. m];
        string S(double t) => t > 0 ? "+" + QuantityFormat.Tonnes(t) : QuantityFormat.Tonnes(t);
        var labels = new string[breaks.Length + 1];
        labels[0] = $"< {S(breaks[0])} (net uptake)";
        for (int i = 1; i < breaks.Length; i++)
        {
            labels[i] = breaks[i - 1] < 0 && breaks[i] > 0 ? $"{S(breaks[i - 1])} – {S(breaks[i])} (near zero)" : $"{S(breaks[i - 1])} – {S(breaks[i])}";
        }

        labels[^1] = $"≥ {S(breaks[^1])} (net emission)";
        return new ClassedScale(breaks, Palettes.BlueRed9, labels, unitLabel, separateZero: false);
    }

    /// <summary>The legend: the scale's classes, no data, and a line saying what the values are.</summary>
    public static LegendModel Legend(string title)
    {
        LegendModel baseLegend = LegendModel.ForScale(NetScale(), zero: false, negative: false, noData: true);
        return baseLegend with { TitleLines = [.. baseLegend.TitleLines, title] };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, SignedGridLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        ClassedScale scale = NetScale();
        LegendModel legend = Legend(input.LegendTitle);
        return MapComposer.Compose(
            canvas,
            style,
            input.Grid.Extent,
            legend,
            viewport => GridRaster.Draw(canvas, viewport, input.Grid, i =>
            {
                int c = scale.Classify(input.ValuesTonnes[i]);
                return c == ClassedScale.NoData ? Rgba.Transparent : scale.ColourOfClass(c);
            }),
            input.Overlays);
    }
}
