using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Proxies;

public class UrbanBaseTests
{
    [Fact]
    public void Build_makes_seat_cells_large_places_and_mapped_urban_area_urban_inside_the_region_only()
    {
        CellGeography geo = TinyGeography.Create();
        var g = geo.Grid;
        var (px, py) = TinyGeography.Centre(2, 3);
        var (sx, sy) = TinyGeography.Centre(0, 0);
        var (tx, ty) = TinyGeography.Centre(3, 3);
        PopulationPlace[] places = [new("Big", px, py, 150_000), new("Outside", sx, sy, 500_000), new("Small", tx, ty, 5_000)];
        var area = new GeometryFactory().ToGeometry(new Envelope(g.MinX + 20_000, g.MinX + 30_000, g.MaxY - 10_000, g.MaxY - 8_000)); // 20 % of cell (2, 0)
        UrbanBase b = UrbanBase.Build(geo, places, [area]);
        int[] urban = Enumerable.Range(0, g.CellCount).Where(i => b.Urban[i]).ToArray();
        Assert.Equal(new[] { g.Index(2, 0), g.Index(1, 1), g.Index(4, 2), g.Index(2, 3) }.Order(), urban);
        Assert.Equal(UrbanBase.MinimumUrbanWeight, b.Weight[g.Index(1, 1)]);
        Assert.Equal(150_000, b.Weight[g.Index(2, 3)], 6);
        Assert.Equal(20 * UrbanBase.UrbanDensityPerKm2, b.Weight[g.Index(2, 0)], 6);
        Assert.All(Enumerable.Range(0, g.CellCount).Where(i => !b.Urban[i]), i => Assert.Equal(0, b.Weight[i]));
    }
}
