using System.Globalization;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridEmissions.Bench.National;

/// <summary>
/// Synthesises ~370 city seats for mainland China from the bundled GEM coal-unit file: one seat
/// per distinct "Major area (prefecture, district)" at the mean of its plants' coordinates, then
/// lattice points (farthest from any seat first) inside the seats' convex hull buffered by
/// 100 km until the wanted count. Deterministic: same file, same seats.
/// </summary>
public static class NationalSeats
{
    /// <summary>Seats wanted (≈ the number of prefecture-level units of mainland China).</summary>
    public const int Wanted = 370;

    /// <summary>Buffer around the seats' hull, metres.</summary>
    public const double HullBufferMetres = 100_000;

    /// <summary>Builds the seats from the slim coal table.</summary>
    public static IReadOnlyList<Seat> Build(CsvTable coal, Envelope extent)
    {
        ArgumentNullException.ThrowIfNull(coal);
        ArgumentNullException.ThrowIfNull(extent);
        int plant = coal.ColumnIndex("Plant name"), prefecture = coal.ColumnIndex("Major area (prefecture, district)"),
            province = coal.ColumnIndex("Subnational unit (province, state)"), lat = coal.ColumnIndex("Latitude"), lon = coal.ColumnIndex("Longitude");
        if (Math.Min(Math.Min(plant, prefecture), Math.Min(province, Math.Min(lat, lon))) < 0)
        {
            throw new InvalidOperationException($"{coal.File} lacks one of the columns Plant name, Major area (prefecture, district), Subnational unit (province, state), Latitude, Longitude");
        }

        // prefecture → plant → first coordinates of the plant
        var plants = new SortedDictionary<string, Dictionary<string, (double Lon, double Lat)>>(StringComparer.Ordinal);
        foreach (CsvRow row in coal.Rows)
        {
            string pref = row[prefecture].Trim();
            if (pref.Length == 0
                || !double.TryParse(row[lon], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
                || !double.TryParse(row[lat], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
            {
                continue;
            }

            string key = row[province].Trim() + "/" + pref;
            if (!plants.TryGetValue(key, out var byPlant))
            {
                plants[key] = byPlant = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            }

            byPlant.TryAdd(row[plant], (x, y));
        }

        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toAlbers = CoordinateTransformer.Create(wgs84, albers);
        var seats = new List<Seat>();
        foreach (var (name, byPlant) in plants)
        {
            (double ax, double ay) = toAlbers.Transform(byPlant.Values.Average(p => p.Lon), byPlant.Values.Average(p => p.Lat));
            if (extent.Contains(ax, ay) && !seats.Any(s => Distance(s.X, s.Y, ax, ay) < 5_000))
            {
                seats.Add(new Seat(Key(seats.Count), name, ax, ay, false));
            }
        }

        TopUp(seats, extent);
        return seats;
    }

    /// <summary>The seats' convex hull buffered by <see cref="HullBufferMetres"/> and clipped to the extent: the synthetic country.</summary>
    public static Geometry Region(IReadOnlyList<Seat> seats, Envelope extent)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var factory = new GeometryFactory();
        Geometry hull = factory.CreateMultiPointFromCoords(seats.Select(s => new Coordinate(s.X, s.Y)).ToArray()).ConvexHull();
        return hull.Buffer(HullBufferMetres).Intersection(factory.ToGeometry(extent));
    }

    private static void TopUp(List<Seat> seats, Envelope extent)
    {
        var prepared = PreparedGeometryFactory.Prepare(Region(seats, extent));
        var factory = new GeometryFactory();
        const double spacing = 25_000;
        var candidates = new List<Coordinate>();
        for (double y = Math.Ceiling(extent.MinY / spacing) * spacing; y < extent.MaxY; y += spacing)
        {
            for (double x = Math.Ceiling(extent.MinX / spacing) * spacing; x < extent.MaxX; x += spacing)
            {
                if (prepared.Contains(factory.CreatePoint(new Coordinate(x, y))))
                {
                    candidates.Add(new Coordinate(x, y));
                }
            }
        }

        var nearest = candidates.Select(c => seats.Min(s => Distance(s.X, s.Y, c.X, c.Y))).ToArray();
        int lattice = 0;
        while (seats.Count < Wanted && candidates.Count > 0)
        {
            int best = 0;
            for (int i = 1; i < nearest.Length; i++)
            {
                if (nearest[i] > nearest[best])
                {
                    best = i;
                }
            }

            Coordinate c = candidates[best];
            seats.Add(new Seat(Key(seats.Count), string.Create(CultureInfo.InvariantCulture, $"lattice {++lattice}"), c.X, c.Y, true));
            for (int i = 0; i < nearest.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance(c.X, c.Y, candidates[i].X, candidates[i].Y));
            }
        }
    }

    private static string Key(int index) => string.Create(CultureInfo.InvariantCulture, $"9{index:00000}");

    private static double Distance(double x0, double y0, double x1, double y1) => Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
}
