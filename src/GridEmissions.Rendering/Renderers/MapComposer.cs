using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>
/// A block drawn in the legend column below the legend (e.g. the hotspot zone table).
/// </summary>
/// <param name="Width">Width it needs, points.</param>
/// <param name="Height">Height it needs, points.</param>
/// <param name="Draw">Draws it with its top-left corner at (x, y) within a height (the third argument) left in the column.</param>
internal sealed record SideBlock(double Width, double Height, Action<double, double, double> Draw);

/// <summary>What a map adds to the standard page: labels, boxes labels must keep clear of, a block under the legend.</summary>
/// <param name="Labels">Labels placed before (when of higher priority) or among the city labels.</param>
/// <param name="Obstacles">Page boxes no label may cover (e.g. hotspot zones).</param>
/// <param name="Side">A block under the legend.</param>
internal sealed record MapExtras(
    Func<MapViewport, IEnumerable<MapLabel>>? Labels = null,
    Func<MapViewport, IEnumerable<PageRect>>? Obstacles = null,
    SideBlock? Side = null);

/// <summary>
/// Lays out and draws a single-map page: title and subtitle, the map (content, then boundaries and
/// outlines), north arrow and scale bar inside the frame, labels placed around them, the legend
/// column (with an optional block below the legend) and the attribution line.
/// </summary>
internal static class MapComposer
{
    /// <summary>Gap between the legend and a side block, points.</summary>
    internal const double SideGap = 14;

    internal static IReadOnlyList<string> Compose(
        Canvas canvas,
        MapStyle style,
        Envelope world,
        LegendModel legend,
        Action<MapViewport> drawContent,
        MapOverlays overlays,
        Func<MapViewport, IEnumerable<MapLabel>>? extraLabels = null) =>
        Compose(canvas, style, world, legend, drawContent, overlays, new MapExtras(extraLabels));

    internal static IReadOnlyList<string> Compose(
        Canvas canvas,
        MapStyle style,
        Envelope world,
        LegendModel legend,
        Action<MapViewport> drawContent,
        MapOverlays overlays,
        MapExtras extras)
    {
        canvas.Clear(Rgba.White);
        (MapPageLayout layout, MapViewport viewport) = Plan(canvas, canvas.Page, style, world, legend, extras.Side);
        PageRect frame = layout.MapFrame;
        IReadOnlyList<string> dropped;
        using (canvas.Save())
        {
            canvas.Rectangle(frame);
            canvas.Clip();
            drawContent(viewport);
            Overlays.DrawLines(canvas, viewport, overlays);
            MapFurniture.DrawNorthArrow(canvas, viewport, frame.Right, frame.Y);
            MapFurniture.DrawScaleBar(canvas, viewport, frame.X + 8, frame.Bottom, frame.Width / 4);
            LabelPlacement placement = PlaceLabels(canvas, layout, viewport, style, overlays, extras);
            Overlays.DrawLabels(canvas, placement);
            dropped = [.. placement.Dropped.Select(l => l.Key)];
        }

        MapFurniture.DrawFrame(canvas, frame);
        LegendLayout placed = MapFurniture.DrawLegend(canvas, legend, layout.Legend.X, layout.Legend.Y);
        extras.Side?.Draw(layout.Legend.X, placed.Bounds.Bottom + SideGap, layout.Legend.Bottom - placed.Bounds.Bottom - SideGap);
        MapFurniture.DrawTitles(canvas, layout, style);
        return dropped;
    }

    /// <summary>
    /// Where the labels of a page go: city labels and extra labels, clear of the north arrow, the
    /// scale bar, the extra obstacles and each other. <see cref="Compose(Canvas, MapStyle, Envelope, LegendModel, Action{MapViewport}, MapOverlays, MapExtras)"/> draws exactly this.
    /// </summary>
    internal static LabelPlacement PlaceLabels(ITextMeasurer measurer, MapPageLayout layout, MapViewport viewport, MapStyle style, MapOverlays overlays, MapExtras extras)
    {
        PageRect frame = layout.MapFrame;
        PageRect arrow = MapFurniture.NorthArrowBox(frame.Right, frame.Y);
        PageRect scale = MapFurniture.ScaleBarBox(viewport, frame.X + 8, frame.Bottom, frame.Width / 4);
        IEnumerable<MapLabel> labels = Overlays.CityLabels(overlays.Cities, viewport, style.Language);
        if (extras.Labels is not null)
        {
            labels = extras.Labels(viewport).Concat(labels);
        }

        List<PageRect> obstacles = [arrow, scale, .. extras.Obstacles?.Invoke(viewport) ?? []];
        return new LabelPlacer(measurer).Place(labels, frame.Inflate(-2), obstacles);
    }

    /// <summary>The page layout and map viewport a page will use (tests use it to find cells and swatches on the page).</summary>
    internal static (MapPageLayout Layout, MapViewport Viewport) Plan(ITextMeasurer measurer, PageSize page, MapStyle style, Envelope world, LegendModel legend, SideBlock? side = null)
    {
        double legendWidth = Math.Max(110, LegendLayout.Compute(legend, 0, 0, measurer).Bounds.Width + 4);
        if (side is not null)
        {
            legendWidth = Math.Max(legendWidth, side.Width + 4);
        }

        MapPageLayout layout = MapPageLayout.Compute(page, style.Subtitle.Length > 0, legendWidth, measurer, style.Attribution);
        return (layout, new MapViewport(MapViewport.Pad(world, 0.02), layout.MapFrame));
    }
}
