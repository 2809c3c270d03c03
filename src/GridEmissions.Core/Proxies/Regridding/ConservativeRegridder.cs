using GridEmissions.Core.Grids;

namespace GridEmissions.Core.Proxies.Regridding;

/// <summary>A raster regridded onto a run's lattice.</summary>
/// <param name="Values">Per target cell: the count it receives, or the area-weighted mean fraction (0 where no valid source covers it).</param>
/// <param name="CoveredFraction">Per target cell: the share of its area covered by source cells (valid or nodata), 0..1.</param>
/// <param name="ValidFraction">Per target cell: the share of its area covered by valid (not nodata) source cells, 0..1.</param>
/// <param name="SourceTotal">For counts: the sum of the valid source values whose cells touch the lattice's extent; 0 for fractions.</param>
public sealed record RegridResult(double[] Values, double[] CoveredFraction, double[] ValidFraction, double SourceTotal);

/// <summary>
/// Conservative regridding by exact area overlaps: every source cell polygon (in the target CRS,
/// see <see cref="SourceRaster"/>) is clipped against each target cell its bounding box touches,
/// and the overlap area apportions the value. Counts keep their totals (a target cell receives
/// value × overlap / source-cell area, so a source cell wholly inside the lattice is handed out in
/// full); fractions are averaged over the valid overlap area. Exact, up to rounding, when source
/// and target share a CRS and are axis-aligned; for a reprojected raster the only approximation is
/// the densified (piecewise-straight) cell edges. Work scales with the source cells times the
/// target cells each one touches.
/// </summary>
public static class ConservativeRegridder
{
    /// <summary>Regrids <paramref name="source"/> onto <paramref name="grid"/>. Throws <see cref="ProxyRasterException"/> on negative counts, fractions outside 0..1 or non-finite values other than nodata.</summary>
    public static RegridResult Regrid(SourceRaster source, GridSpec grid, RasterQuantity quantity)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(grid);
        source.CheckShape();
        CheckValues(source, quantity);
        int n = grid.CellCount;
        var sum = new double[n];
        var covered = new double[n];
        var valid = new double[n];
        int d = source.Densify, nodeColumns = source.NodeColumns, perimeter = 4 * d;
        var xs = new double[perimeter];
        var ys = new double[perimeter];
        var clipper = new PolygonClipper();
        double size = grid.CellSizeMetres, cellArea = size * size, sourceTotal = 0;
        for (int r = 0; r < source.Rows; r++)
        {
            for (int c = 0; c < source.Columns; c++)
            {
                double v = source.Values[((long)r * source.Columns) + c];
                CellPolygon(source, r, c, d, nodeColumns, xs, ys);
                if (!Bounds(xs, ys, out double x0, out double x1, out double y0, out double y1) || x1 <= grid.MinX || x0 >= grid.MaxX || y1 <= grid.MinY || y0 >= grid.MaxY)
                {
                    continue; // outside the lattice (or a node that could not be transformed)
                }

                double area = PolygonClipper.Area(xs, ys);
                if (!(area > 0))
                {
                    continue;
                }

                bool isValid = !double.IsNaN(v);
                if (isValid && quantity == RasterQuantity.Count)
                {
                    sourceTotal += v;
                }

                int c0 = Math.Max(0, (int)Math.Floor((x0 - grid.MinX) / size)), c1 = Math.Min(grid.Columns - 1, (int)Math.Floor((x1 - grid.MinX) / size));
                int r0 = Math.Max(0, (int)Math.Floor((grid.MaxY - y1) / size)), r1 = Math.Min(grid.Rows - 1, (int)Math.Floor((grid.MaxY - y0) / size));
                for (int tr = r0; tr <= r1; tr++)
                {
                    double top = grid.MaxY - (tr * size), bottom = top - size;
                    for (int tc = c0; tc <= c1; tc++)
                    {
                        double left = grid.MinX + (tc * size);
                        double overlap = clipper.AreaInside(xs, ys, left, left + size, bottom, top);
                        if (overlap <= 0)
                        {
                            continue;
                        }

                        int i = (tr * grid.Columns) + tc;
                        covered[i] += overlap;
                        if (isValid)
                        {
                            valid[i] += overlap;
                            sum[i] += quantity == RasterQuantity.Count ? v * overlap / area : v * overlap;
                        }
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (quantity == RasterQuantity.Fraction)
            {
                sum[i] = valid[i] > 0 ? Math.Clamp(sum[i] / valid[i], 0, 1) : 0;
            }

            covered[i] = Math.Min(1, covered[i] / cellArea);
            valid[i] = Math.Min(1, valid[i] / cellArea);
        }

        return new RegridResult(sum, covered, valid, sourceTotal);
    }

    /// <summary>
    /// Cells of the region that the raster does not cover: a cell is short when less of its area is
    /// covered than lies inside the region (minus <paramref name="tolerance"/> of the cell). Up to
    /// <paramref name="max"/> cell indices, in cell order.
    /// </summary>
    public static IReadOnlyList<int> Uncovered(RegridResult result, IReadOnlyList<double> regionFraction, double tolerance = 0.01, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(regionFraction);
        var cells = new List<int>();
        for (int i = 0; i < regionFraction.Count && cells.Count < max; i++)
        {
            if (regionFraction[i] > 0 && result.CoveredFraction[i] < regionFraction[i] - tolerance)
            {
                cells.Add(i);
            }
        }

        return cells;
    }

    private static void CheckValues(SourceRaster source, RasterQuantity quantity)
    {
        for (int i = 0; i < source.Values.Length; i++)
        {
            double v = source.Values[i];
            if (double.IsNaN(v))
            {
                continue; // nodata
            }

            bool bad = double.IsInfinity(v) || v < 0 || (quantity == RasterQuantity.Fraction && v > 1 + 1e-9);
            if (bad)
            {
                int row = i / source.Columns, column = i % source.Columns;
                string expected = quantity == RasterQuantity.Count ? "a count must be finite and non-negative" : "a fraction must lie in 0..1";
                throw new ProxyRasterException(source.Name, FormattableString.Invariant($"holds {v} at column {column}, row {row}: {expected}"),
                    quantity == RasterQuantity.Count ? "fix the value or mark it as nodata (gdal_edit.py -a_nodata)." : "give fractions (0..1), not percentages or class codes.");
            }
        }
    }

    // The cell's boundary, counter-clockwise in raster order: top edge west→east, east edge down, bottom edge back, west edge up.
    private static void CellPolygon(SourceRaster s, int r, int c, int d, int nodeColumns, double[] xs, double[] ys)
    {
        int k = 0;
        int top = r * d, bottom = (r + 1) * d, left = c * d, right = (c + 1) * d;
        for (int j = left; j < right; j++)
        {
            Put(s, (top * nodeColumns) + j, xs, ys, ref k);
        }

        for (int j = top; j < bottom; j++)
        {
            Put(s, (j * nodeColumns) + right, xs, ys, ref k);
        }

        for (int j = right; j > left; j--)
        {
            Put(s, (bottom * nodeColumns) + j, xs, ys, ref k);
        }

        for (int j = bottom; j > top; j--)
        {
            Put(s, (j * nodeColumns) + left, xs, ys, ref k);
        }
    }

    private static void Put(SourceRaster s, int node, double[] xs, double[] ys, ref int k)
    {
        xs[k] = s.NodeX[node];
        ys[k] = s.NodeY[node];
        k++;
    }

    /// <summary>The bounding box of a ring's vertices; false when a vertex is not finite (shared with <see cref="OverlapMatrix"/>).</summary>
    internal static bool Bounds(double[] xs, double[] ys, out double x0, out double x1, out double y0, out double y1)
    {
        x0 = y0 = double.PositiveInfinity;
        x1 = y1 = double.NegativeInfinity;
        for (int i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
            {
                return false;
            }

            x0 = Math.Min(x0, xs[i]);
            x1 = Math.Max(x1, xs[i]);
            y0 = Math.Min(y0, ys[i]);
            y1 = Math.Max(y1, ys[i]);
        }

        return true;
    }
}
