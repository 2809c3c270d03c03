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
        double t0 = 0, t1 = 1;
        if (!Clip(-dx, a.X - box.MinX, ref t0, ref t1) || !Clip(dx, box.MaxX - a.X, ref t0, ref t1)
            || !Clip(-dy, a.Y - box.MinY, ref t0, ref t1) || !Clip(dy, box.MaxY - a.Y, ref t0, ref t1))
        {
            return 0;
        }

        if (t1 <= t0)
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
