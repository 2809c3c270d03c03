using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// The grid rows × columns around one polygon (its envelope's cells, one cell of margin, clamped to
/// the grid), so per-polygon cell marks live in a buffer of the polygon's size, not the grid's.
/// </summary>
internal readonly record struct CellWindow(int FirstRow, int FirstColumn, int Rows, int Columns)
{
    /// <summary>Cells in the window (0 when the polygon misses the grid).</summary>
    public int Length => Rows * Columns;

    /// <summary>The window around an envelope: the rows and columns whose closed extent meets it, widened by one.</summary>
    public static CellWindow Around(GridSpec grid, Envelope envelope)
    {
        var (c0, c1) = BoundaryCells.ColumnRange(grid, envelope.MinX, envelope.MaxX, 1);
        var (r0, r1) = BoundaryCells.RowRange(grid, envelope.MinY, envelope.MaxY, 1);
        return c0 > c1 || r0 > r1 ? new CellWindow(r0, c0, 0, 0) : new CellWindow(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }

    /// <summary>Position in the window's buffer of the cell at (row, column), both inside the window.</summary>
    public int Of(int row, int column) => ((row - FirstRow) * Columns) + (column - FirstColumn);
}
