using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Triangulate;

namespace GridEmissions.Bench.National;

/// <summary>
/// The national benchmark's geography: a grid over mainland China on the national lattice, the
/// synthetic cities (the Voronoi diagram of the seats clipped to the synthetic country), their
/// exact coverage (built once) and the cells' city/region fractions the models need.
/// </summary>
public sealed record NationalGeography(GridSpec Grid, Geometry Country, IReadOnlyList<Seat> Seats, IReadOnlyList<CityPolygon> Cities, CityCoverage Coverage, CellGeography Cells)
{
    /// <summary>West, east, south and north edges of the grid (China Albers metres): mainland China, every GEM coal unit inside.</summary>
    public static readonly Envelope Extent = new(-2_600_000, 2_300_000, 1_800_000, 5_900_000);

    /// <summary>The lattice-aligned grid of <see cref="Extent"/> at a cell size (a divisor of 100 km).</summary>
    public static GridSpec GridAt(double cellSizeMetres)
    {
        long west = (long)Math.Round(Extent.MinX / cellSizeMetres), north = (long)Math.Round(Extent.MaxY / cellSizeMetres);
        return new GridSpec("China", cellSizeMetres, west, north - 1, checked((int)Math.Round(Extent.Width / cellSizeMetres)), checked((int)Math.Round(Extent.Height / cellSizeMetres)));
    }

    /// <summary>The seats' Voronoi cells clipped to the country, one city per seat.</summary>
    public static IReadOnlyList<CityPolygon> Voronoi(IReadOnlyList<Seat> seats, Geometry country)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(country);
        var factory = new GeometryFactory();
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = Extent };
        builder.SetSites(seats.Select(s => new Coordinate(s.X, s.Y)).ToList());
        var bySite = seats.ToDictionary(s => (s.X, s.Y));
        var cells = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        Geometry diagram = builder.GetDiagram(factory);
        for (int i = 0; i < diagram.NumGeometries; i++)
        {
            Geometry cell = diagram.GetGeometryN(i);
            if (cell.UserData is Coordinate site && bySite.TryGetValue((site.X, site.Y), out Seat? seat))
            {
                Geometry clipped = cell.Intersection(country);
                if (clipped is not (Polygon or MultiPolygon))
                {
                    clipped = factory.BuildGeometry(PolygonExtracter.GetPolygons(clipped));
                }

                if (!clipped.IsEmpty)
                {
                    cells[seat.Key] = clipped;
                }
            }
        }

        return seats.Where(s => cells.ContainsKey(s.Key)).Select(s => new CityPolygon(s.Key, cells[s.Key]) { NameEn = s.Name, NameZh = s.Name }).ToList();
    }

    /// <summary>Per-cell region fraction and main city from the coverage (as the CLI's RegionGeography does).</summary>
    public static CellGeography ToCells(GridSpec grid, CityCoverage coverage, IReadOnlyList<Seat> seats)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(seats);
        var byKey = seats.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var infos = coverage.Cities.Select(c => byKey[c.Key]).Select(s => new CityInfo(s.Key, s.Name, s.Name, s.X, s.Y)).ToList();
        return CoverageGeography.ToCellGeography(coverage, infos);
    }
}
