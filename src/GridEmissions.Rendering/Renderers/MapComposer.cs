using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>
/// Lays out and draws a single-map page: title and subtitle, the map (content, then boundaries and
/// outlines), north arrow and scale bar inside the frame, labels placed around them, the legend
/// column and the attribution line.
/// </summary>
internal static class MapComposer
{
    internal static IReadOnlyList<string> Compose(
        Canvas canvas,
        MapStyle style,
        Envelope world,
        LegendModel legend,
        Action<MapViewport> drawContent,
        MapOverlays overlays,
        Func<MapViewport, IEnumerable<MapLabel>>? extraLabels = null)
    {
        canvas.Clear(Rgba.White);
        (MapPageLayout layout, MapViewport viewport) = Plan(canvas, canvas.Page, style, world, legend);
        PageRect frame = layout.MapFrame;
        IReadOnlyList<string> dropped;
        using (canvas.Save())
        {
            canvas.Rectangle(frame);
            canvas.Clip();
            drawContent(viewport);
            Overlays.DrawLines(canvas, viewport, overlays);
            PageRect arrow = MapFurniture.DrawNorthArrow(canvas, viewport, frame.Right, frame.Y);
            PageRect scale = MapFurniture.DrawScaleBar(canvas, viewport, frame.X + 8, frame.Bottom, frame.Width / 4);
            IEnumerable<MapLabel> labels = Overlays.CityLabels(overlays.Cities, viewport, style.Language);
            if (extraLabels is not null)
            {
                labels = extraLabels(viewport).Concat(labels);
            }

            LabelPlacement placement = new LabelPlacer(canvas).Place(labels, frame.Inflate(-2), [arrow, scale]);
            Overlays.DrawLabels(canvas, placement);
            dropped = [.. placement.Dropped.Select(l => l.Key)];
        }

        MapFurniture.DrawFrame(canvas, frame);
        MapFurniture.DrawLegend(canvas, legend, layout.Legend.X, layout.Legend.Y);
        MapFurniture.DrawTitles(canvas, layout, style);
        return dropped;
    }

    /// <summary>The page layout and map viewport a page will use (tests use it to find cells and swatches on the page).</summary>
    internal static (MapPageLayout Layout, MapViewport Viewport) Plan(ITextMeasurer measurer, PageSize page, MapStyle style, Envelope world, LegendModel legend)
    {
        double legendWidth = Math.Max(110, LegendLayout.Compute(legend, 0, 0, measurer).Bounds.Width + 4);
        MapPageLayout layout = MapPageLayout.Compute(page, style.Subtitle.Length > 0, legendWidth);
        return (layout, new MapViewport(MapViewport.Pad(world, 0.02), layout.MapFrame));
    }
}
