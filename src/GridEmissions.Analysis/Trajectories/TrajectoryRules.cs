namespace GridEmissions.Analysis;

/// <summary>Thresholds of the trajectory classification.</summary>
public sealed record TrajectoryRules
{
    /// <summary>Relative change t of the measure that makes a persistent unit intensifying (≥ 1 + t) or diminishing (≤ 1 − t). Default 0.10.</summary>
    public double ChangeThreshold { get; init; } = 0.10;

    /// <summary>The compared measure. Default share of the region total.</summary>
    public TrajectoryMeasure Measure { get; init; } = TrajectoryMeasure.ShareOfTotal;

    /// <summary>A city is a hotspot in a year when at least this share of its in-grid area lies in hot cells. Default 0.05.</summary>
    public double CityPresenceShare { get; init; } = 0.05;

    /// <summary>Lowest Gi* class counted as hot (1 = 90 %, 2 = 95 %, 3 = 99 %). Default 1.</summary>
    public int MinimumClass { get; init; } = 1;
}
