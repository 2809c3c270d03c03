using System.Globalization;

namespace GridEmissions.Analysis;

/// <summary>
/// Tidy CSV of hotspot zones, one row per region × scenario × year × sector × zone, ordered by
/// the table key then zone id. <c>share_of_total</c> is the zone's emissions ÷ the grid total;
/// <c>dominant_sector</c> is empty when no sector grids were given. The cities of each zone are
/// the long companion table <c>zone_cities.csv</c> (<see cref="WriteCities"/>): one row per zone
/// and city with the city's share of the zone's emissions.
/// </summary>
public static class HotspotZonesCsv
{
    /// <summary>The header line (without line end).</summary>
    public const string Header = "region,scenario,year,sector,zone_id,cells,area_km2,emissions_t,share_of_total,dominant_sector";

    /// <summary>The header of zone_cities.csv.</summary>
    public const string CitiesHeader = "region,scenario,year,sector,zone_id,adcode,share_of_zone";

    /// <summary>Writes the header and all rows.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="tables">(key, zones, grid total in tonnes) Tables in any order.</param>
    public static void Write(TextWriter writer, IEnumerable<HotspotZonesTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var (key, zones, total) in tables.OrderBy(t => t.Key))
        {
            var lead = key.Fields();
            foreach (var zone in zones.OrderBy(z => z.Id))
            {
                CsvText.Line(writer, [.. lead,
                    CsvText.Integer(zone.Id), CsvText.Integer(zone.Cells.Length), CsvText.Number(zone.AreaKm2),
                    CsvText.Number(zone.EmissionsTonnes), CsvText.Number(total != 0 ? zone.EmissionsTonnes / total : 0),
                    CsvText.Field(zone.DominantSector)]);
            }
        }
    }

    /// <summary>Writes zone_cities.csv: one row per zone and city (descending share, as the zone lists them).</summary>
    public static void WriteCities(TextWriter writer, IEnumerable<HotspotZonesTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(CitiesHeader);
        writer.Write('\n');
        foreach (var (key, zones, _) in tables.OrderBy(t => t.Key))
        {
            var lead = key.Fields();
            foreach (var zone in zones.OrderBy(z => z.Id))
            {
                foreach (var city in zone.Cities)
                {
                    CsvText.Line(writer, [.. lead, CsvText.Integer(zone.Id), CsvText.Field(city.Key), CsvText.Number(city.Share)]);
                }
            }
        }
    }

    /// <summary>The whole CSV as a string.</summary>
    public static string ToCsv(IEnumerable<HotspotZonesTable> tables)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, tables);
        return writer.ToString();
    }
}
