using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>Input of <see cref="BoundaryMapDemo"/>: city polygons and province outlines in the grid CRS.</summary>
/// <param name="Cities">Cities to fill and label.</param>
/// <param name="Provinces">Province outlines, or empty.</param>
public sealed record BoundaryMapInput(BoundaryLayer Cities, IReadOnlyList<ProvinceOutline> Provinces);

/// <summary>
/// Proof map: city polygons filled with four alternating pale colours (holes left empty by the
/// even-odd rule), province outlines, and non-overlapping labels — the CLI feeds it the real
/// boundaries to check projection, geometry and labelling end to end.
/// </summary>
public sealed class BoundaryMapDemo : PageRenderer<BoundaryMapInput>
{
    private static readonly Rgba[] Fills = [Rgba.FromHex("#e8f1e4"), Rgba.FromHex("#f6ecd9"), Rgba.FromHex("#e3ecf5"), Rgba.FromHex("#f2e4ec")];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, BoundaryMapInput input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        var world = new Envelope();
        foreach (BoundaryFeature f in input.Cities.Features)
        {
            world.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }

        var legend = new LegendModel(
            ["Boundaries"],
            [new LegendEntry(Overlays.CityLine, "City", LegendSymbol.Line), new LegendEntry(Overlays.ProvinceLine, "Province", LegendSymbol.Line)]);
        return MapComposer.Compose(
            canvas,
            style,
            world,
            legend,
            viewport =>
            {
                for (int i = 0; i < input.Cities.Features.Count; i++)
                {
                    canvas.NewPath();
                    GeometryPath.Add(canvas, input.Cities.Features[i].Geometry, viewport);
                    canvas.SetColour(Fills[i % Fills.Length]);
                    canvas.Fill();
                }
            },
            new MapOverlays(input.Cities, input.Provinces));
    }
}
