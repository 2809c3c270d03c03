using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// One city unit as the analysis sees it: a key (the adcode), its names for tables, and its
/// polygonal outline already projected into the grid CRS (metres).
/// </summary>
/// <param name="Key">Stable city key, the administrative code (e.g. "410100").</param>
/// <param name="Geometry">Polygon or MultiPolygon in grid CRS metres.</param>
public sealed record CityPolygon(string Key, Geometry Geometry)
{
    /// <summary>Chinese name, for tables.</summary>
    public string NameZh { get; init; } = "";

    /// <summary>English name, for tables.</summary>
    public string NameEn { get; init; } = "";
}
