using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Scenarios;

/// <summary>One sector of a scenario: its base-year total, how its share of the regional total moves, and its evolution model.</summary>
/// <param name="Sector">The sector.</param>
/// <param name="BaselineMt">Base-year emissions (Mt); all sectors' baselines sum to the base-year total.</param>
/// <param name="SharePercent">Share of the regional total at later anchor years (percent); linear between anchors, held after the last; shares of all sectors are normalised to 100 % every year.</param>
/// <param name="Model">The evolution model and its parameters.</param>
public sealed record SectorSpec(Sector Sector, YearValue BaselineMt, IReadOnlyList<YearValue> SharePercent, ModelSpec Model);
