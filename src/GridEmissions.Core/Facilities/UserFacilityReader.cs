using GridEmissions.Core.Sectors;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Facilities;

/// <summary>
/// Reads a user's own facility list (CSV). Columns: id, name, sector, capacity, capacity_unit,
/// status, start_year, retired_year, planned_retirement, lon, lat, annual_co2_t,
/// reference_utilisation; optional province. Any tracker can be brought to this form.
/// </summary>
public static class UserFacilityReader
{
    /// <summary>Required columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "name", "sector", "capacity", "capacity_unit", "status", "start_year", "retired_year", "planned_retirement", "lon", "lat", "annual_co2_t", "reference_utilisation"];

    /// <summary>Reads every row (no province filter: the grid decides what is in the region).</summary>
    public static FacilityList Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return RowParser.ReadRows(table, Columns, (_, _) => true, string.Empty, Row);
    }

    private static IEnumerable<Facility> Row(RowParser p, CsvRow row)
    {
        string sector = p.Text(row, "sector");
        if (SectorCatalog.Find(sector) is null)
        {
            p.Problem(row, $"sector '{sector}' is not a known sector.", $"use one of: {string.Join(", ", SectorCatalog.Ids)}.");
            yield break;
        }

        FacilityStatus? status = p.Status(row, "status");
        double? capacity = p.OptionalNumber(row, "capacity");
        double? co2 = p.OptionalNumber(row, "annual_co2_t");
        double? util = p.OptionalNumber(row, "reference_utilisation");
        bool ok = true;
        if (capacity is null or < 0)
        {
            p.Problem(row, $"capacity '{p.Text(row, "capacity")}' is missing or negative.", "give a non-negative capacity.");
            ok = false;
        }

        if (co2 is null or < 0)
        {
            p.Problem(row, $"annual_co2_t '{p.Text(row, "annual_co2_t")}' is missing or negative.", "give the facility's annual CO2 in tonnes at its reference utilisation.");
            ok = false;
        }

        if (util is null or <= 0 or > 1)
        {
            p.Problem(row, $"reference_utilisation '{p.Text(row, "reference_utilisation")}' must be in (0, 1].", "give the capacity factor behind annual_co2_t, e.g. 0.53.");
            ok = false;
        }

        if (!p.TryCoordinates(row, "lon", "lat", out double lon, out double lat) || status is null || !ok)
        {
            yield break;
        }

        yield return new Facility(p.Text(row, "id"), p.Text(row, "name"), sector, p.Text(row, "capacity_unit"), capacity!.Value, p.Text(row, "capacity_unit"),
            status.Value, p.OptionalYear(row, "start_year"), p.OptionalYear(row, "retired_year"), p.OptionalYear(row, "planned_retirement"),
            lon, lat, co2!.Value, util!.Value, p.Table.HasColumn("province") ? p.Text(row, "province") : string.Empty, p.Source(row));
    }
}
