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

public sealed class SectorTargetsOffGridTests
{
    private static readonly Provenance P = new(Provenance.Assumption, "test");

    private static Scenario WithOffGrid(OffGridSpec? offGrid)
    {
        var total = new TotalPathwaySpec(PathwayMethod.Anchors, Interpolation.Linear,
            [new YearValue(2024, 100, P), new YearValue(2034, 50, P)], [new RatePeriod(2035, 2040, -10, P)], [], []);
        var model = new AreaModelSpec(P, AreaProxy.Population, 1, 1, 0, new Dictionary<string, double>());
        double off = offGrid?.MtIn(2024) ?? 0;
        SectorSpec[] specs =
        [
            new(SectorCatalog.Buildings, new YearValue(2024, 0.6 * (100 - off), P), [new YearValue(2034, 30, P)], model),
            new(SectorCatalog.Agriculture, new YearValue(2024, 0.4 * (100 - off), P), [new YearValue(2034, 50, P)], model),
        ];
        return new Scenario("t", "t", "test", "t.yaml", "R", ["R"], 10000, 2, 2024, 2040, 1,
            new ScenarioInputs("b.geojson", new Dictionary<string, string>()), total,
            new PopulationSpec([new YearValue(2024, 1, P)], [new YearValue(2024, 50, P)], 1, P), specs, [])
        { OffGrid = offGrid };
    }

    private static readonly OffGridSpec Imported = new("imported electricity", [new YearValue(2024, 20, P), new YearValue(2030, 14, P), new YearValue(2040, 0, P)]);

    [Fact]
    public void On_grid_targets_plus_the_off_grid_part_give_the_total_every_year()
    {
        var t = SectorTargets.Compute(WithOffGrid(Imported));
        for (int year = 2024; year <= 2040; year++)
        {
            double expected = t.TotalMt(year);
            double got = t.TargetMt(year, "buildings") + t.TargetMt(year, "agriculture") + t.OffGridMt(year);
            Assert.True(Math.Abs(got - expected) <= 1e-9 * expected, $"{year}: expected {expected:R}, got {got:R}, difference {got - expected:E2}");
            Assert.Equal(t.TotalMt(year) - t.OffGridMt(year), t.OnGridMt(year), 12);
        }
    }

    [Fact]
    public void The_off_grid_part_is_linear_between_entries_and_held_after_the_last()
    {
        var t = SectorTargets.Compute(WithOffGrid(Imported));
        Assert.Equal(20, t.OffGridMt(2024), 12);
        Assert.Equal(17, t.OffGridMt(2027), 12);
        Assert.Equal(7, t.OffGridMt(2035), 12);
        Assert.Equal(0, t.OffGridMt(2040), 12);
    }

    [Fact]
    public void Base_year_targets_are_the_baselines_and_share_anchors_are_shares_of_the_on_grid_part()
    {
        var t = SectorTargets.Compute(WithOffGrid(Imported));
        Assert.Equal(48, t.TargetMt(2024, "buildings"), 12);
        Assert.Equal(32, t.TargetMt(2024, "agriculture"), 12);
        Assert.Equal(48, t.SharePercent(2024, "buildings"), 9); // targets.csv: percent of the regional total
        Assert.Equal(0.6 * 80, t.TargetMt(2024, "buildings"), 12);
        double offShare = t.OffGridMt(2034) / t.TotalMt(2034) * 100;
        Assert.Equal(100 - offShare, t.SharePercent(2034, "buildings") + t.SharePercent(2034, "agriculture"), 9);
        Assert.Equal(30.0 / 80, t.TargetMt(2034, "buildings") / t.OnGridMt(2034), 12); // anchors 30 : 50, normalised over the on-grid part
        double b = 60 + ((30 - 60) * 0.3), a = 40 + ((50 - 40) * 0.3); // linear from 60 % and 40 % of the on-grid part, then normalised
        Assert.Equal(b / (a + b), t.TargetMt(2027, "buildings") / t.OnGridMt(2027), 12);
    }

    [Fact]
    public void Without_an_off_grid_part_the_targets_are_bit_for_bit_those_of_the_total()
    {
        var t = SectorTargets.Compute(WithOffGrid(null));
        for (int year = 2024; year <= 2040; year++)
        {
            Assert.Equal(0, t.OffGridMt(year));
            Assert.Equal(t.TotalMt(year), t.OnGridMt(year));
        }
    }
}
