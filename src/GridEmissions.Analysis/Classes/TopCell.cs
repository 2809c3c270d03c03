namespace GridEmissions.Analysis;

/// <summary>One of the largest cells of a grid.</summary>
/// <param name="Index">Flat row-major cell index.</param>
/// <param name="CellId">National cell id (<see cref="Core.Grids.GridSpec.CellId"/>).</param>
/// <param name="ValueTonnes">Cell value, t CO2/yr.</param>
public sealed record TopCell(int Index, string CellId, double ValueTonnes);
