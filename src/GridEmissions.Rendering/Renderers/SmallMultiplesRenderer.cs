namespace GridEmissions.Rendering;

/// <summary>
/// Sectors × years panels on one page with one shared classed scale (same colour = same value in
/// every panel; legend entries for zero, negative and no-data only when a panel has such cells),
/// thin city boundaries (no labels) and province outlines in every panel, one legend, one scale bar (valid for every panel: they share the scale) and one
/// north arrow.
/// </summary>
public sealed class SmallMultiplesRenderer : PageRenderer<SmallMultiplesLayer>
{
    private static readonly FontSpec HeaderFont = new(9, Bold: true);

    /// <summary>Creates the renderer with a scale (default: <see cref="Scales.EmissionsPerCell"/>).</summary>
    public SmallMultiplesRenderer(ClassedScale? scale = null) => Scale = scale ?? Scales.EmissionsPerCell();

    /// <summary>The scale shared by all panels.</summary>
    public ClassedScale Scale { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, SmallMultiplesLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Validate();
        canvas.Clear(Rgba.White);
        bool negative = Scale.SeparateZero && input.Panels.Any(p => p.Any(v => v < 0));
        bool zero = Scale.SeparateZero && input.Panels.Any(p => p.Any(v => v == 0));
        LegendModel legend = LegendModel.ForScale(Scale, zero: zero, negative: negative, noData: input.Panels.Any(p => p.Any(double.IsNaN)));
        double legendWidth = Math.Max(110, LegendLayout.Compute(legend, 0, 0, canvas).Bounds.Width + 4);
        MapPageLayout page = MapPageLayout.Compute(canvas.Page, style.Subtitle.Length > 0, legendWidth, canvas, style.Attribution);
        double rowTitleWidth = input.Sectors.Max(s => canvas.Measure(s, HeaderFont).XAdvance) + 10;
        PanelGridLayout grid = PanelGridLayout.Compute(page.MapFrame, input.Sectors.Count, input.Years.Count, rowTitleWidth, 16);
        var world = MapViewport.Pad(input.Grid.Extent, 0.01);
        MapViewport? last = null;
        for (int s = 0; s < input.Sectors.Count; s++)
        {
            for (int y = 0; y < input.Years.Count; y++)
            {
                PageRect panel = grid.Panels[s * input.Years.Count + y];
                var viewport = new MapViewport(world, panel);
                double[] values = input.Panel(s, y);
                using (canvas.Save())
                {
                    canvas.Rectangle(panel);
                    canvas.Clip();
                    GridRaster.Draw(canvas, viewport, input.Grid, i => CellColour(values[i]));
                    Overlays.DrawLines(canvas, viewport, new MapOverlays(input.Cities, input.Provinces), scale: 0.6);
                }

                MapFurniture.DrawFrame(canvas, panel);
                last = viewport;
            }

            PageRect first = grid.Panels[s * input.Years.Count];
            canvas.ShowTextAligned(grid.RowTitleX, first.CentreY + 3, input.Sectors[s], HeaderFont, MapFurniture.Ink, 1);
        }

        for (int y = 0; y < input.Years.Count; y++)
        {
            canvas.ShowTextAligned(grid.Panels[y].CentreX, grid.HeaderBaseline, input.Years[y].ToString(System.Globalization.CultureInfo.InvariantCulture), HeaderFont, MapFurniture.Ink, 0.5);
        }

        LegendLayout placed = MapFurniture.DrawLegend(canvas, legend, page.Legend.X, page.Legend.Y);
        if (last is not null)
        {
            MapFurniture.DrawScaleBar(canvas, last, page.Legend.X + 4, placed.Bounds.Bottom + 40, Math.Min(page.Legend.Width - 30, Math.Max(40, last.Frame.Width / 2)));
            MapFurniture.DrawNorthArrow(canvas, last, page.Legend.X + 40, placed.Bounds.Bottom + 46);
        }

        MapFurniture.DrawTitles(canvas, page, style);
        return [];
    }

    private Rgba CellColour(double value)
    {
        int c = Scale.Classify(value);
        return c == ClassedScale.NoData ? Rgba.Transparent : Scale.ColourOfClass(c);
    }
}
