using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Points;

public class FacilityOverrideCheckTests
{
    private static readonly Provenance Test = new(Provenance.Assumption, "test");

    private static readonly SitedFacility[] Fleet =
        [FacilityBuilder.Unit("G100200").At(0, 0), FacilityBuilder.Unit("G100201").At(1, 1), FacilityBuilder.Unit("G300999").At(2, 2)];

    private static FacilityOverride Override(string id, OverrideAction action, string? route = null) =>
        new(id, 2030, action, action == OverrideAction.Ccus ? 0.9 : null, route, null, null, null, Test, 57);

    [Fact]
    public void An_unknown_facility_id_is_reported_on_its_line_with_the_nearest_ids()
    {
        PointModelSpec spec = PointSpecBuilder.Default with { Overrides = [Override("G100202", OverrideAction.Retire)] };
        ScenarioProblem p = Assert.Single(FacilityOverrideCheck.Problems("s.yaml", "power", spec, Fleet));
        Assert.Equal(57, p.Line);
        Assert.Contains("'G100202', which is not among the sector's 3 facilities", p.Message, StringComparison.Ordinal);
        Assert.Contains("nearest ids: 'G100200' (Unit G100200), 'G100201' (Unit G100201)", p.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_ids_pass_and_only_steel_units_convert_between_routes()
    {
        PointModelSpec ok = PointSpecBuilder.Default with { Overrides = [Override("G100200", OverrideAction.Retire), Override("G300999", OverrideAction.Ccus)] };
        Assert.Empty(FacilityOverrideCheck.Problems("s.yaml", "power", ok, Fleet));

        PointModelSpec convert = PointSpecBuilder.Default with { Overrides = [Override("G100201", OverrideAction.Convert, "EAF")] };
        ScenarioProblem p = Assert.Single(FacilityOverrideCheck.Problems("s.yaml", "power", convert, Fleet));
        Assert.Contains("only steel routes convert", p.Message, StringComparison.Ordinal);
    }
}
