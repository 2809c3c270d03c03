using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering.Tests;

/// <summary>
/// The repository's city and province boundaries, projected to the grid CRS for rendering tests.
/// Test-only: ellipsoidal Albers forward formulas (Snyder 1987, eq. 14-1..14-14) with the
/// parameters of Core's ChinaAlbers; the CLI uses the real projection path.
/// </summary>
internal static class RealBoundaries
{
    private const double A = 6378137, E2 = 0.00669437999014;
    private static readonly double E = Math.Sqrt(E2);
    private static readonly double N, C, Rho0;

    static RealBoundaries()
    {
        double p1 = 25 * Math.PI / 180, p2 = 47 * Math.PI / 180;
        double m1 = M(p1), m2 = M(p2), q1 = Q(p1), q2 = Q(p2);
        N = (m1 * m1 - m2 * m2) / (q2 - q1);
        C = m1 * m1 + N * q1;
        Rho0 = A * Math.Sqrt(C - N * Q(0)) / N;
    }

    internal static Coordinate Project(double lon, double lat)
    {
        double phi = lat * Math.PI / 180, theta = N * (lon - 105) * Math.PI / 180;
        double rho = A * Math.Sqrt(C - N * Q(phi)) / N;
        return new Coordinate(rho * Math.Sin(theta), Rho0 - rho * Math.Cos(theta));
    }

    private static double M(double phi) => Math.Cos(phi) / Math.Sqrt(1 - E2 * Math.Sin(phi) * Math.Sin(phi));

    private static double Q(double phi)
    {
        double s = Math.Sin(phi);
        return (1 - E2) * (s / (1 - E2 * s * s) - 1 / (2 * E) * Math.Log((1 - E * s) / (1 + E * s)));
    }

    internal static string RepoFile(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' not found above {AppContext.BaseDirectory}");
    }

    internal static List<BoundaryFeature> Cities(string region)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RepoFile("boundaries/cities.geojson")));
        var list = new List<BoundaryFeature>();
        foreach (JsonElement f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            JsonElement p = f.GetProperty("properties");
            if (p.GetProperty("region").GetString() != region)
            {
                continue;
            }

            list.Add(new BoundaryFeature(
                Geometry(f.GetProperty("geometry")),
                p.GetProperty("name_zh").GetString()!,
                p.GetProperty("name_en").GetString()!,
                Project(p.GetProperty("seat_lon").GetDouble(), p.GetProperty("seat_lat").GetDouble())));
        }

        return list;
    }

    internal static List<ProvinceOutline> Provinces(string region)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RepoFile("boundaries/provinces.geojson")));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("region").GetString() == region)
            .Select(f => new ProvinceOutline(Geometry(f.GetProperty("geometry")), f.GetProperty("properties").GetProperty("province").GetString()!))];
    }

    private static Geometry Geometry(JsonElement g)
    {
        string type = g.GetProperty("type").GetString()!;
        JsonElement coords = g.GetProperty("coordinates");
        return type switch
        {
            "Polygon" => Polygon(coords),
            "MultiPolygon" => Fixtures.Factory.CreateMultiPolygon([.. coords.EnumerateArray().Select(Polygon)]),
            _ => throw new InvalidDataException($"unexpected geometry type {type}"),
        };
    }

    private static Polygon Polygon(JsonElement rings)
    {
        LinearRing[] r = [.. rings.EnumerateArray().Select(ring => Fixtures.Factory.CreateLinearRing(
            [.. ring.EnumerateArray().Select(c => Project(c[0].GetDouble(), c[1].GetDouble()))]))];
        return Fixtures.Factory.CreatePolygon(r[0], r[1..]);
    }
}
