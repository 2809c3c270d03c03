namespace GridEmissions.Analysis;

/// <summary>Cells and emissions in one emission class.</summary>
/// <param name="Class">Class number, 0 = lowest.</param>
/// <param name="Label">Human label, e.g. "10–100 kt".</param>
/// <param name="LowerTonnes">Inclusive lower bound per cell, t (−∞ for class 0).</param>
/// <param name="UpperTonnes">Exclusive upper bound per cell, t (+∞ for the top class).</param>
/// <param name="Cells">Number of region cells in the class.</param>
/// <param name="EmissionsTonnes">Sum of their values, t.</param>
/// <param name="ShareOfTotal">EmissionsTonnes ÷ region total (0 when the total is 0).</param>
public sealed record EmissionClassSummary(int Class, string Label, double LowerTonnes, double UpperTonnes, int Cells, double EmissionsTonnes, double ShareOfTotal);
