using GridEmissions.Core.Facilities;
using GridEmissions.Pipeline;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Pipeline.Tests;

/// <summary>The point fleet on the shipped scenarios, run in memory: CCUS and generation, facility table = grid, caps in time, overrides, steel routes.</summary>
public sealed class PointFleetRunTests
{
    private static readonly Provenance Test = new(Provenance.Assumption, "test");

    private static MemorySink Run(string scenario, Func<Scenario, Scenario>? adjust = null)
    {
        PreparedRun run = ScenarioRun.Prepare(RepoPaths.Under("scenarios", scenario), adjust);
        var sink = new MemorySink();
        run.Runner.Run(sink);
        return sink;
    }

    private static Scenario MapPoint(Scenario s, Func<string, PointModelSpec, PointModelSpec> change) => s with
    {
        Sectors = [.. s.Sectors.Select(x => x.Model is PointModelSpec p ? x with { Model = change(x.Sector.Id, p) } : x)],
    };

    [Theory]
    [InlineData("henan-neutrality.yaml")]
    [InlineData("yrd-neutrality.yaml")]
    public void Turning_ccus_on_raises_fleet_generation_by_at_most_one_percent_in_every_year(string scenario)
    {
        MemorySink with = Run(scenario);
        MemorySink without = Run(scenario, s => MapPoint(s, (_, p) => p with { Ccus = [] }));
        Assert.True(with.Facilities.Any(r => r.CapturedTonnes > 0), "the scenario captures nothing: the test would prove nothing");
        foreach (string sector in new[] { "power", "steel" })
        {
            foreach (int year in with.Years)
            {
                double a = with.Activity(year, sector), b = without.Activity(year, sector);
                Assert.True(a <= b * 1.01, $"{scenario} {sector} {year}: activity {a:R} with CCUS vs {b:R} without (+{(a / b) - 1:P2})");
            }
        }
    }

    [Theory]
    [InlineData("henan-neutrality.yaml")]
    [InlineData("yrd-neutrality.yaml")]
    public void The_facility_table_equals_the_point_sector_grids_cell_by_cell_in_every_year(string scenario)
    {
        MemorySink run = Run(scenario);
        AssertFacilitiesEqualGrid(run);
    }

    [Fact]
    public void A_city_cap_from_2030_leaves_every_earlier_year_identical_and_the_facility_table_still_equals_the_grid()
    {
        MemorySink plain = Run("henan-neutrality.yaml");
        var cap = new CityCap("410100", "power", [new YearValue(2030, 5, Test), new YearValue(2060, 1, Test)]);
        MemorySink capped = Run("henan-neutrality.yaml", s => s with { CityCaps = [cap] });
        foreach (int year in plain.Years.Where(y => y < 2030))
        {
            foreach (var (sector, cells) in plain.Grids[year])
            {
                Assert.True(cells.AsSpan().SequenceEqual(capped.Grids[year][sector]), $"{sector} {year} changed under a cap from 2030");
            }

            Assert.Equal(plain.Facilities.Where(r => r.Year == year), capped.Facilities.Where(r => r.Year == year));
        }

        Assert.False(plain.Grids[2030]["power"].AsSpan().SequenceEqual(capped.Grids[2030]["power"]), "the cap did not bind in 2030: the test would prove nothing");
        AssertFacilitiesEqualGrid(capped);
    }

