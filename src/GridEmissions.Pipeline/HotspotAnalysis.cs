using System.Globalization;
using System.Text;
using GridEmissions.Analysis;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>Which years, sectors and weights the hotspot analysis uses.</summary>
/// <param name="Years">Years to analyse (base, 2035, 2060 by default).</param>
/// <param name="Sectors">Sector ids and/or "total".</param>
/// <param name="Weights">Queen contiguity or a distance band.</param>
/// <param name="BandMetres">Distance band in metres (distance weights only).</param>
public sealed record HotspotOptions(IReadOnlyList<int> Years, IReadOnlyList<string> Sectors, WeightsKind Weights = WeightsKind.Queen, double BandMetres = 0)
{
    /// <summary>Key years, every sector and the total, queen weights.</summary>
    public static HotspotOptions Default(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new HotspotOptions(context.KeyYears, context.Grids.SectorsAndTotal);
    }

    /// <summary>Parses "queen" or "distance:&lt;metres&gt;".</summary>
    public static (WeightsKind Kind, double BandMetres) ParseWeights(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(text, "queen", StringComparison.OrdinalIgnoreCase))
        {
            return (WeightsKind.Queen, 0);
        }

        const string prefix = "distance:";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(text.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double band) && band > 0 && double.IsFinite(band))
        {
            return (WeightsKind.DistanceBand, band);
        }

        throw new InputError("--weights", $"'{text}' is not a weights choice.", "use `queen` or `distance:<metres>`, e.g. `distance:25000`.");
    }
}

/// <summary>Emission classes, concentration, Gi* hot/cold spots (FDR-adjusted), zones and trajectories of a run.</summary>
public static class HotspotAnalysis
{
    /// <summary>Header of <c>hotspot_summary.csv</c>.</summary>
    public const string SummaryHeader = "region,scenario,year,sector,weights,region_cells,total_t,cells_lt_10kt,cells_10_100kt,cells_100kt_1mt,cells_gt_1mt,top10_cells_share,top1pct_cells,top1pct_share,top10pct_cells,top10pct_share,gini,hot_cells,cold_cells,zones";

    /// <summary>Header of <c>top_cells.csv</c>.</summary>
    public const string TopCellsHeader = "region,scenario,year,sector,rank,cell_id,emissions_t,share_of_total";

    /// <summary>Header of <c>trajectories.csv</c>.</summary>
    public const string TrajectoriesHeader = "region,scenario,year,sector,kind,zone_id,adcode,name_zh,name_en,class,hot_cells,hot_share,emissions_t,measure";

    /// <summary>Field names of <c>hotspot_zones_&lt;year&gt;.geojson</c>.</summary>
    public static IReadOnlyList<string> ZoneFieldNames => [.. ZoneFields.Select(f => f.Name)];

    private static readonly VectorFieldSpec[] ZoneFields =
    [
        new("region", VectorFieldType.String),
        new("scenario", VectorFieldType.String),
        new("year", VectorFieldType.Integer64),
        new("sector", VectorFieldType.String),
        new("zone_id", VectorFieldType.Integer64),
        new("cells", VectorFieldType.Integer64),
        new("area_km2", VectorFieldType.Real),
        new("emissions_t", VectorFieldType.Real),
        new("share_of_total", VectorFieldType.Real),
        new("dominant_sector", VectorFieldType.String),
        new("centre_lon", VectorFieldType.Real),
        new("centre_lat", VectorFieldType.Real),
    ];

    /// <summary>Builds the weights of the options on the region's study area.</summary>
    public static SpatialWeights Weights(AnalysisContext context, HotspotOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        bool[] mask = context.RegionMask();
        return options.Weights == WeightsKind.Queen
            ? SpatialWeights.Queen(context.Region.Grid, mask)
            : SpatialWeights.DistanceBand(context.Region.Grid, options.BandMetres, mask);
    }

