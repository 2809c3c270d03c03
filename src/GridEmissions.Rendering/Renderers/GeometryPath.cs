using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>Adds NetTopologySuite geometries (grid CRS) to a canvas path through a viewport. Rings become closed sub-paths, so even-odd filling leaves holes empty.</summary>
internal static class GeometryPath
{
    internal static void Add(Canvas canvas, Geometry geometry, MapViewport viewport)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AddRing(canvas, polygon.ExteriorRing, viewport, close: true);
                foreach (LineString hole in polygon.InteriorRings)
                {
                    AddRing(canvas, hole, viewport, close: true);
                }

                break;
            case LineString line:
                AddRing(canvas, line, viewport, close: line.IsClosed);
                break;
            case GeometryCollection collection:
                foreach (Geometry part in collection.Geometries)
                {
                    Add(canvas, part, viewport);
                }

                break;
            default:
                break; // points carry no path
        }
    }

    private static void AddRing(Canvas canvas, LineString ring, MapViewport viewport, bool close)
    {
        Coordinate[] cs = ring.Coordinates;
        if (cs.Length < 2)
        {
            return;
        }

        canvas.MoveTo(viewport.X(cs[0].X), viewport.Y(cs[0].Y));
        for (int i = 1; i < cs.Length; i++)
        {
            canvas.LineTo(viewport.X(cs[i].X), viewport.Y(cs[i].Y));
        }

        if (close)
        {
            canvas.ClosePath();
        }
    }
}
