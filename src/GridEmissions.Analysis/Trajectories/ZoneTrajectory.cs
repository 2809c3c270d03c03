namespace GridEmissions.Analysis;

/// <summary>
/// The trajectory of one zone footprint: a queen-connected component of the cells that are hot
/// in at least one year of the series.
/// </summary>
/// <param name="Id">1-based id, by descending footprint emissions summed over the years, ties by lowest cell index.</param>
/// <param name="FootprintCells">Cells of the footprint, ascending.</param>
/// <param name="Years">The years, ascending.</param>
/// <param name="HotCellsByYear">Number of hot footprint cells per year (present when &gt; 0).</param>
/// <param name="TonnesByYear">Emissions of all footprint cells per year.</param>
/// <param name="MeasureByYear">The compared measure per year (tonnes or share of the year's region total).</param>
/// <param name="Class">The trajectory class.</param>
public sealed record ZoneTrajectory(int Id, int[] FootprintCells, IReadOnlyList<int> Years, IReadOnlyList<int> HotCellsByYear, IReadOnlyList<double> TonnesByYear, IReadOnlyList<double> MeasureByYear, TrajectoryClass Class);
