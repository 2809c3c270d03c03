namespace GridEmissions.Analysis;

/// <summary>A city touched by a hotspot zone and the share of the zone's emissions inside it.</summary>
/// <param name="CityIndex">Index into <see cref="CityCoverage.Cities"/>.</param>
/// <param name="Key">City key (adcode).</param>
/// <param name="Share">Σ over zone cells of value × city fraction ÷ zone emissions.</param>
public sealed record ZoneCityShare(int CityIndex, string Key, double Share);
