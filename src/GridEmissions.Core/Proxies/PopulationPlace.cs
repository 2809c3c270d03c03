namespace GridEmissions.Core.Proxies;

/// <summary>A populated place in grid CRS metres (GeoNames / Natural Earth), population may be 0 when unknown.</summary>
public sealed record PopulationPlace(string Name, double X, double Y, double Population);
