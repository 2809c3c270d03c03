using System.Text;
using GridEmissions.Analysis;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>City totals of every year × sector (+ total) with the outside remainder, and the cities' GeoJSON of the key years.</summary>
public static class ZonalAnalysis
{
    /// <summary>Largest allowed |Σ cities + outside − grid total| relative to the grid total (absolute below 1 t).</summary>
    public const double ReconciliationTolerance = 1e-9;

    /// <summary>
    /// Writes <c>city_totals.csv</c> (point sources booked whole to the city holding them, see
    /// <see cref="FacilityBookings"/>; area and line sources by area fraction; every year, one GeoTIFF read at a time) and
    /// <c>cities_&lt;year&gt;.geojson</c> for the key years; returns the totals of the key years.
    /// </summary>
    /// <param name="context">Run context.</param>
    /// <param name="file">Maps a relative output name to the path to write (creating folders).</param>
    public static IReadOnlyDictionary<int, IReadOnlyDictionary<string, CityTotalsResult>> Write(AnalysisContext context, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        var coverage = context.Region.Attribution;
        FacilityBookings facilities = context.Facilities;
        var tables = new List<CityTotalsTable>();
        var keyYears = context.KeyYears;
        var kept = new SortedDictionary<int, IReadOnlyDictionary<string, CityTotalsResult>>();
        foreach (int year in context.Scenario.Years)
        {
            YearGrid grid = context.Grids.Read(year);
            var byName = new Dictionary<string, CityTotalsResult>(StringComparer.Ordinal);
            foreach (string name in context.Grids.SectorsAndTotal)
            {
                CityTotalsResult r = CityTotals.Compute(coverage, grid.Bands[name], facilities.Of(year, name));
                Reconcile(r, year, name);
                tables.Add(new CityTotalsTable(new TableKey(context.Scenario.Region, context.Scenario.Id, year, name), coverage.Cities, r));
                byName[name] = r;
            }

            if (keyYears.Contains(year))
            {
                kept[year] = byName;
            }
        }

        using (var writer = new StreamWriter(file("city_totals.csv"), false, new UTF8Encoding(false)))
        {
            CityTotalsCsv.Write(writer, tables);
        }

        foreach (var (year, totals) in kept)
        {
            WriteCitiesGeoJson(context, year, totals, file(FormattableString.Invariant($"cities_{year}.geojson")));
        }

        return kept;
    }

    /// <summary>Throws when the cities and the outside remainder do not add up to the grid total.</summary>
    public static void Reconcile(CityTotalsResult totals, int year, string sector)
    {
        ArgumentNullException.ThrowIfNull(totals);
        double residual = totals.ResidualTonnes;
        if (Math.Abs(residual) > ReconciliationTolerance * Math.Max(1, Math.Abs(totals.GridTotalTonnes)))
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"city totals of {year} {sector} do not reconcile: expected {totals.GridTotalTonnes:R} t, got {totals.GridTotalTonnes + residual:R} t, difference {residual:R} t"));
        }
    }

    /// <summary>Field names of the cities' GeoJSON.</summary>
    public static IReadOnlyList<string> CityFieldNames(IReadOnlyList<string> sectorsAndTotal)
    {
        ArgumentNullException.ThrowIfNull(sectorsAndTotal);
        return [.. Fields(sectorsAndTotal).Select(f => f.Name)];
    }

    private static List<VectorFieldSpec> Fields(IReadOnlyList<string> sectorsAndTotal) =>
    [
        new("adcode", VectorFieldType.String),
        new("name_zh", VectorFieldType.String),
        new("name_en", VectorFieldType.String),
        new("region", VectorFieldType.String),
        new("scenario", VectorFieldType.String),
        new("year", VectorFieldType.Integer64),
        .. sectorsAndTotal.Select(s => new VectorFieldSpec("emissions_t_" + s, VectorFieldType.Real)),
        new("area_km2", VectorFieldType.Real),
        new("intensity_t_per_km2", VectorFieldType.Real),
        new("share_of_region", VectorFieldType.Real),
        new("rank", VectorFieldType.Integer64),
    ];

    private static void WriteCitiesGeoJson(AnalysisContext context, int year, IReadOnlyDictionary<string, CityTotalsResult> totals, string path)
    {
        var names = context.Grids.SectorsAndTotal;
        CityTotalsResult total = totals[YearGrids.Total];
        var features = new List<VectorFeature>();
        for (int i = 0; i < context.Region.Cities.Count; i++)
        {
            CityRecord city = context.Region.Cities[i];
            CityTotal t = total.Cities[i];
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["adcode"] = city.Adcode,
                ["name_zh"] = city.NameZh,
                ["name_en"] = city.NameEn,
                ["region"] = context.Scenario.Region,
                ["scenario"] = context.Scenario.Id,
                ["year"] = (long)year,
            };
            foreach (string s in names)
            {
                attributes["emissions_t_" + s] = totals[s].Cities[i].EmissionsTonnes;
            }

            attributes["area_km2"] = t.AreaKm2;
            attributes["intensity_t_per_km2"] = t.IntensityTonnesPerKm2;
            attributes["share_of_region"] = t.ShareOfRegion;
            attributes["rank"] = (long)t.Rank;
            features.Add(new VectorFeature(i, context.Region.CitiesLonLat[i], attributes));
        }

        var spec = new VectorLayerSpec(FormattableString.Invariant($"cities_{year}"), "EPSG:4326", Fields(names), VectorGeometryType.Unknown);
        VectorWriter.Write(path, "GeoJSON", spec, features);
    }
}
