namespace GridEmissions.Bench.National;

/// <summary>A synthetic city seat in grid CRS metres: a prefecture's coal-plant centroid, or a lattice point where no prefecture has a plant.</summary>
/// <param name="Key">Synthetic city key (stands in for an adcode).</param>
/// <param name="Name">"Province/Prefecture" or "lattice N".</param>
/// <param name="X">Easting, China Albers metres.</param>
/// <param name="Y">Northing, China Albers metres.</param>
/// <param name="FromLattice">True for a lattice top-up seat.</param>
public sealed record Seat(string Key, string Name, double X, double Y, bool FromLattice);
