using System.Globalization;
using FsCheck.Fluent;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Points;

public class PointSourceModelTests
{
    private const int BaseYear = 2020;
    private const int Seed = 7;

    /// <summary>Utilisation 0..1 and a tiny target: no merit-order retirement, so only lifecycle rules act.</summary>
    private static readonly PointModelSpec Lifecycle = PointSpecBuilder.Default with { MinUtilisation = 0, MaxUtilisation = 1 };

    private static PointSourceModel Model(PointModelSpec spec, IReadOnlyList<SitedFacility> facilities, IReadOnlyList<(string Name, double X, double Y)>? sites = null, int seed = Seed) =>
        new("power", spec, TinyGeography.Create(), facilities, sites ?? [], BaseYear, seed);

    private static Dictionary<int, SectorYear> Run(PointSourceModel model, int to, Func<int, double> target)
    {
        var years = new Dictionary<int, SectorYear>();
        for (int y = BaseYear; y <= to; y++)
        {
            years[y] = model.Evolve(y, target(y));
        }

        return years;
    }

    private static FacilityYearRecord Rec(SectorYear year, string id) => year.Facilities.Single(r => r.FacilityId == id);

    private static void AssertEmitsExactlyIn(Dictionary<int, SectorYear> run, string id, int from, int toExclusive)
    {
        foreach (var (year, sy) in run)
        {
            FacilityYearRecord r = Rec(sy, id);
            bool expected = year >= from && year < toExclusive;
            Assert.True(expected == r.Status is "operating" or "expansion", $"{id} in {year}: expected {(expected ? "to emit" : "no emissions")}, got {r.EmissionsTonnes:R} t ({r.Status}, {r.Reason})");
        }
    }

    private static void AssertRecordsMatchWeights(SectorYear sy, int year)
    {
        double records = Conservation.ExactSum(sy.Facilities.Select(r => r.EmissionsTonnes).ToArray());
        Conservation.AssertConserved(records, sy.Weights, 1e-12, $"weights vs per-facility emissions in {year}");
    }

    [Fact]
    public void A_retired_unit_never_emits_after_its_retirement_year()
    {
        Facility f = FacilityBuilder.Unit("ret", status: FacilityStatus.Retired, start: 1990, retired: 2024);
        Facility keep = FacilityBuilder.Unit("keep", start: 2015);
        var run = Run(Model(Lifecycle, [f.At(2, 1), keep.At(3, 1)]), 2035, _ => 1000);
        AssertEmitsExactlyIn(run, "ret", BaseYear, 2024);
        Assert.Equal("retired", Rec(run[2024], "ret").Status);
    }

    [Fact]
    public void A_unit_retired_before_the_base_year_never_emits_and_has_no_record()
    {
        Facility f = FacilityBuilder.Unit("gone", status: FacilityStatus.Retired, start: 1990, retired: 2018);
        var run = Run(Model(Lifecycle, [f.At(2, 1), FacilityBuilder.Unit("keep").At(3, 1)]), 2030, _ => 1000);
        Assert.All(run.Values, sy => Assert.DoesNotContain(sy.Facilities, r => r.FacilityId == "gone"));
    }

