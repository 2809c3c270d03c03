using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GridEmissions.Rendering.Tests;

/// <summary>
/// Plausible-looking emissions for visual tests: each city seat a log-normal peak decaying over
/// ~25 km, a few point sources, some zero cells; NaN outside the region. Seeded, so renders are reproducible.
/// </summary>
internal static class SyntheticEmissions
{
    internal static (GridSpec Grid, double[] Values, bool[] Inside) For(string region, IReadOnlyList<BoundaryFeature> cities, int seed, double scale = 1)
    {
        var env = new Envelope();
        foreach (BoundaryFeature c in cities)
        {
            env.ExpandToInclude(c.Geometry.EnvelopeInternal);
        }

        GridSpec grid = GridSpec.Covering(region, env, 10_000, 1);
        IPreparedGeometry[] prepared = [.. cities.Select(c => PreparedGeometryFactory.Prepare(c.Geometry))];
        var rng = new Random(seed);
        var values = new double[grid.CellCount];
        var inside = new bool[grid.CellCount];
        var plants = Enumerable.Range(0, 25).Select(_ => cities[rng.Next(cities.Count)].Anchor).Select(a => new Coordinate(a.X + rng.NextDouble() * 80e3 - 40e3, a.Y + rng.NextDouble() * 80e3 - 40e3)).ToArray();
        for (int i = 0; i < grid.CellCount; i++)
        {
            Coordinate c = grid.CellCentre(i);
            var point = Fixtures.Factory.CreatePoint(c);
            inside[i] = prepared.Any(p => p.Contains(point));
            if (!inside[i])
            {
                values[i] = double.NaN;
                continue;
            }

            double v = 200 + rng.NextDouble() * 1500;
            foreach (BoundaryFeature city in cities)
            {
                double d = city.Anchor.Distance(c);
                v += 4e5 * Math.Exp(-d / 25e3);
            }

            foreach (Coordinate p in plants)
            {
                if (p.Distance(c) < 7_100)
                {
                    v += 2e6 * rng.NextDouble();
                }
            }

            values[i] = rng.NextDouble() < 0.03 ? 0 : v * scale;
        }

        return (grid, values, inside);
    }
}
