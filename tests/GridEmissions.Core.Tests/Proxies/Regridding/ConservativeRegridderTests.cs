using GridEmissions.Core.Grids;
using GridEmissions.Core.Proxies.Regridding;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Proxies.Regridding;

public class ConservativeRegridderTests
{
    // Target: 3 × 2 cells of 10 km, west edge x = 0, north edge y = 20 km.
    private static readonly GridSpec Target = new("t", 10_000, 0, 1, 3, 2);

    /// <summary>An axis-aligned raster in the target CRS: origin (x0, y0) at its north-west corner, square cells of <paramref name="size"/>.</summary>
    private static SourceRaster Axis(double x0, double y0, double size, int columns, int rows, double[] values, int densify = 1)
    {
        int nc = (columns * densify) + 1, nr = (rows * densify) + 1;
        var xs = new double[nc * nr];
        var ys = new double[nc * nr];
        for (int r = 0; r < nr; r++)
        {
            for (int c = 0; c < nc; c++)
            {
                xs[(r * nc) + c] = x0 + (c * size / densify);
                ys[(r * nc) + c] = y0 - (r * size / densify);
            }
        }

        return new SourceRaster("test.tif", columns, rows, values, xs, ys, densify);
    }

    [Fact]
    public void A_source_cell_straddling_four_target_cells_is_split_by_hand_computed_overlaps()
    {
        // One 8 km cell with its NW corner at (6 km, 14 km): it covers x 6..14 km, y 6..14 km.
        // Overlaps: cell (0,0) x6-10,y10-14 = 16 km²; (1,0) x10-14,y10-14 = 16; (0,1) x6-10,y6-10 = 16; (1,1) 16.
        var r = ConservativeRegridder.Regrid(Axis(6_000, 14_000, 8_000, 1, 1, [640]), Target, RasterQuantity.Count);
        Assert.Equal([160, 160, 0, 160, 160, 0], r.Values.Select(v => Math.Round(v, 9)).ToArray());
        Assert.Equal(0.16, r.CoveredFraction[0], 12);
        Assert.Equal(640, r.SourceTotal);
    }

    [Fact]
    public void Uneven_overlaps_follow_the_area_exactly()
    {
        // 7 km cells from x = 0, y = 20 km: 3 × 2 of them cover x 0..21, y 6..20 km.
        double[] v = [49, 98, 147, 196, 245, 294];
        var r = ConservativeRegridder.Regrid(Axis(0, 20_000, 7_000, 3, 2, v), Target, RasterQuantity.Count);

        // Target (0,0): x0-10, y10-20. Source (0,0) x0-7,y13-20: 49 km² of 49 → 49. Source (1,0) x7-14,y13-20: x7-10 = 3×7 = 21 km² of 49 → 98×21/49 = 42.
        // Source (0,1) x0-7,y6-13: y10-13 → 7×3 = 21 km² → 196×21/49 = 84. Source (1,1) x7-14,y6-13: 3×3 = 9 km² → 245×9/49 = 45.
        Assert.Equal(49 + 42 + 84 + 45, r.Values[0], 9);

        // Everything inside the lattice is kept: x 0..21 km lies within 0..30, y 6..20 within 0..20.
        Assert.Equal(v.Sum(), r.Values.Sum(), 9);
    }

    [Fact]
    public void Counts_outside_the_lattice_are_left_out_and_fractions_are_area_averaged()
    {
        // Two 10 km cells from x = -5 km: the western half of the first lies outside the lattice.
        var counts = ConservativeRegridder.Regrid(Axis(-5_000, 20_000, 10_000, 2, 1, [100, 100]), Target, RasterQuantity.Count);
        Assert.Equal(50 + 50, counts.Values[0], 9);
        Assert.Equal(50, counts.Values[1], 9);

        var fractions = ConservativeRegridder.Regrid(Axis(-5_000, 20_000, 10_000, 2, 1, [0.2, 0.6]), Target, RasterQuantity.Fraction);
        Assert.Equal(0.4, fractions.Values[0], 12);          // half 0.2, half 0.6
        Assert.Equal(0.6, fractions.Values[1], 12);          // only the second cell's eastern half
        Assert.Equal(0.5, fractions.CoveredFraction[1], 12); // x 10..15 km covered of 10..20
        Assert.Equal(0, fractions.Values[2]);
    }

