using System.Text;
using System.Text.Json.Nodes;

namespace GridEmissions.Cli.Tests.Commands.BadInputs;

/// <summary>
/// One bad input: a mutation of a private copy of the shipped inputs, the file the error must name
/// (<paramref name="Where"/>, relative to the case folder), where in it (<paramref name="Line"/>: null = no
/// line, the whole file or a feature; "@row" = the CSV row the mutation changed; "*" = any line; otherwise
/// the text of the line it must cite) and phrases the message must hold.
/// </summary>
public sealed record BadCase(string Name, string Where, string? Line, string[] Phrases, Action<CaseFolder> Mutate)
{
    /// <summary>The command line, when not `run SCENARIO --out OUT` (then validate is not compared).</summary>
    public Func<CaseFolder, string[]>? Args { get; init; }

    /// <summary>Exit code expected (1 for every input problem).</summary>
    public int Exit { get; init; } = 1;

    public override string ToString() => Name;
}

/// <summary>The table of bad inputs: scenario YAML, CSV tables, boundaries, corridors, rasters, command-line arguments and run folders.</summary>
public static class BadInputCases
{
    private const string Scen = "scenarios/henan-neutrality.yaml", Coal = "sources/gem_coal_units.csv", Gas = "sources/gem_gas_units.csv",
        Steel = "sources/gem_steel_plants.csv", Cities = "boundaries/cities.geojson", Corridors = "sources/rail_dcw_vmap0.geojson", Stations = "sources/osm_train_stations.geojson",
        Pop = "proxies/worldpop_2020_5arcmin.tif", Built = "proxies/modis_2019_built_up_0p1deg.tif";

    private const string CoalRow = ",Henan,", GasRow = "fossil gas|,Henan,", SteelRow = "Henan";

