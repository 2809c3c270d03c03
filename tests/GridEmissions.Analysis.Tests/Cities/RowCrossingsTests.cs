using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests.Cities;

/// <summary>
/// The crossing-number test on row centre lines against NTS's point-in-area locator, at every cell
/// centre off the boundary, on polygons with holes and several parts whose vertices and horizontal
/// edges are snapped onto the row centre lines (the half-open rule's cases).
/// </summary>
public sealed class RowCrossingsTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parity_west_of_a_cell_centre_is_the_locators_interior(int seed)
    {
        var random = new Random(seed);
        var grid = new GridSpec("test", 1.0, 0, 39, 40, 40);
        int polygons = 0, inside = 0, outside = 0;
        for (int attempt = 0; attempt < 60; attempt++)
        {
            Geometry geometry = Factory.CreateMultiPolygon([Star(random, 12, 14), Star(random, 28, 25)]);
            if (!geometry.IsValid)
            {
                continue;
            }

            polygons++;
            var window = CellWindow.Around(grid, geometry.EnvelopeInternal);
            var crossings = RowCrossings.Of(grid, geometry, window);
            var locator = new IndexedPointInAreaLocator(geometry);
            for (int r = window.FirstRow; r < window.FirstRow + window.Rows; r++)
            {
                ReadOnlySpan<double> xs = crossings.Row(r - window.FirstRow);
                for (int c = window.FirstColumn; c < window.FirstColumn + window.Columns; c++)
                {
                    Coordinate centre = grid.CellCentre((r * grid.Columns) + c);
                    Location expected = locator.Locate(centre);
                    if (expected == Location.Boundary)
                    {
                        continue;
                    }

                    int west = 0;
                    foreach (double x in xs)
                    {
                        west += x < centre.X ? 1 : 0;
                    }

                    Assert.True((west % 2 == 1) == (expected == Location.Interior), $"seed {seed}, polygon {attempt}, cell ({c}, {r}) at {centre}: {west} crossings west, locator {expected}");
                    inside += expected == Location.Interior ? 1 : 0;
                    outside += expected == Location.Exterior ? 1 : 0;
                }
            }
        }

        Assert.True(polygons >= 30 && inside > 1000 && outside > 1000, $"too few cases: {polygons} valid polygons, {inside} inside, {outside} outside");
    }

    // A star-shaped polygon around (cx, cy) with a star-shaped hole; half the vertices have y snapped to
    // a row centre line (k + 0.5), and some edges are made horizontal on such a line.
    private static Polygon Star(Random random, double cx, double cy)
    {
        return Factory.CreatePolygon(Ring(random, cx, cy, 5, 10), [Ring(random, cx, cy, 1, 2.5)]);
    }

    private static LinearRing Ring(Random random, double cx, double cy, double rMin, double rMax)
    {
        int n = 8 + random.Next(17);
        var points = new List<Coordinate>();
        for (int i = 0; i < n; i++)
        {
            double a = (i + (0.6 * (random.NextDouble() - 0.5))) * 2 * Math.PI / n;
            double radius = rMin + ((rMax - rMin) * random.NextDouble());
            double x = cx + (radius * Math.Cos(a)), y = cy + (radius * Math.Sin(a));
            if (random.Next(2) == 0)
            {
                y = Math.Floor(y) + 0.5;
            }

            if (points.Count > 0 && Math.Abs(points[^1].Y - y) < 0.5 && random.Next(2) == 0)
            {
                y = points[^1].Y;
            }

            points.Add(new Coordinate(x, y));
        }

        points.Add(points[0].Copy());
        return Factory.CreateLinearRing([.. points]);
    }
}
