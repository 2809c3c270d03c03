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
    private const string Id = "GEM unit/phase ID", Plant = "Plant name", Unit = "Unit name", Cap = "Capacity (MW)",
        Status = "Status", Start = "Start year", Retired = "Retired year", Planned = "Planned retirement",
        Tech = "Combustion technology", Province = "Subnational unit (province, state)", Lat = "Latitude", Lon = "Longitude",
        Cf = "Capacity factor", HeatRate = "Heat rate (Btu per kWh)", Ef = "Emission factor (kg of CO2 per TJ)",
        Co2 = "Annual CO2 (million tonnes / annum)";

    /// <summary>Reads the units in <paramref name="provinces"/> (all statuses).</summary>
    public static FacilityList Read(CsvTable table, IReadOnlyCollection<string> provinces)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(provinces);
        var problems = RowParser.RequireColumns(table, [Id, Plant, Unit, Cap, Status, Start, Retired, Planned, Province, Lat, Lon, Cf, Co2]);
        if (problems.Count > 0)
        {
            return new FacilityList([], problems, 0, string.Empty);
        }

        var p = new RowParser(table, problems);
        var list = new List<Facility>();
        int skipped = 0;
        foreach (CsvRow row in table.Rows)
        {
            if (!provinces.Contains(p.Text(row, Province), StringComparer.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }

            FacilityStatus? status = p.Status(row, Status);
            double? capacity = p.OptionalNumber(row, Cap);
            if (capacity is null or < 0)
            {
                p.Problem(row, $"capacity '{p.Text(row, Cap)}' MW is missing or negative.", "give the unit's capacity in MW as a non-negative number.");
                continue;
            }

            if (!p.TryCoordinates(row, Lon, Lat, out double lon, out double lat) || status is null)
            {
                continue;
            }

            double cf = p.OptionalNumber(row, Cf) ?? 0.53;
            double co2 = (p.OptionalNumber(row, Co2) ?? 0) * 1e6;
            if (co2 <= 0 && table.HasColumn(HeatRate) && table.HasColumn(Ef))
            {
                // GEM: MW × 8760 h × CF × heat rate (Btu/kWh) × 1,000 kWh/MWh × 1.055056e-9 TJ/Btu × EF (kg/TJ) / 1,000 kg/t
                double hr = p.OptionalNumber(row, HeatRate) ?? 0, ef = p.OptionalNumber(row, Ef) ?? 0;
                co2 = capacity.Value * 8760 * cf * hr * 1000 * 1.055056e-9 * ef / 1000;
            }

            list.Add(new Facility(
                p.Text(row, Id),
                $"{p.Text(row, Plant)} {p.Text(row, Unit)}".Trim(),
                SectorCatalog.Power.Id,
                "coal: " + p.Text(row, Tech),
                capacity.Value,
                "MW",
                status.Value,
                p.OptionalYear(row, Start),
                p.OptionalYear(row, Retired),
                p.OptionalYear(row, Planned),
                lon,
                lat,
                co2,
                cf,
                p.Text(row, Province),
                $"{table.File}:{row.Line}"));
        }

        return new FacilityList(list, problems, skipped, "outside the scenario's provinces");
    }
}
