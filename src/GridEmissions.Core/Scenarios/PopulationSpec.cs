namespace GridEmissions.Core.Scenarios;

/// <summary>Regional population and urbanisation trajectories that drive the area and line models.</summary>
/// <param name="PopulationMillion">Population anchors (million); linear between, held after.</param>
/// <param name="UrbanisationPercent">Urbanisation anchors (percent); linear between, held after.</param>
/// <param name="UrbanDensityElasticity">Urban land grows as (urban population ratio)^(1/elasticity); 1 keeps density constant.</param>
public sealed record PopulationSpec(
    IReadOnlyList<YearValue> PopulationMillion,
    IReadOnlyList<YearValue> UrbanisationPercent,
    double UrbanDensityElasticity,
    Provenance Provenance);