    public static IReadOnlyList<BadCase> All { get; } = [.. Yaml(), .. YamlValues(), .. Csv(), .. Boundaries(), .. Corridor(), .. Rasters(), .. Arguments()];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (BadCase c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    private static BadCase Y(string name, string find, string replace, string[] phrases, string? line = null) =>
        new(name, Scen, line ?? replace.Split('\n').Last(l => l.Trim().Length > 0).Trim(), phrases, f => f.Yaml(find, replace));

    private static string OffGrid(string valueMt) =>
        "off_grid:\n  reason: \"imported electricity\"\n  target_mt:\n    - {year: 2024, value_mt: " + valueMt + ", basis: study, note: \"x\"}\n";

    private static IEnumerable<BadCase> Yaml()
    {
        yield return Y("typo in a top-level key", "\nyears:", "\nyaers:", ["did you mean"], "yaers:");
        yield return Y("typo in a sector key", "    share_percent:", "    share_precent:", ["share_precent"], "share_precent:");
        yield return Y("unknown model type", "type: area", "type: areal", ["areal"]);
        yield return Y("unknown area proxy", "proxy: industry", "proxy: factories", ["factories"]);
        yield return Y("negative baseline", "baseline_mt: {value: 284.16", "baseline_mt: {value: -284.16", ["negative"], "value: -284.16");
        yield return Y("years reversed", "years: {start: 2024, end: 2060}", "years: {start: 2060, end: 2024}", ["years"]);
        yield return Y("start year far in the past", "years: {start: 2024, end: 2060}", "years: {start: 1024, end: 2060}", ["1024"], "*");
        yield return Y("cell size zero", "cell_size_m: 10000", "cell_size_m: 0", ["cell_size_m"]);
        yield return Y("cell size negative", "cell_size_m: 10000", "cell_size_m: -10000", ["cell_size_m"]);
        yield return Y("margin negative", "margin_cells: 2", "margin_cells: -2", ["margin_cells"]);
        yield return new("off-grid part with a spatial key", Scen, "sites: [{lon: 113.6, lat: 34.7}]", ["'off_grid.sites' places emissions on the grid", "remove 'sites'"],
            f => f.YamlAppend(OffGrid("0") + "  sites: [{lon: 113.6, lat: 34.7}]"));
        yield return new("off-grid part above the total", Scen, "*", ["above the regional total of 587.31 Mt", "lower 'off_grid.target_mt' in 2024"],
            f => f.YamlAppend(OffGrid("600")));
        yield return new("negative off-grid part", Scen, "*", ["-5, negative: an off-grid part cannot be below zero"],
            f => f.YamlAppend(OffGrid("-5")));
        yield return Y("region missing from boundaries", "\nregion: Henan", "\nregion: Hunan", ["Hunan"], null) with { Where = Cities, Line = null };
        yield return Y("provinces not a list of names", "provinces: [Henan]", "provinces: {Henan: 1}", ["provinces"]);
        // The storage sites name their province too: the typo is made there as well, so the filter itself is what fails.
        yield return new("province filter matching nothing", Scen, "provinces: [Hennan]", ["Hennan", "provinces"],
            f => f.Text(Scen, t => t.Replace("provinces: [Henan]", "provinces: [Hennan]", StringComparison.Ordinal).Replace("province: Henan,", "province: Hennan,", StringComparison.Ordinal)));
        yield return Y("utilisation max zero", "utilisation: {min: 0.10, max: 0.90}", "utilisation: {min: 0, max: 0}", ["utilisation"], "utilisation: {min: 0, max: 0}");
        yield return Y("utilisation min above max", "utilisation: {min: 0.10, max: 0.90}", "utilisation: {min: 0.9, max: 0.1}", ["utilisation"]);
        yield return Y("utilisation above one", "utilisation: {min: 0.10, max: 0.90}", "utilisation: {min: 0.1, max: 1.9}", ["utilisation"]);
        yield return Y("id with a path", "id: henan-neutrality", "id: ../../baseline/buildings", ["id"]);
        yield return Y("absolute id", "id: henan-neutrality", "id: /tmp/gridem-owned", ["id"]);
        yield return Y("id with spaces", "id: henan-neutrality", "id: henan neutrality", ["id"]);
        yield return Y("empty id", "id: henan-neutrality", "id: \"\"", ["id"]);
        yield return Y("missing input file", "coal_units: ../sources/gem_coal_units.csv", "coal_units: ../sources/gem_coal_unit.csv", ["gem_coal_unit.csv"]);
        yield return Y("input file is a folder", "coal_units: ../sources/gem_coal_units.csv", "coal_units: ../sources", ["coal_units"]);
        yield return Y("unknown input key", "  corridors: ../sources/rail_dcw_vmap0.geojson", "  corridor: ../sources/rail_dcw_vmap0.geojson", ["corridor"], "corridor:");
        yield return Y("retired places input", "  corridors: ../sources/rail_dcw_vmap0.geojson", "  corridors: ../sources/rail_dcw_vmap0.geojson\n  places: ../proxies/geonames_places.csv", ["places", "population_grid"]);
        yield return Y("retired urban_areas input", "  corridors: ../sources/rail_dcw_vmap0.geojson", "  corridors: ../sources/rail_dcw_vmap0.geojson\n  urban_areas: ../proxies/ne_urban_areas.geojson", ["urban_areas"]);
        yield return Y("missing boundaries file", "boundaries: ../boundaries/cities.geojson", "boundaries: ../boundaries/city.geojson", ["city.geojson"]);
        yield return Y("anchor without basis", "{year: 2028, value_mt: 591, basis: study,", "{year: 2028, value_mt: 591,", ["basis"], "value_mt: 591,");
        yield return Y("unknown basis word", "{year: 2028, value_mt: 591, basis: study,", "{year: 2028, value_mt: 591, basis: guess,", ["guess"], "basis: guess");
        yield return Y("anchor years out of order", "{year: 2028, value_mt: 591", "{year: 2040, value_mt: 591", ["2040"], "*");
        yield return Y("anchor year outside the run", "{year: 2060, value_mt: 39", "{year: 2070, value_mt: 39", ["2070"], "value_mt: 39");
        yield return Y("unknown total method", "  method: anchors", "  method: anchorz", ["anchorz"]);
        yield return Y("unknown interpolation", "  interpolation: geometric", "  interpolation: cubic", ["cubic"]);
        yield return Y("sector shares above 100 %", "{year: 2035, value: 45, basis: assumption", "{year: 2035, value: 450, basis: assumption", ["450"], "value: 450");
        yield return Y("negative share", "{year: 2035, value: 45, basis: assumption", "{year: 2035, value: -45, basis: assumption", ["share"], "value: -45");
        yield return Y("facility input not given", "facilities: [coal_units, gas_units]", "facilities: [coal_units, oil_units]", ["oil_units"]);
        yield return Y("unknown pipeline status", "        announced: {probability: 0.15", "        anounced: {probability: 0.15", ["anounced"]);
        yield return Y("probability above one", "construction: {probability: 0.9, delay_years: 1", "construction: {probability: 1.9, delay_years: 1", ["probability"], "probability: 1.9");
        yield return Y("negative delay", "construction: {probability: 0.9, delay_years: 1", "construction: {probability: 0.9, delay_years: -1", ["delay_years"], "delay_years: -1");
        yield return Y("unknown merit order", "merit_order: oldest", "merit_order: youngest", ["youngest"]);
        yield return Y("capture rate above one", "capture_rate: 0.9, share_of_capacity: 0.25", "capture_rate: 1.9, share_of_capacity: 0.25", ["capture_rate"], "capture_rate: 1.9");
        yield return Y("expansion site outside the grid", "{name: \"Nanyang (southern Henan)\", lon: 112.541, lat: 32.999}", "{name: \"Nanyang (southern Henan)\", lon: 12.541, lat: 32.999}", ["Nanyang"], null) with { Line = "*" };
        yield return Y("expansion site latitude out of range", "lon: 114.075, lat: 32.123", "lon: 114.075, lat: 132.123", ["lat"], "lat: 132.123");
        yield return Y("unknown steel route", "from: BF-BOF, to: EAF, share: 0.2", "from: BF-BOF, to: EAFX, share: 0.2", ["EAFX"], "to: EAFX");
        yield return Y("corridor class weight negative", "class_weights: {trunk: 1.0, regional: 0.5, modern", "class_weights: {trunk: -1.0, regional: 0.5, modern", ["class_weights"], "trunk: -1.0");
        yield return Y("corridor class missing from class_weights", "class_weights: {trunk: 1.0, regional: 0.5, modern", "class_weights: {trunk: 1.0, modern", ["regional"], "*");
        yield return Y("network share negative", "rail: {share: 0.02, classes:", "rail: {share: -0.02, classes:", ["networks.rail.share", "-0.02", "from 0 to 1"], "share: -0.02");
        yield return Y("network shares summing above one", "road: {share: 0.52, classes:", "road: {share: 0.92, classes:", ["networks", "1.4", "sum to 1"], "*");
        yield return Y("network with an unknown class", "classes: [trunk, regional, modern]", "classes: [trunk, regional, modren]", ["modren", "class_weights", "did you mean 'modern'"], "*");
        yield return Y("class in no network", "classes: [trunk, regional, modern]", "classes: [trunk, regional]", ["modern", "in none of"], "*");
        yield return Y("road proxy with an unknown class", "road_proxy: {class: road,", "road_proxy: {class: raod,", ["road_proxy.class", "raod"], "*");
        yield return Y("gravity exponent negative", "gravity_exponent: 2,", "gravity_exponent: -2,", ["gravity_exponent", "-2"], "*");
        yield return Y("station link distance zero", "min_distance_km: 5,", "min_distance_km: 0,", ["min_distance_km", "more than 0"], "*");
        yield return Y("station links without a stations input", "  stations: ../sources/osm_train_stations.geojson", "  # no stations", ["stations", "inputs"], "*");
        yield return Y("urban share above one", "urban_share: 0.4", "urban_share: 1.4", ["urban_share"]);
        yield return Y("traffic growth period reversed", "{from: 2025, to: 2035, percent_per_year: 3.0", "{from: 2035, to: 2025, percent_per_year: 3.0", ["2025"], "percent_per_year: 3.0");
        yield return Y("electrification above 100 %", "{year: 2060, value: 90, basis: assumption, note: \"primary electricity 84 %", "{year: 2060, value: 190, basis: assumption, note: \"primary electricity 84 %", ["electrification"], "value: 190");
        yield return Y("negative urban weight", "      urban_weight: 1.0\n      rural_weight: 1.082", "      urban_weight: -1.0\n      rural_weight: 1.082", ["urban_weight"], "urban_weight: -1.0");
        yield return Y("land share above one", "land_share: 0.314", "land_share: 1.314", ["land_share"]);
        yield return Y("negative land share", "land_share: 0.314", "land_share: -0.314", ["land_share"]);
        yield return Y("negative land weight", "land_weight: 300", "land_weight: -300", ["land_weight"]);
        yield return Y("population series negative", "{year: 2035, value: 96.5, basis: assumption", "{year: 2035, value: -96.5, basis: assumption", ["population"], "value: -96.5");
        yield return Y("urbanisation above 100 %", "{year: 2035, value: 68, basis: assumption", "{year: 2035, value: 168, basis: assumption", ["urbanisation"], "value: 168");
        yield return Y("density elasticity as text", "urban_density_elasticity: 1.0", "urban_density_elasticity: one", ["urban_density_elasticity"]);
        yield return Y("seed as text", "seed: 20240101", "seed: twenty", ["seed"]);
        yield return Y("seed as a fraction", "seed: 20240101", "seed: 2.5", ["seed"]);
        yield return Y("city target above the region", "# city_caps:", "city_caps:\n  - {adcode: \"410100\", sector: cement, target_mt: [{year: 2030, value: 500, basis: assumption, note: \"test\"}]}", ["410100", "target"], "adcode: \"410100\"");
        yield return Y("city cap for a city outside the region", "# city_caps:", "city_caps:\n  - {adcode: \"320100\", sector: power, cap_mt: [{year: 2030, value: 5, basis: assumption, note: \"test\"}]}", ["320100"], "*");
        yield return Y("city cap for an unknown sector", "# city_caps:", "city_caps:\n  - {adcode: \"410100\", sector: shipping, cap_mt: [{year: 2030, value: 5, basis: assumption, note: \"test\"}]}", ["shipping"], "sector: shipping");
        yield return Y("city cap with a malformed adcode", "# city_caps:", "city_caps:\n  - {adcode: \"4101\", sector: power, cap_mt: [{year: 2030, value: 5, basis: assumption, note: \"test\"}]}", ["4101"], "*");
        yield return Y("duplicate city caps", "# city_caps:", "city_caps:\n  - {adcode: \"410100\", sector: power, cap_mt: [{year: 2030, value: 5, basis: assumption, note: \"a\"}]}\n  - {adcode: \"410100\", sector: power, cap_mt: [{year: 2030, value: 6, basis: assumption, note: \"b\"}]}", ["410100"], "*");
        yield return Y("city multiplier for an unknown adcode", "      land_weight: 300", "      land_weight: 300\n      city_multipliers: {\"999999\": 2}", ["999999"], "*");
        yield return Y("negative city multiplier", "      land_weight: 300", "      land_weight: 300\n      city_multipliers: {\"410100\": -2}", ["city_multipliers"], "*");
        yield return Y("facility override for an unknown unit", "      merit_order: oldest", "      merit_order: oldest\n      facility_overrides:\n        - {id: \"G999999\", from_year: 2030, action: retire, basis: assumption, note: \"x\"}", ["G999999"], "*");

        // Structure and syntax.
        yield return Y("invalid YAML: unclosed brace", "\nyears: {start: 2024, end: 2060}", "\nyears: {start: 2024, end: 2060", ["not valid YAML"], "*");
        yield return Y("tab indentation", "\n  coal_units:", "\n\tcoal_units:", ["tab"], "\tcoal_units:");
        yield return Y("undefined alias", "seed: 20240101", "seed: *nothing", ["nothing"], "seed: *nothing");
        yield return Y("duplicate key", "seed: 20240101", "seed: 20240101\nseed: 7", ["not valid YAML"], "seed: 7");
        yield return Y("two documents", "seed: 20240101", "seed: 20240101\n---\nid: x", ["more than one"], "*");
        yield return Y("alias used as a key", "seed: 20240101", "seed: &s 20240101\n*s : 3", ["key"], "*");
        yield return new("empty scenario file", Scen, null, ["empty"], f => File.WriteAllText(f.PathOf(Scen), string.Empty));
        yield return new("scenario is a list", Scen, "*", ["mapping"], f => File.WriteAllText(f.PathOf(Scen), "- a\n- b\n"));
        yield return new("deep nesting", Scen, "*", ["nested"], f => File.WriteAllText(f.PathOf(Scen), "id: x\nseed: " + new string('[', 200_000) + "\n"));
        yield return new("alias bomb", Scen, "*", ["aliases"], f => File.WriteAllText(f.PathOf(Scen), AliasBomb()));
        yield return new("UTF-16 without a byte-order mark", Scen, "*", ["UTF-16"], f => File.WriteAllBytes(f.PathOf(Scen), Encoding.Unicode.GetBytes(File.ReadAllText(f.PathOf(Scen)))));
        yield return new("GB18030 scenario", Scen, "*", ["GB18030"], f => File.WriteAllBytes(f.PathOf(Scen), Gb18030(File.ReadAllText(f.PathOf(Scen)))));
        yield return new("binary scenario", Scen, "*", ["binary"], f => File.WriteAllBytes(f.PathOf(Scen), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]));
        yield return new("missing scenario file", "scenarios/does-not-exist.yaml", null, ["does not exist"], f => f.Scenario = f.PathOf("scenarios/does-not-exist.yaml"));
    }

