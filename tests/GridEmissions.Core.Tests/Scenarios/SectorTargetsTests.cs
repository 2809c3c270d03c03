using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class SectorTargetsTests
{
    private static readonly Provenance P = new(Provenance.Assumption, "test");

    private static Scenario TwoSectors(params (string Sector, double Baseline, (int Year, double Percent)[] Shares)[] sectors)
    {
        var total = new TotalPathwaySpec(PathwayMethod.Anchors, Interpolation.Linear,
            [new YearValue(2024, 100, P), new YearValue(2034, 50, P)], [new RatePeriod(2035, 2040, -10, P)], [], []);
        var model = new AreaModelSpec(P, AreaProxy.Population, 1, 1, 0, new Dictionary<string, double>());
        var specs = sectors.Select(s => new SectorSpec(SectorCatalog.Find(s.Sector)!, new YearValue(2024, s.Baseline, P),
            s.Shares.Select(a => new YearValue(a.Year, a.Percent, P)).ToArray(), model)).ToArray();
        return new Scenario("t", "t", "test", "t.yaml", "R", ["R"], 10000, 2, 2024, 2040, 1,
            new ScenarioInputs("b.geojson", new Dictionary<string, string>()), total,
            new PopulationSpec([new YearValue(2024, 1, P)], [new YearValue(2024, 50, P)], 1, P), specs, []);
    }

    [Fact]
    public void Base_year_targets_are_the_baselines()
    {
        var t = SectorTargets.Compute(TwoSectors(("buildings", 60, [(2034, 20)]), ("agriculture", 40, [(2034, 80)])));
        Assert.Equal(60, t.TargetMt(2024, "buildings"), 12);
        Assert.Equal(40, t.TargetMt(2024, "agriculture"), 12);
        Assert.Equal(100, t.TotalMt(2024));
    }

    [Fact]
    public void Shares_move_linearly_to_their_anchors_and_are_held_after_the_last()
    {
        var t = SectorTargets.Compute(TwoSectors(("buildings", 60, [(2034, 20)]), ("agriculture", 40, [(2034, 80)])));
        Assert.Equal(40, t.SharePercent(2029, "buildings"), 12);
        Assert.Equal(20, t.SharePercent(2034, "buildings"), 12);
        Assert.Equal(20, t.SharePercent(2040, "buildings"), 12);
        Assert.Equal(0.2 * t.TotalMt(2040), t.TargetMt(2040, "buildings"), 12);
    }

    [Fact]
    public void Shares_that_do_not_add_to_100_are_normalised_and_targets_sum_to_the_total()
    {
        var t = SectorTargets.Compute(TwoSectors(("buildings", 60, [(2030, 30)]), ("agriculture", 40, [(2030, 30)])));
        Assert.Equal(50, t.SharePercent(2030, "buildings"), 12);
        Assert.Equal(50, t.SharePercent(2030, "agriculture"), 12);
        for (int year = 2024; year <= 2040; year++)
        {
            double sum = t.TargetMt(year, "buildings") + t.TargetMt(year, "agriculture");
            double total = t.TotalMt(year);
            Assert.True(Math.Abs(sum - total) <= 1e-12 * total, $"{year}: expected {total}, got {sum}, difference {sum - total}");
        }
    }

    [Fact]
    public void Asking_for_an_unknown_sector_or_year_is_a_programming_error()
    {
        var t = SectorTargets.Compute(TwoSectors(("buildings", 100, [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.TargetMt(2024, "power"));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.TotalMt(2061));
    }
}
