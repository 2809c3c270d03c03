using GridEmissions.Core.Models.Lines;

namespace GridEmissions.Core.Tests.Models.Lines;

public class GravityRoadNetworkTests
{
    [Fact]
    public void The_gabriel_graph_joins_neighbours_and_not_across_a_node_between_them()
    {
        // A, B, C in a row; D north of B, a little east
        RoadNode[] nodes = [new("A", 0, 0, 1), new("B", 100_000, 0, 1), new("C", 200_000, 0, 1), new("D", 120_000, 150_000, 1)];
        var edges = GravityRoadNetwork.GabrielEdges(nodes);
        Assert.Equal([(0, 1), (1, 2), (1, 3), (2, 3)], edges); // no A–C, no A–D: B lies inside the circles on A–C and on A–D
    }

    [Fact]
    public void An_edge_carries_the_gravity_flows_of_every_pair_routed_over_it()
    {
        // A – B – C in a row, 100 km apart: A–C traffic passes B
        RoadNode[] nodes = [new("A", 0, 0, 2), new("B", 100_000, 0, 3), new("C", 200_000, 0, 5)];
        IReadOnlyList<CorridorLine> roads = GravityRoadNetwork.Build(nodes, 2, "road");
        Assert.Equal(["road:A–B", "road:B–C"], roads.Select(r => r.Id));
        double tab = 2.0 * 3 / (100 * 100), tbc = 3.0 * 5 / (100 * 100), tac = 2.0 * 5 / (200 * 200);
        Assert.Equal((tab + tac) / (tbc + tac), roads[0].Weight / roads[1].Weight, 12);
        Assert.Equal(1.0, roads.Sum(r => r.Weight * r.Geometry.Length) / roads.Sum(r => r.Geometry.Length), 12); // length-weighted mean weight 1
        Assert.All(roads, r => Assert.Equal("road", r.Class));
    }

    [Fact]
    public void Between_two_large_close_cities_the_edge_outweighs_one_between_two_small_distant_cities()
    {
        // two big cities 60 km apart in the west, two small towns 150 km apart in the east, a middle node joining them
        RoadNode[] nodes =
        [
            new("Big1", 0, 0, 10_000_000), new("Big2", 0, 60_000, 8_000_000), new("Mid", 200_000, 30_000, 1_000_000),
            new("Small1", 400_000, -50_000, 500_000), new("Small2", 400_000, 100_000, 400_000),
        ];
        var roads = GravityRoadNetwork.Build(nodes, 2, "road").ToDictionary(r => r.Id, r => r.Weight);
        Assert.True(roads["road:Big1–Big2"] > roads["road:Small1–Small2"] * 10, $"Big1–Big2 {roads["road:Big1–Big2"]:R}, Small1–Small2 {roads["road:Small1–Small2"]:R}");
        Assert.True(roads["road:Big1–Mid"] > roads["road:Mid–Small1"], "the flow toward the big cities is larger");

        // a lower exponent gives distance less weight: the long edges gain relative to the short one
        var flat = GravityRoadNetwork.Build(nodes, 1, "road").ToDictionary(r => r.Id, r => r.Weight);
        Assert.True(flat["road:Mid–Small1"] / flat["road:Big1–Big2"] > roads["road:Mid–Small1"] / roads["road:Big1–Big2"]);
    }

    [Fact]
    public void The_network_is_the_same_on_every_build_and_nodes_without_people_are_left_out()
    {
        RoadNode[] nodes = [new("A", 0, 0, 5), new("B", 80_000, 10_000, 7), new("C", 30_000, 90_000, 2), new("E", 50_000, 40_000, 0), new("D", 120_000, 70_000, 4)];
        string Text(IReadOnlyList<CorridorLine> r) => string.Join(";", r.Select(l => $"{l.Id} {l.Weight:R} {l.Geometry.AsText()}"));
        string first = Text(GravityRoadNetwork.Build(nodes, 2, "road"));
        Assert.Equal(first, Text(GravityRoadNetwork.Build(nodes, 2, "road")));
        Assert.DoesNotContain("E", first.Split(';').SelectMany(l => l.Split(' ')[0].Replace("road:", string.Empty, StringComparison.Ordinal).Split('–')));
    }

    [Fact]
    public void One_node_or_none_gives_no_road()
    {
        Assert.Empty(GravityRoadNetwork.Build([new RoadNode("A", 0, 0, 5)], 2, "road"));
        Assert.Empty(GravityRoadNetwork.Build([], 2, "road"));
    }
}
