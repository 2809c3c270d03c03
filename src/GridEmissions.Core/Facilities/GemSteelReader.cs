using GridEmissions.Core.Sectors;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Facilities;

/// <summary>
/// Reads Global Energy Monitor's Global Iron and Steel Tracker map file (CSV). Each plant
/// becomes one facility per route and status: operating BF-BOF and EAF capacity, capacity under
/// construction and announced capacity (pipeline, entering later). Reference emissions are
/// capacity × route emission factor × reference utilisation.
/// </summary>
public static class GemSteelReader
{
    /// <summary>t CO2 per t crude steel, blast furnace–basic oxygen furnace route (worldsteel sustainability indicators, ≈ 2.3).</summary>
    public const double BfBofTonnesPerTonne = 2.33; // = SteelRoutes.TonnesPerTonne(BF-BOF)

    /// <summary>t CO2 per t crude steel, scrap electric-arc-furnace route (worldsteel sustainability indicators, ≈ 0.7).</summary>
    public const double EafTonnesPerTonne = 0.68;

    /// <summary>Reference utilisation of steel capacity (assumption: China's crude-steel capacity utilisation ≈ 80 %).</summary>
    public const double ReferenceUtilisation = 0.80;

    private const string Province = "subnational-unit-(province/state)";

    /// <summary>Reads the plants in <paramref name="provinces"/>.</summary>
    public static FacilityList Read(CsvTable table, IReadOnlyCollection<string> provinces)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(provinces);
        return RowParser.ReadRows(table, ["plant-id", "plant-name-(english)", Province, "plant-status", "start-date", "lat", "lng",
            "operating-nominal-crude-steel-capacity-(ttpa)", "operating-nominal-eaf-steel-capacity-(ttpa)"],
            (p, row) => provinces.Contains(p.Text(row, Province), StringComparer.OrdinalIgnoreCase),
            "outside the scenario's provinces",
            Plant);
    }

    /// <summary>The facilities of one plant row: operating EAF and BF-BOF capacity, retired capacity, and capacity under construction or announced.</summary>
    private static List<Facility> Plant(RowParser p, CsvRow row)
    {
        var list = new List<Facility>();
        FacilityStatus? plantStatus = p.Status(row, "plant-status");
        if (plantStatus is null || !p.TryCoordinates(row, "lng", "lat", out double lon, out double lat))
        {
            return list;
        }

        string id = p.Text(row, "plant-id");
        string name = p.Text(row, "plant-name-(english)");
        int? start = p.OptionalYear(row, "start-date");
        bool retired = plantStatus is FacilityStatus.Retired or FacilityStatus.Mothballed;
        double crude = Capacity(p, row, "operating-nominal-crude-steel-capacity-(ttpa)")
            + Capacity(p, row, "operating-pre-retirement-nominal-crude-steel-capacity-(ttpa)");
        double eaf = Capacity(p, row, "operating-nominal-eaf-steel-capacity-(ttpa)");
        double crudeRetired = Capacity(p, row, "retired-nominal-crude-steel-capacity-(ttpa)");
        FacilityStatus operating = retired ? plantStatus.Value : FacilityStatus.Operating;
        Add(list, p, row, id + ":eaf", name, "EAF", eaf, operating, start, lon, lat);
        Add(list, p, row, id + ":bof", name, "BF-BOF", Math.Max(0, crude - eaf), operating, start, lon, lat);
        if (retired && crude == 0)
        {
            Add(list, p, row, id + ":retired", name, "BF-BOF", crudeRetired, plantStatus.Value, start, lon, lat);
        }

        double consEaf = Capacity(p, row, "construction-nominal-eaf-steel-capacity-(ttpa)");
        double cons = Capacity(p, row, "construction-nominal-crude-steel-capacity-(ttpa)");
        Add(list, p, row, id + ":construction-eaf", name, "EAF", consEaf, FacilityStatus.Construction, null, lon, lat);
        Add(list, p, row, id + ":construction-bof", name, "BF-BOF", Math.Max(0, cons - consEaf), FacilityStatus.Construction, null, lon, lat);
        double annEaf = Capacity(p, row, "announced-nominal-eaf-steel-capacity-(ttpa)");
        double ann = Capacity(p, row, "announced-nominal-crude-steel-capacity-(ttpa)");
        Add(list, p, row, id + ":announced-eaf", name, "EAF", annEaf, FacilityStatus.Announced, null, lon, lat);
        Add(list, p, row, id + ":announced-bof", name, "BF-BOF", Math.Max(0, ann - annEaf), FacilityStatus.Announced, null, lon, lat);
        return list;
    }

    private static double Capacity(RowParser p, CsvRow row, string column)
    {
        if (!p.Table.HasColumn(column))
        {
            return 0;
        }

        double? v = p.OptionalNumber(row, column);
        if (v is < 0)
        {
            p.Problem(row, $"capacity in '{column}' is negative ({v}).", "give capacities in thousand tonnes per year as non-negative numbers.");
            return 0;
        }

        return v ?? 0;
    }

    private static void Add(List<Facility> list, RowParser p, CsvRow row, string id, string name, string route, double capacityKt, FacilityStatus status, int? start, double lon, double lat)
    {
        if (capacityKt <= 0)
        {
            return;
        }

        double factor = route == "EAF" ? EafTonnesPerTonne : BfBofTonnesPerTonne;
        list.Add(new Facility(id, $"{name} ({route})", SectorCatalog.Steel.Id, route, capacityKt, "kt steel/yr", status, start, null, null,
            lon, lat, capacityKt * 1000 * factor * ReferenceUtilisation, ReferenceUtilisation, p.Text(row, Province), p.Source(row))
        {
            StartYearIsEquipmentAge = false, // the tracker's start date is the plant's founding, not the age of its furnaces
        });
    }
}
