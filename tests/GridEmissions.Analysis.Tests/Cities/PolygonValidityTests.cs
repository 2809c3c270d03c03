using GridEmissions.Analysis;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GridEmissions.Analysis.Tests.Cities;

/// <summary>
/// The fast validity proof never calls an invalid polygon valid (NTS's IsValidOp is the judge), on
/// random polygons built to be valid or to break each rule: self-crossing and self-touching rings,
/// spikes, holes touching, crossing or outside their shell, nested holes, overlapping, touching and
/// nested parts; and it proves most of the valid ones, so the fast path is taken.
/// </summary>
public sealed class PolygonValidityTests
{
    private const int Kinds = 15;

    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_polygon_proved_valid_is_valid_for_IsValidOp(int seed)
    {
        var random = new Random(seed);
        int valid = 0, proved = 0, invalid = 0;
        for (int k = 0; k < 40 * Kinds; k++)
        {
            Geometry geometry = Case(random, k % Kinds);
            bool isValid = new IsValidOp(geometry).IsValid;
            bool isProved = PolygonValidity.IsCertainlyValid(geometry);
            Assert.False(isProved && !isValid, $"seed {seed}, case {k} (kind {k % Kinds}): proved valid, but IsValidOp says {new IsValidOp(geometry).ValidationError}: {geometry}");
            valid += isValid ? 1 : 0;
            invalid += isValid ? 0 : 1;
            proved += isProved ? 1 : 0;
        }

        Assert.True(invalid >= 100 && valid >= 100 && proved >= valid * 3 / 4, $"seed {seed}: {valid} valid ({proved} proved), {invalid} invalid");
    }

    [Fact]
    public void Rules_each_fail_the_proof()
    {
        Polygon square = Square(0, 0, 10);
        Assert.True(PolygonValidity.IsCertainlyValid(square));
        Assert.True(PolygonValidity.IsCertainlyValid(Factory.CreatePolygon(Shell(0, 0, 10), [Ring(2, 2, 2)])));
        Assert.True(PolygonValidity.IsCertainlyValid(Factory.CreateMultiPolygon([square, Square(20, 0, 5)])));

        // A bow tie, a spike, a hole touching the shell (valid, but IsValidOp must decide), a hole
        // outside, nested holes, parts overlapping and nested, a non-finite coordinate.
        Assert.False(PolygonValidity.IsCertainlyValid(Poly((0, 0), (10, 10), (10, 0), (0, 10), (0, 0))));
        Assert.False(PolygonValidity.IsCertainlyValid(Poly((0, 0), (10, 0), (10, 10), (10, 15), (10, 10), (0, 10), (0, 0))));
        Assert.False(PolygonValidity.IsCertainlyValid(Factory.CreatePolygon(Shell(0, 0, 10), [Ring(0, 2, 2)])));
        Assert.False(PolygonValidity.IsCertainlyValid(Factory.CreatePolygon(Shell(0, 0, 10), [Ring(20, 2, 2)])));
        Assert.False(PolygonValidity.IsCertainlyValid(Factory.CreatePolygon(Shell(0, 0, 10), [Ring(1, 1, 6), Ring(2, 2, 2)])));
        Assert.False(PolygonValidity.IsCertainlyValid(Factory.CreateMultiPolygon([square, Square(5, 5, 10)])));
        Assert.False(PolygonValidity.IsCertainlyValid(Factory.CreateMultiPolygon([square, Square(2, 2, 3)])));
        Assert.False(PolygonValidity.IsCertainlyValid(Poly((0, 0), (10, 0), (10, double.NaN), (0, 10), (0, 0))));
    }

