namespace GridEmissions.Core.Sectors;

/// <summary>How a sector's emissions are placed on the grid: the evolution model family.</summary>
public enum SourceKind
{
    /// <summary>Facilities at their own locations (power, steel).</summary>
    Point,

    /// <summary>Transport corridors plus an urban-traffic share (transport).</summary>
    Line,

    /// <summary>Proxy layers: population, urban and rural masks (buildings, agriculture, diffuse industry).</summary>
    Area,
}
