using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridEmissions.Analysis;

/// <summary>
/// Area of one ring inside one grid cell, bit for bit what NTS's <see cref="RingClipper"/> gives on
/// the whole ring, but in time that grows with how often the ring crosses the cell's four lines,
/// not with the ring's vertex count.
/// </summary>
/// <remarks>
/// RingClipper is Sutherland–Hodgman: four passes, one per side of the cell, each keeping the
/// vertices inside that side and adding an intersection point on every edge that crosses it.
/// Give every vertex its outcode (left / inside / right of the cell's columns × below / inside /
/// above its row, with "exactly on a line" never grouped). In a run of consecutive vertices with
/// the same outcode outside the cell, every pass either keeps the whole run unchanged or (the
/// first pass whose side they are all outside) drops all of it, emitting points only on the
/// entering and the leaving edge. So the run's inner vertices never change the output: the
/// reduced ring (each run cut to its first and last vertex) clips to the very same coordinate
/// sequence, hence the same area to the last bit. A segment tree of vertex bounding boxes finds
/// each run's end in O(log n), so a cell costs O((runs + vertices in the cell) · log n).
/// </remarks>
internal sealed class RingCellClipper
{
    private readonly Coordinate[] _points;
    private readonly int _leaves;
    private readonly double[] _minX, _maxX, _minY, _maxY;

    public RingCellClipper(Coordinate[] points, bool hole)
    {
        _points = points;
        Hole = hole;
        Envelope = new Envelope();
        foreach (Coordinate p in points)
        {
            Envelope.ExpandToInclude(p);
        }

        _leaves = 1;
        while (_leaves < points.Length)
        {
            _leaves <<= 1;
        }

        _minX = new double[2 * _leaves];
        _maxX = new double[2 * _leaves];
        _minY = new double[2 * _leaves];
        _maxY = new double[2 * _leaves];
        Array.Fill(_minX, double.PositiveInfinity);
        Array.Fill(_minY, double.PositiveInfinity);
        Array.Fill(_maxX, double.NegativeInfinity);
        Array.Fill(_maxY, double.NegativeInfinity);
        for (int i = 0; i < points.Length; i++)
        {
            int leaf = _leaves + i;
            _minX[leaf] = _maxX[leaf] = points[i].X;
            _minY[leaf] = _maxY[leaf] = points[i].Y;
        }

        for (int node = _leaves - 1; node >= 1; node--)
        {
            _minX[node] = Math.Min(_minX[2 * node], _minX[(2 * node) + 1]);
            _maxX[node] = Math.Max(_maxX[2 * node], _maxX[(2 * node) + 1]);
            _minY[node] = Math.Min(_minY[2 * node], _minY[(2 * node) + 1]);
            _maxY[node] = Math.Max(_maxY[2 * node], _maxY[(2 * node) + 1]);
        }
    }

    /// <summary>True for a hole (its area is subtracted).</summary>
    public bool Hole { get; }

    /// <summary>The ring's envelope.</summary>
    public Envelope Envelope { get; }

    /// <summary>|ring ∩ cell| in m², exactly as <c>Math.Abs(Area.OfRingSigned(new RingClipper(cell).Clip(ring)))</c> (0 for fewer than 4 clipped points).</summary>
    /// <remarks>Thread-safe: <paramref name="scratch"/> (cleared here) is the caller's, one per thread.</remarks>
    public double AreaIn(Envelope cell, List<Coordinate> scratch)
    {
        List<Coordinate> reduced = scratch;
        reduced.Clear();
        int n = _points.Length;
        int i = 0;
        while (i < n)
        {
            Coordinate p = _points[i];
            reduced.Add(p);
            var box = OutsideBox(p.X, p.Y, cell);
            if (box is not { } b)
            {
                i++;
                continue;
            }

            int end = FirstNotInside(i + 1, b.X0, b.X1, b.Y0, b.Y1);
            if (end - 1 > i)
            {
                reduced.Add(_points[end - 1]);
            }

            i = end;
        }

        var clipped = new RingClipper(cell).Clip([.. reduced]);
        return clipped.Length >= 4 ? Math.Abs(Area.OfRingSigned(clipped)) : 0;
    }

    // The open box of the outcode region holding (x, y) when it lies strictly outside the cell and
    // on none of its four lines; null when it is inside the cell or on a line (such vertices are kept).
    private static (double X0, double X1, double Y0, double Y1)? OutsideBox(double x, double y, Envelope cell)
    {
        double x0, x1, y0, y1;
        if (x < cell.MinX)
        {
            (x0, x1) = (double.NegativeInfinity, cell.MinX);
        }
        else if (x > cell.MaxX)
        {
            (x0, x1) = (cell.MaxX, double.PositiveInfinity);
        }
        else if (x > cell.MinX && x < cell.MaxX)
        {
            (x0, x1) = (cell.MinX, cell.MaxX);
        }
        else
        {
            return null;
        }

        if (y < cell.MinY)
        {
            (y0, y1) = (double.NegativeInfinity, cell.MinY);
        }
        else if (y > cell.MaxY)
        {
            (y0, y1) = (cell.MaxY, double.PositiveInfinity);
        }
        else if (y > cell.MinY && y < cell.MaxY)
        {
            if (x0 == cell.MinX && x1 == cell.MaxX)
            {
                return null; // inside the cell
            }

            (y0, y1) = (cell.MinY, cell.MaxY);
        }
        else
        {
            return null;
        }

        return (x0, x1, y0, y1);
    }

    // The first vertex index ≥ from that is not strictly inside the open box (the vertex count when all are).
    private int FirstNotInside(int from, double x0, double x1, double y0, double y1)
    {
        int n = _points.Length;
        if (from >= n)
        {
            return n;
        }

        int found = Find(1, 0, _leaves - 1, from, x0, x1, y0, y1);
        return found < 0 || found >= n ? n : found;
    }

    private int Find(int node, int lo, int hi, int from, double x0, double x1, double y0, double y1)
    {
        if (hi < from || (_minX[node] > x0 && _maxX[node] < x1 && _minY[node] > y0 && _maxY[node] < y1))
        {
            return -1;
        }

        if (lo == hi)
        {
            return lo;
        }

        int mid = (lo + hi) >> 1;
        int left = Find(2 * node, lo, mid, from, x0, x1, y0, y1);
        return left >= 0 ? left : Find((2 * node) + 1, mid + 1, hi, from, x0, x1, y0, y1);
    }
}
