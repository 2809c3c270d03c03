using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Facilities;

/// <summary>Facilities read from a tracker file, with every problem found in its rows.</summary>
public sealed record FacilityList(IReadOnlyList<Facility> Facilities, IReadOnlyList<ScenarioProblem> Problems, int SkippedRows, string SkippedReason);
