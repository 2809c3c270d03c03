namespace GridEmissions.Analysis;

/// <summary>Hotspot zones of one region × scenario × year × sector, ready for <see cref="HotspotZonesCsv"/>.</summary>
/// <param name="Key">Region, scenario, year, sector.</param>
/// <param name="Zones">The zones.</param>
/// <param name="GridTotalTonnes">Total of the grid the zones were found in, for share_of_total.</param>
public sealed record HotspotZonesTable(TableKey Key, IReadOnlyList<HotspotZone> Zones, double GridTotalTonnes);
