namespace GridEmissions.Analysis;

/// <summary>The trajectory of one city.</summary>
/// <param name="CityIndex">Index into <see cref="CityCoverage.Cities"/>.</param>
/// <param name="Key">City key (adcode).</param>
/// <param name="Years">The years, ascending.</param>
/// <param name="HotShareByYear">Share of the city's in-grid area lying in hot cells, per year.</param>
/// <param name="TonnesByYear">City emissions per year (exact coverage).</param>
/// <param name="MeasureByYear">The compared measure per year.</param>
/// <param name="Class">The trajectory class.</param>
public sealed record CityTrajectory(int CityIndex, string Key, IReadOnlyList<int> Years, IReadOnlyList<double> HotShareByYear, IReadOnlyList<double> TonnesByYear, IReadOnlyList<double> MeasureByYear, TrajectoryClass Class);
