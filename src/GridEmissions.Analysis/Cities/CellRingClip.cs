using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// Sutherland–Hodgman clipping of one ring to one grid cell on flat coordinate buffers, with the
/// arithmetic, the side order (bottom, right, top, left), the strict "inside" tests, the dropping of
/// a point equal to the one just kept and the closing point of NTS's OverlayNG <c>RingClipper</c>,
/// followed by NTS's shoelace (<c>Area.OfRingSigned</c>): the same area to the last bit, without
/// the four coordinate arrays and one <see cref="Coordinate"/> per point that every call allocates
/// there. One instance per thread; the buffers grow to the largest ring seen and are reused.
/// </summary>
internal sealed class CellRingClip
{
    private double[] _x = new double[64];
    private double[] _y = new double[64];
    private double[] _outX = new double[64];
    private double[] _outY = new double[64];
    private int _count;
    private int _outCount;

    /// <summary>Empties the ring being built.</summary>
    public void Clear() => _count = 0;

    /// <summary>Appends a vertex to the ring being built (its closing vertex included, as in a linear ring).</summary>
    public void Add(double x, double y)
    {
        if (_count == _x.Length)
        {
            Array.Resize(ref _x, 2 * _count);
            Array.Resize(ref _y, 2 * _count);
        }

        _x[_count] = x;
        _y[_count] = y;
        _count++;
    }

    /// <summary>
    /// |ring ∩ cell| for the ring built since <see cref="Clear"/>: what
    /// <c>Math.Abs(Area.OfRingSigned(new RingClipper(cell).Clip(ring)))</c> gives, 0 when the clipped
    /// ring has fewer than 4 points.
    /// </summary>
    public double Area(Envelope cell)
    {
        if (!Pass<Bottom>(cell.MinY) || !Pass<Right>(cell.MaxX) || !Pass<Top>(cell.MaxY) || !Pass<Left>(cell.MinX))
        {
            return 0;
        }

        return _count >= 4 ? Math.Abs(SignedArea()) : 0;
    }

    // One pass, its output made the ring; false when nothing is left.
    private bool Pass<TSide>(double line)
        where TSide : struct, ISide
    {
        ClipToSide<TSide>(line);
        (_x, _outX) = (_outX, _x);
        (_y, _outY) = (_outY, _y);
        _count = _outCount;
        return _count > 0;
    }

    // One pass: the points inside the side's half-plane, and a point on the side's line for every
    // edge that crosses it; the edge into the first point starts at the last one. (One copy of the
    // code per side: the JIT specialises the generic method for each struct.)
    private void ClipToSide<TSide>(double line)
        where TSide : struct, ISide
    {
        EnsureOutput((2 * _count) + 1);
        _outCount = 0;
        double px = _x[_count - 1], py = _y[_count - 1];
        bool pIn = TSide.Inside(line, px, py);
        for (int i = 0; i < _count; i++)
        {
            double cx = _x[i], cy = _y[i];
            bool cIn = TSide.Inside(line, cx, cy);
            if (cIn)
            {
                if (!pIn)
                {
                    AddCrossing<TSide>(line, px, py, cx, cy);
                }

                AddDistinct(cx, cy);
            }
            else if (pIn)
            {
                AddCrossing<TSide>(line, px, py, cx, cy);
            }

            (px, py, pIn) = (cx, cy, cIn);
        }

        if (TSide.Closes && _outCount > 0 && !(_outX[0] == _outX[_outCount - 1] && _outY[0] == _outY[_outCount - 1]))
        {
            _outX[_outCount] = _outX[0];
            _outY[_outCount] = _outY[0];
            _outCount++;
        }
    }

    // The crossing of edge a→b with the side's line, computed as RingClipper computes it.
    private void AddCrossing<TSide>(double line, double ax, double ay, double bx, double by)
        where TSide : struct, ISide
    {
        if (TSide.Horizontal)
        {
            double m = (bx - ax) / (by - ay);
            double intercept = (line - ay) * m;
            AddDistinct(ax + intercept, line);
        }
        else
        {
            double m = (by - ay) / (bx - ax);
            double intercept = (line - ax) * m;
            AddDistinct(line, ay + intercept);
        }
    }

    private void AddDistinct(double x, double y)
    {
        if (_outCount > 0 && _outX[_outCount - 1] == x && _outY[_outCount - 1] == y)
        {
            return;
        }

        _outX[_outCount] = x;
        _outY[_outCount] = y;
        _outCount++;
    }

    private void EnsureOutput(int capacity)
    {
        if (_outX.Length < capacity)
        {
            _outX = new double[capacity];
            _outY = new double[capacity];
        }
    }

    // NTS's shoelace: x taken relative to the first point, Σ x_i (y_{i−1} − y_{i+1}) / 2.
    private double SignedArea()
    {
        double sum = 0.0;
        double x0 = _x[0];
        for (int i = 1; i < _count - 1; i++)
        {
            double x = _x[i] - x0;
            sum += x * (_y[i - 1] - _y[i + 1]);
        }

        return sum / 2.0;
    }

    /// <summary>A side of the cell as RingClipper clips to it: what is inside, whether its line is horizontal, whether its pass (the last) closes the ring.</summary>
    private interface ISide
    {
        static abstract bool Horizontal { get; }

        static abstract bool Closes { get; }

        static abstract bool Inside(double line, double x, double y);
    }

    private readonly struct Bottom : ISide
    {
        public static bool Horizontal => true;

        public static bool Closes => false;

        public static bool Inside(double line, double x, double y) => y > line;
    }

    private readonly struct Right : ISide
    {
        public static bool Horizontal => false;

        public static bool Closes => false;

        public static bool Inside(double line, double x, double y) => x < line;
    }

    private readonly struct Top : ISide
    {
        public static bool Horizontal => true;

        public static bool Closes => false;

        public static bool Inside(double line, double x, double y) => y < line;
    }

    private readonly struct Left : ISide
    {
        public static bool Horizontal => false;

        public static bool Closes => true;

        public static bool Inside(double line, double x, double y) => x > line;
    }
}
