namespace GridEmissions.Analysis;

/// <summary>What a table of results belongs to: region, scenario, year and sector ("total" for all sectors).</summary>
/// <param name="Region">Region name, e.g. "Henan" or "YRD".</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Sector">Sector name, or "total".</param>
public sealed record TableKey(string Region, string Scenario, int Year, string Sector) : IComparable<TableKey>
{
    /// <summary>Ordinal order by region, scenario, year, sector: the row order of every CSV.</summary>
    public int CompareTo(TableKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(Region, other.Region);
        c = c != 0 ? c : string.CompareOrdinal(Scenario, other.Scenario);
        c = c != 0 ? c : Year.CompareTo(other.Year);
        return c != 0 ? c : string.CompareOrdinal(Sector, other.Sector);
    }

    /// <summary>The four leading fields of a CSV row.</summary>
    internal string[] Fields() => [CsvText.Field(Region), CsvText.Field(Scenario), CsvText.Integer(Year), CsvText.Field(Sector)];
}
