using System.Globalization;
using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridEmissions.Rendering;

/// <summary>
/// Hotspot map: Gi* classes on a diverging scale (ColorBrewer RdBu: red hot, blue cold, three
/// confidence levels each, grey not significant; the legend lists the classes the map shows),
/// hotspot zones outlined and labelled with their names just outside the outline (placed with
/// <see cref="LabelPlacer"/>: never over another label, a zone or the furniture; dropped and
/// reported when there is no room), city boundaries with labels, province outlines, and a zone
/// table under the legend: name, total and the cities each zone covers, largest first.
/// </summary>
public sealed class HotspotMapRenderer : PageRenderer<HotspotLayer>
{
    private static readonly string[] ClassLabels =
        ["Cold spot, 99 % confidence", "Cold spot, 95 %", "Cold spot, 90 %", "Not significant", "Hot spot, 90 %", "Hot spot, 95 %", "Hot spot, 99 % confidence"];

    private static readonly Rgba ZoneLine = Rgba.FromHex("#000000");
    private static readonly FontSpec ZoneLabelFont = new(8.5, Bold: true);
    private static readonly FontSpec TableIdFont = new(7.5, Bold: true);
    private static readonly FontSpec TableFont = new(7.5);
    private const double RowPitch = 11;
    private const double ColumnGap = 6;

    /// <summary>Most zones listed in the table (and labelled on the map); the rest are summed in one line.</summary>
    public int MaxTableZones { get; init; } = 20;

    /// <summary>The colour of a Gi* class (−3..3) or no-data.</summary>
    public static Rgba ColourOf(sbyte giClass) =>
        giClass == HotspotLayer.NoData ? Rgba.Transparent : Palettes.HotspotClasses[giClass + 3];

    /// <summary>The legend with every class: hot at the top, cold at the bottom, then no-data and the zone outline.</summary>
    public static LegendModel Legend() => Legend(_ => true, zones: true);

    /// <summary>The legend of a layer: only the classes it has, then no-data and (when there are zones) the zone outline.</summary>
    public static LegendModel Legend(HotspotLayer input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var present = new HashSet<sbyte>(input.GiClass.Where(c => c != HotspotLayer.NoData));
        return Legend(present.Contains, input.Zones.Count > 0);
    }

    private static LegendModel Legend(Func<sbyte, bool> shown, bool zones)
    {
        var entries = new List<LegendEntry>();
        for (sbyte c = 3; c >= -3; c--)
        {
            if (shown(c))
            {
                entries.Add(new LegendEntry(Palettes.HotspotClasses[c + 3], ClassLabels[c + 3]));
            }
        }

        entries.Add(new LegendEntry(Palettes.NoData, "No data / outside region"));
        if (zones)
        {
            entries.Add(new LegendEntry(ZoneLine, "Hotspot zone (see table)", LegendSymbol.Line));
        }

        return new LegendModel(["Getis-Ord Gi* of", "emissions per cell"], entries);
    }

    /// <summary>
    /// Where the zone and city labels of this page go (what <see cref="Draw"/> draws): tests read
    /// the boxes and the dropped labels from it.
    /// </summary>
    public LabelPlacement PlaceLabels(ITextMeasurer measurer, HotspotLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Validate();
        Page page = Prepare(measurer, input, style, style.PageSize);
        return MapComposer.PlaceLabels(measurer, page.Layout, page.Viewport, style, Overlays(input), page.Extras);
    }

