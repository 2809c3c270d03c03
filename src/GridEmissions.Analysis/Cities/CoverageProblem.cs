namespace GridEmissions.Analysis;

/// <summary>
/// A problem in the city boundary data found while building a <see cref="CityCoverage"/>: which
/// city (and cell, when one is involved), what is wrong, and how to fix it.
/// </summary>
/// <param name="CityKey">Key of the city (for overlaps, "A+B").</param>
/// <param name="CellId">The grid cell id where the problem shows first, or null.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">How to fix it in the source data.</param>
public sealed record CoverageProblem(string CityKey, string? CellId, string Problem, string Fix);
