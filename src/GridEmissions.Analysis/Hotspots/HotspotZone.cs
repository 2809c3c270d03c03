using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// A hotspot zone: significant hot cells connected by queen adjacency, dissolved into one
/// (multi)polygon. Ids start at 1 in order of descending emissions, ties by lowest cell index.
/// </summary>
/// <param name="Id">1-based zone id.</param>
/// <param name="Cells">Cell indices of the zone, ascending.</param>
/// <param name="Outline">Union of the cell envelopes (grid CRS); a MultiPolygon when cells meet only at corners.</param>
/// <param name="EmissionsTonnes">Sum of the zone cells' values.</param>
/// <param name="AreaKm2">Area of the zone, km².</param>
/// <param name="DominantSector">Sector with the largest emissions over the zone cells (first listed on ties), or null when no sector grids were given.</param>
/// <param name="Cities">Cities touched, by descending share (ties by key).</param>
public sealed record HotspotZone(int Id, int[] Cells, Geometry Outline, double EmissionsTonnes, double AreaKm2, string? DominantSector, IReadOnlyList<ZoneCityShare> Cities);