    private static IEnumerable<BadCase> YamlValues()
    {
        // Every numeric field given a non-finite, textual or absurd value: each a clear problem on its line.
        (string Find, string Key)[] fields =
        [
            ("value_mt: 587.31", "value_mt"), ("{year: 2024, value: 97.85", "value"), ("baseline_mt: {value: 56.01", "value"),
            ("lifetime_years: 40", "lifetime_years"), ("land_weight: 10000", "land_weight"), ("urban_share: 0.4", "urban_share"),
            ("percent_per_year: 1.0", "percent_per_year"), ("rural_weight: 1.082", "rural_weight"), ("land_share: 0.314", "land_share"),
        ];
        string[] junk = [".nan", ".inf", "\"1,234,567\"", "1e308"];
        foreach (var (find, key) in fields)
        {
            foreach (string j in junk)
            {
                string replaced = find[..(find.LastIndexOf(':') + 2)] + j;
                yield return Y($"{key} = {j} ({find})", find, replaced, [key], replaced.Trim());
            }
        }
    }

    private static BadCase C(string name, string file, string rowHolds, string column, string value, string phrase) =>
        new(name, file, "@row", [phrase], f => f.CsvField(file, rowHolds, column, value));

    private static IEnumerable<BadCase> Csv()
    {
        foreach (var (value, phrase) in new[] { ("NaN", "capacity"), ("abc", "capacity"), ("1e308", "capacity"), ("-600", "capacity"), (string.Empty, "capacity"), ("\"1,234\"", "capacity") })
        {
            yield return C($"coal capacity '{value}'", Coal, CoalRow, "Capacity (MW)", value, phrase);
        }

        foreach (var (value, phrase) in new[] { ("NaN", "coordinates"), ("95", "coordinates"), ("abc", "coordinates"), (string.Empty, "coordinates") })
        {
            yield return C($"coal latitude '{value}'", Coal, CoalRow, "Latitude", value, phrase);
        }

        yield return C("coal longitude 200", Coal, CoalRow, "Longitude", "200", "coordinates");
        yield return C("coal longitude far outside the grid", Coal, CoalRow + "|,operating,", "Longitude", "80.5", "grid");
        yield return C("coal status misspelt", Coal, CoalRow, "Status", "operatin", "status");
        yield return C("coal status empty", Coal, CoalRow, "Status", string.Empty, "status");
        yield return C("coal start year as text", Coal, CoalRow, "Start year", "soon", "year");
        yield return C("coal start year 1800", Coal, CoalRow, "Start year", "1800", "year");
        yield return C("coal retired year as text", Coal, CoalRow, "Retired year", "never", "year");
        yield return C("coal capacity factor 1.5", Coal, CoalRow, "Capacity factor", "1.5", "Capacity factor");
        yield return C("coal capacity factor negative", Coal, CoalRow, "Capacity factor", "-0.1", "Capacity factor");
        yield return C("coal capacity factor as text", Coal, CoalRow, "Capacity factor", "high", "Capacity factor");
        yield return C("coal annual CO2 negative", Coal, CoalRow, "Annual CO2 (million tonnes / annum)", "-1", "Annual CO2");
        yield return C("coal annual CO2 NaN", Coal, CoalRow, "Annual CO2 (million tonnes / annum)", "NaN", "Annual CO2");
        yield return new("coal duplicated row", Coal, "*", ["appears again"], f => f.CsvLines(Coal, l => [.. l, l.First(x => x.Contains(CoalRow, StringComparison.Ordinal))]));
        yield return new("coal header only", Coal, "*", ["no data rows"], f => f.CsvLines(Coal, l => [l[0]]));
        yield return new("coal empty file", Coal, "*", ["column"], f => File.WriteAllText(f.PathOf(Coal), string.Empty));
        yield return new("coal missing capacity column", Coal, "*", ["Capacity (MW)"], f => f.CsvLines(Coal, l => [l[0].Replace("Capacity (MW)", "Capacity", StringComparison.Ordinal), .. l[1..]]));
        yield return new("coal GB18030 encoded", Coal, "*", ["GB18030"], f => File.WriteAllBytes(f.PathOf(Coal), Gb18030(File.ReadAllText(f.PathOf(Coal)))));
        yield return new("coal UTF-16 without BOM", Coal, "*", ["UTF-16"], f => File.WriteAllBytes(f.PathOf(Coal), Encoding.Unicode.GetBytes(File.ReadAllText(f.PathOf(Coal)))));
        yield return new("coal binary file", Coal, "*", ["binary"], f => File.WriteAllBytes(f.PathOf(Coal), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]));
        yield return new("coal file deleted", Scen, "*", ["gem_coal_units.csv"], f => File.Delete(f.PathOf(Coal)));

