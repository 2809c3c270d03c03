namespace GridEmissions.Rendering;

/// <summary>An axis-aligned rectangle on the page, in points, y down.</summary>
public readonly record struct PageRect(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>Horizontal centre.</summary>
    public double CentreX => X + Width / 2;

    /// <summary>Vertical centre.</summary>
    public double CentreY => Y + Height / 2;

    /// <summary>True when the interiors overlap (touching edges do not).</summary>
    public bool Intersects(PageRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>True when <paramref name="other"/> lies entirely inside this rectangle.</summary>
    public bool Contains(PageRect other) =>
        other.X >= X && other.Right <= Right && other.Y >= Y && other.Bottom <= Bottom;

    /// <summary>True when the point is inside or on the edge.</summary>
    public bool Contains(double x, double y) => x >= X && x <= Right && y >= Y && y <= Bottom;

    /// <summary>This rectangle grown by <paramref name="margin"/> on every side (shrunk when negative).</summary>
    public PageRect Inflate(double margin) => new(X - margin, Y - margin, Width + 2 * margin, Height + 2 * margin);
}
