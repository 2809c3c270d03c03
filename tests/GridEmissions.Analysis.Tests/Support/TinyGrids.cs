using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests;

/// <summary>Shared tiny grids and shapes.</summary>
internal static class TinyGrids
{
    public static readonly GeometryFactory Factory = new();

    /// <summary>A grid of 10 km cells whose north-west corner is at (900 km, 4,010 km).</summary>
    public static GridSpec Grid(int columns, int rows) => new("tiny", 10_000, 90, 400, columns, rows);

    public static Polygon Box(double minX, double minY, double maxX, double maxY) =>
        (Polygon)Factory.ToGeometry(new Envelope(minX, maxX, minY, maxY));
}
