using GridEmissions.Core.Sectors;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Facilities;

/// <summary>
/// Reads Global Energy Monitor's Global Oil and Gas Plant Tracker map file (CSV). The file has
/// no CO2 column: reference emissions are capacity × 8,760 h × capacity factor × emission factor
/// (t CO2/MWh), both stated by the caller. Only fossil-gas units are power-sector units here;
/// blast-furnace and coke-oven gas units burn steel-mill gases whose CO2 is counted under steel.
/// </summary>
public static class GemGasReader
{
    /// <summary>Default capacity factor of gas units (assumption: China's gas fleet ran ≈ 2,500–3,000 h in 2023).</summary>
    public const double DefaultCapacityFactor = 0.32;

    /// <summary>Default emission factor, t CO2/MWh (IPCC 2006 natural gas 56.1 t/TJ at ≈ 6.6 GJ/MWh heat rate).</summary>
    public const double DefaultTonnesPerMwh = 0.37;

    /// <summary>Reads the fossil-gas units in <paramref name="provinces"/>.</summary>
    public static FacilityList Read(CsvTable table, IReadOnlyCollection<string> provinces, double capacityFactor = DefaultCapacityFactor, double tonnesPerMwh = DefaultTonnesPerMwh)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(provinces);
        var problems = RowParser.RequireColumns(table, ["fuel_type", "project", "unit", "capacity", "status", "province", "start_year", "lat", "lng"]);
        if (problems.Count > 0)
        {
            return new FacilityList([], problems, 0, string.Empty);
        }

        var p = new RowParser(table, problems);
        var list = new List<Facility>();
        int skipped = 0;
        foreach (CsvRow row in table.Rows)
        {
            if (!provinces.Contains(p.Text(row, "province"), StringComparer.OrdinalIgnoreCase)
                || !p.Text(row, "fuel_type").StartsWith("fossil gas", StringComparison.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }

            FacilityStatus? status = p.Status(row, "status");
            double? capacity = p.OptionalNumber(row, "capacity");
            if (capacity is null or < 0)
            {
                p.Problem(row, $"capacity '{p.Text(row, "capacity")}' MW is missing or negative.", "give the unit's capacity in MW as a non-negative number.");
                continue;
            }

            if (!p.TryCoordinates(row, "lng", "lat", out double lon, out double lat) || status is null)
            {
                continue;
            }

            list.Add(new Facility(
                $"GOGPT:{p.Text(row, "project")}#{p.Text(row, "unit")}",
                $"{p.Text(row, "project")} unit {p.Text(row, "unit")}",
                SectorCatalog.Power.Id,
                "gas: " + p.Text(row, "technology"),
                capacity.Value,
                "MW",
                status.Value,
                p.OptionalYear(row, "start_year"),
                null,
                null,
                lon,
                lat,
                capacity.Value * 8760 * capacityFactor * tonnesPerMwh,
                capacityFactor,
                p.Text(row, "province"),
                $"{table.File}:{row.Line}"));
        }

        return new FacilityList(list, problems, skipped, "outside the scenario's provinces or not fossil gas");
    }
}
