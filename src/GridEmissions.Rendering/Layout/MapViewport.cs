using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>
/// Projects grid-CRS metres onto the page: one uniform scale (so the equal-area map is not
/// distorted), the world extent centred in the frame, north up (y flips: larger northing → smaller
/// page y).
/// </summary>
public sealed class MapViewport
{
    /// <summary>Fits <paramref name="world"/> into <paramref name="frame"/>.</summary>
    public MapViewport(Envelope world, PageRect frame)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (world.IsNull || world.Width <= 0 || world.Height <= 0)
        {
            throw new ArgumentException("the map extent must have a positive width and height", nameof(world));
        }

        if (frame.Width <= 0 || frame.Height <= 0)
        {
            throw new ArgumentException("the map frame must have a positive width and height", nameof(frame));
        }

        World = world;
        Frame = frame;
        PointsPerMetre = Math.Min(frame.Width / world.Width, frame.Height / world.Height);
        OffsetX = frame.X + (frame.Width - world.Width * PointsPerMetre) / 2;
        OffsetY = frame.Y + (frame.Height - world.Height * PointsPerMetre) / 2;
    }

    /// <summary>The world extent shown, metres.</summary>
    public Envelope World { get; }

    /// <summary>The page rectangle the map is fitted into.</summary>
    public PageRect Frame { get; }

    /// <summary>Page points per ground metre.</summary>
    public double PointsPerMetre { get; }

    /// <summary>Ground metres per page point.</summary>
    public double MetresPerPoint => 1 / PointsPerMetre;

    private double OffsetX { get; }

    private double OffsetY { get; }

    /// <summary>Page x of an easting.</summary>
    public double X(double easting) => OffsetX + (easting - World.MinX) * PointsPerMetre;

    /// <summary>Page y of a northing.</summary>
    public double Y(double northing) => OffsetY + (World.MaxY - northing) * PointsPerMetre;

    /// <summary>The page rectangle of a world envelope.</summary>
    public PageRect ToPage(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new PageRect(X(envelope.MinX), Y(envelope.MaxY), envelope.Width * PointsPerMetre, envelope.Height * PointsPerMetre);
    }

    /// <summary>The page rectangle of the whole world extent.</summary>
    public PageRect MapRect => ToPage(World);

    /// <summary>An envelope grown by a fraction of its larger side on every side (a margin around the data).</summary>
    public static Envelope Pad(Envelope envelope, double fraction)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = new Envelope(envelope);
        e.ExpandBy(Math.Max(envelope.Width, envelope.Height) * fraction);
        return e;
    }
}