        foreach (var (column, value, phrase) in new[] { ("capacity", "NaN", "capacity"), ("capacity", "-50", "capacity"), ("capacity", "1e308", "capacity"), ("capacity", "lots", "capacity"),
            ("lat", "NaN", "coordinates"), ("lng", "999", "coordinates"), ("status", "running", "status"), ("start_year", "someday", "year") })
        {
            yield return C($"gas {column} '{value}'", Gas, GasRow, column, value, phrase);
        }

        yield return new("gas duplicated row", Gas, "*", ["appears again"], f => f.CsvLines(Gas, l => [.. l, l.First(x => x.Contains("fossil gas", StringComparison.Ordinal) && x.Contains(",Henan,", StringComparison.Ordinal))]));
        yield return new("gas header only", Gas, "*", ["no data rows"], f => f.CsvLines(Gas, l => [l[0]]));
        yield return new("gas missing status column", Gas, "*", ["status"], f => f.CsvLines(Gas, l => [l[0].Replace(",status,", ",state,", StringComparison.Ordinal), .. l[1..]]));

        foreach (var (column, value, phrase) in new[] { ("lat", "NaN", "coordinates"), ("lng", "abc", "coordinates"), ("plant-status", "workin", "status"),
            ("operating-nominal-crude-steel-capacity-(ttpa)", "-100", "capacity"), ("operating-nominal-crude-steel-capacity-(ttpa)", "NaN", "operating-nominal-crude-steel-capacity"),
            ("operating-nominal-crude-steel-capacity-(ttpa)", "1e308", "operating-nominal-crude-steel-capacity"), ("start-date", "long ago", "year") })
        {
            yield return C($"steel {column} '{value}'", Steel, SteelRow, column, value, phrase);
        }

