using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Grids;

/// <summary>
/// A regular grid on the national lattice of <see cref="ChinaAlbers"/>: every cell corner is a
/// whole multiple of <see cref="CellSizeMetres"/>, so grids of different regions align cell for
/// cell. Cells are stored row-major from the north-west corner (row 0 is the northernmost).
/// This type alone owns cell indexing, cell ids and the geotransform.
/// </summary>
/// <param name="Name">Region or grid name, for metadata and messages.</param>
/// <param name="CellSizeMetres">Cell edge length in metres (10,000 for the 10 km grid).</param>
/// <param name="WestColumn">Lattice column of the westernmost cell: its west edge is at x = WestColumn × CellSizeMetres.</param>
/// <param name="NorthRow">Lattice row of the northernmost cell: its north edge is at y = (NorthRow + 1) × CellSizeMetres.</param>
/// <param name="Columns">Number of columns.</param>
/// <param name="Rows">Number of rows.</param>
public sealed record GridSpec(string Name, double CellSizeMetres, long WestColumn, long NorthRow, int Columns, int Rows)
{
    /// <summary>The CRS of every grid, as WKT.</summary>
    public string CrsWkt => ChinaAlbers.Wkt;

    /// <summary>Number of cells.</summary>
    public int CellCount => checked(Columns * Rows);

    /// <summary>West edge of the grid, metres.</summary>
    public double MinX => WestColumn * CellSizeMetres;

    /// <summary>East edge of the grid, metres.</summary>
    public double MaxX => (WestColumn + Columns) * CellSizeMetres;

    /// <summary>North edge of the grid, metres.</summary>
    public double MaxY => (NorthRow + 1) * CellSizeMetres;

    /// <summary>South edge of the grid, metres.</summary>
    public double MinY => (NorthRow + 1 - Rows) * CellSizeMetres;

    /// <summary>Area of one cell in km².</summary>
    public double CellAreaKm2 => CellSizeMetres * CellSizeMetres / 1e6;

    /// <summary>The extent of the grid.</summary>
    public Envelope Extent => new(MinX, MaxX, MinY, MaxY);

    /// <summary>GDAL geotransform: origin at the north-west corner, north-up.</summary>
    public double[] GeoTransform => [MinX, CellSizeMetres, 0, MaxY, 0, -CellSizeMetres];

    /// <summary>
    /// The smallest lattice-aligned grid covering <paramref name="envelope"/> plus
    /// <paramref name="marginCells"/> cells on each side.
    /// </summary>
    public static GridSpec Covering(string name, Envelope envelope, double cellSizeMetres, int marginCells)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSizeMetres);
        ArgumentOutOfRangeException.ThrowIfNegative(marginCells);
        if (envelope.IsNull)
        {
            throw new ArgumentException("cannot build a grid around an empty envelope", nameof(envelope));
        }

        long west = (long)Math.Floor(envelope.MinX / cellSizeMetres) - marginCells;
        // Exclusive east lattice line: floor + 1, so a point exactly on the envelope's east edge
        // still falls inside a cell (TryLocate gives it to the cell east of the line).
        long east = (long)Math.Floor(envelope.MaxX / cellSizeMetres) + 1 + marginCells;
        // A point on a horizontal lattice line belongs to the cell below it (TryLocate), so the
        // south edge is the lattice line below MinY even when MinY is on the lattice.
        long south = (long)Math.Ceiling(envelope.MinY / cellSizeMetres) - 1 - marginCells;
        long north = (long)Math.Ceiling(envelope.MaxY / cellSizeMetres) + marginCells;
        return new GridSpec(name, cellSizeMetres, west, north - 1, checked((int)(east - west)), checked((int)(north - south)));
    }

    /// <summary>Flat row-major index of (column, row).</summary>
    public int Index(int column, int row)
    {
        if ((uint)column >= (uint)Columns || (uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"cell ({column}, {row}) is outside the {Columns} x {Rows} grid '{Name}'");
        }

        return row * Columns + column;
    }

    /// <summary>Column of a flat index.</summary>
    public int ColumnOf(int index) => index % Columns;

    /// <summary>Row of a flat index.</summary>
    public int RowOf(int index) => index / Columns;

    /// <summary>The cell containing the point, or false when it is outside the grid. Points on a west/north edge belong to the cell east/south of it.</summary>
    public bool TryLocate(double x, double y, out int index)
    {
        double c = Math.Floor((x - MinX) / CellSizeMetres);
        double r = Math.Floor((MaxY - y) / CellSizeMetres);
        if (c < 0 || r < 0 || c >= Columns || r >= Rows || double.IsNaN(c) || double.IsNaN(r))
        {
            index = -1;
            return false;
        }

        index = (int)r * Columns + (int)c;
        return true;
    }

    /// <summary>Centre of a cell in grid CRS metres.</summary>
    public Coordinate CellCentre(int index)
    {
        int c = ColumnOf(index), r = RowOf(index);
        return new Coordinate(MinX + (c + 0.5) * CellSizeMetres, MaxY - (r + 0.5) * CellSizeMetres);
    }

    /// <summary>Envelope of a cell in grid CRS metres.</summary>
    public Envelope CellEnvelope(int index)
    {
        int c = ColumnOf(index), r = RowOf(index);
        double x0 = MinX + c * CellSizeMetres, y1 = MaxY - r * CellSizeMetres;
        return new Envelope(x0, x0 + CellSizeMetres, y1 - CellSizeMetres, y1);
    }

    /// <summary>
    /// The stable national id of a cell: lattice column and row of its south-west corner,
    /// e.g. "E94N399" for the 10 km cell whose south-west corner is at (940 km, 3,990 km).
    /// The same cell has the same id in every region's grid.
    /// </summary>
    public string CellId(int index)
    {
        long latticeColumn = WestColumn + ColumnOf(index);
        long latticeRow = NorthRow - RowOf(index);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"E{latticeColumn}N{latticeRow}");
    }

    /// <summary>True when the other grid is on the same lattice (same cell size, same CRS).</summary>
    public bool SharesLatticeWith(GridSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.CellSizeMetres == CellSizeMetres;
    }
}
