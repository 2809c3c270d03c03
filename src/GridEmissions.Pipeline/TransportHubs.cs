using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// Reads the transport hubs of a scenario: airports (CSV <c>name, longitude, latitude, routes</c>;
/// weight = routes, the OpenFlights count of routes out + in) and ports (CSV <c>name, longitude,
/// latitude, harbor_size</c>; weight from the World Port Index size class). Only hubs in a city of
/// the region, or within <see cref="FacilityCityLocator.DefaultReachMetres"/> of one (coastal ports),
/// are kept: the box around a region also holds its neighbours' hubs.
/// </summary>
public static class TransportHubs
{
    /// <summary>
    /// Relative activity of a World Port Index harbour size class: each class step doubles
    /// (assumption: the WPI classes are ordinal, not tonnages; the doubling is the simplest
    /// monotone reading of them).
    /// </summary>
    public static IReadOnlyDictionary<string, double> PortSizeWeights { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["Very Small"] = 1, ["Small"] = 2, ["Medium"] = 4, ["Large"] = 8,
    };

    /// <summary>The hubs of every mode the scenario declares an input for (<c>airports</c>, <c>ports</c>).</summary>
    public static IReadOnlyList<TransportHub> Load(Scenario scenario, RegionGeography region, CoordinateTransformer toAlbers, List<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(toAlbers);
        ArgumentNullException.ThrowIfNull(problems);
        var locator = new FacilityCityLocator(region.Coverage.Cities);
        var hubs = new List<TransportHub>();
        foreach (var (mode, input) in HubShare.Modes)
        {
            if (!scenario.Inputs.Files.TryGetValue(input, out string? path))
            {
                continue;
            }

            CsvTable table;
            try
            {
                table = CsvTable.Load(path);
            }
            catch (IOException e)
            {
                problems.Add(new(path, 0, "the file cannot be read: " + e.Message, "check the path in the scenario's `inputs:`."));
                continue;
            }

            string weightColumn = mode == "aviation" ? "routes" : "harbor_size";
            if (table.MissingColumns(["name", "longitude", "latitude", weightColumn]) is { Count: > 0 } missing)
            {
                problems.Add(new(path, 1, $"the {input} table lacks the column(s) {string.Join(", ", missing)}.", $"give columns name, longitude, latitude (WGS84) and {weightColumn}."));
                continue;
            }

            foreach (CsvRow row in table.Rows)
            {
                double? lon = Number(row[table.ColumnIndex("longitude")]), lat = Number(row[table.ColumnIndex("latitude")]);
                string raw = row[table.ColumnIndex(weightColumn)];
                double? weight = mode == "aviation" ? Number(raw) : PortSizeWeights.TryGetValue(raw.Trim(), out double w) ? w : null;
                if (lon is not (>= -180 and <= 180) || lat is not (>= -90 and <= 90))
                {
                    problems.Add(new(path, row.Line, $"longitude/latitude '{row[table.ColumnIndex("longitude")]}', '{row[table.ColumnIndex("latitude")]}' are not WGS84 degrees.", "give decimal degrees (longitude −180..180, latitude −90..90)."));
                    continue;
                }

                if (weight is not >= 0)
                {
                    string rule = mode == "aviation" ? "a route count, zero or more" : "one of " + string.Join(", ", PortSizeWeights.Keys);
                    problems.Add(new(path, row.Line, $"{weightColumn} '{raw}' is not {rule}.", $"write {rule}."));
                    continue;
                }

                (double x, double y) = toAlbers.Transform(lon.Value, lat.Value);
                if (locator.Locate(x, y).CityIndex >= 0)
                {
                    hubs.Add(new TransportHub(row[table.ColumnIndex("name")], mode, x, y, weight.Value));
                }
            }
        }

        return hubs;
    }

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;
}
