namespace GridEmissions.Core.Proxies.Regridding;

/// <summary>
/// Area of a simple polygon inside an axis-aligned rectangle: Sutherland–Hodgman clipping against
/// the rectangle's four half-planes (exact for any simple polygon, convex or not, because the clip
/// window is convex: degenerate zero-width edges it may leave add no area), then the shoelace
/// formula. Buffers are reused: one instance per thread.
/// </summary>
public sealed class PolygonClipper
{
    private double[] ax = new double[16], ay = new double[16], bx = new double[16], by = new double[16];

    /// <summary>Absolute shoelace area of the polygon (xs, ys), first vertex not repeated.</summary>
    public static double Area(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int n = xs.Length;
        double twice = 0;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            twice += (xs[j] * ys[i]) - (xs[i] * ys[j]);
        }

        return Math.Abs(twice) / 2;
    }

    /// <summary>Area of the polygon (xs, ys) inside [minX, maxX] × [minY, maxY].</summary>
    public double AreaInside(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double minX, double maxX, double minY, double maxY)
    {
        int n = xs.Length;
        Ensure((n * 16) + 8); // each pass at most doubles the vertex count
        xs.CopyTo(ax);
        ys.CopyTo(ay);
        n = ClipAxis(ax, ay, n, bx, by, minX, x: true, keepAbove: true);
        n = ClipAxis(bx, by, n, ax, ay, maxX, x: true, keepAbove: false);
        n = ClipAxis(ax, ay, n, bx, by, minY, x: false, keepAbove: true);
        n = ClipAxis(bx, by, n, ax, ay, maxY, x: false, keepAbove: false);
        return n < 3 ? 0 : Area(ax.AsSpan(0, n), ay.AsSpan(0, n));
    }

    private void Ensure(int size)
    {
        if (ax.Length < size)
        {
            int s = Math.Max(size, ax.Length * 2);
            ax = new double[s];
            ay = new double[s];
            bx = new double[s];
            by = new double[s];
        }
    }

    // One Sutherland–Hodgman pass: keep the side of the line (x or y = limit) given by keepAbove.
    private static int ClipAxis(double[] inX, double[] inY, int n, double[] outX, double[] outY, double limit, bool x, bool keepAbove)
    {
        if (n == 0)
        {
            return 0;
        }

        int m = 0;
        double px = inX[n - 1], py = inY[n - 1];
        bool pIn = Inside(x ? px : py, limit, keepAbove);
        for (int i = 0; i < n; i++)
        {
            double cx = inX[i], cy = inY[i];
            bool cIn = Inside(x ? cx : cy, limit, keepAbove);
            if (cIn != pIn)
            {
                // Crossing point on the clip line (exact coordinate on the line itself).
                double t = ((x ? px : py) - limit) / ((x ? px : py) - (x ? cx : cy));
                outX[m] = x ? limit : px + (t * (cx - px));
                outY[m] = x ? py + (t * (cy - py)) : limit;
                m++;
            }

            if (cIn)
            {
                outX[m] = cx;
                outY[m] = cy;
                m++;
            }

            px = cx;
            py = cy;
            pIn = cIn;
        }

        return m;
    }

    private static bool Inside(double v, double limit, bool keepAbove) => keepAbove ? v >= limit : v <= limit;
}
