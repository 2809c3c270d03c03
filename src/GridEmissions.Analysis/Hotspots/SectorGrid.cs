namespace GridEmissions.Analysis;

/// <summary>One sector's grid of the same year, used to name a zone's dominant sector.</summary>
/// <param name="Sector">Sector name as in the scenario.</param>
/// <param name="Values">t CO2/yr per cell, row-major.</param>
public sealed record SectorGrid(string Sector, double[] Values);
