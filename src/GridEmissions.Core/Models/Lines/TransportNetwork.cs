using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Lines;

/// <summary>
/// The lines a transport model runs on: the corridors input (rail lines, or a user's real network),
/// plus the station links that complete the rail lines (<see cref="StationLinker"/>) and the gravity road
/// proxy (<see cref="GravityRoadNetwork"/> on <see cref="CityRoadNodes"/>) when the model asks for them.
/// The road proxy is built only when no corridor line already carries its class: a real road network
/// named under <c>inputs.corridors</c> replaces it.
/// </summary>
public sealed record TransportNetwork(IReadOnlyList<CorridorLine> Lines, IReadOnlyList<string> Notes)
{
    /// <summary>Composes the lines of <paramref name="spec"/> at the proxy's current (base) year.</summary>
    public static TransportNetwork Compose(LineModelSpec spec, IReadOnlyList<CorridorLine> corridors, IReadOnlyList<RailStation> stations, CellGeography geography, PopulationProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(corridors);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(proxy);
        var lines = new List<CorridorLine>(corridors);
        var notes = new List<string>();
        if (spec.StationLinks is { } links)
        {
            RailStation[] onGrid = [.. stations.Where(s => geography.Grid.TryLocate(s.X, s.Y, out _))];
            var rail = corridors.Where(c => spec.RoadProxy is null || c.Class != spec.RoadProxy.Class).ToList();
            IReadOnlyList<CorridorLine> added = StationLinker.Link(rail, onGrid, links.MinDistanceKm * 1000, links.Class);
            lines.AddRange(added);
            double km = added.Sum(l => l.Geometry.Length) / 1000;
            notes.Add(FormattableString.Invariant($"{onGrid.Length} stations on the grid, {added.Count} farther than {links.MinDistanceKm:0.#} km from the rail lines joined by {km:0} km of '{links.Class}' links"));
        }

        if (spec.RoadProxy is { } road)
        {
            if (corridors.Any(c => c.Class == road.Class))
            {
                notes.Add($"the corridors input has '{road.Class}' lines: they are the road network and no road proxy is built");
            }
            else
            {
                IReadOnlyList<RoadNode> nodes = CityRoadNodes.From(geography, proxy.UrbanResidents, proxy.RuralResidents);
                IReadOnlyList<CorridorLine> roads = GravityRoadNetwork.Build(nodes, road.GravityExponent, road.Class);
                lines.AddRange(roads);
                notes.Add(FormattableString.Invariant($"road proxy: {nodes.Count} city nodes (urban-resident centroids), {roads.Count} Gabriel-graph edges, {roads.Sum(l => l.Geometry.Length) / 1000:0} km, gravity flows P_i·P_j/d^{road.GravityExponent:0.##} on shortest paths (edge weight {roads.Select(l => l.Weight).DefaultIfEmpty().Min():0.00} to {roads.Select(l => l.Weight).DefaultIfEmpty().Max():0.00} of the mean)"));
            }
        }

        return new TransportNetwork(lines, notes);
    }
}
