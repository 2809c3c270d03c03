using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>
/// Choropleth of city totals (Mt) or densities (t/km²): each city filled with its class colour,
/// outlined, labelled, with the same furniture as the grid map. Breaks default to quantiles
/// rounded to two figures (<see cref="NiceBreaks.Quantiles"/>), 5 classes.
/// </summary>
public sealed class ChoroplethRenderer : PageRenderer<ChoroplethLayer>
{
    private readonly IReadOnlyList<double>? breaks;

    /// <summary>Creates the renderer; <paramref name="breaks"/> null means quantile breaks from the data.</summary>
    public ChoroplethRenderer(IReadOnlyList<double>? breaks = null) => this.breaks = breaks;

    /// <summary>The scale used for a layer.</summary>
    public ClassedScale ScaleFor(ChoroplethLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        double[] values = [.. layer.Cities.Select(c => c.ValueFor(layer.Measure))];
        IReadOnlyList<double> b = breaks ?? NiceBreaks.Quantiles(values, 5);
        return layer.Measure == ChoroplethMeasure.TotalMegatonnes
            ? Scales.Sequential(b, "Mt CO₂ per year (city total)", v => QuantityFormat.Number(v) + " Mt")
            : Scales.Sequential(b, "t CO₂ per km² per year", QuantityFormat.Number);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, ChoroplethLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        ClassedScale scale = ScaleFor(input);
        double[] values = [.. input.Cities.Select(c => c.ValueFor(input.Measure))];
        var world = new Envelope();
        foreach (CityValue c in input.Cities)
        {
            world.ExpandToInclude(c.City.Geometry.EnvelopeInternal);
        }

        LegendModel legend = LegendModel.ForScale(scale, zero: values.Any(v => v == 0), negative: values.Any(v => v < 0), noData: values.Any(v => !double.IsFinite(v)), noDataLabel: "No data");
        var overlays = new MapOverlays(new BoundaryLayer([.. input.Cities.Select(c => c.City)]), input.Provinces);
        return MapComposer.Compose(
            canvas,
            style,
            world,
            legend,
            viewport =>
            {
                for (int i = 0; i < input.Cities.Count; i++)
                {
                    canvas.NewPath();
                    GeometryPath.Add(canvas, input.Cities[i].City.Geometry, viewport);
                    canvas.SetColour(scale.ColourOf(values[i]));
                    canvas.Fill();
                }
            },
            overlays);
    }
}