    [Fact]
    public void Retiring_one_plant_in_2030_by_override_changes_its_cell_from_2030_and_redistributes_by_dispatch_only()
    {
        MemorySink plain = Run("henan-neutrality.yaml");
        FacilityYearRecord plant = plain.Facilities.Where(r => r.Year == 2029 && r.SectorId == "power" && r.Status == "operating" && !r.FacilityId.Contains(':', StringComparison.Ordinal))
            .OrderByDescending(r => r.EmissionsTonnes).First();
        var retire = new FacilityOverride(plant.FacilityId, 2030, OverrideAction.Retire, null, null, null, null, null, Test, 0);
        MemorySink what = Run("henan-neutrality.yaml", s => MapPoint(s, (id, p) => id == "power" ? p with { Overrides = [retire] } : p));

        foreach (int year in plain.Years.Where(y => y < 2030))
        {
            Assert.Equal(plain.Facilities.Where(r => r.Year == year), what.Facilities.Where(r => r.Year == year));
        }

        int cell = plant.CellIndex;
        foreach (int year in plain.Years.Where(y => y >= 2030))
        {
            FacilityYearRecord gone = what.Facilities.Single(r => r.Year == year && r.FacilityId == plant.FacilityId);
            Assert.Equal(0, gone.EmissionsTonnes);
            Assert.Equal("retired", gone.Status);
        }

        Assert.NotEqual(plain.Grids[2030]["power"][cell], what.Grids[2030]["power"][cell]);
        Assert.Contains("override", what.Facilities.Single(r => r.Year == 2030 && r.FacilityId == plant.FacilityId).Reason, StringComparison.Ordinal);

        // Dispatch only: in 2030 every other unit keeps its status and runs at least as much as before.
        var before = plain.Facilities.Where(r => r.Year == 2030 && r.SectorId == "power" && r.FacilityId != plant.FacilityId).ToDictionary(r => r.FacilityId);
        foreach (FacilityYearRecord r in what.Facilities.Where(r => r.Year == 2030 && r.SectorId == "power" && r.FacilityId != plant.FacilityId))
        {
            Assert.Equal(before[r.FacilityId].Status, r.Status);
            Assert.True(r.Utilisation >= before[r.FacilityId].Utilisation - 1e-12, $"{r.FacilityId} ran less after {plant.FacilityId} retired");
        }

        AssertFacilitiesEqualGrid(what);
    }

    [Theory]
    [InlineData(OverrideAction.Ccus)]
    [InlineData(OverrideAction.CapUtilisation)]
    [InlineData(OverrideAction.Relocate)]
    public void A_power_plant_override_changes_that_plant_from_its_year_only_and_the_table_still_equals_the_grid(OverrideAction action)
    {
        MemorySink plain = Run("henan-neutrality.yaml");
        FacilityYearRecord plant = plain.Facilities.Where(r => r.Year == 2029 && r.SectorId == "power" && r.Status == "operating" && !r.FacilityId.Contains(':', StringComparison.Ordinal))
            .OrderByDescending(r => r.EmissionsTonnes).First();
        var o = new FacilityOverride(plant.FacilityId, 2030, action, action == OverrideAction.Ccus ? 0.9 : null, null,
            action == OverrideAction.CapUtilisation ? 0.3 : null, action == OverrideAction.Relocate ? 113.65 : null, action == OverrideAction.Relocate ? 34.76 : null, Test, 0);
        MemorySink what = Run("henan-neutrality.yaml", s => MapPoint(s, (id, p) => id == "power" ? p with { Overrides = [o] } : p));

        foreach (int year in plain.Years.Where(y => y < 2030))
        {
            Assert.Equal(plain.Facilities.Where(r => r.Year == year), what.Facilities.Where(r => r.Year == year));
        }

        var after = what.Facilities.Where(r => r.Year >= 2030 && r.FacilityId == plant.FacilityId).ToList();
        Assert.NotEmpty(after);
        Assert.Contains("override", after.First(r => r.Year == 2030).Reason, StringComparison.Ordinal);
        switch (action)
        {
            case OverrideAction.Ccus:
                foreach (FacilityYearRecord r in after.Where(r => r.GrossTonnes > 0))
                {
                    Assert.Equal(0.9 * r.GrossTonnes, r.CapturedTonnes, 1e-6 * r.GrossTonnes);
                    Assert.Equal(r.GrossTonnes - r.CapturedTonnes, r.EmissionsTonnes, 1e-6 * r.GrossTonnes);
                }

                Assert.Contains(after, r => r.CapturedTonnes > 0);
                break;
            case OverrideAction.CapUtilisation:
                double uncapped = plain.Facilities.Single(r => r.Year == 2030 && r.FacilityId == plant.FacilityId).Utilisation;
                Assert.True(uncapped > 0.3, $"the plant ran at {uncapped} in 2030 without the cap: the test needs a plant above the cap");
                Assert.All(after, r => Assert.True(r.Utilisation <= 0.3 + 1e-12, $"{r.Year}: utilisation {r.Utilisation} above the cap 0.3"));
                break;
            default:
                Assert.All(after, r => Assert.NotEqual(plant.CellIndex, r.CellIndex));
                Assert.Single(after.Select(r => r.CellIndex).Distinct());
                break;
        }

        AssertFacilitiesEqualGrid(what);
    }

