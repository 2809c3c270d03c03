using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace GridEmissions.Core.Models.Lines;

/// <summary>A railway station in grid CRS metres.</summary>
public sealed record RailStation(string Name, double X, double Y);

/// <summary>
/// Completes an old rail network with the stations of lines built since: every station farther than
/// D from the network is joined by one straight link, in a Prim-like growth from the network: at each
/// step the unjoined station nearest to (the network ∪ the stations already joined) is joined to that
/// nearest point or station. A chain of stations along a new line is thus joined station to station,
/// from the end nearest the old network. Deterministic: stations are taken in (X, Y, name) order and
/// ties go to the first.
/// </summary>
public static class StationLinker
{
    /// <summary>The links, one per station farther than <paramref name="minDistanceMetres"/> from <paramref name="rail"/>.</summary>
    public static IReadOnlyList<CorridorLine> Link(IReadOnlyList<CorridorLine> rail, IReadOnlyList<RailStation> stations, double minDistanceMetres, string linkClass)
    {
        ArgumentNullException.ThrowIfNull(rail);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentOutOfRangeException.ThrowIfNegative(minDistanceMetres);
        var factory = new GeometryFactory();
        var lines = rail.SelectMany(Parts).ToArray();
        if (lines.Length == 0)
        {
            return [];
        }

        var network = new IndexedFacetDistance(factory.CreateMultiLineString(lines));
        var far = new List<(RailStation Station, Coordinate At)>();
        var best = new List<(double Distance, Coordinate Target)>();
        foreach (RailStation s in stations.OrderBy(s => s.X).ThenBy(s => s.Y).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var at = new Coordinate(s.X, s.Y);
            Coordinate[] nearest = network.NearestPoints(factory.CreatePoint(at)); // [0] on the network, [1] the station
            double d = at.Distance(nearest[0]);
            if (d > minDistanceMetres)
            {
                far.Add((s, at));
                best.Add((d, nearest[0]));
            }
        }

        var links = new List<CorridorLine>(far.Count);
        var joined = new bool[far.Count];
        for (int step = 0; step < far.Count; step++)
        {
            int next = -1;
            for (int i = 0; i < far.Count; i++)
            {
                if (!joined[i] && (next < 0 || best[i].Distance < best[next].Distance))
                {
                    next = i;
                }
            }

            joined[next] = true;
            Coordinate from = far[next].At;
            links.Add(new CorridorLine($"station-link:{far[next].Station.Name}", linkClass, factory.CreateLineString([from, best[next].Target.Copy()])));
            for (int i = 0; i < far.Count; i++)
            {
                double d = far[i].At.Distance(from);
                if (!joined[i] && d < best[i].Distance)
                {
                    best[i] = (d, from);
                }
            }
        }

        return links;
    }

    private static IEnumerable<LineString> Parts(CorridorLine line)
    {
        for (int g = 0; g < line.Geometry.NumGeometries; g++)
        {
            if (line.Geometry.GetGeometryN(g) is LineString { IsEmpty: false } ls)
            {
                yield return ls;
            }
        }
    }
}
