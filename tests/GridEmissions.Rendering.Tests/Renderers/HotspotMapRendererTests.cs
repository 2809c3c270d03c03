using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering.Tests.Renderers;

public class HotspotMapRendererTests
{
    private static readonly MapStyle Style = new("Henan emission hotspots (Gi*)", "Scenario: synthetic · crowded zones", "Test data", LabelLanguage.Both, PageSize.FromPixels(1600, 1130, 150), 150);

    /// <summary>
    /// Twelve two-cell hotspot zones three cells apart around Zhengzhou's seat (crowded on purpose),
    /// Gi* class 3 in the zones, 0 elsewhere in Henan, no data outside; Henan's cities as overlays.
    /// </summary>
    private static HotspotLayer CrowdedLayer()
    {
        var cities = RealBoundaries.Cities("Henan");
        var (grid, _, inside) = SyntheticEmissions.For("Henan", cities, 1);
        Coordinate seat = cities.First(c => c.NameEn == "Zhengzhou").Anchor;
        int col0 = (int)Math.Floor((seat.X - grid.MinX) / grid.CellSizeMetres), row0 = (int)Math.Floor((grid.MaxY - seat.Y) / grid.CellSizeMetres);
        sbyte[] gi = [.. inside.Select(i => i ? (sbyte)0 : HotspotLayer.NoData)];
        var zones = new List<HotspotZone>();
        for (int k = 0; k < 12; k++)
        {
            int col = col0 - 5 + (k % 4) * 3, row = row0 - 4 + (k / 4) * 3;
            int a = grid.Index(col, row), b = grid.Index(col + 1, row);
            gi[a] = gi[b] = 3;
            Envelope e = grid.CellEnvelope(a);
            e.ExpandToInclude(grid.CellEnvelope(b));
            zones.Add(new HotspotZone(Fixtures.Box(e.MinX, e.MinY, e.MaxX, e.MaxY), $"Z{k + 1}", 5e6 - k * 1e5, "郑州市 Zhengzhou"));
        }

        return new HotspotLayer(grid, gi, zones, RealBoundaries.Provinces("Henan"), new BoundaryLayer(cities));
    }

    [Fact]
    public void Zone_labels_overlap_no_label_and_no_zone_and_every_zone_is_placed_or_reported()
    {
        HotspotLayer layer = CrowdedLayer();
        var renderer = new HotspotMapRenderer();
        using Canvas measurer = Canvas.CreateImage(new PageSize(10, 10), 72);
        LabelPlacement placement = renderer.PlaceLabels(measurer, layer, Style);
        (_, MapViewport viewport) = renderer.Plan(measurer, layer, Style);

        var zoneNames = layer.Zones.Select(z => z.Name).ToHashSet();
        var placedZones = placement.Placed.Where(p => zoneNames.Contains(p.Label.Key)).ToList();
        Assert.Equal(zoneNames.Order(), placedZones.Select(p => p.Label.Key).Concat(placement.Dropped.Select(d => d.Key).Where(zoneNames.Contains)).Order());
        Assert.True(placedZones.Count >= 10, $"only {placedZones.Count} of 12 zone labels placed; dropped: {string.Join(", ", placement.Dropped.Select(d => d.Key))}");
        for (int i = 0; i < placement.Placed.Count; i++)
        {
            for (int j = i + 1; j < placement.Placed.Count; j++)
            {
                Assert.False(placement.Placed[i].Box.Intersects(placement.Placed[j].Box), $"{placement.Placed[i].Label.Key} overlaps {placement.Placed[j].Label.Key}");
            }
        }

        foreach (PlacedLabel label in placement.Placed)
        {
            foreach (HotspotZone zone in layer.Zones)
            {
                Assert.False(label.Box.Intersects(viewport.ToPage(zone.Geometry.EnvelopeInternal)), $"label {label.Label.Key} covers zone {zone.Name}");
            }
        }

        string path = Path.Combine(Fixtures.TempDir("hotspots-crowded"), "hotspots.png");
        RenderReport report = renderer.Render(layer, Style, path);
        Assert.Equal(placement.Dropped.Select(d => d.Key), report.DroppedLabels);
    }

    [Fact]
    public void The_legend_lists_only_the_classes_on_the_map_then_no_data_and_the_zone_outline()
    {
        HotspotLayer layer = CrowdedLayer();
        LegendModel legend = HotspotMapRenderer.Legend(layer);
        Rgba[] expected = [Palettes.HotspotClasses[6], Palettes.HotspotClasses[3], Palettes.NoData, Rgba.FromHex("#000000")];
        Assert.Equal(expected, legend.Entries.Select(e => e.Colour));
        Assert.Equal(LegendSymbol.Line, legend.Entries[^1].Symbol);
        Assert.Equal(9, HotspotMapRenderer.Legend().Entries.Count);
    }

    [Fact]
    public void A_zone_table_too_long_for_the_column_is_cut_and_the_rest_summed_without_breaking_placement()
    {
        HotspotLayer layer = CrowdedLayer();
        var renderer = new HotspotMapRenderer { MaxTableZones = 5 };
        using Canvas measurer = Canvas.CreateImage(new PageSize(10, 10), 72);
        LabelPlacement placement = renderer.PlaceLabels(measurer, layer, Style);
        var zoneKeys = placement.Placed.Select(p => p.Label.Key).Concat(placement.Dropped.Select(d => d.Key)).Where(k => k.Length > 1 && k[0] == 'Z' && char.IsAsciiDigit(k[1])).Order().ToList();
        Assert.Equal(["Z1", "Z2", "Z3", "Z4", "Z5"], zoneKeys);
    }
}
