using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>
/// A named area (a city) in the grid CRS (metres), with Chinese and English names and an optional
/// label anchor (e.g. the city seat); without one the label goes at an interior point.
/// </summary>
/// <param name="Geometry">Polygon or multipolygon, grid CRS metres.</param>
/// <param name="NameZh">Chinese name, e.g. 郑州市.</param>
/// <param name="NameEn">English name, e.g. Zhengzhou.</param>
/// <param name="LabelAnchor">Label anchor, grid CRS metres.</param>
public sealed record BoundaryFeature(Geometry Geometry, string NameZh, string NameEn, Coordinate? LabelAnchor = null)
{
    /// <summary>The label anchor, or an interior point of the geometry.</summary>
    public Coordinate Anchor => LabelAnchor ?? Geometry.InteriorPoint.Coordinate;
}

/// <summary>City boundaries drawn as thin lines with labels.</summary>
/// <param name="Features">The areas.</param>
public sealed record BoundaryLayer(IReadOnlyList<BoundaryFeature> Features);

/// <summary>A province outline drawn as a heavier line.</summary>
/// <param name="Geometry">Polygon or multipolygon, grid CRS metres.</param>
/// <param name="Name">Province name.</param>
public sealed record ProvinceOutline(Geometry Geometry, string Name);

/// <summary>Reference layers drawn over a map: city boundaries with labels and province outlines.</summary>
/// <param name="Cities">City boundaries and labels, or null.</param>
/// <param name="Provinces">Province outlines, or null.</param>
public sealed record MapOverlays(BoundaryLayer? Cities = null, IReadOnlyList<ProvinceOutline>? Provinces = null)
{
    /// <summary>No overlays.</summary>
    public static MapOverlays None { get; } = new();
}
