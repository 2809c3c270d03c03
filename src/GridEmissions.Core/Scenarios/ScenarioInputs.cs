namespace GridEmissions.Core.Scenarios;

/// <summary>Input files of a scenario, as absolute paths (resolved against the scenario file's folder).</summary>
/// <param name="Boundaries">City boundaries (any OGR vector).</param>
/// <param name="Files">Named inputs: coal_units, gas_units, steel_plants, facilities (user list), corridors, places, urban_areas; and baseline (optional folder of user baseline rasters).</param>
public sealed record ScenarioInputs(string Boundaries, IReadOnlyDictionary<string, string> Files);
