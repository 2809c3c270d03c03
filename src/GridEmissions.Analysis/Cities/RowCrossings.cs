using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// Where a polygon's rings cross the centre line of each row of its window, sorted along the row. A
/// point on a row's centre line that no ring touches is inside the polygon exactly when an odd number
/// of crossings lie west of it (the crossing number, half-open in y: an edge crosses the line
/// y = yc when one end is above it and the other is not). For a valid polygon this is the polygon's
/// interior, holes and several parts included.
/// </summary>
internal sealed class RowCrossings
{
    private readonly int[] _start;
    private readonly double[] _x;

    private RowCrossings(int[] start, double[] x)
    {
        _start = start;
        _x = x;
    }

    /// <summary>The crossings of <paramref name="polygonal"/>'s rings with the centre lines of the window's rows.</summary>
    public static RowCrossings Of(GridSpec grid, Geometry polygonal, CellWindow window)
    {
        var rings = new List<CoordinateSequence>();
        for (int g = 0; g < polygonal.NumGeometries; g++)
        {
            if (polygonal.GetGeometryN(g) is Polygon polygon)
            {
                rings.Add(polygon.ExteriorRing.CoordinateSequence);
                foreach (var hole in polygon.InteriorRings)
                {
                    rings.Add(hole.CoordinateSequence);
                }
            }
        }

        // Two passes over the edges: count the crossings of each row, then place them.
        var start = new int[window.Rows + 1];
        foreach (var ring in rings)
        {
            Visit(grid, ring, window, (row, _) => start[row + 1]++);
        }

        for (int r = 0; r < window.Rows; r++)
        {
            start[r + 1] += start[r];
        }

        var x = new double[start[window.Rows]];
        var next = start[..^1];
        foreach (var ring in rings)
        {
            Visit(grid, ring, window, (row, cx) => x[next[row]++] = cx);
        }

        for (int r = 0; r < window.Rows; r++)
        {
            Array.Sort(x, start[r], start[r + 1] - start[r]);
        }

        return new RowCrossings(start, x);
    }

    /// <summary>The sorted crossings on the centre line of the window's row <paramref name="windowRow"/>.</summary>
    public ReadOnlySpan<double> Row(int windowRow) => _x.AsSpan(_start[windowRow], _start[windowRow + 1] - _start[windowRow]);

    // Calls crossing(window row, x) for every row centre line an edge of the ring crosses.
    private static void Visit(GridSpec grid, CoordinateSequence ring, CellWindow window, Action<int, double> crossing)
    {
        double s = grid.CellSizeMetres, gridMaxY = grid.MaxY;
        int last = window.FirstRow + window.Rows - 1;
        for (int k = 1; k < ring.Count; k++)
        {
            double x0 = ring.GetX(k - 1), y0 = ring.GetY(k - 1), x1 = ring.GetX(k), y1 = ring.GetY(k);
            if (y0 == y1)
            {
                continue;
            }

            // Rows whose centre yc = MaxY - (r + 0.5) s may lie in [min y, max y), one row of margin for
            // rounding; the exact test below decides. (Clamped before the conversion to int.)
            int r0 = (int)Math.Max(window.FirstRow, Math.Floor(((gridMaxY - Math.Max(y0, y1)) / s) - 0.5));
            int r1 = (int)Math.Min(last, Math.Floor(((gridMaxY - Math.Min(y0, y1)) / s) - 0.5) + 1);
            for (int r = r0; r <= r1; r++)
            {
                double yc = gridMaxY - ((r + 0.5) * s);
                if ((y0 > yc) != (y1 > yc))
                {
                    crossing(r - window.FirstRow, x0 + ((yc - y0) * (x1 - x0) / (y1 - y0)));
                }
            }
        }
    }
}
