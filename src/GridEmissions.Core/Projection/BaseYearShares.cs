using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Projection;

/// <summary>
/// A sector's base-year shares (cell ÷ target), kept for the run to measure how far the pattern
/// moves. Stored by blocks of <see cref="BlockCells"/> cells, only the blocks holding a share that is
/// not ±0: outside the region and away from a point or line sector's cells nothing is stored, so a
/// national grid keeps the region's cells, not the whole lattice.
/// </summary>
public sealed class BaseYearShares
{
    /// <summary>Cells in a block.</summary>
    public const int BlockCells = 64;

    private readonly int cellCount;
    private readonly int[] blockStart; // where block k's shares start in `values`, or −1 when they are all ±0
    private readonly double[] values;

    private BaseYearShares(int cellCount, int[] blockStart, double[] values)
    {
        this.cellCount = cellCount;
        this.blockStart = blockStart;
        this.values = values;
    }

    /// <summary>Cells stored (whole blocks), against <see cref="CellCount"/> for a full grid.</summary>
    public int StoredCells => values.Length;

    /// <summary>Cells of the grid.</summary>
    public int CellCount => cellCount;

    /// <summary>The shares cells[i] × <paramref name="scale"/> of the base year.</summary>
    public static BaseYearShares Of(ReadOnlySpan<double> cells, double scale)
    {
        int n = cells.Length, blocks = (n + BlockCells - 1) / BlockCells, stored = 0;
        var start = new int[blocks];
        for (int k = 0; k < blocks; k++)
        {
            int lo = k * BlockCells, hi = Math.Min(n, lo + BlockCells);
            bool any = false;
            for (int i = lo; i < hi && !any; i++)
            {
                any = cells[i] * scale != 0;
            }

            start[k] = any ? stored : -1;
            stored += any ? hi - lo : 0;
        }

        var values = new double[stored];
        for (int k = 0; k < blocks; k++)
        {
            if (start[k] >= 0)
            {
                int lo = k * BlockCells, hi = Math.Min(n, lo + BlockCells);
                for (int i = lo; i < hi; i++)
                {
                    values[start[k] + i - lo] = cells[i] * scale;
                }
            }
        }

        return new BaseYearShares(n, start, values);
    }

    /// <summary>The base-year share of cell <paramref name="i"/> (+0 where none is stored).</summary>
    public double this[int i] => blockStart[i / BlockCells] is int s and >= 0 ? values[s + (i % BlockCells)] : 0;

    /// <summary>
    /// Σ |cells[i] × <paramref name="scale"/> − base share[i]| over the cells, in cell order: the same operations, hence the
    /// same bits, as the sum over a full grid of base shares. Where the base share is ±0 the term is |share| (x − ±0 has the
    /// magnitude of x), and a block of ±0 cells there adds +0, which leaves the non-negative sum as it is.
    /// </summary>
    public double Moved(ReadOnlySpan<double> cells, double scale)
    {
        if (cells.Length != cellCount)
        {
            throw new ArgumentException($"the grid has {cells.Length} cells, the base-year shares {cellCount}", nameof(cells));
        }

        double moved = 0;
        for (int k = 0; k < blockStart.Length; k++)
        {
            int lo = k * BlockCells, hi = Math.Min(cellCount, lo + BlockCells), s = blockStart[k];
            if (s >= 0)
            {
                for (int i = lo; i < hi; i++)
                {
                    moved += Math.Abs((cells[i] * scale) - values[s + i - lo]);
                }

                continue;
            }

            int i0 = lo;
            while (i0 + ZeroBlock.Width <= hi)
            {
                if (!ZeroBlock.IsZero(cells, i0))
                {
                    for (int i = i0; i < i0 + ZeroBlock.Width; i++)
                    {
                        moved += Math.Abs(cells[i] * scale);
                    }
                }

                i0 += ZeroBlock.Width;
            }

            for (int i = i0; i < hi; i++)
            {
                moved += Math.Abs(cells[i] * scale);
            }
        }

        return moved;
    }
}
