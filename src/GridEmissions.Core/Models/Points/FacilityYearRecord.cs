namespace GridEmissions.Core.Models.Points;

/// <summary>One facility in one year: the per-facility table's row.</summary>
/// <param name="FacilityId">Tracker id.</param>
/// <param name="Name">Name.</param>
/// <param name="SectorId">Sector.</param>
/// <param name="Year">Year.</param>
/// <param name="Status">operating, retired, planned (not yet built), expansion, or not-entering (a pipeline project whose draw failed).</param>
/// <param name="Route">Technology or steel route (with the converted shares when a conversion is under way).</param>
/// <param name="Capacity">Capacity.</param>
/// <param name="CapacityUnit">Unit of capacity.</param>
/// <param name="Utilisation">Utilisation (capacity factor) in the year, 0 when not operating.</param>
/// <param name="Activity">Generation (MWh) or output (t) in the year.</param>
/// <param name="ActivityUnit">Unit of <paramref name="Activity"/>.</param>
/// <param name="GrossTonnes">CO2 produced, t (before capture).</param>
/// <param name="CapturedTonnes">CO2 captured by CCUS, t.</param>
/// <param name="EmissionsTonnes">Emitted CO2, t (gross − captured): what the grid carries.</param>
/// <param name="X">Location, grid CRS metres (after any relocation).</param>
/// <param name="Y">Location, grid CRS metres.</param>
/// <param name="CellId">National cell id of its location.</param>
/// <param name="City">Adcode and English name of the city holding its cell ("" outside every city).</param>
/// <param name="EntryProbability">Pipeline projects: probability of entering (NaN for others).</param>
/// <param name="EntryDraw">Pipeline projects: the seeded draw (enters when below the probability; NaN for others).</param>
/// <param name="Reason">Why its state changed this year (empty when unchanged).</param>
public sealed record FacilityYearRecord(
    string FacilityId,
    string Name,
    string SectorId,
    int Year,
    string Status,
    string Route,
    double Capacity,
    string CapacityUnit,
    double Utilisation,
    double Activity,
    string ActivityUnit,
    double GrossTonnes,
    double CapturedTonnes,
    double EmissionsTonnes,
    double X,
    double Y,
    string CellId,
    string City,
    double EntryProbability,
    double EntryDraw,
    string Reason)
{
    /// <summary>Index of its cell in the region's grid.</summary>
    public int CellIndex { get; init; } = -1;

    /// <summary>The record with its activity and CO2 scaled by a factor (a city cap or harmonisation acting on its cell).</summary>
    public FacilityYearRecord Scaled(double factor) => factor == 1 ? this : this with
    {
        Utilisation = Utilisation * factor,
        Activity = Activity * factor,
        GrossTonnes = GrossTonnes * factor,
        CapturedTonnes = CapturedTonnes * factor,
        EmissionsTonnes = EmissionsTonnes * factor,
    };
}
