using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using GridEmissions.Rendering;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using RenderedZone = GridEmissions.Rendering.HotspotZone;

namespace GridEmissions.Pipeline;

/// <summary>
/// The maps and chart of a run: total grid maps (key years), sector small multiples on one shared
/// scale, the change map (end − base), the base-year hotspot map, the base-year city choropleth and
/// the pathway chart. PNG for all; the pathway chart and the base-year grid map also as SVG and PDF.
/// City boundaries are drawn in the grid CRS with Chinese + English labels.
/// </summary>
public static class RunMaps
{
    /// <summary>Draws every map into <paramref name="file"/>'s folder; returns the relative names written.</summary>
    public static IReadOnlyList<string> Write(AnalysisContext context, Func<string, string> file) =>
        [.. Jobs(context, file).SelectMany(job => job())];

    /// <summary>
    /// The maps as independent jobs (each draws one map or chart and returns the relative names it wrote), in the
    /// order <see cref="Write"/> draws them; they share only read-only inputs, so any thread may run any of them.
    /// The grids they need are read here.
    /// </summary>
    public static IReadOnlyList<Func<IReadOnlyList<string>>> Jobs(AnalysisContext context, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        return [.. Guarded(() => Draw(context, file)).Select(job => (Func<IReadOnlyList<string>>)(() => Guarded(job)))];
    }

    /// <summary>Runs <paramref name="draw"/>, turning missing fonts or a missing Skia library into input errors with the fix.</summary>
    internal static T Guarded<T>(Func<T> draw)
    {
        try
        {
            FontCheck.EnsureFonts();
            return draw();
        }
        catch (FontMissingException e)
        {
            throw new InputError("maps", "fonts for the map labels are missing: " + e.Message, $"install them (`apt-get install {FontCheck.CjkPackage}`).");
        }
        catch (Rendering.NativeLibraryMissingException e)
        {
            throw new InputError("maps", "the Skia rendering library is missing: " + e.Message, "restore the project (`dotnet restore`) so SkiaSharp's native assets are next to the program.");
        }
    }

    private static List<Func<IReadOnlyList<string>>> Draw(AnalysisContext context, Func<string, string> file)
    {
        var jobs = new List<Func<IReadOnlyList<string>>>();
        var scenario = context.Scenario;
        GridSpec grid = context.Region.Grid;
        bool[] mask = context.RegionMask();
        IReadOnlyList<ProvinceOutline> provinces = context.Provinces;
        var cities = context.Region.Cities
            .Select(c => new BoundaryFeature(c.Geometry, c.NameZh, c.NameEn, double.IsFinite(c.SeatX) ? new Coordinate(c.SeatX, c.SeatY) : null))
            .ToList();
        var overlays = new MapOverlays(new BoundaryLayer(cities), provinces);
        string attribution = MapCredits.Line(scenario, grid.CellSizeMetres);
        string subtitle = $"{scenario.Title} — scenario {scenario.Id}" + (scenario.OffGrid is null ? string.Empty : " — grid: region total minus the part held off the grid");
        MapStyle Style(string title, string subject) => new(title, subtitle, attribution, LabelLanguage.Both, null, 150, new DocumentInfo(title, subject + "; t CO2/yr; " + ChinaAlbers.Name + "; scenario " + scenario.Id, "CO2, emissions, grid, " + scenario.Region, ToolInfo.NameAndVersion));

        int baseYear = scenario.StartYear, endYear = scenario.EndYear;
        var totals = new Dictionary<int, double[]>();
        foreach (int year in context.KeyYears)
        {
            double[] total = context.Grids.Read(year).Total;
            totals[year] = total;
            string title = $"{scenario.Region} CO₂ emissions {year}, all sectors";
            var input = new GridMapInput(new GridLayer(grid, Masked(total, mask)), overlays);
            string name = FormattableString.Invariant($"grid_total_{year}");
            MapStyle style = Style(title, $"grid map, {year}, total");
            if (year == baseYear)
            {
                jobs.Add(() => [.. new GridMapRenderer().RenderAll(input, style, file(name)).Files.Select(f => Path.GetFileName(f)!)]);
            }
            else
            {
                jobs.Add(() => [Render(new GridMapRenderer(), input, style, file, name + ".png")]);
            }
        }

        // sector small multiples: sectors × (2030, 2035, end), one shared scale
        var smYears = context.SmallMultipleYears;
        if (smYears.Count > 0)
        {
            var byYear = smYears.Select(y => context.Grids.Read(y)).ToList();
            var panels = new List<double[]>();
            foreach (string s in context.Grids.Sectors)
            {
                panels.AddRange(byYear.Select(g => Masked(g.Bands[s], mask)));
            }

            var layer = new SmallMultiplesLayer(grid, [.. context.Grids.Sectors.Select(context.SectorName)], smYears, panels, provinces, new BoundaryLayer(cities));
            MapStyle style = Style($"{scenario.Region} CO₂ emissions by sector, {string.Join(", ", smYears)}", "sector small multiples") with { Page = PageSize.A4Portrait };
            jobs.Add(() => [Render(new SmallMultiplesRenderer(), layer, style, file, "sectors_small_multiples.png")]);
        }

        if (endYear != baseYear)
        {
            var change = new ChangeLayer(grid, Masked(totals[baseYear], mask), Masked(totals[endYear], mask), baseYear, endYear, overlays);
            MapStyle style = Style($"{scenario.Region} change in CO₂ emissions {baseYear}–{endYear}", $"change map, {endYear} minus {baseYear}, total");
            jobs.Add(() => [Render(new ChangeMapRenderer(), change, style, file, FormattableString.Invariant($"change_total_{baseYear}_{endYear}.png"))]);
        }

        // hotspot map of the base year (Gi*, queen weights, FDR)
        double[] baseTotal = totals[baseYear];
        jobs.Add(() =>
        {
            SpatialWeights weights = SpatialWeights.Queen(grid, mask);
            GiStarResult gi = GetisOrdGiStar.Compute(weights, baseTotal, new GiStarOptions { Adjustment = PValueAdjustment.BenjaminiHochberg, Seed = scenario.Seed });
            var zones = Analysis.HotspotZones.Find(grid, gi.Class, baseTotal, context.Region.Attribution);
            var classes = new sbyte[grid.CellCount];
            for (int i = 0; i < classes.Length; i++)
            {
                classes[i] = mask[i] ? gi.Class[i] : HotspotLayer.NoData;
            }

            var hotspots = new HotspotLayer(grid, classes, [.. zones.Select(z => new RenderedZone(z.Outline, FormattableString.Invariant($"Z{z.Id}"), z.EmissionsTonnes, ZonePlaces(z, context.Region.Cities)))], provinces, new BoundaryLayer(cities));
            return [Render(new HotspotMapRenderer(), hotspots, Style($"{scenario.Region} emission hot and cold spots {baseYear}, gross emissions (Getis-Ord Gi*, FDR; sinks not counted)", $"hotspot map, {baseYear}, total"), file, FormattableString.Invariant($"hotspots_total_{baseYear}.png"))];
        });

        // choropleth of city totals, base year
        jobs.Add(() =>
        {
            CityTotalsResult cityTotals = CityTotals.Compute(context.Region.Attribution, baseTotal, context.Facilities.Of(baseYear, YearGrids.Total));
            var choropleth = new ChoroplethLayer([.. cities.Select((c, i) => new CityValue(c, cityTotals.Cities[i].EmissionsTonnes))], ChoroplethMeasure.TotalMegatonnes, provinces);
            return [Render(new ChoroplethRenderer(), choropleth, Style($"{scenario.Region} CO₂ emissions by city {baseYear}", $"choropleth of city totals, {baseYear}, total"), file, FormattableString.Invariant($"cities_total_{baseYear}.png"))];
        });

        // pathway: stacked sector targets, net total line, peak
        int[] years = [.. scenario.Years];
        if (years.Length >= 2)
        {
            jobs.Add(() =>
            {
                PathwaySeries series = NetOutputs.Pathway(context);
                string what = series.GrossMt is null ? "gross emissions by sector" : "gross emissions by sector, sinks below zero, net";
                var pathwayStyle = Style($"{scenario.Region} CO₂ pathway: {what}, {baseYear}–{endYear} (Mt CO₂/yr)", "pathway chart, Mt CO2/yr");
                return [.. new PathwayChartRenderer().RenderAll(series, pathwayStyle, file("pathway")).Files.Select(f => Path.GetFileName(f)!)];
            });
        }

        return jobs;
    }

