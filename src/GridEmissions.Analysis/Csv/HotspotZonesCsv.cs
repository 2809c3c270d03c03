using System.Globalization;

namespace GridEmissions.Analysis;

/// <summary>
/// Tidy CSV of hotspot zones, one row per region × scenario × year × sector × zone, ordered by
/// the table key then zone id. <c>share_of_total</c> is the zone's emissions ÷ the grid total;
/// <c>cities</c> lists "adcode:share" pairs separated by ";" (share of the zone's emissions,
/// 6 decimals, descending share); <c>dominant_sector</c> is empty when no sector grids were given.
/// </summary>
public static class HotspotZonesCsv
{
    /// <summary>The header line (without line end).</summary>
    public const string Header = "region,scenario,year,sector,zone_id,cells,area_km2,emissions_t,share_of_total,dominant_sector,cities";

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
                string cities = string.Join(';', zone.Cities.Select(c => c.Key + ":" + c.Share.ToString("F6", CultureInfo.InvariantCulture)));
                CsvText.Line(writer, [.. lead,
                    CsvText.Integer(zone.Id), CsvText.Integer(zone.Cells.Length), CsvText.Number(zone.AreaKm2),
                    CsvText.Number(zone.EmissionsTonnes), CsvText.Number(total != 0 ? zone.EmissionsTonnes / total : 0),
                    CsvText.Field(zone.DominantSector), CsvText.Field(cities)]);
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
