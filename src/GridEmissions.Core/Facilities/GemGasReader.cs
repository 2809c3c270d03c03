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
        return RowParser.ReadRows(table, ["fuel_type", "project", "unit", "capacity", "status", "province", "start_year", "lat", "lng"],
            (p, row) => provinces.Contains(p.Text(row, "province"), StringComparer.OrdinalIgnoreCase)
                && p.Text(row, "fuel_type").StartsWith("fossil gas", StringComparison.OrdinalIgnoreCase),
            "outside the scenario's provinces or not fossil gas",
            (p, row) => Unit(p, row, capacityFactor, tonnesPerMwh));
    }

    private static IEnumerable<Facility> Unit(RowParser p, CsvRow row, double capacityFactor, double tonnesPerMwh)
    {
        if (p.Basics(row, "status", "capacity", "MW", "lng", "lat") is not UnitBasics u)
        {
            yield break;
        }

        yield return new Facility($"GOGPT:{p.Text(row, "project")}#{p.Text(row, "unit")}", $"{p.Text(row, "project")} unit {p.Text(row, "unit")}",
            SectorCatalog.Power.Id, "gas: " + p.Text(row, "technology"), u.Capacity, "MW", u.Status, p.OptionalYear(row, "start_year"), null, null,
            u.Longitude, u.Latitude, u.Capacity * 8760 * capacityFactor * tonnesPerMwh, capacityFactor, p.Text(row, "province"), p.Source(row));
    }
}
