namespace GridEmissions.Core.Projection;

/// <summary>
/// How a sector's spatial pattern moved by a year, relative to the base year.
/// </summary>
/// <param name="Year">Year.</param>
/// <param name="SectorId">Sector.</param>
/// <param name="ShareInBaseTopDecile">Share of the sector's emissions in the cells that held its top 10 % of cells (by value) in the base year.</param>
/// <param name="ShareInUrbanCells">Share in cells that are urban in this year's proxy.</param>
/// <param name="CorridorShare">Transport only: share carried by corridors (rest: urban traffic); NaN otherwise.</param>
/// <param name="DissimilarityToBase">Half the sum over cells of |share now − share in base year|: the fraction of emissions that moved between cells (0 = pure scaling).</param>
/// <param name="CellsUsed">Cells with emissions.</param>
public sealed record PatternRow(int Year, string SectorId, double ShareInBaseTopDecile, double ShareInUrbanCells, double CorridorShare, double DissimilarityToBase, int CellsUsed)
{
    /// <summary>CSV header.</summary>
    public const string CsvHeader = "year,sector,share_in_base_top_decile,share_in_urban_cells,corridor_share,dissimilarity_to_base,cells_used";

    /// <summary>The row as CSV.</summary>
    public string ToCsv() => FormattableString.Invariant(
        $"{Year},{SectorId},{ShareInBaseTopDecile:0.######},{ShareInUrbanCells:0.######},{(double.IsNaN(CorridorShare) ? string.Empty : CorridorShare.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture))},{DissimilarityToBase:0.######},{CellsUsed}");
}
