using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Models.Lines;

/// <summary>Exact length of a segment inside an axis-aligned rectangle (Liang–Barsky clipping).</summary>
public static class SegmentClipper
{
    /// <summary>Length of segment a–b inside <paramref name="box"/>. Boundary-only contact gives half-open handling: a segment lying on a shared cell edge counts in the cell to its east/south only.</summary>
    public static double LengthInside(Coordinate a, Coordinate b, Envelope box)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(box);
        double dx = b.X - a.X, dy = b.Y - a.Y;
        if (!TryClip(a.X, a.Y, b.X, b.Y, box, out double t0, out double t1) || t1 <= t0)
        {
            return 0;
        }

        // A segment running exactly along an edge would be counted in both neighbours: keep it in one.
        if ((dx == 0 && (a.X == box.MaxX)) || (dy == 0 && (a.Y == box.MinY)))
        {
            return 0;
        }

        return (t1 - t0) * Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>
    /// Liang–Barsky clip of the closed segment (x0, y0)–(x1, y1) against the closed rectangle: true
    /// when they meet (a single touching point included), with the parameter interval [t0, t1] of
    /// the segment inside.
    /// </summary>
    public static bool TryClip(double x0, double y0, double x1, double y1, Envelope box, out double t0, out double t1)
    {
        ArgumentNullException.ThrowIfNull(box);
        return TryClip(x0, y0, x1, y1, box.MinX, box.MinY, box.MaxX, box.MaxY, out t0, out t1);
    }

    /// <summary><see cref="TryClip(double, double, double, double, Envelope, out double, out double)"/> against the rectangle [minX, maxX] × [minY, maxY].</summary>
    public static bool TryClip(double x0, double y0, double x1, double y1, double minX, double minY, double maxX, double maxY, out double t0, out double t1)
    {
        double dx = x1 - x0, dy = y1 - y0;
        t0 = 0;
        t1 = 1;
        return Clip(-dx, x0 - minX, ref t0, ref t1) && Clip(dx, maxX - x0, ref t0, ref t1)
            && Clip(-dy, y0 - minY, ref t0, ref t1) && Clip(dy, maxY - y0, ref t0, ref t1);
    }

    private static bool Clip(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        double r = q / p;
        if (p < 0)
        {
            if (r > t1)
            {
                return false;
            }

            if (r > t0)
            {
                t0 = r;
            }
        }
        else
        {
            if (r < t0)
            {
                return false;
            }

            if (r < t1)
            {
                t1 = r;
            }
        }

        return true;
    }
}