    /// <summary>
    /// Writes <c>hotspot_zones.csv</c> with its companion <c>zone_cities.csv</c>, <c>hotspot_summary.csv</c>,
    /// <c>top_cells.csv</c>, <c>trajectories.csv</c> (one row per year) and <c>hotspot_zones_&lt;year&gt;.geojson</c>.
    /// </summary>
    public static void Write(AnalysisContext context, HotspotOptions options, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(file);
        Validate(context, options);
        var grid = context.Region.Grid;
        var coverage = context.Region.Attribution;
        bool[] mask = context.RegionMask();
        SpatialWeights weights = Weights(context, options);
        string weightsText = options.Weights == WeightsKind.Queen ? "queen" : FormattableString.Invariant($"distance:{options.BandMetres:R}");
        string lead = $"{Csv(context.Scenario.Region)},{Csv(context.Scenario.Id)}";
        var zoneTables = new List<HotspotZonesTable>();
        var summary = new List<string> { SummaryHeader };
        var top = new List<string> { TopCellsHeader };
        var series = options.Sectors.ToDictionary(s => s, _ => new List<YearHotspots>(), StringComparer.Ordinal);
        foreach (int year in options.Years.Order())
        {
            YearGrid yearGrid = context.Grids.Read(year);
            var sectorGrids = context.Grids.Sectors.Select(s => new SectorGrid(s, yearGrid.Bands[s])).ToList();
            var zonesOfYear = new List<(string Sector, IReadOnlyList<HotspotZone> Zones, double Total)>();
            foreach (string sector in options.Sectors)
            {
                double[] values = yearGrid.Bands[sector];
                EmissionClassResult classes = EmissionClasses.Classify(values, EmissionClasses.DefaultBreaksTonnes, mask);
                ConcentrationResult conc = Concentration.Compute(grid, values, 10, mask);
                GiStarResult gi = GetisOrdGiStar.Compute(weights, values, new GiStarOptions { Adjustment = PValueAdjustment.BenjaminiHochberg, Seed = context.Scenario.Seed });
                IReadOnlyList<HotspotZone> zones = HotspotZones.Find(grid, gi.Class, values, coverage, sector == YearGrids.Total ? sectorGrids : null);
                double gridTotal = Core.Allocation.PreciseSum.Of(values);
                zoneTables.Add(new HotspotZonesTable(new TableKey(context.Scenario.Region, context.Scenario.Id, year, sector), zones, gridTotal));
                zonesOfYear.Add((sector, zones, gridTotal));
                series[sector].Add(new YearHotspots(year, gi.Class, values));
                double topShare = conc.TotalTonnes != 0 ? conc.TopCells.Sum(c => c.ValueTonnes) / conc.TotalTonnes : 0;
                summary.Add(Invariant($"{lead},{year},{sector},{weightsText},{conc.RegionCellCount},{conc.TotalTonnes:R},{string.Join(',', classes.Classes.Select(c => c.Cells))},{topShare:R},{conc.Top1PercentCells},{conc.ShareTop1Percent:R},{conc.Top10PercentCells},{conc.ShareTop10Percent:R},{conc.Gini:R},{gi.Class.Count(c => c > 0)},{gi.Class.Count(c => c < 0)},{zones.Count}"));
                for (int k = 0; k < conc.TopCells.Count; k++)
                {
                    TopCell c = conc.TopCells[k];
                    top.Add(Invariant($"{lead},{year},{sector},{k + 1},{c.CellId},{c.ValueTonnes:R},{(conc.TotalTonnes != 0 ? c.ValueTonnes / conc.TotalTonnes : 0):R}"));
                }
            }

            WriteZonesGeoJson(context, year, zonesOfYear, file(FormattableString.Invariant($"hotspot_zones_{year}.geojson")));
        }

        using (var writer = new StreamWriter(file("hotspot_zones.csv"), false, new UTF8Encoding(false)))
        {
            HotspotZonesCsv.Write(writer, zoneTables);
        }

        using (var writer = new StreamWriter(file("zone_cities.csv"), false, new UTF8Encoding(false)))
        {
            HotspotZonesCsv.WriteCities(writer, zoneTables);
        }

        RunManifest.WriteLines(file("hotspot_summary.csv"), summary);
        RunManifest.WriteLines(file("top_cells.csv"), top);
        RunManifest.WriteLines(file("trajectories.csv"), TrajectoryLines(context, options, series, lead));
    }

