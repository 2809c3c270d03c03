using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>Input of <see cref="BoundaryMapDemo"/>: city polygons and province outlines in the grid CRS.</summary>
/// <param name="Cities">Cities to fill and label.</param>
/// <param name="Provinces">Province outlines, or empty.</param>
public sealed record BoundaryMapInput(BoundaryLayer Cities, IReadOnlyList<ProvinceOutline> Provinces);

/// <summary>
/// Proof map: city polygons filled with pale colours, neighbours always different (greedy graph
/// colouring; holes left empty by the even-odd rule), province outlines, and non-overlapping labels — the CLI feeds it the real
/// boundaries to check projection, geometry and labelling end to end.
/// </summary>
public sealed class BoundaryMapDemo : PageRenderer<BoundaryMapInput>
{
    private static readonly Rgba[] Fills = [Rgba.FromHex("#e8f1e4"), Rgba.FromHex("#f6ecd9"), Rgba.FromHex("#e3ecf5"), Rgba.FromHex("#f2e4ec"), Rgba.FromHex("#efefdc"), Rgba.FromHex("#e4f1f1")];

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
                int[] colour = ColourIndices(input.Cities.Features);
                for (int i = 0; i < input.Cities.Features.Count; i++)
                {
                    canvas.NewPath();
                    GeometryPath.Add(canvas, input.Cities.Features[i].Geometry, viewport);
                    canvas.SetColour(Fills[colour[i] % Fills.Length]);
                    canvas.Fill();
                }
            },
            new MapOverlays(input.Cities, input.Provinces));
    }

    /// <summary>Greedy colouring: each area gets the lowest colour index no earlier neighbour (touching area) uses.</summary>
    internal static int[] ColourIndices(IReadOnlyList<BoundaryFeature> features)
    {
        var colour = new int[features.Count];
        for (int i = 0; i < features.Count; i++)
        {
            var used = new HashSet<int>();
            for (int j = 0; j < i; j++)
            {
                Geometry a = features[i].Geometry, b = features[j].Geometry;
                if (a.EnvelopeInternal.Intersects(b.EnvelopeInternal) && a.Distance(b) < 1)
                {
                    used.Add(colour[j]);
                }
            }

            colour[i] = Enumerable.Range(0, features.Count + 1).First(c => !used.Contains(c));
        }

        return colour;
    }
}
