using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering.Tests;

/// <summary>Shared tiny grids, geometries and a temporary directory.</summary>
internal static class Fixtures
{
    internal static readonly GeometryFactory Factory = new();

    /// <summary>4 columns × 3 rows of 10 km cells; west edge x = 0, north edge y = 100 km.</summary>
    internal static GridSpec TinyGrid => new("tiny", 10_000, 0, 9, 4, 3);

    /// <summary>A temp directory unique to the test; PNGs are also copied to /tmp/gridem-rendering for a look.</summary>
    internal static string TempDir(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "gridem-rendering-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    internal static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    internal static Polygon BoxWithHole(double x0, double y0, double x1, double y1, double inset)
    {
        LinearRing shell = Factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
        // Same orientation as the shell on purpose: even-odd filling must still leave the hole empty.
        LinearRing hole = Factory.CreateLinearRing([new(x0 + inset, y0 + inset), new(x1 - inset, y0 + inset), new(x1 - inset, y1 - inset), new(x0 + inset, y1 - inset), new(x0 + inset, y0 + inset)]);
        return Factory.CreatePolygon(shell, [hole]);
    }

    /// <summary>Pixel of a page point on a PNG rendered at <paramref name="dpi"/>.</summary>
    internal static (int X, int Y) Pixel(double xPoints, double yPoints, double dpi) =>
        ((int)Math.Floor(xPoints * dpi / 72), (int)Math.Floor(yPoints * dpi / 72));
}
