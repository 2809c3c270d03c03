namespace GridEmissions.Core.Facilities;

/// <summary>
/// One emitting unit (a power unit, a steel plant's route) with its lifecycle dates, location
/// and reference emissions. Immutable: the point-source model derives each year's state.
/// </summary>
/// <param name="Id">Tracker id (unique within the list).</param>
/// <param name="Name">Plant and unit name.</param>
/// <param name="SectorId">Sector it belongs to.</param>
/// <param name="Technology">Fuel/route/technology (e.g. "coal: subcritical", "gas", "BF-BOF").</param>
/// <param name="Capacity">Capacity in <paramref name="CapacityUnit"/>.</param>
/// <param name="CapacityUnit">"MW" or "kt steel/yr".</param>
/// <param name="Status">Status reported by the tracker.</param>
/// <param name="StartYear">Year of commissioning (or planned).</param>
/// <param name="RetiredYear">Year retired (reported), if any.</param>
/// <param name="PlannedRetirementYear">Planned retirement year, if any.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="ReferenceEmissionsTonnes">Annual CO2 (t) at <paramref name="ReferenceUtilisation"/>.</param>
/// <param name="ReferenceUtilisation">Utilisation (capacity factor) behind the reference emissions.</param>
/// <param name="Province">Province (subnational unit).</param>
/// <param name="Source">File and line the facility came from.</param>
public sealed record Facility(
    string Id,
    string Name,
    string SectorId,
    string Technology,
    double Capacity,
    string CapacityUnit,
    FacilityStatus Status,
    int? StartYear,
    int? RetiredYear,
    int? PlannedRetirementYear,
    double Longitude,
    double Latitude,
    double ReferenceEmissionsTonnes,
    double ReferenceUtilisation,
    string Province,
    string Source)
{
    /// <summary>True for combined heat-and-power units (heat supply sets a must-run minimum).</summary>
    public bool IsChp { get; init; }

    /// <summary>False when <see cref="StartYear"/> is a plant founding date rather than the age of the equipment (no lifetime retirement).</summary>
    public bool StartYearIsEquipmentAge { get; init; } = true;

    /// <summary>Activity (MWh for MW, t output for kt/yr) at full utilisation over a year.</summary>
    public double ActivityAtFull => CapacityUnit == "MW" ? Capacity * 8760 : CapacityUnit.StartsWith("kt", StringComparison.Ordinal) ? Capacity * 1000 : Capacity;

    /// <summary>Unit of <see cref="ActivityAtFull"/>.</summary>
    public string ActivityUnit => CapacityUnit == "MW" ? "MWh" : CapacityUnit.StartsWith("kt", StringComparison.Ordinal) ? "t" : CapacityUnit + "-year";

    /// <summary>Emissions (t) per unit of utilisation: the unit's emissions at utilisation u are u × this.</summary>
    public double TonnesPerUtilisation => ReferenceUtilisation > 0 ? ReferenceEmissionsTonnes / ReferenceUtilisation : 0;

    /// <summary>Emissions per unit of capacity at full utilisation (efficiency measure for merit order).</summary>
    public double TonnesPerCapacity => Capacity > 0 ? TonnesPerUtilisation / Capacity : 0;
}