    [Fact]
    public void A_unit_with_a_planned_retirement_year_stops_that_year()
    {
        Facility f = FacilityBuilder.Unit("plan", start: 2012, plannedRetirement: 2027);
        var run = Run(Model(Lifecycle, [f.At(2, 1), FacilityBuilder.Unit("keep").At(3, 1)]), 2035, _ => 1000);
        AssertEmitsExactlyIn(run, "plan", BaseYear, 2027);
        Assert.StartsWith("retired: planned retirement year", Rec(run[2027], "plan").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_retires_at_start_year_plus_lifetime()
    {
        Facility f = FacilityBuilder.Unit("life", start: 1992);
        var run = Run(Model(Lifecycle with { LifetimeYears = 35 }, [f.At(2, 1), FacilityBuilder.Unit("keep", start: 2018).At(3, 1)]), 2035, _ => 1000);
        AssertEmitsExactlyIn(run, "life", BaseYear, 2027);
    }

    [Fact]
    public void Overdue_units_retire_within_the_grace_years_and_the_same_seed_gives_the_same_years()
    {
        SitedFacility[] fleet = Enumerable.Range(0, 12).Select(k => FacilityBuilder.Unit("old" + k, start: 1965 + k).At(1 + (k % 4), k % 4)).ToArray();
        int[] RetirementYears(int seed)
        {
            var run = Run(Model(Lifecycle, fleet, seed: seed), 2035, _ => 1000);
            return fleet.Select(f => Enumerable.Range(BaseYear, 16).First(y => Rec(run[y], f.Facility.Id).Status == "retired")).ToArray();
        }

        int[] first = RetirementYears(Seed);
        Assert.All(first, y => Assert.InRange(y, BaseYear + 1, BaseYear + UnitLifecycle.OverdueGraceYears));
        Assert.Equal(first, RetirementYears(Seed));
        Assert.True(first.Distinct().Count() > 3, $"overdue units retire in too few years: {string.Join(", ", first)}");
    }

    [Theory]
    [InlineData(FacilityStatus.Construction, 2023, 0, 2023)]
    [InlineData(FacilityStatus.Construction, 2023, 4, 2027)]
    [InlineData(FacilityStatus.Announced, 2026, 1, 2027)]
    [InlineData(FacilityStatus.Announced, null, 0, 2025)]
    public void A_pipeline_unit_enters_at_its_start_year_plus_the_delay_and_never_emits_before(FacilityStatus status, int? start, int delay, int enter)
    {
        Facility f = FacilityBuilder.Unit("new", status: status, start: start);
        var run = Run(Model(Lifecycle with { EntryDelayYears = delay }, [f.At(2, 2), FacilityBuilder.Unit("keep").At(3, 1)]), 2035, _ => 1000);
        AssertEmitsExactlyIn(run, "new", enter, 2100);
        Assert.Equal("planned", Rec(run[enter - 1], "new").Status);
        Assert.StartsWith("entered: ", Rec(run[enter], "new").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FacilityStatus.Cancelled, 1.0)]
    [InlineData(FacilityStatus.Shelved, 1.0)]
    [InlineData(FacilityStatus.Construction, 0.0)]
    [InlineData(FacilityStatus.Announced, 0.0)]
    public void Cancelled_or_shelved_units_and_projects_at_entry_probability_zero_never_emit(FacilityStatus status, double entryProbability)
    {
        Facility f = FacilityBuilder.Unit("never", status: status, start: 2023);
        var run = Run(Model(Lifecycle with { EntryProbability = entryProbability }, [f.At(2, 2), FacilityBuilder.Unit("keep").At(3, 1)]), 2040, _ => 1e7);
        Assert.All(run.Values, sy => Assert.DoesNotContain(sy.Facilities, r => r.FacilityId == "never" && r.EmissionsTonnes > 0));
    }

    [Fact]
    public void Forced_retirement_retires_units_at_or_below_the_capacity_in_the_stated_year_and_they_never_emit_after()
    {
        PointModelSpec spec = Lifecycle with { ForcedRetirements = [PointSpecBuilder.Forced(2030, 300)] };
        SitedFacility[] fleet =
        [
            FacilityBuilder.Unit("small", capacityMw: 200, start: 2015).At(1, 0),
            FacilityBuilder.Unit("edge", capacityMw: 300, start: 2015).At(2, 0),
            FacilityBuilder.Unit("big", capacityMw: 600, start: 2015).At(3, 0),
            FacilityBuilder.Unit("late", capacityMw: 100, status: FacilityStatus.Construction, start: 2033).At(4, 0),
        ];
        var run = Run(Model(spec, fleet), 2040, _ => 1000);
        AssertEmitsExactlyIn(run, "small", BaseYear, 2030);
        AssertEmitsExactlyIn(run, "edge", BaseYear, 2030);
        AssertEmitsExactlyIn(run, "big", BaseYear, 2055);
        AssertEmitsExactlyIn(run, "late", 2100, 2100);
        Assert.Contains("forced retirement from 2030", Rec(run[2030], "small").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gradual_forced_retirement_retires_its_units_evenly_oldest_first_by_its_last_year()
    {
        PointModelSpec spec = Lifecycle with { ForcedRetirements = [PointSpecBuilder.Forced(2030, 300) with { ToYear = 2033 }] };
        SitedFacility[] fleet = [.. Enumerable.Range(0, 8).Select(k => FacilityBuilder.Unit("u" + k, capacityMw: 200, start: 2001 + k).At(k % 4, k / 4)),
            FacilityBuilder.Unit("big", capacityMw: 600, start: 2015).At(3, 2)];
        var run = Run(Model(spec, fleet), 2040, _ => 1000);
        for (int k = 0; k < 8; k++)
        {
            AssertEmitsExactlyIn(run, "u" + k, BaseYear, 2030 + (k / 2)); // two a year, the oldest first
        }

        AssertEmitsExactlyIn(run, "big", BaseYear, 2055);
        Assert.Contains("forced retirement from 2030–2033", Rec(run[2031], "u2").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Forced_retirement_with_a_minimum_age_waits_until_each_unit_reaches_it()
    {
        PointModelSpec spec = Lifecycle with { ForcedRetirements = [PointSpecBuilder.Forced(2030, 300, minAge: 25)] };
        SitedFacility[] fleet =
        [
            FacilityBuilder.Unit("aged", capacityMw: 200, start: 2000).At(1, 0),
            FacilityBuilder.Unit("young", capacityMw: 200, start: 2010).At(2, 0),
            FacilityBuilder.Unit("big", capacityMw: 600, start: 2015).At(3, 0),
        ];
        var run = Run(Model(spec, fleet), 2040, _ => 1000);
        AssertEmitsExactlyIn(run, "aged", BaseYear, 2030);
        AssertEmitsExactlyIn(run, "young", BaseYear, 2035);
    }

    [Fact]
    public void Ccus_captures_on_the_chosen_share_of_capacity_largest_first_from_its_year_and_emissions_plus_captured_equal_gross()
    {
        PointModelSpec spec = Lifecycle with { Ccus = [PointSpecBuilder.Ccus(2030, 0.9, 0.5)] };
        var fleet = new[] { (Id: "u1000", Mw: 1000.0), ("u600", 600), ("u400", 400), ("u300", 300) }
            .Select((u, k) => FacilityBuilder.Unit(u.Id, capacityMw: u.Mw, start: 2015, referenceTonnes: u.Mw * 4000).At(1 + k, 1)).ToArray();
        var run = Run(Model(spec, fleet), 2035, _ => 5e6);
        foreach (var (year, sy) in run)
        {
            foreach (FacilityYearRecord r in sy.Facilities)
            {
                Facility f = fleet.Single(x => x.Facility.Id == r.FacilityId).Facility;
                double gross = r.Utilisation * f.TonnesPerUtilisation;
                Conservation.AssertConserved(gross, r.EmissionsTonnes + r.CapturedTonnes, 1e-12, $"{r.FacilityId} {year} emissions + captured vs gross");
                bool captures = year >= 2030 && r.FacilityId is "u1000" or "u600";
                Assert.True(captures || r.CapturedTonnes == 0, $"{r.FacilityId} in {year}: captured {r.CapturedTonnes:R} t without CCUS");
                if (captures)
                {
                    Conservation.AssertConserved(0.9 * gross, r.CapturedTonnes, 1e-12, $"{r.FacilityId} {year} captured at rate 0.9");
                }
            }

            Conservation.AssertConserved(5e6, sy.Weights, 1e-9, $"sector emissions after capture in {year}");
            AssertRecordsMatchWeights(sy, year);
        }

        Assert.Contains(run[2030].Notes, n => n.Contains("CCUS on 1600 of 2300", StringComparison.Ordinal));

        // Capture changes what is emitted, not what is generated: fleet activity equals the run without CCUS.
        var without = Run(Model(Lifecycle, fleet), 2035, _ => 5e6);
        foreach (int year in run.Keys)
        {
            double a = run[year].Facilities.Sum(r => r.Activity), b = without[year].Facilities.Sum(r => r.Activity);
            Assert.True(Math.Abs(a - b) <= 0.01 * b, $"{year}: generation {a:R} MWh with CCUS vs {b:R} without");
        }

        Assert.Contains("CCUS captures", run[2030].Closure, StringComparison.Ordinal);
    }

    [Fact]
    public void Relocation_moves_units_near_a_seat_outward_to_a_different_cell_and_leaves_far_units_alone()
    {
        CellGeography geo = TinyGeography.Create();
        CityInfo seatA = geo.Cities[0];
        Facility near = FacilityBuilder.Unit("near");
        Facility far = FacilityBuilder.Unit("far");
        var fleet = new[] { new SitedFacility(near, seatA.SeatX + 3_000, seatA.SeatY), far.At(2, 3) };
        var run = Run(Model(Lifecycle with { MinUtilisation = 0.1, Relocation = PointSpecBuilder.Relocate(2025, withinKm: 5, moveKm: 8) }, fleet), 2030, _ => 1e6);

        // Straight out from the seat, 3 km + 8 km, still inside city A.
        geo.Grid.TryLocate(seatA.SeatX + 11_000, seatA.SeatY, out int expected);
        Assert.Equal(geo.Grid.CellId(geo.Grid.Index(1, 1)), Rec(run[2024], "near").CellId);
        Assert.Equal(geo.Grid.CellId(expected), Rec(run[2025], "near").CellId);
        Assert.Equal(geo.Grid.CellId(expected), Rec(run[2030], "near").CellId);
        Assert.NotEqual(Rec(run[2024], "near").CellId, Rec(run[2025], "near").CellId);
        Assert.StartsWith("relocated from the city to the suburbs: 3 km -> 11 km", Rec(run[2025], "near").Reason, StringComparison.Ordinal);
        Assert.All(run.Values, sy => Assert.Equal(geo.Grid.CellId(geo.Grid.Index(2, 3)), Rec(sy, "far").CellId));
        Assert.True(run[2025].Weights[expected] > 0, "the relocated unit's emissions are not in its new cell");
    }

    [Fact]
    public void Relocation_turns_rather_than_leave_the_city_or_the_region()
    {
        CellGeography geo = TinyGeography.Create();
        CityInfo seatA = geo.Cities[0];
        var fleet = new[] { new SitedFacility(FacilityBuilder.Unit("near"), seatA.SeatX + 3_000, seatA.SeatY) };
        var run = Run(Model(Lifecycle with { Relocation = PointSpecBuilder.Relocate(2025, withinKm: 5, moveKm: 15) }, fleet), 2026, _ => 1000);

        // 18 km east would land in city B: the unit is moved by the same distance in another direction, inside city A.
        geo.Grid.TryLocate(seatA.SeatX, seatA.SeatY, out int seatCell);
        string moved = Rec(run[2025], "near").CellId;
        int cell = Enumerable.Range(0, geo.Grid.CellCount).Single(i => geo.Grid.CellId(i) == moved);
        Assert.NotEqual(geo.Grid.CellId(seatCell), moved);
        Assert.Equal(0, geo.CellCity[cell]);
        Assert.True(geo.RegionFraction[cell] >= 0.5);
    }

    [Fact]
    public void Utilisation_stays_within_min_and_max_when_the_target_is_within_the_fleet_range()
    {
        var gen =
            from n in Gen.Choose(1, 8)
            from tonnes in Properties.LogUniform(1e4, 1e7).ArrayOf(n)
            from f in Properties.Uniform(0, 1)
            select (Tonnes: tonnes, F: f);
        Properties.Check(gen, t =>
        {
            PointModelSpec spec = PointSpecBuilder.Default;
            SitedFacility[] fleet = t.Tonnes.Select((x, k) => FacilityBuilder.Unit("u" + k, referenceTonnes: x).At(1 + (k % 4), k % 4)).ToArray();
            double s = fleet.Sum(x => x.Facility.TonnesPerUtilisation);
            double target = s * (spec.MinUtilisation + (t.F * (spec.MaxUtilisation - spec.MinUtilisation)));
            SectorYear sy = Model(spec, fleet).Evolve(BaseYear, target);
            Assert.Equal(fleet.Length, sy.FacilityCount);
            Assert.All(sy.Facilities, r => Assert.InRange(r.Utilisation, spec.MinUtilisation - 1e-12, spec.MaxUtilisation + 1e-12));
            Conservation.AssertConserved(target, sy.Weights, 1e-9, "point sector total");
        });
    }

    [Fact]
    public void Every_year_the_weights_sum_to_the_target_utilisation_never_exceeds_the_maximum_and_records_match_weights()
    {
        var gen =
            from n in Gen.Choose(1, 6)
            from tonnes in Properties.LogUniform(1e4, 1e7).ArrayOf(n)
            from starts in Gen.Choose(1975, 2020).ArrayOf(n)
            from factors in Gen.Frequency((1, Gen.Constant(0.0)), (6, Properties.LogUniform(0.01, 3))).ArrayOf(6)
            from order in Gen.Elements(MeritOrder.Oldest, MeritOrder.Smallest, MeritOrder.LeastEfficient)
            select (Tonnes: tonnes, Starts: starts, Factors: factors, Order: order);
        Properties.Check(gen, t =>
        {
            PointModelSpec spec = PointSpecBuilder.Default with { MeritOrder = t.Order };
            SitedFacility[] fleet = t.Tonnes.Select((x, k) => FacilityBuilder.Unit("u" + k, capacityMw: 100 + (x / 1e4), start: t.Starts[k], referenceTonnes: x).At(1 + (k % 4), k % 4)).ToArray();
            double s = fleet.Sum(x => x.Facility.TonnesPerUtilisation);
            PointSourceModel model = Model(spec, fleet, [("Park", TinyGeography.Centre(3, 2).X, TinyGeography.Centre(3, 2).Y)]);
            for (int k = 0; k < t.Factors.Length; k++)
            {
                int year = BaseYear + k;
                double target = t.Factors[k] * s;
                SectorYear sy = model.Evolve(year, target);
                Conservation.AssertConserved(target, sy.Weights, 1e-9, $"point sector total in {year}");
                AssertRecordsMatchWeights(sy, year);
                Assert.All(sy.Facilities, r => Assert.True(r.Utilisation <= spec.MaxUtilisation + 1e-12, $"{r.FacilityId} utilisation {r.Utilisation:R} > max"));
                bool belowNote = sy.Closure.Contains("minimum utilisation gives way", StringComparison.Ordinal);
                Assert.All(sy.Facilities.Where(r => r.EmissionsTonnes > 0), r => Assert.True(belowNote || r.Utilisation >= spec.MinUtilisation - 1e-12, $"{r.FacilityId} utilisation {r.Utilisation:R} < min without a note"));
            }
        });
    }

    [Theory]
    [InlineData(MeritOrder.Oldest, "old")]
    [InlineData(MeritOrder.Smallest, "small")]
    [InlineData(MeritOrder.LeastEfficient, "dirty")]
    public void A_target_below_the_fleet_minimum_retires_units_in_merit_order_and_they_stay_retired(MeritOrder order, string retires)
    {
        SitedFacility[] fleet =
        [
            FacilityBuilder.Unit("old", capacityMw: 600, start: 2000, referenceTonnes: 1e6).At(1, 0), // 2.0e6 t per unit utilisation, 3,333 t/MW
            FacilityBuilder.Unit("small", capacityMw: 300, start: 2010, referenceTonnes: 0.45e6).At(2, 0), // 0.9e6, 3,000 t/MW
            FacilityBuilder.Unit("dirty", capacityMw: 900, start: 2015, referenceTonnes: 2e6).At(3, 0), // 4.0e6, 4,444 t/MW
        ];
        PointSourceModel model = Model(PointSpecBuilder.Default with { MeritOrder = order }, fleet);
        SectorYear first = model.Evolve(BaseYear, 3e6);
        Assert.All(first.Facilities, r => Assert.Equal("operating", r.Status));

        SectorYear cut = model.Evolve(BaseYear + 1, 1.25e6); // below 0.2 × 6.9e6
        Assert.Equal(["retired"], cut.Facilities.Where(r => r.FacilityId == retires).Select(r => r.Status));
        Assert.Equal(2, cut.Facilities.Count(r => r.Status == "operating"));
        Assert.Contains($"'{order}' merit order", Rec(cut, retires).Reason, StringComparison.Ordinal);
        Conservation.AssertConserved(1.25e6, cut.Weights, 1e-9, "sector total after merit-order retirement");

        for (int y = BaseYear + 2; y <= BaseYear + 4; y++)
        {
            SectorYear later = model.Evolve(y, 6e6);
            Assert.Equal(0, Rec(later, retires).EmissionsTonnes);
            Assert.Equal("retired", Rec(later, retires).Status);
            Conservation.AssertConserved(6e6, later.Weights, 1e-9, $"sector total in {y}");
        }
    }

    [Fact]
    public void A_target_above_the_fleet_maximum_adds_expansion_capacity_at_the_named_site()
    {
        SitedFacility[] fleet = [FacilityBuilder.Unit("a", capacityMw: 600).At(1, 0), FacilityBuilder.Unit("b", capacityMw: 300, referenceTonnes: 0.5e6).At(2, 0)];
        var (sx, sy) = TinyGeography.Centre(3, 2);
        PointSourceModel model = Model(PointSpecBuilder.Default, fleet, [("Luoyang Park", sx, sy)]);
        double max = 0.9 * (2e6 + 1e6);
        SectorYear year = model.Evolve(BaseYear, 2 * max);
        FacilityYearRecord added = year.Facilities.Single(r => r.Status == "expansion");
        Assert.Equal(TinyGeography.Grid.CellId(TinyGeography.Grid.Index(3, 2)), added.CellId);
        Assert.Contains("Luoyang Park", added.Name, StringComparison.Ordinal);
        Assert.All(year.Facilities, r => Assert.Equal(0.9, r.Utilisation, 12));
        Conservation.AssertConserved(2 * max, year.Weights, 1e-9, "sector total with expansion");
        Conservation.AssertConserved(max, added.EmissionsTonnes, 1e-9, "expansion carries the shortfall");
        Assert.Contains(year.Notes, n => n.Contains("expansion", StringComparison.Ordinal) && n.Contains("Luoyang Park", StringComparison.Ordinal));
    }

    [Fact]
    public void Evolving_into_a_lent_buffer_with_stale_content_gives_the_same_weights_and_records_as_a_fresh_array()
    {
        SitedFacility[] fleet = [FacilityBuilder.Unit("a", capacityMw: 600).At(1, 0), FacilityBuilder.Unit("b", capacityMw: 900).At(4, 3), FacilityBuilder.Unit("c", capacityMw: 300).At(4, 3)];
        PointSourceModel fresh = Model(PointSpecBuilder.Default, fleet);
        PointSourceModel lent = Model(PointSpecBuilder.Default, fleet);
        var buffer = new double[TinyGeography.Grid.CellCount];
        for (int year = BaseYear; year <= BaseYear + 8; year++)
        {
            double target = 6e6 - (5e5 * (year - BaseYear));
            Array.Fill(buffer, 7.5); // stale: must be cleared
            SectorYear expected = fresh.Evolve(year, target);
            SectorYear got = lent.Evolve(year, target, buffer);
            Assert.Same(buffer, got.Weights);
            Assert.Equal(expected.Weights.Select(BitConverter.DoubleToInt64Bits), buffer.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.Facilities, got.Facilities);
        }
    }

    [Fact]
    public void A_target_above_the_fleet_maximum_without_sites_builds_beside_the_largest_unit()
    {
        SitedFacility[] fleet = [FacilityBuilder.Unit("a", capacityMw: 600).At(1, 0), FacilityBuilder.Unit("b", capacityMw: 900).At(4, 3)];
        SectorYear year = Model(PointSpecBuilder.Default, fleet).Evolve(BaseYear, 1e8);
        FacilityYearRecord added = year.Facilities.Single(r => r.Status == "expansion");
        Assert.Equal(TinyGeography.Grid.CellId(TinyGeography.Grid.Index(4, 3)), added.CellId);
        Conservation.AssertConserved(1e8, year.Weights, 1e-9, "sector total with expansion");
    }

    [Fact]
    public void A_zero_target_retires_every_unit_and_they_stay_retired()
    {
        SitedFacility[] fleet = [FacilityBuilder.Unit("a").At(1, 0), FacilityBuilder.Unit("b").At(2, 0), FacilityBuilder.Unit("c", status: FacilityStatus.Construction, start: 2023).At(3, 0)];
        var (sx, sy) = TinyGeography.Centre(3, 2);
        PointSourceModel model = Model(PointSpecBuilder.Default, fleet, [("Park", sx, sy)]);
        model.Evolve(BaseYear, 2e6);
        SectorYear zero = model.Evolve(BaseYear + 1, 0);
        Assert.All(zero.Weights, w => Assert.Equal(0, w));
        Assert.All(zero.Facilities.Where(r => r.FacilityId != "c"), r => Assert.Equal("retired", r.Status));
        SectorYear again = model.Evolve(BaseYear + 2, 2e6);
        Assert.Equal(0, Rec(again, "a").EmissionsTonnes);
        Assert.Equal(0, Rec(again, "b").EmissionsTonnes);
        Conservation.AssertConserved(2e6, again.Weights, 1e-9, "sector total after a zero year");
    }

    [Fact]
    public void A_zero_target_year_reports_no_operating_facility_and_counts_the_retired()
    {
        SitedFacility[] fleet = [FacilityBuilder.Unit("a").At(1, 0), FacilityBuilder.Unit("b").At(2, 0)];
        PointSourceModel model = Model(PointSpecBuilder.Default, fleet);
        model.Evolve(BaseYear, 2e6);
        SectorYear zero = model.Evolve(BaseYear + 1, 0);
        Assert.Equal(2, zero.Facilities.Count(r => r.Status == "retired"));
        Assert.Equal(2, zero.RetiredCount);
        Assert.True(zero.FacilityCount == 0, $"FacilityCount (facilities operating) is {zero.FacilityCount} in a year where every record says 'retired'");
    }

    [Fact]
    public void A_positive_target_with_no_facility_at_all_throws_naming_the_sector_and_year()
    {
        var ex = Assert.Throws<AllocationException>(() => Model(PointSpecBuilder.Default, []).Evolve(BaseYear, 1e6));
        Assert.Contains("'power'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(BaseYear.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_inputs_and_seed_give_identical_records()
    {
        SitedFacility[] fleet = Enumerable.Range(0, 10).Select(k => FacilityBuilder.Unit("u" + k, start: 1970 + (k * 5), capacityMw: 100 * (k + 1)).At(1 + (k % 4), k % 4)).ToArray();
        PointModelSpec spec = PointSpecBuilder.Default with { Ccus = [PointSpecBuilder.Ccus(2030, 0.8, 0.3)], ForcedRetirements = [PointSpecBuilder.Forced(2028, 250)] };
        List<FacilityYearRecord> Records() => Run(Model(spec, fleet), 2040, y => 1e7 * (2040 - y) / 20.0).Values.SelectMany(v => v.Facilities).ToList();
        Assert.Equal(Records(), Records());
    }

    [Fact]
    public void FindOutsideGrid_names_the_source_file_and_line_of_a_facility_outside_the_grid()
    {
        Facility f = FacilityBuilder.Unit("out") with { Source = "sources/gem_coal_units.csv:17" };
        var problems = PointSourceModel.FindOutsideGrid(TinyGeography.Grid, [new SitedFacility(f, 0, 0), FacilityBuilder.Unit("in").At(2, 2)]);
        ScenarioProblem p = Assert.Single(problems);
        Assert.Equal(("sources/gem_coal_units.csv", 17), (p.File, p.Line));
        Assert.Contains("'out'", p.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Model(PointSpecBuilder.Default, [new SitedFacility(f, 0, 0)]));
    }
}
