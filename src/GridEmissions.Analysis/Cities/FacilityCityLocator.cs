using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis;

/// <summary>
/// The city a point source belongs to: the city whose polygon contains the point (the lowest
/// city index when it lies on a shared border); otherwise the nearest city whose polygon is within
/// <see cref="ReachMetres"/> (coastal, reclaimed-land and offshore sites that a generalised
/// coastline leaves in the sea); otherwise none (-1).
/// </summary>
public sealed class FacilityCityLocator
{
    /// <summary>
    /// Default reach for points outside every polygon: 10 km, one grid cell. The shipped
    /// boundaries (echarts, quantised to 1/1024°) omit reclaimed land and small islands; the
    /// shipped plants outside them lie 0.09–7.1 km off the nearest city (Zhoushan's offshore
    /// plants 0.25–1.35 km, Nantong's Tongzhou Bay plant 7.1 km). The only one farther, the
    /// retired Shaan County plant (19.5 km, its GEM longitude is evidently wrong), stays outside.
    /// A user's precise boundaries need no reach at all.
    /// </summary>
    public const double DefaultReachMetres = 10_000;

    private readonly IReadOnlyList<CityPolygon> cities;
    private readonly IndexedPointInAreaLocator[] locators;
    private readonly Envelope[] envelopes;
    private readonly GeometryFactory factory = new();

    /// <summary>Indexes the city polygons (grid CRS metres).</summary>
    public FacilityCityLocator(IReadOnlyList<CityPolygon> cities, double reachMetres = DefaultReachMetres)
    {
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentOutOfRangeException.ThrowIfNegative(reachMetres);
        this.cities = cities;
        ReachMetres = reachMetres;
        locators = [.. cities.Select(c => new IndexedPointInAreaLocator(c.Geometry))];
        envelopes = [.. cities.Select(c => c.Geometry.EnvelopeInternal)];
    }

    /// <summary>How far outside every polygon a point may lie and still be booked to the nearest city, metres.</summary>
    public double ReachMetres { get; }

    /// <summary>The city of the point (x, y) in grid CRS metres and its distance to that city's polygon (0 inside), or (-1, distance to the nearest city) when none is within reach.</summary>
    public (int CityIndex, double DistanceMetres) Locate(double x, double y)
    {
        var c = new Coordinate(x, y);
        for (int i = 0; i < cities.Count; i++)
        {
            if (envelopes[i].Covers(c) && locators[i].Locate(c) != Location.Exterior)
            {
                return (i, 0);
            }
        }

        Point p = factory.CreatePoint(c);
        int nearest = -1;
        double best = double.PositiveInfinity;
        for (int i = 0; i < cities.Count; i++)
        {
            if (envelopes[i].Distance(p.EnvelopeInternal) >= best)
            {
                continue;
            }

            double d = cities[i].Geometry.Distance(p);
            if (d < best)
            {
                best = d;
                nearest = i;
            }
        }

        return best <= ReachMetres ? (nearest, best) : (-1, best);
    }
}