    /// <summary>The page layout and viewport <see cref="Draw"/> uses (tests map zones onto the page with it).</summary>
    internal (MapPageLayout Layout, MapViewport Viewport) Plan(ITextMeasurer measurer, HotspotLayer input, MapStyle style)
    {
        Page page = Prepare(measurer, input, style, style.PageSize);
        return (page.Layout, page.Viewport);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, HotspotLayer input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Validate();
        Page page = Prepare(canvas, input, style, canvas.Page);
        return MapComposer.Compose(
            canvas,
            style,
            input.Grid.Extent,
            page.Legend,
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
                canvas.SetRoundJoins(false);
            },
            Overlays(input),
            page.Extras with { Side = page.Extras.Side! with { Draw = (x, y, _) => DrawTable(canvas, page.Table, x, y) } });
    }

    private static MapOverlays Overlays(HotspotLayer input) => new(input.Cities, input.Provinces);

    private sealed record Page(LegendModel Legend, ZoneTable Table, MapExtras Extras, MapPageLayout Layout, MapViewport Viewport);

    /// <summary>The legend, the zone table (as many rows as fit under the legend) and the labels and obstacles of the zones.</summary>
    private Page Prepare(ITextMeasurer measurer, HotspotLayer input, MapStyle style, PageSize pageSize)
    {
        LegendModel legend = Legend(input);
        HotspotZone[] ranked = [.. input.Zones.Select((z, i) => (z, i)).OrderByDescending(p => p.z.TotalTonnes).ThenBy(p => p.i).Select(p => p.z)];
        bool coldSpots = input.GiClass.Any(c => c != HotspotLayer.NoData && c < 0);
        ZoneTable table = ZoneTable.Build(ranked, Math.Min(MaxTableZones, ranked.Length), coldSpots, measurer);
        (MapPageLayout layout, MapViewport viewport) = MapComposer.Plan(measurer, pageSize, style, input.Grid.Extent, legend, table.Block);
        double room = layout.Legend.Height - LegendLayout.Compute(legend, 0, 0, measurer).Bounds.Height - MapComposer.SideGap;
        while (table.Block.Height > room && table.Rows.Count > 0)
        {
            table = ZoneTable.Build(ranked, table.Rows.Count - 1, coldSpots, measurer);
        }

        // a shorter table may be narrower: lay the page out again for the table drawn
        (layout, viewport) = MapComposer.Plan(measurer, pageSize, style, input.Grid.Extent, legend, table.Block);
        var extras = new MapExtras(
            viewport => table.Rows.Select((z, rank) => new MapLabel(
                z.Name,
                [new LabelLine(z.Name, ZoneLabelFont)],
                viewport.X(z.Geometry.EnvelopeInternal.Centre.X),
                viewport.Y(z.Geometry.EnvelopeInternal.Centre.Y),
                1e30 - rank)
            {
                Around = viewport.ToPage(z.Geometry.EnvelopeInternal),
            }),
            viewport => input.Zones.SelectMany(z => Runs(input.Grid, z, viewport)),
            table.Block);
        return new Page(legend, table, extras, layout, viewport);
    }

    /// <summary>
    /// The page boxes a zone covers: its grid cells merged into runs along each row, grown by the
    /// outline's half width (finer than the envelope, which for an L-shaped zone would cover its
    /// neighbours too).
    /// </summary>
    private static IEnumerable<PageRect> Runs(GridSpec grid, HotspotZone zone, MapViewport viewport)
    {
        Envelope e = zone.Geometry.EnvelopeInternal;
        double size = grid.CellSizeMetres;
        var prepared = PreparedGeometryFactory.Prepare(zone.Geometry);
        int c0 = Math.Max(0, (int)Math.Floor((e.MinX - grid.MinX) / size)), c1 = Math.Min(grid.Columns - 1, (int)Math.Ceiling((e.MaxX - grid.MinX) / size));
        int r0 = Math.Max(0, (int)Math.Floor((grid.MaxY - e.MaxY) / size)), r1 = Math.Min(grid.Rows - 1, (int)Math.Ceiling((grid.MaxY - e.MinY) / size));
        for (int r = r0; r <= r1; r++)
        {
            double top = grid.MaxY - r * size;
            int? start = null;
            for (int c = c0; c <= c1 + 1; c++)
            {
                bool inside = c <= c1 && prepared.Contains(zone.Geometry.Factory.CreatePoint(new Coordinate(grid.MinX + (c + 0.5) * size, top - size / 2)));
                if (inside && start is null)
                {
                    start = c;
                }
                else if (!inside && start is int s0)
                {
                    yield return viewport.ToPage(new Envelope(grid.MinX + s0 * size, grid.MinX + c * size, top - size, top)).Inflate(1.5);
                    start = null;
                }
            }
        }
    }

    private static void DrawTable(Canvas canvas, ZoneTable table, double x, double y)
    {
        double cy = y + LegendModel.TitleFont.SizePoints * 1.25;
        canvas.ShowTextAligned(x, cy, ZoneTable.Title, LegendModel.TitleFont, MapFurniture.Ink);
        cy += 4;
        foreach ((HotspotZone zone, int i) in table.Rows.Select((z, i) => (z, i)))
        {
            cy += RowPitch;
            canvas.ShowTextAligned(x, cy, zone.Name, TableIdFont, MapFurniture.Ink);
            canvas.ShowTextAligned(x + table.IdWidth + ColumnGap + table.TotalWidth, cy, table.Totals[i], TableFont, MapFurniture.Ink, 1);
            canvas.ShowTextAligned(x + table.IdWidth + table.TotalWidth + 2 * ColumnGap, cy, zone.Places, TableFont, MapFurniture.Grey);
        }

        foreach (string note in table.Notes)
        {
            cy += RowPitch;
            canvas.ShowTextAligned(x, cy, note, TableFont, MapFurniture.Grey);
        }
    }

    /// <summary>The zone table: rows (largest zones first), their formatted totals, column widths and notes.</summary>
    private sealed record ZoneTable(IReadOnlyList<HotspotZone> Rows, IReadOnlyList<string> Totals, double IdWidth, double TotalWidth, IReadOnlyList<string> Notes, SideBlock Block)
    {
        internal const string Title = "Hotspot zones: total, cities";

        internal static ZoneTable Build(IReadOnlyList<HotspotZone> ranked, int rows, bool coldSpots, ITextMeasurer measurer)
        {
            HotspotZone[] shown = [.. ranked.Take(rows)];
            string[] totals = [.. shown.Select(z => QuantityFormat.Tonnes(z.TotalTonnes))];
            double idWidth = shown.Length == 0 ? 0 : shown.Max(z => measurer.Measure(z.Name, TableIdFont).XAdvance);
            double totalWidth = totals.Length == 0 ? 0 : totals.Max(t => measurer.Measure(t, TableFont).XAdvance);
            double placesWidth = shown.Length == 0 ? 0 : shown.Max(z => measurer.Measure(z.Places, TableFont).XAdvance);
            var notes = new List<string>();
            if (ranked.Count == 0)
            {
                notes.Add("No significant hotspots");
            }
            else if (ranked.Count > shown.Length)
            {
                double rest = ranked.Skip(shown.Length).Sum(z => z.TotalTonnes);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"+ {ranked.Count - shown.Length} smaller zones, {QuantityFormat.Tonnes(rest)} in all"));
            }

            if (!coldSpots)
            {
                notes.Add("No significant cold spots");
            }

            double width = Math.Max(
                measurer.Measure(Title, LegendModel.TitleFont).XAdvance,
                Math.Max(idWidth + totalWidth + placesWidth + 2 * ColumnGap, notes.Count == 0 ? 0 : notes.Max(n => measurer.Measure(n, TableFont).XAdvance)));
            double height = LegendModel.TitleFont.SizePoints * 1.25 + 4 + (shown.Length + notes.Count) * RowPitch + 3;
            return new ZoneTable(shown, totals, idWidth, totalWidth, notes, new SideBlock(width, height, (_, _, _) => { }));
        }
    }
}
