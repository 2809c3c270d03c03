using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridEmissions.Analysis;

/// <summary>
/// Area of one ring inside one grid cell, bit for bit what NTS's <see cref="RingClipper"/> gives on
/// the whole ring, but in time that grows with how often the ring crosses the cell's four lines,
/// not with the ring's vertex count.
/// </summary>
/// <remarks>
/// RingClipper is Sutherland–Hodgman: four passes, bottom, right, top, left, each keeping the
/// points strictly inside its side and adding a point on the side's line for every edge that
/// crosses it. Give every vertex the first pass that drops it: bottom (y ≤ MinY), else right
/// (x ≥ MaxX), else top (y ≥ MaxY), else left (x ≤ MinX), else none. The passes before that one
/// keep such a vertex and add nothing between two consecutive such vertices, so a run of
/// consecutive vertices dropped first by the same pass reaches that pass as a run of consecutive
/// points outside its side, where the run's inner points add nothing either: only its first and
/// last vertex (the edges into and out of it) change the output. The reduced ring (each run cut to
/// its two ends) therefore clips to the very same coordinate sequence, hence the same area to the
/// last bit. Each such set of vertices is a box, so a segment tree of vertex bounding boxes finds
/// each run's end in O(log n): a cell costs O((runs + vertices in the cell) · log n), the runs
/// counting the ring's crossings of the bottom line, and of the other three lines only where the
/// earlier passes keep it.
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
    /// <remarks>Thread-safe: <paramref name="clip"/> (cleared here) is the caller's, one per thread.</remarks>
    public double AreaIn(Envelope cell, CellRingClip clip)
    {
        clip.Clear();
        int n = _points.Length;
        int i = 0;
        while (i < n)
        {
            Coordinate p = _points[i];
            clip.Add(p.X, p.Y);
            Side side = SideOf(p.X, p.Y, cell);
            if (side == Side.Kept)
            {
                i++;
                continue;
            }

            int end = FirstNotOn(i + 1, side, cell);
            if (end - 1 > i)
            {
                clip.Add(_points[end - 1].X, _points[end - 1].Y);
            }

            i = end;
        }

        return clip.Area(cell);
    }

    // The pass that first drops a vertex (Kept when none does), passes in RingClipper's order:
    // bottom keeps y > MinY, right x < MaxX, top y < MaxY, left x > MinX.
    private static Side SideOf(double x, double y, Envelope cell) =>
        y <= cell.MinY ? Side.Bottom
        : x >= cell.MaxX ? Side.Right
        : y >= cell.MaxY ? Side.Top
        : x <= cell.MinX ? Side.Left
        : Side.Kept;

    // True when every vertex under the node is dropped first by the pass of that side. Each such set
    // is a box (open or closed per side), so the node's bounding box decides it exactly; padding
    // leaves (empty boxes) count as inside.
    private bool AllOn(int node, Side side, Envelope cell) => side switch
    {
        Side.Bottom => _maxY[node] <= cell.MinY,
        Side.Right => _minY[node] > cell.MinY && _minX[node] >= cell.MaxX,
        Side.Top => _minY[node] >= cell.MaxY && _maxX[node] < cell.MaxX,
        _ => _minY[node] > cell.MinY && _maxY[node] < cell.MaxY && _maxX[node] <= cell.MinX,
    };

    // The first vertex index ≥ from that the pass of that side does not drop first (the vertex count when all are).
    private int FirstNotOn(int from, Side side, Envelope cell)
    {
        int n = _points.Length;
        if (from >= n)
        {
            return n;
        }

        int v = _leaves + from;
        if (AllOn(v, side, cell))
        {
            // Climb to the next subtree on the right until one holds a vertex off the side, then descend into it.
            while (true)
            {
                while ((v & 1) == 1)
                {
                    v >>= 1;
                    if (v == 1)
                    {
                        return n;
                    }
                }

                v++;
                if (!AllOn(v, side, cell))
                {
                    break;
                }
            }

            while (v < _leaves)
            {
                v <<= 1;
                if (AllOn(v, side, cell))
                {
                    v++;
                }
            }
        }

        return Math.Min(v - _leaves, n);
    }

    private enum Side
    {
        Kept,
        Bottom,
        Right,
        Top,
        Left,
    }
}
