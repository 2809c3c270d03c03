namespace GridEmissions.Analysis;

/// <summary>The input of one year: its Gi* classes and the grid they were computed on.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Classes">Gi* classes per cell (−3..3).</param>
/// <param name="Values">t CO2/yr per cell, row-major.</param>
public sealed record YearHotspots(int Year, sbyte[] Classes, double[] Values);
