using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Models.Lines;

/// <summary>A population centre of the road proxy, in grid CRS metres.</summary>
/// <param name="Name">Name, for line ids.</param>
/// <param name="Population">Residents (the gravity mass).</param>
public sealed record RoadNode(string Name, double X, double Y, double Population);

/// <summary>
/// A road proxy where no road network is available. Method:
/// <list type="number">
/// <item>Edges: the Gabriel graph of the nodes (i–j is an edge when no other node lies strictly inside the
/// circle on diameter i–j): planar, connected, deterministic, and it joins neighbours rather than every
/// node to the largest (no stars).</item>
/// <item>Demand: every node pair exchanges the gravity flow T_ij = P_i·P_j / d_ij^γ (d in km, straight line).</item>
/// <item>Assignment: each pair's flow is put on its shortest path over the graph (all-or-nothing, Dijkstra on
/// straight-line edge lengths; equal-length paths go to the lower node indices), so an edge carries the
/// through traffic of the pairs it links, as a motorway does.</item>
/// <item>Each edge becomes a straight line whose <see cref="CorridorLine.Weight"/> is its flow divided by the
/// length-weighted mean flow (mean weight per metre 1).</item>
/// </list>
/// </summary>
public static class GravityRoadNetwork
{
    /// <summary>The proxy's lines, of class <paramref name="roadClass"/>.</summary>
    public static IReadOnlyList<CorridorLine> Build(IReadOnlyList<RoadNode> nodes, double gravityExponent, string roadClass)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(gravityExponent);
        RoadNode[] v = [.. nodes.Where(n => n.Population > 0)];
        int n = v.Length;
        var edges = GabrielEdges(v);
        var flow = new double[edges.Count];
        var adjacency = new List<(int To, int Edge)>[n];
        for (int i = 0; i < n; i++)
        {
            adjacency[i] = [];
        }

        for (int e = 0; e < edges.Count; e++)
        {
            adjacency[edges[e].A].Add((edges[e].B, e));
            adjacency[edges[e].B].Add((edges[e].A, e));
        }

        for (int s = 0; s < n; s++)
        {
            int[] via = ShortestPathTree(v, adjacency, s);
            for (int t = s + 1; t < n; t++)
            {
                double km = Distance(v[s], v[t]) / 1000;
                double demand = v[s].Population * v[t].Population / Math.Pow(Math.Max(km, 1), gravityExponent);
                for (int at = t; at != s && via[at] >= 0; at = Other(edges[via[at]], at))
                {
                    flow[via[at]] += demand;
                }
            }
        }

        double length = edges.Sum(e => Distance(v[e.A], v[e.B]));
        double mean = edges.Select((e, i) => flow[i] * Distance(v[e.A], v[e.B])).Sum() / length;
        var factory = new GeometryFactory();
        return [.. edges.Select((e, i) => new CorridorLine($"road:{v[e.A].Name}–{v[e.B].Name}", roadClass,
            factory.CreateLineString([new Coordinate(v[e.A].X, v[e.A].Y), new Coordinate(v[e.B].X, v[e.B].Y)])) { Weight = mean > 0 ? flow[i] / mean : 0 })];
    }

    /// <summary>Gabriel graph edges (A &lt; B), in (A, B) order.</summary>
    public static IReadOnlyList<(int A, int B)> GabrielEdges(IReadOnlyList<RoadNode> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var edges = new List<(int, int)>();
        for (int a = 0; a < v.Count; a++)
        {
            for (int b = a + 1; b < v.Count; b++)
            {
                double ab = Squared(v[a], v[b]);
                bool empty = ab > 0;
                for (int k = 0; k < v.Count && empty; k++)
                {
                    empty = k == a || k == b || Squared(v[a], v[k]) + Squared(v[b], v[k]) >= ab;
                }

                if (empty)
                {
                    edges.Add((a, b));
                }
            }
        }

        return edges;
    }

    private static int Other((int A, int B) e, int at) => e.A == at ? e.B : e.A;

    /// <summary>For each node, the edge by which its shortest path from <paramref name="source"/> arrives (-1: source or unreachable).</summary>
    private static int[] ShortestPathTree(RoadNode[] v, List<(int To, int Edge)>[] adjacency, int source)
    {
        int n = v.Length;
        var dist = new double[n];
        var via = new int[n];
        var done = new bool[n];
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(via, -1);
        dist[source] = 0;
        for (int step = 0; step < n; step++)
        {
            int u = -1;
            for (int i = 0; i < n; i++)
            {
                if (!done[i] && !double.IsPositiveInfinity(dist[i]) && (u < 0 || dist[i] < dist[u]))
                {
                    u = i;
                }
            }

            if (u < 0)
            {
                break;
            }

            done[u] = true;
            foreach (var (to, edge) in adjacency[u])
            {
                double d = dist[u] + Distance(v[u], v[to]);
                if (!done[to] && d < dist[to])
                {
                    dist[to] = d;
                    via[to] = edge;
                }
            }
        }

        return via;
    }

    private static double Squared(RoadNode a, RoadNode b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));

    private static double Distance(RoadNode a, RoadNode b) => Math.Sqrt(Squared(a, b));
}
