using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Lines;

public class CityRoadNodesTests
{
    [Fact]
    public void Each_city_is_a_node_at_its_urban_residents_centroid_weighing_all_its_residents()
    {
        CellGeography geo = TinyGeography.Create();
        int n = geo.Grid.CellCount;
        var urban = new double[n];
        var rural = new double[n];
        urban[geo.Grid.Index(1, 1)] = 300;
        urban[geo.Grid.Index(2, 1)] = 100; // Alpha (columns 1–2): centroid 1/4 of the way from (1, 1) to (2, 1)
        rural[geo.Grid.Index(1, 3)] = 600;
        rural[geo.Grid.Index(4, 0)] = 50; // Beta (columns 3–4) has no urban residents: centroid of all of them
        rural[geo.Grid.Index(4, 2)] = 50;
        IReadOnlyList<RoadNode> nodes = CityRoadNodes.From(geo, urban, rural);
        Assert.Equal(2, nodes.Count);
        var (x1, y1) = TinyGeography.Centre(1, 1);
        var (x2, _) = TinyGeography.Centre(2, 1);
        Assert.Equal(new RoadNode("Alpha", x1 + ((x2 - x1) / 4), y1, 1000), nodes[0]);
        var (x4, y4) = TinyGeography.Centre(4, 1);
        Assert.Equal("Beta", nodes[1].Name);
        Assert.Equal(x4, nodes[1].X, 9);
        Assert.Equal(y4, nodes[1].Y, 9);
        Assert.Equal(100, nodes[1].Population, 12);
    }

    [Fact]
    public void A_city_without_residents_is_no_node()
    {
        CellGeography geo = TinyGeography.Create();
        var urban = new double[geo.Grid.CellCount];
        urban[geo.Grid.Index(3, 1)] = 10;
        Assert.Equal(["Beta"], CityRoadNodes.From(geo, urban, new double[geo.Grid.CellCount]).Select(c => c.Name));
    }
}
