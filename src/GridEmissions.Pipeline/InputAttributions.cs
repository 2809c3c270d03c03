using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>One input's licence and the attribution its licence asks for.</summary>
/// <param name="Role">Scenario role (`boundaries`, `coal_units`, …).</param>
/// <param name="File">File name.</param>
/// <param name="Licence">SPDX-style licence id, or "user-supplied".</param>
/// <param name="Attribution">The attribution sentence to carry.</param>
public sealed record InputAttribution(string Role, string File, string Licence, string Attribution)
{
    /// <summary>"role file: attribution (licence)".</summary>
    public override string ToString() => $"{Role} {File}: {Attribution} ({Licence})";
}

/// <summary>
/// The licences and attributions of a scenario's inputs (from DATA_SOURCES.md for the shipped
/// files, by file name), carried in every output's metadata as the CC BY inputs require.
/// </summary>
public static class InputAttributions
{
    private const string Gem = "Copyright © Global Energy Monitor. Distributed under a Creative Commons Attribution 4.0 International License.";

    private static readonly Dictionary<string, (string Licence, string Attribution)> Shipped = new(StringComparer.Ordinal)
    {
        ["cities.geojson"] = ("Apache-2.0", "City boundaries from Apache ECharts 4.9.0 map data, © The Apache Software Foundation"),
        ["provinces.geojson"] = ("Apache-2.0", "Province outlines from Apache ECharts 4.9.0 map data, © The Apache Software Foundation"),
        ["corridors.geojson"] = ("Apache-2.0", "Approximate transport corridors drawn between Apache ECharts 4.9.0 city seats"),
        ["rail_dcw_vmap0.geojson"] = ("public-domain", "Railways from the Digital Chart of the World / NIMA VMap0 via DIVA-GIS (CHN_rails, 2007)"),
        ["osm_train_stations.geojson"] = ("ODbL-1.0", "Railway stations © OpenStreetMap contributors, Open Database License"),
        ["airports_openflights.csv"] = ("ODbL-1.0", "Airports and routes from OpenFlights (openflights.org), Open Database License"),
        ["ports_wpi.csv"] = ("public-domain", "World Port Index (Pub. 150), US National Geospatial-Intelligence Agency"),
        ["gem_coal_units.csv"] = ("CC-BY-4.0", "Global Coal Plant Tracker, Global Energy Monitor, July 2024 release. " + Gem),
        ["gem_coal_units_china_slim.csv"] = ("CC-BY-4.0", "Global Coal Plant Tracker, Global Energy Monitor, July 2024 release. " + Gem),
        ["gem_gas_units.csv"] = ("CC-BY-4.0", "Global Oil and Gas Plant Tracker, Global Energy Monitor, August 2024. " + Gem),
        ["gem_steel_plants.csv"] = ("CC-BY-4.0", "Global Iron and Steel Tracker, Global Energy Monitor, March 2025. " + Gem),
        ["geonames_places.csv"] = ("CC-BY-4.0", "GeoNames (www.geonames.org), licensed under a Creative Commons Attribution 4.0 License"),
        ["ne_urban_areas.geojson"] = ("public-domain", "Made with Natural Earth (naturalearthdata.com)"),
        ["ne_populated_places.geojson"] = ("public-domain", "Made with Natural Earth (naturalearthdata.com)"),
        ["worldpop_2020_5arcmin.tif"] = ("CC-BY-4.0", "WorldPop (www.worldpop.org) and CIESIN, Columbia University (2018). Global High Resolution Population Denominators Project. doi:10.5258/SOTON/WP00647; aggregated to 5 arc-minutes by J. Gaffuri"),
        ["modis_2019_built_up_0p1deg.tif"] = ("public-domain", "NASA MODIS MCD12C1 v006 land cover 2019 (Friedl & Sulla-Menashe 2015, doi:10.5067/MODIS/MCD12C1.006)"),
        ["modis_2019_cropland_0p1deg.tif"] = ("public-domain", "NASA MODIS MCD12C1 v006 land cover 2019 (Friedl & Sulla-Menashe 2015, doi:10.5067/MODIS/MCD12C1.006)"),
        ["modis_2019_forest_0p1deg.tif"] = ("public-domain", "NASA MODIS MCD12C1 v006 land cover 2019 (Friedl & Sulla-Menashe 2015, doi:10.5067/MODIS/MCD12C1.006)"),
        ["modis_2019_other_vegetation_0p1deg.tif"] = ("public-domain", "NASA MODIS MCD12C1 v006 land cover 2019 (Friedl & Sulla-Menashe 2015, doi:10.5067/MODIS/MCD12C1.006)"),
    };

    /// <summary>Every input of the scenario (boundaries first, then the inputs by role).</summary>
    public static IReadOnlyList<InputAttribution> Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var list = new List<InputAttribution> { For("boundaries", scenario.Inputs.Boundaries) };
        foreach (var (role, path) in scenario.Inputs.Files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            list.Add(For(role, path));
        }

        return list;
    }

    /// <summary>The licence of the outputs: the inputs' licences they derive from.</summary>
    public static string Licence(IReadOnlyList<InputAttribution> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var licences = inputs.Select(i => i.Licence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string terms = licences.Contains("CC-BY-4.0", StringComparer.Ordinal)
            ? "CC-BY-4.0: derived from inputs under CC BY 4.0; reuse with the attributions in `attribution`"
            : "derived data; reuse under the terms of the inputs in `attribution`";
        return $"{terms} (input licences: {string.Join(", ", licences)})";
    }

    private static InputAttribution For(string role, string path)
    {
        string file = Path.GetFileName(path);
        return Shipped.TryGetValue(file, out var known)
            ? new InputAttribution(role, file, known.Licence, known.Attribution)
            : new InputAttribution(role, file, "user-supplied", "user-supplied input; its own licence and attribution apply");
    }
}
