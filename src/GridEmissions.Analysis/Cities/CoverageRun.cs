namespace GridEmissions.Analysis;

/// <summary>
/// A run of consecutive cells (row-major indices <see cref="Cell"/> … <see cref="Cell"/> + <see cref="Count"/> − 1)
/// that share one factor: a city's fraction of them, or the share of them outside every city. Only a
/// factor of exactly 1 spans more than one cell, so the sums over whole covered areas stream over the
/// cell values without reading a (cell, city, fraction) entry per cell.
/// </summary>
internal readonly record struct CoverageRun(int Cell, int Count, double Fraction);
