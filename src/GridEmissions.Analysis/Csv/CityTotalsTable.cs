namespace GridEmissions.Analysis;

/// <summary>City totals of one region × scenario × year × sector, ready for <see cref="CityTotalsCsv"/>.</summary>
/// <param name="Key">Region, scenario, year, sector.</param>
/// <param name="Cities">The coverage's cities (<see cref="CityCoverage.Cities"/>), for names.</param>
/// <param name="Totals">The totals.</param>
public sealed record CityTotalsTable(TableKey Key, IReadOnlyList<CityPolygon> Cities, CityTotalsResult Totals);
