namespace GridEmissions.Analysis;

/// <summary>How concentrated a grid's emissions are in few cells.</summary>
/// <param name="TopCells">The largest cells, descending value, ties by lowest index.</param>
/// <param name="RegionCellCount">n: all cells of the region (zeros included).</param>
/// <param name="TotalTonnes">Sum over the region cells.</param>
/// <param name="Top1PercentCells">⌈0.01 n⌉.</param>
/// <param name="ShareTop1Percent">Share of the total held by the ⌈0.01 n⌉ largest cells (0 when the total is 0).</param>
/// <param name="Top10PercentCells">⌈0.10 n⌉.</param>
/// <param name="ShareTop10Percent">Share of the total held by the ⌈0.10 n⌉ largest cells.</param>
/// <param name="Gini">Gini coefficient over the n region cells: 0 all equal, (n−1)/n one cell holds all.</param>
public sealed record ConcentrationResult(
    IReadOnlyList<TopCell> TopCells,
    int RegionCellCount,
    double TotalTonnes,
    int Top1PercentCells,
    double ShareTop1Percent,
    int Top10PercentCells,
    double ShareTop10Percent,
    double Gini);
