using System.Globalization;
using FsCheck.Fluent;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Models.Lines;

public class SegmentClipperTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void LengthInside_equals_the_length_of_the_nts_intersection_for_random_segments_and_boxes()
    {
        var coordinate = from x in Properties.Uniform(-100, 100) from y in Properties.Uniform(-100, 100) select new Coordinate(x, y);
        var gen =
            from a in coordinate
            from b in Gen.Frequency((8, coordinate), (1, Gen.Constant(new Coordinate(0, 0))), (1, coordinate.Select(c => new Coordinate(c.X, 17.5))))
            from x0 in Properties.Uniform(-60, 40)
            from y0 in Properties.Uniform(-60, 40)
            from w in Properties.Uniform(0.5, 60)
            from h in Properties.Uniform(0.5, 60)
            select (A: a, B: b, Box: new Envelope(x0, x0 + w, y0, y0 + h));
        Properties.Check(gen, t =>
        {
            double got = SegmentClipper.LengthInside(t.A, t.B, t.Box);
            double expected = Factory.CreateLineString([t.A, t.B]).Intersection(Factory.ToGeometry(t.Box)).Length;
            double tolerance = 1e-9 * Math.Max(t.A.Distance(t.B), 1e-9);
            Assert.True(Math.Abs(got - expected) <= tolerance, string.Create(CultureInfo.InvariantCulture,
                $"segment {t.A}-{t.B} in {t.Box}: expected {expected:R}, got {got:R}, difference {got - expected:R}"));
        }, cases: 2000);
    }

    [Fact]
    public void LengthInside_of_a_degenerate_segment_is_zero()
    {
        Assert.Equal(0, SegmentClipper.LengthInside(new Coordinate(1, 1), new Coordinate(1, 1), new Envelope(0, 2, 0, 2)));
    }

    [Fact]
    public void LengthInside_counts_a_segment_on_a_shared_edge_in_the_east_and_south_cell_only()
    {
        var west = new Envelope(0, 10, 0, 10);
        var east = new Envelope(10, 20, 0, 10);
        var north = new Envelope(0, 10, 10, 20);
        var vertical = (new Coordinate(10, 2), new Coordinate(10, 8));
        Assert.Equal(0, SegmentClipper.LengthInside(vertical.Item1, vertical.Item2, west));
        Assert.Equal(6, SegmentClipper.LengthInside(vertical.Item1, vertical.Item2, east));
        var horizontal = (new Coordinate(3, 10), new Coordinate(7, 10));
        Assert.Equal(4, SegmentClipper.LengthInside(horizontal.Item1, horizontal.Item2, west));
        Assert.Equal(0, SegmentClipper.LengthInside(horizontal.Item1, horizontal.Item2, north));
    }

    [Fact]
    public void LengthInside_of_a_segment_through_a_corner_is_split_between_the_two_boxes_it_crosses()
    {
        var a = new Coordinate(5, 5);
        var b = new Coordinate(15, 15);
        double sw = SegmentClipper.LengthInside(a, b, new Envelope(0, 10, 0, 10));
        double ne = SegmentClipper.LengthInside(a, b, new Envelope(10, 20, 10, 20));
        double nw = SegmentClipper.LengthInside(a, b, new Envelope(0, 10, 10, 20));
        Conservation.AssertConserved(a.Distance(b), sw + ne + nw, 1e-12, "diagonal through a corner");
        Assert.Equal(0, nw);
    }
}