    /// <summary>
    /// The cities a hotspot zone lies in, for the map's zone table: those with at least 10 % of the
    /// zone's emissions (at most two, "…" when more), or the largest share when none reaches 10 %.
    /// </summary>
    public static string ZonePlaces(Analysis.HotspotZone zone, IReadOnlyList<CityRecord> cities)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(cities);
        var main = zone.Cities.Where(c => c.Share >= 0.1).ToList();
        if (main.Count == 0)
        {
            main = [.. zone.Cities.Take(1)];
        }

        string text = string.Join(", ", main.Take(2).Select(c => $"{cities[c.CityIndex].NameZh} {cities[c.CityIndex].NameEn}"));
        return main.Count > 2 ? text + " …" : text;
    }

    /// <summary>Province outlines dissolved from <paramref name="cities"/> (grouped by province, in ordinal order).</summary>
    public static IReadOnlyList<ProvinceOutline> Provinces(IReadOnlyList<CityRecord> cities)
    {
        ArgumentNullException.ThrowIfNull(cities);
        return
        [
            .. cities
                .GroupBy(c => c.Province, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ProvinceOutline(WithoutSlivers(CascadedPolygonUnion.Union([.. g.Select(c => c.Geometry)])), g.Key)),
        ];
    }

    /// <summary>Drops holes under 10 km² that the union leaves where neighbouring city boundaries do not quite meet.</summary>
    public static Geometry WithoutSlivers(Geometry union)
    {
        ArgumentNullException.ThrowIfNull(union);
        const double minimumHoleArea = 1e7;
        var factory = union.Factory;
        var polygons = new List<Polygon>();
        for (int i = 0; i < union.NumGeometries; i++)
        {
            if (union.GetGeometryN(i) is Polygon p)
            {
                LinearRing[] holes = [.. p.InteriorRings.Cast<LinearRing>().Where(h => factory.CreatePolygon(h).Area >= minimumHoleArea)];
                polygons.Add(factory.CreatePolygon((LinearRing)p.ExteriorRing, holes));
            }
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>Cells outside every city with no emissions become no-data (NaN) so the map shows the region's shape.</summary>
    public static double[] Masked(double[] values, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(mask);
        var copy = (double[])values.Clone();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!mask[i] && copy[i] == 0)
            {
                copy[i] = double.NaN;
            }
        }

        return copy;
    }

    private static string Render<T>(PageRenderer<T> renderer, T input, MapStyle style, Func<string, string> file, string name)
        where T : notnull
    {
        renderer.Render(input, style, file(name));
        return name;
    }
}