    private static void Validate(AnalysisContext context, HotspotOptions options)
    {
        var problems = new List<Core.Scenarios.ScenarioProblem>();
        foreach (int y in options.Years.Where(y => y < context.Scenario.StartYear || y > context.Scenario.EndYear))
        {
            problems.Add(new("--years", 0, $"{y} is outside the run's years {context.Scenario.StartYear}-{context.Scenario.EndYear}.", "choose years the run projected."));
        }

        foreach (string s in options.Sectors.Where(s => !context.Grids.SectorsAndTotal.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add(new("--sector", 0, $"'{s}' is not a sector of the run.", "use one of: " + string.Join(", ", context.Grids.SectorsAndTotal) + "."));
        }

        if (options.Years.Count == 0 || options.Sectors.Count == 0)
        {
            problems.Add(new("--years/--sector", 0, "no years or no sectors to analyse.", "give at least one year and one sector."));
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }
    }

    private static IEnumerable<string> TrajectoryLines(AnalysisContext context, HotspotOptions options, Dictionary<string, List<YearHotspots>> series, string lead)
    {
        yield return TrajectoriesHeader;
        var grid = context.Region.Grid;
        foreach (string sector in options.Sectors)
        {
            List<YearHotspots> years = series[sector];
            foreach (ZoneTrajectory z in Trajectories.ClassifyZones(grid, years))
            {
                for (int k = 0; k < z.Years.Count; k++)
                {
                    yield return Invariant($"{lead},{z.Years[k]},{sector},zone,{z.Id},,,,{Name(z.Class)},{z.HotCellsByYear[k]},,{z.TonnesByYear[k]:R},{z.MeasureByYear[k]:R}");
                }
            }

            foreach (CityTrajectory c in Trajectories.ClassifyCities(context.Region.Attribution, years))
            {
                CityRecord city = context.Region.Cities[c.CityIndex];
                for (int k = 0; k < c.Years.Count; k++)
                {
                    yield return Invariant($"{lead},{c.Years[k]},{sector},city,,{Csv(c.Key)},{Csv(city.NameZh)},{Csv(city.NameEn)},{Name(c.Class)},,{c.HotShareByYear[k]:R},{c.TonnesByYear[k]:R},{c.MeasureByYear[k]:R}");
                }
            }
        }
    }

    private static void WriteZonesGeoJson(AnalysisContext context, int year, List<(string Sector, IReadOnlyList<HotspotZone> Zones, double Total)> zonesOfYear, string path)
    {
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        var features = new List<VectorFeature>();
        foreach (var (sector, zones, total) in zonesOfYear)
        {
            foreach (HotspotZone z in zones)
            {
                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["region"] = context.Scenario.Region,
                    ["scenario"] = context.Scenario.Id,
                    ["year"] = (long)year,
                    ["sector"] = sector,
                    ["zone_id"] = (long)z.Id,
                    ["cells"] = (long)z.Cells.Length,
                    ["area_km2"] = z.AreaKm2,
                    ["emissions_t"] = z.EmissionsTonnes,
                    ["share_of_total"] = total != 0 ? z.EmissionsTonnes / total : 0,
                    ["dominant_sector"] = z.DominantSector ?? string.Empty,
                };
                Coordinate centre = z.Outline.InteriorPoint.Coordinate;
                var (lon, lat) = toWgs84.Transform(centre.X, centre.Y);
                attributes["centre_lon"] = Math.Round(lon, 6);
                attributes["centre_lat"] = Math.Round(lat, 6);
                Geometry outline = toWgs84.Transform(z.Outline);
                features.Add(new VectorFeature(features.Count, outline is Polygon p ? new MultiPolygon([p], outline.Factory) : outline, attributes));
            }
        }

        var spec = new VectorLayerSpec(FormattableString.Invariant($"hotspot_zones_{year}"), "EPSG:4326", ZoneFields, VectorGeometryType.MultiPolygon);
        VectorWriter.Write(path, "GeoJSON", spec, features);
    }

    private static string Name(TrajectoryClass c) => c.ToString().ToLowerInvariant();

    private static string Csv(string s) => GridOutputSink.Csv(s);

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
