using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Points;

public class PipelineTests
{
    [Fact]
    public void Expected_entering_capacity_is_the_sum_of_probability_times_capacity_and_the_draws_are_reported()
    {
        var rules = new Dictionary<FacilityStatus, PipelineEntryRule>
        {
            [FacilityStatus.Construction] = new(0.9, 1, PointSpecBuilder.Test),
            [FacilityStatus.Permitted] = new(0.4, 2, PointSpecBuilder.Test),
            [FacilityStatus.Announced] = new(0.1, 3, PointSpecBuilder.Test),
        };
        PointModelSpec spec = PointSpecBuilder.Default with { Pipeline = rules };
        FacilityStatus[] statuses = [FacilityStatus.Construction, FacilityStatus.Permitted, FacilityStatus.Announced];
        SitedFacility[] fleet = [.. Enumerable.Range(0, 60).Select(k => FacilityBuilder.Unit("p" + k, capacityMw: 100 + (10 * k), status: statuses[k % 3], start: null).At(1 + (k % 4), k % 4)),
            FacilityBuilder.Unit("keep").At(0, 0)];
        var model = new PointSourceModel("power", spec, TinyGeography.Create(), fleet, [], 2020, 11);
        var records = model.Evolve(2020, 1e5).Facilities;
        foreach (PipelineSummary s in model.PipelineByStatus)
        {
            var projects = fleet.Where(f => f.Facility.Status == s.Status).ToList();
            double expected = projects.Sum(f => rules[s.Status].Probability * f.Facility.Capacity);
            Assert.Equal(expected, s.ExpectedCapacity, 9);
            double drawn = projects.Where(f => records.Single(r => r.FacilityId == f.Facility.Id).EntryDraw < rules[s.Status].Probability).Sum(f => f.Facility.Capacity);
            Assert.Equal(drawn, s.DrawnCapacity, 9);
            Assert.All(projects, f => Assert.Equal(rules[s.Status].Probability, records.Single(r => r.FacilityId == f.Facility.Id).EntryProbability));
        }

        Assert.Contains(records, r => r.Status == "not-entering");
        Assert.Contains(records, r => r.Status == "planned");
    }

    [Fact]
    public void A_steel_plant_without_equipment_age_never_retires_by_its_founding_year()
    {
        Facility plant = FacilityBuilder.Unit("steel", start: 1958) with { SectorId = "steel", StartYearIsEquipmentAge = false };
        LifecycleWindow w = UnitLifecycle.Lifecycle(plant, 2024, 50, null, true, 1);
        Assert.Equal(int.MaxValue, w.Retire);
    }
}
