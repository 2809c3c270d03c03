namespace GridEmissions.Core.Scenarios;

/// <summary>
/// A city-level override of one sector's regional allocation: a cap (the city's cells may not
/// carry more; the excess moves to the rest of the region) or, with <paramref name="IsExactTarget"/>,
/// a city target (the city's cells carry exactly this; the rest of the region the remainder).
/// </summary>
public sealed record CityCap(string Adcode, string SectorId, IReadOnlyList<YearValue> CapMt, bool IsExactTarget = false);
