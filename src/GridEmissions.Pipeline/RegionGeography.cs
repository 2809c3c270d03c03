using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>A region's cities in the grid CRS, its grid, and the exact cell coverage built once for every year and sector.</summary>
public sealed record RegionGeography(
    string Region,
    GridSpec Grid,
    IReadOnlyList<CityRecord> Cities,
    CityCoverage Coverage,
    CellGeography Cells)
{
    /// <summary>The cells with region area; the others are nodata in every grid.</summary>
    public RegionMask Mask { get; } = new(Grid, Cells.RegionFraction);

    private readonly Lazy<CityCoverage> attribution = new(Coverage.OfCoveredPart, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// How the run's cell values are shared among the cities: <see cref="Coverage"/> divided by each cell's
    /// region fraction, since every modelled value describes the cell's part inside the region (its weights
    /// are taken on that part). City totals, zones and trajectories use it; <see cref="Coverage"/> keeps the
    /// polygons' true area fractions (region mask, boundary checks).
    /// </summary>
    public CityCoverage Attribution => attribution.Value;

    private readonly Lazy<IReadOnlyList<Rendering.ProvinceOutline>> provinces =
        new(() => RunMaps.Provinces(Cities), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<IReadOnlyList<Geometry>> citiesLonLat =
        new(() => LonLat(Cities), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Province outlines dissolved from the cities (once per region: every map and run step shares them).</summary>
    public IReadOnlyList<Rendering.ProvinceOutline> Provinces => provinces.Value;

    /// <summary>The cities' outlines in WGS84 lon/lat, in the order of <see cref="Cities"/> (once per region: the GeoJSON of every key year shares them).</summary>
    public IReadOnlyList<Geometry> CitiesLonLat => citiesLonLat.Value;

    /// <summary>
    /// Computes, on the calling thread, what the outputs derive from the region alone (province outlines,
    /// the cities in lon/lat snapped for GeoJSON), so that a run can do it while the projection keeps the
    /// other core busy; the results are the same whichever thread computes them first.
    /// </summary>
    public void PrepareOutlines()
    {
        _ = Provinces;
        foreach (Geometry g in CitiesLonLat)
        {
            GeoJsonWriter.Snapped(g, VectorLayerSpec.DefaultCoordinatePrecision);
        }
    }

    private static List<Geometry> LonLat(IReadOnlyList<CityRecord> cities)
    {
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        return [.. cities.Select(c => toWgs84.Transform(c.Geometry))];
    }

    /// <summary>Suspicious but legal findings in the boundaries (small overlaps), for the console.</summary>
    public IReadOnlyList<Core.Scenarios.ScenarioProblem> Warnings { get; init; } = [];

    /// <summary>Loads the boundaries of <paramref name="region"/> (features whose `region` property matches), projects them to the grid CRS and builds the grid and coverage.</summary>
    public static RegionGeography Load(string boundariesPath, string region, double cellSizeMetres, int marginCells)
    {
        if (!File.Exists(boundariesPath))
        {
            throw new InputError(boundariesPath, "the boundaries file does not exist.", "check the `boundaries:` path in the scenario (relative paths are resolved against the scenario file's folder).");
        }

        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        VectorLayer layer;
        try
        {
            layer = VectorReader.Read(boundariesPath, null, new VectorReadOptions { TargetCrs = albers, SourceCrsIfMissing = wgs84 });
        }
        catch (GdalException e)
        {
            throw new InputError(boundariesPath, "the boundaries file cannot be read: " + e.Message, "give a valid vector file (GeoJSON, GeoPackage, Shapefile) with city polygons.");
        }

        var problems = new List<Core.Scenarios.ScenarioProblem>();
        foreach (string field in new[] { "adcode", "region" })
        {
            if (!layer.FieldNames.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new(boundariesPath, 0, $"layer '{layer.Name}' has no '{field}' attribute.", "add the attribute (adcode = city code, region = region name used by the scenario)."));
            }
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        using var toAlbers = CoordinateTransformer.Create(wgs84, albers);
        var cities = new List<CityRecord>();
        var fids = new List<long>();
        foreach (VectorFeature f in layer.Features)
        {
            if (!string.Equals(Text(f, "region"), region, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Geometry? g = f.Geometry;
            if (g is null || g.IsEmpty || g is not (Polygon or MultiPolygon))
            {
                problems.Add(new(boundariesPath, 0, $"feature {f.Fid} ({Text(f, "name_zh")}) has no polygon geometry.", "give every city a Polygon or MultiPolygon."));
                continue;
            }

            if (!g.IsValid)
            {
                Geometry fixedGeometry = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(g);
                if (fixedGeometry.IsEmpty || !fixedGeometry.IsValid || Math.Abs(fixedGeometry.Area - g.Area) > 0.01 * Math.Abs(g.Area))
                {
                    problems.Add(new(boundariesPath, 0, $"feature {f.Fid} ({Text(f, "name_zh")}) has an invalid polygon that cannot be repaired safely.", "repair it in GIS software (e.g. `ogr2ogr -makevalid`)."));
                    continue;
                }

                g = fixedGeometry;
            }

            double seatX = double.NaN, seatY = double.NaN;
            if (Number(f, "seat_lon") is double lon && Number(f, "seat_lat") is double lat)
            {
                if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
                {
                    problems.Add(new(boundariesPath, 0, $"feature {f.Fid} ({Text(f, "name_zh")}) has seat_lon {lon}, seat_lat {lat}, which are not WGS84 degrees.",
                        "give the city seat in decimal degrees (longitude −180..180, latitude −90..90), or remove seat_lon/seat_lat to use a point inside the polygon."));
                    continue;
                }

                (seatX, seatY) = toAlbers.Transform(lon, lat);
            }
            else
            {
                Point c = g.InteriorPoint;
                (seatX, seatY) = (c.X, c.Y);
            }

            cities.Add(new CityRecord(Text(f, "adcode"), Text(f, "name_zh"), Text(f, "name_en_unique") is { Length: > 0 } u ? u : Text(f, "name_en"), Text(f, "province"), g, seatX, seatY));
            fids.Add(f.Fid);
        }

        var tagged = cities.Zip(fids).ToList();
        problems.AddRange(BoundaryChecks.Adcodes(boundariesPath, tagged));
        if (problems.Count == 0)
        {
            using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
            problems.AddRange(BoundaryChecks.StrayParts(boundariesPath, tagged, (x, y) => toWgs84.Transform(x, y)));
        }

        if (cities.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(boundariesPath, 0, $"no feature has region = '{region}'.", "set `region:` in the scenario to a value of the boundaries' `region` attribute, or add that attribute."));
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        var envelope = new Envelope();
        foreach (CityRecord c in cities)
        {
            envelope.ExpandToInclude(c.Geometry.EnvelopeInternal);
        }

        var grid = GridSpec.Covering(region, envelope, cellSizeMetres, marginCells);
        var polygons = cities.Select(c => new CityPolygon(c.Adcode, c.Geometry) { NameZh = c.NameZh, NameEn = c.NameEn }).ToList();
        CityCoverage coverage = CityCoverage.Build(grid, polygons);
        var (overlaps, warnings) = BoundaryChecks.Overlaps(boundariesPath, coverage);
        if (overlaps.Count > 0)
        {
            throw new InputError(overlaps);
        }

        var infos = cities.Select(c => new CityInfo(c.Adcode, c.NameZh, c.NameEn, c.SeatX, c.SeatY)).ToList();
        return new RegionGeography(region, grid, cities, coverage, CoverageGeography.ToCellGeography(coverage, infos)) { Warnings = warnings };
    }

    private static string Text(VectorFeature f, string key) =>
        f.Attributes.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.ToString() ?? string.Empty;

    private static double? Number(VectorFeature f, string key) =>
        f.Attributes.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value switch
        {
            double d => d,
            long l => l,
            string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) => v,
            _ => null,
        };
}

/// <summary>A city polygon in grid CRS with its names and seat.</summary>
public sealed record CityRecord(string Adcode, string NameZh, string NameEn, string Province, Geometry Geometry, double SeatX, double SeatY);
