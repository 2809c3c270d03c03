using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sinks;

namespace GridEmissions.Core.Tests.Sinks;

public sealed class LandSinkModelTests
{
    private static readonly Provenance P = new(Provenance.Assumption, "test");

    private static CellGeography Geography(params double[] fractions) =>
        new(new GridSpec("t", 10_000, 0, 10, fractions.Length, 1), fractions, [.. fractions.Select(_ => 0)], [new CityInfo("1", "一", "One", 0, 0)]);

    [Fact]
    public void Weights_are_area_inside_the_region_times_class_share_times_rate()
    {
        var spec = new LandSinkSpec([new("forest", 367, P), new("other_vegetation", 110, P), new("cropland", 55, P)], [], []);
        var model = new LandSinkModel(spec, Geography(1, 0.5, 0), new LandCover([0.5, 0, 1], [0.2, 0, 0], [0.3, 1, 0]), 2024);
        var w = new double[3];
        LandAreas areas = model.Weights(2024, w);
        Assert.Equal(100 * ((0.5 * 367) + (0.2 * 110) + (0.3 * 55)), w[0], 9);
        Assert.Equal(50 * 55, w[1], 9);
        Assert.Equal(0, w[2]); // no region area, no sink
        Assert.Equal(50, areas.ForestKm2, 9);
    }

    [Fact]
    public void Afforestation_grows_forest_on_the_same_cells_other_vegetation_and_never_beyond_it()
    {
        var spec = new LandSinkSpec([new("forest", 300, P), new("other_vegetation", 100, P)], [], [new RatePeriod(2025, 2060, 10, P)]);
        var model = new LandSinkModel(spec, Geography(1, 1), new LandCover([0.5, 0], [0.02, 0.5], [0, 0]), 2024);
        var w = new double[2];
        LandAreas a = model.Weights(2026, w);
        Assert.Equal(100 * (0.52 * 300), w[0], 9);   // capped: only 0.02 of other vegetation to plant
        Assert.Equal(100 * (0.5 * 100), w[1], 9);    // no forest, none planted
        Assert.Equal(52, a.ForestKm2, 9);
        Assert.Equal(1.21, model.ForestGrowth(2026), 12);
    }

    [Fact]
    public void The_projector_conserves_each_signed_sector_and_books_removals_at_their_sites()
    {
        var land = new LandSinkSpec([new("forest", 367, P), new("cropland", 55, P)], [new YearValue(2024, -30, P), new YearValue(2034, -40, P)], []);
        var removals = new RemovalSpec("BECCS", [new YearValue(2030, 0, P), new YearValue(2040, -10, P)], []);
        var site = new RemovalSite("b", 0, 0, 3, P, 1);
        var g = Geography(1, 1, 1);
        var projector = new SinkProjector("s", "R", 2024, new SinkSpec(land, removals, null), g, new LandCover([1, 0, 0.2], [0, 0, 0], [0, 1, 0.8]),
            [new PlacedRemovalSite(site, 2, 25_000, 5_000)]);
        SinkYear y = projector.Project(2035);
        Assert.Equal(-40e6, y.Sectors[SinkSpec.LandSector].Sum(), 3);
        Assert.Equal(-5e6, y.Sectors[SinkSpec.RemovalSector][2], 3);
        Assert.Equal(0, y.Sectors[SinkSpec.RemovalSector][0]);
        Assert.All(y.Total(3), c => Assert.True(c <= 0));
        Assert.Equal(5e6, Assert.Single(y.Captured).Tonnes, 3);
        Assert.Equal(2, y.Audit.Count);
        Assert.All(projector.Project(2029).Sectors[SinkSpec.RemovalSector], c => Assert.Equal(0, c));
    }
}
