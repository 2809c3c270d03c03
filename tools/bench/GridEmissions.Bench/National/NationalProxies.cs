using System.Globalization;
using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Proxies;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GridEmissions.Bench.National;

/// <summary>
/// Synthetic proxies at the seats: a populated place per seat (log-normal population drawn from
/// the seed), land layers spread around the places (see <see cref="Land"/>), and a
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

    /// <summary>
    /// Land layers from the places: each place's people spread over the cells within 30 km with
    /// density falling as exp(−d / 6 km); built-up share = density / 5,000 inh/km² (at most 1);
    /// cropland the rest of the land, halved.
    /// </summary>
    public static LandLayers Land(CellGeography cells, IReadOnlyList<PopulationPlace> places)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(places);
        var grid = cells.Grid;
        int n = grid.CellCount;
        var residents = new double[n];
        var builtUp = new double[n];
        var cropland = new double[n];
        double size = grid.CellSizeMetres, radius = 30_000, scale = 6_000;
        int reach = (int)Math.Ceiling(radius / size);
        var cellsOf = new List<(int Index, double Weight)>();
        foreach (PopulationPlace p in places)
        {
            if (!grid.TryLocate(p.X, p.Y, out int home))
            {
                continue;
            }

            cellsOf.Clear();
            int hc = grid.ColumnOf(home), hr = grid.RowOf(home);
            for (int r = Math.Max(0, hr - reach); r <= Math.Min(grid.Rows - 1, hr + reach); r++)
            {
                for (int c = Math.Max(0, hc - reach); c <= Math.Min(grid.Columns - 1, hc + reach); c++)
                {
                    int i = grid.Index(c, r);
                    var centre = grid.CellCentre(i);
                    double d = Math.Sqrt(((centre.X - p.X) * (centre.X - p.X)) + ((centre.Y - p.Y) * (centre.Y - p.Y)));
                    if (d <= radius && cells.RegionFraction[i] > 0)
                    {
                        cellsOf.Add((i, Math.Exp(-d / scale)));
                    }
                }
            }

            double sum = cellsOf.Sum(x => x.Weight);
            foreach (var (i, weight) in cellsOf)
            {
                residents[i] += p.Population * weight / sum;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double landKm2 = cells.RegionFraction[i] * grid.CellAreaKm2;
            builtUp[i] = landKm2 > 0 ? Math.Min(1, residents[i] / landKm2 / 5_000) : 0;
            cropland[i] = landKm2 > 0 ? 0.5 * (1 - builtUp[i]) : 0;
            residents[i] += 50 * landKm2; // a rural floor of 50 inh/km² so every land cell has residents
        }

        return new LandLayers(residents, builtUp, cropland);
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

/// <summary>A synthetic place in grid CRS metres (benchmark only).</summary>
public sealed record PopulationPlace(string Name, double X, double Y, double Population);
