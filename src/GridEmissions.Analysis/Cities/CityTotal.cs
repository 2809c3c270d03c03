namespace GridEmissions.Analysis;

/// <summary>Emissions of one city in one grid (one year, one sector).</summary>
/// <param name="CityIndex">Index into <see cref="CityCoverage.Cities"/>.</param>
/// <param name="Key">City key (adcode).</param>
/// <param name="EmissionsTonnes">Σ over cells of cell value × fraction of the cell inside the city, t CO2/yr.</param>
/// <param name="AreaKm2">City polygon area, km².</param>
/// <param name="IntensityTonnesPerKm2">Emissions ÷ area (0 for a city of zero area).</param>
/// <param name="ShareOfRegion">Emissions ÷ grid total (0 when the grid total is 0).</param>
/// <param name="Rank">1 for the largest emitter; ties are broken by city index (ordinal ranking, no gaps).</param>
public sealed record CityTotal(int CityIndex, string Key, double EmissionsTonnes, double AreaKm2, double IntensityTonnesPerKm2, double ShareOfRegion, int Rank);
