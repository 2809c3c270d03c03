using GridEmissions.Core.Proxies.Regridding;

namespace GridEmissions.Core.Tests.Proxies.Regridding;

public class PolygonClipperTests
{
    [Fact]
    public void A_triangle_across_a_corner_keeps_the_hand_computed_part()
    {
        // Right triangle (0,0),(4,0),(0,4) clipped to [1,3] × [0,2]: the part under x + y ≤ 4 with 1 ≤ x ≤ 3, 0 ≤ y ≤ 2.
        // Area = ∫1..3 min(2, 4 − x) dx = ∫1..2 2 dx + ∫2..3 (4 − x) dx = 2 + 1.5 = 3.5.
        var clipper = new PolygonClipper();
        Assert.Equal(3.5, clipper.AreaInside([0, 4, 0], [0, 0, 4], 1, 3, 0, 2), 12);
    }

    [Fact]
    public void A_non_convex_polygon_is_clipped_exactly()
    {
        // An L shape: [0,2]² without [1,2] × [1,2] (area 3); clipped to [0.5, 2] × [0.5, 2]: [0.5,2] × [0.5,1] = 0.75 plus [0.5,1] × [1,2] = 0.5.
        var clipper = new PolygonClipper();
        double[] xs = [0, 2, 2, 1, 1, 0], ys = [0, 0, 1, 1, 2, 2];
        Assert.Equal(3, PolygonClipper.Area(xs, ys), 12);
        Assert.Equal(1.25, clipper.AreaInside(xs, ys, 0.5, 2, 0.5, 2), 12);
        Assert.Equal(0, clipper.AreaInside(xs, ys, 5, 6, 5, 6));
    }
}
