using GridEmissions.Core.Models.Points;

namespace GridEmissions.Core.Models;

/// <summary>One sector's weights for one year, and what the model did to get them.</summary>
/// <param name="Weights">Non-negative weight per cell (for point sources: unscaled emissions, t).</param>
/// <param name="FacilityCount">Facilities operating (point sources), else 0.</param>
/// <param name="RetiredCount">Facilities retired so far (point sources), else 0.</param>
/// <param name="Facilities">Per-facility records for the year (point sources), else empty.</param>
/// <param name="Notes">What changed, in words (for the run log).</param>
public sealed record SectorYear(double[] Weights, int FacilityCount, int RetiredCount, IReadOnlyList<FacilityYearRecord> Facilities, IReadOnlyList<string> Notes)
{
    /// <summary>Which rule gave way to meet the target, and by how much (empty when none did).</summary>
    public string Closure { get; init; } = string.Empty;
}

/// <summary>A sector evolution model: gives each year's weights. Called once per year, in year order.</summary>
public interface ISourceModel
{
    /// <summary>The sector.</summary>
    string SectorId { get; }

    /// <summary>Weights for <paramref name="year"/> given the sector's target (t). Point models use the target to set utilisation, retire or expand.</summary>
    SectorYear Evolve(int year, double targetTonnes);
}
