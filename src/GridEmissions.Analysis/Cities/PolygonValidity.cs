using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// A fast proof that a polygon is valid, for the common case of clean boundaries. It holds when:
/// coordinates are finite; rings are closed with at least four non-repeated points; no two segments
/// meet (a sweep over x, with the orientation tests of NTS's RobustLineIntersector) except
/// consecutive segments of a ring at their shared vertex (no spike) and two rings at a vertex of
/// both, where neither crosses the other, each such point shared by those two rings only, once each,
/// and no cycle of such touches (which would cut the interior apart); holes lie inside their shell and
/// not inside one another, parts not inside one another. Such a polygon is valid in the OGC sense,
/// and NTS's IsValidOp, which finds intersections with the same predicates, says so. When anything
/// here fails (a ring touching itself, a shell in another part's hole, any doubt), the answer is false
/// and the caller runs IsValidOp, which decides and explains.
/// </summary>
internal static class PolygonValidity
{
    // More rings than this in one geometry: leave it to IsValidOp (the nesting tests are pairwise).
    private const int MaxRingsPairwise = 4096;

    /// <summary>True when the polygon or multipolygon is certainly valid; false when IsValidOp must decide.</summary>
    public static bool IsCertainlyValid(Geometry polygonal)
    {
        var rings = new List<Coordinate[]>();
        var envelopes = new List<Envelope>();
        var shells = new List<int>();
        for (int g = 0; g < polygonal.NumGeometries; g++)
        {
            if (polygonal.GetGeometryN(g) is not Polygon polygon || polygon.IsEmpty)
            {
                return false;
            }

            shells.Add(rings.Count);
            if (!AddRing(polygon.ExteriorRing, rings, envelopes))
            {
                return false;
            }

            foreach (var hole in polygon.InteriorRings)
            {
                if (!AddRing(hole, rings, envelopes))
                {
                    return false;
                }
            }
        }

        var partOf = new int[rings.Count];
        for (int part = 0; part < shells.Count; part++)
        {
            Array.Fill(partOf, part, shells[part], (part + 1 < shells.Count ? shells[part + 1] : rings.Count) - shells[part]);
        }

        var touches = new List<Touch>();
        if (rings.Count > MaxRingsPairwise || !SpikeFree(rings) || !NoSegmentsMeet(rings, touches) || !TouchesKeepTheInterior(rings, partOf, touches, out var touchPoints))
        {
            return false;
        }

        // No ring meets another but at touch points, so each ring lies inside or outside each other
        // one, and any of its other vertices tells which.
        shells.Add(rings.Count);
        var probes = new Coordinate?[rings.Count];
        for (int r = 0; r < rings.Count; r++)
        {
            probes[r] = rings[r].FirstOrDefault(p => !touchPoints.ContainsKey((p.X, p.Y)));
            if (probes[r] is null)
            {
                return false;
            }
        }

        for (int part = 0; part + 1 < shells.Count; part++)
        {
            int shell = shells[part], end = shells[part + 1];
            for (int hole = shell + 1; hole < end; hole++)
            {
                if (!envelopes[shell].Contains(envelopes[hole]) || PointLocation.LocateInRing(probes[hole]!, rings[shell]) != Location.Interior)
                {
                    return false;
                }

                for (int other = shell + 1; other < end; other++)
                {
                    if (other != hole && Inside(rings, envelopes, probes, hole, other))
                    {
                        return false;
                    }
                }
            }

            for (int otherPart = 0; otherPart + 1 < shells.Count; otherPart++)
            {
                if (otherPart != part && Inside(rings, envelopes, probes, shell, shells[otherPart]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Inside(List<Coordinate[]> rings, List<Envelope> envelopes, Coordinate?[] probes, int ring, int container) =>
        envelopes[container].Contains(envelopes[ring]) && PointLocation.LocateInRing(probes[ring]!, rings[container]) != Location.Exterior;

    // The ring without repeated consecutive points, closing point kept, and its envelope; false when a
    // coordinate is not finite, the ring is open or it has fewer than four non-repeated points.
    private static bool AddRing(LineString ring, List<Coordinate[]> rings, List<Envelope> envelopes)
    {
        Coordinate[] points = ring.Coordinates;
        if (points.Length < 4)
        {
            return false;
        }

        var kept = new List<Coordinate>(points.Length);
        foreach (var p in points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                return false;
            }

            if (kept.Count == 0 || !kept[^1].Equals2D(p))
            {
                kept.Add(p);
            }
        }

        if (kept.Count < 4 || !kept[0].Equals2D(kept[^1]))
        {
            return false;
        }

        rings.Add([.. kept]);
        envelopes.Add(ring.EnvelopeInternal);
        return true;
    }

    // Consecutive segments a–b, b–c meet only at b unless c turns straight back along a–b.
    private static bool SpikeFree(List<Coordinate[]> rings)
    {
        foreach (var r in rings)
        {
            int n = r.Length - 1;
            for (int k = 0; k < n; k++)
            {
                Coordinate a = r[(k + n - 1) % n], b = r[k], c = r[k + 1];
                if (Orientation.Index(a, b, c) == OrientationIndex.Collinear && ((b.X - a.X) * (c.X - b.X)) + ((b.Y - a.Y) * (c.Y - b.Y)) <= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Two rings meeting at a vertex of both: the point and the vertex index in each ring (the closing vertex as 0).</summary>
    private readonly record struct Touch(double X, double Y, int RingA, int VertexA, int RingB, int VertexB);

    // No two segments of the rings meet, except consecutive segments of one ring (checked by
    // SpikeFree) and segments of two rings that share an end point and nothing else (collected in
    // touches, judged by TouchesKeepTheInterior).
    private static bool NoSegmentsMeet(List<Coordinate[]> rings, List<Touch> touches)
    {
        int count = rings.Sum(r => r.Length - 1);
        var ringOf = new int[count];
        var indexOf = new int[count];
        var minX = new double[count];
        int s = 0;
        for (int r = 0; r < rings.Count; r++)
        {
            for (int k = 0; k + 1 < rings[r].Length; k++, s++)
            {
                ringOf[s] = r;
                indexOf[s] = k;
                minX[s] = Math.Min(rings[r][k].X, rings[r][k + 1].X);
            }
        }

        int[] order = [.. Enumerable.Range(0, count)];
        Array.Sort(minX, order);
        var active = new List<int>();
        for (int o = 0; o < count; o++)
        {
            int seg = order[o];
            Coordinate[] ring = rings[ringOf[seg]];
            Coordinate p1 = ring[indexOf[seg]], p2 = ring[indexOf[seg] + 1];
            double x = minX[o];
            double pMinY = Math.Min(p1.Y, p2.Y), pMaxY = Math.Max(p1.Y, p2.Y);
            int keep = 0;
            for (int i = 0; i < active.Count; i++)
            {
                int other = active[i];
                Coordinate[] otherRing = rings[ringOf[other]];
                Coordinate q1 = otherRing[indexOf[other]], q2 = otherRing[indexOf[other] + 1];
                if (Math.Max(q1.X, q2.X) < x)
                {
                    continue;
                }

                active[keep++] = other;
                if (Math.Max(q1.Y, q2.Y) < pMinY || Math.Min(q1.Y, q2.Y) > pMaxY || Adjacent(ringOf, indexOf, rings, seg, other) || !MayMeet(p1, p2, q1, q2))
                {
                    continue;
                }

                if (ringOf[seg] == ringOf[other] || !SharedEndOnly(rings, ringOf[seg], indexOf[seg], ringOf[other], indexOf[other], out Touch touch))
                {
                    return false;
                }

                touches.Add(touch);
            }

            active.RemoveRange(keep, active.Count - keep);
            active.Add(seg);
        }

        return true;
    }

    private static bool Adjacent(int[] ringOf, int[] indexOf, List<Coordinate[]> rings, int a, int b)
    {
        if (ringOf[a] != ringOf[b])
        {
            return false;
        }

        int n = rings[ringOf[a]].Length - 1, i = indexOf[a], j = indexOf[b];
        return Math.Abs(i - j) == 1 || Math.Abs(i - j) == n - 1;
    }

    // False only when RobustLineIntersector would find no intersection by its orientation tests (the
    // envelopes are known to overlap).
    private static bool MayMeet(Coordinate p1, Coordinate p2, Coordinate q1, Coordinate q2)
    {
        var pq1 = Orientation.Index(p1, p2, q1);
        var pq2 = Orientation.Index(p1, p2, q2);
        if (pq1 != OrientationIndex.Collinear && pq1 == pq2)
        {
            return false;
        }

        var qp1 = Orientation.Index(q1, q2, p1);
        var qp2 = Orientation.Index(q1, q2, p2);
        return qp1 == OrientationIndex.Collinear || qp1 != qp2;
    }

    // Segment k of ring a and segment m of ring b share exactly one end point and are not collinear,
    // so they meet there only.
    private static bool SharedEndOnly(List<Coordinate[]> rings, int a, int k, int b, int m, out Touch touch)
    {
        touch = default;
        Coordinate[] ra = rings[a], rb = rings[b];
        int shared = 0, va = -1, vb = -1;
        for (int i = k; i <= k + 1; i++)
        {
            for (int j = m; j <= m + 1; j++)
            {
                if (ra[i].Equals2D(rb[j]))
                {
                    shared++;
                    (va, vb) = (i, j);
                }
            }
        }

        if (shared != 1)
        {
            return false;
        }

        Coordinate t = ra[va], pa = ra[va == k ? k + 1 : k], pb = rb[vb == m ? m + 1 : m];
        if (Orientation.Index(t, pa, pb) == OrientationIndex.Collinear)
        {
            return false;
        }

        touch = new Touch(t.X, t.Y, a, va % (ra.Length - 1), b, vb % (rb.Length - 1));
        return true;
    }

    // Every touch point joins two rings, each passing through it once, neither crossing the other
    // there, and the touches between rings of one polygon form no cycle among them (parts of a
    // multipolygon may touch one another at any number of points, as IsValidOp accepts).
    private static bool TouchesKeepTheInterior(List<Coordinate[]> rings, int[] partOf, List<Touch> touches, out Dictionary<(double X, double Y), Touch> byPoint)
    {
        byPoint = [];
        foreach (var t in touches)
        {
            var key = (t.X, t.Y);
            if (!byPoint.TryGetValue(key, out var first))
            {
                byPoint[key] = t;
                continue;
            }

            // The same two ring vertices again (another pair of their segments): fine; anything else
            // (a third ring, or a ring through the point twice) is not.
            bool same = (first.RingA == t.RingA && first.VertexA == t.VertexA && first.RingB == t.RingB && first.VertexB == t.VertexB)
                || (first.RingA == t.RingB && first.VertexA == t.VertexB && first.RingB == t.RingA && first.VertexB == t.VertexA);
            if (!same)
            {
                return false;
            }
        }

        var parent = Enumerable.Range(0, rings.Count).ToArray();
        int Root(int r)
        {
            while (parent[r] != r)
            {
                r = parent[r] = parent[parent[r]];
            }

            return r;
        }

        foreach (Touch t in byPoint.Values)
        {
            if (!OneSide(rings[t.RingA], t.VertexA, rings[t.RingB], t.VertexB) || !OneSide(rings[t.RingB], t.VertexB, rings[t.RingA], t.VertexA))
            {
                return false;
            }

            if (partOf[t.RingA] != partOf[t.RingB])
            {
                continue;
            }

            int ra = Root(t.RingA), rb = Root(t.RingB);
            if (ra == rb)
            {
                return false;
            }

            parent[ra] = rb;
        }

        return true;
    }

    // Ring b's two edges at its vertex j (the touch point, vertex i of ring a) lie strictly in the same
    // one of the two sectors ring a's edges make there.
    private static bool OneSide(Coordinate[] a, int i, Coordinate[] b, int j)
    {
        int na = a.Length - 1, nb = b.Length - 1;
        Coordinate t = a[i], u = a[(i + na - 1) % na], w = a[(i + 1) % na];
        var turn = Orientation.Index(t, w, u);
        if (turn == OrientationIndex.Collinear)
        {
            return false;
        }

        bool? side = null;
        foreach (var p in new[] { b[(j + nb - 1) % nb], b[(j + 1) % nb] })
        {
            var ou = Orientation.Index(t, u, p);
            var ow = Orientation.Index(t, w, p);
            if (ou == OrientationIndex.Collinear || ow == OrientationIndex.Collinear)
            {
                return false;
            }

            // The sector turning counter-clockwise from t→w to t→u.
            bool inSector = turn == OrientationIndex.CounterClockwise
                ? ow == OrientationIndex.CounterClockwise && ou == OrientationIndex.Clockwise
                : !(ou == OrientationIndex.CounterClockwise && ow == OrientationIndex.Clockwise);
            if (side is bool s && s != inSector)
            {
                return false;
            }

            side = inSector;
        }

        return true;
    }
}
