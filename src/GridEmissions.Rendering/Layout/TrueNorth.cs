namespace GridEmissions.Rendering;

/// <summary>
/// Direction of true north on the grid CRS (China Albers, standard parallels 25°/47°N, central
/// meridian 105°E, origin latitude 0°, see <c>Core.Grids.ChinaAlbers</c>). Meridians of a conic
/// projection converge on the cone apex at (0, ρ₀), so grid north differs from true north by
/// about 5° over Henan and 9° over Shanghai; the north arrow is turned by this angle.
/// Spherical approximation: the angle is good to well under 0.1°.
/// </summary>
public static class TrueNorth
{
    private const double EarthRadiusMetres = 6371007.2;
    private static readonly double Phi1 = 25 * Math.PI / 180, Phi2 = 47 * Math.PI / 180;
    private static readonly double N = (Math.Sin(Phi1) + Math.Sin(Phi2)) / 2;
    private static readonly double Rho0 = EarthRadiusMetres * Math.Sqrt(Math.Cos(Phi1) * Math.Cos(Phi1) + 2 * N * Math.Sin(Phi1)) / N;

    /// <summary>
    /// Clockwise angle (radians) from grid north (page up) to true north at a grid-CRS point;
    /// negative east of 105°E, where true north leans west.
    /// </summary>
    public static double AngleFromGridNorth(double easting, double northing) => Math.Atan2(-easting, Rho0 - northing);
}
