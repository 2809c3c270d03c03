using GridEmissions.Core.Grids;

namespace GridEmissions.Core.Proxies.Regridding;

/// <summary>One exact overlap: target cell <see cref="Target"/> receives <see cref="Weight"/> of source cell <see cref="Source"/>.</summary>
/// <param name="Source">Row-major index of the source (run grid) cell.</param>
/// <param name="Target">Row-major index of the target cell.</param>
/// <param name="Weight">Overlap area ÷ the source cell's total overlap with all target cells (the weights of a source cell sum to 1).</param>
public readonly record struct Overlap(int Source, int Target, double Weight);

/// <summary>
/// The exact-overlap weights of a conservative regrid from a run's equal-area grid onto another
/// lattice (e.g. a lon/lat grid) whose cells are given as polygons in the run grid's CRS (edges
/// densified, nodes shared between neighbouring cells so the polygons tile without gaps). Each
/// target polygon is clipped against every run cell its bounding box touches
/// (<see cref="PolygonClipper"/>); because the run's CRS is equal-area the overlap areas are true
/// areas. A source cell's value is handed out in proportion to its overlaps, normalised so the
/// weights sum to exactly one: mass is conserved cell by cell (to rounding) wherever the target
/// lattice covers the cell, which <see cref="CoveredFraction"/> lets the caller check. Work scales
/// with the target cells times the run cells each one touches.
/// </summary>
public sealed class OverlapMatrix
{
    private readonly Overlap[] _overlaps;
    private readonly double[] _covered;
    private readonly double[] _targetAreaInGrid;
    private readonly int[] _start;

    private OverlapMatrix(GridSpec grid, int targetCells, Overlap[] overlaps, double[] covered, double[] targetAreaInGrid)
    {
        _start = new int[grid.CellCount + 1];
        foreach (Overlap o in overlaps)
        {
            _start[o.Source + 1]++;
        }

        for (int i = 0; i < grid.CellCount; i++)
        {
            _start[i + 1] += _start[i];
        }

        Grid = grid;
        TargetCells = targetCells;
        _overlaps = overlaps;
        _covered = covered;
        _targetAreaInGrid = targetAreaInGrid;
    }

    /// <summary>The source (run) grid.</summary>
    public GridSpec Grid { get; }

    /// <summary>Cells of the target lattice.</summary>
    public int TargetCells { get; }

    /// <summary>Every non-zero overlap, sorted by source cell then target cell.</summary>
    public ReadOnlySpan<Overlap> Overlaps => _overlaps;

    /// <summary>The overlaps of one source cell, by target cell.</summary>
    public ReadOnlySpan<Overlap> OverlapsOf(int source) => _overlaps.AsSpan(_start[source], _start[source + 1] - _start[source]);

    /// <summary>Per source cell: the share of its area the target polygons cover (1 when the target lattice covers it).</summary>
    public ReadOnlySpan<double> CoveredFraction => _covered;

    /// <summary>Per target cell: its area (m², in the run CRS) that lies inside the run grid's extent.</summary>
    public ReadOnlySpan<double> TargetAreaInGrid => _targetAreaInGrid;

