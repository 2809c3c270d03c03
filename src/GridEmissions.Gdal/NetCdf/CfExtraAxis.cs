namespace GridEmissions.Gdal;

/// <summary>
/// A dimension between time and (y, x) in a NetCDF cube, e.g. <c>quantile</c> (0.1, 0.5, 0.9) of an
/// ensemble: every data variable then has the dimensions (time, axis, y, x).
/// </summary>
/// <param name="Name">Dimension and coordinate variable name.</param>
/// <param name="Values">Coordinate values.</param>
/// <param name="Attributes">Attributes of the coordinate variable (long_name, units…).</param>
public sealed record CfExtraAxis(string Name, IReadOnlyList<double> Values, IReadOnlyDictionary<string, string> Attributes);
