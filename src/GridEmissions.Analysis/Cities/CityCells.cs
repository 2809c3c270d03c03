using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// The cells of one city polygon: runs of whole cells inside it (row by row, in cell order) and the
/// cells its boundary cuts with their exact fraction (in the order the boundary walk finds them),
/// plus the covered area. Independent of every other city, so cities can be computed in parallel.
/// </summary>
/// <param name="Interior">Runs of cells wholly inside, fraction 1, ascending.</param>
/// <param name="CutCells">Boundary cells with a positive area inside, in boundary-walk order.</param>
/// <param name="CutFractions">Their fractions (area ÷ cell area, at most 1).</param>
/// <param name="CoveredM2">Area of the polygon inside the grid: the interior cells' areas added one by one, then the cut cells' areas.</param>
internal sealed record CityCells(List<CoverageRun> Interior, int[] CutCells, double[] CutFractions, double CoveredM2)
{
    // Below this many boundary cells the clipping of a city stays on the calling thread.
    private const int ParallelBoundaryCells = 512;

    /// <summary>Computes the cells of a valid polygon.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="geometry">The city polygon, valid, in grid CRS metres.</param>
    /// <param name="scratch">The calling thread's buffers.</param>
    /// <param name="parallelClip">Whether the boundary cells may be clipped on several threads.</param>
    public static CityCells Of(GridSpec grid, Geometry geometry, CellScratch scratch, bool parallelClip)
    {
        var window = CellWindow.Around(grid, geometry.EnvelopeInternal);
        int[] marks = scratch.Marks(window.Length);
        int stamp = scratch.NextStamp();
        var boundary = new List<int>();
        BoundaryCells.Collect(grid, geometry, window, marks, stamp, boundary);

        var crossings = RowCrossings.Of(grid, geometry, window);
        double s = grid.CellSizeMetres, gridMinX = grid.MinX;
        double cellArea = s * s;
        double coveredM2 = 0;
        var interior = new List<CoverageRun>();
        for (int r = window.FirstRow; r < window.FirstRow + window.Rows; r++)
        {
            // Scanline: the cells between two boundary cells of a row touch no boundary, so they are
            // all inside or all outside, and the first one's centre (no ring within half a cell of it)
            // decides the run by the parity of the row's crossings west of it.
            ReadOnlySpan<double> xs = crossings.Row(r - window.FirstRow);
            int west = 0;
            int c = window.FirstColumn;
            int c1 = window.FirstColumn + window.Columns - 1;
            int rowStart = r * grid.Columns;
            int rowMark = window.Of(r, window.FirstColumn) - window.FirstColumn;
            while (c <= c1)
            {
                if (marks[rowMark + c] == stamp)
                {
                    c++;
                    continue;
                }

                int runEnd = c;
                while (runEnd + 1 <= c1 && marks[rowMark + runEnd + 1] != stamp)
                {
                    runEnd++;
                }

                double xc = gridMinX + ((c + 0.5) * s);
                while (west < xs.Length && xs[west] < xc)
                {
                    west++;
                }

                if ((west & 1) == 1)
                {
                    interior.Add(new CoverageRun(rowStart + c, runEnd - c + 1, 1.0));
                    for (int k = c; k <= runEnd; k++)
                    {
                        coveredM2 += cellArea;
                    }
                }

                c = runEnd + 1;
            }
        }

        var (cutCells, cutFractions, cutM2) = Cut(grid, geometry, boundary, scratch, parallelClip && boundary.Count >= ParallelBoundaryCells);
        return new CityCells(interior, cutCells, cutFractions, coveredM2 + cutM2);
    }

    // Exact areas of the boundary cells: area(polygon ∩ cell) = Σ |shell ∩ cell| − Σ |hole ∩ cell|,
    // each term what NTS's RingClipper (the rectangle clipper inside OverlayNG) gives on the whole
    // ring (for a convex clip window the clipped ring, degenerate edges and all, encloses exactly
    // ring ∩ cell), computed by RingCellClipper from the ring's reduced runs only. The cells are
    // taken in boundary order, so the entries and the covered sum do not depend on the threads.
    private static (int[] Cells, double[] Fractions, double CoveredM2) Cut(GridSpec grid, Geometry geometry, List<int> boundary, CellScratch scratch, bool parallel)
    {
        double cellArea = grid.CellSizeMetres * grid.CellSizeMetres;
        var rings = new List<RingCellClipper>();
        for (int g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is Polygon polygon)
            {
                rings.Add(new RingCellClipper(polygon.ExteriorRing.Coordinates, hole: false));
                foreach (var hole in polygon.InteriorRings)
                {
                    rings.Add(new RingCellClipper(hole.Coordinates, hole: true));
                }
            }
        }

        var areas = new double[boundary.Count];
        void Slice(int from, int to, CellRingClip clip)
        {
            for (int k = from; k < to; k++)
            {
                var env = grid.CellEnvelope(boundary[k]);
                double area = 0;
                foreach (var ring in rings)
                {
                    if (!ring.Envelope.Intersects(env))
                    {
                        continue;
                    }

                    double a = ring.AreaIn(env, clip);
                    area += ring.Hole ? -a : a;
                }

                areas[k] = area;
            }
        }

        if (parallel)
        {
            int slices = Environment.ProcessorCount;
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
                Slice((int)((long)boundary.Count * slice / slices), (int)((long)boundary.Count * (slice + 1) / slices), new CellRingClip()));
        }
        else
        {
            Slice(0, boundary.Count, scratch.Clip);
        }

        var cells = new List<int>();
        var fractions = new List<double>();
        double covered = 0;
        for (int k = 0; k < boundary.Count; k++)
        {
            double area = areas[k];
            if (area > 0)
            {
                cells.Add(boundary[k]);
                fractions.Add(Math.Min(area / cellArea, 1.0));
                covered += area;
            }
        }

        return ([.. cells], [.. fractions], covered);
    }
}
