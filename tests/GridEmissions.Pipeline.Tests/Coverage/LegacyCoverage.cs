using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridEmissions.Pipeline.Tests.Coverage;

/// <summary>
/// The coverage computation as it was before the outcode-run clipper (commit 49023b8): every cell
/// of a city's envelope that no boundary passes through gets a point test, every boundary cell (the builder's own
/// boundary walk) clips every ring of the city whole with NTS's RingClipper. The reference the fast builder must
/// reproduce bit for bit.
/// </summary>
internal static class LegacyCoverage
{
    public static List<CellCityFraction> Entries(GridSpec grid, IReadOnlyList<CityPolygon> cities)
    {
        var entries = new List<CellCityFraction>();
        for (int city = 0; city < cities.Count; city++)
        {
            Geometry geometry = cities[city].Geometry;
            var boundary = BoundaryCellsOf(grid, geometry);
            var locator = new IndexedPointInAreaLocator(geometry);
            var env = geometry.EnvelopeInternal;
            var (c0, c1) = Columns(grid, env.MinX, env.MaxX);
            var (r0, r1) = Rows(grid, env.MinY, env.MaxY);
            for (int r = r0; r <= r1; r++)
            {
                for (int c = c0; c <= c1; c++)
                {
                    int cell = (r * grid.Columns) + c;
                    if (!boundary.Contains(cell) && locator.Locate(grid.CellCentre(cell)) == Location.Interior)
                    {
                        entries.Add(new CellCityFraction(cell, city, 1.0));
                    }
                }
            }

            var rings = new List<(Coordinate[] Points, Envelope Envelope, bool Hole)>();
            for (int g = 0; g < geometry.NumGeometries; g++)
            {
                if (geometry.GetGeometryN(g) is Polygon polygon)
                {
                    rings.Add((polygon.ExteriorRing.Coordinates, polygon.ExteriorRing.EnvelopeInternal, false));
                    rings.AddRange(polygon.InteriorRings.Select(h => (h.Coordinates, h.EnvelopeInternal, true)));
                }
            }

            double cellArea = grid.CellSizeMetres * grid.CellSizeMetres;
            foreach (int cell in boundary.Order())
            {
                var cellEnv = grid.CellEnvelope(cell);
                var clipper = new RingClipper(cellEnv);
                double area = 0;
                foreach (var (points, ringEnvelope, hole) in rings)
                {
                    if (ringEnvelope.Intersects(cellEnv))
                    {
                        var clipped = clipper.Clip(points);
                        double a = clipped.Length >= 4 ? Math.Abs(Area.OfRingSigned(clipped)) : 0;
                        area += hole ? -a : a;
                    }
                }

                if (area > 0)
                {
                    entries.Add(new CellCityFraction(cell, city, Math.Min(area / cellArea, 1.0)));
                }
            }
        }

        entries.Sort(static (a, b) => a.CellIndex != b.CellIndex ? a.CellIndex.CompareTo(b.CellIndex) : a.CityIndex.CompareTo(b.CityIndex));
        return entries;
    }

    private static HashSet<int> BoundaryCellsOf(GridSpec grid, Geometry geometry)
    {
        var found = new List<int>();
        var window = CellWindow.Around(grid, geometry.EnvelopeInternal);
        BoundaryCells.Collect(grid, geometry, window, new int[window.Length], 1, found);
        return [.. found];
    }

    private static (int, int) Columns(GridSpec grid, double minX, double maxX) =>
        ((int)Math.Max(0, Math.Floor((minX - grid.MinX) / grid.CellSizeMetres) - 1), (int)Math.Min(grid.Columns - 1, Math.Floor((maxX - grid.MinX) / grid.CellSizeMetres) + 1));

    private static (int, int) Rows(GridSpec grid, double minY, double maxY) =>
        ((int)Math.Max(0, Math.Floor((grid.MaxY - maxY) / grid.CellSizeMetres) - 1), (int)Math.Min(grid.Rows - 1, Math.Floor((grid.MaxY - minY) / grid.CellSizeMetres) + 1));
}
