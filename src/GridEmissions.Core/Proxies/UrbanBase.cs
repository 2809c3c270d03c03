using GridEmissions.Core.Models;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Proxies;

/// <summary>
/// The base-year urban proxy: which cells are urban and how many urban residents each carries
/// relative to the others. A cell is urban when at least <see cref="UrbanAreaThreshold"/> of it is
/// covered by mapped urban area, or it holds a city seat or a place of at least
/// <see cref="LargePlacePopulation"/> people. Its weight is mapped urban km² ×
/// <see cref="UrbanDensityPerKm2"/> plus the population of the places in it (at least
/// <see cref="MinimumUrbanWeight"/>). Assumptions, stated here so every run reports the same.
/// </summary>
public sealed record UrbanBase(bool[] Urban, double[] Weight)
{
    /// <summary>Share of a cell covered by urban area that makes it urban.</summary>
    public const double UrbanAreaThreshold = 0.10;

    /// <summary>Population of a place that makes its cell urban.</summary>
    public const double LargePlacePopulation = 100_000;

    /// <summary>Residents per km² of mapped urban area (assumption: typical Chinese urban density).</summary>
    public const double UrbanDensityPerKm2 = 5_000;

    /// <summary>Smallest weight of an urban cell (residents).</summary>
    public const double MinimumUrbanWeight = 20_000;

    /// <summary>Builds the base from places and urban-area polygons (grid CRS).</summary>
    public static UrbanBase Build(CellGeography geography, IEnumerable<PopulationPlace> places, IEnumerable<Geometry> urbanAreas)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(urbanAreas);
        var grid = geography.Grid;
        var urbanKm2 = new double[grid.CellCount];
        var placePop = new double[grid.CellCount];
        var urban = new bool[grid.CellCount];
        var factory = new GeometryFactory();
        foreach (Geometry area in urbanAreas)
        {
            Envelope e = area.EnvelopeInternal;
            int c0 = Math.Max(0, (int)Math.Floor((e.MinX - grid.MinX) / grid.CellSizeMetres));
            int c1 = Math.Min(grid.Columns - 1, (int)Math.Floor((e.MaxX - grid.MinX) / grid.CellSizeMetres));
            int r0 = Math.Max(0, (int)Math.Floor((grid.MaxY - e.MaxY) / grid.CellSizeMetres));
            int r1 = Math.Min(grid.Rows - 1, (int)Math.Floor((grid.MaxY - e.MinY) / grid.CellSizeMetres));
            var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
            for (int r = r0; r <= r1; r++)
            {
                for (int c = c0; c <= c1; c++)
                {
                    int i = grid.Index(c, r);
                    Geometry cell = factory.ToGeometry(grid.CellEnvelope(i));
                    if (prepared.Contains(cell))
                    {
                        urbanKm2[i] += grid.CellAreaKm2;
                    }
                    else if (prepared.Intersects(cell))
                    {
                        urbanKm2[i] += area.Intersection(cell).Area / 1e6;
                    }
                }
            }
        }

        foreach (PopulationPlace p in places)
        {
            if (grid.TryLocate(p.X, p.Y, out int i))
            {
                placePop[i] += Math.Max(0, p.Population);
                if (p.Population >= LargePlacePopulation)
                {
                    urban[i] = true;
                }
            }
        }

        foreach (CityInfo city in geography.Cities)
        {
            if (grid.TryLocate(city.SeatX, city.SeatY, out int i))
            {
                urban[i] = true;
            }
        }

        var weight = new double[grid.CellCount];
        for (int i = 0; i < weight.Length; i++)
        {
            urban[i] = geography.InRegion(i) && (urban[i] || urbanKm2[i] >= UrbanAreaThreshold * grid.CellAreaKm2);
            if (urban[i])
            {
                weight[i] = Math.Max(MinimumUrbanWeight, (urbanKm2[i] * UrbanDensityPerKm2) + placePop[i]) * geography.RegionFraction[i];
            }
        }

        return new UrbanBase(urban, weight);
    }
}
