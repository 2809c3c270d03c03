namespace GridEmissions.Core.Scenarios;

/// <summary>A sector's evolution model with its parameters. One subtype per model family.</summary>
public abstract record ModelSpec(Provenance Provenance);

/// <summary>Point sources: facilities with a lifecycle, utilisation bounds, retirement rules, CCUS, relocation and expansion.</summary>
public sealed record PointModelSpec(
    Provenance Provenance,
    IReadOnlyList<string> FacilityInputs,
    double LifetimeYears,
    double MinUtilisation,
    double MaxUtilisation,
    int EntryDelayYears,
    double EntryProbability,
    MeritOrder MeritOrder,
    IReadOnlyList<ForcedRetirementRule> ForcedRetirements,
    IReadOnlyList<CcusRule> Ccus,
    RelocationRule? Relocation,
    IReadOnlyList<ExpansionSite> ExpansionSites) : ModelSpec(Provenance)
{
    /// <summary>Entry probability and delay per pipeline status; empty: every pipeline status uses <see cref="EntryProbability"/> and <see cref="EntryDelayYears"/>.</summary>
    public IReadOnlyDictionary<Facilities.FacilityStatus, PipelineEntryRule> Pipeline { get; init; } = new Dictionary<Facilities.FacilityStatus, PipelineEntryRule>();

    /// <summary>Minimum utilisation of combined heat-and-power units (heat must be supplied); 0 for none.</summary>
    public double ChpMustRun { get; init; }

    /// <summary>Route conversions of steel capacity (e.g. BF-BOF to scrap EAF) by year.</summary>
    public IReadOnlyList<RouteConversionRule> RouteConversions { get; init; } = [];

    /// <summary>Route of new capacity (expansions); null: the fleet's average emissions per capacity.</summary>
    public string? ExpansionRoute { get; init; }

    /// <summary>No blast-furnace (BF-BOF) capacity enters after this year: pipeline BF-BOF projects enter on <see cref="ExpansionRoute"/> (else scrap EAF).</summary>
    public int? NoNewBlastFurnaceAfter { get; init; }

    /// <summary>Per-facility what-ifs applied on top of the rules.</summary>
    public IReadOnlyList<FacilityOverride> Overrides { get; init; } = [];

    /// <summary>False when the facilities' start years are plant founding dates, not equipment ages (steel): no lifetime retirement then.</summary>
    public bool LifetimeFromStartYear { get; init; } = true;
}

/// <summary>A pipeline status's chance of entering and its delay after the planned (or status-implied) start year.</summary>
public sealed record PipelineEntryRule(double Probability, int DelayYears, Provenance Provenance);

/// <summary>From a year to a year, a share of a route's capacity converts to another route (linear in between).</summary>
public sealed record RouteConversionRule(int FromYear, int ToYear, string FromRoute, string ToRoute, double Share, Provenance Provenance);

/// <summary>What a facility override does.</summary>
public enum OverrideAction
{
    /// <summary>The facility retires.</summary>
    Retire,

    /// <summary>The facility gets CCUS at a capture rate.</summary>
    Ccus,

    /// <summary>The facility's capacity converts to another route.</summary>
    Convert,

    /// <summary>The facility's utilisation is capped.</summary>
    CapUtilisation,

    /// <summary>The facility moves to a lon/lat.</summary>
    Relocate,
}

/// <summary>A what-if on one facility from a year.</summary>
public sealed record FacilityOverride(string FacilityId, int FromYear, OverrideAction Action, double? CaptureRate, string? Route, double? MaxUtilisation, double? Longitude, double? Latitude, Provenance Provenance, int Line);

/// <summary>Order in which extra units retire when the target falls below the fleet's minimum.</summary>
public enum MeritOrder
{
    /// <summary>Oldest start year first.</summary>
    Oldest,

    /// <summary>Smallest capacity first.</summary>
    Smallest,

    /// <summary>Highest emissions per unit of capacity (least efficient) first.</summary>
    LeastEfficient,
}

/// <summary>Units at or below a capacity (and at least an age, if given) retire from a year (spread, oldest first, to <see cref="ToYear"/> when given).</summary>
public sealed record ForcedRetirementRule(int Year, double MaxCapacityMw, double MinAgeYears, Provenance Provenance)
{
    /// <summary>Last year of a gradual phase-out: by year t the rule has retired (t − Year + 1)/(ToYear − Year + 1) of its units, oldest first; null: all in <see cref="Year"/>.</summary>
    public int? ToYear { get; init; }

    /// <summary>Only units within this distance (km) of a large combined heat-and-power unit (its heating radius); null: everywhere.</summary>
    public double? NearChpKm { get; init; }

    /// <summary>Smallest CHP unit (MW) whose heating radius counts.</summary>
    public double ChpMinMw { get; init; }
}

/// <summary>From a year, a share of the fleet's capacity (largest/newest first) is retrofitted with CCUS at a capture rate.</summary>
public sealed record CcusRule(int FromYear, double CaptureRate, double ShareOfCapacity, double MinCapacityMw, Provenance Provenance)
{
    /// <summary>Year the share is reached (linear from <see cref="FromYear"/>); null: all at once.</summary>
    public int? ToYear { get; init; }
}

/// <summary>From a year, units within a radius of a city seat move outward by a distance ("from the city to the suburbs").</summary>
public sealed record RelocationRule(int Year, double WithinKm, double MoveKm, Provenance Provenance)
{
    /// <summary>Last year of the move: units are replaced one by one (oldest first), spread evenly from <see cref="Year"/> to this year; null: all in <see cref="Year"/>.</summary>
    public int? ToYear { get; init; }