    /// <summary>
    /// Builds the weights. <paramref name="nodeX"/>/<paramref name="nodeY"/> are the run-CRS
    /// coordinates of the target mesh nodes, row-major, ((columns × densify + 1) × (rows × densify + 1)),
    /// target cell (c, r) spanning nodes c·d..(c+1)·d and r·d..(r+1)·d.
    /// </summary>
    public static OverlapMatrix Build(GridSpec grid, int columns, int rows, int densify, double[] nodeX, double[] nodeY)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(nodeX);
        ArgumentNullException.ThrowIfNull(nodeY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(densify);
        int nodeColumns = (columns * densify) + 1;
        long nodes = (long)nodeColumns * ((rows * densify) + 1);
        if (nodeX.Length != nodes || nodeY.Length != nodes)
        {
            throw new ArgumentException($"{nodeX.Length}/{nodeY.Length} nodes do not match {columns} x {rows} cells densified {densify}x ({nodes} nodes)");
        }

        int perimeter = 4 * densify;
        var xs = new double[perimeter];
        var ys = new double[perimeter];
        var clipper = new PolygonClipper();
        var found = new List<Overlap>();
        var sourceSum = new double[grid.CellCount];
        var targetArea = new double[columns * rows];
        double size = grid.CellSizeMetres;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int j = (r * columns) + c;
                Polygon(r, c, densify, nodeColumns, nodeX, nodeY, xs, ys);
                if (!ConservativeRegridder.Bounds(xs, ys, out double x0, out double x1, out double y0, out double y1))
                {
                    throw new ArgumentException(FormattableString.Invariant($"target cell {c}, {r} has a node that could not be transformed into the grid's CRS"));
                }

                if (x1 <= grid.MinX || x0 >= grid.MaxX || y1 <= grid.MinY || y0 >= grid.MaxY)
                {
                    continue;
                }

                int c0 = Math.Max(0, (int)Math.Floor((x0 - grid.MinX) / size)), c1 = Math.Min(grid.Columns - 1, (int)Math.Floor((x1 - grid.MinX) / size));
                int r0 = Math.Max(0, (int)Math.Floor((grid.MaxY - y1) / size)), r1 = Math.Min(grid.Rows - 1, (int)Math.Floor((grid.MaxY - y0) / size));
                for (int gr = r0; gr <= r1; gr++)
                {
                    double top = grid.MaxY - (gr * size), bottom = top - size;
                    for (int gc = c0; gc <= c1; gc++)
                    {
                        double left = grid.MinX + (gc * size);
                        double overlap = clipper.AreaInside(xs, ys, left, left + size, bottom, top);
                        if (overlap > 0)
                        {
                            int i = (gr * grid.Columns) + gc;
                            found.Add(new Overlap(i, j, overlap));
                            sourceSum[i] += overlap;
                            targetArea[j] += overlap;
                        }
                    }
                }
            }
        }

        var sorted = found.OrderBy(o => o.Source).ThenBy(o => o.Target).ToArray();
        for (int k = 0; k < sorted.Length; k++)
        {
            Overlap o = sorted[k];
            sorted[k] = o with { Weight = o.Weight / sourceSum[o.Source] };
        }

        double cellArea = size * size;
        var covered = new double[grid.CellCount];
        for (int i = 0; i < covered.Length; i++)
        {
            covered[i] = sourceSum[i] / cellArea;
        }

        return new OverlapMatrix(grid, columns * rows, sorted, covered, targetArea);
    }

    /// <summary>Regrids an amount per run cell (t/cell): the target cells' amounts, whose total equals the source total where the target covers the source.</summary>
    public double[] Apply(ReadOnlySpan<double> source)
    {
        if (source.Length != Grid.CellCount)
        {
            throw new ArgumentException($"{source.Length} values for a grid of {Grid.CellCount} cells", nameof(source));
        }

        var target = new double[TargetCells];
        foreach (Overlap o in _overlaps)
        {
            target[o.Target] += source[o.Source] * o.Weight;
        }

        return target;
    }

    /// <summary>Area-weighted mean of a per-run-cell fraction (e.g. the region fraction) over each target cell's area inside the grid; 0 where none.</summary>
    public double[] MeanOf(ReadOnlySpan<double> fraction)
    {
        if (fraction.Length != Grid.CellCount)
        {
            throw new ArgumentException($"{fraction.Length} values for a grid of {Grid.CellCount} cells", nameof(fraction));
        }

        var sum = new double[TargetCells];
        foreach (Overlap o in _overlaps)
        {
            sum[o.Target] += fraction[o.Source] * o.Weight * _covered[o.Source] * Grid.CellSizeMetres * Grid.CellSizeMetres;
        }

        for (int j = 0; j < sum.Length; j++)
        {
            sum[j] = _targetAreaInGrid[j] > 0 ? Math.Clamp(sum[j] / _targetAreaInGrid[j], 0, 1) : 0;
        }

        return sum;
    }

    // The cell's boundary: south edge west→east, east edge up, north edge back, west edge down.
    private static void Polygon(int r, int c, int d, int nodeColumns, double[] nodeX, double[] nodeY, double[] xs, double[] ys)
    {
        int k = 0, bottom = r * d, top = (r + 1) * d, left = c * d, right = (c + 1) * d;
        for (int j = left; j < right; j++)
        {
            Put((bottom * nodeColumns) + j, ref k);
        }

        for (int j = bottom; j < top; j++)
        {
            Put((j * nodeColumns) + right, ref k);
        }

        for (int j = right; j > left; j--)
        {
            Put((top * nodeColumns) + j, ref k);
        }

        for (int j = top; j > bottom; j--)
        {
            Put((j * nodeColumns) + left, ref k);
        }

        void Put(int node, ref int k)
        {
            xs[k] = nodeX[node];
            ys[k] = nodeY[node];
            k++;
        }
    }
}
