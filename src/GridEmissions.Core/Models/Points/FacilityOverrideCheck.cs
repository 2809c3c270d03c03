using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>Checks a point model's facility overrides against the facilities it actually has.</summary>
public static class FacilityOverrideCheck
{
    /// <summary>Problems: an unknown facility id (with the nearest ids as suggestions), a route conversion of a non-steel unit.</summary>
    public static IReadOnlyList<ScenarioProblem> Problems(string scenarioFile, string sectorId, PointModelSpec spec, IReadOnlyList<SitedFacility> facilities)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(facilities);
        var byId = new Dictionary<string, Facility>(StringComparer.Ordinal);
        foreach (SitedFacility f in facilities)
        {
            byId.TryAdd(f.Facility.Id, f.Facility);
        }

        var problems = new List<ScenarioProblem>();
        foreach (FacilityOverride o in spec.Overrides)
        {
            if (!byId.TryGetValue(o.FacilityId, out Facility? f))
            {
                var nearest = byId.Keys.Select(id => (Id: id, D: Spelling.Distance(id, o.FacilityId)))
                    .OrderBy(t => t.D).ThenBy(t => t.Id, StringComparer.Ordinal).Take(3).Select(t => $"'{t.Id}' ({byId[t.Id].Name})");
                problems.Add(new ScenarioProblem(scenarioFile, o.Line,
                    $"sectors.{sectorId}.model.facility_overrides names facility '{o.FacilityId}', which is not among the sector's {byId.Count} facilities.",
                    $"use a facility id from facilities.csv; nearest ids: {string.Join(", ", nearest)}."));
            }
            else if (o.Action == OverrideAction.Convert && !SteelRoutes.IsKnown(f.Technology))
            {
                problems.Add(new ScenarioProblem(scenarioFile, o.Line,
                    $"sectors.{sectorId}.model.facility_overrides converts '{o.FacilityId}' ({f.Technology}) to route {o.Route}, but only steel routes convert.",
                    $"use 'convert' on a steel facility ({string.Join(", ", SteelRoutes.All)}), or another action."));
            }
        }

        return problems;
    }
}