        yield return new("steel duplicated row", Steel, "*", ["appears again"], f => f.CsvLines(Steel, l => [.. l, l.First(x => x.Contains(SteelRow, StringComparison.Ordinal))]));
        yield return new("steel header only", Steel, "*", ["no data rows"], f => f.CsvLines(Steel, l => [l[0]]));
    }

    private static BadCase B(string name, string[] phrases, Action<JsonNode> edit) => new(name, Cities, null, phrases, f => f.Json(Cities, edit));

    private static IEnumerable<BadCase> Boundaries()
    {
        yield return new("corrupt boundaries", Cities, null, ["cannot be read"], f => File.WriteAllText(f.PathOf(Cities), "{ this is not json"));
        yield return new("empty boundaries file", Cities, null, ["cities.geojson"], f => File.WriteAllText(f.PathOf(Cities), string.Empty));
        yield return B("no features", ["adcode"], d => d["features"] = new JsonArray());
        yield return B("no adcode attribute", ["adcode"], d => { foreach (var x in CaseFolder.Features(d)) { x!["properties"]!.AsObject().Remove("adcode"); } });
        yield return B("no region attribute", ["region"], d => { foreach (var x in CaseFolder.Features(d)) { x!["properties"]!.AsObject().Remove("region"); } });
        yield return B("city as a point", ["polygon"], d => CaseFolder.City(d, "410100")["geometry"] = JsonNode.Parse("{\"type\":\"Point\",\"coordinates\":[113.6,34.7]}"));
        yield return B("city as a line", ["polygon"], d => CaseFolder.City(d, "410100")["geometry"] = JsonNode.Parse("{\"type\":\"LineString\",\"coordinates\":[[113.6,34.7],[113.9,34.9]]}"));
        yield return B("city without geometry", ["polygon"], d => CaseFolder.City(d, "410100")["geometry"] = null);
        yield return B("self-intersecting city", ["invalid polygon", "makevalid"], d => CaseFolder.City(d, "410100")["geometry"] = JsonNode.Parse("{\"type\":\"Polygon\",\"coordinates\":[[[113.0,34.0],[114.0,35.0],[114.0,34.0],[113.0,35.0],[113.0,34.0]]]}"));
        yield return B("duplicate adcode", ["both have adcode 410100"], d => CaseFolder.City(d, "410200")["properties"]!["adcode"] = "410100");
        yield return B("empty adcode", ["six-digit"], d => CaseFolder.City(d, "410200")["properties"]!["adcode"] = string.Empty);
        yield return B("adcode with letters", ["six-digit"], d => CaseFolder.City(d, "410200")["properties"]!["adcode"] = "41O200");
        yield return B("duplicated city feature", ["410100"], d => CaseFolder.Features(d).Add(JsonNode.Parse(CaseFolder.City(d, "410100").ToJsonString())));
        yield return B("city copy shifted onto its neighbour", ["overlap"], d =>
        {
            JsonNode copy = JsonNode.Parse(CaseFolder.City(d, "410100").ToJsonString().Replace("\"410100\"", "\"410199\"", StringComparison.Ordinal))!;
            Shift(copy["geometry"]!, 0.3, 0.1);
            CaseFolder.Features(d).Add(copy);
        });
        yield return B("stray polygon far away", ["stray", "410100"], d => AddPart(CaseFolder.City(d, "410100"), 80.0, 40.0));
        yield return B("stray city far away", ["stray"], d =>
        {
            JsonNode copy = JsonNode.Parse(CaseFolder.City(d, "410200").ToJsonString())!;
            copy["geometry"] = JsonNode.Parse("{\"type\":\"Polygon\",\"coordinates\":[[[95.0,30.0],[95.2,30.0],[95.2,30.2],[95.0,30.2],[95.0,30.0]]]}");
            copy["properties"]!["adcode"] = "410298";
            CaseFolder.Features(d).Add(copy);
        });
        yield return new("boundaries in projected metres", Cities, null, ["cities.geojson"], f => f.Text(Cities, t => System.Text.RegularExpressions.Regex.Replace(t, "\\[ ?(1[0-9]{2})\\.([0-9]+), ", m => "[" + m.Groups[1].Value + "0000." + m.Groups[2].Value + ", ")));
        yield return new("boundaries far from the inputs", Pop, null, ["does not cover"], f => f.Json(Cities, d => { foreach (var x in CaseFolder.Features(d)) { Shift(x!["geometry"]!, -30, 0); } }));
        yield return new("seat outside the city's lon range", Cities, null, ["seat"], f => f.Json(Cities, d => CaseFolder.City(d, "410100")["properties"]!["seat_lon"] = 913.6));
    }

    private static IEnumerable<BadCase> Corridor()
    {
        yield return new("corridor as a polygon", Corridors, null, ["not a line"], f => f.Json(Corridors, d => CaseFolder.Features(d)[0]!["geometry"] = JsonNode.Parse("{\"type\":\"Polygon\",\"coordinates\":[[[113.0,34.0],[114.0,34.0],[114.0,35.0],[113.0,34.0]]]}")));
        yield return new("corridor as a point", Corridors, null, ["not a line"], f => f.Json(Corridors, d => CaseFolder.Features(d)[0]!["geometry"] = JsonNode.Parse("{\"type\":\"Point\",\"coordinates\":[113.5,34.5]}")));
        yield return new("corridor without class attribute", Corridors, null, ["class"], f => f.Json(Corridors, d => { foreach (var x in CaseFolder.Features(d)) { x!["properties"]!.AsObject().Remove("class"); } }));
        yield return new("corridor with an unknown class", Corridors, null, ["motorway"], f => f.Json(Corridors, d => CaseFolder.Features(d)[0]!["properties"]!["class"] = "motorway"));
        yield return new("corrupt corridors", Corridors, null, ["cannot be read"], f => File.WriteAllText(f.PathOf(Corridors), "[1, 2"));
        yield return new("station as a line", Stations, null, ["not a point"], f => f.Json(Stations, d => CaseFolder.Features(d)[0]!["geometry"] = JsonNode.Parse("{\"type\":\"LineString\",\"coordinates\":[[113.0,34.0],[114.0,34.0]]}")));
        yield return new("corrupt stations", Stations, null, ["cannot be read"], f => File.WriteAllText(f.PathOf(Stations), "[1, 2"));
    }

    private static IEnumerable<BadCase> Rasters()
    {
        yield return new("population raster corrupt", Pop, null, ["worldpop"], f => File.WriteAllBytes(f.PathOf(Pop), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]));
        yield return new("population raster is text", Pop, null, ["worldpop"], f => File.WriteAllText(f.PathOf(Pop), "population,123\n"));
        yield return new("population raster truncated", Pop, null, ["worldpop"], f => File.WriteAllBytes(f.PathOf(Pop), File.ReadAllBytes(f.PathOf(Pop))[..2000]));
        yield return new("population raster negative", Pop, null, ["negative"], f => Calc(f, Pop, "--calc=A*0-5", "--NoDataValue=-999999"));
        yield return new("population raster without CRS", Pop, null, ["CRS"], f => f.Tool("gdal_edit.py", "-a_srs", "", Pop));
        yield return new("population raster elsewhere", Pop, null, ["does not cover"], f => f.Tool("gdal_edit.py", "-a_ullr", "10", "60", "20", "50", Pop));
        yield return new("built-up fraction above one", Built, null, ["0..1"], f => Calc(f, Built, "--calc=A*0+3"));
        yield return new("built-up NaN without nodata", Built, null, ["NaN"], f => Calc(f, Built, "--calc=A*numpy.nan", "--type=Float32", "--hideNoData"));
        yield return new("baseline folder missing", Scen, "*", ["baseline"], f => f.Yaml("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n"));
        yield return new("baseline raster corrupt", "baseline/buildings.tif", null, ["cannot be read"], f =>
        {
            Directory.CreateDirectory(f.PathOf("baseline"));
            File.WriteAllBytes(f.PathOf("baseline/buildings.tif"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
            f.Yaml("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n");
        });
        yield return new("baseline raster in lon/lat", "baseline/buildings.tif", null, ["WGS 84", "-r sum"], f => Baseline(f, "-outsize", "70", "55", "-burn", "5", "-a_srs", "EPSG:4326", "-a_ullr", "110", "36.5", "117", "31"));
        yield return new("baseline raster negative", "baseline/buildings.tif", null, ["non-negative"], f => Baseline(f, "-outsize", "110", "110", "-burn", "-5", "-a_srs", Albers, "-a_ullr", "300000", "4200000", "1400000", "3100000"));
        yield return new("baseline raster of 5 km cells", "baseline/buildings.tif", null, ["5000", "-r sum"], f => Baseline(f, "-outsize", "220", "220", "-burn", "5", "-a_srs", Albers, "-a_ullr", "300000", "4200000", "1400000", "3100000"));
        yield return new("baseline raster not covering the grid", "baseline/buildings.tif", null, ["covers"], f => Baseline(f, "-outsize", "20", "20", "-burn", "5", "-a_srs", Albers, "-a_ullr", "700000", "3800000", "900000", "3600000"));
        yield return new("baseline raster for an unknown sector", "baseline/shipping.tif", null, ["shipping"], f =>
        {
            Baseline(f, "-outsize", "110", "110", "-burn", "5", "-a_srs", Albers, "-a_ullr", "300000", "4200000", "1400000", "3100000");
            File.Move(f.PathOf("baseline/buildings.tif"), f.PathOf("baseline/shipping.tif"));
        });
    }

    private static IEnumerable<BadCase> Arguments()
    {
        yield return new("output folder exists", "out/run", null, ["already exists", "--force"], f => { Directory.CreateDirectory(f.Out); File.WriteAllText(Path.Combine(f.Out, "keep.txt"), "user file"); }) { Args = f => ["run", f.Scenario, "--out", f.Out] };
        yield return new("output path is a file", "out/run", null, ["out/run"], f => File.WriteAllText(f.Out, "a file")) { Args = f => ["run", f.Scenario, "--out", f.Out] };
        yield return new("output locked by another run", "out/run", null, ["another gridem run"], f => f.Hold(new FileStream(Path.Combine(f.OutParent, ".run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))) { Args = f => ["run", f.Scenario, "--out", f.Out] };
        yield return new("scenario path is a folder", "scenarios", null, ["scenarios"], _ => { }) { Args = f => ["run", f.PathOf("scenarios"), "--out", f.Out] };
        yield return new("validate of a missing file", "nope.yaml", null, ["does not exist"], _ => { }) { Args = f => ["validate", f.PathOf("nope.yaml")] };
        yield return new("hotspots of a folder that is no run", "out", null, ["manifest"], _ => { }) { Args = f => ["hotspots", f.OutParent] };
        yield return new("hotspots of a missing folder", "out/missing", null, ["out/missing"], _ => { }) { Args = f => ["hotspots", Path.Combine(f.OutParent, "missing")] };
        yield return new("zonal of a folder that is no run", "out", null, ["manifest"], _ => { }) { Args = f => ["zonal", f.OutParent] };
        yield return new("render of a folder that is no run", "out", null, ["manifest"], _ => { }) { Args = f => ["render", f.OutParent] };
        yield return new("report of a folder that is no run", "out", null, ["manifest"], _ => { }) { Args = f => ["report", f.OutParent] };
        yield return new("inspect of a missing file", "nothing.tif", null, ["nothing.tif"], _ => { }) { Args = f => ["inspect", f.PathOf("nothing.tif")] };
        yield return new("inspect of a text file", "scenarios/henan-neutrality.yaml", null, ["henan-neutrality.yaml"], _ => { }) { Args = f => ["inspect", f.PathOf(Scen)] };
        yield return new("baseline command with a bad scenario", Scen, "*", ["did you mean"], f => f.Yaml("\nyears:", "\nyaers:")) { Args = f => ["baseline", f.Scenario, "--out", f.Out] };
    }

    private const string Albers = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";

    private static void Baseline(CaseFolder f, params string[] create)
    {
        Directory.CreateDirectory(f.PathOf("baseline"));
        f.Tool("gdal_create", [.. create, "-ot", "Float64", f.PathOf("baseline/buildings.tif")]);
        f.Yaml("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n");
    }

    /// <summary>Rewrites a raster of the case folder with gdal_calc.py.</summary>
    private static void Calc(CaseFolder f, string raster, params string[] args)
    {
        string tmp = raster + ".tmp.tif";
        f.Tool("gdal_calc.py", ["-A", raster, "--outfile=" + tmp, "--quiet", "--overwrite", .. args]);
        File.Delete(f.PathOf(raster));
        File.Move(f.PathOf(tmp), f.PathOf(raster));
    }

    private static void Shift(JsonNode geometry, double dLon, double dLat)
    {
        void Walk(JsonNode node)
        {
            if (node is JsonArray a && a.Count >= 2 && a[0] is JsonValue && a[1] is JsonValue)
            {
                a[0] = (double)a[0]! + dLon;
                a[1] = (double)a[1]! + dLat;
                return;
            }

            if (node is JsonArray arr)
            {
                foreach (JsonNode? n in arr)
                {
                    Walk(n!);
                }
            }
        }

        Walk(geometry["coordinates"]!);
    }

    private static void AddPart(JsonNode city, double lon, double lat)
    {
        JsonNode g = city["geometry"]!;
        var part = JsonNode.Parse($"[[[{lon},{lat}],[{lon + 0.1},{lat}],[{lon + 0.1},{lat + 0.1}],[{lon},{lat + 0.1}],[{lon},{lat}]]]")!;
        if ((string?)g["type"] == "Polygon")
        {
            city["geometry"] = new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = new JsonArray(JsonNode.Parse(g["coordinates"]!.ToJsonString()), part) };
        }
        else
        {
            g["coordinates"]!.AsArray().Add(part);
        }
    }

    private static string AliasBomb()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 40; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        return sb.ToString();
    }

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}
