using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// Finds the cells a polygon's boundary passes through, by walking every ring segment over the
/// cells of its envelope and keeping those whose closed envelope the segment touches. Cells not
/// found here lie wholly inside or wholly outside the polygon, so one point test decides them.
/// </summary>
internal static class BoundaryCells
{
    /// <summary>
    /// Marks boundary cells with <paramref name="stamp"/> in <paramref name="marks"/> (indexed by
    /// <paramref name="window"/>, which must be the window around the polygon) and appends their grid
    /// indices to <paramref name="found"/>.
    /// </summary>
    public static void Collect(GridSpec grid, Geometry polygonal, CellWindow window, int[] marks, int stamp, List<int> found)
    {
        for (int g = 0; g < polygonal.NumGeometries; g++)
        {
            if (polygonal.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            CollectRing(grid, polygon.ExteriorRing.CoordinateSequence, window, marks, stamp, found);
            foreach (var hole in polygon.InteriorRings)
            {
                CollectRing(grid, hole.CoordinateSequence, window, marks, stamp, found);
            }
        }
    }

    // A segment's candidate cells: those whose closed extent comes within this fraction of a cell of the
    // segment's envelope. Liang–Barsky's rounding can accept a cell only at a gap of order 1e-15 of the
    // segment's length, far below it, so every cell TryClip accepts is a candidate.
    private const double CandidateMargin = 1e-6;

    private static void CollectRing(GridSpec grid, CoordinateSequence ring, CellWindow window, int[] marks, int stamp, List<int> found)
    {
        double s = grid.CellSizeMetres, gridMinX = grid.MinX, gridMaxY = grid.MaxY;
        for (int k = 1; k < ring.Count; k++)
        {
            double x0 = ring.GetX(k - 1), y0 = ring.GetY(k - 1), x1 = ring.GetX(k), y1 = ring.GetY(k);
            var (c0, c1) = ColumnRange(grid, Math.Min(x0, x1), Math.Max(x0, x1), CandidateMargin);
            var (r0, r1) = RowRange(grid, Math.Min(y0, y1), Math.Max(y0, y1), CandidateMargin);
            for (int r = r0; r <= r1; r++)
            {
                // The cell's closed extent, as GridSpec.CellEnvelope computes it.
                double cellMaxY = gridMaxY - (r * s), cellMinY = cellMaxY - s;
                for (int c = c0; c <= c1; c++)
                {
                    int mark = window.Of(r, c);
                    if (marks[mark] == stamp)
                    {
                        continue;
                    }

                    double cellMinX = gridMinX + (c * s);
                    if (SegmentClipper.TryClip(x0, y0, x1, y1, cellMinX, cellMinY, cellMinX + s, cellMaxY, out _, out _))
                    {
                        marks[mark] = stamp;
                        found.Add((r * grid.Columns) + c);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Grid columns whose closed extent comes within <paramref name="margin"/> cells of [minX, maxX],
    /// clamped to the grid (empty when First &gt; Last); clamped in double before the conversion to int.
    /// </summary>
    public static (int First, int Last) ColumnRange(GridSpec grid, double minX, double maxX, double margin)
    {
        double s = grid.CellSizeMetres, gridMinX = grid.MinX;
        int c0 = (int)Math.Max(0, Math.Floor(((minX - gridMinX) / s) - margin));
        int c1 = (int)Math.Min(grid.Columns - 1, Math.Floor(((maxX - gridMinX) / s) + margin));
        return (c0, c1);
    }

    /// <summary>Grid rows whose closed extent comes within <paramref name="margin"/> cells of [minY, maxY], as <see cref="ColumnRange"/>.</summary>
    public static (int First, int Last) RowRange(GridSpec grid, double minY, double maxY, double margin)
    {
        double s = grid.CellSizeMetres, gridMaxY = grid.MaxY;
        int r0 = (int)Math.Max(0, Math.Floor(((gridMaxY - maxY) / s) - margin));
        int r1 = (int)Math.Min(grid.Rows - 1, Math.Floor(((gridMaxY - minY) / s) + margin));
        return (r0, r1);
    }
}
