using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sinks;

namespace GridEmissions.Core.Tests.Sinks;

public sealed class StorageRouterTests
{
    private static readonly Provenance P = new(Provenance.Assumption, "test");

    private static LocatedSite Site(string name, double x, double capacityMt, int fromYear = 2024) =>
        new(new StorageSite(name, "Jiangsu", 0, 0, capacityMt, fromYear, P, 1), x, 0);

    [Fact]
    public void Captured_CO2_goes_to_the_nearest_site_first_then_the_next_and_never_above_capacity()
    {
        var router = new StorageRouter([Site("far", 300_000, 100), Site("near", 50_000, 1.5)], 1000);
        router.Route(2030, [new CaptureSource("plant", "power", 0, 0, 1e6)]);
        router.Route(2031, [new CaptureSource("plant", "power", 0, 0, 1e6)]);
        Assert.Equal(["near", "near", "far"], router.Flows.Select(f => f.Site));
        Assert.Equal(0.5e6, router.Flows[1].Tonnes, 6);
        Assert.Equal(50, router.Flows[0].DistanceKm, 9);
        foreach (StorageSiteYear y in router.SiteYears)
        {
            Assert.True(y.CumulativeTonnes <= y.CapacityTonnes, $"{y.Site} {y.Year}");
        }

        Assert.Equal(1.5e6, router.SiteYears.Single(s => s.Year == 2031 && s.Site == "near").CumulativeTonnes, 6);
        Assert.Empty(router.Unmet);
    }

    [Fact]
    public void What_finds_no_room_or_no_open_site_within_reach_is_reported_as_unmet()
    {
        var router = new StorageRouter([Site("small", 10_000, 0.2), Site("later", 20_000, 100, fromYear: 2040), Site("remote", 900_000, 100)], 500);
        router.Route(2030, [new CaptureSource("a", "steel", 0, 0, 1e6)]);
        UnmetStorage unmet = Assert.Single(router.Unmet);
        Assert.Equal(0.8e6, unmet.Tonnes, 6);
        Assert.Equal("every storage site within reach is full", unmet.Reason);
        router.Route(2031, [new CaptureSource("b", "steel", -600_000, 0, 1e6)]);
        Assert.Equal("no storage site open within reach", router.Unmet[^1].Reason);
        router.Route(2040, [new CaptureSource("a", "steel", 0, 0, 1e6)]);
        Assert.Equal("later", router.Flows[^1].Site);
    }

    [Fact]
    public void Routing_is_deterministic_whatever_the_order_of_the_sources()
    {
        CaptureSource[] sources = [new("x", "power", 0, 0, 2e6), new("y", "power", 1000, 0, 2e6), new("z", "power", 0, 0, 5e6)];
        var a = new StorageRouter([Site("s", 0, 6)], 100);
        var b = new StorageRouter([Site("s", 0, 6)], 100);
        a.Route(2030, sources);
        b.Route(2030, sources.Reverse());
        Assert.Equal(a.Flows, b.Flows);
        Assert.Equal(a.Unmet, b.Unmet);
    }
}
