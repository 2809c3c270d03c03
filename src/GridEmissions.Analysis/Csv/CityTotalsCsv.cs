namespace GridEmissions.Analysis;

/// <summary>
/// Tidy CSV of city totals, one row per region × scenario × year × sector × city (<c>kind</c>
/// "city"), plus one row of <c>kind</c> "outside" per table holding the emissions outside all
/// cities (its adcode, names, area, intensity and rank are empty: adcode is always a code), so
/// that the emissions of a table add up to the grid total. Ranks are integers (1 = largest).
/// Rows are ordered by region, scenario, year, sector (ordinal), then city key (ordinal), the
/// outside row last. Numbers are round-trip ("R"), invariant culture, "\n" line ends.
/// </summary>
public static class CityTotalsCsv
{
    /// <summary>The header line (without line end).</summary>
    public const string Header = "region,scenario,year,sector,kind,adcode,name_zh,name_en,emissions_t,area_km2,intensity_t_per_km2,share_of_region,rank";

    /// <summary>The <c>kind</c> of a city's row.</summary>
    public const string CityKind = "city";

    /// <summary>The <c>kind</c> of the row of emissions outside all cities.</summary>
    public const string OutsideKind = "outside";

    /// <summary>Writes the header and all rows.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="tables">(key, cities of the coverage, totals) Tables in any order.</param>
    public static void Write(TextWriter writer, IEnumerable<CityTotalsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var (key, cities, totals) in tables.OrderBy(t => t.Key))
        {
            var lead = key.Fields();
            foreach (var city in totals.Cities.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.CityIndex))
            {
                var polygon = cities[city.CityIndex];
                CsvText.Line(writer, [.. lead, CityKind,
                    CsvText.Field(city.Key), CsvText.Field(polygon.NameZh), CsvText.Field(polygon.NameEn),
                    CsvText.Number(city.EmissionsTonnes), CsvText.Number(city.AreaKm2), CsvText.Number(city.IntensityTonnesPerKm2),
                    CsvText.Number(city.ShareOfRegion), CsvText.Integer(city.Rank)]);
            }

            double outsideShare = totals.GridTotalTonnes != 0 ? totals.OutsideTonnes / totals.GridTotalTonnes : 0;
            CsvText.Line(writer, [.. lead, OutsideKind, "", "", "", CsvText.Number(totals.OutsideTonnes), "", "", CsvText.Number(outsideShare), ""]);
        }
    }

    /// <summary>The whole CSV as a string.</summary>
    public static string ToCsv(IEnumerable<CityTotalsTable> tables)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, tables);
        return writer.ToString();
    }
}
