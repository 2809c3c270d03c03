namespace GridEmissions.Analysis;

/// <summary>One sparse coverage entry: the fraction of a cell's area that lies inside one city.</summary>
/// <param name="CellIndex">Flat row-major cell index of the grid.</param>
/// <param name="CityIndex">Index into <see cref="CityCoverage.Cities"/>.</param>
/// <param name="Fraction">Area of (city ∩ cell) ÷ cell area, in (0, 1].</param>
public readonly record struct CellCityFraction(int CellIndex, int CityIndex, double Fraction);
