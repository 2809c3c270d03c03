using GridEmissions.Analysis;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace GridEmissions.Analysis.Tests.Cities;

/// <summary>
/// The reduced, allocation-free cell clipping against NTS's RingClipper on the whole ring, bit for
/// bit, on rings built to hit its edge cases: vertices on the cell lines and corners, repeated
/// vertices, long excursions that cross the cell's lines far away, and spikes.
/// </summary>
public sealed class RingCellClipperTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Area_in_every_cell_equals_whole_ring_clipping_bit_for_bit(int seed)
    {
        var random = new Random(seed);
        var clip = new CellRingClip();
        int compared = 0, nonZero = 0;
        for (int ring = 0; ring < 40; ring++)
        {
            Coordinate[] points = RandomRing(random, ring % 4 == 0 ? 3 + random.Next(6) : 20 + random.Next(300));
            var clipper = new RingCellClipper(points, hole: false);
            for (int cy = -1; cy <= 10; cy++)
            {
                for (int cx = -1; cx <= 10; cx++)
                {
                    var cell = new Envelope(cx, cx + 1, cy, cy + 1);
                    Coordinate[] clipped = new RingClipper(cell).Clip(points);
                    double expected = clipped.Length >= 4 ? Math.Abs(Area.OfRingSigned(clipped)) : 0;
                    double actual = clipper.AreaIn(cell, clip);
                    Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                        $"seed {seed}, ring {ring}, cell ({cx}, {cy}): RingClipper {expected:R}, RingCellClipper {actual:R}");
                    compared++;
                    nonZero += expected > 0 ? 1 : 0;
                }
            }
        }

        Assert.True(nonZero > compared / 10, $"only {nonZero} of {compared} cells were cut: the rings miss the cells");
    }

    // A closed ring of random vertices over [-2, 12]²: a third snapped to the integer cell lines (so
    // vertices fall on lines and corners), some repeated, some far outside.
    private static Coordinate[] RandomRing(Random random, int count)
    {
        var points = new List<Coordinate>();
        for (int i = 0; i < count; i++)
        {
            double x = -2 + (14 * random.NextDouble()), y = -2 + (14 * random.NextDouble());
            switch (random.Next(6))
            {
                case 0: x = Math.Round(x); break;
                case 1: y = Math.Round(y); break;
                case 2: (x, y) = (Math.Round(x), Math.Round(y)); break;
                case 3: x *= 8; break;
                default: break;
            }

            points.Add(new Coordinate(x, y));
            if (random.Next(10) == 0)
            {
                points.Add(new Coordinate(x, y));
            }
        }

        points.Add(points[0].Copy());
        return [.. points];
    }
}
