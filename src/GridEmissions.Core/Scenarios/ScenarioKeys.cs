namespace GridEmissions.Core.Scenarios;

/// <summary>The keys allowed at each level of a scenario file (the one owner of the file's vocabulary).</summary>
internal static class ScenarioKeys
{
    public static readonly string[] Top =
        ["id", "title", "variant", "region", "provinces", "boundaries", "grid", "years", "seed", "inputs", "total", "population", "sectors", "city_caps", "sinks", "uncertainty", "off_grid"];

    public static readonly string[] Grid = ["cell_size_m", "margin_cells"];

    public static readonly string[] Years = ["start", "end"];

    /// <summary>Input files (keys of <c>inputs</c>); <c>baseline</c> is a folder.</summary>
    public static readonly string[] Inputs =
        ["coal_units", "gas_units", "steel_plants", "facilities", "corridors", "stations", "airports", "ports", "places", "urban_areas", "baseline", "population_grid", "built_up_grid", "cropland_grid", "forest_grid", "other_vegetation_grid"];

    /// <summary>Inputs that hold facility lists (for point models).</summary>
    public static readonly string[] FacilityInputs = ["coal_units", "gas_units", "steel_plants", "facilities"];

    public static readonly string[] Total = ["method", "interpolation", "anchors", "rates", "gdp_growth", "intensity_reduction"];

    public static readonly string[] Methods = ["anchors", "intensity"];

    public static readonly string[] Interpolations = ["geometric", "linear"];

    public static readonly string[] Anchor = ["year", "value_mt", "basis", "note"];

    public static readonly string[] Rate = ["from", "to", "percent_per_year", "basis", "note"];

    public static readonly string[] YearValue = ["year", "value", "basis", "note"];

    public static readonly string[] Population = ["million", "urbanisation_percent", "urban_density_elasticity", "basis", "note"];

    public static readonly string[] Sector = ["baseline_mt", "share_percent", "model"];

    /// <summary>Keys of the <c>off_grid</c> block.</summary>
    public static readonly string[] OffGrid = ["reason", "target_mt"];

    /// <summary>Keys that would place emissions on cells: refused in <c>off_grid</c> (with their own message).</summary>
    public static readonly string[] OffGridSpatial = ["model", "proxy", "facilities", "sites", "lon", "lat", "cells", "city_multipliers", "urban_weight", "rural_weight", "land_weight", "weights", "raster"];

    public static readonly string[] Baseline = ["value", "basis", "note"];

    public static readonly string[] ModelTypes = ["point", "line", "area"];

    public static readonly string[] ModelCommon = ["type", "basis", "note"];

    public static readonly string[] PointModel =
        [.. ModelCommon, "facilities", "lifetime_years", "utilisation", "entry", "merit_order", "forced_retirements", "ccus", "relocation", "expansion_sites",
         "pipeline", "chp_must_run", "route_conversions", "new_capacity", "facility_overrides"];

    public static readonly string[] LineModel = [.. ModelCommon, "class_weights", "urban_share", "traffic_growth", "electrification_percent", "hubs", "networks", "road_proxy", "station_links"];

    public static readonly string[] Network = ["share", "classes", "basis", "note"];

    public static readonly string[] RoadProxy = ["class", "gravity_exponent", "basis", "note"];

    public static readonly string[] StationLinks = ["class", "min_distance_km", "basis", "note"];

    public static IReadOnlyDictionary<string, string> HubModes => HubShare.Modes;

    public static readonly string[] Hub = ["share", "basis", "note"];

    public static readonly string[] AreaModel = [.. ModelCommon, "proxy", "urban_weight", "rural_weight", "land_weight", "land_share", "city_multipliers"];

    public static readonly string[] AnyModel = [.. PointModel.Union(LineModel).Union(AreaModel)];

    public static readonly string[] Utilisation = ["min", "max"];

    public static readonly string[] Entry = ["delay_years", "probability"];

    public static readonly string[] MeritOrders = ["oldest", "smallest", "least_efficient"];

    public static readonly string[] ForcedRetirement = ["year", "to_year", "max_capacity_mw", "min_age_years", "near_chp_km", "chp_min_mw", "basis", "note"];

    public static readonly string[] Ccus = ["from_year", "to_year", "capture_rate", "share_of_capacity", "min_capacity_mw", "basis", "note"];

    public static readonly string[] Relocation = ["year", "to_year", "within_km", "move_km", "replace", "basis", "note"];

    public static readonly string[] PipelineEntry = ["probability", "delay_years", "basis", "note"];

    public static readonly string[] ChpMustRun = ["min_utilisation", "basis", "note"];

    public static readonly string[] RouteConversion = ["from_year", "to_year", "from", "to", "share", "basis", "note"];

    public static readonly string[] NewCapacity = ["route", "no_new_blast_furnace_after", "basis", "note"];

    public static readonly string[] FacilityOverride = ["id", "from_year", "action", "capture_rate", "route", "max_utilisation", "lon", "lat", "basis", "note"];

    public static readonly string[] OverrideActions = ["retire", "ccus", "convert", "cap_utilisation", "relocate"];

    public static readonly string[] ExpansionSite = ["name", "lon", "lat", "basis", "note"];

    public static readonly string[] Proxies = ["population", "rural", "industry"];

    public static readonly string[] CityCap = ["adcode", "sector", "cap_mt", "target_mt"];

    public static readonly string[] Sinks = ["land", "removals", "storage"];

    public static readonly string[] LandSink = ["rates_t_per_km2", "target_mt", "afforestation_percent_per_year"];

    public static readonly string[] Removals = ["kind", "target_mt", "sites"];

    public static readonly string[] RemovalSite = ["name", "lon", "lat", "share", "basis", "note"];

    public static readonly string[] Storage = ["max_distance_km", "sites"];

    public static readonly string[] StorageSite = ["name", "province", "lon", "lat", "capacity_mt", "from_year", "basis", "note"];

    /// <summary>Electrification may also be given for urban traffic.</summary>
    public const string UrbanTraffic = "urban";
}
