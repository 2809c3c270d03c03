namespace GridEmissions.Rendering;

/// <summary>Linear mapping of data (x, y) to a plot rectangle, y up.</summary>
/// <param name="Plot">Plot area on the page.</param>
/// <param name="XMin">Data x at the left edge.</param>
/// <param name="XMax">Data x at the right edge.</param>
/// <param name="YMin">Data y at the bottom edge.</param>
/// <param name="YMax">Data y at the top edge.</param>
public sealed record ChartAxes(PageRect Plot, double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>Page x of a data x.</summary>
    public double X(double x) => Plot.X + (x - XMin) / (XMax - XMin) * Plot.Width;

    /// <summary>Page y of a data y.</summary>
    public double Y(double y) => Plot.Bottom - (y - YMin) / (YMax - YMin) * Plot.Height;
}
