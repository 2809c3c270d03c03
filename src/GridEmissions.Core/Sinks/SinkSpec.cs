using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Sinks;

/// <summary>The signed (≤ 0) sectors of a scenario: the land sink, removals at sites (BECCS…) and the storage of captured CO2.</summary>
/// <param name="Land">The land sink (forest, other natural vegetation, cropland), or null.</param>
/// <param name="Removals">Removals at named sites (BECCS, DACCS…), or null.</param>
/// <param name="Storage">Where captured CO2 is injected, or null (captured CO2 then counts as unmet storage demand).</param>
public sealed record SinkSpec(LandSinkSpec? Land, RemovalSpec? Removals, StorageSpec? Storage)
{
    /// <summary>Sector id of the land sink.</summary>
    public const string LandSector = "land_sink";

    /// <summary>Sector id of the removals at sites.</summary>
    public const string RemovalSector = "removals";

    /// <summary>The signed sector ids in output order.</summary>
    public IReadOnlyList<string> SectorIds => [.. new[] { Land is null ? null : LandSector, Removals is null ? null : RemovalSector }.OfType<string>()];
}

/// <summary>A land cover class of the land sink and its uptake rate.</summary>
/// <param name="Class">"forest", "other_vegetation" or "cropland".</param>
/// <param name="TonnesPerKm2">CO2 taken up per km² of the class per year (a positive number: the sink is its negative).</param>
/// <param name="Provenance">Source of the rate.</param>
public sealed record LandClassRate(string Class, double TonnesPerKm2, Provenance Provenance);

/// <summary>
/// The land sink: class areas from the land cover (MODIS shares), rates per km² by class, forest
/// area growing with afforestation (on other natural vegetation, where forest already is), and
/// optionally the study's regional sink (Mt, negative) which the rates then only distribute.
/// </summary>
/// <param name="Rates">Uptake rate per class.</param>
/// <param name="TargetMt">The regional sink per year (negative Mt, interpolated linearly, held after the last entry), or empty: then the sink is Σ rate × area.</param>
/// <param name="AfforestationPercentPerYear">Compound growth of the forest area per year over periods (0 when empty).</param>
public sealed record LandSinkSpec(IReadOnlyList<LandClassRate> Rates, IReadOnlyList<YearValue> TargetMt, IReadOnlyList<RatePeriod> AfforestationPercentPerYear)
{
    /// <summary>Land classes, in the order of the rates table.</summary>
    public static readonly string[] Classes = ["forest", "other_vegetation", "cropland"];

    /// <summary>The rate of a class (0 when not given).</summary>
    public double Rate(string landClass) => Rates.FirstOrDefault(r => r.Class == landClass)?.TonnesPerKm2 ?? 0;
}

/// <summary>A removal site (BECCS plant, DAC unit) and its share of the removals.</summary>
/// <param name="Name">Site name.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Share">Relative share of the year's removals (normalised over the sites).</param>
/// <param name="Provenance">Why this site and share.</param>
/// <param name="Line">Line in the scenario file (for errors).</param>
public sealed record RemovalSite(string Name, double Longitude, double Latitude, double Share, Provenance Provenance, int Line);

/// <summary>Removals at sites: the yearly total (negative Mt) split among the sites by share; the removed CO2 is captured and must be stored.</summary>
/// <param name="Kind">Free text, e.g. "BECCS".</param>
/// <param name="TargetMt">Removals per year (negative Mt, linear between entries, held after the last, 0 before the first).</param>
/// <param name="Sites">Sites.</param>
public sealed record RemovalSpec(string Kind, IReadOnlyList<YearValue> TargetMt, IReadOnlyList<RemovalSite> Sites);

/// <summary>A geological storage site (saline aquifer, depleted field).</summary>
/// <param name="Name">Basin name.</param>
/// <param name="Province">Province it is counted in.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="CapacityMt">Cumulative capacity, Mt CO2.</param>
/// <param name="FromYear">First year it accepts CO2.</param>
/// <param name="Provenance">Source of location and capacity.</param>
/// <param name="Line">Line in the scenario file (for errors).</param>
public sealed record StorageSite(string Name, string Province, double Longitude, double Latitude, double CapacityMt, int FromYear, Provenance Provenance, int Line);

/// <summary>The storage sites captured CO2 is routed to (nearest first, within cumulative capacity).</summary>
/// <param name="Sites">Sites.</param>
/// <param name="MaxDistanceKm">Longest transport distance accepted (CO2 farther from every open site is unmet demand).</param>
public sealed record StorageSpec(IReadOnlyList<StorageSite> Sites, double MaxDistanceKm);
