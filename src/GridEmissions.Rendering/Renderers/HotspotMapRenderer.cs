namespace GridEmissions.Rendering;

/// <summary>
/// Hotspot map: Gi* classes on a diverging scale (ColorBrewer RdBu: red hot, blue cold, three
/// confidence levels each, grey not significant), hotspot zones outlined and labelled with their
/// totals, province outlines and the map furniture.
/// </summary>
public sealed class HotspotMapRenderer : PageRenderer<HotspotLayer>
{
    private static readonly string[] ClassLabels =
        ["Cold spot, 99 % confidence", "Cold spot, 95 %", "Cold spot, 90 %", "Not significant", "Hot spot, 90 %", "Hot spot, 95 %", "Hot spot, 99 % confidence"];

    private static readonly Rgba ZoneLine = Rgba.FromHex("#000000");

    /// <summary>The colour of a Gi* class (−3..3) or no-data.</summary>
    public static Rgba ColourOf(sbyte giClass) =>
        giClass == HotspotLayer.NoData ? Rgba.Transparent : Palettes.HotspotClasses[giClass + 3];

    /// <summary>The legend: hot at the top, cold at the bottom, then no-data and the zone outline.</summary>
    public static LegendModel Legend()
    {
        var entries = new List<LegendEntry>();
        for (int c = 3; c >= -3; c--)
        {
            entries.Add(new LegendEntry(Palettes.HotspotClasses[c + 3], ClassLabels[c + 3]));
        }

        entries.Add(new LegendEntry(Palettes.NoData, "No data / outside region"));
        entries.Add(new LegendEntry(ZoneLine, "Hotspot zone (total)", LegendSymbol.Line));
        return new LegendModel(["Getis-Ord Gi* of", "emissions per cell"], entries);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, HotspotLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Validate();
        return MapComposer.Compose(
            canvas,
            style,
            input.Grid.Extent,
            Legend(),
            viewport =>
            {
                GridRaster.Draw(canvas, viewport, input.Grid, i => ColourOf(input.GiClass[i]));
                canvas.NewPath();
                foreach (HotspotZone zone in input.Zones)
                {
                    GeometryPath.Add(canvas, zone.Geometry, viewport);
                }

                canvas.SetDash();
                canvas.SetRoundJoins(true);
                canvas.SetColour(Rgba.White);
                canvas.SetLineWidth(3);
                canvas.Stroke(preserve: true);
                canvas.SetColour(ZoneLine);
                canvas.SetLineWidth(1.3);
                canvas.Stroke();
            },
            new MapOverlays(null, input.Provinces),
            viewport => input.Zones.Select(z => new MapLabel(
                z.Name,
                [new LabelLine(z.Label, new FontSpec(8, Bold: true))],
                viewport.X(z.Geometry.EnvelopeInternal.Centre.X),
                viewport.Y(z.Geometry.EnvelopeInternal.MaxY) - 9,
                double.MaxValue)));
    }
}