    // Kinds: 0-3 valid stars (with holes, repeated and collinear points), 4 self-crossing, 5 with a
    // spike, 6 a hole through or touching the shell, 7 a hole outside, 8 nested holes, 9 two parts
    // that may overlap, touch or nest; at a vertex T of the shell: 10 a hole touching it there, 11 a
    // hole crossing it there, 12 a hole touching it there and at another vertex, 13 a part touching
    // it from outside, 14 a part touching it at two vertices.
    private static Geometry Case(Random random, int kind)
    {
        double cx = 50, cy = 50;
        if (kind >= 10)
        {
            var shellPoints = StarPoints(random, cx, cy, 25, 40);
            int i = random.Next(shellPoints.Count - 3);
            Coordinate t = shellPoints[i];
            double ux = cx - t.X, uy = cy - t.Y, len = Math.Sqrt((ux * ux) + (uy * uy));
            (ux, uy) = (ux / len, uy / len);
            Coordinate At(double along, double across) => new(Math.Round(t.X + (along * ux) - (across * uy), 1), Math.Round(t.Y + (along * uy) + (across * ux), 1));
            LinearRing shell = Factory.CreateLinearRing(Closed(shellPoints));
            switch (kind)
            {
                case 10:
                    return Factory.CreatePolygon(shell, [Factory.CreateLinearRing(Closed([t.Copy(), At(6, -2 - random.Next(3)), At(8, 0), At(6, 2 + random.Next(3))]))]);
                case 11:
                    return Factory.CreatePolygon(shell, [Factory.CreateLinearRing(Closed([t.Copy(), At(6, -3), At(-4, -random.Next(4))]))]);
                case 12:
                    return Factory.CreatePolygon(shell, [Factory.CreateLinearRing(Closed([t.Copy(), At(10, 1), shellPoints[i + 2].Copy()]))]);
                case 13:
                    return Factory.CreateMultiPolygon([Factory.CreatePolygon(shell), Factory.CreatePolygon(Closed([t.Copy(), At(-6, 2 + random.Next(3)), At(-8, 0), At(-6, -2 - random.Next(3))]))]);
                default:
                {
                    Coordinate t2 = shellPoints[i + 2];
                    double ox = t2.X - cx, oy = t2.Y - cy;
                    return Factory.CreateMultiPolygon([Factory.CreatePolygon(shell),
                        Factory.CreatePolygon(Closed([t.Copy(), new(Math.Round(t.X - ux * 10, 1), Math.Round(t.Y - uy * 10, 1)), new(Math.Round(t2.X + ox * 0.3, 1), Math.Round(t2.Y + oy * 0.3, 1)), t2.Copy()]))]);
                }
            }
        }

        switch (kind)
        {
            case 4:
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(Enumerable.Range(0, 6 + random.Next(20)).Select(_ => new Coordinate(random.Next(100), random.Next(100))).ToList())));
            case 5:
            {
                var points = StarPoints(random, cx, cy, 20, 40);
                int at = 1 + random.Next(points.Count - 2);
                points.Insert(at + 1, new Coordinate(cx + ((points[at].X - cx) * 1.2), cy + ((points[at].Y - cy) * 1.2)));
                points.Insert(at + 2, points[at].Copy());
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(points)));
            }

            case 6:
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 20, 40))), [Factory.CreateLinearRing(Closed(StarPoints(random, cx + 20 + random.Next(10), cy, 3, 10)))]);
            case 7:
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 20, 30))), [Factory.CreateLinearRing(Closed(StarPoints(random, cx + 80, cy, 3, 8)))]);
            case 8:
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 30, 40))),
                    [Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 12, 18))), Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 3, 6)))]);
            case 9:
            {
                double d = random.Next(4) * 15;
                var a = Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 10, 20))));
                var b = Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx + d, cy, random.Next(2) == 0 ? 3 : 10, random.Next(2) == 0 ? 6 : 20))));
                return Factory.CreateMultiPolygon([a, b]);
            }

            default:
            {
                var holes = kind >= 2 ? new[] { Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 3, 12))) } : [];
                return Factory.CreatePolygon(Factory.CreateLinearRing(Closed(StarPoints(random, cx, cy, 20, 40, repeats: kind % 2 == 1))), holes);
            }
        }
    }

    // Vertices around (cx, cy) at increasing angles and radii in [rMin, rMax], some repeated, some on
    // a straight line between their neighbours.
    private static List<Coordinate> StarPoints(Random random, double cx, double cy, double rMin, double rMax, bool repeats = false)
    {
        int n = 6 + random.Next(30);
        var points = new List<Coordinate>();
        for (int i = 0; i < n; i++)
        {
            double a = (i + (0.8 * (random.NextDouble() - 0.5))) * 2 * Math.PI / n;
            double r = rMin + ((rMax - rMin) * random.NextDouble());
            points.Add(new Coordinate(Math.Round(cx + (r * Math.Cos(a)), 1), Math.Round(cy + (r * Math.Sin(a)), 1)));
            if (repeats && random.Next(4) == 0)
            {
                points.Add(points[^1].Copy());
            }
        }

        return points;
    }

    private static Coordinate[] Closed(List<Coordinate> points) => [.. points, points[0].Copy()];

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(Shell(x, y, size));

    private static LinearRing Shell(double x, double y, double size) => Ring(x, y, size);

    private static LinearRing Ring(double x, double y, double size) =>
        Factory.CreateLinearRing([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    private static Polygon Poly(params (double X, double Y)[] points) => Factory.CreatePolygon(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
}
