namespace GridEmissions.Gdal;

/// <summary>A whole vector layer read into memory.</summary>
/// <param name="Name">Layer name.</param>
/// <param name="CrsWkt">CRS of the geometries as WKT; empty when the layer has none (e.g. CSV).</param>
/// <param name="FieldNames">Attribute field names in the file's order.</param>
/// <param name="Features">Features in the file's order.</param>
public sealed record VectorLayer(string Name, string CrsWkt, IReadOnlyList<string> FieldNames, IReadOnlyList<VectorFeature> Features);
