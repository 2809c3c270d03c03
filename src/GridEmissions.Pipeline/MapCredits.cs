using System.Globalization;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>
/// The one-line data credit of a map footer, from the run's own inputs (<see cref="InputAttributions"/>):
/// the short name each licence asks to be shown (CC BY and ODbL sources with their licence), then
/// the tool and the grid. Inputs the table does not know are named by file.
/// </summary>
public static class MapCredits
{
    private static readonly (string Marker, string Credit)[] Known =
    [
        ("ECharts", "boundaries: Apache ECharts"),
        ("Global Energy Monitor", "facilities: Global Energy Monitor (CC BY 4.0)"),
        ("WorldPop", "population: WorldPop (CC BY 4.0)"),
        ("MODIS", "land cover: NASA MODIS MCD12C1"),
        ("GEBCO", "elevation: GEBCO"),
        ("OpenStreetMap", "© OpenStreetMap contributors (ODbL)"),
        ("OpenFlights", "airports: OpenFlights (ODbL)"),
        ("World Port Index", "ports: World Port Index"),
        ("VMap0", "railways: VMap0/DCW"),
        ("CEADs", "inventories: CEADs"),
        ("GeoNames", "places: GeoNames (CC BY 4.0)"),
        ("Natural Earth", "Natural Earth"),
    ];

    /// <summary>"boundaries: …; facilities: …; …; GridEmissions x.y; China Albers equal-area, 10 km cells".</summary>
    public static string Line(Scenario scenario, double cellSizeMetres)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var credits = new List<string>();
        foreach (InputAttribution input in InputAttributions.Of(scenario))
        {
            string credit = Known.FirstOrDefault(k => input.Attribution.Contains(k.Marker, StringComparison.Ordinal)).Credit
                ?? $"{input.Role}: {input.File}";
            if (!credits.Contains(credit, StringComparer.Ordinal))
            {
                credits.Add(credit);
            }
        }

        string cells = (cellSizeMetres / 1000).ToString("0.###", CultureInfo.InvariantCulture);
        return $"{string.Join("; ", credits)}; {ToolInfo.NameAndVersion}; China Albers equal-area, {cells} km cells";
    }
}
