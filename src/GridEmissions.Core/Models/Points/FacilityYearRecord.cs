namespace GridEmissions.Core.Models.Points;

/// <summary>One facility in one year: the per-facility table's row.</summary>
/// <param name="FacilityId">Tracker id.</param>
/// <param name="Name">Name.</param>
/// <param name="SectorId">Sector.</param>
/// <param name="Year">Year.</param>
/// <param name="Status">operating, retired, planned (not yet built) or expansion.</param>
/// <param name="Capacity">Capacity.</param>
/// <param name="CapacityUnit">Unit of capacity.</param>
/// <param name="Utilisation">Utilisation (capacity factor) in the year, 0 when not operating.</param>
/// <param name="EmissionsTonnes">Emitted CO2, t (after capture).</param>
/// <param name="CapturedTonnes">CO2 captured by CCUS, t.</param>
/// <param name="CellId">National cell id of its location.</param>
/// <param name="Reason">Why its state changed this year (empty when unchanged).</param>
public sealed record FacilityYearRecord(
    string FacilityId,
    string Name,
    string SectorId,
    int Year,
    string Status,
    double Capacity,
    string CapacityUnit,
    double Utilisation,
    double EmissionsTonnes,
    double CapturedTonnes,
    string CellId,
    string Reason);
