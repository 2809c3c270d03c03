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

    /// <summary>
    /// The same weights, written into <paramref name="weights"/>: a buffer of one value per cell
    /// the caller owns and lends for the year (every value is overwritten; the returned
    /// <see cref="SectorYear.Weights"/> is that buffer, valid until the caller lends it again).
    /// Models that do not write in place return fresh weights (the default).
    /// </summary>
    SectorYear Evolve(int year, double targetTonnes, double[] weights) => Evolve(year, targetTonnes);
}
