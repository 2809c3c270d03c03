namespace GridEmissions.Core.Scenarios;

/// <summary>A city-level cap on one sector: the city's cells may not carry more than the cap; the excess moves to the rest of the region.</summary>
public sealed record CityCap(string Adcode, string SectorId, IReadOnlyList<YearValue> CapMt);
