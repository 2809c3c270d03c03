namespace GridEmissions.Core.Grids;

/// <summary>
/// A regular WGS84 longitude/latitude grid: cells of <see cref="Resolution"/> degrees whose edges
/// lie on whole multiples of the resolution (so grids of the same resolution share a lattice,
/// like EDGAR's 0.1° grid). Row 0 is the southernmost row (latitude ascending, as CF readers and
/// CDO expect); cells are row-major.
/// </summary>
/// <param name="Resolution">Cell size in degrees (both axes).</param>
/// <param name="WestIndex">Western edge ÷ resolution (an integer).</param>
/// <param name="SouthIndex">Southern edge ÷ resolution (an integer).</param>
/// <param name="Columns">Cells west to east.</param>
/// <param name="Rows">Cells south to north.</param>
public sealed record LonLatGrid(double Resolution, long WestIndex, long SouthIndex, int Columns, int Rows)
{
    /// <summary>WGS84 semi-major axis (m).</summary>
    public const double SemiMajorAxis = 6378137.0;

    /// <summary>WGS84 flattening.</summary>
    public const double Flattening = 1 / 298.257223563;

    /// <summary>Cells of the grid.</summary>
    public int CellCount => checked(Columns * Rows);

    /// <summary>
    /// The smallest grid of <paramref name="resolution"/> degrees whose cells cover the box: edges
    /// snapped outward to multiples of the resolution. Throws for a resolution outside (0, 10] or
    /// a box outside ±180/±90.
    /// </summary>
    public static LonLatGrid Covering(double lonMin, double lonMax, double latMin, double latMax, double resolution)
    {
        if (!(resolution > 0 && resolution <= 10) || !double.IsFinite(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "the lon/lat resolution must be a number of degrees in (0, 10]");
        }

        if (!(lonMin < lonMax && latMin < latMax) || lonMin < -180 || lonMax > 180 || latMin < -90 || latMax > 90)
        {
            throw new ArgumentException(FormattableString.Invariant($"the box {lonMin}..{lonMax} E, {latMin}..{latMax} N is not a valid lon/lat extent"));
        }

        // A tiny allowance keeps an edge that is already on the lattice (up to rounding) from adding a row.
        const double slack = 1e-9;
        long west = (long)Math.Floor((lonMin / resolution) + slack), east = (long)Math.Ceiling((lonMax / resolution) - slack);
        long south = (long)Math.Floor((latMin / resolution) + slack), north = (long)Math.Ceiling((latMax / resolution) - slack);
        return new LonLatGrid(resolution, west, south, checked((int)(east - west)), checked((int)(north - south)));
    }

    /// <summary>Longitude of the western edge of column <paramref name="column"/> (0..Columns).</summary>
    public double LonEdge(int column) => (WestIndex + column) * Resolution;

    /// <summary>Latitude of the southern edge of row <paramref name="row"/> (0..Rows).</summary>
    public double LatEdge(int row) => (SouthIndex + row) * Resolution;

    /// <summary>Cell-centre longitudes, west to east.</summary>
    public double[] Longitudes() => [.. Enumerable.Range(0, Columns).Select(c => (LonEdge(c) + LonEdge(c + 1)) / 2)];

    /// <summary>Cell-centre latitudes, south to north.</summary>
    public double[] Latitudes() => [.. Enumerable.Range(0, Rows).Select(r => (LatEdge(r) + LatEdge(r + 1)) / 2)];

    /// <summary>West and east edge of every column (CF bounds, two per column).</summary>
    public double[] LongitudeBounds() => [.. Enumerable.Range(0, Columns).SelectMany(c => new[] { LonEdge(c), LonEdge(c + 1) })];

    /// <summary>South and north edge of every row (CF bounds, two per row).</summary>
    public double[] LatitudeBounds() => [.. Enumerable.Range(0, Rows).SelectMany(r => new[] { LatEdge(r), LatEdge(r + 1) })];

    /// <summary>
    /// Area of every cell (m², row-major) on the WGS84 ellipsoid, exact: a cell between latitudes
    /// φ1 and φ2 spanning Δλ radians has area a²(1−e²)/2 · Δλ · (q(φ2) − q(φ1)) with q the
    /// authalic function q(φ) = sinφ/(1−e²sin²φ) + artanh(e sinφ)/e.
    /// </summary>
    public double[] CellAreas()
    {
        double e2 = Flattening * (2 - Flattening), e = Math.Sqrt(e2);
        double dLambda = Resolution * Math.PI / 180;
        var areas = new double[CellCount];
        for (int r = 0; r < Rows; r++)
        {
            double a = SemiMajorAxis * SemiMajorAxis * (1 - e2) / 2 * dLambda * (Q(LatEdge(r + 1)) - Q(LatEdge(r)));
            areas.AsSpan(r * Columns, Columns).Fill(a);
        }

        return areas;

        double Q(double latDegrees)
        {
            double s = Math.Sin(latDegrees * Math.PI / 180);
            return (s / (1 - (e2 * s * s))) + (Math.Atanh(e * s) / e);
        }
    }
}
