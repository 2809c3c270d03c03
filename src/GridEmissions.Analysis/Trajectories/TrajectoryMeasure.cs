namespace GridEmissions.Analysis;

/// <summary>What "intensifying" and "diminishing" compare between the base and the last year.</summary>
public enum TrajectoryMeasure
{
    /// <summary>The unit's share of the region total of that year (default): relative prominence, meaningful while the whole region decarbonises.</summary>
    ShareOfTotal,

    /// <summary>The unit's emissions in tonnes.</summary>
    Tonnes,
}