    [Fact]
    public void Converting_a_blast_furnace_plant_to_scrap_eaf_lowers_its_emissions_from_that_year_only()
    {
        MemorySink plain = Run("henan-neutrality.yaml");
        FacilityYearRecord plant = plain.Facilities.Where(r => r.Year == 2029 && r.SectorId == "steel" && r.Status == "operating" && r.Route.StartsWith(SteelRoutes.BfBof + " ", StringComparison.Ordinal))
            .OrderByDescending(r => r.EmissionsTonnes).First();
        var o = new FacilityOverride(plant.FacilityId, 2030, OverrideAction.Convert, null, SteelRoutes.ScrapEaf, null, null, null, Test, 0);
        MemorySink what = Run("henan-neutrality.yaml", s => MapPoint(s, (id, p) => id == "steel" ? p with { Overrides = [o] } : p));

        Assert.Equal(plain.Facilities.Where(r => r.Year < 2030), what.Facilities.Where(r => r.Year < 2030));
        FacilityYearRecord before = plain.Facilities.Single(r => r.Year == 2030 && r.FacilityId == plant.FacilityId);
        FacilityYearRecord converted = what.Facilities.Single(r => r.Year == 2030 && r.FacilityId == plant.FacilityId);
        Assert.Equal(SteelRoutes.ScrapEaf, converted.Route);
        Assert.True(converted.Activity > 0, "the converted plant stopped producing");
        Assert.True(converted.GrossTonnes / converted.Activity < 0.5 * before.GrossTonnes / before.Activity,
            $"CO2 per tonne of steel {converted.GrossTonnes / converted.Activity:0.###} after conversion vs {before.GrossTonnes / before.Activity:0.###} before");
        AssertFacilitiesEqualGrid(what);
    }

    [Theory]
    [InlineData("henan-neutrality.yaml", 2025)]
    [InlineData("yrd-neutrality.yaml", 2025)]
    [InlineData("henan-reference.yaml", 2030)]
    [InlineData("yrd-reference.yaml", 2030)]
    public void No_steel_plant_retires_before_2035_and_no_blast_furnace_enters_after_the_scenario_year(string scenario, int noNewBf)
    {
        MemorySink run = Run(scenario);
        var steel = run.Facilities.Where(r => r.SectorId == "steel").ToList();
        Assert.DoesNotContain(steel, r => r.Year < 2035 && r.Status == "retired" && r.Reason.StartsWith("retired", StringComparison.Ordinal));
        var operatedBefore = steel.Where(r => r.Year <= noNewBf && r.Status is "operating" or "expansion").Select(r => r.FacilityId).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(steel, r => r.Year > noNewBf && r.Status is "operating" or "expansion" && !operatedBefore.Contains(r.FacilityId) && r.Route.Contains("BF-BOF", StringComparison.Ordinal));
    }

    private static void AssertFacilitiesEqualGrid(MemorySink run)
    {
        foreach (int year in run.Years)
        {
            foreach (var group in run.Facilities.Where(r => r.Year == year).GroupBy(r => r.SectorId))
            {
                double[] grid = run.Grids[year][group.Key];
                var sums = new double[grid.Length];
                foreach (FacilityYearRecord r in group)
                {
                    sums[r.CellIndex] += r.EmissionsTonnes;
                }

                for (int i = 0; i < grid.Length; i++)
                {
                    Assert.True(Math.Abs(sums[i] - grid[i]) <= 1e-9 * Math.Max(grid[i], 1), $"{group.Key} {year} cell {i}: facilities {sums[i]:R} t vs grid {grid[i]:R} t");
                }
            }
        }
    }

    private sealed class MemorySink : IProjectionSink
    {
        public SortedDictionary<int, Dictionary<string, double[]>> Grids { get; } = [];

        public List<FacilityYearRecord> Facilities { get; } = [];

        public IEnumerable<int> Years => Grids.Keys;

        public double Activity(int year, string sector) => Facilities.Where(r => r.Year == year && r.SectorId == sector).Sum(r => r.Activity);

        public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
        {
            if (!Grids.TryGetValue(year, out var y))
            {
                y = new Dictionary<string, double[]>(StringComparer.Ordinal);
                Grids[year] = y;
            }

            y[sector.Id] = cells.ToArray();
        }

        public void WriteTotal(int year, ReadOnlySpan<double> cells)
        {
        }

        public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records) => Facilities.AddRange(records);
    }
}
