using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Facilities;

/// <summary>
/// Reads Global Energy Monitor's Global Coal Plant Tracker "Units" sheet (CSV). Reference
/// emissions are GEM's own "Annual CO2" at GEM's capacity factor; where that is empty they are
/// rebuilt from capacity × capacity factor × heat rate × emission factor, as GEM does.
/// </summary>
public static class GemCoalReader
{
    private const string Id = "GEM unit/phase ID", Plant = "Plant name", UnitName = "Unit name", Cap = "Capacity (MW)",
        Status = "Status", Start = "Start year", Retired = "Retired year", Planned = "Planned retirement",
        Tech = "Combustion technology", Province = "Subnational unit (province, state)", Lat = "Latitude", Lon = "Longitude",
        Cf = "Capacity factor", HeatRate = "Heat rate (Btu per kWh)", Ef = "Emission factor (kg of CO2 per TJ)",
        Co2 = "Annual CO2 (million tonnes / annum)", LocalName = "Plant name (local)";

    /// <summary>Reads the units in <paramref name="provinces"/> (all statuses).</summary>
    public static FacilityList Read(CsvTable table, IReadOnlyCollection<string> provinces)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(provinces);
        return RowParser.ReadRows(table, [Id, Plant, UnitName, Cap, Status, Start, Retired, Planned, Province, Lat, Lon, Cf, Co2],
            (p, row) => provinces.Contains(p.Text(row, Province), StringComparer.OrdinalIgnoreCase),
            "outside the scenario's provinces",
            Unit);
    }

    /// <summary>
    /// Combined heat and power: the plant's local name says 热电 ("thermal power", i.e. heat and
    /// power) or its English name says cogen/CHP. GEM has no CHP column; this name rule is ours.
    /// </summary>
    private static bool IsCogeneration(RowParser p, CsvRow row)
    {
        string local = p.Table.HasColumn(LocalName) ? p.Text(row, LocalName) : string.Empty;
        string english = p.Text(row, Plant);
        return local.Contains("热电", StringComparison.Ordinal) || english.Contains("cogen", StringComparison.OrdinalIgnoreCase) || english.Contains("CHP", StringComparison.Ordinal);
    }

    private static IEnumerable<Facility> Unit(RowParser p, CsvRow row)
    {
        if (p.Basics(row, Status, Cap, "MW", Lon, Lat) is not UnitBasics u)
        {
            yield break;
        }

        double cf = p.OptionalNumber(row, Cf) ?? 0.53;
        double co2 = (p.OptionalNumber(row, Co2) ?? 0) * 1e6;
        if (cf is < 0 or > 1)
        {
            p.Problem(row, $"'{Cf}' is {p.Text(row, Cf)}, outside 0..1.", $"give the capacity factor as a fraction (0.53 for 53 %), or leave '{Cf}' empty for GEM's 0.53.");
            yield break;
        }

        if (co2 < 0)
        {
            p.Problem(row, $"'{Co2}' is {p.Text(row, Co2)}, negative.", $"give the unit's annual emissions in million tonnes as a non-negative number, or leave '{Co2}' empty.");
            yield break;
        }
        if (co2 <= 0 && p.Table.HasColumn(HeatRate) && p.Table.HasColumn(Ef))
        {
            // GEM: MW × 8760 h × CF × heat rate (Btu/kWh) × 1,000 kWh/MWh × 1.055056e-9 TJ/Btu × EF (kg/TJ) / 1,000 kg/t
            double hr = p.OptionalNumber(row, HeatRate) ?? 0, ef = p.OptionalNumber(row, Ef) ?? 0;
            co2 = u.Capacity * 8760 * cf * hr * 1000 * 1.055056e-9 * ef / 1000;
        }

        yield return new Facility(p.Text(row, Id), $"{p.Text(row, Plant)} {p.Text(row, UnitName)}".Trim(), SectorCatalog.Power.Id, "coal: " + p.Text(row, Tech),
            u.Capacity, "MW", u.Status, p.OptionalYear(row, Start), p.OptionalYear(row, Retired), p.OptionalYear(row, Planned),
            u.Longitude, u.Latitude, co2, cf, p.Text(row, Province), p.Source(row))
        {
            IsChp = IsCogeneration(p, row),
        };
    }
}
