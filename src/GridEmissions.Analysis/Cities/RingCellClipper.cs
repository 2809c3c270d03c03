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
/// each run's end in O(log n) (its leaves hold four consecutive vertices each, tested one by one): a cell costs O((runs + vertices in the cell) · log n), the runs
/// counting the ring's crossings of the bottom line, and of the other three lines only where the
/// earlier passes keep it.
/// </remarks>
internal sealed class RingCellClipper
{
    // Vertices per leaf of the tree: a leaf's box covers this many consecutive vertices, which are
    // then tested one by one (a smaller tree, and the same answers: each box is exact).
    private const int Block = 4;

    private readonly double[] _x, _y;
    private readonly int _leaves;
    private readonly double[] _minX, _maxX, _minY, _maxY;

    public RingCellClipper(Coordinate[] points, bool hole)
    {
        Hole = hole;
        Envelope = new Envelope();
        int n = points.Length;
        _x = new double[n];
        _y = new double[n];
        for (int i = 0; i < n; i++)
        {
            Envelope.ExpandToInclude(points[i]);
            _x[i] = points[i].X;
            _y[i] = points[i].Y;
        }

        int blocks = (n + Block - 1) / Block;
        _leaves = 1;
        while (_leaves < blocks)
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
        for (int i = 0; i < n; i++)
        {
            int leaf = _leaves + (i / Block);
            _minX[leaf] = Math.Min(_minX[leaf], _x[i]);
            _maxX[leaf] = Math.Max(_maxX[leaf], _x[i]);
            _minY[leaf] = Math.Min(_minY[leaf], _y[i]);
            _maxY[leaf] = Math.Max(_maxY[leaf], _y[i]);
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
        var box = new CellBox(cell.MinX, cell.MinY, cell.MaxX, cell.MaxY);
        clip.Clear();
        int n = _x.Length;
        int i = 0;
        while (i < n)
        {
            double x = _x[i], y = _y[i];
            clip.Add(x, y);
            int end = SideOf(x, y, box) switch
            {
                Side.Kept => i + 1,
                Side.Bottom => FirstNotOn<OnBottom>(i + 1, box),
                Side.Right => FirstNotOn<OnRight>(i + 1, box),
                Side.Top => FirstNotOn<OnTop>(i + 1, box),
                _ => FirstNotOn<OnLeft>(i + 1, box),
            };
            if (end - 1 > i)
            {
                clip.Add(_x[end - 1], _y[end - 1]);
            }

            i = end;
        }

        return clip.Area(cell);
    }

    // The pass that first drops a vertex (Kept when none does), passes in RingClipper's order:
    // bottom keeps y > MinY, right x < MaxX, top y < MaxY, left x > MinX.
    private static Side SideOf(double x, double y, in CellBox cell) =>
        y <= cell.MinY ? Side.Bottom
        : x >= cell.MaxX ? Side.Right
        : y >= cell.MaxY ? Side.Top
        : x <= cell.MinX ? Side.Left
        : Side.Kept;

    // The first vertex index ≥ from, up to the end of its leaf, that the pass of TSide does not drop first (-1 when all are).
    private int FirstOffInLeaf<TSide>(int from, in CellBox cell)
        where TSide : struct, IRunSide
    {
        int end = Math.Min(_x.Length, ((from / Block) + 1) * Block);
        for (int i = from; i < end; i++)
        {
            if (!TSide.On(_x[i], _y[i], cell))
            {
                return i;
            }
        }

        return -1;
    }

    // The first vertex index ≥ from that the pass of TSide does not drop first (the vertex count when all are).
    private int FirstNotOn<TSide>(int from, in CellBox cell)
        where TSide : struct, IRunSide
    {
        int n = _x.Length;
        if (from >= n)
        {
            return n;
        }

        int off = FirstOffInLeaf<TSide>(from, cell);
        if (off >= 0)
        {
            return off;
        }

        // Climb to the next subtree on the right until one holds a vertex off the side, then descend
        // into it (a ring of one leaf has no other subtree).
        int v = _leaves + (from / Block);
        if (v == 1)
        {
            return n;
        }

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
            if (!TSide.AllOn(this, v, cell))
            {
                break;
            }
        }

        while (v < _leaves)
        {
            v <<= 1;
            if (TSide.AllOn(this, v, cell))
            {
                v++;
            }
        }

        off = FirstOffInLeaf<TSide>((v - _leaves) * Block, cell);
        return off >= 0 ? off : n;
    }

    private enum Side
    {
        Kept,
        Bottom,
        Right,
        Top,
        Left,
    }

    private readonly record struct CellBox(double MinX, double MinY, double MaxX, double MaxY);

    /// <summary>
    /// The vertices one pass drops first, as a box: a vertex's test (SideOf gives that side) and a
    /// tree node's (every vertex under it does; padding leaves, empty boxes, count as inside). One
    /// copy of the search per side: the JIT specialises the generic methods for each struct.
    /// </summary>
    private interface IRunSide
    {
        static abstract bool On(double x, double y, in CellBox cell);

        static abstract bool AllOn(RingCellClipper tree, int node, in CellBox cell);
    }

    private readonly struct OnBottom : IRunSide
    {
        public static bool On(double x, double y, in CellBox cell) => y <= cell.MinY;

        public static bool AllOn(RingCellClipper tree, int node, in CellBox cell) => tree._maxY[node] <= cell.MinY;
    }

    private readonly struct OnRight : IRunSide
    {
        public static bool On(double x, double y, in CellBox cell) => y > cell.MinY && x >= cell.MaxX;

        public static bool AllOn(RingCellClipper tree, int node, in CellBox cell) => tree._minY[node] > cell.MinY && tree._minX[node] >= cell.MaxX;
    }

    // (y ≥ MaxY implies y > MinY.)
    private readonly struct OnTop : IRunSide
    {
        public static bool On(double x, double y, in CellBox cell) => y >= cell.MaxY && x < cell.MaxX;

        public static bool AllOn(RingCellClipper tree, int node, in CellBox cell) => tree._minY[node] >= cell.MaxY && tree._maxX[node] < cell.MaxX;
    }

    // (x ≤ MinX implies x < MaxX.)
    private readonly struct OnLeft : IRunSide
    {
        public static bool On(double x, double y, in CellBox cell) => y > cell.MinY && y < cell.MaxY && x <= cell.MinX;

        public static bool AllOn(RingCellClipper tree, int node, in CellBox cell) => tree._minY[node] > cell.MinY && tree._maxY[node] < cell.MaxY && tree._maxX[node] <= cell.MinX;
    }
}
