namespace GridEmissions.Gdal;

/// <summary>Attribute field types <see cref="VectorWriter"/> writes.</summary>
public enum VectorFieldType
{
    /// <summary>Text (UTF-8).</summary>
    String,

    /// <summary>64-bit integer.</summary>
    Integer64,

    /// <summary>Double-precision number.</summary>
    Real,
}

/// <summary>Layer geometry types (values are OGR's wkbGeometryType codes).</summary>
public enum VectorGeometryType
{
    /// <summary>Any geometry.</summary>
    Unknown = 0,

    /// <summary>Points.</summary>
    Point = 1,

    /// <summary>Line strings.</summary>
    LineString = 2,

    /// <summary>Polygons.</summary>
    Polygon = 3,

    /// <summary>Multi-points.</summary>
    MultiPoint = 4,

    /// <summary>Multi-line strings.</summary>
    MultiLineString = 5,

    /// <summary>Multi-polygons.</summary>
    MultiPolygon = 6,

    /// <summary>Geometry collections.</summary>
    GeometryCollection = 7,

    /// <summary>No geometry (attribute table).</summary>
    None = 100,
}

/// <summary>One attribute field of a layer to write.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Field type.</param>
public sealed record VectorFieldSpec(string Name, VectorFieldType Type);

/// <summary>What layer <see cref="VectorWriter"/> creates.</summary>
/// <param name="Name">Layer name (GeoJSON "name", GPKG table).</param>
/// <param name="CrsWkt">CRS of the features' geometries as WKT (or anything <see cref="SpatialReference.FromUserInput"/> takes); null or empty for none.</param>
/// <param name="Fields">Attribute fields, in output order.</param>
/// <param name="GeometryType">Geometry type of the layer.</param>
public sealed record VectorLayerSpec(string Name, string? CrsWkt, IReadOnlyList<VectorFieldSpec> Fields, VectorGeometryType GeometryType = VectorGeometryType.Unknown)
{
    /// <summary>Decimal places of coordinates in GeoJSON output (6 ≈ 0.1 m in degrees, as RFC 7946 §11.2 suggests).</summary>
    public int CoordinatePrecision { get; init; } = DefaultCoordinatePrecision;

    /// <summary>The default of <see cref="CoordinatePrecision"/>.</summary>
    public const int DefaultCoordinatePrecision = 6;

    /// <summary>Extra layer creation options (NAME=VALUE) added after the defaults for the driver.</summary>
    public IReadOnlyList<string> LayerCreationOptions { get; init; } = [];
}
