using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models.Points;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>Builds facilities with sensible defaults: an operating 600 MW coal unit started in 2010, 1 Mt CO2 at utilisation 0.5.</summary>
internal static class FacilityBuilder
{
    public static Facility Unit(
        string id,
        double capacityMw = 600,
        FacilityStatus status = FacilityStatus.Operating,
        int? start = 2010,
        int? retired = null,
        int? plannedRetirement = null,
        double referenceTonnes = 1e6,
        double referenceUtilisation = 0.5) =>
        new(id, "Unit " + id, "power", "coal: test", capacityMw, "MW", status, start, retired, plannedRetirement,
            113.6, 34.7, referenceTonnes, referenceUtilisation, "Henan", "test.csv:" + (id.Length + 1));

    /// <summary>Sites a facility at the centre of a cell of <see cref="TinyGeography.Grid"/>.</summary>
    public static SitedFacility At(this Facility facility, int column, int row)
    {
        var (x, y) = TinyGeography.Centre(column, row);
        return new SitedFacility(facility, x, y);
    }
}