    [Fact]
    public void Nodata_is_no_count_and_is_left_out_of_a_fraction_mean()
    {
        var f = ConservativeRegridder.Regrid(Axis(0, 20_000, 5_000, 2, 1, [double.NaN, 0.8]), Target, RasterQuantity.Fraction);
        Assert.Equal(0.8, f.Values[0], 12);
        Assert.Equal(0.5, f.CoveredFraction[0], 12);
        Assert.Equal(0.25, f.ValidFraction[0], 12);
        var c = ConservativeRegridder.Regrid(Axis(0, 20_000, 5_000, 2, 1, [double.NaN, 7]), Target, RasterQuantity.Count);
        Assert.Equal(7, c.Values[0], 12);
    }

    [Fact]
    public void A_rotated_densified_raster_matches_an_NTS_polygon_overlay()
    {
        // A 4 × 3 raster of 6 km cells rotated by 17° about (15 km, 10 km), each edge densified 3×:
        // straight edges, so the regrid must equal NTS's exact polygon intersection areas.
        const int columns = 4, rows = 3, d = 3;
        double angle = 17 * Math.PI / 180, size = 6_000, cx = 15_000, cy = 10_000;
        int nc = (columns * d) + 1, nr = (rows * d) + 1;
        var xs = new double[nc * nr];
        var ys = new double[nc * nr];
        (double X, double Y) Node(double u, double v)
        {
            double lx = -12_000 + u, ly = 9_000 - v;
            return (cx + (lx * Math.Cos(angle)) - (ly * Math.Sin(angle)), cy + (lx * Math.Sin(angle)) + (ly * Math.Cos(angle)));
        }

        for (int r = 0; r < nr; r++)
        {
            for (int c = 0; c < nc; c++)
            {
                (xs[(r * nc) + c], ys[(r * nc) + c]) = Node(c * size / d, r * size / d);
            }
        }

        double[] values = Enumerable.Range(1, columns * rows).Select(i => i * 10.0).ToArray();
        var source = new SourceRaster("rot.tif", columns, rows, values, xs, ys, d);
        var got = ConservativeRegridder.Regrid(source, Target, RasterQuantity.Count);

        var factory = new GeometryFactory();
        var expected = new double[Target.CellCount];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                var ring = new[] { Node(c * size, r * size), Node((c + 1) * size, r * size), Node((c + 1) * size, (r + 1) * size), Node(c * size, (r + 1) * size), Node(c * size, r * size) }
                    .Select(p => new Coordinate(p.X, p.Y)).ToArray();
                Polygon cell = factory.CreatePolygon(ring);
                for (int i = 0; i < Target.CellCount; i++)
                {
                    expected[i] += values[(r * columns) + c] * cell.Intersection(factory.ToGeometry(Target.CellEnvelope(i))).Area / cell.Area;
                }
            }
        }

        for (int i = 0; i < Target.CellCount; i++)
        {
            Assert.True(Math.Abs(expected[i] - got.Values[i]) <= 1e-9 * Math.Max(1, expected[i]), $"cell {i}: expected {expected[i]:R}, got {got.Values[i]:R}");
        }
    }

    [Theory]
    [InlineData(-1.0, RasterQuantity.Count)]
    [InlineData(double.PositiveInfinity, RasterQuantity.Count)]
    [InlineData(1.5, RasterQuantity.Fraction)]
    public void Bad_values_are_input_errors_naming_the_file_and_cell(double bad, RasterQuantity quantity)
    {
        var e = Assert.Throws<ProxyRasterException>(() => ConservativeRegridder.Regrid(Axis(0, 20_000, 10_000, 2, 1, [0.5, bad]), Target, quantity));
        Assert.Equal("test.tif", e.File);
        Assert.Contains("column 1, row 0", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncovered_lists_region_cells_the_raster_does_not_reach()
    {
        // The raster covers only the western 15 km; the region is every cell.
        var r = ConservativeRegridder.Regrid(Axis(0, 20_000, 5_000, 3, 4, new double[12]), Target, RasterQuantity.Count);
        double[] region = [1, 1, 1, 1, 1, 1];
        Assert.Equal([1, 2], ConservativeRegridder.Uncovered(r, region).ToArray()[..2]);
        Assert.Empty(ConservativeRegridder.Uncovered(r, [1, 0.5, 0, 1, 0.5, 0]));
    }
}
