using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal;

/// <summary>One feature: id, geometry (null when the feature has none) and typed attributes (string, long, double or null).</summary>
/// <param name="Fid">The feature id the driver gave (ignored when writing).</param>
/// <param name="Geometry">The geometry in the layer's CRS (or the requested target CRS).</param>
/// <param name="Attributes">Field values by field name, in field order.</param>
public sealed record VectorFeature(long Fid, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes);
