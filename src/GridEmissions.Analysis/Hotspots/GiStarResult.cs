namespace GridEmissions.Analysis;

/// <summary>
/// Gi* of every grid cell (row-major, like the grid). Cells outside the study region hold NaN
/// z and p and class 0.
/// </summary>
/// <param name="Z">Standardised Gi* (spdep <c>localG</c> with self included).</param>
/// <param name="P">Two-sided analytic p-value, erfc(|z|/√2).</param>
/// <param name="PAdjusted">Benjamini–Hochberg adjusted analytic p over the region cells.</param>
/// <param name="PermutationP">Two-sided conditional-permutation pseudo p, or null when no permutations ran.</param>
/// <param name="PermutationPAdjusted">Benjamini–Hochberg adjusted pseudo p, or null.</param>
/// <param name="Class">−3..3: hot (+) or cold (−) at 90 % (1), 95 % (2), 99 % (3) confidence, 0 not significant.</param>
/// <param name="RegionCellCount">n: cells in the study region.</param>
/// <param name="Mean">x̄ over the region cells.</param>
/// <param name="StandardDeviation">S = sqrt(Σ(x − x̄)²/n) over the region cells.</param>
public sealed record GiStarResult(
    double[] Z,
    double[] P,
    double[] PAdjusted,
    double[]? PermutationP,
    double[]? PermutationPAdjusted,
    sbyte[] Class,
    int RegionCellCount,
    double Mean,
    double StandardDeviation);