    /// <summary>True: each urban unit retires and an equal-capacity unit is built at the suburban site (the plan's "equal capacity replacement").</summary>
    public bool Replace { get; init; }
}

/// <summary>A site (industrial park) where new capacity may be built when the target exceeds the fleet's maximum.</summary>
public sealed record ExpansionSite(string Name, double Longitude, double Latitude);

/// <summary>Line sources: corridor network weighted by class, traffic growth and electrification, plus an urban-traffic share.</summary>
/// <param name="ClassWeights">Weight per corridor class (e.g. trunk 1.0, regional 0.5).</param>
/// <param name="UrbanShare">Share of the base-year sector carried by urban traffic (follows population).</param>
/// <param name="TrafficGrowth">Corridor traffic growth rates per period (percent per year), multiplied by each city's population growth.</param>
/// <param name="ElectrificationPercent">Per class (and "urban") electrification share anchors, percent; linear between, held after.</param>
public sealed record LineModelSpec(
    Provenance Provenance,
    IReadOnlyDictionary<string, double> ClassWeights,
    double UrbanShare,
    IReadOnlyList<RatePeriod> TrafficGrowth,
    IReadOnlyDictionary<string, IReadOnlyList<YearValue>> ElectrificationPercent) : ModelSpec(Provenance)
{
    /// <summary>
    /// Base-year shares of the sector placed at hubs, by mode (<c>aviation</c> at airports,
    /// <c>shipping</c> at ports), each with its provenance; the corridors hold
    /// 1 − urban share − Σ hub shares. Hub parts grow with traffic and do not electrify.
    /// </summary>
    public IReadOnlyDictionary<string, HubShare> Hubs { get; init; } = new Dictionary<string, HubShare>(StringComparer.Ordinal);

    /// <summary>
    /// Base-year shares of the sector carried by each line network (e.g. <c>rail</c>, <c>road</c>), each
    /// over its own corridor classes and normalised on its own. Empty: one corridor part over every class
    /// holds 1 − urban share − Σ hub shares. When given, urban + hubs + networks sum to 1; a hub mode
    /// without a hub in the region hands its share to the networks in proportion to theirs.
    /// </summary>
    public IReadOnlyDictionary<string, NetworkShare> Networks { get; init; } = new Dictionary<string, NetworkShare>(StringComparer.Ordinal);

    /// <summary>The gravity road proxy, built when no corridor line carries its class (null: none).</summary>
    public RoadProxySpec? RoadProxy { get; init; }

    /// <summary>Completion of the rail lines with the modern stations (null: none).</summary>
    public StationLinkSpec? StationLinks { get; init; }
}

/// <summary>The base-year share of the transport sector one line network carries, over its corridor classes.</summary>
public sealed record NetworkShare(double Share, IReadOnlyList<string> Classes, Provenance Provenance);

/// <summary>
/// Road proxy: nodes are the cities' urban-resident centroids, edges the Gabriel graph of the nodes,
/// each edge's traffic the gravity demand P_i·P_j / d_ij^γ of every city pair routed on its shortest path.
/// </summary>
/// <param name="Class">Corridor class of the proxy's lines (a key of class_weights).</param>
/// <param name="GravityExponent">γ, the distance-decay exponent of the gravity demand.</param>
public sealed record RoadProxySpec(string Class, double GravityExponent, Provenance Provenance);

/// <summary>Stations farther than <see cref="MinDistanceKm"/> from the rail lines are joined to them by straight links (Prim-like growth from the network).</summary>
/// <param name="Class">Corridor class of the links (a key of class_weights).</param>
/// <param name="MinDistanceKm">D: a station farther than this from every rail line marks a line the rail data lack.</param>
public sealed record StationLinkSpec(string Class, double MinDistanceKm, Provenance Provenance);

/// <summary>The base-year share of the transport sector a hub mode carries, with its provenance.</summary>
public sealed record HubShare(double Share, Provenance Provenance)
{
    /// <summary>Hub modes of a line model and the scenario input each needs: aviation at <c>airports</c>, shipping at <c>ports</c>.</summary>
    public static IReadOnlyDictionary<string, string> Modes { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["aviation"] = "airports", ["shipping"] = "ports" };
}

/// <summary>Which evolving proxy an area sector follows.</summary>
public enum AreaProxy
{
    /// <summary>Urban and rural population with per-capita weights (buildings).</summary>
    Population,

    /// <summary>Cropland and rural population (agriculture).</summary>
    Rural,

    /// <summary>Built-up land and urban and rural population (cement and diffuse industry).</summary>
    Industry,
}

/// <summary>Area sources: weights as a stated function of the evolving population and urban/rural masks.</summary>
/// <param name="Proxy">Proxy family.</param>
/// <param name="UrbanWeight">Weight per urban resident.</param>
/// <param name="RuralWeight">Weight per rural resident.</param>
/// <param name="LandWeight">Weight per km² of the proxy's land layer in the region: cropland (rural proxy) or built-up land (population and industry proxies).</param>
/// <param name="CityMultipliers">Optional multipliers by city adcode (e.g. petrochemical bases).</param>
public sealed record AreaModelSpec(
    Provenance Provenance,
    AreaProxy Proxy,
    double UrbanWeight,
    double RuralWeight,
    double LandWeight,
    IReadOnlyDictionary<string, double> CityMultipliers) : ModelSpec(Provenance)
{
    /// <summary>
    /// Share (0..1) of the sector placed by km² of the proxy's land layer alone; the rest follows the weights.
    /// 0 (the default) places the whole sector by the weights.
    /// </summary>
    public double LandShare { get; init; }
}
