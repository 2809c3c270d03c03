using System.Globalization;
using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Proxies;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GridEmissions.Bench.National;

/// <summary>
/// Synthetic proxies at the seats: a populated place per seat (log-normal population drawn from
/// the seed), an urban area per seat (a disc holding half its people at 10,000 per km²), and a
/// corridor network of the seats' Delaunay edges (the longest 20 % trunk, the rest regional).
/// For benchmarking only: sizes and counts are realistic, places are not.
/// </summary>
public static class NationalProxies
{
    /// <summary>Median population of a prefecture seat (people).</summary>
    public const double MedianSeatPopulation = 1_200_000;

    /// <summary>One place per seat.</summary>
    public static IReadOnlyList<PopulationPlace> Places(IReadOnlyList<Seat> seats, int seed)
    {
        ArgumentNullException.ThrowIfNull(seats);
        return seats.Select(s =>
        {
            double u1 = Math.Max(StableRandom.Uniform(seed, "pop-a:" + s.Key), 1e-12), u2 = StableRandom.Uniform(seed, "pop-b:" + s.Key);
            double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            double population = Math.Clamp(MedianSeatPopulation * Math.Exp(0.8 * z) * (s.FromLattice ? 0.3 : 1), 100_000, 25_000_000);
            return new PopulationPlace(s.Name, s.X, s.Y, Math.Round(population));
        }).ToList();
    }

    /// <summary>An urban disc around each place.</summary>
    public static IReadOnlyList<Geometry> UrbanAreas(IReadOnlyList<PopulationPlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var factory = new GeometryFactory();
        return places.Select(p =>
        {
            double areaKm2 = p.Population * 0.5 / 10_000;
            return factory.CreatePoint(new Coordinate(p.X, p.Y)).Buffer(Math.Sqrt(areaKm2 / Math.PI) * 1000, 8);
        }).ToList();
    }

    /// <summary>Delaunay edges of the seats as corridors.</summary>
    public static IReadOnlyList<CorridorLine> Corridors(IReadOnlyList<Seat> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var factory = new GeometryFactory();
        var builder = new DelaunayTriangulationBuilder();
        builder.SetSites(seats.Select(s => new Coordinate(s.X, s.Y)).ToList());
        Geometry edges = builder.GetEdges(factory);
        var lines = Enumerable.Range(0, edges.NumGeometries).Select(i => edges.GetGeometryN(i)).OfType<LineString>().ToList();
        double trunkFrom = lines.Select(l => l.Length).Order().ElementAt((int)(0.8 * lines.Count));
        return lines.Select((l, i) => new CorridorLine(string.Create(CultureInfo.InvariantCulture, $"edge-{i}"), l.Length >= trunkFrom ? "trunk" : "regional", l)).ToList();
    }
}
