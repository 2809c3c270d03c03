namespace GridEmissions.Analysis;

/// <summary>
/// How a hotspot zone or a city changes between the first (base) and last year of a series.
/// Presence is decided per year (see <see cref="Trajectories"/>); the class uses the first and
/// last year only, intermediate years are reported alongside.
/// </summary>
public enum TrajectoryClass
{
    /// <summary>Never a hotspot in any year (cities only).</summary>
    None,

    /// <summary>Not a hotspot in the base year, a hotspot in the last year.</summary>
    Emerging,

    /// <summary>A hotspot in the base and the last year, with the measure changed by less than the threshold.</summary>
    Persistent,

    /// <summary>A hotspot in the base and the last year, the measure grew by at least the threshold (last ≥ (1 + t) × base).</summary>
    Intensifying,

    /// <summary>A hotspot in the base and the last year, the measure fell by at least the threshold (last ≤ (1 − t) × base).</summary>
    Diminishing,

    /// <summary>A hotspot in some year but not in the last year (including zones that appeared and disappeared between).</summary>
    Vanished,
}
